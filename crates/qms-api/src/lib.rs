//! # qms-api
//!
//! The contract shared by the command line (`qms api`), the C ABI and every binding: one
//! request `{"op": ...}` in, a [`Status`] and one body out, through [`call`]. Documents come
//! back as raw bytes (render-all: one zip); filled workbooks go in as raw input bytes. Base64
//! is only an opt-in for JSON-only transports (`"base64": true`, `workbooks: [{name, base64}]`,
//! [`call_json_only`]). Safe, stateless, never panics across the boundary.
//!
//! ```
//! let r = qms_api::call(br#"{"op": "correlate", "clause": "8.2.2", "from": "2008", "to": "2015"}"#, &[]);
//! assert_eq!(r.status, qms_api::Status::Ok);
//! let v: serde_json::Value = serde_json::from_slice(&r.json).unwrap();
//! assert_eq!(v["targets"][0]["clause"], "9.2");
//! ```
//!
//! Ops: validate, check, rules, explain, clauses, correlate, convert, init, checklist-new,
//! export-checklist, import-checklist, render, render-all, sample, schema, transition, rollup
//! ([`OpName::ALL`]).
//! Requests and responses are described by `docs/schema/request.schema.json` and
//! `docs/schema/response.schema.json`. Rust callers may build the typed requests of
//! [`request`] and call the functions of [`ops`]: the same code [`call`] runs.
//!
//! ## Errors
//!
//! A failed call answers `{"code", "message", "path"}` (plus `problems` or `known` where
//! noted): `message` is in the request's `lang` (Vietnamese by default, English with
//! `"lang": "en"`), `path` is a JSON path into the request (`$` is the whole request).
//!
//! | status | code | when | path |
//! |---|---|---|---|
//! | 1 BadRequest | `bad-request` | not UTF-8, not JSON, not an object; a member missing, unknown, of the wrong type or value; base64 that does not decode; `convert` to 2008; inputs to an op that reads none | the member, e.g. `kind`, `today`, `workbooks[1].base64` |
//! | 1 BadRequest | `unsupported-format` | the kind does not come in that format | `format` |
//! | 1 BadRequest | `missing-target` | the document needs an id the dossier does not imply | `audit`, `review`, `programme` |
//! | 2 UnknownOp | `unknown-op` | the op is not known; the message lists the ops | `op` |
//! | 3 InvalidDossier | `invalid-dossier` | the dossier does not validate (`problems` lists all) | `dossier` |
//! | 3 InvalidDossier | `already-converted` | `convert` of a 2015 dossier | `dossier.scope.edition` |
//! | 3 InvalidDossier | `conversion-invalid` | the converted dossier does not validate (`problems`) | `dossier` |
//! | 4 NotFound | `unknown-audit`, `unknown-review`, `unknown-corrective-action`, `unknown-programme`, `unknown-unit`, `unknown-person` | an id not in the dossier; `known` lists the ids that are | `audit`, `review`, `corrective_action`, `unit`, `auditor` |
//! | 4 NotFound | `unknown-clause` | a clause not in the edition | `clause`, `clauses[i]` |
//! | 4 NotFound | `unknown-code` | `explain` of a code that does not exist | `code` |
//! | 4 NotFound | `no-checklists`, `no-nonconformity`, `no-programme`, `no-auditor` | the record exists but lacks what the op needs | `audit`, `auditor` |
//! | 5 Document | `not-xlsx`, `encrypted-workbook`, `unreadable-workbook`, `not-a-checklist`, `other-dossier`, `unsupported-version` | a filled workbook cannot be imported | `workbooks[i]`, `inputs[i]` |
//! | 5 Document | `cell-too-long`, `write-failed` | a document cannot be written | `dossier` |
//! | 6 TooLarge | `too-large` | a workbook beyond the importer's limits; a `sample` size beyond [`ops::SAMPLE_MAX`] | `inputs[i]`, `checklist_items` |
//! | 7 NullArgument | `null-argument` | (C ABI) a NULL pointer | the argument |
//! | 8 Internal | `internal` | a bug: a panic caught at the boundary | `$` |

// Nothing that came from outside may panic the library (a panic behind the C ABI would take
// down the host program): no unwrap/expect/panic/indexing outside tests (issue #11).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod boundary;
mod call;
mod error;
mod error_text;
pub mod file_name;
mod op;
pub mod ops;
mod parse;
pub mod request;
pub mod response;
pub mod rollup;
pub mod schema;

pub use call::{Response, Status, call, call_json_only};
pub use error::{ApiError, KNOWN_MAX, Record, RequestFault, WorkbookFault};
pub use op::{Op, OpName};
pub use rollup::{ReadAgency, roll_up};
