//! `qms_api::call` on arbitrary request bytes (and input bytes after the first NUL): every
//! answer keeps the contract — a known status, and a failure body that is the error JSON.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qms_api::Status;

fuzz_target!(|data: &[u8]| {
    let (request, input) = match data.iter().position(|b| *b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => (data, &[][..]),
    };
    if big_sample(request) {
        // A synthetic dossier of up to a million items is allowed (load tests) and takes a
        // second and a gigabyte: resources spent on purpose, not a bug for this target.
        return;
    }
    let inputs: Vec<&[u8]> = if input.is_empty() {
        vec![]
    } else {
        vec![input]
    };
    let r = qms_api::call(request, &inputs);
    assert_ne!(r.status, Status::Internal, "a panic inside qms");
    if r.status != Status::Ok {
        let v: serde_json::Value =
            serde_json::from_slice(r.body()).expect("a failure answers JSON");
        assert!(v["code"].is_string() && v["message"].is_string() && v["path"].is_string());
    }
});

fn big_sample(request: &[u8]) -> bool {
    let Ok(v) = serde_json::from_slice::<serde_json::Value>(request) else {
        return false;
    };
    v["op"] == "sample"
        && ["checklist_items", "findings"]
            .iter()
            .any(|k| v[*k].as_u64().is_some_and(|n| n > 100_000))
}
