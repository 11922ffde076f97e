//! Audit report rendering speed: 1,000, 10,000 and 100,000 findings in one audit, as
//! `bench/run.py` renders them (medians of several runs), and the time per finding, which
//! must stay flat as the audit grows.
//!
//! `cargo bench -p qms-docx --bench report`. Peak memory and the comparison with python-docx
//! are measured per process by `bench/run.py`.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use qms_core::sample::{SampleShape, SampleSpec, sample_dossier_shaped};
use qms_docx::{DocumentKind, RenderOptions, Target, render};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    let opts = RenderOptions::new(today);
    println!("| findings | runs | median ms | min ms | µs per finding | size KB |");
    println!("|---:|---:|---:|---:|---:|---:|");
    for (findings, runs) in [(1_000usize, 31usize), (10_000, 9), (100_000, 3)] {
        // The checklists do not reach the report: a few keep the dossier small.
        let spec = SampleSpec {
            checklist_items: 1_000,
            findings,
            seed: 42,
            agency: 0,
        };
        let shape = SampleShape {
            checklists_per_audit: usize::MAX,
            ..SampleShape::default()
        };
        let dossier = sample_dossier_shaped(&spec, &shape);
        let mut times = Vec::with_capacity(runs);
        let mut size = 0;
        for _ in 0..runs {
            let t = Instant::now();
            let bytes = render(
                DocumentKind::Report,
                Target::Audit("a0000"),
                &dossier,
                &opts,
            )
            .unwrap();
            times.push(t.elapsed());
            size = bytes.len();
        }
        let min = *times.iter().min().unwrap();
        let med = median(times);
        println!(
            "| {findings} | {runs} | {:.1} | {:.1} | {:.2} | {} |",
            med.as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            med.as_secs_f64() * 1e6 / findings as f64,
            size / 1024
        );
    }
}
