//! Audit report rendering speed: 1,000 and 10,000 findings (medians of several runs).
//!
//! `cargo bench -p qms-docx --bench report`. Peak memory and the comparison with python-docx
//! are measured per process by `benches/compare_peers.py` (see there).
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

use qms_core::sample::{SampleSpec, sample_dossier};
use qms_docx::{DocumentKind, RenderOptions, Target, render};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 20).unwrap();
    let opts = RenderOptions::new(today);
    println!("| findings | runs | median ms | min ms | size KB |");
    println!("|---:|---:|---:|---:|---:|");
    for (findings, runs) in [(1_000usize, 31usize), (10_000, 7)] {
        let spec = SampleSpec {
            checklist_items: 100,
            findings,
            seed: 42,
            agency: 0,
        };
        let dossier = sample_dossier(&spec);
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
        println!(
            "| {findings} | {runs} | {:.1} | {:.1} | {} |",
            median(times).as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            size / 1024
        );
    }
}
