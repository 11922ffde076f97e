//! Helpers shared by the integration tests: small dossiers, and editing a workbook the way
//! a person would (typing into cells, sorting rows) by rewriting the sheet XML.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use qms_core::Dossier;
use qms_core::sample::{SampleSpec, sample_dossier};
use std::io::{Cursor, Read, Write};

/// One of the repository's example dossiers (`examples/NAME`).
pub fn example(name: &str) -> Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    qms_core::load(&std::fs::read(path).unwrap()).unwrap()
}

pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// A dossier with one audit of two checklists of `n` items each, no findings.
pub fn dossier(n: usize) -> Dossier {
    let mut d = sample_dossier(&SampleSpec {
        checklist_items: 2 * n.max(1),
        findings: 0,
        seed: 9,
        agency: 0,
    });
    d.audits.truncate(1);
    let a = &mut d.audits[0];
    let items = a
        .checklists
        .iter()
        .flat_map(|c| c.items.clone())
        .collect::<Vec<_>>();
    a.checklists.truncate(2);
    while a.checklists.len() < 2 {
        let mut c = a.checklists[0].clone();
        c.id = format!("{}-b", c.id);
        a.checklists.push(c);
    }
    for (k, c) in a.checklists.iter_mut().enumerate() {
        c.items = items.iter().skip(k * n).take(n).cloned().collect();
        for (i, it) in c.items.iter_mut().enumerate() {
            it.id = format!("i{i:03}");
            it.result = qms_core::model::ItemResult::NotAudited;
            it.evidence = None;
            it.note = None;
        }
    }
    d
}

pub fn export(d: &Dossier) -> Vec<u8> {
    let opts = qms_xlsx::ExportOptions {
        lang: qms_core::Lang::Vi,
        today: today(),
        auditor: None,
        password: None,
    };
    qms_xlsx::export_checklists(d, &d.audits[0].id, &opts).unwrap()
}

pub fn import(d: &Dossier, books: &[(&str, &[u8])], partial: bool) -> qms_xlsx::ImportOutcome {
    let wbs: Vec<qms_xlsx::Workbook<'_>> = books
        .iter()
        .map(|(name, bytes)| qms_xlsx::Workbook { name, bytes })
        .collect();
    qms_xlsx::import_checklists(
        d,
        &wbs,
        &qms_xlsx::ImportOptions {
            partial,
            lang: qms_core::Lang::Vi,
            list_changes: None,
        },
    )
    .unwrap()
}

/// The parts of a package, in order.
pub fn parts(bytes: &[u8]) -> Vec<(String, Vec<u8>)> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut f = zip.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

pub fn repack(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut out = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for (name, data) in parts {
        out.start_file(name.as_str(), opts).unwrap();
        out.write_all(data).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

/// Rewrites sheet `sheet` (1-based, as in xl/worksheets/sheetN.xml) with `f`.
pub fn edit_sheet(bytes: &[u8], sheet: usize, f: impl FnOnce(String) -> String) -> Vec<u8> {
    let name = format!("xl/worksheets/sheet{sheet}.xml");
    let mut ps = parts(bytes);
    let part = ps.iter_mut().find(|(n, _)| *n == name).expect("sheet");
    part.1 = f(String::from_utf8(part.1.clone()).unwrap()).into_bytes();
    repack(&ps)
}

/// The span of cell `r` ("F9") in the sheet XML, if present.
fn cell_span(xml: &str, r: &str) -> Option<(usize, usize)> {
    let start = xml.find(&format!("<c r=\"{r}\""))?;
    let rest = &xml[start..];
    let open_end = rest.find('>')?;
    if rest[..=open_end].ends_with("/>") {
        return Some((start, start + open_end + 1));
    }
    Some((start, start + rest.find("</c>")? + 4))
}

fn split_ref(r: &str) -> (String, u32) {
    let i = r.find(|c: char| c.is_ascii_digit()).unwrap();
    (r[..i].to_owned(), r[i..].parse().unwrap())
}

/// Types `text` into cell `r` as an inline string, keeping the cell's style.
pub fn set_cell(xml: String, r: &str, text: &str) -> String {
    let new_cell = |style: &str| {
        format!(
            "<c r=\"{r}\"{style} t=\"inlineStr\"><is><t xml:space=\"preserve\">{}</t></is></c>",
            escape(text)
        )
    };
    if let Some((a, b)) = cell_span(&xml, r) {
        let old = &xml[a..b];
        let style = old.find(" s=\"").map(|i| {
            let j = old[i + 4..].find('"').unwrap();
            old[i..i + 4 + j + 1].to_owned()
        });
        let cell = if text.is_empty() {
            format!("<c r=\"{r}\"{}/>", style.clone().unwrap_or_default())
        } else {
            new_cell(&style.unwrap_or_default())
        };
        return format!("{}{}{}", &xml[..a], cell, &xml[b..]);
    }
    // A cell not written yet: append it at the end of its row (tests only use columns right of J).
    let (_, row) = split_ref(r);
    let row_start = xml.find(&format!("<row r=\"{row}\"")).expect("row exists");
    let row_end = row_start + xml[row_start..].find("</row>").unwrap();
    format!("{}{}{}", &xml[..row_end], new_cell(""), &xml[row_end..])
}

/// The XML of row `row` (1-based).
fn row_span(xml: &str, row: u32) -> (usize, usize) {
    let a = xml.find(&format!("<row r=\"{row}\"")).expect("row");
    (a, a + xml[a..].find("</row>").unwrap() + 6)
}

fn renumber(row_xml: &str, from: u32, to: u32) -> String {
    let mut s = row_xml.replacen(
        &format!("<row r=\"{from}\""),
        &format!("<row r=\"{to}\""),
        1,
    );
    for c in ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J", "K"] {
        s = s.replace(&format!("<c r=\"{c}{from}\""), &format!("<c r=\"{c}{to}\""));
    }
    s
}

/// Swaps two rows (1-based) as sorting would.
pub fn swap_rows(xml: String, r1: u32, r2: u32) -> String {
    let (lo, hi) = (r1.min(r2), r1.max(r2));
    let (a1, b1) = row_span(&xml, lo);
    let (a2, b2) = row_span(&xml, hi);
    let row_lo = renumber(&xml[a1..b1], lo, hi);
    let row_hi = renumber(&xml[a2..b2], hi, lo);
    format!(
        "{}{}{}{}{}",
        &xml[..a1],
        row_hi,
        &xml[b1..a2],
        row_lo,
        &xml[b2..]
    )
}

/// Copies row `from` over row `to` (both exist), as a person pasting a row would.
pub fn copy_row(xml: String, from: u32, to: u32) -> String {
    let (a1, b1) = row_span(&xml, from);
    let copy = renumber(&xml[a1..b1], from, to);
    let (a2, b2) = row_span(&xml, to);
    format!("{}{}{}", &xml[..a2], copy, &xml[b2..])
}

/// Deletes row `row` (its cells; the rows below keep their numbers).
pub fn delete_row(xml: String, row: u32) -> String {
    let (a, b) = row_span(&xml, row);
    format!("{}{}", &xml[..a], &xml[b..])
}

/// Puts a formula into cell `r` (keeping its style), with a cached value or none (as openpyxl
/// and many tools write formulas).
pub fn set_formula(xml: String, r: &str, formula: &str, cached: Option<&str>) -> String {
    let (a, b) = cell_span(&xml, r).expect("cell exists");
    let old = &xml[a..b];
    let style = old
        .find(" s=\"")
        .map(|i| {
            let j = old[i + 4..].find('"').unwrap();
            old[i..i + 4 + j + 1].to_owned()
        })
        .unwrap_or_default();
    let cell = match cached {
        Some(v) => format!(
            "<c r=\"{r}\"{style} t=\"str\"><f>{}</f><v>{}</v></c>",
            escape(formula),
            escape(v)
        ),
        None => format!("<c r=\"{r}\"{style}><f>{}</f></c>", escape(formula)),
    };
    format!("{}{}{}", &xml[..a], cell, &xml[b..])
}
