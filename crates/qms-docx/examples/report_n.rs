//! Writes the audit report of a synthetic dossier with N findings, for per-process
//! measurements (wall time, peak memory) next to the python-docx peer.
//!
//! `cargo run --release -p qms-docx --example report_n -- 10000 /tmp/report.docx`
#![allow(clippy::unwrap_used, clippy::expect_used)]

use qms_core::sample::{SampleSpec, sample_dossier};
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let findings: usize = args[1].parse().expect("N");
    let t0 = Instant::now();
    let spec = SampleSpec {
        checklist_items: 100,
        findings,
        seed: 42,
        agency: 0,
    };
    let dossier = sample_dossier(&spec);
    let t1 = Instant::now();
    let opts = qms_docx::RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap());
    let bytes = qms_docx::render(
        qms_docx::DocumentKind::Report,
        qms_docx::Target::Audit("a0000"),
        &dossier,
        &opts,
    )
    .unwrap();
    let t2 = Instant::now();
    std::fs::write(&args[2], &bytes).unwrap();
    println!(
        "{{\"tool\": \"qms-docx\", \"n\": {findings}, \"dossier_s\": {:.4}, \"render_s\": {:.4}, \"total_s\": {:.4}, \"bytes\": {}}}",
        (t1 - t0).as_secs_f64(),
        (t2 - t1).as_secs_f64(),
        (t2 - t0).as_secs_f64(),
        bytes.len()
    );
}
