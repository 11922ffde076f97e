//! The audit summary lists every unit audited, with 0 where it had no finding (issue #13,
//! "Workbooks"): the row is the evidence that the unit was audited. Units merely in the
//! scope, or in the plan of an audit that has not taken place, are not listed.

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::example;

use calamine::{Data, Reader, Xlsx};
use qms_core::model::{ItemResult, ScheduleRow};
use qms_core::{Dossier, Lang};
use std::io::Cursor;

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap()
}

/// The unit table of the summary: (unit, counts by kind, total), in order.
fn unit_rows(d: &Dossier, audit: Option<&str>, lang: Lang) -> Vec<(String, Vec<f64>)> {
    let opts = qms_xlsx::RenderOptions::new(lang, day());
    let bytes = qms_xlsx::render(qms_xlsx::WorkbookKind::Summary, d, audit, &opts).unwrap();
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let sheet = x.sheet_names()[0].clone();
    let range = x.worksheet_range(&sheet).unwrap();
    let heading = lang.pick("Đơn vị", "Unit");
    let total = lang.pick("Tổng cộng", "Total");
    let rows: Vec<&[Data]> = range.rows().collect();
    let start = rows
        .iter()
        .position(|r| r.first() == Some(&Data::String(heading.into())))
        .unwrap();
    rows[start + 1..]
        .iter()
        .take_while(|r| r.first() != Some(&Data::String(total.into())))
        .map(|r| {
            let label = r[0].to_string();
            let counts = r[1..]
                .iter()
                .map(|c| match c {
                    Data::Float(f) => *f,
                    Data::Int(i) => *i as f64,
                    other => panic!("{label}: count {other:?}"),
                })
                .collect();
            (label, counts)
        })
        .collect()
}

fn zeros(counts: &[f64]) -> bool {
    !counts.is_empty() && counts.iter().all(|n| *n == 0.0)
}

#[test]
fn a_unit_audited_without_findings_is_listed_with_zero_in_both_languages() {
    // The People's Committees audited four units (their reports say "04 đơn vị"); the
    // Economic Division (pkt) was scheduled, audited, and had no finding.
    for name in [
        "ubnd-xa-tan-thanh-2008.json",
        "ubnd-phuong-my-tho-2015.json",
    ] {
        let d = example(name);
        let a = &d.audits[0];
        assert!(!a.findings.iter().any(|f| f.unit == "pkt"), "{name}");
        for lang in [Lang::Vi, Lang::En] {
            for audit in [Some(a.id.as_str()), None] {
                let rows = unit_rows(&d, audit, lang);
                assert_eq!(rows.len(), 4, "{name} {lang:?}: {rows:?}");
                let pkt = printed_unit_name(&d, "pkt", lang);
                let (_, counts) = rows
                    .iter()
                    .find(|(u, _)| *u == pkt)
                    .unwrap_or_else(|| panic!("{name} {lang:?}: no {pkt} in {rows:?}"));
                assert!(zeros(counts), "{name} {lang:?}: {counts:?}");
                // The others keep their counts: the totals add up to the findings.
                let total: f64 = rows.iter().map(|(_, c)| *c.last().unwrap()).sum();
                assert_eq!(total, a.findings.len() as f64, "{name} {lang:?}");
            }
        }
    }
}

/// The unit's name as the workbooks print it: English when the dossier gives one.
fn printed_unit_name(d: &Dossier, id: &str, lang: Lang) -> String {
    let vi = d.unit(id).unwrap().name.clone();
    match lang {
        Lang::En => d.english.unit(id).map_or(vi, str::to_owned),
        Lang::Vi => vi,
    }
}

#[test]
fn the_plan_decides_once_the_audit_has_taken_place_and_the_scope_never_does() {
    let mut d = example("so-khcn-ninh-binh.json");
    // Every unit of the Sở's audit had findings: five rows, none zero.
    let before = unit_rows(&d, None, Lang::Vi);
    assert_eq!(before.len(), 5);
    assert!(before.iter().all(|(_, c)| !zeros(c)), "{before:?}");
    // The Planning and Finance Division (khtc) added to the schedule: audited, no finding.
    let a = &mut d.audits[0];
    let mut row: ScheduleRow = a
        .plan
        .schedule
        .iter()
        .find(|r| r.unit.is_some())
        .unwrap()
        .clone();
    row.unit = Some("khtc".into());
    a.plan.schedule.push(row);
    // Named in the scope text only: not audited.
    a.plan.scope = Some(format!(
        "{}; Phòng Bưu chính, Viễn thông và Chuyển đổi số",
        a.plan.scope.clone().unwrap_or_default()
    ));
    let rows = unit_rows(&d, Some("dgnb-2026-1"), Lang::Vi);
    assert_eq!(rows.len(), 6, "{rows:?}");
    // In dossier order: khtc is the third unit of the dossier, after vp and tt (not audited).
    assert_eq!(rows[1].0, "Phòng Kế hoạch - Tài chính");
    assert!(zeros(&rows[1].1));
    assert!(!rows.iter().any(|(u, _)| u.contains("Bưu chính")));
    // The same audit before it took place (no report, no finding, no answer): no unit.
    let a = &mut d.audits[0];
    a.report = None;
    a.findings.clear();
    for c in &mut a.checklists {
        for i in &mut c.items {
            i.result = ItemResult::NotAudited;
        }
    }
    let rows = unit_rows(&d, None, Lang::En);
    assert!(rows.is_empty(), "{rows:?}");
}
