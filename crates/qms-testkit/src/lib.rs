//! The plumbing the tests of the qms crates use to have their files read by independent
//! programs: LibreOffice (conversion to PDF, text or a re-saved workbook), poppler's
//! `pdftotext`, and python checks such as `shared/tools/ooxml_check.py`.
//!
//! One rule holds for every outside tool: a test that needs a missing tool prints a NOTICE
//! and passes, so a developer without LibreOffice can still run `cargo test`; under
//! `CI=true` the same test fails, so CI can never pass by skipping ([`require`]).
//!
//! ```no_run
//! use qms_testkit::{convert, pdf_pages, pdftotext_available, scratch, soffice_available};
//!
//! // Both tools, or a notice and the check left out (a failure under CI=true).
//! if soffice_available() && pdftotext_available() {
//!     let dir = scratch("example");
//!     let file = dir.join("report.docx");
//!     // ... write the document to `file` ...
//!     let pdfs = convert(&dir, &[&file], "pdf");
//!     assert_eq!(pdf_pages(&pdfs[0]).len(), 1);
//! }
//! ```
// The kit only ever runs inside tests, where failing loudly on a broken tool or file is the
// point: a panic is the test's failure message.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::ffi::OsStr;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::Command;

/// Whether tests must fail rather than skip when an outside tool is missing: `CI=true`.
///
/// ```
/// // Whatever the environment, the answer follows CI=true alone.
/// assert_eq!(
///     qms_testkit::strict(),
///     std::env::var("CI").is_ok_and(|v| v == "true")
/// );
/// ```
pub fn strict() -> bool {
    std::env::var("CI").is_ok_and(|v| v == "true")
}

/// Whether a check that needs `tool` can run: true when `available`; otherwise a NOTICE on
/// standard error and false (the test returns early and passes), or, under `CI=true`, a
/// panic (the test fails: CI must not pass by skipping).
///
/// ```
/// use qms_testkit::{has_program, require};
///
/// // A tool that is here runs the check, without a notice.
/// assert!(require("cargo", has_program("cargo", "--version")));
/// ```
pub fn require(tool: &str, available: bool) -> bool {
    if available {
        return true;
    }
    assert!(
        !strict(),
        "{tool} is required under CI=true but is not available"
    );
    // Straight to the stream: the test harness would swallow eprintln! of a passing test, and
    // the notice is there to be seen.
    let _ = writeln!(
        std::io::stderr(),
        "NOTICE: {tool} is not available; skipping this check (set CI=true to make it fail)"
    );
    false
}

/// Whether program `name` runs and succeeds with the one argument `arg` (such as
/// `--version`): being on PATH is not enough, a broken install must count as missing.
///
/// ```
/// use qms_testkit::has_program;
///
/// assert!(has_program("cargo", "--version"));
/// assert!(!has_program("qms-testkit-no-such-program", "--version"));
/// ```
pub fn has_program(name: &str, arg: &str) -> bool {
    Command::new(name)
        .arg(arg)
        .output()
        .is_ok_and(|o| o.status.success())
}

/// Whether `python3` can import `module` (or a comma-separated list, `"lxml, openpyxl"`).
///
/// ```no_run
/// use qms_testkit::{has_python_module, require};
///
/// if !require("python3 with lxml", has_python_module("lxml")) {
///     return;
/// }
/// ```
pub fn has_python_module(module: &str) -> bool {
    Command::new("python3")
        .args(["-c", &format!("import {module}")])
        .output()
        .is_ok_and(|o| o.status.success())
}

/// The path of `shared/tools/NAME` beside the repository (`<repo>/../shared/tools`), where
/// the project's outside checkers (`ooxml_check.py`, `page_audit.py`) live. It may not
/// exist: check with `is_file` and [`require`].
///
/// ```
/// let checker = qms_testkit::shared_tool("ooxml_check.py");
/// assert!(checker.ends_with("shared/tools/ooxml_check.py"));
/// ```
pub fn shared_tool(name: &str) -> PathBuf {
    // Found from the kit's own place, `<repo>/crates/qms-testkit`, so every crate that uses
    // the kit finds the same file whatever its own depth.
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../../shared/tools")
        .join(name)
}

/// Whether LibreOffice runs ([`require`]: a notice and false, or a failure under `CI=true`).
///
/// ```no_run
/// if !qms_testkit::soffice_available() {
///     return;
/// }
/// ```
pub fn soffice_available() -> bool {
    require("soffice (LibreOffice)", has_program("soffice", "--version"))
}

/// Whether poppler's `pdftotext` runs ([`require`]: a notice and false, or a failure under
/// `CI=true`).
///
/// ```no_run
/// if !(qms_testkit::soffice_available() && qms_testkit::pdftotext_available()) {
///     return;
/// }
/// ```
pub fn pdftotext_available() -> bool {
    require("pdftotext (poppler-utils)", has_program("pdftotext", "-v"))
}

/// Runs `python3` with `args` in `dir` (a script with `-c`, or a file) and returns what it
/// wrote to standard output, failing the test with its standard error unless it succeeds.
///
/// ```no_run
/// let dir = qms_testkit::scratch("python");
/// let out = qms_testkit::python3(&dir, ["-c", "print(2 + 2)"]);
/// assert_eq!(out, b"4\n");
/// ```
pub fn python3<I>(dir: &Path, args: I) -> Vec<u8>
where
    I: IntoIterator,
    I::Item: AsRef<OsStr>,
{
    run(Command::new("python3").args(args).current_dir(dir))
}

/// Whether the schema checker can run: `shared/tools/ooxml_check.py` is there and python3 has
/// lxml ([`require`] for each: a notice and false, or a failure under `CI=true`).
///
/// ```no_run
/// if qms_testkit::ooxml_check_available() {
///     qms_testkit::ooxml_check(&qms_testkit::scratch("schema"), &["report.docx"]);
/// }
/// ```
pub fn ooxml_check_available() -> bool {
    require(
        "shared/tools/ooxml_check.py",
        shared_tool("ooxml_check.py").is_file(),
    ) && require("python3 with lxml", has_python_module("lxml"))
}

/// Runs the ECMA-376 schema and package checker (`shared/tools/ooxml_check.py`) on `files`
/// from `dir` (relative paths are relative to it), and fails the test unless it succeeds and
/// reports every file OK: a file it skipped or could not read must not pass unseen.
/// Returns its report. Check [`ooxml_check_available`] first.
///
/// ```no_run
/// let dir = qms_testkit::scratch("schema");
/// // ... write book.xlsx and report.docx into dir ...
/// let report = qms_testkit::ooxml_check(&dir, &["book.xlsx", "report.docx"]);
/// assert!(report.contains("report.docx: OK"));
/// ```
pub fn ooxml_check<P: AsRef<Path>>(dir: &Path, files: &[P]) -> String {
    let out = run(Command::new("python3")
        .arg(shared_tool("ooxml_check.py"))
        .args(files.iter().map(AsRef::as_ref))
        .current_dir(dir));
    let report = String::from_utf8_lossy(&out).into_owned();
    assert_eq!(
        report.lines().filter(|l| l.ends_with(": OK")).count(),
        files.len(),
        "{report}"
    );
    report
}

/// A fresh, empty directory for one test: `qms-test-NAME-PID` in the system's temporary
/// directory. The process id keeps two runs at once (two target dirs, two engineers) apart;
/// `name` keeps the tests of one test binary apart, so give each test its own.
///
/// ```
/// let dir = qms_testkit::scratch("doc-example");
/// std::fs::write(dir.join("a.txt"), "x").unwrap();
/// // Asked again, it is empty again.
/// let dir = qms_testkit::scratch("doc-example");
/// assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 0);
/// ```
pub fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qms-test-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    // A test that cannot make its scratch folder has nothing to run on: failing is its answer.
    std::fs::create_dir_all(&dir).unwrap_or_else(|e| panic!("scratch {}: {e}", dir.display()));
    dir
}

/// Runs LibreOffice headless in `dir` with `args`, and fails the test with its message when
/// it fails. The profile is private (`DIR/profile`): LibreOffice allows one process per
/// profile, so tests running in parallel, or a LibreOffice the developer has open, would
/// otherwise collide. Relative paths in `args` are relative to `dir`.
///
/// ```no_run
/// let dir = qms_testkit::scratch("resave");
/// // A re-save must go to another folder: LibreOffice will not overwrite its input.
/// qms_testkit::soffice(&dir, ["--convert-to", "xlsx", "--outdir", "lo", "book.xlsx"]);
/// ```
pub fn soffice<I>(dir: &Path, args: I)
where
    I: IntoIterator,
    I::Item: AsRef<OsStr>,
{
    let profile = format!(
        "-env:UserInstallation=file://{}",
        dir.join("profile").display()
    );
    run(Command::new("soffice")
        .args([profile.as_str(), "--headless"])
        .args(args)
        .current_dir(dir));
}

/// Converts `files` with LibreOffice (one start for all of them) into `dir`, to the format
/// `to` (`"pdf"`, `"txt:Text (encoded):UTF8"`: the extension is what comes before any `:`),
/// and returns the outputs' paths in the order of `files`, failing the test if any is missing
/// (LibreOffice can succeed without writing a file it could not read).
///
/// ```no_run
/// let dir = qms_testkit::scratch("to-text");
/// let file = dir.join("minutes.docx");
/// let txt = qms_testkit::convert(&dir, &[&file], "txt:Text (encoded):UTF8");
/// assert!(std::fs::read_to_string(&txt[0]).unwrap().contains("BIÊN BẢN"));
/// ```
pub fn convert<P: AsRef<Path>>(dir: &Path, files: &[P], to: &str) -> Vec<PathBuf> {
    let outdir = dir.as_os_str();
    let mut args: Vec<&OsStr> = vec![
        "--convert-to".as_ref(),
        to.as_ref(),
        "--outdir".as_ref(),
        outdir,
    ];
    args.extend(files.iter().map(|f| f.as_ref().as_os_str()));
    soffice(dir, args);
    files
        .iter()
        .map(|f| {
            let out = converted(dir, f.as_ref(), to);
            assert!(out.is_file(), "{} was not converted", f.as_ref().display());
            out
        })
        .collect()
}

/// Runs `command` and returns its standard output, failing the test with everything it wrote
/// unless it succeeds: an outside reader that fails is the test's failure, not a skip.
fn run(command: &mut Command) -> Vec<u8> {
    let out = command
        .output()
        .unwrap_or_else(|e| panic!("{command:?} does not start: {e}"));
    assert!(
        out.status.success(),
        "{command:?} failed ({}):\n{}\n{}",
        out.status,
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    out.stdout
}

/// Where LibreOffice writes `file` converted to `to` with `--outdir dir`: the same stem, the
/// filter's extension (`"txt:Text (encoded):UTF8"` gives `.txt`).
fn converted(dir: &Path, file: &Path, to: &str) -> PathBuf {
    let extension = to.split(':').next().unwrap_or(to);
    // The files converted are documents a test wrote, never a folder or "..": a name is there.
    let name = file.with_extension(extension);
    dir.join(name.file_name().unwrap_or(name.as_os_str()))
}

/// The pages of a PDF as `pdftotext -layout` reads them (form feeds end the pages; the empty
/// text after the last one is not a page). Read from a PDF only what pages alone show (how
/// many, which text is on which, page numbers): how lines wrap depends on the machine's fonts.
///
/// ```no_run
/// let pages = qms_testkit::pdf_pages(std::path::Path::new("report.pdf"));
/// assert!(!pages[0].trim_start().starts_with('1'), "page 1 is not numbered");
/// ```
pub fn pdf_pages(pdf: &Path) -> Vec<String> {
    let out = run(Command::new("pdftotext").arg("-layout").arg(pdf).arg("-"));
    // pdftotext writes UTF-8 (its default encoding); anything else is shown, not a crash.
    split_pages(&String::from_utf8_lossy(&out))
}

/// pdftotext's text split into pages: it ends every page with a form feed, so the text after
/// the last one is empty and no page. An empty page inside the document stays (a blank page
/// is a fact the page tests look for).
fn split_pages(text: &str) -> Vec<String> {
    let mut pages: Vec<String> = text.split('\u{c}').map(str::to_owned).collect();
    if pages.last().is_some_and(|p| p.trim().is_empty()) {
        pages.pop();
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_end_at_form_feeds_and_the_text_after_the_last_is_no_page() {
        let pages = split_pages("  1\nTitle\n\u{c}\u{c}  3\nEnd\n\u{c}");
        assert_eq!(pages, ["  1\nTitle\n", "", "  3\nEnd\n"]);
        // A text whose last page has no form feed keeps that page.
        assert_eq!(split_pages("a\u{c}b"), ["a", "b"]);
        assert!(split_pages("").is_empty());
    }

    #[test]
    fn a_conversion_keeps_the_stem_and_takes_the_filters_extension() {
        let dir = Path::new("/out");
        assert_eq!(
            converted(dir, Path::new("/in/bien-ban.docx"), "pdf"),
            Path::new("/out/bien-ban.pdf")
        );
        assert_eq!(
            converted(dir, Path::new("so.v2.xlsx"), "txt:Text (encoded):UTF8"),
            Path::new("/out/so.v2.txt")
        );
    }

    #[test]
    fn a_missing_tool_skips_or_fails_under_ci() {
        // Both sides of the rule, whichever this run is under.
        let skipped = std::panic::catch_unwind(|| {
            require("nothing (the kit's own test of the skip rule)", false)
        });
        if strict() {
            assert!(
                skipped.is_err(),
                "CI=true must fail a test without its tool"
            );
        } else {
            assert!(!skipped.unwrap(), "without CI=true the check is skipped");
        }
        assert!(require("a tool that is here", true));
    }

    #[test]
    fn a_reader_that_fails_fails_the_test_and_one_that_succeeds_gives_its_output() {
        // The cargo that builds the kit is a program sure to be here.
        let cargo = env!("CARGO");
        let out = run(Command::new(cargo).arg("--version"));
        assert!(String::from_utf8(out).unwrap().starts_with("cargo "));
        let failed = std::panic::catch_unwind(|| run(Command::new(cargo).arg("--no-such-option")));
        assert!(failed.is_err());
        let missing = std::panic::catch_unwind(|| run(&mut Command::new("qms-testkit-no-such")));
        assert!(missing.is_err());
    }

    #[test]
    fn scratch_directories_are_fresh_and_apart() {
        let a = scratch("kit-a");
        std::fs::write(a.join("left-over"), "x").unwrap();
        assert_eq!(scratch("kit-a"), a);
        assert_eq!(std::fs::read_dir(&a).unwrap().count(), 0);
        assert_ne!(scratch("kit-b"), a);
        let _ = std::fs::remove_dir_all(&a);
        let _ = std::fs::remove_dir_all(scratch("kit-b"));
    }
}
