//! `qms check` and `qms rules`: the rules engine, read like a good compiler's output.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{dossier, fail, fail_on, print, print_json, with_file};
use crate::output::read;
use qms_api::OpName;
use qms_api::request::{CheckRequest, RulesRequest};
use qms_core::Lang;
use std::fmt::Write;
use std::path::Path;

pub(crate) fn run(
    file: &Path,
    today: Option<chrono::NaiveDate>,
    format: Format,
    lang: Lang,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    // The binary may read the clock; the library never does.
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let r = CheckRequest {
        op: OpName::Check,
        dossier: dossier(&bytes),
        today,
        lang,
    };
    let c = qms_api::ops::check(&r).map_err(|e| fail_on(file, format, e, lang))?;
    let name = file.display().to_string();
    match format {
        Format::Json => print_json(&with_file(&c, file)?)?,
        Format::Text => {
            let mut out = String::new();
            for d in &c.diagnostics {
                let at = match (d.line, d.column) {
                    (Some(l), Some(col)) => format!("{name}:{l}:{col}"),
                    _ => name.clone(),
                };
                let _ = writeln!(out, "{}[{}]: {}", d.severity.label(lang), d.code, d.message);
                let _ = writeln!(out, "  --> {at}  {}", d.path);
                let _ = writeln!(
                    out,
                    "   = {}: {}\n",
                    lang.pick("căn cứ", "requirement"),
                    d.requirement
                );
            }
            let (e, w, i) = (c.errors, c.warnings, c.infos);
            let _ = match lang {
                Lang::Vi => writeln!(
                    out,
                    "{name} (ngày kiểm tra {}): {e} lỗi, {w} cảnh báo, {i} thông tin",
                    today.format("%d/%m/%Y")
                ),
                Lang::En => writeln!(
                    out,
                    "{name} (checked on {today}): {e} error(s), {w} warning(s), {i} info"
                ),
            };
            print(&out)?;
        }
    }
    if c.errors > 0 {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

pub(crate) fn rules(format: Format, lang: Lang) -> Result<(), Failure> {
    let r = qms_api::ops::rules(&RulesRequest {
        op: OpName::Rules,
        lang,
    })
    .map_err(|e| fail(e, lang))?;
    if format == Format::Json {
        return print_json(&r);
    }
    let mut out = String::new();
    for rule in &r.rules {
        let _ = writeln!(
            out,
            "{}  {:<9}  {}\n           {}",
            rule.code,
            rule.severity.label(lang),
            rule.title,
            rule.requirement_2015,
        );
    }
    print(&out)
}
