//! The request shapes, one per op. Each is read from the whole request text, so that a dossier
//! embedded in it keeps its exact text (and its line numbers).
//!
//! Rust callers (the CLI) build these structs directly and call the op functions of
//! [`crate::ops`], the same functions [`crate::call`] dispatches to.

mod documents;
mod dossier_arg;
mod dossiers;

pub use documents::*;
pub use dossier_arg::DossierArg;
pub(crate) use dossier_arg::shift as dossier_arg_shift;
pub use dossiers::*;

use crate::OpName;
use qms_core::{Edition, Lang};
use schemars::JsonSchema;
use serde::Deserialize;

/// `{"op": "validate", "dossier": {...} | "text", "lang": "vi"}`: parse and check a dossier.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ValidateRequest<'a> {
    /// "validate".
    #[schemars(with = "String", extend("const" = "validate"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
    /// Language of the messages.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "check", "dossier": {...}, "today": "2026-11-23", "lang": "vi"}`: run the rules.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckRequest<'a> {
    /// "check".
    #[schemars(with = "String", extend("const" = "check"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
    /// The date of the check (the library never reads the clock).
    pub today: chrono::NaiveDate,
    /// Language of the messages.
    #[serde(default)]
    pub lang: Lang,
    /// Which diagnostics to list; the counts `errors`, `warnings` and `infos` always cover
    /// them all.
    #[serde(default)]
    pub filter: CheckFilter,
}

/// A view on the diagnostics of `check`: only some rules, severities or units, at most so many.
///
/// ```
/// let f = qms_api::request::CheckFilter::default();
/// assert!(f.rules.is_empty() && f.limit.is_none()); // everything by default
/// ```
#[derive(Debug, Clone, Default, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CheckFilter {
    /// Only these rules (codes as in `QMS-C002`, `c002` or `C002`).
    #[serde(default)]
    pub rules: Vec<String>,
    /// Only diagnostics at least this severe (`warning` keeps errors and warnings).
    #[serde(default)]
    pub severity: Option<qms_core::rules::Severity>,
    /// Only diagnostics about this unit (a unit id).
    #[serde(default)]
    pub unit: Option<String>,
    /// At most this many diagnostics listed (the rest counted in `omitted`).
    #[serde(default)]
    pub limit: Option<usize>,
}

/// `{"op": "convert", "dossier": {...}, "to": "2015"}`: migrate a 2008 dossier; the result is
/// validated before it is returned.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ConvertRequest<'a> {
    /// "convert".
    #[schemars(with = "String", extend("const" = "convert"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
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
    #[schemars(with = "String", extend("const" = "rules"))]
    pub op: OpName,
    /// Language of `title`.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "schema", "of": "dossier" | "request" | "response"}`: a JSON Schema.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SchemaRequest {
    /// "schema".
    #[schemars(with = "String", extend("const" = "schema"))]
    pub op: OpName,
    /// Which schema; the dossier's by default.
    #[serde(default)]
    pub of: SchemaOf,
    /// Language of error messages.
    #[serde(default)]
    pub lang: Lang,
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
    /// The API responses (results and errors).
    Response,
}

/// `{"op": "clauses", "edition": "2015", "lang": "vi"}`: the clause catalog of an edition.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ClausesRequest {
    /// "clauses".
    #[schemars(with = "String", extend("const" = "clauses"))]
    pub op: OpName,
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
    #[schemars(with = "String", extend("const" = "correlate"))]
    pub op: OpName,
    /// The clause id in the `from` edition.
    pub clause: String,
    /// The edition of `clause`; 2008 by default.
    #[serde(default = "default_2008")]
    pub from: Edition,
    /// The edition to map to; 2015 by default.
    #[serde(default = "default_2015")]
    pub to: Edition,
    /// Language of error messages.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "explain", "code": "QMS-C002", "lang": "vi"}`: what a rule or validation code means,
/// why it matters and how to fix it.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExplainRequest {
    /// "explain".
    #[schemars(with = "String", extend("const" = "explain"))]
    pub op: OpName,
    /// The code, in any case, with or without "QMS-": "QMS-C002", "c002".
    pub code: String,
    /// Language of the text.
    #[serde(default)]
    pub lang: Lang,
}

pub(crate) fn default_2015() -> Edition {
    Edition::Iso9001_2015
}

fn default_2008() -> Edition {
    Edition::Iso9001_2008
}

/// A document the API renders, by the name the CLI and the API share.
#[derive(Deserialize, JsonSchema, Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[serde(rename_all = "kebab-case")]
pub enum DocumentKind {
    /// Chương trình đánh giá (audit programme): Word, or the unit × month matrix in Excel.
    Programme,
    /// Kế hoạch đánh giá (audit plan), Word.
    Plan,
    /// Quyết định thành lập Đoàn đánh giá nội bộ (decision on the audit team), Word.
    TeamDecision,
    /// Báo cáo đánh giá (audit report), Word.
    Report,
    /// Phiếu yêu cầu hành động khắc phục (corrective-action requests), Word.
    Car,
    /// Thông báo họp xem xét của lãnh đạo (review meeting notice), Word.
    ReviewNotice,
    /// Báo cáo xem xét của lãnh đạo (review input report), Word.
    ReviewReport,
    /// Biên bản họp xem xét của lãnh đạo (review minutes), Word.
    Minutes,
    /// Phiếu câu hỏi đánh giá (checklist workbook of an audit), Excel.
    Checklist,
    /// Sổ theo dõi phát hiện (findings register), Excel.
    Findings,
    /// Theo dõi hành động khắc phục (corrective-action tracker), Excel.
    Actions,
    /// Tổng hợp kết quả đánh giá (audit summary), Excel.
    Summary,
    /// Danh mục tài liệu, hồ sơ (document and record registers), Excel.
    Registers,
}

impl DocumentKind {
    /// Every kind, Word documents first.
    pub const ALL: [DocumentKind; 13] = [
        DocumentKind::Programme,
        DocumentKind::TeamDecision,
        DocumentKind::Plan,
        DocumentKind::Report,
        DocumentKind::Car,
        DocumentKind::ReviewNotice,
        DocumentKind::ReviewReport,
        DocumentKind::Minutes,
        DocumentKind::Checklist,
        DocumentKind::Findings,
        DocumentKind::Actions,
        DocumentKind::Summary,
        DocumentKind::Registers,
    ];

    /// The name used on the command line and in the API.
    ///
    /// ```
    /// use qms_api::request::DocumentKind;
    /// assert_eq!(DocumentKind::ReviewNotice.slug(), "review-notice");
    /// assert_eq!(DocumentKind::parse("findings"), Some(DocumentKind::Findings));
    /// ```
    pub fn slug(self) -> &'static str {
        match self {
            DocumentKind::Programme => "programme",
            DocumentKind::Plan => "plan",
            DocumentKind::TeamDecision => "team-decision",
            DocumentKind::Report => "report",
            DocumentKind::Car => "car",
            DocumentKind::ReviewNotice => "review-notice",
            DocumentKind::ReviewReport => "review-report",
            DocumentKind::Minutes => "minutes",
            DocumentKind::Checklist => "checklist",
            DocumentKind::Findings => "findings",
            DocumentKind::Actions => "actions",
            DocumentKind::Summary => "summary",
            DocumentKind::Registers => "registers",
        }
    }

    /// The kind with a slug.
    pub fn parse(slug: &str) -> Option<DocumentKind> {
        DocumentKind::ALL.into_iter().find(|k| k.slug() == slug)
    }

    /// The formats the kind comes in, its default first.
    pub fn formats(self) -> &'static [Format] {
        match self {
            DocumentKind::Programme => &[Format::Docx, Format::Xlsx],
            DocumentKind::Plan
            | DocumentKind::TeamDecision
            | DocumentKind::Report
            | DocumentKind::Car
            | DocumentKind::ReviewNotice
            | DocumentKind::ReviewReport
            | DocumentKind::Minutes => &[Format::Docx],
            DocumentKind::Checklist
            | DocumentKind::Findings
            | DocumentKind::Actions
            | DocumentKind::Summary
            | DocumentKind::Registers => &[Format::Xlsx],
        }
    }
}

impl std::fmt::Display for DocumentKind {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.slug())
    }
}

/// The file format of a document.
#[derive(Deserialize, JsonSchema, Clone, Copy, PartialEq, Eq, Debug, Hash)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    /// Word (.docx).
    Docx,
    /// Excel (.xlsx).
    Xlsx,
}

impl Format {
    /// The file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Docx => "docx",
            Format::Xlsx => "xlsx",
        }
    }
}

/// `{"op": "transition", "dossier": ..., "corrective_action": "car-01", "to": "in_progress",
/// "date": "2026-06-02"}`: move a corrective action to another state of its workflow, if the
/// workflow allows the step and the record holds what the new state requires.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TransitionRequest<'a> {
    /// "transition".
    #[schemars(with = "String", extend("const" = "transition"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
    /// The corrective action (its id).
    pub corrective_action: String,
    /// The state to move to.
    pub to: qms_core::model::CaState,
    /// The date of the step, recorded in the history.
    pub date: chrono::NaiveDate,
    /// Language of the messages.
    #[serde(default)]
    pub lang: Lang,
}
