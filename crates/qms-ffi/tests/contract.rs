//! Runs every case of `tests/contract/cases` through `qms_call` (the format is in
//! `tests/contract/README.md`), as `qms-api`'s own runner does through `qms_api::call`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use qms::{QmsBuffer, qms_buffer_free, qms_call};

#[path = "../../../tests/contract/runner.rs"]
mod runner;

fn ffi_call(request: &[u8], input: Option<&[u8]>) -> (i64, Vec<u8>) {
    let mut out = QmsBuffer {
        data: std::ptr::null_mut(),
        len: 0,
    };
    let (ip, il) = input.map_or((std::ptr::null(), 0), |i| (i.as_ptr(), i.len()));
    // SAFETY: both slices outlive the call; out is a live QmsBuffer.
    let status = unsafe { qms_call(request.as_ptr(), request.len(), ip, il, &mut out) };
    let body = if out.data.is_null() {
        Vec::new()
    } else {
        // SAFETY: qms_call wrote a live buffer of out.len bytes.
        unsafe { std::slice::from_raw_parts(out.data, out.len) }.to_vec()
    };
    // SAFETY: freed once.
    unsafe { qms_buffer_free(&mut out) };
    (i64::from(status), body)
}

#[test]
fn every_contract_case_holds_through_qms_call() {
    runner::run_all(&runner::root(env!("CARGO_MANIFEST_DIR")), ffi_call);
}
