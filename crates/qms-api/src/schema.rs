//! JSON Schemas generated from the Rust types: the dossier and the API requests.

use crate::request::{
    CheckRequest, ClausesRequest, ConvertRequest, CorrelateRequest, ExportChecklistRequest,
    ImportChecklistRequest, RenderRequest, RulesRequest, SchemaRequest, ValidateRequest,
};
use schemars::{JsonSchema, generate::SchemaSettings};
use serde_json::Value;

/// Every request the API accepts, for the schema only (dispatch reads each shape directly).
#[derive(JsonSchema)]
#[serde(untagged)]
#[allow(dead_code)] // never constructed: it exists to describe the requests
enum Request<'a> {
    #[serde(borrow)]
    Validate(ValidateRequest<'a>),
    Check(CheckRequest<'a>),
    Rules(RulesRequest),
    Convert(ConvertRequest<'a>),
    Render(RenderRequest<'a>),
    ExportChecklist(ExportChecklistRequest<'a>),
    ImportChecklist(ImportChecklistRequest<'a>),
    Schema(SchemaRequest),
    Clauses(ClausesRequest),
    Correlate(CorrelateRequest),
    Rollup(crate::rollup::RollupRequest<'a>),
}

fn generate<T: JsonSchema>() -> Value {
    let generator = SchemaSettings::draft2020_12().into_generator();
    generator.into_root_schema_for::<T>().to_value()
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
pub fn request() -> Value {
    let mut s = generate::<Request<'static>>();
    if let Value::Object(o) = &mut s {
        o.insert("title".into(), "Request".into());
    }
    s
}

/// A schema as the committed file holds it: pretty JSON with a final newline.
pub fn to_pretty(schema: &Value) -> String {
    let mut s = serde_json::to_string_pretty(schema).unwrap_or_default();
    s.push('\n');
    s
}
