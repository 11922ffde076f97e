//! The checklist round-trip: export, fill like a person, import; and every conflict kind
//! with the message a lead auditor reads.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod support;

use qms_core::Lang;
use qms_core::model::{FindingKind, ItemResult};
use support::*;

fn codes(out: &qms_xlsx::ImportOutcome) -> Vec<&'static str> {
    out.conflicts.iter().map(|c| c.kind.code()).collect()
}

#[test]
fn filled_values_come_back_and_a_second_import_changes_nothing() {
    let d = dossier(5);
    let filled = edit_sheet(&export(&d), 1, |x| {
        let x = set_cell(x, "F9", "Không phù hợp");
        let x = set_cell(x, "G9", "Sổ theo dõi hồ sơ thiếu 3 hồ sơ\ntháng 4/2026");
        let x = set_cell(x, "H9", "Sự không phù hợp nhẹ");
        let x = set_cell(x, "I9", "=Cần xác minh lại");
        set_cell(x, "F10", "Phù hợp")
    });
    let out = import(&d, &[("to-1.xlsx", &filled)], false);
    assert!(out.conflicts.is_empty(), "{:?}", out.conflicts);
    let c = &out.dossier.audits[0].checklists[0];
    assert_eq!(c.items[0].result, ItemResult::Nonconform);
    assert_eq!(
        c.items[0].evidence.as_deref(),
        Some("Sổ theo dõi hồ sơ thiếu 3 hồ sơ\ntháng 4/2026")
    );
    assert_eq!(c.items[0].note.as_deref(), Some("=Cần xác minh lại"));
    assert_eq!(c.items[1].result, ItemResult::Conform);
    let f = &out.dossier.audits[0].findings;
    assert_eq!(f.len(), 1);
    assert_eq!(f[0].id, format!("f-{}-i000", c.id));
    assert_eq!(f[0].kind, FindingKind::MinorNonconformity);
    assert_eq!(f[0].unit, c.unit);
    assert_eq!(f[0].statement, "=Cần xác minh lại");
    assert_eq!(out.changes.len(), 5, "{:#?}", out.changes);
    assert!(out.changes[0].message(Lang::Vi).contains("to-1.xlsx"));

    let again = import(&out.dossier, &[("to-1.xlsx", &filled)], false);
    assert!(again.conflicts.is_empty(), "{:?}", again.conflicts);
    assert!(again.changes.is_empty(), "{:?}", again.changes);
    assert_eq!(again.dossier, out.dossier);
    assert!(qms_core::validate(&out.dossier).is_empty());
}

#[test]
fn sorting_rows_does_not_matter() {
    let d = dossier(6);
    let filled = edit_sheet(&export(&d), 1, |x| {
        let x = set_cell(x, "G9", "bằng chứng của câu 1");
        let x = set_cell(x, "G14", "bằng chứng của câu 6");
        let x = swap_rows(x, 9, 14);
        swap_rows(x, 10, 12)
    });
    let out = import(&d, &[("a.xlsx", &filled)], false);
    assert!(out.conflicts.is_empty(), "{:?}", out.conflicts);
    let items = &out.dossier.audits[0].checklists[0].items;
    assert_eq!(items[0].evidence.as_deref(), Some("bằng chứng của câu 1"));
    assert_eq!(items[5].evidence.as_deref(), Some("bằng chứng của câu 6"));
    // The change names the cell where the value was, after sorting.
    assert_eq!(out.changes[0].cell, "G14");
}

#[test]
fn a_value_outside_the_dropdown_is_a_conflict_and_nothing_is_applied() {
    let d = dossier(3);
    let filled = edit_sheet(&export(&d), 1, |x| {
        set_cell(set_cell(x, "F9", "Dat"), "G10", "ok")
    });
    let out = import(&d, &[("to-2.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["invalid-value"]);
    let sheet = &out.conflicts[0].sheet;
    assert_eq!(
        out.conflicts[0].message(Lang::Vi),
        format!(
            "to-2.xlsx, trang «{sheet}», ô F9: giá trị «Dat» không có trong danh sách của cột Kết quả (Phù hợp; Không phù hợp; Điểm lưu ý; Không áp dụng; Chưa đánh giá)"
        )
    );
    assert!(
        out.conflicts[0]
            .message(Lang::En)
            .contains("is not in the list of column Result")
    );
    assert_eq!(out.dossier, d, "all-or-nothing");
    assert!(out.changes.is_empty());
    // --partial applies the other rows.
    let out = import(&d, &[("to-2.xlsx", &filled)], true);
    assert_eq!(
        out.dossier.audits[0].checklists[0].items[1]
            .evidence
            .as_deref(),
        Some("ok")
    );
    assert_eq!(out.changes.len(), 1);
}

#[test]
fn an_invalid_finding_kind_is_a_conflict() {
    let d = dossier(2);
    let filled = edit_sheet(&export(&d), 1, |x| set_cell(x, "H10", "NC nặng"));
    let out = import(&d, &[("w.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["invalid-value"]);
    assert_eq!(out.conflicts[0].cell, "H10");
    assert!(
        out.conflicts[0]
            .message(Lang::Vi)
            .contains("Loại phát hiện")
    );
}

#[test]
fn edits_to_locked_cells_are_named_by_cell() {
    let d = dossier(3);
    let filled = edit_sheet(&export(&d), 1, |x| set_cell(x, "D10", "Câu hỏi đã bị sửa"));
    let out = import(&d, &[("w.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["locked-cell-edited"]);
    assert_eq!(out.conflicts[0].cell, "D10");
    assert!(
        out.conflicts[0]
            .message(Lang::Vi)
            .ends_with("cột Nội dung câu hỏi bị khóa nhưng đã bị sửa thành «Câu hỏi đã bị sửa»")
    );
}

#[test]
fn edits_to_the_header_block_are_reported_not_dropped() {
    let d = dossier(3);
    // Row 6 holds the audit date; an auditor typed another one.
    let filled = edit_sheet(&export(&d), 1, |x| set_cell(x, "C6", "15/05/2026"));
    let out = import(&d, &[("w.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["header-edited"]);
    assert_eq!(out.conflicts[0].cell, "C6");
    assert_eq!(
        out.dossier, d,
        "nothing is applied while a conflict remains"
    );
    assert!(
        out.conflicts[0]
            .message(Lang::Vi)
            .contains("thông tin đầu phiếu đã bị sửa thành «15/05/2026»")
    );
    // An untouched workbook has no header conflict.
    let out = import(&d, &[("w.xlsx", &export(&d))], false);
    assert!(out.conflicts.is_empty());
}

#[test]
fn rows_without_a_key_inserted_or_copied_rows_and_foreign_cells_are_conflicts() {
    let d = dossier(4);
    let bytes = export(&d);
    let cleared_key = edit_sheet(&bytes, 1, |x| set_cell(x, "J9", ""));
    let out = import(&d, &[("w.xlsx", &cleared_key)], false);
    assert_eq!(codes(&out), ["missing-row", "unmatched-row"]);
    assert!(
        out.conflicts[1]
            .message(Lang::Vi)
            .contains("ô A9: dòng này không có mã nhận dạng")
    );

    let copied = edit_sheet(&bytes, 1, |x| copy_row(x, 9, 11));
    let out = import(&d, &[("w.xlsx", &copied)], false);
    assert_eq!(codes(&out), ["missing-row", "duplicate-row"]);
    assert!(
        out.conflicts[1]
            .message(Lang::Vi)
            .contains("trùng câu hỏi i000 với dòng ở ô A9"),
        "{}",
        out.conflicts[1].message(Lang::Vi)
    );

    let foreign = edit_sheet(&bytes, 1, |x| set_cell(x, "K10", "ghi chú ngoài bảng"));
    let out = import(&d, &[("w.xlsx", &foreign)], false);
    assert_eq!(codes(&out), ["foreign-cell"]);
    assert_eq!(out.conflicts[0].cell, "K10");

    let deleted = edit_sheet(&bytes, 1, |x| delete_row(x, 12));
    let out = import(&d, &[("w.xlsx", &deleted)], false);
    assert_eq!(codes(&out), ["missing-row"]);
    assert!(
        out.conflicts[0]
            .message(Lang::En)
            .contains("the row of item i003 is missing")
    );
}

#[test]
fn items_changed_in_the_dossier_since_export_are_conflicts_unless_already_equal() {
    let d = dossier(3);
    let filled = edit_sheet(&export(&d), 1, |x| {
        set_cell(set_cell(x, "G9", "mới"), "G10", "giống")
    });
    let mut changed = d.clone();
    changed.audits[0].checklists[0].items[0]
        .question
        .push_str(" (sửa)");
    changed.audits[0].checklists[0].items[1].evidence = Some("giống".into());
    let out = import(&changed, &[("w.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["stale-item"]);
    assert_eq!(out.conflicts[0].cell, "A9");
    assert!(
        out.conflicts[0]
            .message(Lang::Vi)
            .contains("đã thay đổi trong hồ sơ sau khi xuất phiếu")
    );
}

#[test]
fn two_workbooks_answering_the_same_item_differently_are_both_reported() {
    let d = dossier(3);
    let bytes = export(&d);
    let a = edit_sheet(&bytes, 1, |x| set_cell(x, "F9", "Phù hợp"));
    let b = edit_sheet(&bytes, 1, |x| {
        set_cell(set_cell(x, "F9", "Không phù hợp"), "G11", "x")
    });
    let same = edit_sheet(&bytes, 1, |x| set_cell(x, "G11", "x"));
    let out = import(
        &d,
        &[("an.xlsx", &a), ("binh.xlsx", &b), ("cuong.xlsx", &same)],
        false,
    );
    assert_eq!(codes(&out), ["disagreement", "disagreement"]);
    let m = out.conflicts[0].message(Lang::Vi);
    assert!(
        m.starts_with("an.xlsx") && m.contains("câu hỏi i000 được trả lời khác ở binh.xlsx"),
        "{m}"
    );
    let out = import(
        &d,
        &[("an.xlsx", &a), ("binh.xlsx", &b), ("cuong.xlsx", &same)],
        true,
    );
    let items = &out.dossier.audits[0].checklists[0].items;
    assert_eq!(items[0].result, ItemResult::NotAudited);
    assert_eq!(items[2].evidence.as_deref(), Some("x"));
}

#[test]
fn clearing_the_kind_of_a_recorded_finding_is_a_conflict() {
    let d = dossier(2);
    let filled = edit_sheet(&export(&d), 1, |x| set_cell(x, "H9", "Cơ hội cải tiến"));
    let out = import(&d, &[("w.xlsx", &filled)], false);
    let d2 = out.dossier;
    let cleared = edit_sheet(&export(&d2), 1, |x| set_cell(x, "H9", ""));
    let out = import(&d2, &[("w.xlsx", &cleared)], false);
    assert_eq!(codes(&out), ["finding-removal"]);
    assert!(
        out.conflicts[0]
            .message(Lang::Vi)
            .contains("qms không xóa phát hiện")
    );
    // Changing the kind updates the finding instead of adding one.
    let other = edit_sheet(&export(&d2), 1, |x| set_cell(x, "H9", "Điểm lưu ý"));
    let out = import(&d2, &[("w.xlsx", &other)], false);
    assert!(out.conflicts.is_empty());
    assert_eq!(out.dossier.audits[0].findings.len(), 1);
    assert_eq!(
        out.dossier.audits[0].findings[0].kind,
        FindingKind::Observation
    );
}

#[test]
fn items_and_checklists_gone_from_the_dossier_are_conflicts() {
    let d = dossier(3);
    let filled = edit_sheet(&export(&d), 1, |x| set_cell(x, "G11", "x"));
    let mut gone = d.clone();
    gone.audits[0].checklists[0].items.pop();
    gone.audits[0].checklists.pop();
    let out = import(&gone, &[("w.xlsx", &filled)], false);
    assert_eq!(codes(&out), ["unknown-item", "unknown-checklist"]);
}

#[test]
fn workbooks_of_another_dossier_or_not_from_qms_are_refused() {
    let d = dossier(2);
    let bytes = export(&d);
    let mut other = d.clone();
    other.id = "khac".into();
    let wb = qms_xlsx::Workbook {
        name: "w.xlsx",
        bytes: &bytes,
    };
    let err = qms_xlsx::import_checklists(&other, &[wb], &Default::default()).unwrap_err();
    assert_eq!(err.code(), "other-dossier");
    let plain = qms_xlsx::render(
        qms_xlsx::WorkbookKind::Registers,
        &d,
        None,
        &qms_xlsx::RenderOptions {
            lang: Lang::Vi,
            today: today(),
            live_overdue: false,
        },
    )
    .unwrap();
    let wb = qms_xlsx::Workbook {
        name: "r.xlsx",
        bytes: &plain,
    };
    let err = qms_xlsx::import_checklists(&d, &[wb], &Default::default()).unwrap_err();
    assert_eq!(err.code(), "not-a-checklist");
}

#[test]
fn a_sheet_that_lost_its_checklist_key_is_foreign_and_its_checklist_missing() {
    let d = dossier(2);
    let bytes = edit_sheet(&export(&d), 2, |x| set_cell(x, "J1", "ghi chú riêng"));
    let out = import(&d, &[("w.xlsx", &bytes)], false);
    let mut got = codes(&out);
    got.sort_unstable();
    assert_eq!(got, ["foreign-sheet", "missing-sheet"]);
    let missing = out
        .conflicts
        .iter()
        .find(|c| c.kind.code() == "missing-sheet")
        .unwrap();
    assert!(missing.message(Lang::Vi).contains("thiếu trang của phiếu"));
}

/// The project's example dossiers, when present: an untouched export imports as no change.
#[test]
fn example_dossiers_round_trip_unchanged() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for name in ["so-khcn-ninh-binh.json", "ubnd-xa-tan-thanh-2008.json"] {
        let Ok(bytes) = std::fs::read(dir.join(name)) else {
            eprintln!("NOTICE: examples/{name} not present; skipped");
            continue;
        };
        let d = qms_core::load(&bytes).unwrap();
        for audit in d.audits.iter().filter(|a| !a.checklists.is_empty()) {
            for lang in [Lang::Vi, Lang::En] {
                let opts = qms_xlsx::ExportOptions {
                    lang,
                    today: today(),
                    auditor: None,
                    password: None,
                };
                let wb = qms_xlsx::export_checklists(&d, &audit.id, &opts).unwrap();
                let out = import(&d, &[(name, &wb)], false);
                assert!(out.conflicts.is_empty(), "{name}: {:?}", out.conflicts);
                assert!(out.changes.is_empty(), "{name}: {:?}", out.changes);
            }
        }
    }
}

#[test]
fn the_auditor_option_exports_only_that_auditors_checklists() {
    let mut d = dossier(2);
    d.audits[0].checklists[1].auditor = "someone-else".into();
    let mine = d.audits[0].checklists[0].auditor.clone();
    let opts = qms_xlsx::ExportOptions {
        lang: Lang::Vi,
        today: today(),
        auditor: Some(mine),
        password: None,
    };
    let bytes = qms_xlsx::export_checklists(&d, &d.audits[0].id, &opts).unwrap();
    let filled = edit_sheet(&bytes, 1, |x| set_cell(x, "F9", "Phù hợp"));
    // The other checklist was not exported, so it is not reported missing.
    let out = import(&d, &[("w.xlsx", &filled)], false);
    assert!(out.conflicts.is_empty(), "{:?}", out.conflicts);
    assert_eq!(out.changes.len(), 1);
    let e = qms_xlsx::export_checklists(&d, "no-such-audit", &opts).unwrap_err();
    assert_eq!(e.code(), "unknown-audit");
}

#[test]
fn large_checklists_are_streamed_and_round_trip_the_same_way() {
    let n = qms_xlsx::STREAMED_ITEMS_MIN;
    let d = dossier(n);
    let bytes = export(&d);
    // Streamed sheets use inline strings; in-memory ones use the shared-string table.
    let sheet1 = parts(&bytes)
        .into_iter()
        .find(|(p, _)| p == "xl/worksheets/sheet1.xml")
        .unwrap();
    assert!(
        String::from_utf8(sheet1.1)
            .unwrap()
            .contains("t=\"inlineStr\"")
    );
    let last = 8 + n;
    let filled = edit_sheet(&bytes, 1, |x| {
        set_cell(set_cell(x, &format!("G{last}"), "cuối"), "F9", "Phù hợp")
    });
    let out = import(&d, &[("w.xlsx", &filled)], false);
    assert!(out.conflicts.is_empty(), "{:?}", out.conflicts);
    let items = &out.dossier.audits[0].checklists[0].items;
    assert_eq!(items[n - 1].evidence.as_deref(), Some("cuối"));
    assert_eq!(items[0].result, ItemResult::Conform);
}
