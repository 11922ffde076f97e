//! Applying accepted answers to the dossier, and the record of what changed.

use super::matching::{Answers, current, is_current};
use crate::layout::col;
use crate::safety::cell_ref;
use qms_core::model::{Finding, FindingKind, ItemResult};
use qms_core::{Dossier, Lang};
use std::collections::{HashMap, HashSet};

/// One change applied to the dossier.
///
/// ```
/// use qms_xlsx::{Change, ChangeKind};
/// let c = Change { workbook: "to-1.xlsx".into(), sheet: "Văn phòng".into(), cell: "G9".into(),
///     checklist: "c1".into(), item: "i01".into(),
///     kind: ChangeKind::Evidence { from: None, to: Some("Sổ theo dõi".into()) } };
/// assert!(c.message(qms_core::Lang::Vi).contains("bằng chứng"));
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    /// Workbook the value came from.
    pub workbook: String,
    /// Sheet.
    pub sheet: String,
    /// Cell.
    pub cell: String,
    /// Checklist id.
    pub checklist: String,
    /// Item id.
    pub item: String,
    /// What changed.
    pub kind: ChangeKind,
}

/// What a [`Change`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChangeKind {
    /// The item's result.
    Result {
        /// Before.
        from: ItemResult,
        /// After.
        to: ItemResult,
    },
    /// The item's evidence.
    Evidence {
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// The item's note.
    Note {
        /// Before.
        from: Option<String>,
        /// After.
        to: Option<String>,
    },
    /// A new finding linked to the item.
    FindingCreated {
        /// Its id.
        finding: String,
        /// Its kind.
        kind: FindingKind,
    },
    /// The kind of the finding linked to the item.
    FindingKindChanged {
        /// The finding.
        finding: String,
        /// Before.
        from: FindingKind,
        /// After.
        to: FindingKind,
    },
}

impl Change {
    /// A one-line description for the lead auditor.
    pub fn message(&self, lang: Lang) -> String {
        use std::fmt::Write;
        // One buffer, no copies of the texts: 100,000 rows make 180,000 messages.
        let len_of = |o: &Option<String>| -> usize { o.as_deref().map_or(8, str::len) };
        let size = match &self.kind {
            ChangeKind::Evidence { from, to } | ChangeKind::Note { from, to } => {
                len_of(from) + len_of(to)
            }
            _ => 0,
        };
        let mut m = String::with_capacity(
            self.workbook.len() + self.sheet.len() + self.item.len() + size + 64,
        );
        let _ = write!(m, "{} «{}» {}: ", self.workbook, self.sheet, self.cell);
        fn opt(o: &Option<String>, lang: Lang) -> &str {
            o.as_deref().unwrap_or(lang.pick("(trống)", "(empty)"))
        }
        let _ = match &self.kind {
            ChangeKind::Result { from, to } => write!(
                m,
                "{} {}: {} → {}",
                lang.pick("kết quả câu hỏi", "result of item"),
                self.item,
                from.label(lang),
                to.label(lang)
            ),
            ChangeKind::Evidence { from, to } => write!(
                m,
                "{} {}: {} → {}",
                lang.pick("bằng chứng câu hỏi", "evidence of item"),
                self.item,
                opt(from, lang),
                opt(to, lang)
            ),
            ChangeKind::Note { from, to } => write!(
                m,
                "{} {}: {} → {}",
                lang.pick("ghi chú câu hỏi", "note of item"),
                self.item,
                opt(from, lang),
                opt(to, lang)
            ),
            ChangeKind::FindingCreated { finding, kind } => write!(
                m,
                "{} {finding} ({}) {} {}",
                lang.pick("tạo phát hiện", "new finding"),
                kind.label(lang),
                lang.pick("cho câu hỏi", "for item"),
                self.item
            ),
            ChangeKind::FindingKindChanged { finding, from, to } => write!(
                m,
                "{} {finding}: {} → {}",
                lang.pick("loại phát hiện", "kind of finding"),
                from.label(lang),
                to.label(lang)
            ),
        };
        m
    }
}

/// The changes applied: the first `limit` recorded, the others counted.
pub(crate) struct ChangeLog {
    pub(crate) listed: Vec<Change>,
    pub(crate) omitted: usize,
    limit: usize,
}

impl ChangeLog {
    pub(crate) fn new(limit: Option<usize>) -> Self {
        ChangeLog {
            listed: Vec::new(),
            omitted: 0,
            limit: limit.unwrap_or(usize::MAX),
        }
    }

    /// Records a change, built only when it is to be listed (a record copies five ids).
    fn push(&mut self, make: impl FnOnce() -> Change) {
        if self.listed.len() < self.limit {
            self.listed.push(make());
        } else {
            self.omitted += 1;
        }
    }
}

/// Applies answers that differ from the dossier, recording what changed in `changes`.
///
/// Takes the answers by value: their texts move into the dossier and into the changes, so a
/// 100,000-row import keeps one copy of what was typed in each place, not two.
pub(crate) fn apply(dossier: &mut Dossier, answers: Answers, changes: &mut ChangeLog) {
    let offered = crate::layout::finding_kinds(dossier.settings.grade_nonconformities);
    // Per (audit, checklist, item) index: the kinds of its linked findings and the first such
    // finding, kept current as findings are added or changed, so each answer costs a hash
    // probe rather than a scan of all findings (and no copy of the ids to build a key).
    let mut linked: HashMap<(usize, usize, usize), (Vec<FindingKind>, usize)> = HashMap::new();
    for (a, audit) in dossier.audits.iter().enumerate() {
        let mut first: HashMap<(&str, &str), usize> = HashMap::new();
        for (n, f) in audit.findings.iter().enumerate() {
            if let (Some(c), Some(i)) = (f.checklist.as_deref(), f.item.as_deref()) {
                first.entry((c, i)).or_insert(n);
            }
        }
        if first.is_empty() {
            continue;
        }
        let mut kinds = crate::metadata::linked_index(audit);
        for (c, checklist) in audit.checklists.iter().enumerate() {
            for (i, item) in checklist.items.iter().enumerate() {
                let key = (checklist.id.as_str(), item.id.as_str());
                if let (Some(k), Some(&n)) = (kinds.remove(&key), first.get(&key)) {
                    linked.insert((a, c, i), (k, n));
                }
            }
        }
    }
    let mut taken: HashSet<String> = dossier.findings().map(|(_, f)| f.id.clone()).collect();
    for ((a, c, i), (answer, origin)) in answers {
        let key = (a, c, i);
        let kinds_now: &[FindingKind] = linked.get(&key).map_or(&[], |(k, _)| k.as_slice());
        // The answers were matched against this dossier, so the indices exist.
        let Some(checklist) = dossier.audits.get(a).and_then(|x| x.checklists.get(c)) else {
            continue;
        };
        let Some(item_now) = checklist.items.get(i) else {
            continue;
        };
        if is_current(&answer, item_now, kinds_now, &offered) {
            continue;
        }
        let now = current(item_now, kinds_now, &offered);
        let (cl_id, item_id) = (checklist.id.clone(), item_now.id.clone());
        let change = |column: u16, kind: ChangeKind| Change {
            workbook: origin.workbook.to_string(),
            sheet: origin.sheet.to_string(),
            cell: cell_ref(origin.row, column),
            checklist: cl_id.clone(),
            item: item_id.clone(),
            kind,
        };
        let Some(audit) = dossier.audits.get_mut(a) else {
            continue;
        };
        let Some(checklist) = audit.checklists.get_mut(c) else {
            continue;
        };
        let Some(item) = checklist.items.get_mut(i) else {
            continue;
        };
        if answer.result != now.result {
            changes.push(|| {
                change(
                    col::RESULT,
                    ChangeKind::Result {
                        from: item.result,
                        to: answer.result,
                    },
                )
            });
            item.result = answer.result;
        }
        if answer.evidence != now.evidence {
            let from = std::mem::replace(&mut item.evidence, answer.evidence.clone());
            changes.push(|| {
                change(
                    col::EVIDENCE,
                    ChangeKind::Evidence {
                        from,
                        to: answer.evidence,
                    },
                )
            });
        }
        if answer.note != now.note {
            let from = std::mem::replace(&mut item.note, answer.note.clone());
            changes.push(|| {
                change(
                    col::NOTE,
                    ChangeKind::Note {
                        from,
                        to: answer.note,
                    },
                )
            });
        }
        let Some(kind) = answer.kind else { continue };
        if Some(kind) == now.kind {
            continue;
        }
        if let Some((kinds, n)) = linked.get_mut(&key)
            && let Some(f) = audit.findings.get_mut(*n)
        {
            changes.push(|| {
                change(
                    col::KIND,
                    ChangeKind::FindingKindChanged {
                        finding: f.id.clone(),
                        from: f.kind,
                        to: kind,
                    },
                )
            });
            f.kind = kind;
            if let Some(first) = kinds.first_mut() {
                *first = kind;
            }
            continue;
        }
        let Some(item) = checklist.items.get(i) else {
            continue;
        };
        let id = free_finding_id(&taken, &format!("f-{cl_id}-{item_id}"));
        taken.insert(id.clone());
        // The statement is the auditor's note, else the evidence, else the question itself:
        // the lead auditor rewrites it in the dossier; qms only must not invent one.
        let statement = item
            .note
            .clone()
            .or_else(|| item.evidence.clone())
            .unwrap_or_else(|| item.question.clone());
        let finding = Finding {
            id: id.clone(),
            kind,
            unit: checklist.unit.clone(),
            clauses: item.clauses.clone(),
            legacy_clauses: item.legacy_clauses.clone(),
            procedure: item.procedure.clone(),
            checklist: Some(cl_id.clone()),
            item: Some(item_id.clone()),
            auditor: Some(checklist.auditor.clone()),
            requirement: None,
            evidence: item.evidence.clone(),
            statement,
            acknowledgement: None,
            date: None,
        };
        audit.findings.push(finding);
        linked.insert(key, (vec![kind], audit.findings.len() - 1));
        changes.push(|| change(col::KIND, ChangeKind::FindingCreated { finding: id, kind }));
    }
}

/// `base`, or `base-2`, `base-3`... whichever no finding of the dossier uses yet.
fn free_finding_id(taken: &HashSet<String>, base: &str) -> String {
    if !taken.contains(base) {
        return base.to_owned();
    }
    (2..)
        .map(|n| format!("{base}-{n}"))
        .find(|id| !taken.contains(id))
        .unwrap_or_else(|| base.to_owned())
}

#[cfg(test)]
mod tests {
    use super::super::matching::{Answer, Answers, Origin};
    use qms_core::model::{FindingKind, ItemResult};
    use qms_core::sample::{SampleShape, SampleSpec, sample_dossier_shaped};
    use std::sync::Arc;
    use std::time::Duration;

    /// CPU time of this thread (Linux), which other work on a busy machine does not stretch.
    fn cpu_time() -> Duration {
        std::fs::read_to_string("/proc/thread-self/schedstat")
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse().ok())
            .map_or(Duration::ZERO, Duration::from_nanos)
    }

    /// A dossier of `n` items, and an answer for every item that fills it in and raises a
    /// finding on it, all in one audit: the case where each answer used to scan all the
    /// audit's findings.
    fn case(n: usize) -> (qms_core::Dossier, Answers) {
        let d = sample_dossier_shaped(
            &SampleSpec {
                checklist_items: n,
                findings: n / 10,
                seed: 7,
                agency: 0,
            },
            &SampleShape {
                checklists_per_audit: usize::MAX,
                ..SampleShape::default()
            },
        );
        let origin = Origin {
            workbook: Arc::from("to.xlsx"),
            sheet: Arc::from("Văn phòng"),
            row: 9,
        };
        let mut answers = Answers::new();
        for (a, audit) in d.audits.iter().enumerate() {
            for (c, checklist) in audit.checklists.iter().enumerate() {
                for i in 0..checklist.items.len() {
                    let answer = Answer {
                        result: ItemResult::Nonconform,
                        evidence: Some(format!("Hồ sơ số {i}")),
                        note: None,
                        kind: Some(FindingKind::Observation),
                    };
                    answers.insert((a, c, i), (answer, origin.clone()));
                }
            }
        }
        (d, answers)
    }

    fn apply_all(d: &mut qms_core::Dossier, answers: Answers) -> Vec<super::Change> {
        let mut log = super::ChangeLog::new(None);
        super::apply(d, answers, &mut log);
        assert_eq!(log.omitted, 0);
        log.listed
    }

    #[test]
    fn applying_moves_the_answers_and_links_findings_once() {
        let (mut d, answers) = case(300);
        let before = d.findings().count();
        let changes = apply_all(&mut d, answers.clone());
        let created = changes
            .iter()
            .filter(|c| matches!(c.kind, super::ChangeKind::FindingCreated { .. }))
            .count();
        assert!(created > 0);
        assert_eq!(d.findings().count(), before + created);
        for (&(a, c, i), (answer, _)) in &answers {
            assert_eq!(d.audits[a].checklists[c].items[i].evidence, answer.evidence);
        }
        // Again: every answer is now the dossier's state.
        assert!(apply_all(&mut d, answers).is_empty());
    }

    /// A limit on the changes recorded changes nothing in the dossier: the first ones are
    /// listed, the rest counted.
    #[test]
    fn changes_beyond_the_limit_are_applied_and_counted() {
        let (mut all, answers) = case(300);
        let mut limited = all.clone();
        let every = apply_all(&mut all, answers.clone());
        let mut log = super::ChangeLog::new(Some(7));
        super::apply(&mut limited, answers, &mut log);
        assert_eq!(limited, all);
        assert_eq!(log.listed, every[..7]);
        assert_eq!(log.omitted, every.len() - 7);
    }

    /// Ten times the rows take about ten times the work (each answer once scanned every
    /// finding of the audit: ×100). CPU time, best of three, with a generous bound.
    #[test]
    fn applying_is_linear_in_the_rows() {
        let cost = |n: usize| {
            (0..3)
                .map(|_| {
                    let (mut d, answers) = case(n);
                    let t = cpu_time();
                    let changes = apply_all(&mut d, answers);
                    let spent = cpu_time().saturating_sub(t);
                    assert!(changes.len() >= n);
                    spent
                })
                .min()
                .unwrap_or_default()
        };
        let (small, large) = (cost(2_000), cost(20_000));
        if small.is_zero() {
            eprintln!("NOTICE: no per-thread CPU time on this system; ratio not checked");
            return;
        }
        let ratio = large.as_secs_f64() / small.as_secs_f64();
        assert!(ratio < 30.0, "×{ratio:.1} time for ×10 rows");
    }
}
