//! Errors of rendering, each with a stable code.

use crate::DocumentKind;

/// Why a document could not be rendered.
///
/// ```
/// use qms_docx::{DocumentKind, DocxError};
/// let err = DocxError::UnknownTarget { kind: DocumentKind::Plan, id: "a9".into() };
/// assert_eq!(err.code(), "docx-unknown-target");
/// assert!(err.to_string().contains("\"a9\""));
/// ```
#[derive(Debug, thiserror::Error)]
pub enum DocxError {
    /// The id names no programme, audit, corrective action or review of the dossier.
    #[error("{kind}: the dossier has no record with id \"{id}\" for this document")]
    UnknownTarget {
        /// The document asked for.
        kind: DocumentKind,
        /// The id that was not found.
        id: String,
    },
    /// The kind of target does not fit the document (a review id for an audit plan, say).
    #[error("{kind}: this document is not made from a {target} id")]
    WrongTarget {
        /// The document asked for.
        kind: DocumentKind,
        /// The kind of target given: "programme", "audit", "corrective action" or "review".
        target: &'static str,
    },
    /// Corrective-action requests were asked for an audit without nonconformities.
    #[error(
        "audit \"{audit}\" has no nonconformity, so there is no corrective-action request to print"
    )]
    NoNonconformity {
        /// The audit id.
        audit: String,
    },
    /// An audit programme was asked through an audit that belongs to none.
    #[error("audit \"{audit}\" names no audit programme")]
    NoProgramme {
        /// The audit id.
        audit: String,
    },
    /// A layout value is outside the range of Decree 30/2020/NĐ-CP.
    #[error("layout: {field} = {value} is outside {min}..={max} (Decree 30/2020/NĐ-CP)")]
    Layout {
        /// The field of [`crate::Layout`].
        field: &'static str,
        /// The value given.
        value: u32,
        /// Smallest allowed.
        min: u32,
        /// Largest allowed.
        max: u32,
    },
    /// Writing a part of the package failed.
    #[error("writing {part}: {source}")]
    Write {
        /// The part, e.g. "word/document.xml".
        part: &'static str,
        /// The cause.
        #[source]
        source: std::io::Error,
    },
    /// The zip container could not be written.
    #[error("zip packaging: {0}")]
    Zip(#[from] zip::result::ZipError),
}

impl DocxError {
    /// The stable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            DocxError::UnknownTarget { .. } => "docx-unknown-target",
            DocxError::WrongTarget { .. } => "docx-wrong-target",
            DocxError::NoNonconformity { .. } => "docx-no-nonconformity",
            DocxError::NoProgramme { .. } => "docx-no-programme",
            DocxError::Layout { .. } => "docx-layout-out-of-range",
            DocxError::Write { .. } => "docx-write",
            DocxError::Zip(_) => "docx-zip",
        }
    }
}
