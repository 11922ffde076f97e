//! Outside inspections of the QMS (kiểm tra việc áp dụng HTQLCL by the Department of Science
//! and Technology, surveillance by a certification body) and their findings.

use super::Finding;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An inspection of the agency's QMS by an outside body, with what it found.
///
/// Its findings share the id space of audit findings, so a corrective action answers either
/// (`corrective_actions[].finding`, source `external_inspection`).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Inspection {
    /// Stable identifier.
    pub id: String,
    /// Who inspected, e.g. "Sở Khoa học và Công nghệ tỉnh Ninh Bình".
    pub body: String,
    /// Kind of inspection.
    pub kind: InspectionKind,
    /// First day of the inspection.
    pub date: NaiveDate,
    /// Number of the minutes or report (biên bản kiểm tra), e.g. "15/BB-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Findings, with clause refs of the dossier's edition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
}

/// Kind of outside inspection.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum InspectionKind {
    /// A state inspection under Decision 19/2014/QĐ-TTg (Sở KH&CN, Bộ KH&CN).
    StateInspection,
    /// A certification body's audit.
    Certification,
    /// Anything else.
    Other,
}

impl InspectionKind {
    /// The label in a language.
    ///
    /// ```
    /// use qms_core::{Lang, model::InspectionKind};
    /// assert_eq!(InspectionKind::Certification.label(Lang::En), "Certification audit");
    /// ```
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            InspectionKind::StateInspection => {
                lang.pick("Kiểm tra của cơ quan nhà nước", "State inspection")
            }
            InspectionKind::Certification => {
                lang.pick("Đánh giá của tổ chức chứng nhận", "Certification audit")
            }
            InspectionKind::Other => lang.pick("Kiểm tra khác", "Other inspection"),
        }
    }
}

impl Inspection {
    /// The day a finding of this inspection was made: its own date, else the inspection's.
    pub fn finding_date(&self, f: &Finding) -> NaiveDate {
        f.date.unwrap_or(self.date)
    }
}
