//! # qms-ffi
//!
//! The C ABI of qms: four functions over the [`qms_api::call`] contract. Stateless: each call
//! writes exactly one library-owned buffer (the result, or the error JSON), which the caller
//! releases with [`qms_buffer_free`]. Any thread may call any function; panics never cross the
//! boundary.

use std::panic::{AssertUnwindSafe, catch_unwind};

/// The ABI version of this contract; bumped only on an incompatible change.
pub const QMS_ABI_VERSION: u32 = 1;

/// Status: the op did its work (the answer may still report errors found or conflicts).
pub const QMS_OK: i32 = 0;
/// Status: the request is not UTF-8, not JSON, or has a missing, unknown or mistyped member.
pub const QMS_ERR_BAD_REQUEST: i32 = 1;
/// Status: the op is unknown.
pub const QMS_ERR_UNKNOWN_OP: i32 = 2;
/// Status: the dossier does not validate, so the op cannot run.
pub const QMS_ERR_INVALID_DOSSIER: i32 = 3;
/// Status: an id or clause the request names does not exist.
pub const QMS_ERR_NOT_FOUND: i32 = 4;
/// Status: a document could not be written or a workbook could not be read.
pub const QMS_ERR_DOCUMENT: i32 = 5;
/// Status: an input is larger than the limits allow.
pub const QMS_ERR_TOO_LARGE: i32 = 6;
/// Status: a required pointer was NULL.
pub const QMS_ERR_NULL_ARGUMENT: i32 = 7;
/// Status: a bug inside qms (a caught panic).
pub const QMS_ERR_INTERNAL: i32 = 8;

/// A byte buffer owned by the library. Release it with [`qms_buffer_free`], exactly once.
#[repr(C)]
#[derive(Debug)]
pub struct QmsBuffer {
    /// The bytes; NULL when `len` is 0.
    pub data: *mut u8,
    /// The number of bytes.
    pub len: usize,
}

/// The ABI version: 1 for this contract.
#[unsafe(no_mangle)]
pub extern "C" fn qms_abi_version() -> u32 {
    QMS_ABI_VERSION
}

/// The library version as a static, NUL-terminated string, e.g. "0.1.0". Do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn qms_version() -> *const std::ffi::c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr().cast()
}

/// Answers one request; see `qms.h` for the full contract.
///
/// # Safety
/// `request` must point to `request_len` readable bytes (or be NULL), `input` to `input_len`
/// readable bytes (or be NULL with `input_len` 0), and `out` to a writable [`QmsBuffer`] (or be
/// NULL, in which case nothing is written and the status still tells the outcome).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qms_call(
    request: *const u8,
    request_len: usize,
    input: *const u8,
    input_len: usize,
    out: *mut QmsBuffer,
) -> i32 {
    let result = catch_unwind(AssertUnwindSafe(|| {
        if request.is_null() {
            return error(QMS_ERR_NULL_ARGUMENT, "request is NULL", "request");
        }
        if input.is_null() && input_len != 0 {
            return error(
                QMS_ERR_NULL_ARGUMENT,
                "input is NULL but input_len is not 0",
                "input",
            );
        }
        // SAFETY: the caller promises `request` points to `request_len` readable bytes, and it is
        // not NULL (checked above); the slice does not outlive this call.
        let request = unsafe { std::slice::from_raw_parts(request, request_len) };
        let input: &[u8] = if input.is_null() {
            &[]
        } else {
            // SAFETY: as above, for `input` and `input_len`.
            unsafe { std::slice::from_raw_parts(input, input_len) }
        };
        let inputs: &[&[u8]] = if input.is_empty() { &[] } else { &[input] };
        let r = qms_api::call(request, inputs);
        (r.status as i32, r.into_body())
    }));
    let (status, body) = result.unwrap_or_else(|_| {
        error(
            QMS_ERR_INTERNAL,
            "internal error in qms (a bug; please report it with the request)",
            "$",
        )
    });
    if !out.is_null() {
        // SAFETY: `out` is not NULL and the caller promises it points to a writable QmsBuffer.
        unsafe { out.write(into_buffer(body)) };
    }
    status
}

/// Frees a buffer returned by [`qms_call`] and zeroes it, so a second call is harmless.
/// NULL-safe.
///
/// # Safety
/// `buf` must be NULL or point to a [`QmsBuffer`] that `qms_call` filled (or one zeroed).
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qms_buffer_free(buf: *mut QmsBuffer) {
    if buf.is_null() {
        return;
    }
    // SAFETY: `buf` is not NULL and points to a QmsBuffer per the contract.
    let b = unsafe { &mut *buf };
    if !b.data.is_null() {
        // SAFETY: `data`/`len` came from `into_buffer`, a boxed slice of exactly `len` bytes
        // leaked with `Box::into_raw`; it is reclaimed once, then the struct is zeroed.
        drop(unsafe { Box::from_raw(std::ptr::slice_from_raw_parts_mut(b.data, b.len)) });
    }
    b.data = std::ptr::null_mut();
    b.len = 0;
}

fn into_buffer(body: Vec<u8>) -> QmsBuffer {
    if body.is_empty() {
        return QmsBuffer {
            data: std::ptr::null_mut(),
            len: 0,
        };
    }
    let boxed = body.into_boxed_slice();
    let len = boxed.len();
    QmsBuffer {
        data: Box::into_raw(boxed).cast::<u8>(),
        len,
    }
}

fn error(status: i32, message: &str, path: &str) -> (i32, Vec<u8>) {
    let code = match status {
        QMS_ERR_NULL_ARGUMENT => "null-argument",
        _ => "internal",
    };
    let json = format!(
        "{{\"code\":\"{code}\",\"message\":\"{}\",\"path\":\"{path}\"}}",
        message.replace('"', "'")
    );
    (status, json.into_bytes())
}
