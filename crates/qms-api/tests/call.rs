//! The single entry `qms_api::call`: documents as raw bytes, inputs as bytes, statuses.
#![allow(clippy::unwrap_used)]

use qms_api::{Status, call};
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../../examples/so-khcn-ninh-binh.json");

fn req(op_members: &str) -> Vec<u8> {
    format!("{{{op_members}, \"dossier\": {EXAMPLE}}}").into_bytes()
}

#[test]
fn render_answers_raw_document_bytes_and_base64_only_on_request() {
    let r = call(
        &req(r#""op": "render", "kind": "report", "audit": "dgnb-2026-1", "today": "2026-11-23""#),
        &[],
    );
    assert_eq!(r.status, Status::Ok, "{}", String::from_utf8_lossy(&r.json));
    assert!(r.body().starts_with(b"PK"));
    let r = call(
        &req(
            r#""op": "render", "kind": "report", "audit": "dgnb-2026-1", "today": "2026-11-23", "base64": true"#,
        ),
        &[],
    );
    assert_eq!(r.status, Status::Ok);
    let v: Value = serde_json::from_slice(r.body()).unwrap();
    assert!(v["base64"].as_str().unwrap().len() > 100);
}

#[test]
fn an_exported_workbook_passed_as_input_imports_without_conflicts() {
    let wb = call(
        &req(r#""op": "export-checklist", "audit": "dgnb-2026-1", "today": "2026-11-23""#),
        &[],
    );
    assert_eq!(wb.status, Status::Ok);
    let r = call(
        &req(r#""op": "import-checklist", "input_names": ["phieu.xlsx"]"#),
        &[wb.body()],
    );
    assert_eq!(r.status, Status::Ok, "{}", String::from_utf8_lossy(&r.json));
    let v: Value = serde_json::from_slice(&r.json).unwrap();
    assert_eq!(v["conflicts"].as_array().unwrap().len(), 0);
}

#[test]
fn failures_have_a_status_and_an_error_json() {
    for (request, status, code) in [
        (&b"{"[..], Status::BadRequest, "bad-request"),
        (&b"\xff\xfe"[..], Status::BadRequest, "bad-request"),
        (&br#"{"op": "fly"}"#[..], Status::UnknownOp, "unknown-op"),
        (
            &br#"{"op": "check", "dossier": {}, "today": "2026-11-23"}"#[..],
            Status::InvalidDossier,
            "invalid-dossier",
        ),
        (
            &br#"{"op": "correlate", "clause": "99.9"}"#[..],
            Status::NotFound,
            "unknown-clause",
        ),
    ] {
        let r = call(request, &[]);
        assert_eq!(r.status, status, "{}", String::from_utf8_lossy(request));
        let v: Value = serde_json::from_slice(r.body()).unwrap();
        assert_eq!(v["code"], code);
        assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
        assert!(v["path"].is_string());
    }
}
