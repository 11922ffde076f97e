#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)] // a benchmark binary
#![allow(unsafe_code)] // the counting allocator below, which only forwards to the system one
//! Benchmark: load and validate synthetic dossiers (from `qms sample`) of growing size, then run
//! the rules engine (`check`) on the loaded dossier.
//!
//! `cargo bench -p qms-core --bench load` prints, for each size, the median of several runs and
//! the ratio to the base size, so that linear growth can be read off directly. Sizes are
//! multiples of 100,000 checklist items and 10,000 findings; set `QMS_BENCH_SCALES=1,10` (the
//! default) to choose them and `QMS_BENCH_RUNS` for the number of runs (default 7).
//!
//! It runs on mimalloc, the allocator the `qms` binary ships with. Built with
//! `QMS_BENCH_ALLOC=system` in the environment (read at compile time: the allocator is chosen
//! before `main`), it runs on the system allocator (glibc) instead, for comparison.

use qms_core::sample::{SampleSpec, sample_dossier};
use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

/// Whether this build runs on the system allocator (`QMS_BENCH_ALLOC=system` when compiled).
const SYSTEM: bool = match option_env!("QMS_BENCH_ALLOC") {
    Some(s) => s.len() == 6 && s.as_bytes()[0] == b's',
    None => false,
};

/// Counts the bytes held, to report what the loaded model takes in memory.
struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
/// The same in the allocator's real blocks: mimalloc's size class of each block (its
/// `mi_usable_size`; no header), or on glibc the chunk (`malloc_usable_size` + its 8-byte
/// header: 16-byte steps, 32 bytes at least). Short of pages kept free, which the RSS line shows.
static BLOCKS: AtomicUsize = AtomicUsize::new(0);

/// glibc's chunk for a request (8 bytes of header, 16-byte steps, 32 at least).
fn chunk(size: usize) -> usize {
    (size + 8).div_ceil(16).max(2) * 16
}

/// The block the allocator really gave for `ptr`.
///
/// # Safety
/// `ptr` is a live block of this allocator.
unsafe fn block(ptr: *const u8, size: usize) -> usize {
    if SYSTEM {
        chunk(size)
    } else {
        // SAFETY: `ptr` is a live mimalloc block (the caller's contract).
        unsafe { mimalloc::MiMalloc.usable_size(ptr) }
    }
}

// SAFETY: every call forwards to one allocator (fixed at compile time) with the same arguments.
unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe {
            if SYSTEM {
                System.alloc(layout)
            } else {
                mimalloc::MiMalloc.alloc(layout)
            }
        };
        if !p.is_null() {
            HELD.fetch_add(layout.size(), Ordering::Relaxed);
            BLOCKS.fetch_add(unsafe { block(p, layout.size()) }, Ordering::Relaxed);
        }
        p
    }
    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        BLOCKS.fetch_sub(unsafe { block(ptr, layout.size()) }, Ordering::Relaxed);
        unsafe {
            if SYSTEM {
                System.dealloc(ptr, layout)
            } else {
                mimalloc::MiMalloc.dealloc(ptr, layout)
            }
        }
    }
    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let old = unsafe { block(ptr, layout.size()) };
        let p = unsafe {
            if SYSTEM {
                System.realloc(ptr, layout, new_size)
            } else {
                mimalloc::MiMalloc.realloc(ptr, layout, new_size)
            }
        };
        if !p.is_null() {
            HELD.fetch_add(new_size, Ordering::Relaxed);
            HELD.fetch_sub(layout.size(), Ordering::Relaxed);
            BLOCKS.fetch_add(unsafe { block(p, new_size) }, Ordering::Relaxed);
            BLOCKS.fetch_sub(old, Ordering::Relaxed);
        }
        p
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

unsafe extern "C" {
    /// mimalloc's `mi_collect`: frees what it can and returns free pages to the system.
    fn mi_collect(force: bool);
}

/// Resident memory of the process (Linux), in bytes.
fn rss() -> usize {
    std::fs::read_to_string("/proc/self/statm")
        .ok()
        .and_then(|s| s.split_whitespace().nth(1)?.parse::<usize>().ok())
        .map_or(0, |pages| pages * 4096)
}

/// CPU time of this thread, from the scheduler (Linux): unlike the wall clock, it does not
/// count the time other processes of a busy machine hold the cores.
fn cpu_time() -> Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(Duration::ZERO, Duration::from_nanos)
}

/// The C library's `struct timespec` (64-bit Linux).
#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

unsafe extern "C" {
    /// The C library's `clock_gettime`.
    fn clock_gettime(clock: i32, tp: *mut Timespec) -> i32;
}

/// Linux's `CLOCK_PROCESS_CPUTIME_ID`.
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;

/// CPU time of the whole process, every thread included: equal to this thread's while the
/// loader runs on one thread, and the honest figure if it ever uses more.
fn process_cpu_time() -> Duration {
    let mut t = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: `t` is a valid timespec for the call to fill.
    if unsafe { clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &mut t) } != 0 {
        return Duration::ZERO;
    }
    Duration::new(
        u64::try_from(t.tv_sec).unwrap_or(0),
        u32::try_from(t.tv_nsec).unwrap_or(0),
    )
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
        let mut model_blocks = 0;
        let mut resident = None;
        let mut cpu = Vec::with_capacity(runs);
        let mut all_cpu = Vec::with_capacity(runs);
        for _ in 0..runs {
            let before = HELD.load(Ordering::Relaxed);
            let blocks_before = BLOCKS.load(Ordering::Relaxed);
            let (t, c, a) = (Instant::now(), cpu_time(), process_cpu_time());
            let d = qms_core::load(&text);
            times.push(t.elapsed());
            cpu.push(cpu_time().saturating_sub(c));
            all_cpu.push(process_cpu_time().saturating_sub(a));
            model_bytes = HELD.load(Ordering::Relaxed).saturating_sub(before);
            model_blocks = BLOCKS.load(Ordering::Relaxed).saturating_sub(blocks_before);
            let d = d.expect("the sample dossier must load cleanly");
            let t = Instant::now();
            let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
            check_times.push(t.elapsed());
            assert!(!diags.is_empty());
            drop(diags);
            // The pages the model holds: resident memory with it, less without it, each time
            // once mimalloc has given its free pages back (so that neither counts the pages of
            // freed temporaries): its blocks, the unused rest of the pages they sit on, and the
            // allocator's page metadata.
            if SYSTEM {
                drop(d);
            } else {
                // SAFETY: mi_collect only returns free memory to the system.
                unsafe { mi_collect(true) };
                let with_model = rss();
                drop(d);
                // SAFETY: as above.
                unsafe { mi_collect(true) };
                resident = Some(with_model.saturating_sub(rss()));
            }
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
            "load+validate CPU time median={:>9.1} ms (this thread), {:.1} ms (all threads)",
            median(cpu).as_secs_f64() * 1000.0,
            median(all_cpu).as_secs_f64() * 1000.0
        );
        // Requested bytes: the allocator's own overhead per block comes on top.
        println!(
            "model in memory: {:.1} MB requested, {:.2}× the file",
            model_bytes as f64 / 1e6,
            model_bytes as f64 / text.len() as f64
        );
        let alloc = if SYSTEM { "glibc" } else { "mimalloc" };
        println!(
            "model in {alloc} blocks: {:.1} MB, {:.2}× the file",
            model_blocks as f64 / 1e6,
            model_blocks as f64 / text.len() as f64
        );
        if let Some(r) = resident {
            println!(
                "model in resident pages (RSS with it - RSS without it): {:.1} MB, {:.2}× the file",
                r as f64 / 1e6,
                r as f64 / text.len() as f64
            );
        }
    }
}
