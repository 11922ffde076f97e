//! JSON Schemas generated from the Rust types: the dossier, the API requests and responses.

use crate::op::RequestSchema;
use crate::response::*;
use schemars::{JsonSchema, generate::SchemaSettings};
use serde_json::Value;

/// Every response body, for the schema only: one shape per op, and the error.
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // never constructed: it exists to describe the responses
enum ResponseSchema {
    Validate(ValidateResponse),
    Check(CheckResponse),
    Rules(RulesResponse),
    Explain(ExplainResponse),
    Transition(TransitionResponse),
    Clauses(ClausesResponse),
    Correlate(CorrelateResponse),
    Convert(ConvertResponse),
    /// init, sample.
    Dossier(DossierResponse),
    ChecklistNew(ChecklistNewResponse),
    /// render, render-all, export-checklist (the description; the bytes are the body unless
    /// `"base64": true`).
    Document(DocumentResponse),
    ImportChecklist(ImportResponse),
    Rollup(crate::rollup::RollupResponse),
    /// schema: a JSON Schema.
    Schema(serde_json::Map<String, Value>),
    /// Every failed call.
    Error(ErrorResponse),
}

fn generate<T: JsonSchema>() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    generator.into_root_schema_for::<T>().to_value()
}

fn titled(mut s: Value, title: &str) -> Value {
    if let Value::Object(o) = &mut s {
        o.insert("title".into(), title.into());
    }
    s
}

/// The JSON Schema of the dossier format.
///
/// ```
/// let s = qms_api::schema::dossier();
/// assert_eq!(s["title"], "Dossier");
/// ```
pub fn dossier() -> Value {
    generate::<qms_core::Dossier>()
}

/// The JSON Schema of the API requests.
///
/// ```
/// let s = qms_api::schema::request().to_string();
/// assert!(s.contains("\"render-all\"") && s.contains("\"review-notice\""));
/// ```
pub fn request() -> Value {
    titled(generate::<RequestSchema<'static>>(), "Request")
}

/// The JSON Schema of the API responses (one shape per op, and the error).
///
/// ```
/// let s = qms_api::schema::response();
/// assert_eq!(s["title"], "Response");
/// ```
pub fn response() -> Value {
    titled(generate::<ResponseSchema>(), "Response")
}

/// A schema as the committed file holds it: pretty JSON with a final newline.
pub fn to_pretty(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}
