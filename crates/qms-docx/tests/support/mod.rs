//! Helpers of the document tests: fixtures and unzipping. The outside tools (LibreOffice,
//! python-docx, the schema checker) that read our files independently are driven by
//! `qms-testkit`, shared with the workbook tests.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;

/// The hand-written test dossier (Sở KH&CN, 2015 edition).
pub(crate) fn fixture() -> qms_core::Dossier {
    let text = include_str!("../fixtures/so-khcn-mini.json");
    qms_core::load(text.as_bytes()).expect("fixture is valid")
}

/// Options with a fixed "today".
pub(crate) fn opts() -> qms_docx::RenderOptions {
    qms_docx::RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 7, 1).unwrap())
}

/// A part of a package as text.
pub(crate) fn part(docx: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(docx)).unwrap();
    let mut f = zip
        .by_name(name)
        .unwrap_or_else(|_| panic!("no part {name}"));
    let mut s = String::new();
    f.read_to_string(&mut s).unwrap();
    s
}

/// The text of each paragraph of `word/document.xml`, in order (runs joined, breaks as "\n").
pub(crate) fn paragraphs(docx: &[u8]) -> Vec<String> {
    let xml = part(docx, "word/document.xml").replace("<w:br/>", "<w:t>\n</w:t>");
    let mut out = Vec::new();
    for p in xml.split("</w:p>") {
        let mut text = String::new();
        let mut rest = p;
        while let Some(i) = rest.find("<w:t") {
            rest = &rest[i + 4..];
            if rest.starts_with('>') || rest.starts_with(' ') {
                let start = rest.find('>').unwrap() + 1;
                let end = rest.find("</w:t>").unwrap();
                text.push_str(&unescape(&rest[start..end]));
                rest = &rest[end..];
            } else if rest.starts_with("ab/>") {
                text.push('\t');
            }
        }
        out.push(text);
    }
    out
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}
