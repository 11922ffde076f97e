//! The C ABI driven from Rust exactly as a C caller drives it: every op, every status the
//! boundary itself produces, NULLs, huge lengths, double free, 16 threads, and (with the
//! `test-panic` feature) a panic coming back as `QMS_ERR_INTERNAL`.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use qms::*;
use serde_json::{Value, json};
use std::path::{Path, PathBuf};
use std::ptr::{null, null_mut};

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn example(name: &str) -> Value {
    serde_json::from_slice(&std::fs::read(root().join("examples").join(name)).unwrap()).unwrap()
}

fn empty() -> QmsBuffer {
    QmsBuffer {
        data: null_mut(),
        len: 0,
    }
}

/// Calls `qms_call` on byte slices, copies the buffer out and frees it, as a binding does.
fn call(request: &[u8], input: Option<&[u8]>) -> (i32, Vec<u8>) {
    let mut out = empty();
    let (ip, il) = input.map_or((null(), 0), |i| (i.as_ptr(), i.len()));
    // SAFETY: both slices outlive the call; out is a live QmsBuffer.
    let status = unsafe { qms_call(request.as_ptr(), request.len(), ip, il, &mut out) };
    let body = copy_out(&out);
    // SAFETY: out was filled by qms_call; freed once here.
    unsafe { qms_buffer_free(&mut out) };
    assert!(out.data.is_null() && out.len == 0, "free zeroes the struct");
    (status, body)
}

fn copy_out(out: &QmsBuffer) -> Vec<u8> {
    if out.data.is_null() {
        return Vec::new();
    }
    // SAFETY: qms_call wrote data/len of a live buffer not yet freed.
    unsafe { std::slice::from_raw_parts(out.data, out.len) }.to_vec()
}

fn json_of(body: &[u8]) -> Value {
    serde_json::from_slice(body)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(body)))
}

/// One request per op of `qms_api::OpName::ALL`, with what its body must be.
fn op_requests() -> Vec<(&'static str, Value, bool)> {
    let d = example("so-khcn-ninh-binh.json");
    let old = example("ubnd-xa-tan-thanh-2008.json");
    let day = "2026-11-23";
    vec![
        ("validate", json!({"op": "validate", "dossier": d}), false),
        (
            "check",
            json!({"op": "check", "dossier": d, "today": day, "lang": "en"}),
            false,
        ),
        ("rules", json!({"op": "rules"}), false),
        ("explain", json!({"op": "explain", "code": "c002"}), false),
        (
            "transition",
            json!({"op": "transition", "corrective_action": "car-07", "to": "in_progress", "date": day, "dossier": d}),
            false,
        ),
        (
            "convert",
            json!({"op": "convert", "dossier": old, "to": "2015"}),
            false,
        ),
        (
            "render",
            json!({"op": "render", "kind": "report", "format": "docx", "audit": "dgnb-2026-1", "dossier": d, "today": day}),
            true,
        ),
        (
            "export-checklist",
            json!({"op": "export-checklist", "audit": "dgnb-2026-1", "dossier": d, "today": day}),
            true,
        ),
        ("schema", json!({"op": "schema", "of": "request"}), false),
        (
            "init",
            json!({"op": "init", "agency": "UBND xã Hòa Bình"}),
            false,
        ),
        (
            "checklist-new",
            json!({"op": "checklist-new", "audit": "dgnb-2026-1", "unit": "motcua", "dossier": d}),
            false,
        ),
        (
            "render-all",
            json!({"op": "render-all", "today": day, "dossier": d}),
            true,
        ),
        (
            "sample",
            json!({"op": "sample", "checklist_items": 20, "findings": 3, "seed": 7}),
            false,
        ),
        (
            "clauses",
            json!({"op": "clauses", "edition": "2015"}),
            false,
        ),
        (
            "correlate",
            json!({"op": "correlate", "clause": "8.2.2"}),
            false,
        ),
        (
            "rollup",
            json!({"op": "rollup", "dossiers": [d, old, "{"], "today": day}),
            true,
        ),
    ]
}

#[test]
fn every_op_answers_through_the_abi() {
    let mut covered: Vec<&str> = vec!["import-checklist"]; // its own test below
    for (op, request, document) in op_requests() {
        let (status, body) = call(&serde_json::to_vec(&request).unwrap(), None);
        assert_eq!(status, QMS_OK, "{op}: {}", String::from_utf8_lossy(&body));
        if document {
            assert!(body.starts_with(b"PK"), "{op}: not a zip");
        } else {
            assert!(json_of(&body).is_object(), "{op}");
        }
        covered.push(op);
    }
    for op in qms_api::OpName::ALL {
        let op = op.as_str();
        assert!(covered.contains(&op), "op {op} has no case in tests/abi.rs");
    }
}

#[test]
fn a_filled_checklist_imports_from_the_input_bytes() {
    let d = example("so-khcn-ninh-binh.json");
    let export = json!({"op": "export-checklist", "audit": "dgnb-2026-1", "dossier": d, "today": "2026-11-23"});
    let (status, workbook) = call(&serde_json::to_vec(&export).unwrap(), None);
    assert_eq!(status, QMS_OK);
    let import = json!({"op": "import-checklist", "dossier": d, "input_names": ["phieu.xlsx"]});
    let (status, body) = call(&serde_json::to_vec(&import).unwrap(), Some(&workbook));
    assert_eq!(status, QMS_OK, "{}", String::from_utf8_lossy(&body));
    let v = json_of(&body);
    assert_eq!(v["conflicts"], json!([]));
    // Bytes that are not a workbook are a document error, not a crash.
    let (status, body) = call(&serde_json::to_vec(&import).unwrap(), Some(b"not a zip"));
    assert_eq!(
        status,
        QMS_ERR_DOCUMENT,
        "{}",
        String::from_utf8_lossy(&body)
    );
}

#[test]
fn request_errors_have_their_status_and_error_json() {
    let cases: [(&[u8], i32, &str); 5] = [
        (b"{", QMS_ERR_BAD_REQUEST, "bad-request"),
        (b"{\"op\":\"\xff\"}", QMS_ERR_BAD_REQUEST, "bad-request"),
        (b"", QMS_ERR_BAD_REQUEST, "bad-request"),
        (b"{\"op\":\"fly\"}", QMS_ERR_UNKNOWN_OP, "unknown-op"),
        (
            b"{\"op\":\"correlate\",\"clause\":\"99.9\"}",
            QMS_ERR_NOT_FOUND,
            "unknown-clause",
        ),
    ];
    for (request, status, code) in cases {
        let (got, body) = call(request, None);
        assert_eq!(got, status, "{}", String::from_utf8_lossy(request));
        let v = json_of(&body);
        assert_eq!(v["code"], code);
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(v["path"].is_string());
    }
    // Input bytes for an op that reads none are refused, not ignored.
    let (got, body) = call(br#"{"op":"rules"}"#, Some(b"PK\x03\x04"));
    assert_eq!(
        got,
        QMS_ERR_BAD_REQUEST,
        "{}",
        String::from_utf8_lossy(&body)
    );
    let invalid = json!({"op": "render", "kind": "report", "today": "2026-11-23", "dossier": {}});
    let (got, body) = call(&serde_json::to_vec(&invalid).unwrap(), None);
    assert_eq!(got, QMS_ERR_INVALID_DOSSIER);
    assert!(
        json_of(&body)["problems"]
            .as_array()
            .is_some_and(|p| !p.is_empty())
    );
}

#[test]
fn null_pointers_and_huge_lengths_are_statuses() {
    let req = br#"{"op":"rules"}"#;
    let mut out = empty();
    // SAFETY: out is NULL: nothing is read or written.
    let got = unsafe { qms_call(req.as_ptr(), req.len(), null(), 0, null_mut()) };
    assert_eq!(got, QMS_ERR_NULL_ARGUMENT);
    let cases: [(*const u8, usize, *const u8, usize, i32, &str); 5] = [
        (null(), 0, null(), 0, QMS_ERR_NULL_ARGUMENT, "request"),
        (null(), 5, null(), 0, QMS_ERR_NULL_ARGUMENT, "request"),
        (
            req.as_ptr(),
            req.len(),
            null(),
            3,
            QMS_ERR_NULL_ARGUMENT,
            "input",
        ),
        (
            req.as_ptr(),
            usize::MAX,
            null(),
            0,
            QMS_ERR_TOO_LARGE,
            "request",
        ),
        (
            req.as_ptr(),
            req.len(),
            req.as_ptr(),
            QMS_MAX_INPUT_LEN + 1,
            QMS_ERR_TOO_LARGE,
            "input",
        ),
    ];
    for (r, rl, i, il, status, path) in cases {
        // SAFETY: the oversized lengths are refused before any byte is read; other pointers
        // are NULL or live.
        let got = unsafe { qms_call(r, rl, i, il, &mut out) };
        assert_eq!(got, status, "{path}");
        let v = json_of(&copy_out(&out));
        assert_eq!(v["path"], path);
        // SAFETY: out was filled by qms_call.
        unsafe { qms_buffer_free(&mut out) };
    }
    // A non-NULL input with length 0 is no input.
    // SAFETY: all pointers are live.
    let got = unsafe { qms_call(req.as_ptr(), req.len(), req.as_ptr(), 0, &mut out) };
    assert_eq!(got, QMS_OK);
    // SAFETY: freed twice on purpose: the second call sees a zeroed struct. NULL is a no-op.
    unsafe {
        qms_buffer_free(&mut out);
        qms_buffer_free(&mut out);
        qms_buffer_free(null_mut());
    }
    assert!(out.data.is_null());
}

#[test]
fn version_and_abi() {
    assert_eq!(qms_abi_version(), 1);
    // SAFETY: qms_version returns a static NUL-terminated string.
    let v = unsafe { std::ffi::CStr::from_ptr(qms_version()) };
    assert_eq!(v.to_str().unwrap(), env!("CARGO_PKG_VERSION"));
    assert_eq!(
        qms_version(),
        qms_version(),
        "the same static string each time"
    );
}

#[test]
fn sixteen_threads_at_once_get_their_own_answers() {
    let d = example("so-khcn-ninh-binh.json");
    let render = serde_json::to_vec(&json!({"op": "render", "kind": "report", "audit": "dgnb-2026-1", "dossier": d, "today": "2026-11-23"})).unwrap();
    let (_, expected_doc) = call(&render, None);
    let barrier = std::sync::Barrier::new(16);
    std::thread::scope(|s| {
        for t in 0..16 {
            let (render, expected_doc, barrier) = (&render, &expected_doc, &barrier);
            s.spawn(move || {
                barrier.wait();
                for i in 0..4 {
                    if (t + i) % 2 == 0 {
                        let (status, body) = call(render, None);
                        assert_eq!(status, QMS_OK);
                        assert_eq!(&body, expected_doc, "same input, same bytes");
                    } else {
                        let clause = format!("{{\"op\":\"correlate\",\"clause\":\"{t}.{i}\"}}");
                        let (status, body) = call(clause.as_bytes(), None);
                        assert!(status == QMS_OK || status == QMS_ERR_NOT_FOUND);
                        assert!(json_of(&body).is_object());
                    }
                }
            });
        }
    });
}

#[cfg(feature = "test-panic")]
#[test]
fn a_panic_behind_the_boundary_is_an_internal_status() {
    let (status, body) = call(br#"{"op":"__panic"}"#, None);
    assert_eq!(status, QMS_ERR_INTERNAL);
    assert_eq!(json_of(&body)["code"], "internal");
    // The library stays usable afterwards.
    assert_eq!(call(br#"{"op":"rules"}"#, None).0, QMS_OK);
}

#[cfg(not(feature = "test-panic"))]
#[test]
fn the_panic_request_does_not_panic_here_without_the_test_feature() {
    // Unknown op; or 8 when a workspace build turned on qms-api's own `test-panic`, whose
    // `__panic` op panics inside qms_api::call (caught there, not here).
    let (status, body) = call(br#"{"op":"__panic"}"#, None);
    assert!(
        status == QMS_ERR_UNKNOWN_OP || status == QMS_ERR_INTERNAL,
        "{status}"
    );
    assert!(json_of(&body)["code"].is_string());
}
