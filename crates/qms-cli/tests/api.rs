#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! `qms api` is a JSON-only transport over `qms_api::call`: the envelope wraps the body as the
//! library answered it, and the exit code follows the status.

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn api(request: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qms"))
        .arg("api")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(request).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn the_envelope_wraps_the_librarys_body_verbatim() {
    for (request, ok) in [
        (&br#"{"op": "correlate", "clause": "4.2.3"}"#[..], true),
        (&br#"{"op": "render", "kind": "bogus"}"#[..], false),
        (&b"\xff"[..], false),
    ] {
        let o = api(request);
        let r = qms_api::call_json_only(request, &[]);
        let head: &[u8] = if ok {
            br#"{"ok":true,"result":"#
        } else {
            br#"{"ok":false,"error":"#
        };
        let want = [head, &r.json, b"}\n"].concat();
        assert_eq!(o.stdout, want, "{}", String::from_utf8_lossy(request));
        assert_eq!(o.status.code(), Some(if ok { 0 } else { 1 }));
    }
}

#[test]
fn render_all_through_the_cli_api_is_a_base64_zip() {
    let dossier = std::fs::read_to_string(repo().join("examples/so-khcn-ninh-binh.json")).unwrap();
    let request = format!(r#"{{"op": "render-all", "today": "2026-11-23", "dossier": {dossier}}}"#);
    let o = api(request.as_bytes());
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["result"]["media_type"], "application/zip");
    assert!(
        v["result"]["base64"].as_str().unwrap().starts_with("UEsD"),
        "PK\\3\\4"
    );
    assert!(v["result"]["documents"].as_array().unwrap().len() >= 13);
}

#[test]
fn schema_of_responses_prints_the_committed_schema() {
    let o = Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(["schema", "--of", "response"])
        .output()
        .unwrap();
    let committed = std::fs::read(repo().join("docs/schema/response.schema.json")).unwrap();
    assert_eq!(o.stdout, committed);
}

#[test]
fn files_after_api_are_the_calls_inputs() {
    let dossier = std::fs::read_to_string(repo().join("examples/so-khcn-ninh-binh.json")).unwrap();
    let export = format!(
        r#"{{"op": "export-checklist", "audit": "dgnb-2026-1", "today": "2026-11-23", "dossier": {dossier}}}"#
    );
    let book = qms_api::call(export.as_bytes(), &[]);
    let path = std::env::temp_dir().join(format!("qms-api-input-{}.xlsx", std::process::id()));
    std::fs::write(&path, book.body()).unwrap();
    let import = format!(r#"{{"op": "import-checklist", "dossier": {dossier}}}"#);
    let mut child = Command::new(env!("CARGO_BIN_EXE_qms"))
        .arg("api")
        .arg(&path)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(import.as_bytes())
        .unwrap();
    let o = child.wait_with_output().unwrap();
    assert_eq!(
        o.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["result"]["conflicts"], serde_json::json!([]));
    let _ = std::fs::remove_file(&path);
}
