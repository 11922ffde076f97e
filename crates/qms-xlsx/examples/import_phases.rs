//! Where the CPU time of an import goes, phase by phase (this thread's CPU time, which other
//! work on a busy machine does not stretch): loading the dossier, reading the workbook,
//! matching and applying, the change messages, serialising the dossier.
//!
//! ```text
//! cargo build --release -p qms-xlsx --example import_phases
//! target/release/examples/import_phases dossier.json filled.xlsx
//! ```

#![allow(missing_docs, clippy::unwrap_used, clippy::expect_used)]
struct Instant(u64);
impl Instant {
    fn now() -> Self {
        Instant(cpu())
    }
    fn elapsed(&self) -> std::time::Duration {
        std::time::Duration::from_nanos(cpu() - self.0)
    }
}
fn cpu() -> u64 {
    let s = std::fs::read_to_string("/proc/thread-self/schedstat").unwrap();
    s.split_whitespace().next().unwrap().parse().unwrap()
}
/// Resident memory now and at its peak so far (MB), from /proc/self/status.
fn rss() -> String {
    let s = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    let kb = |key: &str| {
        s.lines()
            .find(|l| l.starts_with(key))
            .and_then(|l| l.split_whitespace().nth(1)?.parse::<u64>().ok())
            .unwrap_or(0)
            / 1024
    };
    format!("rss {} MB, peak {} MB", kb("VmRSS:"), kb("VmHWM:"))
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let t = Instant::now();
    let bytes = std::fs::read(&a[1]).unwrap();
    let wb = std::fs::read(&a[2]).unwrap();
    let d = qms_core::load::load(&bytes).unwrap();
    eprintln!("load dossier   {:?} {}", t.elapsed(), rss());
    let t = Instant::now();
    let books = [qms_xlsx::Workbook {
        name: "f.xlsx",
        bytes: &wb,
    }];
    let filled = qms_xlsx::read_filled(&d, &books).unwrap();
    eprintln!("read workbook  {:?} {}", t.elapsed(), rss());
    let t = Instant::now();
    let out = qms_xlsx::merge_filled(d, filled, &qms_xlsx::ImportOptions::default());
    eprintln!(
        "match+apply    {:?} ({} changes) {}",
        t.elapsed(),
        out.changes.len(),
        rss()
    );
    let t = Instant::now();
    let msgs: usize = out
        .changes
        .iter()
        .map(|c| c.message(qms_core::Lang::Vi).len())
        .sum();
    eprintln!("messages       {:?} {msgs} {}", t.elapsed(), rss());
    let t = Instant::now();
    let text = serde_json::to_string_pretty(&out.dossier).unwrap();
    eprintln!("serialise      {:?} {} {}", t.elapsed(), text.len(), rss());
}
