//! The `check` and `rules` ops: the rules engine over a dossier.

use crate::ApiError;
use crate::ops::{load_inline, problem_json, shift};
use crate::request::{CheckRequest, ConvertRequest, RulesRequest};
use qms_core::rules::{CheckOptions, Diagnostic, RULES, Severity, check as run_rules};
use qms_core::{JsonPath, Lang};
use serde_json::{Value, json};

/// Loads an inline dossier that must be valid for the op to run.
pub(crate) fn valid_dossier(
    request: &str,
    dossier: &serde_json::value::RawValue,
    lang: Lang,
) -> Result<(qms_core::Dossier, crate::ops::Offset), ApiError> {
    let (report, offset) = load_inline(request, dossier)?;
    match report.dossier {
        Some(d) if report.problems.is_empty() => Ok((d, offset)),
        _ => Err(ApiError::InvalidDossier {
            problems: report
                .problems
                .iter()
                .map(|p| problem_json(p, lang, offset))
                .collect(),
        }),
    }
}

pub(crate) fn convert(request: &str, r: ConvertRequest<'_>) -> Result<Value, ApiError> {
    let (dossier, _) = valid_dossier(request, r.dossier, r.lang)?;
    if r.to != qms_core::Edition::Iso9001_2015 {
        return Err(ApiError::BadRequest {
            detail: "only \"to\": \"2015\" is supported".into(),
            path: "to".into(),
        });
    }
    let c = qms_core::convert::to_2015(&dossier).map_err(|e| ApiError::BadRequest {
        detail: e.to_string(),
        path: "dossier.scope.edition".into(),
    })?;
    let notes: Vec<Value> = c
        .notes
        .iter()
        .map(|n| json!({"path": n.path.to_string(), "from": n.from, "to": n.to, "message": n.message(r.lang)}))
        .collect();
    Ok(json!({ "dossier": c.dossier, "notes": notes }))
}

pub(crate) fn check(request: &str, r: CheckRequest<'_>) -> Result<Value, ApiError> {
    let (dossier, offset) = valid_dossier(request, r.dossier, r.lang)?;
    let diagnostics = run_rules(&dossier, &CheckOptions { today: r.today });
    // Positions are looked up in the dossier's own text, then shifted into the request.
    let raw = r.dossier.get();
    let text = if raw.starts_with('"') {
        serde_json::from_str::<String>(raw)?
    } else {
        raw.to_owned()
    };
    let paths: Vec<&JsonPath> = diagnostics.iter().map(|d| &d.path).collect();
    let positions = qms_core::load::positions(text.as_bytes(), &paths);
    let list: Vec<Value> = diagnostics
        .iter()
        .zip(positions)
        .map(|(d, pos)| {
            let (line, column) = shift(pos.map(|p| p.0), pos.map(|p| p.1), offset);
            diagnostic_json(d, r.lang, line, column)
        })
        .collect();
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    Ok(json!({
        "today": r.today,
        "errors": count(Severity::Error),
        "warnings": count(Severity::Warning),
        "infos": count(Severity::Info),
        "diagnostics": list,
    }))
}

/// A diagnostic as JSON.
pub fn diagnostic_json(
    d: &Diagnostic,
    lang: Lang,
    line: Option<usize>,
    column: Option<usize>,
) -> Value {
    let title = qms_core::rules::find_rule(d.code).map(|r| r.title(lang));
    json!({
        "code": d.code,
        "severity": d.severity,
        "path": d.path.to_string(),
        "pointer": d.path.pointer(),
        "line": line,
        "column": column,
        "title": title,
        "message": d.message(lang),
        "requirement": d.requirement(lang),
    })
}

pub(crate) fn rules(r: RulesRequest) -> Value {
    let list: Vec<Value> = RULES
        .iter()
        .map(|rule| {
            json!({
                "code": rule.code,
                "severity": rule.severity,
                "title": rule.title(r.lang),
                "title_vi": rule.title_vi,
                "title_en": rule.title_en,
                "requirement_2015": rule.source.label(qms_core::Edition::Iso9001_2015, r.lang),
                "requirement_2008": rule.source.label(qms_core::Edition::Iso9001_2008, r.lang),
            })
        })
        .collect();
    json!({ "rules": list })
}
