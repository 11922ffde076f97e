//! No word of a table heading (nor of a finding's kind, "Nonconformity", "Opportunity for
//! improvement") is wider than its column, in Vietnamese and in English, for every document of
//! the example dossiers: a word wider than its cell is broken mid-word ("Observati / on").
//!
//! Read from the XML (`w:tcW` and the text of the cells of heading rows) with the estimate of
//! `qms_docx::measure`; no fonts, no PDF.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_core::Lang;
use qms_core::model::FindingKind;
use qms_docx::measure::{CELL_MARGIN, longest_word};
use std::path::Path;
use support::*;

/// `(w:tcW, text, in a heading row)` of every cell of every table (words of a line break
/// count apart).
fn cells(xml: &str) -> Vec<(u32, String, bool)> {
    let xml = xml.replace("<w:br/>", "<w:t> </w:t>");
    let mut out = Vec::new();
    for row in xml.split("<w:tr>").skip(1) {
        let row = row.split("</w:tr>").next().unwrap_or("");
        let heading = row.contains("<w:tblHeader/>");
        for tc in row.split("<w:tc>").skip(1) {
            let w: u32 = tc
                .split("<w:tcW w:w=\"")
                .nth(1)
                .and_then(|r| r.split('"').next())
                .and_then(|n| n.parse().ok())
                .expect("every cell has a width");
            let mut text = String::new();
            // "<w:t>" or "<w:t xml:space=…>"; "<w:tcW", "<w:tab/>" and the like are not text.
            for t in tc.split("<w:t").skip(1) {
                if t.starts_with('>') || t.starts_with(' ') {
                    let start = t.find('>').unwrap() + 1;
                    let end = t.find("</w:t>").unwrap();
                    text.push_str(&t[start..end]);
                }
            }
            out.push((w, text, heading));
        }
    }
    out
}

/// The half-point size of the `CellHead` style.
fn heading_size(styles: &str) -> u32 {
    let style = styles
        .split("w:styleId=\"CellHead\"")
        .nth(1)
        .expect("a CellHead style");
    let style = style.split("</w:style>").next().unwrap();
    style
        .split("<w:sz w:val=\"")
        .nth(1)
        .and_then(|r| r.split('"').next())
        .and_then(|n| n.parse().ok())
        .expect("CellHead has a size")
}

#[test]
fn every_heading_word_fits_its_column_in_both_languages() {
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    let mut checked = 0;
    let mut bad = Vec::new();
    for name in [
        "so-khcn-ninh-binh",
        "ubnd-phuong-my-tho-2015",
        "ubnd-xa-tan-thanh-2008",
    ] {
        let text = std::fs::read(examples.join(format!("{name}.json"))).unwrap();
        let dossier = qms_core::load(&text).unwrap();
        for lang in [Lang::Vi, Lang::En] {
            let mut o = opts();
            o.lang = lang;
            let kinds: Vec<&str> = FindingKind::ALL.iter().map(|k| k.label(lang)).collect();
            for (doc, bytes) in qms_docx::render_all(&dossier, &o).unwrap() {
                let size = heading_size(&part(&bytes, "word/styles.xml"));
                for (w, text, heading) in cells(&part(&bytes, "word/document.xml")) {
                    if !heading && !kinds.contains(&text.as_str()) {
                        continue;
                    }
                    checked += 1;
                    if longest_word(&text, size) + 2 * CELL_MARGIN > w {
                        bad.push(format!("{name} {lang:?} {doc}: {text:?} in {w} twips"));
                    }
                }
            }
        }
    }
    assert!(checked > 100, "only {checked} heading cells found");
    assert!(
        bad.is_empty(),
        "words wider than their column:\n{}",
        bad.join("\n")
    );
}
