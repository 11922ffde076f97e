#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The README's quick tour and the guides stay true: the table of what `qms demo` writes lists
//! exactly the files it writes, and every local link and image of README.md, docs/guide.*.md and
//! docs/reference.*.md leads somewhere (images small enough for a repository).

use std::path::{Path, PathBuf};
use std::process::Command;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

const TOUR: &str = "## Tham quan nhanh / Quick tour";
const LINKED: [&str; 5] = [
    "README.md",
    "docs/guide.vi.md",
    "docs/guide.en.md",
    "docs/reference.vi.md",
    "docs/reference.en.md",
];
/// Rendered pages are committed as PNG; this keeps the repository light.
const IMAGE_LIMIT: u64 = 150 * 1024;

/// The file names in the first column of the tour's table (code spans; `*` is a wildcard within
/// one folder).
fn tour_table(readme: &str) -> Vec<String> {
    let start = readme
        .find(TOUR)
        .expect("README.md has its quick tour section");
    let section = &readme[start..];
    let section = &section[..section.find("```").unwrap_or(section.len())];
    let mut names = Vec::new();
    for row in section.lines().filter(|l| l.starts_with("| `")) {
        let first = row.split('|').nth(1).unwrap_or_default();
        names.extend(first.split('`').skip(1).step_by(2).map(str::to_string));
    }
    names
}

fn matches(pattern: &str, file: &str) -> bool {
    match pattern.split_once('*') {
        None => pattern == file,
        Some((head, tail)) => {
            file.len() >= head.len() + tail.len()
                && file.starts_with(head)
                && file.ends_with(tail)
                && !file[head.len()..file.len() - tail.len()].contains('/')
        }
    }
}

fn files_under(dir: &Path, base: &Path, out: &mut Vec<String>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            files_under(&path, base, out);
        } else {
            let rel = path
                .strip_prefix(base)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/");
            out.push(rel);
        }
    }
}

#[test]
fn the_tour_table_lists_exactly_the_files_qms_demo_writes() {
    let readme = std::fs::read_to_string(repo().join("README.md")).unwrap();
    let listed = tour_table(&readme);
    assert!(listed.len() >= 10, "the tour table lists only {listed:?}");
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("demo");
    let o = Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(["demo", "-o", out.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let mut written = Vec::new();
    files_under(&out, &out, &mut written);
    written.sort();
    let unlisted: Vec<&String> = written
        .iter()
        .filter(|f| !listed.iter().any(|p| matches(p, f)))
        .collect();
    let absent: Vec<&String> = listed
        .iter()
        .filter(|p| !written.iter().any(|f| matches(p, f)))
        .collect();
    assert!(
        unlisted.is_empty() && absent.is_empty(),
        "README.md's quick-tour table (section \"{TOUR}\") no longer matches `qms demo`: \
         written but not listed {unlisted:?}; listed but not written {absent:?}. Update the table \
         (one row per file: name, Vietnamese title, English title)."
    );
}

/// GitHub's anchor of a heading: lower case, punctuation dropped, spaces as dashes.
fn slug(heading: &str) -> String {
    heading
        .trim()
        .to_lowercase()
        .chars()
        .filter(|c| c.is_alphanumeric() || *c == ' ' || *c == '-' || *c == '_')
        .map(|c| if c == ' ' { '-' } else { c })
        .collect()
}

/// The targets of the Markdown links and images of a text: `](target)`.
fn link_targets(text: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = text;
    while let Some(i) = rest.find("](") {
        rest = &rest[i + 2..];
        if let Some(end) = rest.find(')') {
            out.push(rest[..end].to_string());
        }
    }
    out
}

#[test]
fn every_local_link_and_image_of_the_docs_leads_somewhere() {
    let mut broken = Vec::new();
    for doc in LINKED {
        let path = repo().join(doc);
        let text = std::fs::read_to_string(&path).unwrap();
        let here = path.parent().unwrap().to_path_buf();
        for target in link_targets(&text) {
            if target.starts_with("http") {
                continue;
            }
            let (file, anchor) = target.split_once('#').unwrap_or((&target, ""));
            let linked = if file.is_empty() {
                path.clone()
            } else {
                here.join(file)
            };
            let Ok(meta) = std::fs::metadata(&linked) else {
                broken.push(format!("{doc}: {target}: no such file"));
                continue;
            };
            if file.ends_with(".png") && meta.len() > IMAGE_LIMIT {
                broken.push(format!(
                    "{doc}: {target}: {} bytes, over {IMAGE_LIMIT}",
                    meta.len()
                ));
            }
            if !anchor.is_empty() {
                let linked_text = std::fs::read_to_string(&linked).unwrap_or_default();
                let found = linked_text
                    .lines()
                    .filter_map(|l| l.strip_prefix('#'))
                    .any(|h| slug(h.trim_start_matches('#')) == anchor);
                if !found {
                    broken.push(format!("{doc}: {target}: no heading with that anchor"));
                }
            }
        }
    }
    assert!(
        broken.is_empty(),
        "broken links in the documentation:\n{}",
        broken.join("\n")
    );
}

#[test]
fn wildcards_and_anchors_read_as_on_github() {
    assert!(matches("tinh/ho-so/*.json", "tinh/ho-so/xa-0001.json"));
    assert!(!matches("tinh/ho-so/*.json", "tinh/ho-so/a/b.json"));
    assert!(!matches("tinh/*.json", "tinh/tong-hop.xlsx"));
    assert_eq!(slug(" AuditProgramme"), "auditprogramme");
    assert_eq!(slug("3d. Tổng hợp (tỉnh)"), "3d-tổng-hợp-tỉnh");
    assert_eq!(
        link_targets("see ![a](images/x.png) and [b](reference.en.md#unit)."),
        ["images/x.png", "reference.en.md#unit"]
    );
}
