//! `qms check` and `qms rules`: the rules engine, read like a good compiler's output.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{api, print, print_json};
use crate::output::read;
use qms_core::Lang;
use qms_core::rules::{CheckOptions, Severity, check};
use serde_json::json;
use std::fmt::Write;
use std::path::Path;

pub(crate) fn run(
    file: &Path,
    today: Option<chrono::NaiveDate>,
    format: Format,
    lang: Lang,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    let dossier = match qms_core::load(&bytes) {
        Ok(d) => d,
        Err(_) => {
            // The same report as `qms validate`: nothing can be checked before it loads.
            return super::validate::run(file, format, lang);
        }
    };
    // The binary may read the clock; the library never does.
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let diags = check(&dossier, &CheckOptions { today });
    let paths: Vec<_> = diags.iter().map(|d| &d.path).collect();
    let positions = qms_core::load::positions(&bytes, &paths);
    let name = file.display().to_string();
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let errors = count(Severity::Error);
    match format {
        Format::Json => {
            let list: Vec<_> = diags
                .iter()
                .zip(&positions)
                .map(|(d, p)| qms_api::diagnostic_json(d, lang, p.map(|p| p.0), p.map(|p| p.1)))
                .collect();
            print_json(&json!({
                "file": name,
                "today": today,
                "errors": errors,
                "warnings": count(Severity::Warning),
                "infos": count(Severity::Info),
                "diagnostics": list,
            }))?;
        }
        Format::Text => {
            let mut out = String::new();
            for (d, pos) in diags.iter().zip(&positions) {
                let at = match pos {
                    Some((l, c)) => format!("{name}:{l}:{c}"),
                    None => name.clone(),
                };
                let _ = writeln!(
                    out,
                    "{}[{}]: {}",
                    d.severity.label(lang),
                    d.code,
                    d.message(lang)
                );
                let _ = writeln!(out, "  --> {at}  {}", d.path);
                let _ = writeln!(
                    out,
                    "   = {}: {}\n",
                    lang.pick("căn cứ", "requirement"),
                    d.requirement(lang)
                );
            }
            let (w, i) = (count(Severity::Warning), count(Severity::Info));
            let _ = match lang {
                Lang::Vi => writeln!(
                    out,
                    "{name} (ngày kiểm tra {}): {errors} lỗi, {w} cảnh báo, {i} thông tin",
                    today.format("%d/%m/%Y")
                ),
                Lang::En => writeln!(
                    out,
                    "{name} (checked on {today}): {errors} error(s), {w} warning(s), {i} info"
                ),
            };
            print(&out)?;
        }
    }
    if errors > 0 {
        Err(Failure::Invalid)
    } else {
        Ok(())
    }
}

pub(crate) fn rules(format: Format, lang: Lang) -> Result<(), Failure> {
    let r = api(json!({"op": "rules", "lang": lang}))?;
    if format == Format::Json {
        return print_json(&r);
    }
    let mut out = String::new();
    for rule in r["rules"].as_array().into_iter().flatten() {
        let sev = rule["severity"].as_str().unwrap_or_default();
        let sev = match (sev, lang) {
            ("error", Lang::Vi) => "lỗi",
            ("warning", Lang::Vi) => "cảnh báo",
            ("info", Lang::Vi) => "thông tin",
            (s, _) => s,
        };
        let _ = writeln!(
            out,
            "{}  {:<9}  {}\n           {}",
            rule["code"].as_str().unwrap_or_default(),
            sev,
            rule["title"].as_str().unwrap_or_default(),
            rule["requirement_2015"].as_str().unwrap_or_default(),
        );
    }
    print(&out)
}
