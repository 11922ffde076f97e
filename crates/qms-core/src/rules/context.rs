//! What the rules look up often, computed once per check.

use crate::model::{FindingKind, Person, Unit};
use crate::{Dossier, Edition};
use chrono::{Months, NaiveDate};
use std::collections::HashMap;

pub(crate) struct Context<'d> {
    pub(crate) d: &'d Dossier,
    pub(crate) today: NaiveDate,
    pub(crate) edition: Edition,
    people: HashMap<&'d str, &'d Person>,
    units: HashMap<&'d str, &'d Unit>,
    /// Corrective actions by the finding they answer.
    pub(crate) actions_by_finding: HashMap<&'d str, Vec<usize>>,
    /// Finding kinds by finding id.
    pub(crate) finding_kinds: HashMap<&'d str, FindingKind>,
}

impl<'d> Context<'d> {
    pub(crate) fn new(d: &'d Dossier, today: NaiveDate) -> Self {
        let mut actions_by_finding: HashMap<&str, Vec<usize>> = HashMap::new();
        for (i, ca) in d.corrective_actions.iter().enumerate() {
            if let Some(f) = &ca.finding {
                actions_by_finding.entry(f).or_default().push(i);
            }
        }
        Context {
            d,
            today,
            edition: d.scope.edition,
            people: d.people.iter().map(|p| (p.id.as_str(), p)).collect(),
            units: d.units.iter().map(|u| (u.id.as_str(), u)).collect(),
            actions_by_finding,
            finding_kinds: d
                .findings()
                .map(|(_, f)| f)
                .chain(d.inspection_findings().map(|(_, f)| f))
                .map(|f| (f.id.as_str(), f.kind))
                .collect(),
        }
    }

    pub(crate) fn person(&self, id: &str) -> Option<&'d Person> {
        self.people.get(id).copied()
    }

    /// A person's name for messages ("Lê Văn An (p-le-an)"), or the id alone.
    pub(crate) fn who(&self, id: &str) -> String {
        self.person(id)
            .map_or_else(|| id.to_owned(), |p| format!("{} ({id})", p.name))
    }

    /// A unit's name for messages, or the id alone.
    pub(crate) fn unit_name(&self, id: &str) -> String {
        self.units
            .get(id)
            .map_or_else(|| id.to_owned(), |u| u.name.clone())
    }

    /// The date `months` before today (the start of an interval that ends today).
    pub(crate) fn months_ago(&self, months: u32) -> NaiveDate {
        self.today
            .checked_sub_months(Months::new(months))
            .unwrap_or(NaiveDate::MIN)
    }
}

/// A date as Vietnamese documents write it: 05/02/2026.
pub(crate) fn vi_date(d: NaiveDate) -> String {
    d.format("%d/%m/%Y").to_string()
}

/// A date in ISO 8601: 2026-02-05.
pub(crate) fn en_date(d: NaiveDate) -> String {
    d.format("%Y-%m-%d").to_string()
}

/// Whether a text is absent or only spaces.
pub(crate) fn blank(s: &Option<String>) -> bool {
    s.as_deref().is_none_or(|t| t.trim().is_empty())
}
