//! The careful path of loading: parse to a JSON tree, normalise every string, then read the
//! dossier again and again, each time setting aside the array element that failed, so that every
//! structure problem is reported with its original path, and the rest of the dossier is still
//! checked for references.
//!
//! Reading stops at the first error, and everything read before it was read without error:
//! those records are parked (taken out of the tree) before reading again, so each retry reads
//! only what follows the last error, and the whole takes time linear in the dossier plus the
//! errors. The parked records go back before the final read.

use super::path::{JsonPath, Segment};
use super::problem::{Problem, ProblemKind, StructureDetail, SyntaxCategory};
use super::serde_message::parse_serde_message;
use super::{LoadReport, MAX_PROBLEMS};
use crate::Dossier;
use crate::validate::{KnownIds, validate_with};
use serde_json::Value;
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;

pub(super) fn load_value(text: &str) -> LoadReport {
    load_value_counted(text, true).0
}

/// [`load_value`], also returning how many times the tree was read, and how many records were
/// parked in all, for tests that guard the linear behaviour; without `parking`, every read
/// reads the whole tree (the reference the tests compare with).
pub(super) fn load_value_counted(text: &str, parking: bool) -> (LoadReport, Reads) {
    let mut value: Value = match serde_json::from_str(text) {
        Ok(v) => v,
        Err(e) => return (syntax_report(text, &e), Reads::default()),
    };
    if let Some(found) = not_an_object(&value) {
        // A file holding a list, a string or a number instead of the dossier: one problem at
        // its start. Read as a dossier, a list gave a problem for each of its elements.
        let mut p = Problem::new(
            JsonPath::root(),
            ProblemKind::Structure(StructureDetail::InvalidType {
                found,
                expected: "struct Dossier".to_owned(),
            }),
        );
        let start = text.len() - text.trim_start().len();
        let (line, column) = super::locate::position_of_offset(text.as_bytes(), start);
        (p.line, p.column) = (Some(line), Some(column));
        return (
            LoadReport {
                dossier: None,
                problems: vec![p],
            },
            Reads::default(),
        );
    }
    normalise(&mut value);
    let mut problems = Vec::new();
    let mut removal = Removals::default();
    let mut reads = Reads::default();
    // Parking relies on reading in tree order; should a restored record fail after all, the
    // rest is read the plain way.
    let mut parking = parking;
    let dossier = loop {
        reads.reads += 1;
        match serde_path_to_error::deserialize::<_, Dossier>(&value) {
            Ok(d) if removal.parked.is_empty() => break Some(d),
            Ok(_) => {
                reads.parked += removal
                    .parked
                    .iter()
                    .map(|c| c.indices.len())
                    .sum::<usize>();
                removal.restore(&mut value);
            }
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
                if parking && removal.restored {
                    parking = false;
                }
                if parking {
                    removal.park_before(&mut value, &working);
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
    (LoadReport { dossier, problems }, reads)
}

/// The work of a careful load.
#[derive(Debug, Default, Clone, Copy)]
pub(super) struct Reads {
    /// Reads of the (reduced) tree into the model.
    pub(super) reads: usize,
    /// Records parked, summed over the reads.
    pub(super) parked: usize,
}

fn syntax_report(text: &str, e: &serde_json::Error) -> LoadReport {
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
    if e.column() == 0 {
        // serde_json says "column 0" just after a line break (the end of a file that ends
        // with one): point at the end of the previous line, where the text stops.
        (p.line, p.column) = end_of_line_before(text, e.line());
    }
    LoadReport {
        dossier: None,
        problems: vec![p],
    }
}

/// The position just past the last character of the line before `line` (1-based), or line 1
/// column 1 when there is none.
fn end_of_line_before(text: &str, line: usize) -> (Option<usize>, Option<usize>) {
    let Some(prev) = line.checked_sub(1).filter(|&l| l >= 1) else {
        return (Some(1), Some(1));
    };
    let content = text.split('\n').nth(prev - 1).unwrap_or("");
    let content = content.strip_suffix('\r').unwrap_or(content);
    (Some(prev), Some(content.chars().count() + 1))
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

/// What was set aside or parked so far, to translate paths back and to keep references
/// resolvable.
#[derive(Default)]
struct Removals {
    /// For each array (by original path) whose elements were set aside or parked: the original
    /// indices of the elements still in the tree, in order.
    kept: HashMap<JsonPath, Vec<usize>>,
    /// Ids found in set-aside records: they exist, only their structure is broken.
    known: KnownIds,
    /// Top-level members dropped because they were broken outside any array.
    dropped_members: Vec<String>,
    /// Records read without error, taken out of the tree until the final read; each chunk was
    /// the first elements of its array when taken.
    parked: Vec<Chunk>,
    /// Whether parked records were put back already.
    restored: bool,
}

/// Leading elements of an array, parked.
struct Chunk {
    /// The array, by original path.
    array: JsonPath,
    /// The elements' original indices.
    indices: Vec<usize>,
    elements: Vec<Value>,
}

impl Removals {
    /// Whether a problem only restates one already reported: the dossier now misses a
    /// top-level member that was dropped for being broken.
    fn explains(&self, working: &JsonPath, detail: &StructureDetail) -> bool {
        matches!(detail, StructureDetail::MissingField { field }
            if working.is_root() && self.dropped_members.contains(field))
    }

    /// The original index of the element at `working` index of the array at `original` path.
    fn original_index(&self, array: &[Segment], working: usize) -> usize {
        self.kept
            .get(&JsonPath::from_segments(array.to_vec()))
            .and_then(|k| k.get(working).copied())
            .unwrap_or(working)
    }

    /// Translates a path in the current (reduced) tree to the path in the user's file.
    fn original(&self, working: &JsonPath) -> JsonPath {
        let mut out = Vec::with_capacity(working.segments().len());
        for s in working.segments() {
            match s {
                Segment::Index(i) => {
                    let orig = self.original_index(&out, *i);
                    out.push(Segment::Index(orig));
                }
                Segment::Key(_) => out.push(s.clone()),
            }
        }
        JsonPath::from_segments(out)
    }

    /// The original indices of an array's elements, from its original length on first use.
    fn kept_of(&mut self, array: &JsonPath, len_now: usize) -> &mut Vec<usize> {
        self.kept
            .entry(array.clone())
            .or_insert_with(|| (0..len_now).collect())
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
        let (Some(prefix), Some(&Segment::Index(i))) =
            (segs.get(..last_index), segs.get(last_index))
        else {
            return false;
        };
        let array_path = JsonPath::from_segments(prefix.to_vec());
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
        self.kept_of(&original_array, len_before).remove(i);
        true
    }

    /// Parks what was read without error before the element just set aside at `working`: the
    /// earlier elements of every array on the way, and every member read before the one on
    /// the way.
    fn park_before(&mut self, root: &mut Value, working: &JsonPath) {
        let segs = working.segments();
        let Some(last_index) = segs.iter().rposition(|s| matches!(s, Segment::Index(_))) else {
            return;
        };
        let mut v = root;
        let mut orig: Vec<Segment> = Vec::with_capacity(segs.len());
        for (n, seg) in segs.iter().take(last_index + 1).enumerate() {
            match (seg, v) {
                (Segment::Key(k), Value::Object(o)) => {
                    for (name, member) in o.iter_mut() {
                        if name == k {
                            break;
                        }
                        let mut at = orig.clone();
                        at.push(Segment::Key(name.clone()));
                        self.park_all(member, at);
                    }
                    let Some(next) = o.get_mut(k) else { return };
                    orig.push(seg.clone());
                    v = next;
                }
                (Segment::Index(i), Value::Array(a)) => {
                    let array = JsonPath::from_segments(orig.clone());
                    let here = self.original_index(&orig, *i);
                    self.park_prefix(a, &array, *i);
                    if n == last_index {
                        return;
                    }
                    orig.push(Segment::Index(here));
                    let Some(next) = a.first_mut() else { return };
                    v = next;
                }
                _ => return,
            }
        }
    }

    /// Parks every array inside a value read without error.
    fn park_all(&mut self, v: &mut Value, at: Vec<Segment>) {
        match v {
            Value::Array(a) => {
                let n = a.len();
                self.park_prefix(a, &JsonPath::from_segments(at), n);
            }
            Value::Object(o) => {
                for (name, member) in o.iter_mut() {
                    let mut child = at.clone();
                    child.push(Segment::Key(name.clone()));
                    self.park_all(member, child);
                }
            }
            _ => {}
        }
    }

    /// Parks the first `n` elements of an array.
    fn park_prefix(&mut self, a: &mut Vec<Value>, array: &JsonPath, n: usize) {
        let n = n.min(a.len());
        if n == 0 {
            return;
        }
        let indices: Vec<usize> = self.kept_of(array, a.len()).drain(..n).collect();
        self.parked.push(Chunk {
            array: array.clone(),
            indices,
            elements: a.drain(..n).collect(),
        });
    }

    /// Puts every parked record back where it was, latest first (so that each chunk finds its
    /// array as it was when the chunk was taken).
    fn restore(&mut self, root: &mut Value) {
        self.restored = true;
        while let Some(chunk) = self.parked.pop() {
            let target = self.working_of(&chunk.array);
            match target.and_then(|w| navigate(root, &w)) {
                Some(Value::Array(a)) => {
                    a.splice(0..0, chunk.elements);
                    let kept = self.kept.entry(chunk.array).or_default();
                    kept.splice(0..0, chunk.indices);
                }
                _ => {
                    // Its record was set aside since: the ids inside still exist.
                    let collection = match chunk.array.segments().last() {
                        Some(Segment::Key(k)) => k.clone(),
                        _ => String::new(),
                    };
                    for e in &chunk.elements {
                        self.known.add_from_value(&collection, e);
                    }
                }
            }
        }
    }

    /// The current path of an array known by its original path; `None` when it is not in the
    /// tree.
    fn working_of(&self, original: &JsonPath) -> Option<Vec<Segment>> {
        let mut out = Vec::with_capacity(original.segments().len());
        for (n, s) in original.segments().iter().enumerate() {
            match s {
                Segment::Index(o) => {
                    let array = JsonPath::from_segments(
                        original.segments().iter().take(n).cloned().collect(),
                    );
                    let w = match self.kept.get(&array) {
                        Some(k) => k.binary_search(o).ok()?,
                        None => *o,
                    };
                    out.push(Segment::Index(w));
                }
                Segment::Key(_) => out.push(s.clone()),
            }
        }
        Some(out)
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

/// What the whole file holds when it is not an object, in serde's words for what it found
/// (which [`super::type_words::found_words`] puts in plain words).
fn not_an_object(value: &Value) -> Option<String> {
    Some(match value {
        Value::Object(_) => return None,
        Value::Array(_) => "sequence".to_owned(),
        Value::String(t) => {
            let shown: String = t.chars().take(40).collect();
            let more = if shown.len() < t.len() { "…" } else { "" };
            format!("string \"{shown}{more}\"")
        }
        Value::Number(n) => format!("integer `{n}`"),
        Value::Bool(b) => format!("boolean `{b}`"),
        Value::Null => "null".to_owned(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sample::{SampleSpec, sample_dossier};
    use serde_json::json;

    /// A sample dossier with broken records at every level: items in several checklists, an
    /// audit whose items and then plan are broken, findings and corrective actions.
    fn broken(items: usize, every: usize) -> String {
        let spec = SampleSpec {
            checklist_items: items,
            findings: items / 10,
            seed: 3,
            agency: 0,
        };
        let mut v = serde_json::to_value(sample_dossier(&spec)).unwrap_or_default();
        let mut n = 0;
        if let Some(audits) = v["audits"].as_array_mut() {
            for (ai, a) in audits.iter_mut().enumerate() {
                for c in a["checklists"].as_array_mut().into_iter().flatten() {
                    for it in c["items"].as_array_mut().into_iter().flatten() {
                        n += 1;
                        if n % every == 0 {
                            it["result"] = json!("bogus");
                        }
                    }
                }
                for (fi, f) in a["findings"]
                    .as_array_mut()
                    .into_iter()
                    .flatten()
                    .enumerate()
                {
                    if fi % every == 3 {
                        f["kind"] = json!(5);
                    }
                }
                if ai == 1 {
                    a["plan"]["start"] = json!("2026-13-45");
                }
            }
        }
        for (i, ca) in v["corrective_actions"]
            .as_array_mut()
            .into_iter()
            .flatten()
            .enumerate()
        {
            if i % every == 1 {
                ca["finding"] = json!(12);
            }
        }
        v.to_string()
    }

    fn summary(r: &LoadReport) -> Vec<String> {
        let mut out: Vec<String> = r.problems.iter().map(|p| p.to_string()).collect();
        out.sort();
        out
    }

    #[test]
    fn parking_reports_what_reading_everything_reports() {
        let text = broken(3_000, 53);
        let (parked, work) = load_value_counted(&text, true);
        let (plain, _) = load_value_counted(&text, false);
        assert!(parked.problems.len() > 50, "{}", parked.problems.len());
        assert_eq!(summary(&parked), summary(&plain));
        assert_eq!(parked.dossier, plain.dossier);
        assert!(parked.dossier.is_some());
        assert!(work.parked > 0);
    }

    /// 10× the records and 10× the broken ones: the work grows about 10×, not 100×.
    #[test]
    fn broken_records_cost_linear_work() {
        let work = |items: usize| {
            let text = broken(items, 200);
            let (r, w) = load_value_counted(&text, true);
            let structure = r.problems.iter().filter(|p| p.code() == "QMS-V002").count();
            assert!(
                w.reads <= structure + 2,
                "{} reads for {structure} errors",
                w.reads
            );
            // Each record is parked at most once between two reads of the whole tree.
            assert!(w.parked <= items + items / 10 + 200, "{} parked", w.parked);
            w.reads + w.parked
        };
        let small = work(2_000);
        let large = work(20_000);
        // Re-reading the whole tree after each error would make it ×100.
        assert!(large <= 13 * small, "{large} vs {small}");
    }
}
