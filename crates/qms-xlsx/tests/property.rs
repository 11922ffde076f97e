//! Property: whatever a person types into the input cells (Vietnamese text, line breaks, blank
//! cells, dropdown values), and however they sort the rows, the import gets exactly that.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod support;

use proptest::prelude::*;
use qms_core::Lang;
use qms_core::model::{FindingKind, ItemResult};
use support::*;

const ROWS: usize = 6;

/// What a person puts in one row: result index (None = leave), evidence, kind index, note.
type RowFill = (Option<usize>, Option<String>, Option<usize>, Option<String>);

fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("   ".to_owned()),
        "[a-zA-Z0-9àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐẮỆỮ =+@,.;:()/\n-]{1,60}",
    ]
}

fn row() -> impl Strategy<Value = RowFill> {
    (
        proptest::option::of(0..ItemResult::ALL.len() + 1),
        proptest::option::of(text()),
        proptest::option::of(0..6usize),
        proptest::option::of(text()),
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 32, ..ProptestConfig::default() })]

    #[test]
    fn import_gets_exactly_what_was_filled(
        fills in proptest::collection::vec(row(), ROWS),
        swaps in proptest::collection::vec((0..ROWS as u32, 0..ROWS as u32), 0..4),
    ) {
        let d = dossier(ROWS);
        let kinds: Vec<FindingKind> = FindingKind::ALL.into_iter().filter(|k| *k != FindingKind::Nonconformity).collect();
        let mut filled = export(&d);
        for (i, (result, evidence, kind, note)) in fills.iter().enumerate() {
            let r = 9 + i;
            filled = edit_sheet(&filled, 1, |mut x| {
                if let Some(k) = result {
                    // One past the list: the person clears the cell.
                    let label = ItemResult::ALL.get(*k).map_or("", |v| v.label(Lang::Vi));
                    x = set_cell(x, &format!("F{r}"), label);
                }
                if let Some(t) = evidence { x = set_cell(x, &format!("G{r}"), t); }
                if let Some(k) = kind {
                    let label = kinds.get(*k).map_or("", |v| v.label(Lang::Vi));
                    x = set_cell(x, &format!("H{r}"), label);
                }
                if let Some(t) = note { x = set_cell(x, &format!("I{r}"), t); }
                x
            });
        }
        for (a, b) in &swaps {
            if a != b {
                filled = edit_sheet(&filled, 1, |x| swap_rows(x, 9 + a, 9 + b));
            }
        }
        let out = import(&d, &[("w.xlsx", &filled)], false);
        prop_assert!(out.conflicts.is_empty(), "{:?}", out.conflicts);
        let c = &out.dossier.audits[0].checklists[0];
        let blank = |t: &Option<String>| t.clone().filter(|t| !t.trim().is_empty());
        for (i, (result, evidence, kind, note)) in fills.iter().enumerate() {
            let item = &c.items[i];
            let want = result.map_or(ItemResult::NotAudited, |k| ItemResult::ALL.get(k).copied().unwrap_or(ItemResult::NotAudited));
            prop_assert_eq!(item.result, want);
            prop_assert_eq!(&item.evidence, &blank(evidence));
            prop_assert_eq!(&item.note, &blank(note));
            let found = out.dossier.audits[0].findings.iter().find(|f| f.item.as_deref() == Some(item.id.as_str()) && f.checklist.as_deref() == Some(c.id.as_str()));
            prop_assert_eq!(found.map(|f| f.kind), kind.and_then(|k| kinds.get(k).copied()));
        }
        let again = import(&out.dossier, &[("w.xlsx", &filled)], false);
        prop_assert!(again.changes.is_empty() && again.conflicts.is_empty());
    }
}
