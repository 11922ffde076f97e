//! Quality objectives (mục tiêu chất lượng), TCVN ISO 9001:2015 6.2.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A quality objective with its indicator and measurements.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QualityObjective {
    /// Stable identifier.
    pub id: String,
    /// The objective as stated, e.g. "100% hồ sơ TTHC được giải quyết đúng hoặc trước hạn".
    pub statement: String,
    /// The indicator measured (chỉ số).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub indicator: Option<String>,
    /// Numeric target; without it the objective is not measurable.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<Target>,
    /// How often it is measured.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period: Option<MeasurementPeriod>,
    /// Year the objective is set for.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Unit responsible (a unit id); absent for agency-wide objectives.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Measurements, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub measurements: Vec<Measurement>,
    /// Actions taken when the target was missed (corrective-action or decision ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<String>,
}

/// A numeric target.
///
/// ```
/// use qms_core::model::{Comparison, Target};
/// let t = Target { value: 95.0, comparison: Comparison::AtLeast, unit: Some("%".into()) };
/// assert!(t.is_met(97.5));
/// assert!(!t.is_met(90.0));
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Target {
    /// The value.
    pub value: f64,
    /// How a measurement compares with it.
    #[serde(default)]
    pub comparison: Comparison,
    /// Unit of measure, e.g. "%", "ngày", "hồ sơ".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
}

impl Target {
    /// Whether a measured value meets the target.
    pub fn is_met(&self, measured: f64) -> bool {
        match self.comparison {
            Comparison::AtLeast => measured >= self.value,
            Comparison::AtMost => measured <= self.value,
        }
    }
}

/// How a measurement must compare with the target.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// Measured ≥ target (rates, satisfaction).
    #[default]
    AtLeast,
    /// Measured ≤ target (late dossiers, complaints).
    AtMost,
}

/// How often an objective is measured.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum MeasurementPeriod {
    /// Every month.
    Monthly,
    /// Every quarter.
    Quarterly,
    /// Every six months.
    HalfYearly,
    /// Every year.
    Yearly,
}

/// A measurement of an objective.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// Last day of the period measured.
    pub period_end: NaiveDate,
    /// Measured value, in the target's unit.
    pub value: f64,
    /// Note, e.g. the data source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
