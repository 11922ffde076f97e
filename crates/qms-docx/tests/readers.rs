//! Independent readers of our files: the ECMA-376 schema and package checker, LibreOffice
//! (its own text export for content; PDF pages only for page counts and page numbers), and
//! python-docx.
//!
//! Each test skips with a notice when its tool is missing, and fails instead under CI=true.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_docx::{DocumentKind, Target, render, render_all};
use qms_testkit::{
    convert, has_python_module, ooxml_check, ooxml_check_available, pdf_pages, pdftotext_available,
    python3, require, scratch, soffice_available,
};
use std::path::{Path, PathBuf};
use support::*;

/// Writes every document of the fixture (Vietnamese and English) and of the example
/// dossiers of the repository, when present, into `dir`.
fn write_all(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut en = opts();
    en.lang = qms_core::Lang::En;
    let bare = qms_core::load(include_str!("fixtures/minimal.json").as_bytes()).unwrap();
    let mut sets = vec![
        ("mini", fixture(), opts()),
        ("mini-en", fixture(), en),
        ("bare", bare, opts()),
    ];
    let examples = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples");
    for name in ["so-khcn-ninh-binh", "ubnd-xa-tan-thanh-2008"] {
        if let Ok(text) = std::fs::read(examples.join(format!("{name}.json"))) {
            sets.push((name, qms_core::load(&text).unwrap(), opts()));
        }
    }
    for (set, dossier, o) in sets {
        for (name, bytes) in render_all(&dossier, &o).unwrap() {
            let path = dir.join(format!("{set}-{name}"));
            std::fs::write(&path, bytes).unwrap();
            out.push(path);
        }
    }
    out
}

#[test]
fn every_document_passes_the_ooxml_schema_check() {
    if !ooxml_check_available() {
        return;
    }
    let dir = scratch("schema");
    let mut files = write_all(&dir);
    let spec = qms_core::sample::SampleSpec {
        checklist_items: 100,
        findings: 2_000,
        seed: 7,
        agency: 0,
    };
    let big = qms_core::sample::sample_dossier(&spec);
    let path = dir.join("big-report.docx");
    std::fs::write(
        &path,
        render(DocumentKind::Report, Target::Audit("a0000"), &big, &opts()).unwrap(),
    )
    .unwrap();
    files.push(path);
    ooxml_check(&dir, &files);
}

/// Content is read from LibreOffice's own text export (paragraphs and table cells in document
/// order), never from a rendered PDF: how a PDF's lines wrap depends on the fonts the machine
/// has, and pdftotext interleaves the lines of neighbouring table cells.
fn libreoffice_text(dir: &Path, files: &[PathBuf]) -> impl Fn(&str) -> String {
    // Beside the PDFs (same stems, another extension), with the same LibreOffice profile.
    convert(dir, files, "txt:Text (encoded):UTF8");
    let dir = dir.to_owned();
    move |stem: &str| {
        let path = dir.join(format!("{stem}.txt"));
        std::fs::read_to_string(&path)
            .unwrap_or_else(|e| panic!("{} was not exported: {e}", path.display()))
    }
}

#[test]
fn libreoffice_converts_and_shows_the_content() {
    if !(soffice_available() && pdftotext_available()) {
        return;
    }
    let dir = scratch("lo");
    let d = fixture();
    let mut files = Vec::new();
    for (name, bytes) in render_all(&d, &opts()).unwrap() {
        let path = dir.join(&name);
        std::fs::write(&path, bytes).unwrap();
        files.push(path);
    }
    // The rendered pages: only what pages alone show is read from them (the page count and
    // where page numbers stand), which does not depend on how lines wrap.
    let pdfs = convert(&dir, &files, "pdf");
    let text = libreoffice_text(&dir, &files);
    for (f, pdf) in files.iter().zip(&pdfs) {
        let stem = f.file_stem().unwrap().to_str().unwrap();
        let pages = pdf_pages(pdf);
        assert!(
            (1..=20).contains(&pages.len()),
            "{stem}: {} pages",
            pages.len()
        );
        // Page numbers: none on page 1, "2" at the top of page 2.
        assert!(
            !pages[0].trim_start().starts_with('1'),
            "{stem}: page 1 is numbered"
        );
        // In a bundle of requests each request numbers its pages from 1: a request of one
        // page is followed by the next request's unnumbered first page.
        let next_request =
            stem.starts_with("phieu-hdkp") && pages.get(1).is_some_and(|p| p.contains("PYC-HĐKP"));
        if pages.len() > 1 && !next_request {
            assert!(
                pages[1].trim_start().starts_with('2'),
                "{stem}: page 2 is not numbered"
            );
        }
        let plain = text(stem);
        assert!(
            plain.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "{stem}"
        );
        assert!(plain.contains("Độc lập - Tự do - Hạnh phúc"), "{stem}");
    }
    let report = text("bao-cao-dg2026-1");
    for (_, f) in d.findings() {
        assert_eq!(
            report.matches(f.statement.as_str()).count(),
            1,
            "finding {} as LibreOffice reads it",
            f.id
        );
    }
    for h in [
        "BÁO CÁO",
        "VII. PHÁT HIỆN ĐÁNH GIÁ VÀ BẰNG CHỨNG",
        "IX. KẾ HOẠCH THEO DÕI",
        "TRƯỞNG ĐOÀN ĐÁNH GIÁ",
    ] {
        assert!(report.contains(h), "{h}");
    }
    let minutes = text("bien-ban-hop-xx2026");
    for s in [
        "I. THÀNH PHẦN",
        "II. NỘI DUNG",
        "III. KẾT LUẬN",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "Nâng cấp phần mềm một cửa điện tử có chức năng nhắc hạn",
    ] {
        assert!(minutes.contains(s), "{s}");
    }
    let cars = text("phieu-hdkp-dg2026-1");
    assert_eq!(cars.matches("PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC").count(), 2);
}

#[test]
fn python_docx_reads_the_report() {
    if !require("python-docx", has_python_module("docx")) {
        return;
    }
    let dir = scratch("pydocx");
    let d = fixture();
    let path = dir.join("report.docx");
    std::fs::write(
        &path,
        render(DocumentKind::Report, Target::Audit("dg2026-1"), &d, &opts()).unwrap(),
    )
    .unwrap();
    let script = r#"
import json, sys, docx
doc = docx.Document(sys.argv[1])
cells = []
for t in doc.tables:
    for row in t.rows:
        seen = set()
        for c in row.cells:
            if id(c._tc) not in seen:
                seen.add(id(c._tc))
                cells.append(c.text)
s = doc.sections[0]
print(json.dumps({"paragraphs": [p.text for p in doc.paragraphs], "cells": cells,
  "page": [s.page_width.mm, s.page_height.mm, s.top_margin.mm, s.bottom_margin.mm, s.left_margin.mm, s.right_margin.mm],
  "font": doc.styles["Normal"].font.name, "different_first_page": s.different_first_page_header_footer}))
"#;
    let out = python3(&dir, ["-c", script, path.to_str().unwrap()]);
    let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
    let cells: Vec<&str> = v["cells"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    for (_, f) in d
        .findings()
        .filter(|(_, f)| f.kind != qms_core::model::FindingKind::GoodPractice)
    {
        // The statement opens the finding's detail cell (requirement and evidence follow).
        assert_eq!(
            cells
                .iter()
                .filter(|c| c.split('\n').next() == Some(f.statement.as_str()))
                .count(),
            1,
            "finding {}",
            f.id
        );
    }
    assert!(cells.contains(&"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n"));
    let page: Vec<i64> = v["page"]
        .as_array()
        .unwrap()
        .iter()
        .map(|x| x.as_f64().unwrap().round() as i64)
        .collect();
    assert_eq!(page, [210, 297, 20, 20, 30, 15]);
    assert_eq!(v["different_first_page"], true);
    let paragraphs: Vec<&str> = v["paragraphs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c.as_str().unwrap())
        .collect();
    assert!(paragraphs.contains(&"BÁO CÁO"));
}
