//! `qms check` and `qms rules`: the rules engine, read like a good compiler's output.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{fail, fail_on, print};
use crate::output::read;
use crate::report;
use qms_api::OpName;
use qms_api::request::{CheckFilter, CheckRequest, ExplainRequest, RulesRequest};
use qms_core::Lang;
use std::fmt::Write;
use std::path::Path;

pub(crate) fn run(
    file: &Path,
    today: Option<chrono::NaiveDate>,
    format: Format,
    lang: Lang,
    filter: CheckFilter,
    full: bool,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    // The binary may read the clock; the library never does.
    let today = today.unwrap_or_else(|| chrono::Local::now().date_naive());
    let r = CheckRequest {
        op: OpName::Check,
        dossier: qms_api::request::DossierArg::Bytes(&bytes),
        today,
        lang,
        filter,
    };
    let c = qms_api::ops::check(&r).map_err(|e| fail_on(file, e, lang))?;
    match format {
        Format::Json => report::data(&c),
        Format::Text => print(&super::check_text::render(&c, file, lang, full))?,
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
        report::data(&r);
        return Ok(());
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

/// `qms explain CODE`: the requirement, why it matters and how to fix it.
pub(crate) fn explain(code: &str, format: Format, lang: Lang) -> Result<(), Failure> {
    let e = qms_api::ops::explain(&ExplainRequest {
        op: OpName::Explain,
        code: code.to_owned(),
        lang,
    })
    .map_err(|e| fail(e, lang))?;
    if format == Format::Json {
        report::data(&e);
        return Ok(());
    }
    let mut out = String::new();
    match (e.title, e.severity) {
        (Some(title), Some(sev)) => {
            let _ = writeln!(out, "{} — {title} ({})", e.code, sev.label(lang));
        }
        _ => {
            let _ = writeln!(out, "{}", e.code);
        }
    }
    if let Some(req) = &e.requirement {
        let _ = writeln!(out, "{} {req}", lang.pick("Căn cứ:", "Requirement:"));
    }
    let _ = writeln!(
        out,
        "\n{}\n  {}",
        lang.pick("Vì sao quan trọng:", "Why it matters:"),
        e.why
    );
    let _ = writeln!(
        out,
        "\n{}\n  {}",
        lang.pick("Cách khắc phục:", "How to fix it:"),
        e.fix
    );
    print(&out)
}
