//! The one error vocabulary of the API: every error has a stable code (one namespace, listed in
//! the crate documentation), a status, a message in Vietnamese and English, and a path into the
//! request. Errors of qms-xlsx, qms-docx and qms-core are converted at the boundary
//! (`boundary.rs`); none of their types appear here.

use crate::Status;
use crate::response::{ErrorResponse, ProblemReport};
use qms_core::Lang;

/// Why a request could not be answered.
///
/// ```
/// use qms_api::{ApiError, Record, Status};
/// let e = ApiError::NotFound { record: Record::Audit, id: "x".into(), known: vec!["dg1".into()], path: "audit".into() };
/// assert_eq!(e.code(), "unknown-audit");
/// assert_eq!(e.status(), Status::NotFound);
/// assert!(e.message(qms_core::Lang::Vi).contains("dg1"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ApiError {
    /// The request is not UTF-8, not JSON, or has a missing, unknown or mistyped member.
    #[error("bad request at {path}: {}", fault.text(Lang::En))]
    BadRequest {
        /// What is wrong.
        fault: RequestFault,
        /// Where in the request.
        path: String,
    },
    /// The op is not one this version knows.
    #[error("unknown op \"{op}\"; known ops: {}", crate::OpName::list())]
    UnknownOp {
        /// The op given.
        op: String,
    },
    /// A document kind does not come in the format asked for.
    #[error("\"{kind}\" is not made as {format}; it comes as {available}")]
    UnsupportedFormat {
        /// The kind.
        kind: String,
        /// The format asked for.
        format: String,
        /// The formats it comes in.
        available: String,
    },
    /// The document needs a record the request does not name and the dossier does not imply.
    #[error("\"{kind}\" needs \"{member}\": {}", hint_en(member))]
    MissingTarget {
        /// The document kind.
        kind: String,
        /// The request member to give: "audit", "review".
        member: &'static str,
    },
    /// The dossier has problems, so the op cannot run on it.
    #[error("the dossier is not valid ({} problem(s)); run validate for details", problems.len())]
    InvalidDossier {
        /// The problems, as `validate` reports them.
        problems: Vec<ProblemReport>,
    },
    /// `convert` of a dossier already on the target edition.
    #[error("the dossier already follows {edition}")]
    AlreadyConverted {
        /// The edition.
        edition: String,
    },
    /// The converted dossier does not validate (a 2008 clause the correlation does not know).
    #[error("the converted dossier is not valid: {}", problems.first().map(|p| format!("{}: {}", p.path, p.message)).unwrap_or_default())]
    ConversionInvalid {
        /// Its problems (messages in the request's language).
        problems: Vec<ProblemReport>,
    },
    /// An id the request names is not in the dossier.
    #[error("{}", not_found(Lang::En, *record, id, known))]
    NotFound {
        /// What kind of record.
        record: Record,
        /// The id given.
        id: String,
        /// The ids that exist.
        known: Vec<String>,
        /// Where in the request.
        path: String,
    },
    /// A clause id that is not in the edition.
    #[error("unknown clause \"{id}\" in {edition}")]
    UnknownClause {
        /// The clause id.
        id: String,
        /// The edition, e.g. "TCVN ISO 9001:2015".
        edition: String,
        /// Where in the request.
        path: String,
    },
    /// A rule or validation code that does not exist.
    #[error(
        "there is no rule or validation code \"{code}\"; rule codes run QMS-A000…QMS-S005 (list them with qms rules or the rules op), validation codes QMS-V001…QMS-V009"
    )]
    UnknownCode {
        /// The code given.
        code: String,
    },
    /// The audit has no checklist to export (for that auditor, when one was given).
    #[error("audit \"{audit}\" has no checklist{}", auditor.as_ref().map(|a| format!(" for auditor \"{a}\"")).unwrap_or_default())]
    NoChecklists {
        /// The audit.
        audit: String,
        /// The auditor filter.
        auditor: Option<String>,
    },
    /// Corrective-action requests of an audit without nonconformities.
    #[error(
        "audit \"{audit}\" has no nonconformity, so there is no corrective-action request to print"
    )]
    NoNonconformity {
        /// The audit.
        audit: String,
    },
    /// The programme of an audit that belongs to none.
    #[error("audit \"{audit}\" names no audit programme")]
    NoProgramme {
        /// The audit.
        audit: String,
    },
    /// The plan assigns no auditor to the unit and the request names none.
    #[error(
        "the plan of audit \"{audit}\" assigns no auditor to unit \"{unit}\"; name one with \"auditor\""
    )]
    NoAuditor {
        /// The audit.
        audit: String,
        /// The unit.
        unit: String,
    },
    /// A filled workbook could not be read.
    #[error("{en}")]
    Workbook {
        /// Which fault.
        fault: WorkbookFault,
        /// The message in Vietnamese.
        vi: String,
        /// The message in English.
        en: String,
        /// Where in the request (`workbooks[0]`, `inputs[1]`).
        path: String,
    },
    /// A text is longer than an Excel cell holds.
    #[error("{en}")]
    CellTooLong {
        /// The message in Vietnamese.
        vi: String,
        /// The message in English.
        en: String,
    },
    /// Writing a document failed (a bug in qms, not in the input).
    #[error("writing the document failed: {detail}")]
    WriteFailed {
        /// The writer's message.
        detail: String,
    },
    /// An input or a requested size exceeds a limit.
    #[error("{en}")]
    TooLarge {
        /// The message in Vietnamese.
        vi: String,
        /// The message in English.
        en: String,
        /// Where in the request.
        path: String,
    },
}

/// What is wrong with the request itself (code `bad-request`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RequestFault {
    /// Not UTF-8 from this byte on.
    NotUtf8 {
        /// Offset of the first bad byte.
        byte: usize,
    },
    /// Not JSON (or cut short).
    Syntax {
        /// The parser's message, with line and column.
        detail: String,
    },
    /// The request is JSON but not an object.
    NotAnObject,
    /// A required member is missing.
    MissingMember {
        /// Its name.
        member: String,
    },
    /// A member this op does not have.
    UnknownMember {
        /// Its name.
        member: String,
        /// The members the op has.
        expected: String,
    },
    /// A value that is not one of the allowed ones.
    UnknownValue {
        /// The value given.
        value: String,
        /// The allowed values.
        expected: String,
    },
    /// A value of the wrong type or form (a date that is not YYYY-MM-DD...).
    WrongValue {
        /// The parser's message.
        detail: String,
    },
    /// A workbook's base64 does not decode.
    BadBase64 {
        /// The workbook's name.
        workbook: String,
    },
    /// `convert` to an edition other than 2015.
    ConvertTarget,
    /// Input bytes were passed to an op that reads none.
    UnexpectedInputs {
        /// The op.
        op: &'static str,
    },
}

/// What kind of record an id names.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Record {
    /// An audit (cuộc đánh giá).
    Audit,
    /// A management review (cuộc họp xem xét của lãnh đạo).
    Review,
    /// A corrective action (hành động khắc phục).
    CorrectiveAction,
    /// An audit programme (chương trình đánh giá).
    Programme,
    /// A unit (đơn vị).
    Unit,
    /// A person (người).
    Person,
}

/// Why a filled workbook could not be read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WorkbookFault {
    /// Not an .xlsx package.
    NotXlsx,
    /// Encrypted with a password to open.
    Encrypted,
    /// A damaged package.
    Unreadable,
    /// An .xlsx not exported by qms.
    NotAChecklist,
    /// Exported from another dossier.
    OtherDossier,
    /// Written by a newer qms.
    UnsupportedVersion,
}

impl ApiError {
    /// The stable code.
    pub fn code(&self) -> &'static str {
        match self {
            ApiError::BadRequest { .. } => "bad-request",
            ApiError::UnknownOp { .. } => "unknown-op",
            ApiError::UnsupportedFormat { .. } => "unsupported-format",
            ApiError::MissingTarget { .. } => "missing-target",
            ApiError::InvalidDossier { .. } => "invalid-dossier",
            ApiError::AlreadyConverted { .. } => "already-converted",
            ApiError::ConversionInvalid { .. } => "conversion-invalid",
            ApiError::NotFound { record, .. } => record.code(),
            ApiError::UnknownClause { .. } => "unknown-clause",
            ApiError::UnknownCode { .. } => "unknown-code",
            ApiError::NoChecklists { .. } => "no-checklists",
            ApiError::NoNonconformity { .. } => "no-nonconformity",
            ApiError::NoProgramme { .. } => "no-programme",
            ApiError::NoAuditor { .. } => "no-auditor",
            ApiError::Workbook { fault, .. } => fault.code(),
            ApiError::CellTooLong { .. } => "cell-too-long",
            ApiError::WriteFailed { .. } => "write-failed",
            ApiError::TooLarge { .. } => "too-large",
        }
    }

    /// The status class of this error.
    pub fn status(&self) -> Status {
        match self {
            ApiError::BadRequest { .. }
            | ApiError::UnsupportedFormat { .. }
            | ApiError::MissingTarget { .. } => Status::BadRequest,
            ApiError::UnknownOp { .. } => Status::UnknownOp,
            ApiError::InvalidDossier { .. }
            | ApiError::AlreadyConverted { .. }
            | ApiError::ConversionInvalid { .. } => Status::InvalidDossier,
            ApiError::NotFound { .. }
            | ApiError::UnknownClause { .. }
            | ApiError::UnknownCode { .. }
            | ApiError::NoChecklists { .. }
            | ApiError::NoNonconformity { .. }
            | ApiError::NoProgramme { .. }
            | ApiError::NoAuditor { .. } => Status::NotFound,
            ApiError::Workbook { .. }
            | ApiError::CellTooLong { .. }
            | ApiError::WriteFailed { .. } => Status::Document,
            ApiError::TooLarge { .. } => Status::TooLarge,
        }
    }

    /// Where in the request the cause is, as a JSON path ("$" for the whole request).
    pub fn path(&self) -> String {
        match self {
            ApiError::BadRequest { path, .. }
            | ApiError::NotFound { path, .. }
            | ApiError::UnknownClause { path, .. }
            | ApiError::Workbook { path, .. }
            | ApiError::TooLarge { path, .. } => path.clone(),
            ApiError::UnknownOp { .. } => "op".into(),
            ApiError::UnsupportedFormat { .. } => "format".into(),
            ApiError::MissingTarget { member, .. } => (*member).into(),
            ApiError::NoChecklists {
                auditor: Some(_), ..
            } => "auditor".into(),
            ApiError::NoChecklists { .. }
            | ApiError::NoNonconformity { .. }
            | ApiError::NoProgramme { .. } => "audit".into(),
            ApiError::NoAuditor { .. } => "auditor".into(),
            ApiError::UnknownCode { .. } => "code".into(),
            ApiError::AlreadyConverted { .. } => "dossier.scope.edition".into(),
            ApiError::InvalidDossier { .. }
            | ApiError::ConversionInvalid { .. }
            | ApiError::CellTooLong { .. }
            | ApiError::WriteFailed { .. } => "dossier".into(),
        }
    }

    /// The message for a person.
    pub fn message(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        crate::error_text::message_vi(self)
    }

    /// The error as the JSON body of a failed call.
    pub fn to_response(&self, lang: Lang) -> ErrorResponse {
        ErrorResponse {
            code: self.code(),
            message: self.message(lang),
            path: self.path(),
            problems: match self {
                ApiError::InvalidDossier { problems }
                | ApiError::ConversionInvalid { problems } => Some(problems.clone()),
                _ => None,
            },
            known: match self {
                ApiError::NotFound { known, .. } => {
                    Some(known.iter().take(KNOWN_MAX).cloned().collect())
                }
                _ => None,
            },
        }
    }

    pub(crate) fn bad(fault: RequestFault, path: impl Into<String>) -> ApiError {
        ApiError::BadRequest {
            fault,
            path: path.into(),
        }
    }
}

/// At most this many ids are listed in an error's `known` (a dossier may hold thousands).
pub const KNOWN_MAX: usize = 100;

impl Record {
    /// The code of an unknown id of this record.
    pub fn code(self) -> &'static str {
        match self {
            Record::Audit => "unknown-audit",
            Record::Review => "unknown-review",
            Record::CorrectiveAction => "unknown-corrective-action",
            Record::Programme => "unknown-programme",
            Record::Unit => "unknown-unit",
            Record::Person => "unknown-person",
        }
    }

    /// Its name in a language.
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Record::Audit => lang.pick("cuộc đánh giá", "audit"),
            Record::Review => lang.pick("cuộc họp xem xét của lãnh đạo", "management review"),
            Record::CorrectiveAction => lang.pick("hành động khắc phục", "corrective action"),
            Record::Programme => lang.pick("chương trình đánh giá", "audit programme"),
            Record::Unit => lang.pick("đơn vị", "unit"),
            Record::Person => lang.pick("người", "person"),
        }
    }
}

impl WorkbookFault {
    /// The stable code.
    pub fn code(self) -> &'static str {
        match self {
            WorkbookFault::NotXlsx => "not-xlsx",
            WorkbookFault::Encrypted => "encrypted-workbook",
            WorkbookFault::Unreadable => "unreadable-workbook",
            WorkbookFault::NotAChecklist => "not-a-checklist",
            WorkbookFault::OtherDossier => "other-dossier",
            WorkbookFault::UnsupportedVersion => "unsupported-version",
        }
    }
}

fn hint_en(member: &str) -> &'static str {
    match member {
        "review" => "the dossier has no management review",
        "programme" => "the dossier has no audit programme",
        _ => "the dossier has several audits (or none); name one",
    }
}

/// "the dossier has no audit "x"; audits: a, b" in a language.
pub(crate) fn not_found(lang: Lang, record: Record, id: &str, known: &[String]) -> String {
    let name = record.name(lang);
    let head = match lang {
        Lang::Vi => format!("không có {name} \"{id}\" trong hồ sơ"),
        Lang::En => format!("the dossier has no {name} \"{id}\""),
    };
    if known.is_empty() {
        return format!("{head}{}", lang.pick("; hồ sơ chưa có", "; it has none"));
    }
    // A long list is cut: the point is to show what ids look like and catch typos.
    const SHOWN: usize = 20;
    let mut list = known
        .iter()
        .take(SHOWN)
        .map(String::as_str)
        .collect::<Vec<_>>()
        .join(", ");
    if known.len() > SHOWN {
        list.push_str(&format!(", … ({} in all)", known.len()));
    }
    format!("{head}; {}: {list}", lang.pick("hiện có", "existing ids"))
}
