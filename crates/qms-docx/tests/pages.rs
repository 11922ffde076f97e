//! Where LibreOffice breaks the pages of the example documents: a short corrective-action
//! request takes one page, and no page of any document ends with a heading whose text starts
//! the next page.
//!
//! Only page-level facts are read from the PDF (how many pages; which line ends a page), and
//! the documents ask for Times New Roman, which LibreOffice replaces by the metric-compatible
//! Liberation Serif (fonts-liberation, installed by `.ci/run`): line breaks, and so page
//! breaks, are the same as with Times New Roman itself.
//!
//! Each test skips with a notice when LibreOffice or poppler-utils is missing, and fails
//! instead under CI=true.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_docx::{DocumentKind, RenderOptions, Target, render, render_all};
use std::path::{Path, PathBuf};
use std::process::Command;
use support::*;

fn example(name: &str) -> qms_core::Dossier {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(format!("{name}.json"));
    qms_core::load(&std::fs::read(path).unwrap()).expect("example is valid")
}

fn options(lang: qms_core::Lang) -> RenderOptions {
    let mut o = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
    o.lang = lang;
    o
}

fn tools_present() -> bool {
    require("soffice (LibreOffice)", has_program("soffice", "--version"))
        && require("pdftotext (poppler-utils)", has_program("pdftotext", "-v"))
}

/// Converts `files` to PDF in `dir` (a private LibreOffice profile, so another soffice on the
/// machine does not collide) and returns each file's pages as `pdftotext -layout` reads them.
fn pages_of(dir: &Path, files: &[PathBuf]) -> Vec<Vec<String>> {
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    let out = Command::new("soffice")
        .args([profile.as_str(), "--headless", "--convert-to", "pdf"])
        .arg("--outdir")
        .arg(dir)
        .args(files)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    files
        .iter()
        .map(|f| {
            let pdf = dir.join(f.with_extension("pdf").file_name().unwrap());
            assert!(pdf.is_file(), "{} was not converted", f.display());
            let out = Command::new("pdftotext")
                .arg("-layout")
                .arg(&pdf)
                .arg("-")
                .output()
                .unwrap();
            let text = String::from_utf8(out.stdout).unwrap();
            let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
            if pages.last().is_some_and(|p| p.trim().is_empty()) {
                pages.pop();
            }
            pages
        })
        .collect()
}

#[test]
fn a_short_corrective_action_request_takes_one_page() {
    if !tools_present() {
        return;
    }
    let dir = scratch("car-pages");
    let mut files = Vec::new();
    // Requests with the four parts mostly still to fill by hand: one on a provincial
    // department's form (three-line agency name), one on a ward's, in both languages. The
    // ward's car-04 comes from an inspection whose finding it now prints in full (two
    // pages); without its finding link it is the ward's short form.
    for (example_name, id) in [
        ("so-khcn-ninh-binh", "car-09"),
        ("ubnd-phuong-my-tho-2015", "car-04"),
    ] {
        let mut d = example(example_name);
        if let Some(ca) = d.corrective_actions.iter_mut().find(|c| c.id == "car-04") {
            ca.finding = None;
        }
        for lang in [qms_core::Lang::Vi, qms_core::Lang::En] {
            let bytes = render(
                DocumentKind::Car,
                Target::CorrectiveAction(id),
                &d,
                &options(lang),
            )
            .unwrap();
            let path = dir.join(format!("{example_name}-{id}-{lang:?}.docx"));
            std::fs::write(&path, bytes).unwrap();
            files.push(path);
        }
    }
    for (f, pages) in files.iter().zip(pages_of(&dir, &files)) {
        assert_eq!(pages.len(), 1, "{}", f.display());
        // All four parts and the five signers are on it.
        let text = &pages[0];
        for part in ["1. ", "2. ", "2.4. ", "3. ", "4. "] {
            assert!(text.contains(part), "{}: part {part}", f.display());
        }
    }
}

/// The texts of the headings of a document (paragraphs in the Heading1 or Heading2 style,
/// wherever they stand), without white space.
fn headings(docx: &[u8]) -> Vec<String> {
    let xml = part(docx, "word/document.xml");
    let texts = paragraphs(docx);
    xml.split("</w:p>")
        .zip(texts)
        .filter(|(p, _)| {
            p.contains("<w:pStyle w:val=\"Heading1\"/>")
                || p.contains("<w:pStyle w:val=\"Heading2\"/>")
        })
        .map(|(_, t)| t.split_whitespace().collect())
        .collect()
}

#[test]
fn no_page_ends_with_a_heading() {
    if !tools_present() {
        return;
    }
    let dir = scratch("heading-pages");
    let mut files = Vec::new();
    let mut heads = Vec::new();
    for name in [
        "so-khcn-ninh-binh",
        "ubnd-xa-tan-thanh-2008",
        "ubnd-phuong-my-tho-2015",
    ] {
        let d = example(name);
        for lang in [qms_core::Lang::Vi, qms_core::Lang::En] {
            for (file, bytes) in render_all(&d, &options(lang)).unwrap() {
                if !file.ends_with(".docx") {
                    continue;
                }
                let path = dir.join(format!("{name}-{lang:?}-{file}"));
                std::fs::write(&path, &bytes).unwrap();
                heads.push(headings(&bytes));
                files.push(path);
            }
        }
    }
    assert!(heads.iter().filter(|h| !h.is_empty()).count() > 20);
    let mut stranded = Vec::new();
    for ((f, pages), heads) in files.iter().zip(pages_of(&dir, &files)).zip(&heads) {
        for (n, page) in pages.iter().enumerate().take(pages.len().saturating_sub(1)) {
            let lines: Vec<&str> = page.lines().filter(|l| !l.trim().is_empty()).collect();
            let Some((last, before)) = lines.split_last() else {
                continue;
            };
            // A table row in layout text has columns apart; a heading line never does.
            if last.trim().contains("   ") {
                continue;
            }
            // Compared without white space: a heading may wrap (then its start is on the
            // line before), and pdftotext spaces Vietnamese letters with stacked marks oddly.
            let squeeze = |l: &str| l.split_whitespace().collect::<String>();
            let one = squeeze(last);
            let two = before.last().map(|b| squeeze(b)).unwrap_or_default() + &one;
            if heads.iter().any(|h| {
                !h.is_empty() && (*h == one || (h.ends_with(&one) && two.ends_with(h.as_str())))
            }) {
                stranded.push(format!("{} page {}: {}", f.display(), n + 1, last.trim()));
            }
        }
    }
    assert!(stranded.is_empty(), "{stranded:#?}");
}
