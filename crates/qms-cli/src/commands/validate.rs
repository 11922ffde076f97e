//! `qms validate FILE`: every problem at once, like a compiler.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{dossier, fail, print};
use crate::output::read;
use crate::report;
use qms_api::OpName;
use qms_api::request::ValidateRequest;
use qms_api::response::{DossierSummary, ProblemReport};
use qms_core::Lang;
use std::fmt::Write;
use std::path::Path;

pub(crate) fn run(file: &Path, format: Format, lang: Lang) -> Result<(), Failure> {
    let bytes = read(file)?;
    let r = ValidateRequest {
        op: OpName::Validate,
        dossier: dossier(bytes),
        lang,
    };
    let v = qms_api::ops::validate(r).map_err(|e| fail(e, lang))?;
    match format {
        Format::Json => report::data(&v),
        Format::Text => report_text(file, &v.problems, v.summary.as_ref(), lang)?,
    }
    if v.valid {
        Ok(())
    } else {
        Err(Failure::Invalid)
    }
}

/// Prints a validation report (also what other commands print for a dossier that does not
/// load).
pub(crate) fn report_text(
    file: &Path,
    problems: &[ProblemReport],
    summary: Option<&DossierSummary>,
    lang: Lang,
) -> Result<(), Failure> {
    let name = file.display().to_string();
    let mut out = String::new();
    for p in problems {
        let pos = match (p.line, p.column) {
            (Some(l), Some(c)) => format!("{name}:{l}:{c}"),
            _ => name.clone(),
        };
        let label = lang.pick("lỗi", "error");
        let _ = writeln!(out, "{pos}: {label}[{}] {}: {}", p.code, p.path, p.message);
    }
    let n = problems.len();
    match (summary, n) {
        (Some(s), 0) => {
            let _ = match lang {
                Lang::Vi => writeln!(
                    out,
                    "{name}: hợp lệ — {} ({}), {} đơn vị, {} quy trình, {} cuộc đánh giá, {} phát hiện",
                    s.agency, s.edition, s.units, s.procedures, s.audits, s.findings
                ),
                Lang::En => writeln!(
                    out,
                    "{name}: valid — {} ({}), {} units, {} procedures, {} audits, {} findings",
                    s.agency, s.edition, s.units, s.procedures, s.audits, s.findings
                ),
            };
        }
        // At the loader's limit the count is of those listed, not of all there are: say so,
        // or "500 lỗi" reads as the whole of it.
        _ if n >= qms_core::load::MAX_PROBLEMS => {
            let _ = match lang {
                Lang::Vi => writeln!(
                    out,
                    "{name}: hồ sơ chưa hợp lệ; đã liệt kê {} lỗi đầu tiên, mức tối đa mỗi lần; sửa rồi chạy lại để xem các lỗi còn lại",
                    super::n(n, lang)
                ),
                Lang::En => writeln!(
                    out,
                    "{name}: the dossier is not valid; the first {} problems are listed, the most listed at a time; fix them and run again for the rest",
                    super::n(n, lang)
                ),
            };
        }
        _ => {
            let _ = match lang {
                Lang::Vi => writeln!(out, "{name}: {} lỗi; hồ sơ chưa hợp lệ", super::n(n, lang)),
                Lang::En => writeln!(
                    out,
                    "{name}: {} problem(s); the dossier is not valid",
                    super::n(n, lang)
                ),
            };
        }
    }
    print(&out)
}
