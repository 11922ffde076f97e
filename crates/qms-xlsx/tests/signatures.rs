//! The checklist carries the signature lines of the auditor and the auditee representative,
//! inside its print area, and the import ignores them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use calamine::{Reader, Xlsx};
use std::io::Cursor;
use support::*;

#[test]
fn every_checklist_sheet_has_both_signature_lines_in_its_print_area() {
    let d = dossier(3);
    let bytes = export(&d);
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes.clone())).unwrap();
    let names: Vec<String> = x
        .sheet_names()
        .into_iter()
        .filter(|n| n != "_qms")
        .collect();
    assert_eq!(names.len(), d.audits[0].checklists.len());
    for (name, c) in names.iter().zip(&d.audits[0].checklists) {
        let range = x.worksheet_range(name).unwrap();
        let find = |s: &str| {
            range
                .cells()
                .find(|(_, _, v)| *v == s)
                .map(|(r, col, _)| (r as u32, col as u32))
        };
        let (rep_row, rep_col) = find("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ").unwrap();
        let (aud_row, aud_col) = find("CHUYÊN GIA ĐÁNH GIÁ").unwrap();
        assert_eq!(rep_row, aud_row);
        assert!(rep_col < aud_col);
        // Below the last item, with a blank row between.
        assert!(rep_row as usize > 8 + c.items.len());
        let auditor = &d.person(&c.auditor).unwrap().name;
        // The auditor's name also heads the sheet; the signed one is under the title.
        let (name_row, name_col) = range
            .cells()
            .find(|(r, _, v)| *r as u32 > aud_row && *v == auditor.as_str())
            .map(|(r, col, _)| (r as u32, col as u32))
            .unwrap();
        assert_eq!(name_col, aud_col);
        // The print area reaches the names.
        let wb = String::from_utf8(
            parts(&bytes)
                .into_iter()
                .find(|(p, _)| p == "xl/workbook.xml")
                .unwrap()
                .1,
        )
        .unwrap();
        let area = format!("$I${}", name_row + 1);
        assert!(
            wb.contains(&format!("$A$1:{area}")),
            "print area of {name} ends at the names: {wb}"
        );
    }
    // Exported then imported unchanged: nothing to apply, no conflicts.
    let out = import(&d, &[("a.xlsx", &bytes)], false);
    assert!(out.conflicts.is_empty(), "{:?}", out.conflicts);
}
