//! What an inspector checks on the records (issue 13), pinned on the example dossiers: facts
//! of the right period, page-break properties, signature blocks and form codes.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_docx::{DocumentKind, RenderOptions, Target, render};
use support::paragraphs;

fn example(name: &str) -> qms_core::Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    qms_core::load(&std::fs::read(path).unwrap()).expect("example is valid")
}

fn opts() -> RenderOptions {
    RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
}

fn so() -> qms_core::Dossier {
    example("so-khcn-ninh-binh.json")
}

#[test]
fn a_review_shows_only_the_objectives_of_its_period() {
    let d = so();
    let text = |id: &str| {
        paragraphs(&render(DocumentKind::ReviewReport, Target::Review(id), &d, &opts()).unwrap())
    };
    let statements: Vec<&str> = d
        .quality_objectives
        .iter()
        .map(|o| o.statement.as_str())
        .collect();
    assert!(d.quality_objectives.iter().all(|o| o.year == Some(2026)));
    // The 2025 review (period 11/2024 – 10/2025) must not list the 2026 objectives.
    let old = text("xxld-2025");
    for s in &statements {
        assert!(
            !old.iter().any(|p| p == s),
            "2026 objective in the 2025 review: {s}"
        );
    }
    assert!(!old.iter().any(|p| p == "Chưa đo"));
    // The 2026 review lists them.
    let new = text("xxld-2026");
    assert!(new.iter().any(|p| p == statements[0]));
}

#[test]
fn input_c3_lists_exactly_the_objectives_marked_as_process_performance() {
    let mut d = so();
    for o in &mut d.quality_objectives {
        o.process_performance = false;
    }
    // Marked, though its text has no "hạn".
    d.quality_objectives[1].process_performance = true;
    let bytes = render(
        DocumentKind::ReviewReport,
        Target::Review("xxld-2026"),
        &d,
        &opts(),
    )
    .unwrap();
    let text = paragraphs(&bytes);
    let c3 = text.iter().position(|p| p.starts_with("c3)")).unwrap();
    let c4 = text.iter().position(|p| p.starts_with("c4)")).unwrap();
    let section = &text[c3..c4];
    assert!(
        section
            .iter()
            .any(|p| *p == d.quality_objectives[1].statement)
    );
    // On-time objective (contains "hạn") is not marked, so it is not under c3.
    assert!(
        !section
            .iter()
            .any(|p| *p == d.quality_objectives[0].statement)
    );
}

#[test]
fn units_are_spaced_except_percent() {
    let d = so();
    let bytes = render(
        DocumentKind::ReviewReport,
        Target::Review("xxld-2026"),
        &d,
        &opts(),
    )
    .unwrap();
    let text = paragraphs(&bytes);
    assert!(text.iter().any(|p| p == "≤ 1 phản ánh"), "{text:?}");
    assert!(text.iter().any(|p| p == "≥ 95%"));
    assert!(!text.iter().any(|p| p.contains("1phản ánh")));
}
