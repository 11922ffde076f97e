//! # qms-api
//!
//! The JSON contract shared by the command line (`qms api`), the C ABI and every binding: one
//! request `{"op": ...}` in, one JSON response out. Safe, stateless and transport-agnostic.
//!
//! ```
//! let out = qms_api::handle_json(br#"{"op": "correlate", "clause": "8.2.2", "from": "2008", "to": "2015"}"#);
//! let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
//! assert_eq!(v["ok"], true);
//! assert_eq!(v["result"]["targets"][0]["clause"], "9.2");
//! ```

mod call;
mod check;
pub mod documents;
mod error;
mod ops;
pub mod request;
pub mod rollup;
pub mod schema;

pub use call::{Response, Status, call};
pub use check::diagnostic_json;
pub use documents::{Document, MEDIA_DOCX, MEDIA_XLSX, render_document};
pub use error::ApiError;
pub use ops::{OPS, handle, problem_json};
pub use rollup::{ReadAgency, roll_up};

/// Handles a request and always answers with an envelope:
/// `{"ok": true, "result": ...}` or `{"ok": false, "error": {"code", "message", "path"}}`.
pub fn handle_json(request: &[u8]) -> Vec<u8> {
    let envelope = match handle(request) {
        Ok(result) => serde_json::json!({ "ok": true, "result": result }),
        Err(e) => serde_json::json!({ "ok": false, "error": e.to_json() }),
    };
    // invariant: a serde_json::Value always serialises.
    serde_json::to_vec(&envelope).unwrap_or_default()
}
