//! The ops that read a dossier or the catalogs: validate, check, rules, clauses, correlate,
//! convert.

use super::{load, problem_report, shift, valid_dossier};
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
/// assert!(qms_api::ops::validate(&r).unwrap().valid);
/// ```
pub fn validate(r: &ValidateRequest<'_>) -> Result<ValidateResponse, ApiError> {
    let report = load(&r.dossier);
    let problems: Vec<ProblemReport> = report
        .problems
        .iter()
        .map(|p| problem_report(p, r.lang, r.dossier.offset()))
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
/// let r = CheckRequest { op: qms_api::OpName::Check, dossier: DossierArg::Bytes(bytes), today, lang: Default::default() };
/// let c = qms_api::ops::check(&r).unwrap();
/// assert!(c.errors > 0 && c.diagnostics[0].line.is_some());
/// ```
pub fn check(r: &CheckRequest<'_>) -> Result<CheckResponse, ApiError> {
    let dossier = valid_dossier(&r.dossier, r.lang)?;
    let diagnostics = qms_core::rules::check(&dossier, &CheckOptions { today: r.today });
    let paths: Vec<&JsonPath> = diagnostics.iter().map(|d| &d.path).collect();
    let positions = qms_core::load::positions(r.dossier.bytes(), &paths);
    let list: Vec<DiagnosticReport> = diagnostics
        .iter()
        .zip(positions)
        .map(|(d, pos)| {
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
            }
        })
        .collect();
    let count = |s: Severity| diagnostics.iter().filter(|d| d.severity == s).count();
    Ok(CheckResponse {
        today: r.today,
        errors: count(Severity::Error),
        warnings: count(Severity::Warning),
        infos: count(Severity::Info),
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
pub fn convert(r: &ConvertRequest<'_>) -> Result<ConvertResponse, ApiError> {
    if r.to != Edition::Iso9001_2015 {
        return Err(ApiError::bad(RequestFault::ConvertTarget, "to"));
    }
    let dossier = valid_dossier(&r.dossier, r.lang)?;
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
