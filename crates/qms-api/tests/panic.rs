//! With the `test-panic` feature, the `__panic` op panics inside the library; the boundary
//! must turn it into `Status::Internal` (run: `cargo test -p qms-api --features test-panic`).
#![cfg(feature = "test-panic")]
#![allow(clippy::unwrap_used)]

#[test]
fn a_panic_becomes_status_internal_and_the_library_keeps_answering() {
    let r = qms_api::call(br#"{"op": "__panic"}"#, &[]);
    assert_eq!(r.status, qms_api::Status::Internal);
    assert_eq!(r.status as i32, 8);
    let v: serde_json::Value = serde_json::from_slice(r.body()).unwrap();
    assert_eq!(v["code"], "internal");
    assert_eq!(v["path"], "$");
    let again = qms_api::call(br#"{"op": "rules"}"#, &[]);
    assert_eq!(again.status, qms_api::Status::Ok);
}
