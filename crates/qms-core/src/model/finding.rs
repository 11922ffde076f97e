//! Audit findings (phát hiện đánh giá), ISO 19011 6.4.8.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A finding of an audit.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    /// Stable identifier, unique within the dossier (corrective actions refer to it).
    pub id: String,
    /// Kind of finding.
    pub kind: FindingKind,
    /// Unit where it was found (a unit id).
    pub unit: String,
    /// Clause refs of the dossier's edition.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<String>,
    /// Clause refs in the edition the dossier was converted from (kept for traceability).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legacy_clauses: Vec<String>,
    /// Procedure concerned (a procedure id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// Checklist it came from (a checklist id of the same audit).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checklist: Option<String>,
    /// Item of that checklist.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub item: Option<String>,
    /// Auditor who raised it (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auditor: Option<String>,
    /// The requirement (yêu cầu).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub requirement: Option<String>,
    /// Objective evidence (bằng chứng).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// The statement of the finding (mô tả phát hiện).
    pub statement: String,
    /// The day it was made; absent means the first day of its audit or inspection.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// The auditee's acknowledgement (xác nhận của bên được đánh giá).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub acknowledgement: Option<Acknowledgement>,
}

/// Kind of finding. Whether nonconformities are graded is an agency setting
/// ([`crate::model::DossierSettings::grade_nonconformities`]).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// Major nonconformity (sự không phù hợp nặng), when graded.
    MajorNonconformity,
    /// Minor nonconformity (sự không phù hợp nhẹ), when graded.
    MinorNonconformity,
    /// Nonconformity (sự không phù hợp), when not graded.
    Nonconformity,
    /// Observation (điểm lưu ý).
    Observation,
    /// Opportunity for improvement (cơ hội cải tiến).
    ImprovementOpportunity,
    /// Good practice (điểm mạnh, thực hành tốt).
    GoodPractice,
}

impl FindingKind {
    /// Every kind, most serious first.
    pub const ALL: [FindingKind; 6] = [
        FindingKind::MajorNonconformity,
        FindingKind::MinorNonconformity,
        FindingKind::Nonconformity,
        FindingKind::Observation,
        FindingKind::ImprovementOpportunity,
        FindingKind::GoodPractice,
    ];

    /// Whether this is a nonconformity of any grade (it calls for corrective action).
    ///
    /// ```
    /// use qms_core::model::FindingKind;
    /// assert!(FindingKind::MinorNonconformity.is_nonconformity());
    /// assert!(!FindingKind::Observation.is_nonconformity());
    /// ```
    pub fn is_nonconformity(self) -> bool {
        matches!(
            self,
            FindingKind::MajorNonconformity
                | FindingKind::MinorNonconformity
                | FindingKind::Nonconformity
        )
    }

    /// Whether the kind is a graded nonconformity (major or minor).
    pub fn is_graded(self) -> bool {
        matches!(
            self,
            FindingKind::MajorNonconformity | FindingKind::MinorNonconformity
        )
    }

    /// The label in a language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            FindingKind::MajorNonconformity => {
                lang.pick("Sự không phù hợp nặng", "Major nonconformity")
            }
            FindingKind::MinorNonconformity => {
                lang.pick("Sự không phù hợp nhẹ", "Minor nonconformity")
            }
            FindingKind::Nonconformity => lang.pick("Sự không phù hợp", "Nonconformity"),
            FindingKind::Observation => lang.pick("Điểm lưu ý", "Observation"),
            FindingKind::ImprovementOpportunity => {
                lang.pick("Cơ hội cải tiến", "Opportunity for improvement")
            }
            FindingKind::GoodPractice => lang.pick("Thực hành tốt", "Good practice"),
        }
    }
}

/// The auditee's acknowledgement of a finding.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Acknowledgement {
    /// Who acknowledged (a person id).
    pub by: String,
    /// When.
    pub date: NaiveDate,
    /// Comment, e.g. a disagreement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}
