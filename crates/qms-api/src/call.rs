//! The single entry of the contract: request bytes (and optional input bytes) in, a status and
//! one body out. The C ABI, the CLI and every binding go through [`call`].

use crate::ApiError;
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use serde_json::Value;
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
/// With [`Status::Ok`], `bytes` holds a document (render, export-checklist) and `json` is
/// empty, or `bytes` is `None` and `json` holds the result. Otherwise `json` holds the error
/// `{"code", "message", "path"}`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Response {
    /// The outcome class.
    pub status: Status,
    /// The JSON result or error.
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

    fn error(status: Status, error: &Value) -> Response {
        Response {
            status,
            json: serde_json::to_vec(error).unwrap_or_default(),
            bytes: None,
        }
    }
}

impl ApiError {
    /// The status class of this error.
    pub fn status(&self) -> Status {
        match self {
            ApiError::BadRequest { .. } => Status::BadRequest,
            ApiError::UnknownOp { .. } => Status::UnknownOp,
            ApiError::InvalidDossier { .. } => Status::InvalidDossier,
            ApiError::Catalog(_) => Status::NotFound,
            ApiError::Xlsx(_) | ApiError::Docx(_) => Status::Document,
        }
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
    match catch_unwind(AssertUnwindSafe(|| dispatch(request, inputs))) {
        Ok(r) => r,
        Err(_) => Response::error(
            Status::Internal,
            &serde_json::json!({
                "code": "internal",
                "message": "internal error in qms (a bug; please report it with the request)",
                "path": "$",
            }),
        ),
    }
}

fn dispatch(request: &[u8], inputs: &[&[u8]]) -> Response {
    // Workbooks passed as inputs join the request's own list.
    let owned;
    let request = if inputs.is_empty() {
        request
    } else {
        match with_inputs(request, inputs) {
            Ok(r) => {
                owned = r;
                &owned[..]
            }
            Err(e) => return Response::error(e.status(), &e.to_json()),
        }
    };
    match crate::handle(request) {
        Ok(result) => match document_bytes(request, &result) {
            Some(bytes) => Response {
                status: Status::Ok,
                json: Vec::new(),
                bytes: Some(bytes),
            },
            None => Response {
                status: Status::Ok,
                json: serde_json::to_vec(&result).unwrap_or_default(),
                bytes: None,
            },
        },
        Err(e) => Response::error(e.status(), &e.to_json()),
    }
}

/// The raw document of a render or export result, unless the request asked for base64 JSON.
fn document_bytes(request: &[u8], result: &Value) -> Option<Vec<u8>> {
    #[derive(serde::Deserialize)]
    struct Flags {
        #[serde(default)]
        base64: bool,
    }
    let b64 = result.get("base64")?.as_str()?;
    let flags: Flags = serde_json::from_slice(request).ok()?;
    if flags.base64 {
        return None;
    }
    STANDARD.decode(b64).ok()
}

fn with_inputs(request: &[u8], inputs: &[&[u8]]) -> Result<Vec<u8>, ApiError> {
    let mut v: Value = serde_json::from_slice(request)?;
    let names: Vec<String> = v
        .get("input_names")
        .and_then(Value::as_array)
        .map(|a| {
            a.iter()
                .filter_map(|n| n.as_str().map(str::to_owned))
                .collect()
        })
        .unwrap_or_default();
    let Some(obj) = v.as_object_mut() else {
        return Err(ApiError::BadRequest {
            detail: "the request is not a JSON object".into(),
            path: "$".into(),
        });
    };
    obj.remove("input_names");
    let list = obj
        .entry("workbooks")
        .or_insert_with(|| Value::Array(Vec::new()));
    let Some(list) = list.as_array_mut() else {
        return Err(ApiError::BadRequest {
            detail: "\"workbooks\" must be an array".into(),
            path: "workbooks".into(),
        });
    };
    for (i, bytes) in inputs.iter().enumerate() {
        let name = names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("input-{}.xlsx", i + 1));
        list.push(serde_json::json!({ "name": name, "base64": STANDARD.encode(bytes) }));
    }
    Ok(serde_json::to_vec(&v)?)
}
