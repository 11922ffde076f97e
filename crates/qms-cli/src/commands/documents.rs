//! `qms render`, `qms render all` and `qms demo`: Word and Excel documents of a dossier.

use crate::Failure;
use crate::cli::DocFormat;
use crate::output::{read, write_atomic};
use qms_api::documents::RenderTarget;
use qms_api::{ApiError, render_document};
use qms_core::{Dossier, Lang};
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

fn load(file: &Path, lang: Lang) -> Result<Dossier, Failure> {
    let bytes = read(file)?;
    match qms_core::load(&bytes) {
        Ok(d) => Ok(d),
        Err(_) => {
            super::validate::run(file, crate::cli::Format::Text, lang)?;
            Err(Failure::Invalid)
        }
    }
}

/// Reports an API error in the user's language and maps it to an exit code.
pub(crate) fn fail(e: ApiError, lang: Lang) -> Failure {
    let msg = match &e {
        ApiError::Xlsx(x) => x.message(lang),
        other => other.to_string(),
    };
    match e {
        ApiError::BadRequest { .. } => Failure::Usage(msg),
        _ => {
            eprintln!("qms: {msg}");
            Failure::Invalid
        }
    }
}

pub(crate) fn render(
    kind: &str,
    file: &Path,
    target: &RenderTarget<'_>,
    format: Option<DocFormat>,
    output: Option<&Path>,
    opts: &Opts,
) -> Result<(), Failure> {
    let dossier = load(file, opts.lang)?;
    if kind == "all" {
        let Some(dir) = output else {
            return Err(Failure::Usage("`qms render all` needs -o DIR".into()));
        };
        return write_all(&dossier, dir, opts);
    }
    let format = format.map(|f| match f {
        DocFormat::Docx => "docx",
        DocFormat::Xlsx => "xlsx",
    });
    let doc = render_document(&dossier, kind, format, target, opts.lang, opts.today)
        .map_err(|e| fail(e, opts.lang))?;
    let path = output.map_or_else(|| PathBuf::from(&doc.file_name), Path::to_path_buf);
    write_atomic(&path, &doc.bytes, opts.force)?;
    eprintln!("{}", written(&path, doc.bytes.len(), opts.lang));
    Ok(())
}

fn written(path: &Path, size: usize, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("đã ghi {} ({size} byte)", path.display()),
        Lang::En => format!("wrote {} ({size} bytes)", path.display()),
    }
}

fn write_all(d: &Dossier, dir: &Path, opts: &Opts) -> Result<(), Failure> {
    let docs = qms_api::documents::all_documents(d, opts.lang, opts.today)
        .map_err(|e| fail(e, opts.lang))?;
    std::fs::create_dir_all(dir)
        .map_err(|e| Failure::Io(anyhow::anyhow!("cannot create {}: {e}", dir.display())))?;
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
    for doc in &docs {
        let path = dir.join(&doc.file_name);
        write_atomic(&path, &doc.bytes, true)?;
        eprintln!("{}", written(&path, doc.bytes.len(), opts.lang));
    }
    Ok(())
}

pub(crate) fn demo(dir: &Path, opts: &Opts) -> Result<(), Failure> {
    let dossier = qms_core::load(DEMO)
        .map_err(|e| Failure::Io(anyhow::anyhow!("the bundled example does not load: {e}")))?;
    write_all(&dossier, dir, opts)
}
