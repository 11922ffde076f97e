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
    /// The objective measures process performance and the conformity of services, e.g. the
    /// on-time rate of administrative procedures: the management review shows it under input
    /// c3 (TCVN ISO 9001:2015 9.3.2 c3) instead of c2, so that it shows once. Absent means no.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub process_performance: bool,
}

impl QualityObjective {
    /// Whether the objective belongs to a period from `start` (none: since the beginning) to
    /// `end`: its year overlaps the period; an objective with no year belongs to every period.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// let mut o = qms_core::model::QualityObjective::new("mt-1", "100% hồ sơ đúng hạn");
    /// o.year = Some(2026);
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// assert!(o.belongs_to(Some(d(2025, 11, 1)), d(2026, 10, 31)));
    /// assert!(!o.belongs_to(Some(d(2024, 11, 1)), d(2025, 10, 31)));
    /// ```
    pub fn belongs_to(&self, start: Option<NaiveDate>, end: NaiveDate) -> bool {
        use chrono::Datelike;
        match self.year {
            None => true,
            Some(y) => y <= end.year() && start.is_none_or(|s| y >= s.year()),
        }
    }

    /// An objective with only an id and a statement.
    ///
    /// ```
    /// let o = qms_core::model::QualityObjective::new("mt-1", "Không quá 01 phản ánh");
    /// assert!(o.target.is_none() && !o.process_performance);
    /// ```
    pub fn new(id: impl Into<String>, statement: impl Into<String>) -> QualityObjective {
        QualityObjective {
            id: id.into(),
            statement: statement.into(),
            indicator: None,
            target: None,
            period: None,
            year: None,
            unit: None,
            measurements: Vec::new(),
            actions: Vec::new(),
            process_performance: false,
        }
    }
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
    /// A value followed by the target's unit: "95%" (no space before a percent or per-mille
    /// sign, as Vietnamese and English write them), "1 phản ánh", "3 ngày".
    ///
    /// ```
    /// use qms_core::model::{Comparison, Target};
    /// let t = |u: &str| Target { value: 1.0, comparison: Comparison::AtMost, unit: Some(u.into()) };
    /// assert_eq!(t("phản ánh").with_unit("1"), "1 phản ánh");
    /// assert_eq!(t("%").with_unit("95"), "95%");
    /// ```
    pub fn with_unit(&self, value: &str) -> String {
        match self.unit.as_deref().map(str::trim) {
            None | Some("") => value.to_owned(),
            Some(u) if u.starts_with('%') || u.starts_with('‰') => format!("{value}{u}"),
            Some(u) => format!("{value} {u}"),
        }
    }

    /// A value in `lang`'s notation followed by the target's unit: "98,5 %" and "1.250 hồ
    /// sơ" in Vietnamese, "98.5%" in English.
    ///
    /// ```
    /// use qms_core::Lang;
    /// use qms_core::model::{Comparison, Target};
    /// let t = |u: &str| Target { value: 1.0, comparison: Comparison::AtLeast, unit: Some(u.into()) };
    /// assert_eq!(t("%").show(98.5, Lang::Vi), "98,5 %");
    /// assert_eq!(t("%").show(98.5, Lang::En), "98.5%");
    /// assert_eq!(t("hồ sơ").show(1250.0, Lang::Vi), "1.250 hồ sơ");
    /// ```
    pub fn show(&self, value: f64, lang: crate::Lang) -> String {
        let number = crate::numbers::decimal(value, lang);
        match self.unit.as_deref().map(str::trim) {
            Some(u) if u.starts_with('%') || u.starts_with('‰') => {
                crate::numbers::with_percent_sign(&number, u, lang)
            }
            _ => self.with_unit(&number),
        }
    }

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

impl Measurement {
    /// A measurement of the period ending on `period_end`.
    pub fn new(period_end: NaiveDate, value: f64) -> Measurement {
        Measurement {
            period_start: None,
            period_end,
            measured_on: None,
            value,
            note: None,
        }
    }

    /// The day the value stands for: when it was taken, else the end of its period.
    pub fn dated(&self) -> NaiveDate {
        self.measured_on
            .filter(|d| *d < self.period_end)
            .unwrap_or(self.period_end)
    }

    /// Whether the measurement can be shown for a period from `start` (none: since the
    /// beginning) to `end`: the day it stands for lies in it.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use qms_core::model::Measurement;
    /// let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    /// // The year 2025 measured so far on 15 October, for a review of Nov 2024 – Oct 2025.
    /// let mut m = Measurement::new(d(2025, 12, 31), 97.0);
    /// m.period_start = Some(d(2025, 1, 1));
    /// assert!(!m.in_period(Some(d(2024, 11, 1)), d(2025, 10, 31)));
    /// m.measured_on = Some(d(2025, 10, 15));
    /// assert!(m.in_period(Some(d(2024, 11, 1)), d(2025, 10, 31)));
    /// ```
    pub fn in_period(&self, start: Option<NaiveDate>, end: NaiveDate) -> bool {
        let at = self.dated();
        at <= end && start.is_none_or(|s| at >= s)
    }

    /// Whether the value covers the whole period (not taken before its end).
    pub fn is_final(&self) -> bool {
        self.dated() == self.period_end
    }
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
///
/// It is dated by the period it measures (`period_start`..`period_end`, e.g. the year 2025 for
/// a yearly objective) and, for a figure taken before that period ended (the year so far, for
/// a review held in October), by `measured_on`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Measurement {
    /// First day of the period measured; absent: the period implied by the objective's
    /// measurement period.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<NaiveDate>,
    /// Last day of the period measured.
    pub period_end: NaiveDate,
    /// The day the value was taken, when before the period's end (a running total).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub measured_on: Option<NaiveDate>,
    /// Measured value, in the target's unit.
    pub value: f64,
    /// Note, e.g. the data source.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}
