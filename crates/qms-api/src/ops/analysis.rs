//! The ops that read a dossier or the catalogs: validate, check, rules, clauses, correlate,
//! convert.

use super::{load, problem_report, shift, valid_dossier, valid_dossier_kept};
use crate::error::{ApiError, RequestFault};
use crate::request::{
    CheckRequest, ClausesRequest, ConvertRequest, CorrelateRequest, ExplainRequest, RulesRequest,
    ValidateRequest,
};
use crate::response::*;
use qms_core::rules::{CheckOptions, RULES, Severity};
use qms_core::{Edition, JsonPath, catalog};

/// `validate`: every problem of a dossier at once.
///
/// ```
/// use qms_api::request::{DossierArg, ValidateRequest};
/// let bytes = include_bytes!("../../../../examples/so-khcn-ninh-binh.json");
/// let r = ValidateRequest { op: qms_api::OpName::Validate, dossier: DossierArg::Bytes(bytes), lang: Default::default() };
/// assert!(qms_api::ops::validate(r).unwrap().valid);
/// ```
pub fn validate(r: ValidateRequest<'_>) -> Result<ValidateResponse, ApiError> {
    let offset = r.dossier.offset();
    let report = load(r.dossier);
    let problems: Vec<ProblemReport> = report
        .problems
        .iter()
        .map(|p| problem_report(p, r.lang, offset))
        .collect();
    let summary = match &report.dossier {
        Some(d) if problems.is_empty() => Some(DossierSummary {
            agency: d.agency.name.clone(),
            edition: d.scope.edition,
            units: d.units.len(),
            procedures: d.procedures.len(),
            audits: d.audits.len(),
            findings: d.findings().count(),
        }),
        _ => None,
    };
    Ok(ValidateResponse {
        valid: problems.is_empty(),
        problems,
        summary,
    })
}

/// `check`: the rules over a valid dossier, each diagnostic located in the dossier's text.
///
/// ```
/// use qms_api::request::{CheckRequest, DossierArg};
/// let bytes = include_bytes!("../../../../examples/so-khcn-ninh-binh.json");
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let r = CheckRequest { op: qms_api::OpName::Check, dossier: DossierArg::Bytes(bytes), today,
///     lang: Default::default(), filter: Default::default() };
/// let c = qms_api::ops::check(&r).unwrap();
/// assert!(c.errors > 0 && c.diagnostics[0].line.is_some());
/// // Only the overdue actions, but the counts of the whole check.
/// let filter = qms_api::request::CheckFilter { rules: vec!["c002".into()], ..Default::default() };
/// let only = qms_api::ops::check(&CheckRequest { filter, ..r }).unwrap();
/// assert!(only.diagnostics.iter().all(|d| d.code == "QMS-C002") && only.errors == c.errors);
/// ```
pub fn check(r: &CheckRequest<'_>) -> Result<CheckResponse, ApiError> {
    let dossier = valid_dossier_kept(&r.dossier, r.lang)?;
    let diagnostics = qms_core::rules::check(&dossier, &CheckOptions { today: r.today });
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    let (errors, warnings, infos) = (
        count(Severity::Error),
        count(Severity::Warning),
        count(Severity::Info),
    );
    let f = &r.filter;
    let wanted: Vec<String> = f
        .rules
        .iter()
        .map(|c| qms_core::rules::explain(c).map_or_else(|| c.to_uppercase(), |e| e.code.into()))
        .collect();
    let matched: Vec<(&qms_core::rules::Diagnostic, Option<&str>)> = diagnostics
        .iter()
        .map(|d| (d, qms_core::rules::unit_of(&dossier, &d.path)))
        .filter(|(d, unit)| {
            (wanted.is_empty() || wanted.iter().any(|w| w == d.code))
                && f.severity.is_none_or(|s| d.severity <= s)
                && f.unit.as_deref().is_none_or(|u| *unit == Some(u))
        })
        .collect();
    let shown = f.limit.unwrap_or(usize::MAX).min(matched.len());
    let listed = matched.get(..shown).unwrap_or(&matched);
    let paths: Vec<&JsonPath> = listed.iter().map(|(d, _)| &d.path).collect();
    let positions = qms_core::load::positions(r.dossier.bytes(), &paths);
    let list: Vec<DiagnosticReport> = listed
        .iter()
        .zip(positions)
        .map(|((d, unit), pos)| {
            let (line, column) = shift(pos.map(|p| p.0), pos.map(|p| p.1), r.dossier.offset());
            DiagnosticReport {
                code: d.code,
                severity: d.severity,
                path: d.path.to_string(),
                pointer: d.path.pointer(),
                line,
                column,
                title: qms_core::rules::find_rule(d.code).map(|rule| rule.title(r.lang)),
                message: d.message(r.lang).to_owned(),
                requirement: d.requirement(r.lang),
                unit: unit.map(str::to_owned),
            }
        })
        .collect();
    let mut by_rule: Vec<RuleCount> = Vec::new();
    for (d, _) in &matched {
        match by_rule.iter_mut().find(|c| c.code == d.code) {
            Some(c) => c.count += 1,
            None => by_rule.push(RuleCount {
                code: d.code,
                severity: d.severity,
                title: qms_core::rules::find_rule(d.code).map(|rule| rule.title(r.lang)),
                count: 1,
            }),
        }
    }
    let mut by_unit: Vec<UnitCount> = Vec::new();
    for (_, unit) in &matched {
        match by_unit.iter_mut().find(|c| c.unit.as_deref() == *unit) {
            Some(c) => c.count += 1,
            None => by_unit.push(UnitCount {
                unit: unit.map(str::to_owned),
                name: unit
                    .and_then(|u| dossier.units.iter().find(|x| x.id == u))
                    .map(|x| x.name.clone()),
                count: 1,
            }),
        }
    }
    // Most first; the agency-wide group last among equals, units in the dossier's order.
    let order = |u: &Option<String>| {
        u.as_deref()
            .and_then(|u| dossier.units.iter().position(|x| x.id == u))
            .unwrap_or(usize::MAX)
    };
    by_unit.sort_by(|a, b| {
        b.count
            .cmp(&a.count)
            .then(order(&a.unit).cmp(&order(&b.unit)))
    });
    Ok(CheckResponse {
        today: r.today,
        errors,
        warnings,
        infos,
        matched: matched.len(),
        omitted: matched.len() - shown,
        by_rule,
        by_unit,
        diagnostics: list,
    })
}

/// `rules`: every rule of the engine.
pub fn rules(r: &RulesRequest) -> Result<RulesResponse, ApiError> {
    let rules = RULES
        .iter()
        .map(|rule| RuleInfo {
            code: rule.code,
            severity: rule.severity,
            title: rule.title(r.lang),
            title_vi: rule.title_vi,
            title_en: rule.title_en,
            requirement_2015: rule.source.label(Edition::Iso9001_2015, r.lang),
            requirement_2008: rule.source.label(Edition::Iso9001_2008, r.lang),
        })
        .collect();
    Ok(RulesResponse { rules })
}

/// `explain`: what a rule or validation code means, why it matters and how to fix it.
///
/// ```
/// let r = qms_api::request::ExplainRequest { op: qms_api::OpName::Explain, code: "c002".into(), lang: Default::default() };
/// let e = qms_api::ops::explain(&r).unwrap();
/// assert_eq!(e.code, "QMS-C002");
/// assert!(e.title.is_some() && !e.fix.is_empty());
/// ```
pub fn explain(r: &ExplainRequest) -> Result<ExplainResponse, ApiError> {
    let e = qms_core::rules::explain(&r.code).ok_or_else(|| ApiError::UnknownCode {
        code: r.code.clone(),
    })?;
    let rule = qms_core::rules::find_rule(e.code);
    Ok(ExplainResponse {
        code: e.code,
        title: rule.map(|rule| rule.title(r.lang)),
        severity: rule.map(|rule| rule.severity),
        requirement: rule.map(|rule| rule.source.label(Edition::Iso9001_2015, r.lang)),
        why: e.why(r.lang),
        fix: e.fix(r.lang),
    })
}

/// `clauses`: the clause catalog of an edition.
pub fn clauses(r: &ClausesRequest) -> Result<ClausesResponse, ApiError> {
    let clauses = catalog::clauses(r.edition)
        .iter()
        .map(|c| ClauseInfo {
            id: c.id,
            parent: c.parent,
            title: c.title(r.lang),
            title_vi: c.title_vi,
            title_en: c.title_en,
            paragraph: c.paragraph,
            vi_status: c.vi_status,
        })
        .collect();
    Ok(ClausesResponse {
        edition: r.edition,
        standard: r.edition.title(),
        clauses,
    })
}

/// `correlate`: where a clause of one edition goes in the other.
///
/// ```
/// let r = qms_api::request::CorrelateRequest { op: qms_api::OpName::Correlate, clause: "8.2.2".into(),
///     from: qms_core::Edition::Iso9001_2008, to: qms_core::Edition::Iso9001_2015, lang: Default::default() };
/// assert_eq!(qms_api::ops::correlate(&r).unwrap().targets[0].clause, "9.2");
/// ```
pub fn correlate(r: &CorrelateRequest) -> Result<CorrelateResponse, ApiError> {
    let rows =
        catalog::correlate(&r.clause, r.from, r.to).map_err(|_| ApiError::UnknownClause {
            id: r.clause.clone(),
            edition: r.from.title().into(),
            path: "clause".into(),
        })?;
    let targets: Vec<CorrelationTarget> = rows
        .iter()
        .map(|row| {
            let target = if r.from == r.to {
                r.clause.as_str()
            } else if r.to == Edition::Iso9001_2015 {
                row.to_2015
            } else {
                row.from_2008
            };
            let title = catalog::find(r.to, target);
            CorrelationTarget {
                clause: target.to_owned(),
                title_vi: title.map(|c| c.title_vi),
                title_en: title.map(|c| c.title_en),
                status: row.status,
                note_vi: row.note_vi,
                note_en: row.note_en,
            }
        })
        .collect();
    Ok(CorrelateResponse {
        clause: r.clause.clone(),
        from: r.from,
        to: r.to,
        ambiguous: targets.len() > 1,
        targets,
    })
}

/// `convert`: a 2008 dossier on TCVN ISO 9001:2015, validated before it is returned (a 2008
/// clause the correlation does not know stays as it was and fails validation).
pub fn convert(r: ConvertRequest<'_>) -> Result<ConvertResponse, ApiError> {
    if r.to != Edition::Iso9001_2015 {
        return Err(ApiError::bad(RequestFault::ConvertTarget, "to"));
    }
    let dossier = valid_dossier(r.dossier, r.lang)?;
    let c = qms_core::convert::to_2015(&dossier).map_err(|_| ApiError::AlreadyConverted {
        edition: Edition::Iso9001_2015.title().into(),
    })?;
    let problems = qms_core::validate(&c.dossier);
    if !problems.is_empty() {
        return Err(ApiError::ConversionInvalid {
            problems: problems
                .iter()
                .map(|p| problem_report(p, r.lang, None))
                .collect(),
        });
    }
    let notes = c
        .notes
        .iter()
        .map(|n| ConversionNoteReport {
            path: n.path.to_string(),
            from: n.from.clone(),
            to: n.to.clone(),
            message: n.message(r.lang),
        })
        .collect();
    Ok(ConvertResponse {
        dossier: c.dossier,
        notes,
    })
}
