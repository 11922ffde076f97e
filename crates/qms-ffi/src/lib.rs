//! # qms-ffi
//!
//! The C ABI of qms: four functions over the [`qms_api::call`] contract. Stateless: each call
//! writes exactly one library-owned buffer (the result, or the error JSON), which the caller
//! releases with [`qms_buffer_free`]. Any thread may call any function; panics never cross the
//! boundary.
//!
//! The C header `bindings/c/include/qms.h` is generated from this file by cbindgen (the doc
//! comments below become its documentation); `tests/header_fresh.rs` fails when it is stale.
//!
//! ```
//! use qms::{QmsBuffer, QMS_OK, qms_buffer_free, qms_call};
//! let request = br#"{"op":"correlate","clause":"8.2.2"}"#;
//! let mut out = QmsBuffer { data: std::ptr::null_mut(), len: 0 };
//! // SAFETY: request is a live slice, input is NULL with length 0, out is a live QmsBuffer.
//! let status = unsafe { qms_call(request.as_ptr(), request.len(), std::ptr::null(), 0, &mut out) };
//! assert_eq!(status, QMS_OK);
//! assert!(out.len > 0);
//! // SAFETY: out was filled by qms_call and is freed once (a second free would be harmless too).
//! unsafe { qms_buffer_free(&mut out) };
//! assert!(out.data.is_null());
//! ```

// Nothing that came from outside may panic the library (a panic behind the C ABI would take
// down the host program): no unwrap/expect/panic/indexing outside tests (issue #11).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod body;

// The library keeps the host's allocator (the system one): unlike the `qms` binary, which runs
// on mimalloc, a library loaded into Python, the JVM, .NET or PHP should not bring a second
// heap with its own per-thread state into their processes, and the C tests' valgrind and
// AddressSanitizer runs only see leaks and overruns of blocks that come from malloc
// (docs/benchmarks.md, "Allocator and loading (session 4)").

// The boundary turns panics into QMS_ERR_INTERNAL with catch_unwind, which needs unwinding.
#[cfg(panic = "abort")]
compile_error!(
    "qms-ffi must be built with panic = \"unwind\": panics have to become QMS_ERR_INTERNAL"
);

use body::{error_body, into_buffer};
use std::ffi::c_char;
use std::panic::{AssertUnwindSafe, catch_unwind};

/// The ABI version of this contract. It changes only on an incompatible change of the four
/// functions, of `QmsBuffer` or of the meaning of a status value; new ops, new request members
/// and new error codes do not change it.
pub const QMS_ABI_VERSION: u32 = 1;

/// Status: the op did its work. This includes a check that found errors and an import that
/// found conflicts: the answer in `out` says so. `out` holds the result: JSON for most ops, the
/// document bytes for `render` and `export-checklist`, one zip for `render-all` (unless the
/// request says `"base64": true`).
pub const QMS_OK: i32 = 0;
/// Status: the request is not UTF-8, not JSON, not an object, or has a missing, unknown or
/// mistyped member (codes `bad-request`, `unsupported-format`, `missing-target`).
pub const QMS_ERR_BAD_REQUEST: i32 = 1;
/// Status: the op is not one this version knows (code `unknown-op`).
pub const QMS_ERR_UNKNOWN_OP: i32 = 2;
/// Status: the dossier does not validate, so the op cannot run on it (code `invalid-dossier`;
/// the error JSON also carries `problems`).
pub const QMS_ERR_INVALID_DOSSIER: i32 = 3;
/// Status: an id or a clause the request names does not exist, or the record lacks what the op
/// needs (codes `unknown-audit`, `unknown-review`, `unknown-clause`, `no-checklists`, ...;
/// `known` lists the ids that do exist).
pub const QMS_ERR_NOT_FOUND: i32 = 4;
/// Status: a document could not be written or an input workbook could not be imported (codes
/// `not-xlsx`, `not-a-checklist`, `other-dossier`, `cell-too-long`, ...).
pub const QMS_ERR_DOCUMENT: i32 = 5;
/// Status: something is larger than the limits (code `too-large`): `request_len` over
/// `QMS_MAX_REQUEST_LEN`, `input_len` over `QMS_MAX_INPUT_LEN`, a workbook beyond the
/// importer's limits, or a `sample` size beyond its maximum.
pub const QMS_ERR_TOO_LARGE: i32 = 6;
/// Status: a required pointer was NULL: `out`, `request`, or `input` with a non-zero
/// `input_len` (code `null-argument`). When `out` itself is NULL nothing is written.
pub const QMS_ERR_NULL_ARGUMENT: i32 = 7;
/// Status: a bug inside qms, caught at the boundary (code `internal`). The library stays
/// usable; please report the request that caused it.
pub const QMS_ERR_INTERNAL: i32 = 8;

/// The largest `request_len` accepted (1 GiB); a longer request is refused with
/// `QMS_ERR_TOO_LARGE` before a single byte of it is read.
pub const QMS_MAX_REQUEST_LEN: usize = 1073741824;
/// The largest `input_len` accepted (1 GiB); a longer input is refused with
/// `QMS_ERR_TOO_LARGE` before a single byte of it is read.
pub const QMS_MAX_INPUT_LEN: usize = 1073741824;

/// A byte buffer owned by the library: the answer of `qms_call`.
///
/// Read `len` bytes from `data` (they are not NUL-terminated, and a document may contain NUL
/// bytes), copy what you need, then release it with `qms_buffer_free`, exactly once. Do not
/// free `data` with your own `free()`: it belongs to the library's allocator.
#[repr(C)]
#[derive(Debug)]
pub struct QmsBuffer {
    /// The bytes; NULL when `len` is 0.
    pub data: *mut u8,
    /// The number of bytes.
    pub len: usize,
}

/// The ABI version: 1 for this contract. Check it once at start-up and refuse to run when it
/// is not the version your code was written for.
#[unsafe(no_mangle)]
pub extern "C" fn qms_abi_version() -> u32 {
    QMS_ABI_VERSION
}

/// The version of the library as a static, NUL-terminated ASCII string, e.g. "0.1.0". It lives
/// as long as the library is loaded; do not free it.
#[unsafe(no_mangle)]
pub extern "C" fn qms_version() -> *const c_char {
    // A string literal is static: the pointer stays valid for the life of the library.
    static VERSION: &str = concat!(env!("CARGO_PKG_VERSION"), "\0");
    VERSION.as_ptr().cast()
}

/// Answers one request.
///
/// `request` is the UTF-8 JSON request, `request_len` bytes long (no NUL terminator needed),
/// e.g. `{"op":"check","dossier":{...},"today":"2026-11-21","lang":"vi"}`. `input` is optional
/// extra bytes the op reads, e.g. a filled checklist workbook for `import-checklist`
/// (`{"op":"import-checklist","dossier":{...},"input_names":["phieu.xlsx"]}`, where
/// `input_names` gives the name conflicts are reported with); pass NULL and 0 when there is
/// none. An op that reads no input refuses one (`QMS_ERR_BAD_REQUEST`).
///
/// Returns a status (`QMS_OK` or one of `QMS_ERR_*`). On every return path `*out` is
/// overwritten with a new library-owned buffer: with `QMS_OK` it holds the result (JSON, or
/// the document bytes of `render`/`export-checklist`, the zip of `render-all`), otherwise the
/// error JSON `{"code": "...", "message": "...", "path": "..."}`: `message` is in the request's
/// `lang` (Vietnamese by default), or in both languages when the request could not be read;
/// `path` points into the request (`$` is all of it). Whatever `*out` held before is not
/// freed. Free the new buffer with `qms_buffer_free`, exactly once. If `out` is NULL the call
/// returns `QMS_ERR_NULL_ARGUMENT` without doing anything.
///
/// Thread safety: any thread may call this at any time, concurrently; calls share no state.
/// A panic inside the library is caught and becomes `QMS_ERR_INTERNAL`. Running out of memory
/// aborts the process, as it does for the Rust standard library.
///
/// # Safety
/// `request` must point to `request_len` readable bytes (or be NULL), `input` to `input_len`
/// readable bytes (or be NULL with `input_len` 0), and `out` to a writable `QmsBuffer` (or be
/// NULL). The bytes must not change during the call.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qms_call(
    request: *const u8,
    request_len: usize,
    input: *const u8,
    input_len: usize,
    out: *mut QmsBuffer,
) -> i32 {
    if out.is_null() {
        return QMS_ERR_NULL_ARGUMENT;
    }
    let outcome = catch_unwind(AssertUnwindSafe(|| {
        // SAFETY: the caller's contract for `request`/`input` is forwarded unchanged.
        unsafe { answer(request, request_len, input, input_len) }
    }));
    let (status, body) = outcome.unwrap_or_else(|payload| {
        // Dropping a panic payload can itself panic; that second panic is contained too.
        let _ = catch_unwind(AssertUnwindSafe(move || drop(payload)));
        error_body(
            QMS_ERR_INTERNAL,
            "internal",
            "Lỗi nội bộ của qms (lỗi phần mềm, xin báo kèm yêu cầu) / internal error in qms (a bug; please report it with the request)",
            "$",
        )
    });
    // SAFETY: `out` is not NULL (checked above) and the caller promises it points to a writable
    // QmsBuffer; `write` does not read or drop the old contents, which may be uninitialised.
    unsafe { out.write(into_buffer(body)) };
    status
}

/// The work of [`qms_call`] once `out` is known: argument checks, then [`qms_api::call`].
///
/// # Safety
/// As for [`qms_call`].
unsafe fn answer(
    request: *const u8,
    request_len: usize,
    input: *const u8,
    input_len: usize,
) -> (i32, Vec<u8>) {
    if request.is_null() {
        return error_body(
            QMS_ERR_NULL_ARGUMENT,
            "null-argument",
            "Con trỏ request là NULL / request is NULL",
            "request",
        );
    }
    if request_len > QMS_MAX_REQUEST_LEN {
        return error_body(
            QMS_ERR_TOO_LARGE,
            "too-large",
            &format!(
                "Yêu cầu dài {request_len} byte, vượt giới hạn {QMS_MAX_REQUEST_LEN} byte / the request is {request_len} bytes, over the limit of {QMS_MAX_REQUEST_LEN}"
            ),
            "request",
        );
    }
    if input.is_null() && input_len != 0 {
        return error_body(
            QMS_ERR_NULL_ARGUMENT,
            "null-argument",
            "Con trỏ input là NULL nhưng input_len khác 0 / input is NULL but input_len is not 0",
            "input",
        );
    }
    if input_len > QMS_MAX_INPUT_LEN {
        return error_body(
            QMS_ERR_TOO_LARGE,
            "too-large",
            &format!(
                "Dữ liệu đầu vào dài {input_len} byte, vượt giới hạn {QMS_MAX_INPUT_LEN} byte / the input is {input_len} bytes, over the limit of {QMS_MAX_INPUT_LEN}"
            ),
            "input",
        );
    }
    // SAFETY: `request` is not NULL and the caller promises `request_len` readable bytes that do
    // not change during the call; `request_len` ≤ 1 GiB < isize::MAX; the slice dies with this
    // call.
    let request = unsafe { std::slice::from_raw_parts(request, request_len) };
    #[cfg(feature = "test-panic")]
    if request == br#"{"op":"__panic"}"# {
        // Only with the `test-panic` feature: proves a panic comes back as QMS_ERR_INTERNAL.
        #[allow(clippy::panic)]
        {
            panic!("test-panic: a panic injected behind the C boundary");
        }
    }
    let input: &[u8] = if input.is_null() || input_len == 0 {
        &[]
    } else {
        // SAFETY: `input` is not NULL and the caller promises `input_len` readable bytes that do
        // not change during the call; `input_len` ≤ 1 GiB < isize::MAX.
        unsafe { std::slice::from_raw_parts(input, input_len) }
    };
    let inputs: &[&[u8]] = if input.is_empty() { &[] } else { &[input] };
    let r = qms_api::call(request, inputs);
    (r.status as i32, r.into_body())
}

/// Frees a buffer that `qms_call` wrote, then zeroes the struct (`data` NULL, `len` 0), so a
/// second call on the same struct is harmless. NULL-safe: `qms_buffer_free(NULL)` does nothing,
/// and so does freeing a zeroed struct. Any thread may free a buffer written on another.
///
/// # Safety
/// `buf` must be NULL or point to a `QmsBuffer` that `qms_call` filled, that this function
/// zeroed, or that the caller zeroed. Freeing a copy of the struct after the original was freed
/// is a double free.
#[unsafe(no_mangle)]
pub unsafe extern "C" fn qms_buffer_free(buf: *mut QmsBuffer) {
    if buf.is_null() {
        return;
    }
    // SAFETY: `buf` is not NULL and points to a QmsBuffer per the contract above.
    let b = unsafe { &mut *buf };
    if !b.data.is_null() {
        // SAFETY: a non-NULL `data` came from `into_buffer`: a boxed slice of exactly `len`
        // bytes leaked with `Box::into_raw`. It is reclaimed once: the struct is zeroed below.
        drop(unsafe { body::reclaim(b.data, b.len) });
    }
    b.data = std::ptr::null_mut();
    b.len = 0;
}
