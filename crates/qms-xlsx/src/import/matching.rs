//! Matching rows to dossier items, and finding every conflict.

use super::conflicts::{Conflict, ConflictKind, ConflictList};
use super::read::{RowData, WorkbookData};
use crate::export::clause_label;
use crate::layout::{self, col};
use crate::metadata::{self, RowKey, parse_row_key};
use crate::safety::cell_ref;
use qms_core::Dossier;
use qms_core::model::{Audit, ChecklistItem, FindingKind, ItemResult};
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::Arc;

/// What one row says about one item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Answer {
    pub(crate) result: ItemResult,
    pub(crate) evidence: Option<String>,
    pub(crate) note: Option<String>,
    pub(crate) kind: Option<FindingKind>,
}

/// Where an answer came from.
#[derive(Debug, Clone)]
pub(crate) struct Origin {
    // Shared names: 100,000 answers should not each own a copy.
    pub(crate) workbook: Arc<str>,
    pub(crate) sheet: Arc<str>,
    pub(crate) row: u32,
}

/// Answers keyed by (audit, checklist, item) index, in dossier order.
pub(crate) type Answers = BTreeMap<(usize, usize, usize), (Answer, Origin)>;

pub(crate) struct Matched {
    pub(crate) answers: Answers,
    pub(crate) conflicts: ConflictList,
}

/// [`blank_to_none`], moving the text out instead of copying it.
fn take_unless_blank(text: &mut String) -> Option<String> {
    (!text.trim().is_empty()).then(|| std::mem::take(text))
}

fn blank_to_none(text: &str) -> Option<String> {
    (!text.trim().is_empty()).then(|| text.to_owned())
}

/// The item's current state, as the workbook would show it, given its linked finding kinds.
pub(crate) fn current(
    item: &ChecklistItem,
    linked: &[FindingKind],
    offered: &[FindingKind],
) -> Answer {
    Answer {
        result: item.result,
        evidence: item.evidence.as_deref().and_then(blank_to_none),
        note: item.note.as_deref().and_then(blank_to_none),
        kind: current_kind(linked, offered),
    }
}

/// Whether `answer` is what the item already holds ([`current`], without copying its texts).
pub(crate) fn is_current(
    answer: &Answer,
    item: &ChecklistItem,
    linked: &[FindingKind],
    offered: &[FindingKind],
) -> bool {
    fn shown(t: &Option<String>) -> Option<&str> {
        t.as_deref().filter(|t| !t.trim().is_empty())
    }
    answer.result == item.result
        && answer.evidence.as_deref() == shown(&item.evidence)
        && answer.note.as_deref() == shown(&item.note)
        && answer.kind == current_kind(linked, offered)
}

/// The finding kind a row shows for an item with these linked finding kinds.
fn current_kind(linked: &[FindingKind], offered: &[FindingKind]) -> Option<FindingKind> {
    linked.first().copied().filter(|k| offered.contains(k))
}

/// Matches the rows read to the dossier. The typed texts of the rows move into the answers
/// (the rows are dropped next), so they are not copied.
pub(crate) fn match_rows(dossier: &Dossier, workbooks: &mut [(&str, WorkbookData)]) -> Matched {
    let mut conflicts = ConflictList::default();
    let mut all: Vec<((usize, usize, usize), Answer, Origin)> = Vec::new();
    let procedure_text: HashMap<&str, String> = dossier
        .procedures
        .iter()
        .map(|p| (p.id.as_str(), format!("{} {}", p.code, p.title)))
        .collect();
    for (wb_name, wb) in workbooks.iter_mut() {
        let wb_name: &str = wb_name;
        let conflict = |sheet: &str, cell: String, kind| Conflict {
            workbook: wb_name.to_owned(),
            sheet: sheet.to_owned(),
            cell,
            kind,
        };
        let lang = wb.meta.lang;
        let wb_arc: Arc<str> = Arc::from(wb_name);
        let offered = layout::finding_kinds(wb.meta.graded);
        let audit_idx = dossier.audits.iter().position(|a| a.id == wb.meta.audit);
        let mut seen_checklists = HashSet::new();
        for sheet in &mut wb.sheets {
            let sheet_arc: Arc<str> = Arc::from(sheet.name.as_str());
            let Some(cl_id) = &sheet.checklist else {
                if let Some((r, c, _)) = sheet.foreign.first() {
                    conflicts.push(conflict(
                        &sheet.name,
                        cell_ref(*r, *c),
                        ConflictKind::ForeignSheet,
                    ));
                }
                continue;
            };
            seen_checklists.insert(cl_id.clone());
            for (r, c, found) in &sheet.header_edits {
                conflicts.push(conflict(
                    &sheet.name,
                    cell_ref(*r, *c),
                    ConflictKind::HeaderEdited {
                        found: found.clone(),
                    },
                ));
            }
            for (r, c, value) in &sheet.foreign {
                conflicts.push(conflict(
                    &sheet.name,
                    cell_ref(*r, *c),
                    ConflictKind::ForeignCell {
                        value: value.clone(),
                    },
                ));
            }
            let found = audit_idx.and_then(|a| {
                let audit = dossier.audits.get(a)?;
                audit
                    .checklists
                    .iter()
                    .position(|c| &c.id == cl_id)
                    .map(|c| (a, audit, c))
            });
            let Some((a, audit, c)) = found else {
                conflicts.push(conflict(
                    &sheet.name,
                    "A1".into(),
                    ConflictKind::UnknownChecklist {
                        checklist: cl_id.clone(),
                    },
                ));
                continue;
            };
            let Some(checklist) = audit.checklists.get(c) else {
                continue;
            };
            let linked = metadata::linked_index(audit);
            let index: HashMap<&str, usize> = checklist
                .items
                .iter()
                .enumerate()
                .map(|(i, it)| (it.id.as_str(), i))
                .collect();
            // By item index: the first row keyed to it, and whether another row was too.
            let mut first_row: Vec<Option<u32>> = vec![None; checklist.items.len()];
            let mut seen_items = 0usize;
            let mut duplicated = vec![false; checklist.items.len()];
            let mut sheet_answers = Vec::new();
            let edition = dossier.scope.edition;
            for data in &mut sheet.rows {
                let r = data.row;
                let row_cell = || cell_ref(r, 0);
                let Some(key) = parse_row_key(&data.key) else {
                    conflicts.push(conflict(
                        &sheet.name,
                        row_cell(),
                        ConflictKind::UnmatchedRow,
                    ));
                    continue;
                };
                let Some(&i) = index.get(key.item.as_str()) else {
                    conflicts.push(conflict(
                        &sheet.name,
                        row_cell(),
                        ConflictKind::UnknownItem {
                            checklist: cl_id.clone(),
                            item: key.item,
                        },
                    ));
                    continue;
                };
                if let Some(first) = first_row.get(i).copied().flatten() {
                    conflicts.push(conflict(
                        &sheet.name,
                        row_cell(),
                        ConflictKind::DuplicateRow {
                            item: key.item,
                            first: cell_ref(first, 0),
                        },
                    ));
                    if let Some(d) = duplicated.get_mut(i) {
                        *d = true;
                    }
                    continue;
                }
                if let Some(slot) = first_row.get_mut(i) {
                    *slot = Some(r);
                    seen_items += 1;
                }
                let row = RowCtx {
                    workbook: wb_name,
                    sheet: &sheet.name,
                    lang,
                    edition,
                    offered: &offered,
                    procedure_text: &procedure_text,
                    audit,
                    checklist,
                    linked: &linked,
                };
                let Some(answer) = row.answer(data, &key, i, &mut conflicts) else {
                    continue;
                };
                let origin = Origin {
                    workbook: Arc::clone(&wb_arc),
                    sheet: Arc::clone(&sheet_arc),
                    row: r,
                };
                sheet_answers.push(((a, c, i), answer, origin));
            }
            sheet_answers.retain(|(k, _, _)| !duplicated.get(k.2).copied().unwrap_or(false));
            // Fewer keyed rows than exported means rows were deleted; the items not seen are
            // those rows (or items added to the dossier since, which the message allows for).
            let exported = wb
                .meta
                .checklists
                .iter()
                .find(|(id, _, _)| id == cl_id)
                .map_or(0, |x| x.2);
            if seen_items < exported {
                for it in checklist
                    .items
                    .iter()
                    .enumerate()
                    .filter(|(i, _)| first_row.get(*i).is_some_and(Option::is_none))
                {
                    conflicts.push(conflict(
                        &sheet.name,
                        "A1".into(),
                        ConflictKind::MissingRow {
                            item: it.1.id.clone(),
                        },
                    ));
                }
            }
            all.extend(sheet_answers);
        }
        for (id, sheet, _) in &wb.meta.checklists {
            if !seen_checklists.contains(id) {
                conflicts.push(conflict(
                    sheet,
                    "A1".into(),
                    ConflictKind::MissingSheet {
                        checklist: id.clone(),
                    },
                ));
            }
        }
    }
    let answers = reconcile(dossier, all, &mut conflicts);
    Matched { answers, conflicts }
}

/// What judging one row needs.
struct RowCtx<'a> {
    workbook: &'a str,
    sheet: &'a str,
    lang: qms_core::Lang,
    edition: qms_core::Edition,
    offered: &'a [FindingKind],
    procedure_text: &'a HashMap<&'a str, String>,
    audit: &'a Audit,
    checklist: &'a qms_core::model::Checklist,
    linked: &'a HashMap<(&'a str, &'a str), Vec<FindingKind>>,
}

impl RowCtx<'_> {
    fn conflict(&self, cell: String, kind: ConflictKind) -> Conflict {
        Conflict {
            workbook: self.workbook.to_owned(),
            sheet: self.sheet.to_owned(),
            cell,
            kind,
        }
    }

    /// The answer of a keyed row for item `i`, or `None` when the row answers nothing
    /// (untouched) or has conflicts (pushed to `out`).
    fn answer(
        &self,
        data: &mut RowData,
        key: &RowKey,
        i: usize,
        out: &mut ConflictList,
    ) -> Option<Answer> {
        let r = data.row;
        let item = self.checklist.items.get(i)?;
        let before = out.len();
        if data.locked_fp != key.lock
            && let Some(found) = data.locked.as_deref()
        {
            self.locked_edits(r, i, found, out);
        }
        let too_long: Vec<(u16, usize)> = (col::RESULT..col::KEY)
            .zip(&data.inputs)
            // UTF-16 never takes more units than UTF-8 takes bytes: most cells need no count.
            .map(|(c, text)| {
                let units = if text.len() <= crate::safety::MAX_CELL_CHARS {
                    0
                } else {
                    text.encode_utf16().count()
                };
                (c, units)
            })
            .filter(|(_, n)| *n > crate::safety::MAX_CELL_CHARS)
            .collect();
        if !too_long.is_empty() {
            for (c, chars) in too_long {
                out.push(self.conflict(cell_ref(r, c), ConflictKind::TooLong { column: c, chars }));
            }
            return None;
        }
        if !data.formulas.is_empty() {
            for (c, formula, value) in &data.formulas {
                out.push(self.conflict(
                    cell_ref(r, *c),
                    ConflictKind::Formula {
                        column: *c,
                        formula: formula.clone(),
                        value: value.clone(),
                    },
                ));
            }
            return None;
        }
        let inputs = data.inputs.each_ref().map(String::as_str);
        if metadata::lock_fingerprint(&inputs) == key.input {
            // Untouched since export: this row answers nothing, so it can neither conflict
            // with another workbook nor be stale.
            return None;
        }
        let [result_text, _, kind_text, _] = &data.inputs;
        let result = layout::parse_result(result_text, self.lang);
        if result.is_none() {
            let allowed = ItemResult::ALL
                .iter()
                .map(|x| x.label(self.lang).to_owned())
                .collect();
            out.push(self.conflict(
                cell_ref(r, col::RESULT),
                ConflictKind::InvalidValue {
                    column: col::RESULT,
                    value: result_text.clone(),
                    allowed,
                },
            ));
        }
        let kind = layout::parse_kind(kind_text, self.lang, self.offered);
        if kind.is_err() {
            let allowed = self
                .offered
                .iter()
                .map(|x| x.label(self.lang).to_owned())
                .collect();
            out.push(self.conflict(
                cell_ref(r, col::KIND),
                ConflictKind::InvalidValue {
                    column: col::KIND,
                    value: kind_text.clone(),
                    allowed,
                },
            ));
        }
        let (Some(result), Ok(kind)) = (result, kind) else {
            return None;
        };
        if out.len() > before {
            return None;
        }
        let [_, evidence, _, note] = &mut data.inputs;
        let answer = Answer {
            result,
            evidence: take_unless_blank(evidence),
            note: take_unless_blank(note),
            kind,
        };
        let no_kinds = Vec::new();
        let kinds_now = self
            .linked
            .get(&(self.checklist.id.as_str(), item.id.as_str()))
            .unwrap_or(&no_kinds);
        if !is_current(&answer, item, kinds_now, self.offered) {
            if metadata::item_revision(item, kinds_now.iter().copied()) != key.rev {
                out.push(self.conflict(
                    cell_ref(r, 0),
                    ConflictKind::StaleItem {
                        item: item.id.clone(),
                    },
                ));
                return None;
            }
            if answer.kind.is_none() && current_kind(kinds_now, self.offered).is_some() {
                let finding = metadata_finding_id(self.audit, &self.checklist.id, &item.id);
                out.push(self.conflict(
                    cell_ref(r, col::KIND),
                    ConflictKind::FindingRemoval { finding },
                ));
                return None;
            }
        }
        Some(answer)
    }

    /// Names the locked cells of row `r` that differ from what the dossier gives for item `i`.
    fn locked_edits(&self, r: u32, i: usize, found: &[String; 5], out: &mut ConflictList) {
        let Some(item) = self.checklist.items.get(i) else {
            return;
        };
        let procedure = item
            .procedure
            .as_deref()
            .map_or("", |p| self.procedure_text.get(p).map_or(p, |t| t.as_str()));
        let clauses = item
            .clauses
            .iter()
            .map(|id| clause_label(self.edition, id, self.lang))
            .collect::<Vec<_>>()
            .join("\n");
        let expected = [
            clauses.as_str(),
            procedure,
            &item.question,
            item.guidance.as_deref().unwrap_or(""),
        ];
        let before = out.len();
        // STT (column A) is not compared: it is not data, and sorting keeps it with its row.
        for (k, (want, got)) in expected.iter().zip(found.iter().skip(1)).enumerate() {
            let column = k as u16 + 1;
            if want != got {
                out.push(self.conflict(
                    cell_ref(r, column),
                    ConflictKind::LockedCellEdited {
                        column,
                        found: got.clone(),
                    },
                ));
            }
        }
        if out.len() == before {
            // The cells match the dossier now but not the export: the STT was changed, or the
            // item changed since in the same way as the edit. Report the row.
            out.push(self.conflict(
                cell_ref(r, 0),
                ConflictKind::LockedCellEdited {
                    column: col::STT,
                    found: found[0].clone(),
                },
            ));
        }
    }
}

fn metadata_finding_id(audit: &Audit, checklist: &str, item: &str) -> String {
    audit
        .findings
        .iter()
        .find(|f| f.checklist.as_deref() == Some(checklist) && f.item.as_deref() == Some(item))
        .map(|f| f.id.clone())
        .unwrap_or_default()
}

/// Keeps one answer per item; answers that disagree become conflicts and are all dropped.
fn reconcile(
    dossier: &Dossier,
    all: Vec<((usize, usize, usize), Answer, Origin)>,
    conflicts: &mut ConflictList,
) -> Answers {
    let mut all = all;
    // Stable: answers to one item stay in workbook order.
    all.sort_by_key(|(k, _, _)| *k);
    let mut answers = Answers::new();
    for run in all.chunk_by(|x, y| x.0 == y.0) {
        let Some((k, first, origin)) = run.first() else {
            continue;
        };
        let k = *k;
        if run.iter().all(|(_, a, _)| a == first) {
            answers.insert(k, (first.clone(), origin.clone()));
            continue;
        }
        let group: Vec<(&Answer, &Origin)> = run.iter().map(|(_, a, o)| (a, o)).collect();
        for (j, (a, o)) in group.iter().enumerate() {
            // Name a row that says something different from this one.
            let Some((_, other)) = group
                .iter()
                .enumerate()
                .find(|(m, (b, _))| *m != j && *b != *a)
                .map(|(_, x)| x)
            else {
                continue;
            };
            conflicts.push(Conflict {
                workbook: o.workbook.to_string(),
                sheet: o.sheet.to_string(),
                cell: cell_ref(o.row, 0),
                kind: ConflictKind::Disagreement {
                    item: dossier
                        .audits
                        .get(k.0)
                        .and_then(|a| a.checklists.get(k.1))
                        .and_then(|c| c.items.get(k.2))
                        .map(|it| it.id.clone())
                        .unwrap_or_default(),
                    other_workbook: other.workbook.to_string(),
                    other_sheet: other.sheet.to_string(),
                    other_cell: cell_ref(other.row, 0),
                },
            });
        }
    }
    answers
}
