//! Requests of the document ops: render, render-all, export-checklist, import-checklist.

use super::{DocumentKind, DossierArg, Format};
use crate::OpName;
use qms_core::Lang;
use schemars::JsonSchema;
use serde::Deserialize;

/// `{"op": "render", "dossier": ..., "kind": "findings", "today": "2026-11-23"}`: one document
/// (Word or Excel), answered as raw bytes (or as base64 JSON with `"base64": true`).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderRequest<'a> {
    /// "render".
    #[schemars(with = "String", extend("const" = "render"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
    /// The document.
    pub kind: DocumentKind,
    /// Answer with JSON carrying the document as base64 (for JSON-only transports) instead of
    /// the raw bytes.
    #[serde(default)]
    pub base64: bool,
    /// The format; each kind has its default (Word, except the Excel registers and trackers).
    #[serde(default)]
    pub format: Option<Format>,
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
    /// For the `actions` workbook: highlight actions overdue on the day the file is opened
    /// (TODAY() formulas) instead of on `today`. Default false.
    #[serde(default)]
    pub live_overdue: bool,
}

/// `{"op": "render-all", "dossier": ..., "today": "2026-11-23"}`: every document of the
/// dossier in one zip (fixed entry order and timestamps).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RenderAllRequest<'a> {
    /// "render-all".
    #[schemars(with = "String", extend("const" = "render-all"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
    /// Answer with JSON carrying the zip as base64 instead of the raw bytes.
    #[serde(default)]
    pub base64: bool,
    /// The date of the documents where the dossier gives none.
    pub today: chrono::NaiveDate,
    /// Language of the documents.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "export-checklist", "dossier": ..., "audit": "dg1", "today": "2026-05-10"}`: the
/// checklist workbook of an audit, to fill offline in Excel.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExportChecklistRequest<'a> {
    /// "export-checklist".
    #[schemars(with = "String", extend("const" = "export-checklist"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
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

/// A filled workbook sent inside the JSON of `import-checklist` (JSON-only transports).
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct WorkbookInput {
    /// The name conflicts are reported with, e.g. the file name.
    pub name: String,
    /// The .xlsx bytes, base64-encoded (line breaks allowed).
    pub base64: String,
}

/// `{"op": "import-checklist", "dossier": ..., "input_names": ["to-1.xlsx"]}` with the filled
/// workbooks passed as the call's inputs (or as `workbooks: [{name, base64}]`): merge them into
/// the dossier; conflicts reported, nothing dropped.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ImportChecklistRequest<'a> {
    /// "import-checklist".
    #[schemars(with = "String", extend("const" = "import-checklist"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
    /// Workbooks given as base64 inside the request; read before the call's inputs.
    #[serde(default)]
    pub workbooks: Vec<WorkbookInput>,
    /// Names of the call's inputs, in order; "input-1.xlsx", "input-2.xlsx"... by default.
    #[serde(default)]
    pub input_names: Vec<String>,
    /// Apply what has no conflict even when other rows conflict (all-or-nothing by default).
    #[serde(default)]
    pub partial: bool,
    /// List at most this many changes in the response (every one by default); the others
    /// are applied all the same and counted in `changes_omitted`. A workbook of 100,000 filled
    /// rows makes about 180,000 changes.
    #[serde(default)]
    pub list_changes: Option<usize>,
    /// Language of the messages.
    #[serde(default)]
    pub lang: Lang,
}
