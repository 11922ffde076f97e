//! The checklist carries the signature lines of the auditor and the auditee representative,
//! inside its print area, and the import ignores them.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use calamine::{Reader, Xlsx};
use std::io::Cursor;
use support::*;

#[test]
fn every_checklist_sheet_has_both_signature_lines_in_its_print_area() {
    signature_lines_in_print_area(3);
}

/// Large checklists are streamed (constant-memory mode), where a row written out of order is
/// dropped: the signature titles were lost that way.
#[test]
fn a_streamed_checklist_keeps_its_signature_lines() {
    signature_lines_in_print_area(qms_xlsx::STREAMED_ITEMS_MIN);
}

fn signature_lines_in_print_area(items: usize) {
    let d = dossier(items);
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

/// The example dossier of the Sở KH&CN, which names a form for every workbook.
fn example() -> qms_core::Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/so-khcn-ninh-binh.json");
    qms_core::load(&std::fs::read(path).unwrap()).unwrap()
}

fn headers(bytes: &[u8]) -> Vec<String> {
    parts(bytes)
        .into_iter()
        .filter(|(p, _)| p.starts_with("xl/worksheets/sheet"))
        .filter_map(|(_, x)| {
            let x = String::from_utf8(x).unwrap();
            let s = x.find("<oddHeader>")? + "<oddHeader>".len();
            let e = x.find("</oddHeader>")?;
            Some(x[s..e].to_owned())
        })
        .collect()
}

#[test]
fn every_workbook_prints_its_form_code_in_the_page_header() {
    use qms_core::model::QmsRecord;
    use qms_xlsx::WorkbookKind;
    let d = example();
    let opts = qms_xlsx::RenderOptions {
        lang: qms_core::Lang::Vi,
        today: today(),
        live_overdue: false,
    };
    for (kind, record) in [
        (WorkbookKind::Findings, QmsRecord::FindingsRegister),
        (WorkbookKind::Actions, QmsRecord::ActionTracker),
        (WorkbookKind::Summary, QmsRecord::AuditSummary),
        (WorkbookKind::Programme, QmsRecord::Programme),
    ] {
        let code = d.registers.form_of(record).unwrap().code;
        let bytes = qms_xlsx::render(kind, &d, None, &opts).unwrap();
        let h = headers(&bytes);
        assert!(!h.is_empty(), "{kind:?}");
        assert!(
            h.iter()
                .all(|h| h.starts_with("&amp;R&amp;10") && h.contains(code)),
            "{kind:?}: {h:?}"
        );
    }
    // The registers workbook: each register on its own form, as the dossier's forms list
    // them (BM.QT01.01 internal documents, BM.QT01.02 external ones, BM.QT02.01 records),
    // never the internal documents' code on the records register.
    let bytes = qms_xlsx::render(WorkbookKind::Registers, &d, None, &opts).unwrap();
    let h = headers(&bytes);
    let forms = ["BM.QT01.01", "BM.QT01.02", "BM.QT02.01"];
    assert_eq!(h.len(), forms.len(), "{h:?}");
    for (h, code) in h.iter().zip(forms) {
        assert!(
            h.starts_with("&amp;R&amp;10") && h.contains(code),
            "{code}: {h}"
        );
    }
    assert!(h[2].contains("Lần ban hành: 04"), "{}", h[2]);
    let code = d.registers.form_of(QmsRecord::Checklist).unwrap().code;
    let opts = qms_xlsx::ExportOptions {
        lang: qms_core::Lang::Vi,
        today: today(),
        auditor: None,
        password: None,
    };
    let a = d.audits.iter().find(|a| !a.checklists.is_empty()).unwrap();
    let bytes = qms_xlsx::export_checklists(&d, &a.id, &opts).unwrap();
    let h = headers(&bytes);
    assert_eq!(h.len(), a.checklists.len());
    assert!(h.iter().all(|h| h.contains(code)));
}

#[test]
fn the_summary_explains_double_counted_clauses_and_uses_integer_ticks() {
    let d = example();
    assert!(d.findings().any(|(_, f)| f.clauses.len() > 1));
    let opts = qms_xlsx::RenderOptions {
        lang: qms_core::Lang::Vi,
        today: today(),
        live_overdue: false,
    };
    let bytes = qms_xlsx::render(qms_xlsx::WorkbookKind::Summary, &d, None, &opts).unwrap();
    let all = parts(&bytes);
    let text = |name: &str| {
        String::from_utf8(all.iter().find(|(p, _)| p == name).unwrap().1.clone()).unwrap()
    };
    assert!(text("xl/sharedStrings.xml").contains("được đếm ở mỗi điều khoản"));
    let chart = text("xl/charts/chart1.xml");
    assert!(chart.contains("<c:majorUnit val=\"1\"/>"), "{chart}");
    assert!(chart.contains("formatCode=\"0\""));
    assert!(chart.contains("<c:min val=\"0\"/>"));
}

/// The unit signs through the representative the audit plan names, not its head by default:
/// in the commune's example the head of the Justice section is also its auditor, and the same
/// name was printed on both sides of the block.
#[test]
fn the_plan_s_auditee_representative_signs_for_the_unit() {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples/ubnd-xa-tan-thanh-2008.json");
    let mut d = qms_core::load(&std::fs::read(path).unwrap()).unwrap();
    let a = &d.audits[0];
    let c = a.checklists.iter().find(|c| c.unit == "tpht").unwrap();
    let head = d.unit("tpht").unwrap().head.clone().unwrap();
    assert_eq!(c.auditor, head, "the example's conflict this test is about");
    let named = a
        .plan
        .schedule
        .iter()
        .find(|r| r.unit.as_deref() == Some("tpht"))
        .and_then(|r| r.auditee_representative.clone())
        .unwrap();
    assert_ne!(named, head);
    let names = |d: &qms_core::Dossier| -> Vec<String> {
        let opts = qms_xlsx::ExportOptions {
            lang: qms_core::Lang::Vi,
            today: today(),
            auditor: None,
            password: None,
        };
        let bytes = qms_xlsx::export_checklists(d, &d.audits[0].id, &opts).unwrap();
        let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
        let sheet = x.sheet_names()[1].clone();
        let range = x.worksheet_range(&sheet).unwrap();
        // The names are the block's last row: left the unit's, right the auditor's.
        let last = range.rows().next_back().unwrap();
        last.iter()
            .map(|v| v.to_string())
            .filter(|v| !v.is_empty() && !v.starts_with("qms:"))
            .collect()
    };
    let person = |d: &qms_core::Dossier, id: &str| d.person(id).unwrap().name.clone();
    assert_eq!(names(&d), [person(&d, &named), person(&d, &head)]);
    // Without a representative in the plan, the unit's head signs.
    for r in &mut d.audits[0].plan.schedule {
        r.auditee_representative = None;
    }
    assert_eq!(names(&d), [person(&d, &head), person(&d, &head)]);
}
