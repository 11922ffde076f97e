//! The dossier loader and validation on arbitrary bytes, then the rules on what loads:
//! a clear report or a model, never a panic, a hang or unbounded memory; loading in place
//! (`load_report_owned`) agrees with it.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let report = qms_core::load_report(data);
    // Loading in place (escaped dossiers) must report exactly what the standard path does.
    let owned = qms_core::load::load_report_owned(data.to_vec());
    assert_eq!(owned.dossier, report.dossier, "load_report_owned: another dossier");
    assert_eq!(owned.problems, report.problems, "load_report_owned: other problems");
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
