#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! A member written twice is never resolved silently: in the dossier of a request the loader
//! reports QMS-V009 with both positions; in the request itself the request is refused.

use qms_api::{Status, call};
use serde_json::Value;

const EXAMPLE: &str = include_str!("../../../examples/so-khcn-ninh-binh.json");

#[test]
fn a_dossier_member_written_twice_is_a_problem_with_both_positions() {
    let dossier = EXAMPLE.replacen("\"agency\": {", "\"agency\": {\"name\": \"Cũ\",", 1);
    let r = call(
        format!("{{\"op\": \"validate\", \"lang\": \"en\", \"dossier\": {dossier}}}").as_bytes(),
        &[],
    );
    let v: Value = serde_json::from_slice(&r.json).unwrap();
    let text = v.to_string();
    assert!(text.contains("QMS-V009"), "{text}");
    // Positions count in the dossier's own text.
    let line = dossier[..dossier.find("\"agency\"").unwrap()]
        .matches('\n')
        .count()
        + 1;
    assert!(
        text.contains(&format!("first at line {line}, column")),
        "{text}"
    );
    // The op answers (status ok) that the dossier is not valid.
    assert_eq!(r.status, Status::Ok, "{text}");
    assert_eq!(v["valid"], false, "{text}");
}

#[test]
fn a_request_member_written_twice_is_refused() {
    let r = call(
        br#"{"op": "clauses", "edition": "2008", "edition": "2015"}"#,
        &[],
    );
    let v: Value = serde_json::from_slice(&r.json).unwrap();
    assert_ne!(r.status, Status::Ok, "{v}");
    assert!(v["message"].as_str().unwrap().contains("edition"), "{v}");
}
