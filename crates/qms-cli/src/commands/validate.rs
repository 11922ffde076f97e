//! `qms validate FILE`: every problem at once, like a compiler.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{print, print_json};
use crate::output::read;
use qms_core::Lang;
use std::fmt::Write;
use std::path::Path;

pub(crate) fn run(file: &Path, format: Format, lang: Lang) -> Result<(), Failure> {
    let bytes = read(file)?;
    let report = qms_core::load_report(&bytes);
    let name = file.display().to_string();
    match format {
        Format::Json => {
            let problems: Vec<_> = report
                .problems
                .iter()
                .map(|p| qms_api::problem_json(p, lang, None))
                .collect();
            print_json(&serde_json::json!({
                "file": name,
                "valid": problems.is_empty(),
                "problems": problems,
            }))?;
        }
        Format::Text => {
            let mut out = String::new();
            for p in &report.problems {
                let pos = match (p.line, p.column) {
                    (Some(l), Some(c)) => format!("{name}:{l}:{c}"),
                    _ => name.clone(),
                };
                let label = lang.pick("lỗi", "error");
                let _ = writeln!(
                    out,
                    "{pos}: {label}[{}] {}: {}",
                    p.code(),
                    p.path,
                    p.message(lang)
                );
            }
            let n = report.problems.len();
            match (&report.dossier, n) {
                (Some(d), 0) => {
                    let findings = d.findings().count();
                    let _ = match lang {
                        Lang::Vi => writeln!(
                            out,
                            "{name}: hợp lệ — {} ({}), {} đơn vị, {} quy trình, {} cuộc đánh giá, {} phát hiện",
                            d.agency.name,
                            d.scope.edition,
                            d.units.len(),
                            d.procedures.len(),
                            d.audits.len(),
                            findings
                        ),
                        Lang::En => writeln!(
                            out,
                            "{name}: valid — {} ({}), {} units, {} procedures, {} audits, {} findings",
                            d.agency.name,
                            d.scope.edition,
                            d.units.len(),
                            d.procedures.len(),
                            d.audits.len(),
                            findings
                        ),
                    };
                }
                _ => {
                    let _ = match lang {
                        Lang::Vi => writeln!(out, "{name}: {n} lỗi; hồ sơ chưa hợp lệ"),
                        Lang::En => {
                            writeln!(out, "{name}: {n} problem(s); the dossier is not valid")
                        }
                    };
                }
            }
            print(&out)?;
        }
    }
    if report.problems.is_empty() {
        Ok(())
    } else {
        Err(Failure::Invalid)
    }
}
