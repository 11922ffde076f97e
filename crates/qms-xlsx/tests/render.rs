//! Registers and summaries: what a reader sees in the cells.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod support;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use qms_core::Lang;
use qms_core::model::{ActionStep, AuditProgramme, CaSource, CorrectiveAction, PlannedAudit};
use qms_xlsx::{RenderOptions, WorkbookKind, render};
use std::io::Cursor;
use support::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn sheet(bytes: &[u8], index: usize) -> (String, calamine::Range<Data>) {
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = x.sheet_names()[index].clone();
    let range = x.worksheet_range(&name).unwrap();
    (name, range)
}

fn texts(range: &calamine::Range<Data>) -> Vec<String> {
    range
        .rows()
        .flat_map(|r| r.iter().map(|c| c.to_string()))
        .collect()
}

fn xml(bytes: &[u8], part: &str) -> String {
    String::from_utf8(parts(bytes).into_iter().find(|(p, _)| p == part).unwrap().1).unwrap()
}

fn with_findings() -> qms_core::Dossier {
    let d = dossier(4);
    let filled = edit_sheet(&export(&d), 1, |x| {
        let x = set_cell(x, "H9", "Sự không phù hợp nhẹ");
        let x = set_cell(x, "I9", "Thiếu phiếu kiểm soát");
        let x = set_cell(x, "H10", "Cơ hội cải tiến");
        set_cell(x, "H11", "Sự không phù hợp nhẹ")
    });
    import(&d, &[("w.xlsx", &filled)], false).dossier
}

#[test]
fn the_findings_register_lists_every_finding() {
    let d = with_findings();
    let bytes = render(
        WorkbookKind::Findings,
        &d,
        None,
        &RenderOptions {
            lang: Lang::Vi,
            today: today(),
            live_overdue: false,
        },
    )
    .unwrap();
    let (name, range) = sheet(&bytes, 0);
    assert_eq!(name, "Phát hiện");
    let all = texts(&range);
    assert!(all.contains(&"Thiếu phiếu kiểm soát".to_owned()));
    assert_eq!(
        all.iter().filter(|t| *t == "Sự không phù hợp nhẹ").count(),
        2
    );
    assert!(all.contains(&"Cơ hội cải tiến".to_owned()));
}

#[test]
fn overdue_actions_are_highlighted_relative_to_today() {
    let mut d = with_findings();
    let unit = d.units[0].id.clone();
    let owner = d.people[0].id.clone();
    let mut ca = CorrectiveAction::new("car-1", CaSource::InternalAudit, &unit, day(3, 5));
    ca.finding = Some(d.audits[0].findings[0].id.clone());
    for (desc, due, done) in [
        ("Cập nhật sổ theo dõi", day(4, 30), None),
        ("Tập huấn lại", day(7, 30), None),
        ("Rà soát quy trình", day(3, 30), Some(day(3, 28))),
    ] {
        ca.actions.push(ActionStep {
            description: desc.into(),
            owner: owner.clone(),
            owner_unit: None,
            due,
            original_due: None,
            extensions: vec![],
            completed_on: done,
        });
    }
    d.corrective_actions.push(ca);
    let bytes = render(
        WorkbookKind::Actions,
        &d,
        Some(&d.audits[0].id.clone()),
        &RenderOptions {
            lang: Lang::Vi,
            today: day(6, 1),
            live_overdue: false,
        },
    )
    .unwrap();
    let sheet_xml = xml(&bytes, "xl/worksheets/sheet1.xml");
    assert!(
        sheet_xml.contains("<conditionalFormatting"),
        "conditional format present"
    );
    assert!(sheet_xml.contains("DATE(2026,6,1)"), "relative to --today");
    let (_, range) = sheet(&bytes, 0);
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let overdue: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r[0] != "STT" && r.last().is_some_and(|t| t == "Quá hạn"))
        .collect();
    assert_eq!(overdue.len(), 1, "{rows:?}");
    assert!(overdue[0].contains(&"Cập nhật sổ theo dõi".to_owned()));
}

#[test]
fn the_summary_counts_by_unit_and_kind_and_has_a_chart() {
    let mut d = with_findings();
    d.audits[0].title = "Đánh giá nội bộ HTQLCL đợt 1 năm 2026".into();
    let bytes = render(
        WorkbookKind::Summary,
        &d,
        None,
        &RenderOptions {
            lang: Lang::En,
            today: today(),
            live_overdue: false,
        },
    )
    .unwrap();
    assert!(
        parts(&bytes)
            .iter()
            .any(|(p, _)| p == "xl/charts/chart1.xml")
    );
    let (_, range) = sheet(&bytes, 0);
    let rows: Vec<Vec<String>> = range
        .rows()
        .map(|r| r.iter().map(|c| c.to_string()).collect())
        .collect();
    let totals: Vec<&Vec<String>> = rows
        .iter()
        .filter(|r| r.first().is_some_and(|t| t == "Total"))
        .collect();
    assert_eq!(totals.len(), 2, "by unit and by clause");
    // Minor NCs: 2, OFIs: 1 → grand total 3 in the unit table.
    assert_eq!(totals[0].last().unwrap(), "3");
    // The audit's Vietnamese title is given in English, as the Word records give it.
    let cells: Vec<&String> = rows.iter().flatten().collect();
    assert!(
        cells.iter().any(|c| *c == "Internal audit 1 of 2026"),
        "{rows:?}"
    );
    assert!(!cells.iter().any(|c| c.contains("Đánh giá nội bộ")));
}

#[test]
fn the_programme_is_a_unit_by_month_matrix_and_registers_have_three_lists() {
    let mut d = dossier(1);
    let unit = d.units[1].id.clone();
    d.programmes.push(AuditProgramme {
        id: "ct-2026".into(),
        year: 2026,
        number: Some("12/CTr-SXX".into()),
        issued_on: None,
        approved_by: None,
        objectives: vec![],
        scope: None,
        criteria: vec![],
        methods: vec![],
        responsibilities: vec![],
        audit_types: vec![],
        auditor_criteria: vec![],
        resources: vec![],
        risks: vec![],
        monitoring: vec![],
        planned: vec![PlannedAudit {
            id: "p1".into(),
            unit: unit.clone(),
            month: 5,
            clauses: vec!["7.5".into(), "9.1".into()],
            legacy_clauses: vec![],
            procedures: vec![],
        }],
    });
    let bytes = render(
        WorkbookKind::Programme,
        &d,
        None,
        &RenderOptions {
            lang: Lang::Vi,
            today: today(),
            live_overdue: false,
        },
    )
    .unwrap();
    let (name, range) = sheet(&bytes, 0);
    assert_eq!(name, "Chương trình 2026");
    let row = range
        .rows()
        .find(|r| r.get(1).is_some_and(|c| c.to_string() == d.units[1].name))
        .unwrap();
    assert_eq!(row[1 + 5].to_string(), "7.5, 9.1", "May column");
    let regs = render(
        WorkbookKind::Registers,
        &d,
        None,
        &RenderOptions {
            lang: Lang::Vi,
            today: today(),
            live_overdue: false,
        },
    )
    .unwrap();
    let x: Xlsx<_> = Xlsx::new(Cursor::new(regs.as_slice())).unwrap();
    assert_eq!(
        x.sheet_names(),
        ["Tài liệu nội bộ", "Tài liệu bên ngoài", "Hồ sơ"]
    );
    assert_eq!(
        render(
            WorkbookKind::Summary,
            &d,
            Some("nope"),
            &RenderOptions {
                lang: Lang::Vi,
                today: today(),
                live_overdue: false,
            }
        )
        .unwrap_err()
        .code(),
        "unknown-audit"
    );
}
