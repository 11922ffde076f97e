//! The roll-up workbook's summary adds up: the tables by grouping end on the same totals as
//! the tables by agency kind above them.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::example;

use calamine::{Data, Reader, Xlsx};
use qms_core::Lang;
use qms_core::rollup::{Province, RollupOptions, summarize};
use std::io::Cursor;

/// Column A's label and the numbers beside it, for every row of the first sheet that has both.
fn labelled_counts(bytes: &[u8]) -> Vec<(String, Vec<f64>)> {
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = x.sheet_names()[0].clone();
    let range = x.worksheet_range(&name).unwrap();
    range
        .rows()
        .filter_map(|r| {
            let Some(Data::String(label)) = r.first() else {
                return None;
            };
            let numbers: Vec<f64> = r[1..]
                .iter()
                .filter_map(|c| match c {
                    Data::Float(n) => Some(*n),
                    Data::Int(n) => Some(*n as f64),
                    _ => None,
                })
                .collect();
            (!numbers.is_empty()).then(|| (label.clone(), numbers))
        })
        .collect()
}

#[test]
fn the_grouping_table_counts_the_agencies_of_no_grouping() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let opts = RollupOptions { year: 2025, today };
    let mut p = Province::new(opts);
    // One agency in a grouping, one in none.
    for (name, grouping) in [
        ("ubnd-phuong-my-tho-2015.json", Some("Cụm 1")),
        ("ubnd-xa-tan-thanh-2008.json", None),
    ] {
        let d = example(name);
        let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
        let mut row = summarize(name, &d, &diags, &opts);
        row.grouping = grouping.map(str::to_owned);
        p.add(row);
    }
    for (lang, total, none) in [
        (Lang::Vi, "Tổng cộng", "Không thuộc cụm, khu vực"),
        (Lang::En, "Total", "No grouping"),
    ] {
        let bytes = qms_xlsx::render_rollup(&p, lang).unwrap();
        let rows = labelled_counts(&bytes);
        let totals: Vec<&Vec<f64>> = rows
            .iter()
            .filter(|(l, _)| l == total)
            .map(|(_, n)| n)
            .collect();
        // By kind (the state of each QMS, then the year's activity), then by grouping (the
        // same two): the grouping tables end on the same totals as the kind tables.
        assert_eq!(totals.len(), 4, "{lang:?}: {rows:?}");
        assert_eq!(totals[0], totals[2], "{lang:?}: {rows:?}");
        assert_eq!(totals[1], totals[3], "{lang:?}: {rows:?}");
        assert_eq!(totals[0][0], 2.0, "two agencies: {rows:?}");
        let first = |label: &str| rows.iter().find(|(l, _)| l == label).map(|(_, n)| n[0]);
        assert_eq!(first("Cụm 1"), Some(1.0), "{rows:?}");
        assert_eq!(first(none), Some(1.0), "{rows:?}");
    }
}

/// A grouping too long for a cell is refused with the sheet and the cell where it would go,
/// not Excel's bare "String exceeds Excel's limit".
#[test]
fn a_grouping_too_long_for_a_cell_names_its_sheet_and_cell() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let opts = RollupOptions { year: 2025, today };
    let mut p = Province::new(opts);
    let name = "ubnd-phuong-my-tho-2015.json";
    let d = example(name);
    let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
    let mut row = summarize(name, &d, &diags, &opts);
    row.grouping = Some("Cụm ".repeat(10_000));
    p.add(row);
    let err = qms_xlsx::render_rollup(&p, Lang::Vi).unwrap_err();
    assert_eq!(err.code(), "cell-too-long");
    let text = err.to_string();
    assert!(text.contains("Tổng hợp"), "{text}");
    assert!(text.contains("grouping"), "{text}");
}
