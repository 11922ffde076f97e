//! The response shapes, one per op, and the error. Their JSON Schema is committed as
//! `docs/schema/response.schema.json`.

use qms_core::Dossier;
use qms_core::Edition;
use qms_core::catalog::TitleStatus;
use qms_core::rules::Severity;
use schemars::JsonSchema;
use serde::Serialize;

/// A problem that keeps a dossier from loading (`validate`, and `invalid-dossier` errors).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, JsonSchema)]
pub struct ProblemReport {
    /// Stable code, e.g. "QMS-V004".
    pub code: &'static str,
    /// Always "error".
    pub severity: &'static str,
    /// Where, as a path: `audits[0].plan.end`.
    pub path: String,
    /// Where, as a JSON pointer: "/audits/0/plan/end".
    pub pointer: String,
    /// Line (1-based) in the request for an inline dossier, else in the dossier's text.
    pub line: Option<usize>,
    /// Column (1-based, in characters).
    pub column: Option<usize>,
    /// What is wrong, in the request's language.
    pub message: String,
}

/// `validate`: the problems of a dossier, all at once.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ValidateResponse {
    /// True when there is no problem.
    pub valid: bool,
    /// Every problem.
    pub problems: Vec<ProblemReport>,
    /// What a valid dossier holds.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub summary: Option<DossierSummary>,
}

/// The size of a valid dossier, for a one-line confirmation.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DossierSummary {
    /// The agency's name.
    pub agency: String,
    /// The edition of the standard.
    pub edition: Edition,
    /// Units.
    pub units: usize,
    /// Procedures.
    pub procedures: usize,
    /// Audits.
    pub audits: usize,
    /// Findings of all audits.
    pub findings: usize,
}

/// One finding of the rules engine.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DiagnosticReport {
    /// The rule's code, e.g. "QMS-A004".
    pub code: &'static str,
    /// error, warning or info.
    pub severity: Severity,
    /// Where, as a path.
    pub path: String,
    /// Where, as a JSON pointer.
    pub pointer: String,
    /// Line (1-based) in the request for an inline dossier, else in the dossier's text.
    pub line: Option<usize>,
    /// Column (1-based, in characters).
    pub column: Option<usize>,
    /// The rule's title.
    pub title: Option<&'static str>,
    /// What is wrong.
    pub message: String,
    /// The requirement that asks for it (clause or legal text).
    pub requirement: String,
    /// The unit the diagnostic concerns (a unit id), when its record belongs to one.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

/// How many listed diagnostics one rule gave.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RuleCount {
    /// The rule's code.
    pub code: &'static str,
    /// Its severity (after the dossier's settings).
    pub severity: Severity,
    /// Its title in the request's language.
    pub title: Option<&'static str>,
    /// Diagnostics that passed the filter.
    pub count: usize,
}

/// How many listed diagnostics concern one unit.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct UnitCount {
    /// The unit id; absent for diagnostics about the agency as a whole.
    pub unit: Option<String>,
    /// The unit's name.
    pub name: Option<String>,
    /// Diagnostics that passed the filter.
    pub count: usize,
}

/// `check`: what the rules found.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CheckResponse {
    /// The date of the check.
    pub today: chrono::NaiveDate,
    /// Diagnostics of severity error.
    pub errors: usize,
    /// Diagnostics of severity warning.
    pub warnings: usize,
    /// Diagnostics of severity info.
    pub infos: usize,
    /// Diagnostics that passed the request's filter (all of them without one).
    pub matched: usize,
    /// Matched diagnostics left out of `diagnostics` by the filter's `limit`.
    pub omitted: usize,
    /// Matched diagnostics per rule, in rule order.
    pub by_rule: Vec<RuleCount>,
    /// Matched diagnostics per unit, most first (ties in the dossier's unit order).
    pub by_unit: Vec<UnitCount>,
    /// The matched diagnostics, in rule order, at most `limit`.
    pub diagnostics: Vec<DiagnosticReport>,
}

/// One rule of the engine.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RuleInfo {
    /// Stable code.
    pub code: &'static str,
    /// Severity of its diagnostics.
    pub severity: Severity,
    /// Title in the request's language.
    pub title: &'static str,
    /// Title in Vietnamese.
    pub title_vi: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// The requirement in TCVN ISO 9001:2015.
    pub requirement_2015: String,
    /// The requirement in TCVN ISO 9001:2008.
    pub requirement_2008: String,
}

/// `rules`: every rule.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct RulesResponse {
    /// In code order.
    pub rules: Vec<RuleInfo>,
}

/// `explain`: a code explained.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ExplainResponse {
    /// The code, e.g. "QMS-C002".
    pub code: &'static str,
    /// The rule's title (rule codes only).
    pub title: Option<&'static str>,
    /// The rule's severity (rule codes only).
    pub severity: Option<Severity>,
    /// The requirement in TCVN ISO 9001:2015 (rule codes only).
    pub requirement: Option<String>,
    /// Why it matters.
    pub why: &'static str,
    /// How to fix it.
    pub fix: &'static str,
}

/// One clause of a catalog.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ClauseInfo {
    /// Clause number, e.g. "9.2.2".
    pub id: &'static str,
    /// The parent clause.
    pub parent: Option<&'static str>,
    /// Title in the request's language.
    pub title: &'static str,
    /// Title in Vietnamese (TCVN wording where confirmed).
    pub title_vi: &'static str,
    /// Title in English.
    pub title_en: &'static str,
    /// A numbered paragraph that inherits its parent's title.
    pub paragraph: bool,
    /// How sure the Vietnamese title is.
    pub vi_status: TitleStatus,
}

/// `clauses`: the catalog of an edition.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ClausesResponse {
    /// The edition.
    pub edition: Edition,
    /// Its title, e.g. "TCVN ISO 9001:2015".
    pub standard: &'static str,
    /// Every clause in document order.
    pub clauses: Vec<ClauseInfo>,
}

/// One clause a clause maps to.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CorrelationTarget {
    /// The clause in the `to` edition.
    pub clause: String,
    /// Its Vietnamese title.
    pub title_vi: Option<&'static str>,
    /// Its English title.
    pub title_en: Option<&'static str>,
    /// Confidence in this row.
    pub status: TitleStatus,
    /// Remark in Vietnamese.
    pub note_vi: Option<&'static str>,
    /// Remark in English.
    pub note_en: Option<&'static str>,
}

/// `correlate`: where a clause goes in the other edition.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct CorrelateResponse {
    /// The clause asked for.
    pub clause: String,
    /// Its edition.
    pub from: Edition,
    /// The edition mapped to.
    pub to: Edition,
    /// More than one target: choose by content.
    pub ambiguous: bool,
    /// The corresponding clauses.
    pub targets: Vec<CorrelationTarget>,
}

/// A mapping of `convert` to review.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConversionNoteReport {
    /// Where in the dossier.
    pub path: String,
    /// The 2008 clause.
    pub from: String,
    /// The 2015 clauses chosen.
    pub to: Vec<String>,
    /// The note in the request's language.
    pub message: String,
}

/// `convert`: the dossier on TCVN ISO 9001:2015 (validated) and the mappings to review.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConvertResponse {
    /// The converted dossier.
    pub dossier: Dossier,
    /// Every ambiguous mapping, in dossier order.
    pub notes: Vec<ConversionNoteReport>,
}

/// A document (`render`, `export-checklist`), or the zip of `render-all`: its description, and
/// its bytes as base64 when the request asked for `"base64": true` (else the bytes are the
/// call's body and this JSON is the response's `json`).
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocumentResponse {
    /// Suggested file name (ASCII, safe on every file system).
    pub file_name: String,
    /// Media type.
    pub media_type: &'static str,
    /// Size in bytes.
    pub size: usize,
    /// The documents inside (render-all only), in zip order.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub documents: Vec<DocumentEntry>,
    /// The documents render-all could not make (the rest are in the zip).
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub failed: Vec<FailedDocument>,
    /// The bytes, base64 (only with `"base64": true`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub base64: Option<String>,
}

/// One document inside the zip of `render-all`.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DocumentEntry {
    /// Its name in the zip.
    pub file_name: String,
    /// Media type.
    pub media_type: &'static str,
    /// Size in bytes.
    pub size: usize,
}

/// A document render-all could not make.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct FailedDocument {
    /// The file name it would have had.
    pub file_name: String,
    /// The error code, e.g. "cell-too-long".
    pub code: &'static str,
    /// Why, in the request's language (naming the sheet, cell and field).
    pub message: String,
}

/// A cell of a filled workbook that changed the dossier.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChangeReport {
    /// Workbook name.
    pub workbook: String,
    /// Sheet.
    pub sheet: String,
    /// Cell, e.g. "G12".
    pub cell: String,
    /// Checklist id.
    pub checklist: String,
    /// Item id.
    pub item: String,
    /// What changed.
    pub message: String,
}

/// A row of a filled workbook that could not be applied.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ConflictReport {
    /// Workbook name.
    pub workbook: String,
    /// Sheet.
    pub sheet: String,
    /// Cell.
    pub cell: String,
    /// Stable code of the conflict.
    pub code: &'static str,
    /// What is wrong.
    pub message: String,
}

/// `import-checklist`: what the workbooks change, what conflicts, and the merged dossier.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ImportResponse {
    /// Something was applied.
    pub applied: bool,
    /// The changes, in checklist and item order: every one, or the first
    /// `list_changes` of the request.
    pub changes: Vec<ChangeReport>,
    /// Changes applied beyond those listed (0 unless the request set `list_changes`).
    pub changes_omitted: usize,
    /// The conflicts, at most 1,000 (the first found, in workbook, sheet and cell order).
    pub conflicts: Vec<ConflictReport>,
    /// Conflicts found beyond those listed.
    pub conflicts_omitted: usize,
    /// The dossier after the merge (unchanged when conflicts block an all-or-nothing import).
    pub dossier: Dossier,
}

/// `init` and `sample`: a dossier.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct DossierResponse {
    /// The dossier.
    pub dossier: Dossier,
}

/// `checklist-new`: the dossier with the new checklist.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ChecklistNewResponse {
    /// The new checklist's id.
    pub checklist: String,
    /// How many items it has.
    pub items: usize,
    /// The dossier with the checklist added.
    pub dossier: Dossier,
}

/// Every failed call: a stable code, a message in the request's language and where in the
/// request the cause is.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct ErrorResponse {
    /// Stable code (see the table in the crate documentation).
    pub code: &'static str,
    /// For a person, in the request's `lang` (Vietnamese by default).
    pub message: String,
    /// A JSON path into the request: "$" (the whole request), "dossier", "kind",
    /// `workbooks[1].base64`...
    pub path: String,
    /// The dossier's problems (`invalid-dossier`, `conversion-invalid`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub problems: Option<Vec<ProblemReport>>,
    /// The ids that do exist (`unknown-audit`, `unknown-unit`...), at most 100.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub known: Option<Vec<String>>,
}

/// The answer of `transition`: the step taken (and the dossier after it), or why not.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct TransitionResponse {
    /// Whether the step was taken; when false, `dossier` is absent and nothing changed.
    pub applied: bool,
    /// The corrective action.
    pub corrective_action: String,
    /// Its state before.
    pub from: qms_core::model::CaState,
    /// The state asked for.
    pub to: qms_core::model::CaState,
    /// The states the workflow allows from `from`.
    pub allowed: Vec<qms_core::model::CaState>,
    /// What the record lacks for `to`: the member to fill and what it is.
    pub missing: Vec<MissingRecord>,
    /// Why the step was refused, in the request's language.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The dossier after the step.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub dossier: Option<Dossier>,
}

/// A record a state requires that the corrective action lacks.
#[derive(Debug, Clone, Serialize, JsonSchema)]
pub struct MissingRecord {
    /// The member of the corrective action, e.g. "root_cause".
    pub member: &'static str,
    /// What it is, in the request's language.
    pub what: &'static str,
}
