//! The roll-up workbook's summary adds up: the table by grouping ends on the same total as
//! the table by agency kind above it.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use support::example;

use calamine::{Data, Reader, Xlsx};
use qms_core::Lang;
use qms_core::rollup::{Province, RollupOptions, summarize};
use std::io::Cursor;

/// Column A's label and column B's number, for every row of the first sheet that has both.
fn labelled_counts(bytes: &[u8]) -> Vec<(String, f64)> {
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = x.sheet_names()[0].clone();
    let range = x.worksheet_range(&name).unwrap();
    range
        .rows()
        .filter_map(|r| match (r.first(), r.get(1)) {
            (Some(Data::String(label)), Some(Data::Float(n))) => Some((label.clone(), *n)),
            (Some(Data::String(label)), Some(Data::Int(n))) => Some((label.clone(), *n as f64)),
            _ => None,
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
        let totals: Vec<f64> = rows
            .iter()
            .filter(|(l, _)| l == total)
            .map(|(_, n)| *n)
            .collect();
        // By kind, then by grouping: both count the two agencies.
        assert_eq!(totals, [2.0, 2.0], "{lang:?}: {rows:?}");
        assert!(rows.contains(&("Cụm 1".to_owned(), 1.0)), "{rows:?}");
        assert!(rows.contains(&(none.to_owned(), 1.0)), "{rows:?}");
    }
}
