//! Applying accepted answers to the dossier, and the record of what changed.

use super::matching::{Answers, current};
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
        let place = format!("{} «{}» {}", self.workbook, self.sheet, self.cell);
        let opt = |o: &Option<String>| {
            o.clone()
                .unwrap_or_else(|| lang.pick("(trống)", "(empty)").to_owned())
        };
        let what = match &self.kind {
            ChangeKind::Result { from, to } => format!(
                "{} {}: {} → {}",
                lang.pick("kết quả câu hỏi", "result of item"),
                self.item,
                from.label(lang),
                to.label(lang)
            ),
            ChangeKind::Evidence { from, to } => format!(
                "{} {}: {} → {}",
                lang.pick("bằng chứng câu hỏi", "evidence of item"),
                self.item,
                opt(from),
                opt(to)
            ),
            ChangeKind::Note { from, to } => format!(
                "{} {}: {} → {}",
                lang.pick("ghi chú câu hỏi", "note of item"),
                self.item,
                opt(from),
                opt(to)
            ),
            ChangeKind::FindingCreated { finding, kind } => format!(
                "{} {finding} ({}) {} {}",
                lang.pick("tạo phát hiện", "new finding"),
                kind.label(lang),
                lang.pick("cho câu hỏi", "for item"),
                self.item
            ),
            ChangeKind::FindingKindChanged { finding, from, to } => format!(
                "{} {finding}: {} → {}",
                lang.pick("loại phát hiện", "kind of finding"),
                from.label(lang),
                to.label(lang)
            ),
        };
        format!("{place}: {what}")
    }
}

/// Applies answers that differ from the dossier; returns what changed.
pub(crate) fn apply(dossier: &mut Dossier, answers: &Answers) -> Vec<Change> {
    let mut changes = Vec::new();
    let offered = crate::layout::finding_kinds(dossier.settings.grade_nonconformities);
    // Kinds of linked findings per (audit, checklist id, item id); kept current as findings are
    // added or changed, so each answer costs a hash probe rather than a scan of all findings.
    let mut linked: HashMap<(usize, String, String), Vec<FindingKind>> = HashMap::new();
    for (a, audit) in dossier.audits.iter().enumerate() {
        for ((c, i), kinds) in crate::metadata::linked_index(audit) {
            linked.insert((a, c.to_owned(), i.to_owned()), kinds);
        }
    }
    let mut taken: HashSet<String> = dossier.findings().map(|(_, f)| f.id.clone()).collect();
    for (&(a, c, i), (answer, origin)) in answers {
        // The answers were matched against this dossier, so the indices exist.
        let Some(checklist) = dossier.audits.get(a).and_then(|x| x.checklists.get(c)) else {
            continue;
        };
        let Some(item_now) = checklist.items.get(i) else {
            continue;
        };
        let key = (a, checklist.id.clone(), item_now.id.clone());
        let kinds_now = linked.get(&key).cloned().unwrap_or_default();
        let now = current(item_now, &kinds_now, &offered);
        if *answer == now {
            continue;
        }
        let (cl_id, item_id) = (key.1.clone(), key.2.clone());
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
            changes.push(change(
                col::RESULT,
                ChangeKind::Result {
                    from: item.result,
                    to: answer.result,
                },
            ));
            item.result = answer.result;
        }
        if answer.evidence != now.evidence {
            changes.push(change(
                col::EVIDENCE,
                ChangeKind::Evidence {
                    from: item.evidence.clone(),
                    to: answer.evidence.clone(),
                },
            ));
            item.evidence = answer.evidence.clone();
        }
        if answer.note != now.note {
            changes.push(change(
                col::NOTE,
                ChangeKind::Note {
                    from: item.note.clone(),
                    to: answer.note.clone(),
                },
            ));
            item.note = answer.note.clone();
        }
        let Some(kind) = answer.kind else { continue };
        if Some(kind) == now.kind {
            continue;
        }
        let item = item.clone();
        let (unit, auditor) = (checklist.unit.clone(), checklist.auditor.clone());
        let found = audit.findings.iter_mut().find(|f| {
            f.checklist.as_deref() == Some(cl_id.as_str())
                && f.item.as_deref() == Some(item_id.as_str())
        });
        if let Some(f) = found {
            changes.push(change(
                col::KIND,
                ChangeKind::FindingKindChanged {
                    finding: f.id.clone(),
                    from: f.kind,
                    to: kind,
                },
            ));
            f.kind = kind;
            if let Some(first) = linked.get_mut(&key).and_then(|k| k.first_mut()) {
                *first = kind;
            }
            continue;
        }
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
            unit,
            clauses: item.clauses.clone(),
            legacy_clauses: item.legacy_clauses.clone(),
            procedure: item.procedure.clone(),
            checklist: Some(cl_id.clone()),
            item: Some(item_id.clone()),
            auditor: Some(auditor),
            requirement: None,
            evidence: item.evidence.clone(),
            statement,
            acknowledgement: None,
            date: None,
        };
        if let Some(audit) = dossier.audits.get_mut(a) {
            audit.findings.push(finding);
        }
        changes.push(change(
            col::KIND,
            ChangeKind::FindingCreated { finding: id, kind },
        ));
        linked.entry(key).or_default().push(kind);
    }
    changes
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
