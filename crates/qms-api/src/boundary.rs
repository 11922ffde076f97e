//! Errors of the crates below (qms-xlsx, qms-docx, qms-core) turned into [`ApiError`]s: the
//! only place their types are matched, so none of them leaks into the API.

use crate::error::{ApiError, Record, WorkbookFault};
use qms_core::plan_checklist::ChecklistError;
use qms_core::{Dossier, Lang};
use qms_docx::{DocumentKind as DocxKind, DocxError};
use qms_xlsx::XlsxError;

/// The ids of a kind of record in a dossier, for "not found" messages.
pub(crate) fn known(d: &Dossier, record: Record) -> Vec<String> {
    let ids: Vec<&String> = match record {
        Record::Audit => d.audits.iter().map(|a| &a.id).collect(),
        Record::Review => d.management_reviews.iter().map(|r| &r.id).collect(),
        Record::CorrectiveAction => d.corrective_actions.iter().map(|c| &c.id).collect(),
        Record::Programme => d.programmes.iter().map(|p| &p.id).collect(),
        Record::Unit => d.units.iter().map(|u| &u.id).collect(),
        Record::Person => d.people.iter().map(|p| &p.id).collect(),
    };
    ids.into_iter().cloned().collect()
}

/// An id of a record that must exist, checked before any renderer runs.
pub(crate) fn require(d: &Dossier, record: Record, id: &str, path: &str) -> Result<(), ApiError> {
    let ids = known(d, record);
    if ids.iter().any(|k| k == id) {
        Ok(())
    } else {
        Err(not_found(record, id, ids, path))
    }
}

fn not_found(record: Record, id: &str, known: Vec<String>, path: &str) -> ApiError {
    ApiError::NotFound {
        record,
        id: id.to_owned(),
        known,
        path: path.to_owned(),
    }
}

/// A workbook error. `path_of` names where in the request a workbook (by name) came from.
pub(crate) fn xlsx(e: XlsxError, d: &Dossier, path_of: &dyn Fn(&str) -> String) -> ApiError {
    let texts = (e.message(Lang::Vi), e.to_string());
    let book = |fault: WorkbookFault, workbook: &str| ApiError::Workbook {
        fault,
        vi: texts.0.clone(),
        en: texts.1.clone(),
        path: path_of(workbook),
    };
    match &e {
        XlsxError::UnknownAudit { audit } => {
            not_found(Record::Audit, audit, known(d, Record::Audit), "audit")
        }
        XlsxError::NoChecklists { audit, auditor } => ApiError::NoChecklists {
            audit: audit.clone(),
            auditor: auditor.clone(),
        },
        XlsxError::CellTooLong { .. } => ApiError::CellTooLong {
            vi: texts.0,
            en: texts.1,
        },
        XlsxError::Write { detail } => ApiError::WriteFailed {
            detail: detail.clone(),
        },
        XlsxError::NotXlsx { workbook, .. } => book(WorkbookFault::NotXlsx, workbook),
        XlsxError::Encrypted { workbook } => book(WorkbookFault::Encrypted, workbook),
        XlsxError::Unreadable { workbook, .. } => book(WorkbookFault::Unreadable, workbook),
        XlsxError::NotAChecklist { workbook } => book(WorkbookFault::NotAChecklist, workbook),
        XlsxError::OtherDossier { workbook, .. } => book(WorkbookFault::OtherDossier, workbook),
        XlsxError::UnsupportedVersion { workbook, .. } => {
            book(WorkbookFault::UnsupportedVersion, workbook)
        }
        XlsxError::PackageLimit { workbook, .. } => ApiError::TooLarge {
            vi: texts.0,
            en: texts.1,
            path: path_of(workbook),
        },
    }
}

/// A Word rendering error.
pub(crate) fn docx(e: DocxError, d: &Dossier) -> ApiError {
    match e {
        DocxError::UnknownTarget { kind, id } => {
            let (record, path) = match kind {
                DocxKind::Programme => (Record::Programme, "audit"),
                DocxKind::Plan | DocxKind::TeamDecision | DocxKind::Report | DocxKind::Car => {
                    (Record::Audit, "audit")
                }
                DocxKind::ReviewNotice | DocxKind::ReviewReport | DocxKind::Minutes => {
                    (Record::Review, "review")
                }
            };
            not_found(record, &id, known(d, record), path)
        }
        DocxError::WrongTarget { kind, .. } => ApiError::MissingTarget {
            kind: kind.slug().into(),
            member: match kind {
                DocxKind::ReviewNotice | DocxKind::ReviewReport | DocxKind::Minutes => "review",
                _ => "audit",
            },
        },
        DocxError::NoNonconformity { audit } => ApiError::NoNonconformity { audit },
        DocxError::NoProgramme { audit } => ApiError::NoProgramme { audit },
        e @ (DocxError::Layout { .. } | DocxError::Write { .. } | DocxError::Zip(_)) => {
            ApiError::WriteFailed {
                detail: e.to_string(),
            }
        }
    }
}

/// An error of building a checklist from the templates.
pub(crate) fn checklist(e: ChecklistError, d: &Dossier, clauses: &[String]) -> ApiError {
    match e {
        ChecklistError::UnknownAudit(a) => {
            not_found(Record::Audit, &a, known(d, Record::Audit), "audit")
        }
        ChecklistError::UnknownUnit(u) => {
            not_found(Record::Unit, &u, known(d, Record::Unit), "unit")
        }
        ChecklistError::UnknownAuditor(p) => {
            not_found(Record::Person, &p, known(d, Record::Person), "auditor")
        }
        ChecklistError::NoAuditor { audit, unit } => ApiError::NoAuditor { audit, unit },
        ChecklistError::UnknownClause(c) => {
            let i = clauses.iter().position(|x| *x == c).unwrap_or(0);
            ApiError::UnknownClause {
                id: c,
                edition: d.scope.edition.title().into(),
                path: format!("clauses[{i}]"),
            }
        }
    }
}
