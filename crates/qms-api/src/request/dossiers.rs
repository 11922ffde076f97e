//! Requests of the ops that make or change a dossier: init, checklist-new, sample.

use super::DossierArg;
use crate::OpName;
use qms_core::Lang;
use schemars::JsonSchema;
use serde::Deserialize;

/// `{"op": "init", "agency": "UBND xã Hòa Bình"}`: a starter dossier.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InitRequest {
    /// "init".
    #[schemars(with = "String", extend("const" = "init"))]
    pub op: OpName,
    /// The agency's name (tên cơ quan).
    #[serde(default = "default_agency")]
    pub agency: String,
    /// The `$schema` reference to write, so editors complete and check the dossier, e.g.
    /// "./dossier.schema.json" beside a copy made with `qms schema`; none by default.
    #[serde(default)]
    pub schema: Option<String>,
    /// Language of error messages.
    #[serde(default)]
    pub lang: Lang,
}

fn default_agency() -> String {
    "Tên cơ quan".into()
}

/// `{"op": "checklist-new", "dossier": ..., "audit": "dg1", "unit": "vp"}`: add a checklist for
/// a unit of an audit, built from the templates and the unit's procedures.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistNewRequest<'a> {
    /// "checklist-new".
    #[schemars(with = "String", extend("const" = "checklist-new"))]
    pub op: OpName,
    /// The dossier, as a JSON object or as its JSON text in a string.
    #[serde(borrow)]
    #[schemars(with = "serde_json::Value")]
    pub dossier: DossierArg<'a>,
    /// The audit (an audit id).
    pub audit: String,
    /// The unit audited (a unit id).
    pub unit: String,
    /// Clauses to cover (default: the plan's rows for the unit).
    #[serde(default)]
    pub clauses: Vec<String>,
    /// The auditor (a person id; default: the first auditor of the unit's schedule row).
    #[serde(default)]
    pub auditor: Option<String>,
    /// Language of the questions and messages.
    #[serde(default)]
    pub lang: Lang,
}

/// `{"op": "sample", "checklist_items": 1000, "findings": 100}`: a synthetic dossier for load
/// tests, deterministic from the seed.
#[derive(Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct SampleRequest {
    /// "sample".
    #[schemars(with = "String", extend("const" = "sample"))]
    pub op: OpName,
    /// Total checklist items.
    #[serde(default = "default_items")]
    pub checklist_items: usize,
    /// Total findings.
    #[serde(default = "default_findings")]
    pub findings: usize,
    /// Seed of the generator.
    #[serde(default = "default_seed")]
    pub seed: u64,
    /// Which agency of a series (0-based): changes names and ids.
    #[serde(default)]
    pub agency: usize,
    /// Language of error messages.
    #[serde(default)]
    pub lang: Lang,
}

fn default_items() -> usize {
    1000
}

fn default_findings() -> usize {
    100
}

fn default_seed() -> u64 {
    2026
}
