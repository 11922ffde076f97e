//! The dossier loader and validation on arbitrary bytes, then the rules on what loads:
//! a clear report or a model, never a panic, a hang or unbounded memory.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = qms_core::load_report(data);
    for p in &report.problems {
        // Every problem renders in both languages and names a path.
        let _ = (p.message(qms_core::Lang::Vi), p.message(qms_core::Lang::En));
        let _ = p.path.pointer();
    }
    if let Ok(d) = qms_core::load(data) {
        let today = chrono_today();
        let _ = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
    }
});

fn chrono_today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap_or_default()
}
