//! Referential integrity of a dossier: unique ids, references that resolve, clause ids of the
//! dossier's edition, dates in order. The rules engine (what is missing, late or wrong for an
//! auditor) builds on a dossier that passed these checks.

mod known;
mod refs;
mod years;

pub use years::PLAUSIBLE_YEARS;

pub(crate) use known::KnownIds;

use crate::load::{InvalidValue, JsonPath, MAX_PROBLEMS, Problem, ProblemKind, RefKind};
use crate::model::FORMAT_VERSION;
use crate::{Dossier, Edition, catalog};
// foldhash (several times faster than SipHash on short ids): the indexes are only looked up,
// never iterated, so their order cannot reach any output.
use foldhash::{HashMap, HashMapExt};

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
    years::check(dossier, &mut v.problems);
    v.name_first_uses();
    v.problems.list
}

/// The problems found so far, keeping at most [`MAX_PROBLEMS`]: a file with millions of bad
/// values costs no more memory than one with a few hundred (a load reports that many at most).
#[derive(Default)]
pub(super) struct Problems {
    list: Vec<Problem>,
}

impl Problems {
    /// Keeps a problem while there is room; returns where it was kept.
    pub(super) fn push(&mut self, p: Problem) -> Option<usize> {
        (self.list.len() < MAX_PROBLEMS).then(|| {
            self.list.push(p);
            self.list.len() - 1
        })
    }
}

/// The ids of one collection, mapped to the ordinal of their definition (building the path of
/// every id would cost more than all the rest of validation; the paths of the few ids used
/// twice are found by a second walk, see [`Validator::name_first_uses`]).
type Index<'d> = HashMap<&'d str, usize>;

pub(super) struct Validator<'d> {
    pub(super) d: &'d Dossier,
    pub(super) edition: Edition,
    known: &'d KnownIds,
    pub(super) problems: Problems,
    /// Per kind of record (`RefKind as usize`): an array, not a map, as every reference looks
    /// one up.
    ids: Vec<Index<'d>>,
    /// Definitions walked so far.
    defined: usize,
    /// Duplicates whose first definition still has to be named: (its ordinal, the problem).
    unnamed: Vec<(usize, usize)>,
    /// In the second walk: ordinal → the problem to name it in.
    naming: Option<HashMap<usize, Vec<usize>>>,
}

impl<'d> Validator<'d> {
    fn new(d: &'d Dossier, known: &'d KnownIds) -> Self {
        Validator {
            d,
            edition: d.scope.edition,
            known,
            problems: Problems::default(),
            ids: Vec::new(),
            defined: 0,
            unnamed: Vec::new(),
            naming: None,
        }
    }

    /// Fills in where each duplicated id was first defined, walking the definitions again.
    fn name_first_uses(&mut self) {
        if self.unnamed.is_empty() {
            return;
        }
        let mut naming: HashMap<usize, Vec<usize>> = HashMap::new();
        for (ordinal, problem) in std::mem::take(&mut self.unnamed) {
            naming.entry(ordinal).or_default().push(problem);
        }
        self.naming = Some(naming);
        self.defined = 0;
        self.define_all();
        self.naming = None;
    }

    /// Registers an id of a collection, reporting it when empty or already used.
    pub(super) fn define(&mut self, kind: RefKind, id: &'d str, at: impl Fn() -> JsonPath) {
        let ordinal = self.defined;
        self.defined += 1;
        if let Some(naming) = &self.naming {
            // The second walk: only name the first definitions of duplicated ids.
            for &p in naming.get(&ordinal).into_iter().flatten() {
                if let Some(Problem {
                    kind: ProblemKind::DuplicateId { first, .. },
                    ..
                }) = self.problems.list.get_mut(p)
                {
                    *first = at().key("id");
                }
            }
            return;
        }
        if id.trim().is_empty() {
            self.problems.push(Problem::new(
                at().key("id"),
                ProblemKind::InvalidValue(InvalidValue::EmptyId),
            ));
            return;
        }
        let k = kind as usize;
        if self.ids.len() <= k {
            self.ids.resize_with(k + 1, HashMap::new);
        }
        let Some(index) = self.ids.get_mut(k) else {
            return;
        };
        if let Some(&first) = index.get(id) {
            let kept = self.problems.push(Problem::new(
                at().key("id"),
                ProblemKind::DuplicateId {
                    id: id.to_owned(),
                    first: JsonPath::root(),
                },
            ));
            if let Some(p) = kept {
                self.unnamed.push((first, p));
            }
        } else {
            index.insert(id, ordinal);
        }
    }

    pub(super) fn exists(&self, kind: RefKind, id: &str) -> bool {
        if kind == RefKind::ActionOrDecision {
            return self.exists(RefKind::CorrectiveAction, id)
                || self.exists(RefKind::Decision, id);
        }
        let collection = kind.collection();
        self.ids
            .get(kind as usize)
            .is_some_and(|i| i.contains_key(id))
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

#[cfg(test)]
mod tests {
    use crate::sample::{SampleShape, SampleSpec, sample_dossier_shaped};

    /// Millions of bad values must not cost memory for millions of problems: at most
    /// MAX_PROBLEMS are kept, whatever the number found.
    #[test]
    fn problems_are_capped_while_found() {
        let spec = SampleSpec {
            checklist_items: 3_000,
            findings: 10,
            seed: 1,
            agency: 0,
        };
        let shape = SampleShape {
            unknown_clauses: 3_000,
            ..SampleShape::default()
        };
        let d = sample_dossier_shaped(&spec, &shape);
        assert_eq!(super::validate(&d).len(), super::MAX_PROBLEMS);
    }

    /// A duplicate names where the id was first used, found by the second walk.
    #[test]
    fn duplicates_name_their_first_use() {
        let mut d = sample_dossier_shaped(
            &SampleSpec {
                checklist_items: 10,
                findings: 4,
                seed: 1,
                agency: 0,
            },
            &SampleShape::default(),
        );
        d.units[5].id = d.units[2].id.clone();
        let problems = super::validate(&d);
        let dup = problems.iter().find(|p| p.code() == "QMS-V003").unwrap();
        assert_eq!(dup.path.to_string(), "units[5].id");
        assert!(
            dup.to_string().contains("first used at units[2].id"),
            "{dup}"
        );
    }
}
