//! The single entry `qms_api::call`, op by op: documents as raw bytes, inputs as bytes,
//! statuses, error codes, messages in the request's language and paths into the request.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use base64::Engine;
use base64::engine::general_purpose::STANDARD;
use qms_api::{Response, Status, call};
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../../examples/so-khcn-ninh-binh.json");
const EXAMPLE_2008: &str = include_str!("../../../examples/ubnd-xa-tan-thanh-2008.json");

fn req(op_members: &str) -> Vec<u8> {
    format!("{{{op_members}, \"dossier\": {EXAMPLE}}}").into_bytes()
}

fn json(r: &Response) -> Value {
    serde_json::from_slice(&r.json).unwrap_or_else(|e| panic!("{e}: {:?}", r.json))
}

fn ok(r: &Response) -> Value {
    assert_eq!(r.status, Status::Ok, "{}", String::from_utf8_lossy(&r.json));
    json(r)
}

fn err(r: &Response, status: Status, code: &str, path: &str) -> Value {
    assert_eq!(r.status, status, "{}", String::from_utf8_lossy(&r.json));
    let v = json(r);
    assert_eq!(v["code"], code, "{v}");
    assert_eq!(v["path"], path, "{v}");
    assert!(v["message"].as_str().is_some_and(|m| !m.is_empty()));
    v
}

fn unzip_names(bytes: &[u8]) -> Vec<String> {
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect()
}

#[test]
fn render_answers_raw_bytes_with_a_description_and_base64_only_on_request() {
    let r = call(
        &req(r#""op": "render", "kind": "report", "audit": "dgnb-2026-1", "today": "2026-11-23""#),
        &[],
    );
    let info = ok(&r);
    let bytes = r.bytes.as_deref().unwrap();
    assert!(bytes.starts_with(b"PK"));
    assert_eq!(r.body(), bytes);
    assert_eq!(info["file_name"], "bao-cao-dgnb-2026-1.docx");
    assert_eq!(info["size"], bytes.len());
    assert!(info.get("base64").is_none());
    let r64 = call(
        &req(
            r#""op": "render", "kind": "report", "audit": "dgnb-2026-1", "today": "2026-11-23", "base64": true"#,
        ),
        &[],
    );
    let v = ok(&r64);
    assert!(r64.bytes.is_none());
    assert_eq!(
        STANDARD.decode(v["base64"].as_str().unwrap()).unwrap(),
        bytes,
        "the same document either way"
    );
    // JSON-only transports get base64 without asking.
    let j = qms_api::call_json_only(
        &req(r#""op": "render", "kind": "report", "audit": "dgnb-2026-1", "today": "2026-11-23""#),
        &[],
    );
    assert_eq!(json(&j)["base64"], v["base64"]);
}

#[test]
fn render_all_answers_one_reproducible_zip_of_every_document() {
    let request = req(r#""op": "render-all", "today": "2026-11-23""#);
    let a = call(&request, &[]);
    let info = ok(&a);
    let names = unzip_names(a.body());
    let listed: Vec<&str> = info["documents"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["file_name"].as_str().unwrap())
        .collect();
    assert_eq!(names, listed);
    for want in [
        "ke-hoach-dgnb-2026-1.docx",
        "theo-doi-hanh-dong-khac-phuc.xlsx",
    ] {
        assert!(names.iter().any(|n| n == want), "{want} in {names:?}");
    }
    assert_eq!(
        call(&request, &[]).body(),
        a.body(),
        "same input, same bytes"
    );
}

#[test]
fn workbooks_go_in_as_inputs_or_as_wrapped_base64() {
    let wb = call(
        &req(r#""op": "export-checklist", "audit": "dgnb-2026-1", "today": "2026-11-23""#),
        &[],
    );
    assert_eq!(
        ok(&wb)["file_name"],
        "phieu-cau-hoi-danh-gia-dgnb-2026-1.xlsx"
    );
    let r = call(
        &req(r#""op": "import-checklist", "input_names": ["phieu.xlsx"]"#),
        &[wb.body()],
    );
    assert_eq!(ok(&r)["conflicts"].as_array().unwrap().len(), 0);
    assert_eq!(ok(&r)["changes_omitted"], 0);
    // Base64 wrapped at 76 columns, as MIME and many encoders write it.
    let b64 = STANDARD.encode(wb.body());
    let wrapped: Vec<&str> = b64
        .as_bytes()
        .chunks(76)
        .map(|c| std::str::from_utf8(c).unwrap())
        .collect();
    let body = format!(
        r#""op": "import-checklist", "workbooks": [{{"name": "a.xlsx", "base64": "{}"}}]"#,
        wrapped.join("\\r\\n")
    );
    assert_eq!(ok(&call(&req(&body), &[]))["changes"], Value::Array(vec![]));
    // A bad input is named by its place: the second input here.
    let r = call(
        &req(r#""op": "import-checklist""#),
        &[wb.body(), b"%PDF-1.7"],
    );
    let v = err(&r, Status::Document, "not-xlsx", "inputs[1]");
    assert!(
        v["message"].as_str().unwrap().contains("input-2.xlsx"),
        "{v}"
    );
}

#[test]
fn every_op_answers() {
    let cases = [
        req(r#""op": "validate""#),
        req(r#""op": "check", "today": "2026-11-23""#),
        br#"{"op": "rules"}"#.to_vec(),
        br#"{"op": "explain", "code": "QMS-V004"}"#.to_vec(),
        br#"{"op": "clauses", "edition": "2008"}"#.to_vec(),
        br#"{"op": "correlate", "clause": "8.2.2"}"#.to_vec(),
        format!(r#"{{"op": "convert", "to": "2015", "dossier": {EXAMPLE_2008}}}"#).into_bytes(),
        r#"{"op": "init", "agency": "Sở Tư pháp"}"#.as_bytes().to_vec(),
        req(r#""op": "checklist-new", "audit": "dgnb-2026-1", "unit": "motcua""#),
        req(r#""op": "export-checklist", "audit": "dgnb-2026-1", "today": "2026-11-23""#),
        req(r#""op": "import-checklist""#),
        req(r#""op": "render", "kind": "actions", "today": "2026-11-23""#),
        req(r#""op": "render-all", "today": "2026-11-23""#),
        br#"{"op": "sample", "checklist_items": 10, "findings": 2}"#.to_vec(),
        br#"{"op": "schema"}"#.to_vec(),
        req(
            r#""op": "transition", "corrective_action": "car-09", "to": "analysing", "date": "2026-11-23""#,
        ),
        format!(r#"{{"op": "rollup", "today": "2026-11-23", "dossiers": [{EXAMPLE}]}}"#)
            .into_bytes(),
    ];
    assert_eq!(cases.len(), qms_api::OpName::ALL.len(), "one case per op");
    for (request, op) in cases.iter().zip(qms_api::OpName::ALL) {
        let r = call(request, &[]);
        assert_eq!(
            r.status,
            Status::Ok,
            "{}: {}",
            op.as_str(),
            String::from_utf8_lossy(&r.json)
        );
        let v = json(&r);
        assert!(v.is_object(), "{}", op.as_str());
    }
}

#[test]
fn new_ops_give_valid_dossiers() {
    for request in [
        r#"{"op": "init", "agency": "UBND xã Hòa Bình"}"#.as_bytes().to_vec(),
        br#"{"op": "sample", "checklist_items": 30, "findings": 4, "seed": 3}"#.to_vec(),
        format!(r#"{{"op": "convert", "to": "2015", "dossier": {EXAMPLE_2008}}}"#).into_bytes(),
        req(r#""op": "checklist-new", "audit": "dgnb-2026-1", "unit": "motcua""#),
    ] {
        let v = ok(&call(&request, &[]));
        let text = serde_json::to_vec(&v["dossier"]).unwrap();
        assert!(
            qms_core::load(&text).is_ok(),
            "{}",
            String::from_utf8_lossy(&request[..40])
        );
    }
    let a = call(
        br#"{"op": "sample", "checklist_items": 30, "findings": 4}"#,
        &[],
    );
    let b = call(
        br#"{"op": "sample", "checklist_items": 30, "findings": 4}"#,
        &[],
    );
    assert_eq!(a.json, b.json, "sample is deterministic");
}

#[test]
fn convert_refuses_a_2008_dossier_with_an_unknown_clause() {
    // Every clause of the 2008 catalog has a 2015 counterpart, so an unmappable clause is
    // caught when the 2008 dossier is loaded (and, defensively, `conversion-invalid` guards
    // the converted dossier).
    let mut d: Value = serde_json::from_str(EXAMPLE_2008).unwrap();
    d["audits"][0]["findings"][0]["clauses"] = serde_json::json!(["4.9.9"]);
    let request = serde_json::json!({"op": "convert", "to": "2015", "dossier": d});
    let r = call(request.to_string().as_bytes(), &[]);
    let v = err(&r, Status::InvalidDossier, "invalid-dossier", "dossier");
    assert_eq!(
        v["problems"][0]["path"], "audits[0].findings[0].clauses[0]",
        "{v}"
    );
}

#[test]
fn failures_have_a_status_a_code_a_message_in_the_language_and_a_path() {
    err(&call(b"{", &[]), Status::BadRequest, "bad-request", "$");
    err(
        &call(b"\xff\xfe", &[]),
        Status::BadRequest,
        "bad-request",
        "$",
    );
    err(
        &call(br#"{"op": "fly"}"#, &[]),
        Status::UnknownOp,
        "unknown-op",
        "op",
    );
    err(
        &call(br#"{"op": 3}"#, &[]),
        Status::BadRequest,
        "bad-request",
        "op",
    );
    err(
        &call(
            br#"{"op": "check", "dossier": {}, "today": "2026-11-23"}"#,
            &[],
        ),
        Status::InvalidDossier,
        "invalid-dossier",
        "dossier",
    );
    let vi = err(
        &call(br#"{"op": "correlate", "clause": "99.9"}"#, &[]),
        Status::NotFound,
        "unknown-clause",
        "clause",
    );
    assert!(
        vi["message"].as_str().unwrap().contains("không có trong"),
        "{vi}"
    );
    let en = err(
        &call(
            br#"{"op": "correlate", "clause": "99.9", "lang": "en"}"#,
            &[],
        ),
        Status::NotFound,
        "unknown-clause",
        "clause",
    );
    assert!(
        en["message"]
            .as_str()
            .unwrap()
            .starts_with("unknown clause"),
        "{en}"
    );
    err(
        &call(
            br#"{"op": "check", "dossier": {}, "today": "23/11/2026"}"#,
            &[],
        ),
        Status::BadRequest,
        "bad-request",
        "today",
    );
    err(
        &call(
            br#"{"op": "import-checklist", "dossier": {}, "workbooks": [{"name": "a"}]}"#,
            &[],
        ),
        Status::BadRequest,
        "bad-request",
        "workbooks[0].base64",
    );
    let v = err(
        &call(
            &req(
                r#""op": "render", "kind": "plan", "audit": "x", "today": "2026-11-23", "lang": "en""#,
            ),
            &[],
        ),
        Status::NotFound,
        "unknown-audit",
        "audit",
    );
    assert!(
        v["message"].as_str().unwrap().contains("dgnb-2026-1"),
        "lists the audits: {v}"
    );
    err(
        &call(
            &req(
                r#""op": "render", "kind": "car", "corrective_action": "x", "today": "2026-11-23""#,
            ),
            &[],
        ),
        Status::NotFound,
        "unknown-corrective-action",
        "corrective_action",
    );
    err(
        &call(
            &req(
                r#""op": "export-checklist", "audit": "dgnb-2026-1", "auditor": "x", "today": "2026-11-23""#,
            ),
            &[],
        ),
        Status::NotFound,
        "unknown-person",
        "auditor",
    );
    err(
        &call(
            &req(r#""op": "render", "kind": "findings", "format": "docx", "today": "2026-11-23""#),
            &[],
        ),
        Status::BadRequest,
        "unsupported-format",
        "format",
    );
    err(
        &call(br#"{"op": "sample", "findings": 99999999}"#, &[]),
        Status::TooLarge,
        "too-large",
        "findings",
    );
    err(
        &call(br#"{"op": "rules"}"#, &[b"PK"]),
        Status::BadRequest,
        "bad-request",
        "$",
    );
}

#[test]
fn a_dossier_without_a_single_audit_needs_one_named() {
    let init = ok(&call(br#"{"op": "init"}"#, &[]));
    let request = serde_json::json!({"op": "render", "kind": "plan", "today": "2026-11-23",
                                     "dossier": init["dossier"]});
    let r = call(request.to_string().as_bytes(), &[]);
    err(&r, Status::BadRequest, "missing-target", "audit");
}

#[test]
fn transition_takes_legal_steps_and_explains_refusals() {
    let step = |ca: &str, to: &str, lang: &str| {
        let r = call(
            &req(&format!(
                r#""op": "transition", "corrective_action": "{ca}", "to": "{to}", "date": "2026-11-23", "lang": "{lang}""#
            )),
            &[],
        );
        ok(&r)
    };
    let v = step("car-09", "analysing", "vi");
    assert_eq!(v["applied"], true);
    let d = &v["dossier"]["corrective_actions"];
    let ca = d
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "car-09")
        .unwrap();
    assert_eq!(ca["state"], "analysing");
    assert_eq!(
        ca["history"].as_array().unwrap().last().unwrap()["date"],
        "2026-11-23"
    );
    // Closing a request whose actions are unfinished: refused, with what is missing.
    let v = step("car-03", "verifying", "en");
    assert_eq!(v["applied"], false);
    assert!(v.get("dossier").is_none());
    assert_eq!(v["missing"][0]["member"], "actions");
    assert!(
        v["reason"].as_str().unwrap().contains("completion date"),
        "{v}"
    );
    // An illegal step names the allowed ones, in Vietnamese by default.
    let v = step("car-01", "in_progress", "vi");
    assert_eq!(v["allowed"], Value::Array(vec![]));
    assert!(
        v["reason"].as_str().unwrap().contains("trạng thái cuối"),
        "{v}"
    );
}

#[test]
fn render_all_makes_every_document_it_can_and_lists_the_ones_it_cannot() {
    let mut d: Value = serde_json::from_str(EXAMPLE).unwrap();
    // Longer than an Excel cell holds: the workbooks showing it cannot be made; Word can.
    d["audits"][0]["findings"][0]["evidence"] = Value::String("Hồ sơ trễ hạn. ".repeat(2_500));
    let request =
        serde_json::json!({"op": "render-all", "today": "2026-11-23", "lang": "en", "dossier": d});
    let r = call(&serde_json::to_vec(&request).unwrap(), &[]);
    assert_eq!(r.status, Status::Ok, "{}", String::from_utf8_lossy(&r.json));
    let info: Value = serde_json::from_slice(&r.json).unwrap();
    let failed = info["failed"].as_array().unwrap();
    assert!(!failed.is_empty());
    for f in failed {
        assert_eq!(f["code"], "cell-too-long");
        assert!(f["file_name"].as_str().unwrap().ends_with(".xlsx"), "{f}");
        assert!(f["message"].as_str().unwrap().contains("32"), "{f}");
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(r.body())).unwrap();
    let names: Vec<String> = (0..zip.len())
        .map(|i| zip.by_index(i).unwrap().name().unwrap().to_string())
        .collect();
    assert!(
        names
            .iter()
            .any(|n| n.starts_with("bao-cao") && n.ends_with(".docx")),
        "{names:?}"
    );
    assert!(
        names.iter().any(|n| n.ends_with(".xlsx")),
        "the other workbooks are made"
    );
    let mut listed = String::new();
    std::io::Read::read_to_string(
        &mut zip.by_name(qms_api::ops::FAILURES_ENTRY).unwrap(),
        &mut listed,
    )
    .unwrap();
    assert_eq!(listed.lines().count(), failed.len());
}

/// A request that is not JSON, or a date that does not exist, is explained in Vietnamese
/// (the default language): serde_json's and chrono's own English ("trailing comma at line 1
/// column 20", "input is out of range") reached the user as they were.
#[test]
fn request_errors_are_worded_in_the_requests_language() {
    for (request, path, vi) in [
        (
            r#"{"op": "validate", }"#,
            "$",
            "JSON sai cú pháp: dấu phẩy thừa trước dấu đóng ngoặc (dòng 1, cột 20)",
        ),
        (
            r#"{"op": "check", "dossier": {}, "today": "2026-13-01"}"#,
            "today",
            "không có ngày này: tháng từ 1 đến 12",
        ),
    ] {
        let v = err(
            &call(request.as_bytes(), &[]),
            Status::BadRequest,
            "bad-request",
            path,
        );
        let message = v["message"].as_str().unwrap();
        assert!(message.contains(vi), "{message}");
        for english in ["expected", "trailing comma", "at line", "out of range"] {
            assert!(!message.contains(english), "{message}");
        }
    }
    // In English, chrono's words stay.
    let request = r#"{"op": "check", "lang": "en", "dossier": {}, "today": "2026-13-01"}"#;
    let v = err(
        &call(request.as_bytes(), &[]),
        Status::BadRequest,
        "bad-request",
        "today",
    );
    assert!(
        v["message"]
            .as_str()
            .unwrap()
            .contains("input is out of range"),
        "{v}"
    );
}
