//! Referential integrity of a dossier: unique ids, references that resolve, clause ids of the
//! dossier's edition, dates in order. The rules engine (what is missing, late or wrong for an
//! auditor) builds on a dossier that passed these checks.

mod known;
mod refs;

pub(crate) use known::KnownIds;

use crate::load::{InvalidValue, JsonPath, MAX_PROBLEMS, Problem, ProblemKind, RefKind};
use crate::model::FORMAT_VERSION;
use crate::{Dossier, Edition, catalog};
use std::collections::HashMap;

/// Checks a dossier built in code (or loaded) for duplicate ids, dangling references, unknown
/// clauses and dates out of order. Problems carry JSON paths but no line numbers; at most
/// [`MAX_PROBLEMS`] are kept.
///
/// ```
/// let mut d = qms_core::Dossier::new("x", "Sở Tư pháp");
/// d.scope.exclusions.push(qms_core::model::Exclusion {
///     clause: "8.3".into(), reason: None, legacy_clause: None });
/// assert!(qms_core::validate(&d).is_empty());
/// d.scope.exclusions[0].clause = "8.9".into();
/// assert_eq!(qms_core::validate(&d)[0].code(), "QMS-V005");
/// ```
pub fn validate(dossier: &Dossier) -> Vec<Problem> {
    validate_with(dossier, &KnownIds::default())
}

pub(crate) fn validate_with(dossier: &Dossier, known: &KnownIds) -> Vec<Problem> {
    let mut v = Validator::new(dossier, known);
    if dossier.format_version != FORMAT_VERSION {
        v.problems.push(Problem::new(
            JsonPath::root().key("format_version"),
            ProblemKind::InvalidValue(InvalidValue::UnsupportedVersion {
                found: dossier.format_version,
            }),
        ));
    }
    for code in dossier.settings.rules.keys() {
        if crate::rules::find_rule(code).is_none() {
            v.invalid(
                JsonPath::root().key("settings").key("rules").key(code),
                InvalidValue::UnknownRule { code: code.clone() },
            );
        }
    }
    v.check_all();
    v.problems.list
}

/// The problems found so far, keeping at most [`MAX_PROBLEMS`]: a file with millions of bad
/// values costs no more memory than one with a few hundred (a load reports that many at most).
#[derive(Default)]
pub(super) struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    pub(super) fn push(&mut self, p: Problem) {
        if self.list.len() < MAX_PROBLEMS {
            self.list.push(p);
        }
    }
}

/// The ids of one collection, mapped to where they are defined.
type Index<'d> = HashMap<&'d str, JsonPath>;

pub(super) struct Validator<'d> {
    pub(super) d: &'d Dossier,
    pub(super) edition: Edition,
    known: &'d KnownIds,
    pub(super) problems: Problems,
    ids: HashMap<RefKind, Index<'d>>,
}

impl<'d> Validator<'d> {
    fn new(d: &'d Dossier, known: &'d KnownIds) -> Self {
        Validator {
            d,
            edition: d.scope.edition,
            known,
            problems: Problems::default(),
            ids: HashMap::new(),
        }
    }

    /// Registers an id of a collection, reporting it when empty or already used.
    pub(super) fn define(&mut self, kind: RefKind, id: &'d str, at: impl Fn() -> JsonPath) {
        if id.trim().is_empty() {
            self.problems.push(Problem::new(
                at().key("id"),
                ProblemKind::InvalidValue(InvalidValue::EmptyId),
            ));
            return;
        }
        let index = self.ids.entry(kind).or_default();
        if let Some(first) = index.get(id) {
            let first = first.clone().key("id");
            self.problems.push(Problem::new(
                at().key("id"),
                ProblemKind::DuplicateId {
                    id: id.to_owned(),
                    first,
                },
            ));
        } else {
            index.insert(id, at());
        }
    }

    pub(super) fn exists(&self, kind: RefKind, id: &str) -> bool {
        if kind == RefKind::ActionOrDecision {
            return self.exists(RefKind::CorrectiveAction, id)
                || self.exists(RefKind::Decision, id);
        }
        let collection = kind.collection();
        self.ids.get(&kind).is_some_and(|i| i.contains_key(id))
            || self.known.contains(collection, id)
    }

    /// Reports a reference that does not resolve.
    pub(super) fn reference(&mut self, kind: RefKind, id: &str, at: impl Fn() -> JsonPath) {
        if !self.exists(kind, id) {
            self.problems.push(Problem::new(
                at(),
                ProblemKind::UnknownReference {
                    target: kind,
                    id: id.to_owned(),
                },
            ));
        }
    }

    pub(super) fn opt_reference(
        &mut self,
        kind: RefKind,
        id: &Option<String>,
        at: impl Fn() -> JsonPath,
    ) {
        if let Some(id) = id {
            self.reference(kind, id, at);
        }
    }

    pub(super) fn references(&mut self, kind: RefKind, ids: &[String], at: impl Fn() -> JsonPath) {
        for (i, id) in ids.iter().enumerate() {
            self.reference(kind, id, || at().index(i));
        }
    }

    pub(super) fn clause(&mut self, id: &str, at: impl Fn() -> JsonPath) {
        if !catalog::is_known(self.edition, id) {
            self.problems.push(Problem::new(
                at(),
                ProblemKind::UnknownClause {
                    id: id.to_owned(),
                    edition: self.edition,
                },
            ));
        }
    }

    pub(super) fn clauses(&mut self, ids: &[String], at: impl Fn() -> JsonPath) {
        for (i, id) in ids.iter().enumerate() {
            self.clause(id, || at().index(i));
        }
    }

    pub(super) fn order<T: PartialOrd>(
        &mut self,
        start: (T, &'static str),
        end: (T, &'static str),
        at: impl Fn() -> JsonPath,
    ) {
        if end.0 < start.0 {
            self.problems.push(Problem::new(
                at().key(end.1),
                ProblemKind::DateOrder {
                    earlier: start.1,
                    later: end.1,
                },
            ));
        }
    }

    pub(super) fn invalid(&mut self, at: JsonPath, what: InvalidValue) {
        self.problems
            .push(Problem::new(at, ProblemKind::InvalidValue(what)));
    }
}
