//! The checklist workbook importer on arbitrary bytes (seeded with real exported workbooks):
//! a typed refusal, conflicts or a clean import, never a panic.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qms_api::Status;

/// A small dossier (`qms sample --checklist-items 30 --findings 5 --seed 11`), so that the
/// time goes into the workbook, not into loading; the seed workbook is its export.
const REQUEST: &str = concat!(
    r#"{"op":"import-checklist","input_names":["phieu.xlsx"],"dossier":"#,
    include_str!("../dossier.json"),
    "}"
);

fuzz_target!(|data: &[u8]| {
    let r = qms_api::call(REQUEST.as_bytes(), &[data]);
    assert!(
        matches!(r.status, Status::Ok | Status::Document | Status::TooLarge),
        "status {:?}: {}",
        r.status,
        String::from_utf8_lossy(r.body())
    );
    let _: serde_json::Value = serde_json::from_slice(r.body()).expect("the answer is JSON");
});
