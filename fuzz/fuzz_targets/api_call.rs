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
    let inputs: Vec<&[u8]> = if input.is_empty() { vec![] } else { vec![input] };
    let r = qms_api::call(request, &inputs);
    assert_ne!(r.status, Status::Internal, "a panic inside qms");
    if r.status != Status::Ok {
        let v: serde_json::Value =
            serde_json::from_slice(r.body()).expect("a failure answers JSON");
        assert!(v["code"].is_string() && v["message"].is_string() && v["path"].is_string());
    }
});
