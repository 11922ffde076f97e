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

/// `{"op": "export-checklist", "dossier": ..., "audit": "dg1", "today": "2026-05-10"}`: the
/// checklist workbook of an audit, as base64.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportChecklistRequest<'a> {
    /// "export-checklist".
    #[schemars(extend("const" = "export-checklist"))]
    pub op: String,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: &'a RawValue,
    /// The audit (an audit id).
    pub audit: String,
    /// Answer with JSON carrying the document as base64 (for JSON-only transports) instead of
    /// the raw bytes.
    #[serde(default)]
    pub base64: bool,
    /// Only the checklists of this auditor (a person id).
    #[serde(default)]
    pub auditor: Option<String>,
    /// A password for the sheet protection (none by default).
    #[serde(default)]
    pub password: Option<String>,
    /// The date written in the workbook's properties.
    pub today: chrono::NaiveDate,
    /// Language of the workbook.
    #[serde(default)]
    pub lang: Lang,
}

/// A filled workbook sent to `import-checklist`.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkbookInput {
    /// The name conflicts are reported with, e.g. the file name.
    pub name: String,
    /// The .xlsx bytes, base64-encoded.
    pub base64: String,
}

/// `{"op": "import-checklist", "dossier": ..., "workbooks": [{"name", "base64"}]}`: merge filled
/// checklist workbooks into the dossier; conflicts reported, nothing dropped.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportChecklistRequest<'a> {
    /// "import-checklist".
    #[schemars(extend("const" = "import-checklist"))]
    pub op: String,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: &'a RawValue,
    /// The filled workbooks.
    pub workbooks: Vec<WorkbookInput>,
    /// Apply what has no conflict even when other rows conflict (all-or-nothing by default).
    #[serde(default)]
    pub partial: bool,
    /// Language of the messages.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "render", "dossier": ..., "kind": "findings", "today": "2026-11-23"}`: a document
/// (Word or Excel) as base64.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderRequest<'a> {
    /// "render".
    #[schemars(extend("const" = "render"))]
    pub op: String,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: &'a RawValue,
    /// The document: programme, plan, report, car, review-notice, review-report, minutes,
    /// checklist, findings, actions, summary, registers.
    pub kind: String,
    /// Answer with JSON carrying the document as base64 (for JSON-only transports) instead of
    /// the raw bytes.
    #[serde(default)]
    pub base64: bool,
    /// "docx" or "xlsx"; each kind has its default.
    #[serde(default)]
    pub format: Option<String>,
    /// The audit (an audit id), for audit documents.
    #[serde(default)]
    pub audit: Option<String>,
    /// The management review (a review id), for review documents.
    #[serde(default)]
    pub review: Option<String>,
    /// One corrective action (an id), for `car`.
    #[serde(default)]
    pub corrective_action: Option<String>,
    /// The date of the document where the dossier gives none, and of overdue highlighting.
    pub today: chrono::NaiveDate,
    /// Language of the document.
    #[serde(default)]
    pub lang: Lang,
}
