//! The `rollup` op and the parallel, streaming roll-up the CLI shares: many dossiers are read
//! on a few threads, each reduced to its summary row as soon as it is checked and then dropped,
//! so memory grows with the rows, not with the dossiers.

use crate::ApiError;
use crate::call::Response;
use crate::ops::{Document, MEDIA_DOCX, MEDIA_XLSX};
use crate::request::DossierArg;
use base64::Engine;
use qms_core::rollup::{AgencySummary, Province, Rejected, RollupOptions, summarize};
use qms_core::rules::{CheckOptions, Diagnostic, check};
use qms_core::{Dossier, Lang};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::sync::Mutex;
use std::sync::atomic::{AtomicUsize, Ordering};

pub use qms_docx::RollupIssuer;

/// What the roll-up is written as.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Deserialize, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum RollupFormat {
    /// The workbook: a summary sheet, a sheet per topic, charts.
    #[default]
    Xlsx,
    /// The report to the People's Committee (Decree 30/2020 layout).
    Docx,
}

/// `{"op": "rollup", "dossiers": [...], "today": "2026-11-30", "format": "xlsx"}`: the
/// provincial roll-up of many agencies' dossiers, as a workbook or as the Word report.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RollupRequest<'a> {
    /// "rollup".
    #[schemars(with = "String", extend("const" = "rollup"))]
    pub op: crate::OpName,
    /// The dossiers, each as a JSON object or as its JSON text in a string. A broken one is
    /// listed in the output, never fatal.
    #[serde(borrow)]
    #[schemars(with = "Vec<serde_json::Value>")]
    pub dossiers: Vec<DossierArg<'a>>,
    /// A name for each dossier (its file name), used in the lists of the output; by default
    /// "dossiers[i]".
    #[serde(default)]
    pub names: Vec<String>,
    /// "xlsx" (the workbook, default) or "docx" (the report to the People's Committee).
    #[serde(default)]
    pub format: RollupFormat,
    /// The inspected year (default: the year of `today`).
    #[serde(default)]
    pub year: Option<i32>,
    /// The date of the roll-up (the library never reads the clock).
    pub today: chrono::NaiveDate,
    /// Language of the output.
    #[serde(default)]
    pub lang: Lang,
    /// The province (default: the place most dossiers name).
    #[serde(default)]
    pub province: Option<String>,
    /// The issuing agency (default "Sở Khoa học và Công nghệ").
    #[serde(default)]
    pub issuer: Option<String>,
    /// The report's number, e.g. "125/BC-SKHCN".
    #[serde(default)]
    pub number: Option<String>,
    /// Who signs the report.
    #[serde(default)]
    pub signer: Option<String>,
    /// Answer with JSON carrying the document as base64 instead of the raw bytes.
    #[serde(default)]
    pub base64: bool,
}

/// The answer of `rollup`: the document's description (the bytes are the body unless
/// `"base64": true`), how many agencies were rolled up and what was left out.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RollupResponse {
    /// Suggested file name.
    pub file_name: String,
    /// Media type.
    pub media_type: &'static str,
    /// Size in bytes.
    pub size: usize,
    /// Agencies rolled up.
    pub agencies: usize,
    /// Dossiers left out: unreadable, duplicate agency, or of another year.
    #[schemars(with = "Vec<serde_json::Value>")]
    pub rejected: Vec<Rejected>,
    /// The bytes, base64 (only with `"base64": true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
}

/// One dossier read for the roll-up, while it is still in memory.
pub struct ReadAgency<'a> {
    /// The dossier.
    pub dossier: &'a Dossier,
    /// Its check diagnostics.
    pub diagnostics: &'a [Diagnostic],
    /// Its roll-up row.
    pub row: &'a AgencySummary,
}

/// Why a dossier's text gives no row: the first problem and how many more.
pub fn load_error(bytes: &[u8], lang: Lang) -> Result<Dossier, String> {
    qms_core::load(bytes).map_err(|e| {
        let first = e.problems.first().map_or_else(String::new, |p| {
            let at = p
                .line
                .map(|l| format!(" ({} {l})", lang.pick("dòng", "line")));
            // The whole file ("$") needs no path: the file name says it.
            let path = p.path.to_string();
            let path = if path == "$" {
                String::new()
            } else {
                format!("{path}: ")
            };
            format!("{path}{}{}", p.message(lang), at.unwrap_or_default())
        });
        match e.problems.len() {
            0 | 1 => first,
            n => match lang {
                Lang::Vi => format!("{first}; và {} lỗi khác", n - 1),
                Lang::En => format!("{first}; and {} more problems", n - 1),
            },
        }
    })
}

/// Rolls up `count` dossiers on `threads` threads. `read(i)` gives the name and bytes of
/// dossier `i` (or why it cannot be read); `each` sees every dossier that loads, while it is
/// in memory (the CLI writes the inspection minutes there), and may report a problem.
/// Rows are kept in input order, so the first file of a duplicated agency is the one counted.
/// Agencies of another province than `place` (the issuer's, when given; else the one most
/// dossiers name) are left out ([`Province::keep_province`]).
///
/// ```
/// use qms_core::rollup::RollupOptions;
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
/// let texts = [b"{".to_vec(), serde_json::to_vec(&qms_core::starter::starter_dossier("UBND xã A")).unwrap()];
/// let (p, notes) = qms_api::roll_up(2, 2, RollupOptions { year: 2026, today }, None,
///     qms_core::Lang::Vi, |i| (format!("{i}.json"), Ok(texts[i].clone())), |_| Ok(()));
/// assert_eq!((p.agencies.len(), p.unreadable()), (1, 1));
/// assert!(notes.is_empty());
/// ```
pub fn roll_up(
    count: usize,
    threads: usize,
    opts: RollupOptions,
    place: Option<&str>,
    lang: Lang,
    read: impl Fn(usize) -> (String, Result<Vec<u8>, String>) + Sync,
    each: impl Fn(&ReadAgency<'_>) -> Result<(), String> + Sync,
) -> (Province, Vec<String>) {
    type Outcome = (usize, String, Result<AgencySummary, String>);
    let next = AtomicUsize::new(0);
    let outcomes: Mutex<Vec<Outcome>> = Mutex::new(Vec::with_capacity(count));
    let notes: Mutex<Vec<(usize, String)>> = Mutex::new(Vec::new());
    let work = || {
        loop {
            let i = next.fetch_add(1, Ordering::Relaxed);
            if i >= count {
                break;
            }
            let (name, bytes) = read(i);
            let row = bytes.and_then(|b| {
                let d = load_error(&b, lang)?;
                drop(b);
                // A past year is judged as it stood at its end (see RollupOptions::as_of).
                let diags = check(
                    &d,
                    &CheckOptions {
                        today: opts.as_of(),
                    },
                );
                let row = summarize(&name, &d, &diags, &opts);
                let read = ReadAgency {
                    dossier: &d,
                    diagnostics: &diags,
                    row: &row,
                };
                if let Err(e) = each(&read)
                    && let Ok(mut n) = notes.lock()
                {
                    n.push((i, format!("{name}: {e}")));
                }
                Ok(row)
            });
            if let Ok(mut o) = outcomes.lock() {
                o.push((i, name, row));
            }
        }
    };
    let threads = threads.clamp(1, count.max(1));
    std::thread::scope(|s| {
        for _ in 1..threads {
            s.spawn(work);
        }
        work();
    });
    let mut outcomes = outcomes.into_inner().unwrap_or_else(|e| e.into_inner());
    outcomes.sort_by_key(|o| o.0);
    let mut province = Province::new(opts);
    for (_, name, row) in outcomes {
        match row {
            Ok(row) => province.add(row),
            Err(e) => province.reject(&name, e),
        }
    }
    province.keep_province(place);
    let mut notes = notes.into_inner().unwrap_or_else(|e| e.into_inner());
    notes.sort();
    (province, notes.into_iter().map(|(_, n)| n).collect())
}

/// The issuer of the report: the request's names over the defaults.
pub fn issuer(province: &Province, name: Option<&str>, agency: Option<&str>) -> RollupIssuer {
    let place = name.or(province.place()).unwrap_or("……");
    let mut i = RollupIssuer::new(place);
    if let Some(a) = agency.map(str::trim).filter(|a| !a.is_empty()) {
        i.agency = a.to_owned();
    }
    i
}

/// The issuer of one agency's inspection minutes, written before the roll-up is done: the
/// province given, else the agency's own province (its managing body or address, never a
/// commune's or ward's place name).
///
/// ```
/// let mut d = qms_core::starter::starter_dossier("Ủy ban nhân dân xã Tân Thành");
/// d.agency.place = Some("Tân Thành".into());
/// d.agency.parent = Some("UBND TỈNH ĐỒNG THÁP".into());
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
/// let opts = qms_core::rollup::RollupOptions { year: 2026, today };
/// let row = qms_core::rollup::summarize("a.json", &d, &[], &opts);
/// assert_eq!(qms_api::rollup::minutes_issuer(&row, None, None).province, "Đồng Tháp");
/// ```
pub fn minutes_issuer(
    row: &AgencySummary,
    province: Option<&str>,
    agency: Option<&str>,
) -> RollupIssuer {
    let place = province
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .or(row.province.as_deref())
        .unwrap_or("……");
    let mut i = RollupIssuer::new(place);
    if let Some(a) = agency.map(str::trim).filter(|a| !a.is_empty()) {
        i.agency = a.to_owned();
    }
    i
}

/// Renders the roll-up as a workbook or the Word report.
pub fn render_rollup(
    province: &Province,
    format: RollupFormat,
    issuer: &RollupIssuer,
    lang: Lang,
) -> Result<Document, ApiError> {
    let year = province.year;
    match format {
        RollupFormat::Xlsx => Ok(Document {
            file_name: format!("tong-hop-kiem-tra-htqlcl-{year}.xlsx"),
            media_type: MEDIA_XLSX,
            bytes: qms_xlsx::render_rollup(province, lang).map_err(|e| match e {
                qms_xlsx::XlsxError::CellTooLong { .. } => ApiError::CellTooLong {
                    vi: e.message(Lang::Vi),
                    en: e.to_string(),
                },
                e => ApiError::WriteFailed {
                    detail: e.to_string(),
                },
            })?,
        }),
        RollupFormat::Docx => {
            let opts = qms_docx::RenderOptions {
                lang,
                ..qms_docx::RenderOptions::new(province.today)
            };
            Ok(Document {
                file_name: format!("bao-cao-kiem-tra-htqlcl-{year}.docx"),
                media_type: MEDIA_DOCX,
                bytes: qms_docx::render_rollup_report(province, issuer, &opts)
                    .map_err(write_failed)?,
            })
        }
    }
}

fn write_failed(e: qms_docx::DocxError) -> ApiError {
    ApiError::WriteFailed {
        detail: e.to_string(),
    }
}

/// The inspection minutes of one agency read by [`roll_up`] (Biên bản kiểm tra).
pub fn inspection_minutes(
    read: &ReadAgency<'_>,
    issuer: &RollupIssuer,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<Vec<u8>, ApiError> {
    let opts = qms_docx::RenderOptions {
        lang,
        ..qms_docx::RenderOptions::new(today)
    };
    qms_docx::render_inspection_minutes(read.dossier, read.row, read.diagnostics, issuer, &opts)
        .map_err(write_failed)
}

/// The `rollup` op: the document and what was left out.
pub fn rollup(r: &RollupRequest<'_>) -> Result<(Document, Province), ApiError> {
    let opts = RollupOptions {
        year: r.year.unwrap_or_else(|| chrono::Datelike::year(&r.today)),
        today: r.today,
    };
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let read = |i: usize| {
        let name = r
            .names
            .get(i)
            .cloned()
            .unwrap_or_else(|| format!("dossiers[{i}]"));
        let bytes = r.dossiers.get(i).map(|d| d.bytes().to_vec());
        (name, bytes.ok_or_else(String::new))
    };
    let (province, _) = roll_up(
        r.dossiers.len(),
        threads,
        opts,
        r.province.as_deref(),
        r.lang,
        read,
        |_| Ok(()),
    );
    let mut issuer = issuer(&province, r.province.as_deref(), r.issuer.as_deref());
    issuer.number = r.number.clone();
    issuer.signer = r.signer.clone();
    let doc = render_rollup(&province, r.format, &issuer, r.lang)?;
    Ok((doc, province))
}

/// The response of the op: raw bytes with the JSON description, or all of it as base64 JSON.
pub(crate) fn respond(r: &RollupRequest<'_>, base64: bool) -> Result<Response, ApiError> {
    let (doc, province) = rollup(r)?;
    let mut info = RollupResponse {
        file_name: doc.file_name,
        media_type: doc.media_type,
        size: doc.bytes.len(),
        agencies: province.agencies.len(),
        rejected: province.rejected,
        base64: None,
    };
    if base64 || r.base64 {
        info.base64 = Some(base64::engine::general_purpose::STANDARD.encode(&doc.bytes));
        return Ok(Response::json(crate::Status::Ok, &info));
    }
    Ok(Response {
        bytes: Some(doc.bytes),
        ..Response::json(crate::Status::Ok, &info)
    })
}
