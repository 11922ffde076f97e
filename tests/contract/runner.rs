//! The one runner of the contract cases (format in `tests/contract/README.md`), shared by the
//! Rust entry points: qms-api's tests call it with `qms_api::call`, qms-ffi's with `qms_call`.
//! Included with `#[path]` from each crate's tests, so the two cannot drift apart.
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use serde_json::Value;
use std::path::{Path, PathBuf};

/// The repository root, from a crate's manifest directory.
pub(crate) fn root(manifest_dir: &str) -> PathBuf {
    Path::new(manifest_dir).join("../..")
}

/// The request bytes of a case (or of its `input_from`).
fn request_bytes(root: &Path, case: &Value) -> Vec<u8> {
    if let Some(text) = case["request_text"].as_str() {
        return text.as_bytes().to_vec();
    }
    if let Some(hex) = case["request_hex"].as_str() {
        return (0..hex.len())
            .step_by(2)
            .map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap())
            .collect();
    }
    let mut request = case["request"].clone();
    if let Some(path) = case["dossier"].as_str() {
        let text = std::fs::read(root.join(path)).unwrap();
        request["dossier"] = serde_json::from_slice(&text).unwrap();
    }
    serde_json::to_vec(&request).unwrap()
}

/// Runs every case through `call(request, input) -> (status, body)` and checks its
/// expectations.
pub(crate) fn run_all(root: &Path, call: impl Fn(&[u8], Option<&[u8]>) -> (i64, Vec<u8>)) {
    let dir = root.join("tests/contract/cases");
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    assert!(paths.len() >= 10, "too few cases in {}", dir.display());
    for path in paths {
        let name = path.file_name().unwrap().to_string_lossy().into_owned();
        let case: Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        let input = case.get("input_from").map(|from| {
            let (status, body) = call(&request_bytes(root, from), None);
            assert_eq!(status, 0, "{name}: input_from failed");
            body
        });
        let (status, body) = call(&request_bytes(root, &case), input.as_deref());
        let expect = &case["expect"];
        assert_eq!(
            status,
            expect["status"].as_i64().unwrap(),
            "{name}: {}",
            String::from_utf8_lossy(&body[..body.len().min(400)])
        );
        match expect["body"].as_str().unwrap() {
            "zip" => assert!(body.starts_with(b"PK"), "{name}: not a zip"),
            "json" => {
                let v: Value = serde_json::from_slice(&body)
                    .unwrap_or_else(|e| panic!("{name}: body is not JSON: {e}"));
                if let Some(eq) = expect["equals"].as_object() {
                    for (pointer, want) in eq {
                        assert_eq!(v.pointer(pointer), Some(want), "{name}: {pointer}");
                    }
                }
                for p in expect["nonempty"].as_array().into_iter().flatten() {
                    let p = p.as_str().unwrap();
                    let ok = match v.pointer(p) {
                        Some(Value::Array(a)) => !a.is_empty(),
                        Some(Value::Object(o)) => !o.is_empty(),
                        Some(Value::String(s)) => !s.is_empty(),
                        _ => false,
                    };
                    assert!(ok, "{name}: {p} is empty or missing");
                }
            }
            other => panic!("{name}: unknown body kind {other}"),
        }
    }
}
