//! `qms rollup`: the provincial roll-up of many agencies' dossiers into the workbook and/or the
//! Word report, optionally with each agency's inspection minutes. A broken dossier never stops
//! it: it is named in the output and here, and the exit status is 1.

use crate::Failure;
use crate::commands::{write_file, wrote};
use crate::progress::Progress;
use crate::report::{self, note};

use qms_api::rollup::RollupFormat;
use qms_core::Lang;
use qms_core::rollup::{Province, Rejection, RollupOptions};
use std::path::{Path, PathBuf};

pub(crate) struct Args {
    pub(crate) files: Vec<PathBuf>,
    pub(crate) dir: Option<PathBuf>,
    pub(crate) outputs: Vec<PathBuf>,
    pub(crate) year: Option<i32>,
    pub(crate) today: chrono::NaiveDate,
    pub(crate) lang: Lang,
    pub(crate) minutes: Option<PathBuf>,
    pub(crate) province: Option<String>,
    pub(crate) issuer: Option<String>,
    pub(crate) number: Option<String>,
    pub(crate) signer: Option<String>,
    pub(crate) jobs: Option<usize>,
    pub(crate) force: bool,
    /// Part of `qms demo`: the report's data goes under "rollup".
    pub(crate) nested: bool,
}

/// The format an output path asks for, from its extension.
fn format_of(path: &Path) -> Result<RollupFormat, Failure> {
    match path
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase)
        .as_deref()
    {
        Some("xlsx") => Ok(RollupFormat::Xlsx),
        Some("docx") => Ok(RollupFormat::Docx),
        _ => Err(Failure::Usage(format!(
            "-o {}: phải là tệp .xlsx hoặc .docx / must be an .xlsx or .docx file",
            path.display()
        ))),
    }
}

/// The dossiers of a directory: its `.json` files, in name order.
fn dir_files(dir: &Path) -> Result<Vec<PathBuf>, Failure> {
    let entries = std::fs::read_dir(dir).map_err(|e| {
        Failure::Io(anyhow::anyhow!(
            "không đọc được thư mục {0} / cannot read directory {0}: {e}",
            dir.display()
        ))
    })?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(Result::ok)
        .map(|e| e.path())
        .filter(|p| {
            p.is_file()
                && p.extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("json"))
        })
        .collect();
    files.sort();
    Ok(files)
}

pub(crate) fn run(a: Args) -> Result<(), Failure> {
    let formats: Vec<RollupFormat> = a
        .outputs
        .iter()
        .map(|p| format_of(p))
        .collect::<Result<_, _>>()?;
    let mut files = a.files.clone();
    if let Some(dir) = &a.dir {
        files.extend(dir_files(dir)?);
    }
    if files.is_empty() {
        return Err(Failure::Usage(
            "không có hồ sơ nào: nêu FILE... hoặc --dir DIR / no dossiers: give FILE... or --dir DIR"
                .into(),
        ));
    }
    if !a.force
        && let Some(p) = a.outputs.iter().find(|p| p.exists())
    {
        return Err(Failure::Io(anyhow::anyhow!(
            "{0} đã tồn tại; dùng --force để ghi đè / {0} exists; use --force to overwrite",
            p.display()
        )));
    }
    if let Some(dir) = &a.minutes {
        crate::output::create_dir(dir)?;
    }
    let opts = RollupOptions {
        year: a.year.unwrap_or_else(|| chrono::Datelike::year(&a.today)),
        today: a.today,
    };
    let threads = a
        .jobs
        .unwrap_or_else(|| std::thread::available_parallelism().map_or(1, usize::from));
    let name = |p: &Path| {
        p.file_name().map_or_else(
            || p.display().to_string(),
            |n| n.to_string_lossy().into_owned(),
        )
    };
    let progress = Progress::bar(files.len(), a.lang.pick("Tổng hợp", "Rolling up"));
    let read = |i: usize| {
        let path = &files[i];
        progress.step(&name(path));
        let bytes = std::fs::read(path).map_err(|e| match a.lang {
            Lang::Vi => format!("không đọc được tệp: {e}"),
            Lang::En => format!("cannot read the file: {e}"),
        });
        (name(path), bytes)
    };
    let issuer_for = |p: &Province| {
        let mut i = qms_api::rollup::issuer(p, a.province.as_deref(), a.issuer.as_deref());
        i.number = a.number.clone();
        i.signer = a.signer.clone();
        i
    };
    // The minutes are written while each dossier is in memory, before the roll-up is done.
    let minutes = |r: &qms_api::ReadAgency<'_>| -> Result<(), String> {
        let Some(dir) = &a.minutes else {
            return Ok(());
        };
        // Only the agencies rolled up: of the year, and of the province when it is given.
        let elsewhere = |p: &str| {
            a.province
                .as_deref()
                .is_some_and(|given| !qms_core::rollup::same_province(p, given))
        };
        if r.row.year.is_some_and(|y| y != opts.year)
            || r.row.province.as_deref().is_some_and(elsewhere)
        {
            return Ok(());
        }
        let issuer =
            qms_api::rollup::minutes_issuer(r.row, a.province.as_deref(), a.issuer.as_deref());
        let bytes = qms_api::rollup::inspection_minutes(r, &issuer, a.lang, opts.today)
            .map_err(|e| e.message(a.lang))?;
        let stem = Path::new(&r.row.source)
            .file_stem()
            .map_or_else(|| r.row.id.clone(), |s| s.to_string_lossy().into_owned());
        let path = dir.join(format!("bien-ban-kiem-tra-{stem}.docx"));
        write_file(&path, &bytes, a.force).map_err(|e| format!("{e:#}"))
    };
    let (province, notes) = qms_api::roll_up(
        files.len(),
        threads,
        opts,
        a.province.as_deref(),
        a.lang,
        read,
        minutes,
    );
    drop(progress);
    let issuer = issuer_for(&province);
    let mut documents = Vec::new();
    for (path, format) in a.outputs.iter().zip(&formats) {
        let doc = qms_api::rollup::render_rollup(&province, *format, &issuer, a.lang)
            .map_err(|e| super::fail(e, a.lang))?;
        write_file(path, &doc.bytes, a.force)?;
        documents.push(super::documents::describe(&doc));
        note!("{}", wrote(path, doc.bytes.len(), a.lang));
    }
    // The op's response (agencies, rejected), one description per document written.
    let data = serde_json::json!({
        "year": province.year,
        "agencies": province.agencies.len(),
        "rejected": province.rejected,
        "documents": documents,
        "minutes_errors": notes,
    });
    if a.nested {
        report::data_member("rollup", &data);
    } else {
        report::data(&data);
    }
    report(&province, &notes, a.lang);
    if province.unreadable() > 0 || !notes.is_empty() {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

/// What the command says about its inputs: a count, then one line per file left out.
fn report(p: &Province, notes: &[String], lang: Lang) {
    let received = p.agencies.len() + p.rejected.len();
    let [unreadable, duplicate, other_year, other_province] = p.rejected_by_reason();
    note!(
        "{}",
        match lang {
            Lang::Vi => format!(
                "đã tổng hợp {} cơ quan từ {received} hồ sơ năm {}; {} hồ sơ lỗi, {} trùng cơ quan, {} khác năm, {} ngoài tỉnh",
                p.agencies.len(),
                p.year,
                unreadable,
                duplicate,
                other_year,
                other_province,
            ),
            Lang::En => format!(
                "rolled up {} from {} of {}; {} unreadable, {} duplicate, {} of another year, {} of another province",
                lang.count(p.agencies.len() as u64, "", "agency"),
                lang.count(received as u64, "", "dossier"),
                p.year,
                unreadable,
                duplicate,
                other_year,
                other_province,
            ),
        }
    );
    for r in &p.rejected {
        let what = match (&r.reason, lang) {
            (Rejection::Unreadable { .. }, Lang::Vi) => "lỗi",
            (Rejection::Unreadable { .. }, Lang::En) => "error",
            (_, Lang::Vi) => "bỏ qua",
            (_, Lang::En) => "skipped",
        };
        say!("{what}: {}: {}", r.source, r.reason.describe(lang));
    }
    for n in notes {
        say!("{}: {n}", lang.pick("lỗi biên bản", "minutes error"));
    }
}

/// The province of `qms demo`: about thirty synthetic agencies in `dir/ho-so/`, their
/// roll-up workbook and report in `dir/`.
pub(crate) fn demo(
    dir: &Path,
    lang: Lang,
    today: chrono::NaiveDate,
    force: bool,
) -> Result<(), Failure> {
    use qms_core::sample_agencies::{AgencySampleSpec, sample_agency};
    let dossiers = dir.join("ho-so");
    crate::output::create_dir(&dossiers)?;
    let mut files = Vec::new();
    for index in 0..30 {
        let d = sample_agency(&AgencySampleSpec {
            checklist_items: 60,
            findings: 8,
            seed: 2026,
            index,
        });
        let path = dossiers.join(format!("{}.json", d.id));
        let text = serde_json::to_vec_pretty(&d).map_err(|e| Failure::Io(e.into()))?;
        write_file(&path, &text, force)?;
        files.push(path);
    }
    run(Args {
        files,
        dir: None,
        outputs: vec![
            dir.join("tong-hop-kiem-tra-htqlcl.xlsx"),
            dir.join("bao-cao-kiem-tra-htqlcl.docx"),
        ],
        year: None,
        today,
        lang,
        minutes: None,
        province: None,
        issuer: None,
        number: None,
        signer: None,
        jobs: None,
        force,
        nested: true,
    })
}
