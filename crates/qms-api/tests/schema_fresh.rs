#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The committed JSON Schemas match the Rust types. `QMS_UPDATE_SCHEMA=1 cargo test` rewrites them.

use std::path::PathBuf;

fn check(file: &str, schema: serde_json::Value) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../docs/schema")
        .join(file);
    let fresh = qms_api::schema::to_pretty(&schema);
    if std::env::var_os("QMS_UPDATE_SCHEMA").is_some() {
        std::fs::write(&path, &fresh).unwrap();
        return;
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == fresh,
        "{} is stale: run `QMS_UPDATE_SCHEMA=1 cargo test -p qms-api --test schema_fresh` and commit it",
        path.display()
    );
}

#[test]
fn dossier_schema_is_fresh() {
    check("dossier.schema.json", qms_api::schema::dossier());
}

#[test]
fn request_schema_is_fresh() {
    check("request.schema.json", qms_api::schema::request());
}

#[test]
fn response_schema_is_fresh() {
    check("response.schema.json", qms_api::schema::response());
}

#[test]
fn schema_op_returns_the_dossier_schema() {
    let r = qms_api::call(br#"{"op": "schema"}"#, &[]);
    assert_eq!(r.status, qms_api::Status::Ok);
    let r: serde_json::Value = serde_json::from_slice(&r.json).unwrap();
    assert_eq!(r, qms_api::schema::dossier());
    let props = r["properties"].as_object().unwrap();
    for key in [
        "agency",
        "scope",
        "audits",
        "corrective_actions",
        "management_reviews",
        "registers",
    ] {
        assert!(props.contains_key(key), "{key}");
    }
    assert_eq!(r["additionalProperties"], false);
}
