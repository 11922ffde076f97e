//! Typed errors of the API, each with a stable code.

use serde_json::{Value, json};

/// Why a request could not be answered.
#[derive(Debug, thiserror::Error)]
pub enum ApiError {
    /// The request is not valid JSON or lacks/misnames a member.
    #[error("bad request at {path}: {detail}")]
    BadRequest {
        /// What is wrong.
        detail: String,
        /// Where in the request.
        path: String,
    },
    /// The op is not one this version knows.
    #[error("unknown op \"{op}\"; known ops: {known}")]
    UnknownOp {
        /// The op given.
        op: String,
        /// The ops known.
        known: String,
    },
    /// The dossier has problems, so the op cannot run on it.
    #[error("the dossier is not valid ({} problem(s)); run validate for details", problems.len())]
    InvalidDossier {
        /// The problems, as `validate` reports them.
        problems: Vec<Value>,
    },
    /// A workbook could not be written or read.
    #[error("{0}")]
    Xlsx(#[from] qms_xlsx::XlsxError),
    /// A Word document could not be written.
    #[error("{0}")]
    Docx(#[from] qms_docx::DocxError),
    /// A clause id not in the edition.
    #[error("{0}")]
    Catalog(#[from] qms_core::catalog::CatalogError),
}

impl ApiError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { .. } => "bad-request",
            ApiError::UnknownOp { .. } => "unknown-op",
            ApiError::InvalidDossier { .. } => "invalid-dossier",
            ApiError::Xlsx(e) => e.code(),
            ApiError::Docx(e) => e.code(),
            ApiError::Catalog(_) => "unknown-clause",
        }
    }

    /// The error as `{"code", "message", "path"}`.
    pub fn to_json(&self) -> Value {
        let path = match self {
            ApiError::BadRequest { path, .. } => path.as_str(),
            ApiError::UnknownOp { .. } => "op",
            ApiError::InvalidDossier { .. } => "dossier",
            ApiError::Xlsx(_) | ApiError::Docx(_) => "dossier",
            ApiError::Catalog(_) => "clause",
        };
        let mut v = json!({ "code": self.code(), "message": self.to_string(), "path": path });
        if let ApiError::InvalidDossier { problems } = self {
            v["problems"] = Value::Array(problems.clone());
        }
        v
    }
}

impl From<serde_json::Error> for ApiError {
    fn from(e: serde_json::Error) -> Self {
        ApiError::BadRequest {
            detail: e.to_string(),
            path: "$".into(),
        }
    }
}
