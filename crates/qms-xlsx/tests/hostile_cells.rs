//! Cells an auditor's tools write that are not plain typed text: formulas, and text with
//! carriage returns. Nothing typed may be lost or taken for something else.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use qms_core::Lang;
use qms_core::model::ItemResult;
use support::*;

fn codes(out: &qms_xlsx::ImportOutcome) -> Vec<&'static str> {
    out.conflicts.iter().map(|c| c.kind.code()).collect()
}

#[test]
fn a_formula_without_a_cached_value_is_a_conflict_not_an_erased_answer() {
    let d = dossier(3);
    let filled = edit_sheet(&export(&d), 1, |x| {
        let x = set_cell(x, "F9", "Không phù hợp");
        set_formula(x, "G9", "14/52", None)
    });
    let out = import(&d, &[("to-1.xlsx", &filled)], true);
    assert_eq!(codes(&out), ["formula"], "{:?}", out.conflicts);
    assert_eq!(out.conflicts[0].cell, "G9");
    assert!(out.conflicts[0].message(Lang::Vi).contains("=14/52"));
    // The row is not applied: its result stays as it was, its evidence is not erased.
    let item = &out.dossier.audits[0].checklists[0].items[0];
    assert_eq!(item.result, ItemResult::NotAudited);
    assert!(out.changes.is_empty(), "{:?}", out.changes);
}

#[test]
fn a_formula_with_a_cached_value_keeps_its_text_in_the_conflict() {
    let mut d = dossier(3);
    d.audits[0].checklists[0].items[1].evidence = Some("Đã kiểm tra 52 hồ sơ".into());
    let filled = edit_sheet(&export(&d), 1, |x| {
        set_formula(x, "G10", "14/52", Some("0.269230769230769"))
    });
    let out = import(&d, &[("to-1.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["formula"]);
    let en = out.conflicts[0].message(Lang::En);
    assert!(
        en.contains("«=14/52»") && en.contains("0.269230769230769"),
        "{en}"
    );
    // Nothing applied (all-or-nothing), the evidence the dossier had is intact.
    assert_eq!(
        out.dossier.audits[0].checklists[0].items[1]
            .evidence
            .as_deref(),
        Some("Đã kiểm tra 52 hồ sơ")
    );
    // A formula in the result column is caught the same way.
    let filled = edit_sheet(&export(&d), 1, |x| {
        set_formula(x, "F11", "\"Phù hợp\"", Some("Phù hợp"))
    });
    let out = import(&d, &[("to-1.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["formula"]);
    assert_eq!(out.conflicts[0].cell, "F11");
}

#[test]
fn text_with_carriage_returns_round_trips_untouched() {
    let mut d = dossier(3);
    d.agency.name = "Ủy ban nhân dân\r\nxã Hòa Bình".into();
    let unit = d.audits[0].checklists[0].unit.clone();
    if let Some(u) = d.units.iter_mut().find(|u| u.id == unit) {
        u.name = "Văn phòng\rHĐND và UBND".into();
    }
    let items = &mut d.audits[0].checklists[0].items;
    items[0].question = "Có lập sổ theo dõi không?\r\nCó cập nhật hằng ngày không?".into();
    items[1].guidance = Some("Xem sổ\rxem phần mềm".into());
    let untouched = export(&d);
    let out = import(&d, &[("to-1.xlsx", &untouched)], false);
    assert!(out.conflicts.is_empty(), "{:#?}", out.conflicts);
    assert!(out.changes.is_empty());
    // And a filled row next to them is imported.
    let filled = edit_sheet(&untouched, 1, |x| set_cell(x, "F10", "Phù hợp"));
    let out = import(&d, &[("to-1.xlsx", &filled)], false);
    assert!(out.conflicts.is_empty(), "{:#?}", out.conflicts);
    assert_eq!(out.changes.len(), 1);
}

#[test]
fn xml_forbidden_characters_never_reach_the_package() {
    let mut d = dossier(3);
    let unit = d.audits[0].checklists[0].unit.clone();
    if let Some(u) = d.units.iter_mut().find(|u| u.id == unit) {
        u.name = "Phòng\u{FFFE}Tư pháp\u{FFFF}".into();
        u.short_name = Some("😀".repeat(20));
    }
    d.audits[0].checklists[0].items[0].question = "Có sổ\u{FFFF} theo dõi không?".into();
    let bytes = export(&d);
    for (name, data) in parts(&bytes) {
        let text = String::from_utf8_lossy(&data);
        assert!(
            !text.contains(['\u{FFFE}', '\u{FFFF}']),
            "{name} holds a character XML forbids"
        );
    }
    let out = import(&d, &[("to-1.xlsx", &bytes)], false);
    assert!(out.conflicts.is_empty(), "{:#?}", out.conflicts);
}

#[test]
fn a_cell_longer_than_excel_allows_is_a_conflict_not_a_poisoned_dossier() {
    let d = dossier(3);
    let long = "Bằng chứng ".repeat(3_300); // 36,300 characters: only a hand-made file holds it
    let filled = edit_sheet(&export(&d), 1, |x| {
        let x = set_cell(x, "F9", "Phù hợp");
        set_cell(x, "G9", &long)
    });
    let out = import(&d, &[("to-1.xlsx", &filled)], true);
    assert_eq!(codes(&out), ["cell-too-long"]);
    assert_eq!(out.conflicts[0].cell, "G9");
    assert!(out.changes.is_empty());
    // The dossier still exports.
    let again = qms_xlsx::export_checklists(
        &out.dossier,
        "a0000",
        &qms_xlsx::ExportOptions {
            lang: Lang::Vi,
            today: today(),
            auditor: None,
            password: None,
        },
    );
    assert!(again.is_ok());
}
