//! A date Excel cannot show (before 1900) is written as text, never as a negative serial that
//! Excel shows as `#####`; other dates stay date cells.

#![allow(clippy::unwrap_used, clippy::expect_used)] // test helpers fail loudly on purpose

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use qms_xlsx::{RenderOptions, WorkbookKind, render};
use std::io::Cursor;

#[test]
fn dates_before_1900_are_written_as_text() {
    let mut d = qms_core::load(include_bytes!("../../../examples/so-khcn-ninh-binh.json")).unwrap();
    let ca = d
        .corrective_actions
        .iter_mut()
        .find(|c| c.actions.len() >= 2)
        .expect("a corrective action with two steps");
    ca.actions[0].due = NaiveDate::from_ymd_opt(1850, 3, 4).unwrap();
    ca.actions[0].completed_on = NaiveDate::from_ymd_opt(-5, 1, 2);
    ca.actions[1].due = NaiveDate::from_ymd_opt(2026, 7, 9).unwrap();
    // A dossier loaded from a file cannot have such years (QMS-V007): this one is built in code.
    assert!(
        qms_core::validate(&d)
            .iter()
            .any(|p| p.code() == "QMS-V007")
    );
    let opts = RenderOptions {
        lang: qms_core::Lang::Vi,
        today: NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
    };
    let bytes = render(WorkbookKind::Actions, &d, None, &opts).unwrap();
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(&bytes)).unwrap();
    let name = x.sheet_names()[0].clone();
    let range = x.worksheet_range(&name).unwrap();
    let cells: Vec<&Data> = range.rows().flatten().collect();
    assert!(
        cells
            .iter()
            .any(|c| matches!(c, Data::String(s) if s == "04/03/1850")),
        "{cells:?}"
    );
    assert!(
        cells
            .iter()
            .any(|c| matches!(c, Data::String(s) if s.starts_with("02/01/-"))),
        "{cells:?}"
    );
    // Every date cell is a date Excel can show: no negative or zero serial anywhere.
    let dates: Vec<f64> = cells
        .iter()
        .filter_map(|c| match c {
            Data::DateTime(dt) => Some(dt.as_f64()),
            _ => None,
        })
        .collect();
    assert!(!dates.is_empty());
    assert!(dates.iter().all(|&s| s >= 1.0), "{dates:?}");
    // 2026-07-09 as Excel's serial (days since 1899-12-30).
    let later = (NaiveDate::from_ymd_opt(2026, 7, 9).unwrap()
        - NaiveDate::from_ymd_opt(1899, 12, 30).unwrap())
    .num_days() as f64;
    assert!(dates.contains(&later), "{dates:?}");
}
