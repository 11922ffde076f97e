//! The document ops: `render`, `export-checklist`, `import-checklist`. Documents are bytes;
//! base64 is only for JSON-only transports and is added by [`crate::call`].

use super::valid_dossier;
use crate::boundary::{self, require};
use crate::error::{ApiError, Record, RequestFault};
use crate::file_name::document_file_name;
use crate::request::{
    DocumentKind, ExportChecklistRequest, Format, ImportChecklistRequest, RenderRequest,
};
use crate::response::{ChangeReport, ConflictReport, ImportResponse};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use chrono::{Datelike, NaiveDate};
use qms_core::{Dossier, Lang};

/// Media type of Word documents.
pub const MEDIA_DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// Media type of Excel workbooks.
pub const MEDIA_XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Suggested file name, e.g. "so-theo-doi-phat-hien-dgnb-2026-1.xlsx".
    pub file_name: String,
    /// Media type.
    pub media_type: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
}

/// `render`: one document of a dossier.
///
/// ```
/// use qms_api::request::{DocumentKind, DossierArg, RenderRequest};
/// let r = RenderRequest { op: qms_api::OpName::Render,
///     dossier: DossierArg::Bytes(include_bytes!("../../../../examples/so-khcn-ninh-binh.json")),
///     kind: DocumentKind::Actions, base64: false, format: None, audit: None, review: None,
///     corrective_action: None, today: chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap(),
///     lang: Default::default(), live_overdue: false };
/// let doc = qms_api::ops::render(r).unwrap();
/// assert_eq!(doc.file_name, "theo-doi-hanh-dong-khac-phuc.xlsx");
/// assert!(doc.bytes.starts_with(b"PK"));
/// ```
pub fn render(mut r: RenderRequest<'_>) -> Result<Document, ApiError> {
    let dossier = valid_dossier(r.dossier.take(), r.lang)?;
    let target = Target {
        audit: r.audit.as_deref(),
        review: r.review.as_deref(),
        corrective_action: r.corrective_action.as_deref(),
        live_overdue: r.live_overdue,
    };
    render_document(&dossier, r.kind, r.format, &target, r.lang, r.today)
}

/// The records a document is made from, as the request names them.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Target<'a> {
    pub(crate) audit: Option<&'a str>,
    pub(crate) review: Option<&'a str>,
    pub(crate) corrective_action: Option<&'a str>,
    /// Overdue highlighting follows the day a workbook is opened.
    pub(crate) live_overdue: bool,
}

/// Renders one document of a valid dossier.
pub(crate) fn render_document(
    d: &Dossier,
    kind: DocumentKind,
    format: Option<Format>,
    t: &Target<'_>,
    lang: Lang,
    today: NaiveDate,
) -> Result<Document, ApiError> {
    let available = kind.formats();
    // Every kind has at least one format; the first is its usual one.
    let format = format
        .or_else(|| available.first().copied())
        .unwrap_or(Format::Docx);
    if !available.contains(&format) {
        return Err(unsupported(kind, format));
    }
    if let Some(a) = t.audit {
        require(d, Record::Audit, a, "audit")?;
    }
    if let Some(r) = t.review {
        require(d, Record::Review, r, "review")?;
    }
    if let Some(c) = t.corrective_action {
        require(d, Record::CorrectiveAction, c, "corrective_action")?;
    }
    match format {
        Format::Docx => render_docx(d, kind, t, lang, today),
        Format::Xlsx => render_xlsx(d, kind, t, lang, today),
    }
}

fn render_xlsx(
    d: &Dossier,
    kind: DocumentKind,
    t: &Target<'_>,
    lang: Lang,
    today: NaiveDate,
) -> Result<Document, ApiError> {
    let no_path = |_: &str| String::from("dossier");
    let (wk, stem) = match kind {
        DocumentKind::Checklist => {
            let audit = t.audit.ok_or_else(|| needs(kind, "audit"))?;
            let opts = qms_xlsx::ExportOptions {
                lang,
                today,
                auditor: None,
                password: None,
            };
            let bytes = qms_xlsx::export_checklists(d, audit, &opts)
                .map_err(|e| boundary::xlsx(e, d, &no_path))?;
            return Ok(xlsx_document("phieu-cau-hoi-danh-gia", Some(audit), bytes));
        }
        DocumentKind::Findings => (qms_xlsx::WorkbookKind::Findings, "so-theo-doi-phat-hien"),
        DocumentKind::Actions => (
            qms_xlsx::WorkbookKind::Actions,
            "theo-doi-hanh-dong-khac-phuc",
        ),
        DocumentKind::Summary => (qms_xlsx::WorkbookKind::Summary, "tong-hop-ket-qua-danh-gia"),
        DocumentKind::Programme => (
            qms_xlsx::WorkbookKind::Programme,
            "ma-tran-chuong-trinh-danh-gia",
        ),
        DocumentKind::Registers => (qms_xlsx::WorkbookKind::Registers, "danh-muc-tai-lieu-ho-so"),
        // Word-only kinds never reach here: `formats()` was checked.
        _ => return Err(unsupported(kind, Format::Xlsx)),
    };
    let opts = qms_xlsx::RenderOptions {
        live_overdue: t.live_overdue,
        ..qms_xlsx::RenderOptions::new(lang, today)
    };
    let bytes =
        qms_xlsx::render(wk, d, t.audit, &opts).map_err(|e| boundary::xlsx(e, d, &no_path))?;
    Ok(xlsx_document(stem, t.audit, bytes))
}

fn xlsx_document(stem: &str, id: Option<&str>, bytes: Vec<u8>) -> Document {
    Document {
        file_name: document_file_name(stem, id, "xlsx"),
        media_type: MEDIA_XLSX,
        bytes,
    }
}

fn render_docx(
    d: &Dossier,
    kind: DocumentKind,
    t: &Target<'_>,
    lang: Lang,
    today: NaiveDate,
) -> Result<Document, ApiError> {
    use qms_docx::{DocumentKind as K, Target as T};
    // Without an id, the obvious record: the single audit, the latest review, this year's
    // programme.
    let audit = || {
        t.audit
            .or(match d.audits.as_slice() {
                [only] => Some(only.id.as_str()),
                _ => None,
            })
            .ok_or_else(|| needs(kind, "audit"))
    };
    let review = || {
        t.review
            .or_else(|| {
                d.management_reviews
                    .iter()
                    .max_by_key(|r| r.meeting.date)
                    .map(|r| r.id.as_str())
            })
            .ok_or_else(|| needs(kind, "review"))
    };
    let (dk, target) = match kind {
        DocumentKind::Programme => match t.audit {
            // Named (and rendered) as the audit's programme, as `render all` names it.
            Some(a) => match d
                .audits
                .iter()
                .find(|x| x.id == a)
                .and_then(|x| x.programme.as_deref())
            {
                Some(p) => (K::Programme, T::Programme(p)),
                None => (K::Programme, T::Audit(a)),
            },
            None => {
                let p = d
                    .programmes
                    .iter()
                    .find(|p| p.year == today.year())
                    .or(d.programmes.last())
                    .ok_or_else(|| needs(kind, "programme"))?;
                (K::Programme, T::Programme(&p.id))
            }
        },
        DocumentKind::Plan => (K::Plan, T::Audit(audit()?)),
        DocumentKind::TeamDecision => (K::TeamDecision, T::Audit(audit()?)),
        DocumentKind::Report => (K::Report, T::Audit(audit()?)),
        DocumentKind::Car => match t.corrective_action {
            Some(c) => (K::Car, T::CorrectiveAction(c)),
            None => (K::Car, T::Audit(audit()?)),
        },
        DocumentKind::ReviewNotice => (K::ReviewNotice, T::Review(review()?)),
        DocumentKind::ReviewReport => (K::ReviewReport, T::Review(review()?)),
        DocumentKind::Minutes => (K::Minutes, T::Review(review()?)),
        // Excel-only kinds never reach here: `formats()` was checked.
        _ => return Err(unsupported(kind, Format::Docx)),
    };
    let id = match target {
        T::Programme(x) | T::Audit(x) | T::CorrectiveAction(x) | T::Review(x) => x,
    };
    let mut opts = qms_docx::RenderOptions::new(today);
    opts.lang = lang;
    let bytes = qms_docx::render(dk, target, d, &opts).map_err(|e| boundary::docx(e, d))?;
    Ok(Document {
        file_name: document_file_name(dk.file_stem(), Some(id), "docx"),
        media_type: MEDIA_DOCX,
        bytes,
    })
}

fn unsupported(kind: DocumentKind, format: Format) -> ApiError {
    ApiError::UnsupportedFormat {
        kind: kind.slug().into(),
        format: format.extension().into(),
        available: kind
            .formats()
            .iter()
            .map(|f| f.extension())
            .collect::<Vec<_>>()
            .join(", "),
    }
}

fn needs(kind: DocumentKind, member: &'static str) -> ApiError {
    ApiError::MissingTarget {
        kind: kind.slug().into(),
        member,
    }
}

/// `export-checklist`: the checklist workbook of an audit, to fill offline.
pub fn export_checklist(r: ExportChecklistRequest<'_>) -> Result<Document, ApiError> {
    export_checklist_observed(r, &|_| {})
}

/// [`export_checklist`], telling `observe` before each checklist's sheet, before the workbook
/// is packed and once at the end, so that a command line can draw a progress bar. The
/// document is the same.
pub fn export_checklist_observed(
    mut r: ExportChecklistRequest<'_>,
    observe: &(dyn Fn(super::Step<'_>) + Sync),
) -> Result<Document, ApiError> {
    let d = valid_dossier(r.dossier.take(), r.lang)?;
    require(&d, Record::Audit, &r.audit, "audit")?;
    if let Some(a) = &r.auditor {
        require(&d, Record::Person, a, "auditor")?;
    }
    let opts = qms_xlsx::ExportOptions {
        lang: r.lang,
        today: r.today,
        auditor: r.auditor.clone(),
        password: r.password.clone(),
    };
    let step = |done: usize, total: usize, now: &str| observe(super::Step { done, total, now });
    let bytes = qms_xlsx::export_checklists_observed(&d, &r.audit, &opts, &step)
        .map_err(|e| boundary::xlsx(e, &d, &|_| "dossier".into()))?;
    let id = match &r.auditor {
        Some(a) => format!("{}-{a}", r.audit),
        None => r.audit.clone(),
    };
    Ok(xlsx_document("phieu-cau-hoi-danh-gia", Some(&id), bytes))
}

/// `import-checklist`: merges filled workbooks (the request's base64 `workbooks`, then the
/// call's `inputs`) into the dossier. The request is taken by value: a dossier given as
/// [`DossierArg::Owned`](crate::request::DossierArg::Owned) bytes is freed as soon as it is
/// loaded (38.9 MB of the peak of a 100,000-row import).
pub fn import_checklist(
    r: ImportChecklistRequest<'_>,
    inputs: &[&[u8]],
) -> Result<ImportResponse, ApiError> {
    import_checklist_observed(r, inputs, &|_| {})
}

/// [`import_checklist`], telling `observe` before each step (reading each workbook, matching
/// the rows, applying them) and once at the end, so that a command line can draw a progress
/// bar. The response is the same.
pub fn import_checklist_observed(
    mut r: ImportChecklistRequest<'_>,
    inputs: &[&[u8]],
    observe: &(dyn Fn(super::Step<'_>) + Sync),
) -> Result<ImportResponse, ApiError> {
    let mut books: Vec<(String, std::borrow::Cow<'_, [u8]>, String)> = Vec::new();
    for (i, w) in r.workbooks.iter().enumerate() {
        // Base64 wrapped at 76 columns (MIME) is common: whitespace is not part of the data.
        let clean: String = w.base64.chars().filter(|c| !c.is_whitespace()).collect();
        let Ok(bytes) = STANDARD.decode(clean.as_bytes()) else {
            // An invalid dossier is reported before a bad workbook, as everywhere.
            valid_dossier(r.dossier.take(), r.lang)?;
            return Err(ApiError::bad(
                RequestFault::BadBase64 {
                    workbook: w.name.clone(),
                },
                format!("workbooks[{i}].base64"),
            ));
        };
        books.push((w.name.clone(), bytes.into(), format!("workbooks[{i}]")));
    }
    // Decoded: their base64 text (a third larger than the workbooks) is no longer needed.
    r.workbooks = Vec::new();
    for (i, bytes) in inputs.iter().enumerate() {
        let name = r
            .input_names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("input-{}.xlsx", i + 1));
        books.push((name, (*bytes).into(), format!("inputs[{i}]")));
    }
    let workbooks: Vec<qms_xlsx::Workbook<'_>> = books
        .iter()
        .map(|(name, bytes, _)| qms_xlsx::Workbook { name, bytes })
        .collect();
    let opts = qms_xlsx::ImportOptions {
        partial: r.partial,
        lang: r.lang,
        list_changes: r.list_changes,
    };
    let path_of = |name: &str| {
        books
            .iter()
            .find(|b| b.0 == name)
            .map_or_else(|| "workbooks".into(), |b| b.2.clone())
    };
    let step = |done: usize, total: usize, now: &str| observe(super::Step { done, total, now });
    // The workbooks are read on a second thread while the dossier loads (on 2 cores, the
    // command's wall time is the longer of the two, not their sum). Every error is still found
    // before the dossier is handed over, which the import then changes in place instead of
    // copying it; an invalid dossier is reported first, as when the two ran one after the other.
    let read_books = || qms_xlsx::read_workbooks_observed(&workbooks, &step);
    // Loaded in place and freed: the dossier's text is not needed afterwards.
    let (dossier, lang) = (r.dossier.take(), r.lang);
    let (d, read) = std::thread::scope(|s| {
        let reader = std::thread::Builder::new()
            .name("qms-import-read".into())
            .spawn_scoped(s, read_books);
        let d = valid_dossier(dossier, lang);
        // A thread that could not start, or stopped, reads again here (the same result).
        let read = match reader {
            Ok(handle) => handle.join().unwrap_or_else(|_| read_books()),
            Err(_) => read_books(),
        };
        (d, read)
    });
    let d = d?;
    let filled = read
        .for_dossier(&d)
        .map_err(|e| boundary::xlsx(e, &d, &path_of))?;
    let mut outcome = qms_xlsx::merge_filled_observed(d, filled, &opts, &step);
    // The reports take the changes' strings over rather than copy them; the changes beyond
    // `list_changes` were only counted (their records were most of a large import's memory).
    let changes_omitted = outcome.changes_omitted;
    let all = std::mem::take(&mut outcome.changes);
    let applied = !all.is_empty() || changes_omitted > 0;
    let changes: Vec<ChangeReport> = all
        .into_iter()
        .map(|c| ChangeReport {
            message: c.message(r.lang),
            workbook: c.workbook,
            sheet: c.sheet,
            cell: c.cell,
            checklist: c.checklist,
            item: c.item,
        })
        .collect();
    let conflicts = outcome
        .conflicts
        .iter()
        .map(|c| ConflictReport {
            workbook: c.workbook.clone(),
            sheet: c.sheet.clone(),
            cell: c.cell.clone(),
            code: c.kind.code(),
            message: c.message(r.lang),
        })
        .collect();
    Ok(ImportResponse {
        applied,
        changes,
        changes_omitted,
        conflicts,
        conflicts_omitted: outcome.conflicts_omitted,
        dossier: outcome.dossier,
    })
}
