//! The single entry of the contract: request bytes (and optional input bytes) in, a status and
//! one body out. The C ABI, the CLI and every binding go through [`call`].

use crate::error::{ApiError, RequestFault};
use crate::op::{Op, lang_of};
use crate::ops;
use crate::response::{DocumentEntry, DocumentResponse, FailedDocument};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use qms_core::Lang;
use serde::Serialize;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The outcome class of a call; the numeric values are the C ABI's status codes and never change.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum Status {
    /// The op did its work (a check that found errors or an import with conflicts included).
    Ok = 0,
    /// The request is not UTF-8, not JSON, or has a missing, unknown or mistyped member.
    BadRequest = 1,
    /// The op is not one this version knows.
    UnknownOp = 2,
    /// The dossier does not validate, so the op cannot run on it.
    InvalidDossier = 3,
    /// An id or clause the request names does not exist.
    NotFound = 4,
    /// A document could not be written or a workbook could not be read.
    Document = 5,
    /// An input is larger than the limits allow.
    TooLarge = 6,
    /// A required pointer was NULL (C ABI only).
    NullArgument = 7,
    /// A bug: a panic caught at the boundary.
    Internal = 8,
}

/// What a call answers: a status and a body.
///
/// With [`Status::Ok`], an op that makes a document (render, render-all, export-checklist)
/// answers its bytes in `bytes` and describes it in `json` (`file_name`, `media_type`, `size`);
/// other ops answer `json` only. Otherwise `json` holds the error `{"code", "message", "path"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The outcome class.
    pub status: Status,
    /// The JSON result, the document's description, or the error.
    pub json: Vec<u8>,
    /// The document bytes, for ops that produce one.
    pub bytes: Option<Vec<u8>>,
}

impl Response {
    /// The one body the C ABI hands out: the document when there is one, else the JSON.
    pub fn body(&self) -> &[u8] {
        self.bytes.as_deref().unwrap_or(&self.json)
    }

    /// Moves the body out.
    pub fn into_body(self) -> Vec<u8> {
        self.bytes.unwrap_or(self.json)
    }

    pub(crate) fn json(status: Status, value: &impl Serialize) -> Response {
        Response {
            status,
            // invariant: the response types serialise (no maps with non-string keys).
            json: serde_json::to_vec(value).unwrap_or_default(),
            bytes: None,
        }
    }

    fn error(e: &ApiError, lang: Lang) -> Response {
        Response::json(e.status(), &e.to_response(lang))
    }
}

/// Answers one request. Never panics: a panic inside is caught and becomes [`Status::Internal`].
///
/// `inputs` are extra bytes the op reads (the filled workbooks of `import-checklist`).
///
/// ```
/// let r = qms_api::call(br#"{"op": "correlate", "clause": "8.2.2"}"#, &[]);
/// assert_eq!(r.status, qms_api::Status::Ok);
/// let v: serde_json::Value = serde_json::from_slice(&r.json).unwrap();
/// assert_eq!(v["targets"][0]["clause"], "9.2");
/// let e = qms_api::call(b"{", &[]);
/// assert_eq!(e.status, qms_api::Status::BadRequest);
/// ```
pub fn call(request: &[u8], inputs: &[&[u8]]) -> Response {
    guarded(request, inputs, false)
}

/// [`call`] for JSON-only transports (`qms api`, a web service): documents come back as base64
/// inside the JSON, as if every request said `"base64": true`.
///
/// ```
/// let r = qms_api::call_json_only(br#"{"op": "init"}"#, &[]);
/// assert_eq!(r.status, qms_api::Status::Ok);
/// assert!(r.bytes.is_none());
/// ```
pub fn call_json_only(request: &[u8], inputs: &[&[u8]]) -> Response {
    guarded(request, inputs, true)
}

fn guarded(request: &[u8], inputs: &[&[u8]], base64: bool) -> Response {
    match catch_unwind(AssertUnwindSafe(|| dispatch(request, inputs, base64))) {
        Ok(r) => r,
        Err(_) => internal(),
    }
}

/// The answer to a caught panic.
fn internal() -> Response {
    #[derive(Serialize)]
    struct Internal {
        code: &'static str,
        message: &'static str,
        path: &'static str,
    }
    Response::json(
        Status::Internal,
        &Internal {
            code: "internal",
            message: "lỗi nội bộ của qms (một lỗi phần mềm; hãy báo kèm yêu cầu) / internal error in qms (a bug; please report it with the request)",
            path: "$",
        },
    )
}

fn dispatch(request: &[u8], inputs: &[&[u8]], base64: bool) -> Response {
    let text = match std::str::from_utf8(request) {
        Ok(t) => t,
        Err(e) => {
            let byte = e.valid_up_to();
            return Response::error(
                &ApiError::bad(RequestFault::NotUtf8 { byte }, "$"),
                Lang::Vi,
            );
        }
    };
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    #[cfg(any(test, feature = "test-panic"))]
    if crate::op::head(text).is_ok_and(|h| h.op == "__panic") {
        panic!("the __panic op panics on purpose (feature test-panic)");
    }
    match Op::parse(text).and_then(|op| execute(op, inputs, base64)) {
        Ok(r) => r,
        Err(e) => Response::error(&e, lang_of(text)),
    }
}

/// Runs a parsed op: one arm per op.
fn execute(op: Op<'_>, inputs: &[&[u8]], base64: bool) -> Result<Response, ApiError> {
    if !inputs.is_empty() && !matches!(op, Op::ImportChecklist(_)) {
        return Err(ApiError::bad(
            RequestFault::UnexpectedInputs {
                op: op.name().as_str(),
            },
            "$",
        ));
    }
    Ok(match op {
        Op::Validate(r) => ok(ops::validate(r)?),
        Op::Check(r) => ok(ops::check(&r)?),
        Op::Rules(r) => ok(ops::rules(&r)?),
        Op::Explain(r) => ok(ops::explain(&r)?),
        Op::Transition(r) => ok(ops::transition(r)?),
        Op::Clauses(r) => ok(ops::clauses(&r)?),
        Op::Correlate(r) => ok(ops::correlate(&r)?),
        Op::Convert(r) => ok(ops::convert(r)?),
        Op::Init(r) => ok(ops::init(&r)?),
        Op::ChecklistNew(r) => ok(ops::checklist_new(r)?),
        Op::ExportChecklist(r) => {
            let base64 = r.base64 || base64;
            document(ops::export_checklist(r)?, Vec::new(), Vec::new(), base64)
        }
        Op::ImportChecklist(r) => ok(ops::import_checklist(r, inputs)?),
        Op::Render(r) => {
            let base64 = r.base64 || base64;
            document(ops::render(r)?, Vec::new(), Vec::new(), base64)
        }
        Op::RenderAll(r) => {
            let base64 = r.base64 || base64;
            let (doc, entries, failed) = ops::render_all(r)?;
            document(doc, entries, failed, base64)
        }
        Op::Sample(r) => ok(ops::sample(&r)?),
        Op::Schema(r) => ok(ops::schema(&r)?),
        Op::Rollup(r) => crate::rollup::respond(&r, base64)?,
    })
}

/// A JSON result.
fn ok(value: impl Serialize) -> Response {
    Response::json(Status::Ok, &value)
}

/// A document as the response: raw bytes with a JSON description, or all of it as base64 JSON.
fn document(
    doc: ops::Document,
    documents: Vec<DocumentEntry>,
    failed: Vec<FailedDocument>,
    base64: bool,
) -> Response {
    let mut info = DocumentResponse {
        file_name: doc.file_name,
        media_type: doc.media_type,
        size: doc.bytes.len(),
        documents,
        failed,
        base64: None,
    };
    if base64 {
        info.base64 = Some(STANDARD.encode(&doc.bytes));
        return Response::json(Status::Ok, &info);
    }
    Response {
        bytes: Some(doc.bytes),
        ..Response::json(Status::Ok, &info)
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn a_panic_inside_becomes_status_internal() {
        // The `__panic` op exists in unit tests and with the `test-panic` feature only.
        let r = call(br#"{"op": "__panic"}"#, &[]);
        assert_eq!(r.status, Status::Internal);
        let v: serde_json::Value = serde_json::from_slice(&r.json).unwrap();
        assert_eq!(v["code"], "internal");
        // The library still answers afterwards.
        assert_eq!(call(br#"{"op": "rules"}"#, &[]).status, Status::Ok);
    }

    #[test]
    fn inputs_to_an_op_that_reads_none_are_refused() {
        let r = call(br#"{"op": "rules"}"#, &[b"PK"]);
        assert_eq!(r.status, Status::BadRequest);
    }
}
