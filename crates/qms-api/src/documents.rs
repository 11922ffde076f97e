//! The document ops: `render`, `export-checklist`, `import-checklist`. Documents travel as
//! base64 in JSON; the C ABI and the CLI use the bytes directly.

use crate::ApiError;
use crate::check::valid_dossier;
use crate::request::{ExportChecklistRequest, ImportChecklistRequest, RenderRequest};
use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use qms_core::{Dossier, Lang};
use serde_json::{Value, json};

/// Media type of Word documents.
pub const MEDIA_DOCX: &str =
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
/// Media type of Excel workbooks.
pub const MEDIA_XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

/// A rendered document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    /// Suggested file name, e.g. "so-phat-hien-dgnb-2026-1.xlsx".
    pub file_name: String,
    /// Media type.
    pub media_type: &'static str,
    /// The bytes.
    pub bytes: Vec<u8>,
}

impl Document {
    pub(crate) fn to_json(&self) -> Value {
        json!({
            "file_name": self.file_name,
            "media_type": self.media_type,
            "size": self.bytes.len(),
            "base64": STANDARD.encode(&self.bytes),
        })
    }
}

/// What to render.
#[derive(Debug, Clone, Default)]
pub struct RenderTarget<'a> {
    /// The audit (an audit id).
    pub audit: Option<&'a str>,
    /// The review (a review id).
    pub review: Option<&'a str>,
    /// One corrective action (an id).
    pub corrective_action: Option<&'a str>,
}

/// Renders one document of a dossier: the single entry the CLI, the API and the bindings share.
///
/// ```
/// let d = qms_core::load(include_bytes!("../../../examples/so-khcn-ninh-binh.json")).unwrap();
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let doc = qms_api::render_document(&d, "actions", None, &Default::default(),
///     qms_core::Lang::Vi, today).unwrap();
/// assert!(doc.file_name.ends_with(".xlsx") && doc.bytes.starts_with(b"PK"));
/// ```
pub fn render_document(
    dossier: &Dossier,
    kind: &str,
    format: Option<&str>,
    target: &RenderTarget<'_>,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<Document, ApiError> {
    let suffix = |s: Option<&str>| s.map(|a| format!("-{}", ascii(a))).unwrap_or_default();
    // "programme" is both a Word document and a workbook (the unit × month matrix): Word
    // unless the xlsx format is asked for.
    if let Some(dk) = qms_docx::DocumentKind::parse(kind)
        && format != Some("xlsx")
    {
        if format.is_some_and(|f| f != "docx") {
            return Err(bad_kind(kind, format));
        }
        return render_docx(dossier, dk, target, lang, today);
    }
    if format.is_some_and(|f| f != "xlsx") {
        return Err(bad_kind(kind, format));
    }
    if kind == "checklist" {
        let audit = target.audit.ok_or_else(|| needs(kind, "audit"))?;
        let opts = qms_xlsx::ExportOptions {
            lang,
            today,
            auditor: None,
            password: None,
        };
        return Ok(Document {
            file_name: format!("phieu-cau-hoi-danh-gia-{audit}.xlsx"),
            media_type: MEDIA_XLSX,
            bytes: qms_xlsx::export_checklists(dossier, audit, &opts)?,
        });
    }
    let Some(wk) = qms_xlsx::WorkbookKind::parse(kind) else {
        return Err(bad_kind(kind, format));
    };
    let name = match wk {
        qms_xlsx::WorkbookKind::Findings => "so-theo-doi-phat-hien",
        qms_xlsx::WorkbookKind::Actions => "theo-doi-hanh-dong-khac-phuc",
        qms_xlsx::WorkbookKind::Summary => "tong-hop-ket-qua-danh-gia",
        qms_xlsx::WorkbookKind::Programme => "ma-tran-chuong-trinh-danh-gia",
        qms_xlsx::WorkbookKind::Registers => "danh-muc-tai-lieu-ho-so",
    };
    let opts = qms_xlsx::RenderOptions { lang, today };
    Ok(Document {
        file_name: format!("{name}{}.xlsx", suffix(target.audit)),
        media_type: MEDIA_XLSX,
        bytes: qms_xlsx::render(wk, dossier, target.audit, &opts)?,
    })
}

/// A file-name part from an id: ASCII letters, digits and dashes.
fn ascii(id: &str) -> String {
    id.chars()
        .map(|c| {
            if c.is_ascii_alphanumeric() {
                c.to_ascii_lowercase()
            } else {
                '-'
            }
        })
        .collect()
}

fn render_docx(
    d: &Dossier,
    kind: qms_docx::DocumentKind,
    t: &RenderTarget<'_>,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<Document, ApiError> {
    use chrono::Datelike;
    use qms_docx::{DocumentKind as K, Target};
    // Without an id, the obvious record: the single audit, the latest review, this year's
    // programme.
    let audit = || {
        t.audit
            .or_else(|| (d.audits.len() == 1).then(|| d.audits[0].id.as_str()))
            .ok_or_else(|| needs(kind.slug(), "audit"))
    };
    let review = || {
        t.review
            .or_else(|| {
                d.management_reviews
                    .iter()
                    .max_by_key(|r| r.meeting.date)
                    .map(|r| r.id.as_str())
            })
            .ok_or_else(|| needs(kind.slug(), "review"))
    };
    let (target, prefix) = match kind {
        K::Programme => match t.audit {
            Some(a) => (Target::Audit(a), "chuong-trinh"),
            None => {
                let p = d
                    .programmes
                    .iter()
                    .find(|p| p.year == today.year())
                    .or(d.programmes.last())
                    .ok_or_else(|| needs(kind.slug(), "programme"))?;
                (Target::Programme(&p.id), "chuong-trinh")
            }
        },
        K::Plan => (Target::Audit(audit()?), "ke-hoach"),
        K::Report => (Target::Audit(audit()?), "bao-cao"),
        K::Car => match t.corrective_action {
            Some(c) => (Target::CorrectiveAction(c), "phieu-hdkp"),
            None => (Target::Audit(audit()?), "phieu-hdkp"),
        },
        K::ReviewNotice => (Target::Review(review()?), "thong-bao-hop"),
        K::ReviewReport => (Target::Review(review()?), "bao-cao-xem-xet"),
        K::Minutes => (Target::Review(review()?), "bien-ban-hop"),
    };
    let id = match target {
        Target::Programme(x)
        | Target::Audit(x)
        | Target::CorrectiveAction(x)
        | Target::Review(x) => x,
    };
    let mut opts = qms_docx::RenderOptions::new(today);
    opts.lang = lang;
    Ok(Document {
        file_name: format!("{prefix}-{}.docx", ascii(id)),
        media_type: MEDIA_DOCX,
        bytes: qms_docx::render(kind, target, d, &opts)?,
    })
}

/// Every document a dossier supports, Word then Excel, in a fixed order: what `qms render
/// all` and `qms demo` write.
///
/// ```
/// let d = qms_core::load(include_bytes!("../../../examples/so-khcn-ninh-binh.json")).unwrap();
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let docs = qms_api::documents::all_documents(&d, qms_core::Lang::Vi, today).unwrap();
/// assert!(docs.iter().any(|x| x.file_name == "bien-ban-hop-xxld-2026.docx"));
/// assert!(docs.iter().any(|x| x.file_name == "danh-muc-tai-lieu-ho-so.xlsx"));
/// ```
pub fn all_documents(
    d: &Dossier,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<Vec<Document>, ApiError> {
    let mut opts = qms_docx::RenderOptions::new(today);
    opts.lang = lang;
    let mut docs: Vec<Document> = qms_docx::render_all(d, &opts)?
        .into_iter()
        .map(|(file_name, bytes)| Document {
            file_name,
            media_type: MEDIA_DOCX,
            bytes,
        })
        .collect();
    let r = |kind: &str, target: &RenderTarget<'_>| {
        render_document(d, kind, Some("xlsx"), target, lang, today)
    };
    let none = RenderTarget::default();
    if !d.programmes.is_empty() {
        docs.push(r("programme", &none)?);
    }
    for a in &d.audits {
        let t = RenderTarget {
            audit: Some(&a.id),
            ..RenderTarget::default()
        };
        if !a.checklists.is_empty() {
            docs.push(r("checklist", &t)?);
        }
        docs.push(r("findings", &t)?);
        docs.push(r("summary", &t)?);
    }
    docs.push(r("actions", &none)?);
    docs.push(r("registers", &none)?);
    Ok(docs)
}

fn bad_kind(kind: &str, format: Option<&str>) -> ApiError {
    ApiError::BadRequest {
        detail: format!(
            "unknown document kind \"{kind}\"{}; kinds: programme, plan, report, car, review-notice, review-report, minutes (docx); checklist, findings, actions, summary, programme, registers (xlsx)",
            format
                .map(|f| format!(" in format {f}"))
                .unwrap_or_default()
        ),
        path: "kind".into(),
    }
}

fn needs(kind: &str, what: &str) -> ApiError {
    ApiError::BadRequest {
        detail: format!("\"{kind}\" needs \"{what}\""),
        path: what.into(),
    }
}

pub(crate) fn render(request: &str, r: RenderRequest<'_>) -> Result<Value, ApiError> {
    let (dossier, _) = valid_dossier(request, r.dossier, r.lang)?;
    let target = RenderTarget {
        audit: r.audit.as_deref(),
        review: r.review.as_deref(),
        corrective_action: r.corrective_action.as_deref(),
    };
    let doc = render_document(
        &dossier,
        &r.kind,
        r.format.as_deref(),
        &target,
        r.lang,
        r.today,
    )?;
    Ok(doc.to_json())
}

pub(crate) fn export(request: &str, r: ExportChecklistRequest<'_>) -> Result<Value, ApiError> {
    let (dossier, _) = valid_dossier(request, r.dossier, r.lang)?;
    let opts = qms_xlsx::ExportOptions {
        lang: r.lang,
        today: r.today,
        auditor: r.auditor.clone(),
        password: r.password.clone(),
    };
    let bytes = qms_xlsx::export_checklists(&dossier, &r.audit, &opts)?;
    let who = r.auditor.map(|a| format!("-{a}")).unwrap_or_default();
    Ok(Document {
        file_name: format!("phieu-cau-hoi-danh-gia-{}{who}.xlsx", r.audit),
        media_type: MEDIA_XLSX,
        bytes,
    }
    .to_json())
}

pub(crate) fn import(request: &str, r: ImportChecklistRequest<'_>) -> Result<Value, ApiError> {
    let (dossier, _) = valid_dossier(request, r.dossier, r.lang)?;
    let mut decoded = Vec::with_capacity(r.workbooks.len());
    for (i, w) in r.workbooks.iter().enumerate() {
        let bytes = STANDARD
            .decode(w.base64.trim())
            .map_err(|e| ApiError::BadRequest {
                detail: format!("workbook \"{}\" is not valid base64: {e}", w.name),
                path: format!("workbooks[{i}].base64"),
            })?;
        decoded.push((w.name.as_str(), bytes));
    }
    let books: Vec<qms_xlsx::Workbook<'_>> = decoded
        .iter()
        .map(|(name, bytes)| qms_xlsx::Workbook { name, bytes })
        .collect();
    let opts = qms_xlsx::ImportOptions {
        partial: r.partial,
        lang: r.lang,
    };
    let outcome = qms_xlsx::import_checklists(&dossier, &books, &opts)?;
    Ok(import_json(&outcome, r.lang))
}

/// The outcome of an import as JSON (shared with the CLI's `--format json`).
pub fn import_json(outcome: &qms_xlsx::ImportOutcome, lang: Lang) -> Value {
    let changes: Vec<Value> = outcome
        .changes
        .iter()
        .map(|c| {
            json!({"workbook": c.workbook, "sheet": c.sheet, "cell": c.cell,
                   "checklist": c.checklist, "item": c.item, "message": c.message(lang)})
        })
        .collect();
    let conflicts: Vec<Value> = outcome
        .conflicts
        .iter()
        .map(|c| {
            json!({"workbook": c.workbook, "sheet": c.sheet, "cell": c.cell,
                   "code": c.kind.code(), "message": c.message(lang)})
        })
        .collect();
    json!({
        "applied": !changes.is_empty(),
        "changes": changes,
        "conflicts": conflicts,
        "dossier": outcome.dossier,
    })
}
