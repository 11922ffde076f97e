//! Building a checklist for a row of an audit plan from the built-in templates.

use crate::model::{Checklist, ChecklistItem, ItemResult, Role};
use crate::{Dossier, Lang, templates};

/// What to build.
#[derive(Debug, Clone, Default)]
pub struct ChecklistRequest<'a> {
    /// The audit (an audit id).
    pub audit: &'a str,
    /// The unit audited (a unit id).
    pub unit: &'a str,
    /// Clauses to cover; when empty, the plan's schedule rows for the unit decide, then the
    /// programme's planned audits, then every clause.
    pub clauses: Vec<String>,
    /// The auditor (a person id); when absent, the first auditor of the unit's schedule row.
    pub auditor: Option<&'a str>,
    /// Language of the questions.
    pub lang: Lang,
}

/// Why a checklist could not be built.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ChecklistError {
    /// No audit with that id.
    #[error("there is no audit \"{0}\" in the dossier")]
    UnknownAudit(String),
    /// No unit with that id.
    #[error("there is no unit \"{0}\" in the dossier")]
    UnknownUnit(String),
    /// No person with that id.
    #[error("there is no person \"{0}\" in the dossier")]
    UnknownAuditor(String),
    /// The auditor could not be found in the plan and none was given.
    #[error(
        "the plan of audit \"{audit}\" assigns no auditor to unit \"{unit}\"; name one with --auditor"
    )]
    NoAuditor {
        /// The audit.
        audit: String,
        /// The unit.
        unit: String,
    },
    /// A requested clause is not in the edition.
    #[error("unknown clause \"{0}\" in the dossier's edition")]
    UnknownClause(String),
}

impl ChecklistError {
    /// The message in Vietnamese.
    pub fn message_vi(&self) -> String {
        match self {
            ChecklistError::UnknownAudit(a) => {
                format!("không có cuộc đánh giá \"{a}\" trong hồ sơ")
            }
            ChecklistError::UnknownUnit(u) => format!("không có đơn vị \"{u}\" trong hồ sơ"),
            ChecklistError::UnknownAuditor(p) => format!("không có người \"{p}\" trong hồ sơ"),
            ChecklistError::NoAuditor { audit, unit } => format!(
                "kế hoạch của cuộc đánh giá \"{audit}\" chưa phân công chuyên gia cho đơn vị \"{unit}\"; hãy chỉ định bằng --auditor"
            ),
            ChecklistError::UnknownClause(c) => {
                format!("điều khoản \"{c}\" không có trong phiên bản tiêu chuẩn của hồ sơ")
            }
        }
    }
}

/// Adds a checklist for a unit of an audit, built from the edition's template and the unit's
/// procedures, and returns its id.
///
/// ```
/// use qms_core::plan_checklist::{ChecklistRequest, add_checklist};
/// let mut d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
/// d.audits.push(serde_json::from_str(r#"{"id": "dg1", "title": "Đánh giá nội bộ 2026",
///     "plan": {"start": "2026-05-12", "end": "2026-05-12"}}"#).unwrap());
/// let req = ChecklistRequest { audit: "dg1", unit: "van-phong", clauses: vec!["7.5".into()],
///     auditor: Some("thu-ky-iso"), ..Default::default() };
/// let id = add_checklist(&mut d, &req).unwrap();
/// let c = &d.audits[0].checklists[0];
/// assert_eq!(c.id, id);
/// assert!(!c.items.is_empty() && c.items.iter().all(|i| i.clauses.iter().all(|x| x.starts_with("7.5"))));
/// assert!(qms_core::validate(&d).is_empty());
/// ```
pub fn add_checklist(
    d: &mut Dossier,
    req: &ChecklistRequest<'_>,
) -> Result<String, ChecklistError> {
    let edition = d.scope.edition;
    let ai = d
        .audits
        .iter()
        .position(|a| a.id == req.audit)
        .ok_or_else(|| ChecklistError::UnknownAudit(req.audit.to_owned()))?;
    if d.unit(req.unit).is_none() {
        return Err(ChecklistError::UnknownUnit(req.unit.to_owned()));
    }
    for c in &req.clauses {
        if !crate::catalog::is_known(edition, c) {
            return Err(ChecklistError::UnknownClause(c.clone()));
        }
    }
    let unknown = || ChecklistError::UnknownAudit(req.audit.to_owned());
    let audit = d.audits.get(ai).ok_or_else(unknown)?;
    let rows: Vec<_> = audit
        .plan
        .schedule
        .iter()
        .filter(|r| r.unit.as_deref() == Some(req.unit))
        .collect();
    let auditor = match req.auditor {
        Some(a) => a.to_owned(),
        None => rows
            .iter()
            .find_map(|r| r.auditors.first().cloned())
            .ok_or_else(|| ChecklistError::NoAuditor {
                audit: req.audit.to_owned(),
                unit: req.unit.to_owned(),
            })?,
    };
    if d.person(&auditor).is_none() {
        return Err(ChecklistError::UnknownAuditor(auditor));
    }
    let mut clauses = req.clauses.clone();
    if clauses.is_empty() {
        clauses = rows
            .iter()
            .flat_map(|r| r.clauses.iter().cloned())
            .collect();
    }
    if clauses.is_empty() {
        clauses = d
            .programmes
            .iter()
            .flat_map(|p| &p.planned)
            .filter(|p| p.unit == req.unit && audit.planned.contains(&p.id))
            .flat_map(|p| p.clauses.iter().cloned())
            .collect();
    }
    // The unit's own procedures, and any the schedule names for it.
    let named: Vec<&String> = rows.iter().flat_map(|r| &r.procedures).collect();
    let procedures: Vec<_> = d
        .procedures
        .iter()
        .filter(|p| p.owner_unit == req.unit || named.contains(&&p.id))
        .collect();
    let excluded: Vec<String> = d
        .scope
        .exclusions
        .iter()
        .map(|x| x.clause.clone())
        .collect();
    let leadership = d.people.iter().any(|p| {
        p.unit.as_deref() == Some(req.unit)
            && p.roles.iter().any(|r| {
                matches!(
                    r,
                    Role::Head | Role::QualityRepresentative | Role::IsoSecretary
                )
            })
    });
    let items = templates::instantiate(
        edition,
        &clauses,
        &excluded,
        &procedures,
        leadership,
        req.lang,
    )
    .into_iter()
    .enumerate()
    .map(|(i, t)| ChecklistItem {
        id: format!("q{:03}", i + 1),
        clauses: t.clauses,
        legacy_clauses: Vec::new(),
        procedure: t.procedure,
        question: t.question,
        guidance: Some(t.guidance),
        result: ItemResult::NotAudited,
        evidence: None,
        note: None,
    })
    .collect();
    let base = format!("ck-{}-{}", req.audit, req.unit);
    let taken = |id: &str| {
        d.audits
            .iter()
            .flat_map(|a| &a.checklists)
            .any(|c| c.id == id)
    };
    let mut id = base.clone();
    let mut n = 2;
    while taken(&id) {
        id = format!("{base}-{n}");
        n += 1;
    }
    let date = rows.first().map(|r| r.date);
    d.audits
        .get_mut(ai)
        .ok_or_else(unknown)?
        .checklists
        .push(Checklist {
            id: id.clone(),
            unit: req.unit.to_owned(),
            auditor,
            date,
            items,
        });
    Ok(id)
}
