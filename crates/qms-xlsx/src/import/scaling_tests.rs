//! The import costs work in proportion to the rows, never more.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::io::{Cursor, Write};

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// CPU time of this thread (Linux), which other work on a busy machine does not stretch.
fn cpu_time() -> std::time::Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(std::time::Duration::ZERO, std::time::Duration::from_nanos)
}

/// A one-checklist dossier of `n` items and its exported workbook with every result cell
/// filled in (a note typed in each empty note cell, column I).
fn filled(n: usize) -> (qms_core::Dossier, Vec<u8>) {
    use qms_core::sample::{SampleShape, SampleSpec, sample_dossier_shaped};
    use std::io::Read;
    let d = sample_dossier_shaped(
        &SampleSpec {
            checklist_items: n,
            findings: 0,
            seed: 5,
            agency: 0,
        },
        &SampleShape {
            checklist_size: n,
            ..SampleShape::default()
        },
    );
    let audit = d.audits[0].id.clone();
    let opts = crate::ExportOptions {
        lang: qms_core::Lang::Vi,
        today: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        auditor: None,
        password: None,
    };
    let bytes = crate::export_checklists(&d, &audit, &opts).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
    let mut parts: Vec<(String, String)> = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            let mut out = String::with_capacity(text.len() * 2);
            let mut rest = text.as_str();
            // The style of the first item row's input cell (row 9), whatever its number.
            let mut input_style: Option<String> = None;
            while let Some(at) = rest.find(r#"<c r="I"#) {
                out.push_str(&rest[..at]);
                rest = &rest[at..];
                let end = rest.find('>').unwrap() + 1;
                let cell = &rest[..end];
                let row: u32 = cell[7..].split('"').next().unwrap().parse().unwrap();
                let style = cell
                    .split(r#" s=""#)
                    .nth(1)
                    .and_then(|s| s.split('"').next());
                if row == 9 {
                    input_style = style.map(str::to_owned);
                }
                // Only the unlocked input cells of item rows are self-closing below row 8.
                if row > 8 && cell.ends_with("/>") && style == input_style.as_deref() {
                    let s = style.unwrap_or("0");
                    out.push_str(&format!(
                        r#"<c r="I{row}" s="{s}" t="inlineStr"><is><t>Ghi chú {row}</t></is></c>"#
                    ));
                } else {
                    out.push_str(cell);
                }
                rest = &rest[end..];
            }
            out.push_str(rest);
            text = out;
        }
        parts.push((name, text));
    }
    let parts: Vec<(&str, String)> = parts.iter().map(|(n, t)| (&n[..], t.clone())).collect();
    (d, zip(&parts))
}

/// Ten times the rows take about ten times the work, reading, matching and applying
/// together. CPU time, best of two, with a generous bound (a quadratic step gives ×100).
#[test]
fn the_whole_import_is_linear_in_the_rows() {
    let cost = |n: usize| {
        let (d, bytes) = filled(n);
        let books = [crate::Workbook {
            name: "phieu.xlsx",
            bytes: &bytes,
        }];
        (0..2)
            .map(|_| {
                let t = cpu_time();
                let out = crate::import_checklists(&d, &books, &Default::default()).unwrap();
                let spent = cpu_time().saturating_sub(t);
                assert!(out.conflicts.is_empty(), "{:?}", out.conflicts.first());
                // Items the sample already answered keep their rows as exported.
                assert!(out.changes.len() > n / 4, "{} changes", out.changes.len());
                spent
            })
            .min()
            .unwrap_or_default()
    };
    let (small, large) = (cost(500), cost(5_000));
    if small.is_zero() {
        eprintln!("NOTICE: no per-thread CPU time on this system; ratio not checked");
        return;
    }
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(ratio < 30.0, "×{ratio:.1} time for ×10 rows");
}
