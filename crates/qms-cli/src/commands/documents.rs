//! `qms render`, `qms render all` and `qms demo`: Word and Excel documents of a dossier.

use crate::Failure;
use crate::commands::{dossier, fail, fail_on, write_file, wrote};
use crate::output::read;
use crate::progress::Progress;
use crate::report::{self, note};
use qms_api::OpName;
use qms_api::ops::{Document, DocumentFailure};
use qms_api::request::{self, DocumentKind, RenderAllRequest, RenderRequest};
use qms_api::response::DocumentResponse;
use qms_core::Lang;
use std::path::{Path, PathBuf};

/// The bundled example, embedded so that `qms demo` works from any directory.
const DEMO: &[u8] = include_bytes!("../../../../examples/so-khcn-ninh-binh.json");

/// The example's "today": its snapshots and documents are reviewed at this date.
pub(crate) const DEMO_TODAY: chrono::NaiveDate = match chrono::NaiveDate::from_ymd_opt(2026, 11, 23)
{
    Some(d) => d,
    None => chrono::NaiveDate::MIN,
};

pub(crate) fn system_today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

pub(crate) struct Opts {
    pub(crate) lang: Lang,
    pub(crate) today: chrono::NaiveDate,
    pub(crate) force: bool,
}

/// The records and format named on the command line.
pub(crate) struct Target {
    pub(crate) audit: Option<String>,
    pub(crate) review: Option<String>,
    pub(crate) corrective_action: Option<String>,
    pub(crate) format: Option<request::Format>,
    /// The tracker highlights what is overdue on the day it is opened.
    pub(crate) live_overdue: bool,
}

pub(crate) fn render(
    kind: &str,
    file: &Path,
    target: Target,
    output: Option<&Path>,
    opts: &Opts,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    if kind == "all" {
        let Some(dir) = output else {
            return Err(Failure::Usage("`qms render all` needs -o DIR".into()));
        };
        let docs = all(dossier(bytes), opts).map_err(|e| fail_on(file, e, opts.lang))?;
        return write_all(docs, dir, opts);
    }
    let Some(kind) = DocumentKind::parse(kind) else {
        let kinds: Vec<&str> = DocumentKind::ALL.iter().map(|k| k.slug()).collect();
        return Err(Failure::Usage(format!(
            "{} \"{kind}\"; {}: {}, all",
            opts.lang
                .pick("không có loại tài liệu", "unknown document kind"),
            opts.lang.pick("các loại", "kinds"),
            kinds.join(", ")
        )));
    };
    let r = RenderRequest {
        op: OpName::Render,
        dossier: dossier(bytes),
        kind,
        base64: false,
        format: target.format,
        audit: target.audit,
        review: target.review,
        corrective_action: target.corrective_action,
        today: opts.today,
        lang: opts.lang,
        live_overdue: target.live_overdue,
    };
    let doc = qms_api::ops::render(r).map_err(|e| fail_on(file, e, opts.lang))?;
    let path = output.map_or_else(|| PathBuf::from(&doc.file_name), Path::to_path_buf);
    write_file(&path, &doc.bytes, opts.force)?;
    report::data(&describe(&doc));
    note!("{}", wrote(&path, doc.bytes.len(), opts.lang));
    Ok(())
}

/// A document as the API describes it (`render`, `export-checklist`): the JSON report's data.
pub(crate) fn describe(doc: &Document) -> DocumentResponse {
    DocumentResponse {
        file_name: doc.file_name.clone(),
        media_type: doc.media_type,
        size: doc.bytes.len(),
        documents: Vec::new(),
        failed: Vec::new(),
        base64: None,
    }
}

/// Every document of a dossier file, as `render-all` makes them.
fn all(
    dossier: qms_api::request::DossierArg<'_>,
    opts: &Opts,
) -> Result<(Vec<Document>, Vec<DocumentFailure>), qms_api::ApiError> {
    let progress = Progress::bar(0, opts.lang.pick("Văn bản", "Documents"));
    let observe = |s: qms_api::ops::Step<'_>| {
        progress.length(s.total);
        progress.set(s.done, s.now);
    };
    qms_api::ops::render_all_documents_observed(
        RenderAllRequest {
            op: OpName::RenderAll,
            dossier,
            base64: false,
            today: opts.today,
            lang: opts.lang,
        },
        &observe,
    )
}

/// Writes every document that could be made, then reports the ones that could not (exit 1).
fn write_all(
    (docs, failed): (Vec<Document>, Vec<DocumentFailure>),
    dir: &Path,
    opts: &Opts,
) -> Result<(), Failure> {
    crate::output::create_dir(dir)?;
    // Refuse before writing anything, so a refusal never leaves half a set behind.
    if !opts.force
        && let Some(existing) = docs
            .iter()
            .map(|x| dir.join(&x.file_name))
            .find(|p| p.exists())
    {
        return Err(Failure::Io(anyhow::anyhow!(
            "{0} đã tồn tại; dùng --force để ghi đè / {0} exists; use --force to overwrite",
            existing.display()
        )));
    }
    let progress = Progress::bar(docs.len(), opts.lang.pick("Ghi tệp", "Writing"));
    for doc in &docs {
        let path = dir.join(&doc.file_name);
        progress.step(&doc.file_name);
        write_file(&path, &doc.bytes, true)?;
        progress.suspend(|| note!("{}", wrote(&path, doc.bytes.len(), opts.lang)));
    }
    drop(progress);
    let entries = qms_api::ops::document_entries(&docs);
    let failures = qms_api::ops::failure_reports(&failed, opts.lang);
    report::data(&serde_json::json!({"documents": entries, "failed": failures}));
    for f in &failed {
        say!(
            "qms: {} {}: {}",
            opts.lang.pick("không tạo được", "could not make"),
            dir.join(&f.file_name).display(),
            f.error.message(opts.lang)
        );
    }
    if failed.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid)
    }
}

pub(crate) fn demo(dir: &Path, opts: &Opts) -> Result<(), Failure> {
    let docs =
        all(qms_api::request::DossierArg::Bytes(DEMO), opts).map_err(|e| fail(e, opts.lang))?;
    write_all(docs, dir, opts)
}
