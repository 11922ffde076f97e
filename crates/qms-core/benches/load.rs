#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)] // a benchmark binary
#![allow(unsafe_code)] // the counting allocator below, which only forwards to the system one
//! Benchmark: load and validate synthetic dossiers (from `qms sample`) of growing size, then run
//! the rules engine (`check`) on the loaded dossier.
//!
//! `cargo bench -p qms-core --bench load` prints, for each size, the median of several runs and
//! the ratio to the base size, so that linear growth can be read off directly. Sizes are
//! multiples of 100,000 checklist items and 10,000 findings; set `QMS_BENCH_SCALES=1,10` (the
//! default) to choose them and `QMS_BENCH_RUNS` for the number of runs (default 7).

use qms_core::sample::{SampleSpec, sample_dossier};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Counts the bytes held, to report what the loaded model takes in memory.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
/// The same in glibc's chunks (8 bytes of header, 16-byte steps, 32 at least): what the
/// blocks really take, short of the allocator's free lists.
static CHUNKS: AtomicUsize = AtomicUsize::new(0);

fn chunk(size: usize) -> usize {
    (size + 8).div_ceil(16).max(2) * 16
}

// SAFETY: every call forwards to the system allocator with the same arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        HELD.fetch_add(layout.size(), Ordering::Relaxed);
        CHUNKS.fetch_add(chunk(layout.size()), Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        CHUNKS.fetch_sub(chunk(layout.size()), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        HELD.fetch_add(new_size, Ordering::Relaxed);
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        CHUNKS.fetch_add(chunk(new_size), Ordering::Relaxed);
        CHUNKS.fetch_sub(chunk(layout.size()), Ordering::Relaxed);
        unsafe { System.realloc(ptr, layout, new_size) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

/// CPU time of this thread, from the scheduler (Linux): unlike the wall clock, it does not
/// count the time other processes of a busy machine hold the cores.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn main() {
    let scales: Vec<usize> = std::env::var("QMS_BENCH_SCALES")
        .unwrap_or_else(|_| "1,10".into())
        .split(',')
        .filter_map(|s| s.trim().parse().ok())
        .collect();
    let runs: usize = std::env::var("QMS_BENCH_RUNS")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(7)
        .max(1);
    let mut base: Option<f64> = None;
    let mut check_base: Option<f64> = None;
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    for scale in scales {
        let spec = SampleSpec {
            checklist_items: 100_000 * scale,
            findings: 10_000 * scale,
            seed: 2026,
            agency: 0,
        };
        let text = serde_json::to_vec(&sample_dossier(&spec)).unwrap_or_default();
        let mut times = Vec::with_capacity(runs);
        let mut check_times = Vec::with_capacity(runs);
        let mut model_bytes = 0;
        let mut model_chunks = 0;
        let mut cpu = Vec::with_capacity(runs);
        for _ in 0..runs {
            let before = HELD.load(Ordering::Relaxed);
            let chunks_before = CHUNKS.load(Ordering::Relaxed);
            let (t, c) = (Instant::now(), cpu_time());
            let d = qms_core::load(&text);
            times.push(t.elapsed());
            cpu.push(cpu_time().saturating_sub(c));
            model_bytes = HELD.load(Ordering::Relaxed).saturating_sub(before);
            model_chunks = CHUNKS.load(Ordering::Relaxed).saturating_sub(chunks_before);
            let d = d.expect("the sample dossier must load cleanly");
            let t = Instant::now();
            let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
            check_times.push(t.elapsed());
            assert!(!diags.is_empty());
            drop(d);
        }
        let cm = median(check_times).as_secs_f64() * 1000.0;
        let cratio = check_base.map(|b| cm / b);
        check_base.get_or_insert(cm);
        println!(
            "check         items={:>9} findings={:>7} median={:>9.1} ms runs={runs}{}",
            spec.checklist_items,
            spec.findings,
            cm,
            cratio.map_or(String::new(), |r| format!(" ratio_to_base={r:.2}")),
        );
        let m = median(times);
        let ms = m.as_secs_f64() * 1000.0;
        let ratio = base.map(|b| ms / b);
        base.get_or_insert(ms);
        println!(
            "load+validate items={:>9} findings={:>7} bytes={:>11} median={:>9.1} ms runs={runs}{}",
            spec.checklist_items,
            spec.findings,
            text.len(),
            ms,
            ratio.map_or(String::new(), |r| format!(" ratio_to_base={r:.2}")),
        );
        println!(
            "load+validate CPU time median={:>9.1} ms",
            median(cpu).as_secs_f64() * 1000.0
        );
        // Requested bytes: the allocator's own overhead per block comes on top.
        println!(
            "model in memory: {:.1} MB requested, {:.2}× the file",
            model_bytes as f64 / 1e6,
            model_bytes as f64 / text.len() as f64
        );
        println!(
            "model in malloc chunks: {:.1} MB, {:.2}× the file",
            model_chunks as f64 / 1e6,
            model_chunks as f64 / text.len() as f64
        );
    }
}
