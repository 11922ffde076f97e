//! The careful path of loading: parse to a JSON tree, normalise every string, then read the
//! dossier again and again, each time setting aside the array element that failed, so that every
//! structure problem is reported with its original path, and the rest of the dossier is still
//! checked for references.

use super::path::{JsonPath, Segment};
use super::problem::{Problem, ProblemKind, StructureDetail, SyntaxCategory, parse_serde_message};
use super::{LoadReport, MAX_PROBLEMS};
use crate::Dossier;
use crate::validate::{KnownIds, validate_with};
use serde_json::Value;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

pub(super) fn load_value(text: &str) -> LoadReport {
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return syntax_report(&e),
    };
    normalise(&mut value);
    let mut problems = Vec::new();
    let mut removal = Removals::default();
    let dossier = loop {
        match serde_path_to_error::deserialize::<_, Dossier>(&value) {
            Ok(d) => break Some(d),
            Err(e) => {
                let working = from_serde_path(e.path());
                let detail = parse_serde_message(&e.inner().to_string());
                if !removal.explains(&working, &detail) {
                    problems.push(Problem::new(
                        removal.original(&working),
                        ProblemKind::Structure(detail),
                    ));
                }
                if problems.len() >= MAX_PROBLEMS || !removal.set_aside(&mut value, &working) {
                    break None;
                }
            }
        }
    };
    if let Some(d) = &dossier {
        for mut p in validate_with(d, &removal.known) {
            p.path = removal.original(&p.path);
            problems.push(p);
        }
    }
    LoadReport { dossier, problems }
}

fn syntax_report(e: &serde_json::Error) -> LoadReport {
    let full = e.to_string();
    // serde_json appends " at line L column C"; the position is reported separately.
    let detail = full
        .rsplit_once(" at line ")
        .map_or(full.as_str(), |(d, _)| d)
        .to_owned();
    let category = if e.is_eof() {
        SyntaxCategory::Truncated
    } else {
        SyntaxCategory::Malformed
    };
    let mut p = Problem::new(JsonPath::root(), ProblemKind::Syntax { detail, category });
    (p.line, p.column) = (Some(e.line()), Some(e.column()));
    LoadReport {
        dossier: None,
        problems: vec![p],
    }
}

fn normalise(v: &mut Value) {
    match v {
        Value::String(s) if !unicode_normalization::is_nfc(s) => *s = s.nfc().collect(),
        Value::Array(a) => a.iter_mut().for_each(normalise),
        Value::Object(o) => o.values_mut().for_each(normalise),
        _ => {}
    }
}

fn from_serde_path(p: &serde_path_to_error::Path) -> JsonPath {
    use serde_path_to_error::Segment as S;
    JsonPath::from_segments(
        p.iter()
            .filter_map(|s| match s {
                S::Seq { index } => Some(Segment::Index(*index)),
                S::Map { key } => Some(Segment::Key(key.clone())),
                S::Enum { variant } => Some(Segment::Key(variant.clone())),
                S::Unknown => None,
            })
            .collect(),
    )
}

/// What was set aside so far, to translate paths back and to keep references resolvable.
#[derive(Default)]
struct Removals {
    /// For each array (by original path) whose elements were set aside: the original indices
    /// of the elements still present, in order.
    kept: HashMap<JsonPath, Vec<usize>>,
    /// Ids found in set-aside records: they exist, only their structure is broken.
    known: KnownIds,
    /// Top-level members dropped because they were broken outside any array.
    dropped_members: Vec<String>,
}

impl Removals {
    /// Whether a problem only restates one already reported: the dossier now misses a
    /// top-level member that was dropped for being broken.
    fn explains(&self, working: &JsonPath, detail: &StructureDetail) -> bool {
        matches!(detail, StructureDetail::MissingField { field }
            if working.is_root() && self.dropped_members.contains(field))
    }

    /// Translates a path in the current (reduced) tree to the path in the user's file.
    fn original(&self, working: &JsonPath) -> JsonPath {
        let mut out = Vec::with_capacity(working.segments().len());
        for s in working.segments() {
            match s {
                Segment::Index(i) => {
                    let here = JsonPath::from_segments(out.clone());
                    let orig = self
                        .kept
                        .get(&here)
                        .and_then(|k| k.get(*i).copied())
                        .unwrap_or(*i);
                    out.push(Segment::Index(orig));
                }
                Segment::Key(_) => out.push(s.clone()),
            }
        }
        JsonPath::from_segments(out)
    }

    /// Sets aside the deepest array element on `working`, or the top-level member it is in.
    /// Returns false when nothing could be set aside (the dossier cannot be read further).
    fn set_aside(&mut self, root: &mut Value, working: &JsonPath) -> bool {
        let segs = working.segments();
        let Some(last_index) = segs.iter().rposition(|s| matches!(s, Segment::Index(_))) else {
            // A problem outside any array: drop the top-level member, once.
            if let Some(Segment::Key(k)) = segs.first()
                && let Value::Object(o) = root
            {
                self.dropped_members.push(k.clone());
                return o.remove(k).is_some();
            }
            return false;
        };
        let array_path = JsonPath::from_segments(segs[..last_index].to_vec());
        let Segment::Index(i) = segs[last_index] else {
            return false;
        };
        let Some(Value::Array(arr)) = navigate(root, array_path.segments()) else {
            return false;
        };
        if i >= arr.len() {
            return false;
        }
        let removed = arr.remove(i);
        let len_before = arr.len() + 1;
        let collection = match array_path.segments().last() {
            Some(Segment::Key(k)) => k.clone(),
            _ => String::new(),
        };
        self.known.add_from_value(&collection, &removed);
        let original_array = self.original(&array_path);
        self.kept
            .entry(original_array)
            .or_insert_with(|| (0..len_before).collect())
            .remove(i);
        true
    }
}

fn navigate<'v>(mut v: &'v mut Value, segs: &[Segment]) -> Option<&'v mut Value> {
    for s in segs {
        v = match (s, v) {
            (Segment::Key(k), Value::Object(o)) => o.get_mut(k)?,
            (Segment::Index(i), Value::Array(a)) => a.get_mut(*i)?,
            _ => return None,
        };
    }
    Some(v)
}
