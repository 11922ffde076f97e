//! Agency settings: grading of nonconformities, rule configuration and thresholds.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Agency settings that change how the dossier is read and checked.
///
/// ```
/// let s: qms_core::model::DossierSettings = serde_json::from_str(
///     r#"{"rules": {"QMS-A004": {"severity": "error"}, "QMS-D003": {"enabled": false}},
///         "thresholds": {"review_interval_months": 6}}"#).unwrap();
/// assert_eq!(s.thresholds.review_interval_months, 6);
/// assert_eq!(s.thresholds.audit_interval_months, 12);
/// assert!(s.grade_nonconformities);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DossierSettings {
    /// Whether nonconformities are graded major/minor (ISO 19011 6.4.8 leaves it to the
    /// organisation). When false, findings use the ungraded kind `nonconformity`.
    #[serde(default = "default_true")]
    pub grade_nonconformities: bool,
    /// Intervals and delays the time-based rules use.
    #[serde(default)]
    pub thresholds: Thresholds,
    /// Per-rule settings by rule code (e.g. "QMS-A004"): disable, or change the severity.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub rules: IndexMap<String, RuleSetting>,
    /// Who signs and receives each kind of document, and the agency's own standing texts.
    #[serde(default, skip_serializing_if = "super::DocumentSettings::is_empty")]
    pub documents: super::DocumentSettings,
}

fn default_true() -> bool {
    true
}

impl Default for DossierSettings {
    fn default() -> Self {
        DossierSettings {
            grade_nonconformities: true,
            thresholds: Thresholds::default(),
            rules: IndexMap::new(),
            documents: super::DocumentSettings::default(),
        }
    }
}

/// Intervals and delays of the time-based rules. The defaults follow common agency procedures
/// ("at least once a year"); the standard itself fixes no frequency, so they are settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields, default)]
pub struct Thresholds {
    /// Longest gap between internal audits, in months.
    pub audit_interval_months: u32,
    /// Longest gap between management reviews, in months.
    pub review_interval_months: u32,
    /// Days after the audit within which a nonconformity must have a corrective action.
    pub corrective_action_days: u32,
    /// Longest gap between reviews of the external-document register, in months.
    pub external_review_months: u32,
    /// Days allowed after a measurement period ends before its result must be recorded.
    pub measurement_grace_days: u32,
}

impl Default for Thresholds {
    fn default() -> Self {
        Thresholds {
            audit_interval_months: 12,
            review_interval_months: 12,
            corrective_action_days: 30,
            external_review_months: 12,
            measurement_grace_days: 30,
        }
    }
}

/// The setting of one rule.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RuleSetting {
    /// Whether the rule runs.
    #[serde(default = "default_true")]
    pub enabled: bool,
    /// A severity that replaces the rule's own.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub severity: Option<Severity>,
}

/// How serious a diagnostic is.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// Must be fixed: a requirement is not met (exit status 1).
    Error,
    /// Should be looked at: a requirement is probably not met, or soon will not be.
    Warning,
    /// Worth knowing.
    Info,
}

impl Severity {
    /// The label in a language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            Severity::Error => lang.pick("lỗi", "error"),
            Severity::Warning => lang.pick("cảnh báo", "warning"),
            Severity::Info => lang.pick("thông tin", "info"),
        }
    }
}
