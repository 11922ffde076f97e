//! Helpers of the document tests: fixtures, unzipping, and the outside tools (LibreOffice,
//! python-docx, the schema checker) that read our files independently.
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

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

/// Whether the test run must not skip checks that need outside tools.
pub(crate) fn strict() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Skips (with a notice) or, under CI=true, fails when a tool is missing.
pub(crate) fn require(tool: &str, available: bool) -> bool {
    if available {
        return true;
    }
    assert!(
        !strict(),
        "{tool} is required under CI=true but is not available"
    );
    // Straight to the stream: the test harness would swallow eprintln! of a passing test.
    use std::io::Write;
    let _ = writeln!(
        std::io::stderr(),
        "NOTICE: {tool} is not available; skipping this check (set CI=true to make it fail)"
    );
    false
}

/// Whether a program runs.
pub(crate) fn has_program(name: &str, arg: &str) -> bool {
    Command::new(name)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether python3 can import a module.
pub(crate) fn has_python_module(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// `shared/tools/ooxml_check.py` beside the repository (`<repo>/../shared`), if it is there.
pub(crate) fn ooxml_checker() -> Option<PathBuf> {
    let repo = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    Some(repo.join("../shared/tools/ooxml_check.py")).filter(|p| p.is_file())
}

/// A fresh scratch directory under the target directory.
pub(crate) fn scratch(name: &str) -> PathBuf {
    let base = option_env!("CARGO_TARGET_TMPDIR")
        .map(PathBuf::from)
        .unwrap_or_else(std::env::temp_dir);
    let dir = base.join(format!("qms-docx-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
