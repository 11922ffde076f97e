//! The request shapes, one per op. Each is read from the whole request text, so that a dossier
//! embedded in it keeps its exact text (and its line numbers).

use qms_core::{Edition, Lang};
use schemars::JsonSchema;
use serde::Deserialize;
use serde_json::value::RawValue;

/// Only the op, read first to choose the shape.
#[derive(Deserialize)]
pub(crate) struct OpOnly {
    pub(crate) op: String,
}

/// `{"op": "validate", "dossier": {...} | "text", "lang": "vi"}`: parse and check a dossier.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidateRequest<'a> {
    /// "validate".
    #[schemars(extend("const" = "validate"))]
    pub op: String,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: &'a RawValue,
    /// Language of the messages.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "check", "dossier": {...}, "today": "2026-11-23", "lang": "vi"}`: run the rules.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest<'a> {
    /// "check".
    #[schemars(extend("const" = "check"))]
    pub op: String,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: &'a RawValue,
    /// The date of the check (the library never reads the clock).
    pub today: chrono::NaiveDate,
    /// Language of the messages.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "convert", "dossier": {...}, "to": "2015"}`: migrate a 2008 dossier.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConvertRequest<'a> {
    /// "convert".
    #[schemars(extend("const" = "convert"))]
    pub op: String,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: &'a RawValue,
    /// The target edition; only 2015.
    pub to: Edition,
    /// Language of the notes.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "rules", "lang": "vi"}`: every rule of the engine.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RulesRequest {
    /// "rules".
    #[schemars(extend("const" = "rules"))]
    pub op: String,
    /// Language of `title`.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "schema", "of": "dossier" | "request"}`: a JSON Schema.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemaRequest {
    /// "schema".
    #[schemars(extend("const" = "schema"))]
    pub op: String,
    /// Which schema; the dossier's by default.
    #[serde(default)]
    pub of: SchemaOf,
}

/// Which schema to return.
#[derive(Deserialize, JsonSchema, Default, Clone, Copy, PartialEq, Eq, Debug)]
#[serde(rename_all = "snake_case")]
pub enum SchemaOf {
    /// The dossier format.
    #[default]
    Dossier,
    /// The API requests.
    Request,
}

/// `{"op": "clauses", "edition": "2015", "lang": "vi"}`: the clause catalog of an edition.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClausesRequest {
    /// "clauses".
    #[schemars(extend("const" = "clauses"))]
    pub op: String,
    /// The edition; 2015 by default.
    #[serde(default = "default_2015")]
    pub edition: Edition,
    /// Language of the `title` member (both titles are always given too).
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "correlate", "clause": "8.2.2", "from": "2008", "to": "2015"}`: clause mapping.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrelateRequest {
    /// "correlate".
    #[schemars(extend("const" = "correlate"))]
    pub op: String,
    /// The clause id in the `from` edition.
    pub clause: String,
    /// The edition of `clause`; 2008 by default.
    #[serde(default = "default_2008")]
    pub from: Edition,
    /// The edition to map to; 2015 by default.
    #[serde(default = "default_2015")]
    pub to: Edition,
}

fn default_2015() -> Edition {
    Edition::Iso9001_2015
}

fn default_2008() -> Edition {
    Edition::Iso9001_2008
}
