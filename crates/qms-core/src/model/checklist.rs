//! Checklists (phiếu câu hỏi đánh giá) and their items.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A checklist for one unit, filled by one auditor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    /// Stable identifier, unique within the dossier.
    pub id: String,
    /// Unit audited (a unit id).
    pub unit: String,
    /// Auditor who fills it (a person id).
    pub auditor: String,
    /// Day of the audit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Questions, in the order asked.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub items: Vec<ChecklistItem>,
}

/// One question of a checklist.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ChecklistItem {
    /// Stable identifier, unique within its checklist.
    pub id: String,
    /// Clause refs of the dossier's edition (at least one).
    pub clauses: Vec<String>,
    /// Clause refs in the edition the dossier was converted from (kept for traceability).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legacy_clauses: Vec<String>,
    /// Procedure the question is about (a procedure id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// The question (nội dung câu hỏi).
    pub question: String,
    /// Evidence to look for (hướng dẫn).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub guidance: Option<String>,
    /// The auditor's result.
    #[serde(default)]
    pub result: ItemResult,
    /// Evidence seen (bằng chứng, ghi chép).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub evidence: Option<String>,
    /// Note (ghi chú).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The result of a checklist question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ItemResult {
    /// Phù hợp.
    Conform,
    /// Không phù hợp.
    Nonconform,
    /// Điểm lưu ý (observation).
    Observation,
    /// Không áp dụng.
    NotApplicable,
    /// Chưa đánh giá (the default before the audit).
    #[default]
    NotAudited,
}

impl ItemResult {
    /// Every result, in the order of the dropdown.
    pub const ALL: [ItemResult; 5] = [
        ItemResult::Conform,
        ItemResult::Nonconform,
        ItemResult::Observation,
        ItemResult::NotApplicable,
        ItemResult::NotAudited,
    ];

    /// The label in a language.
    ///
    /// ```
    /// use qms_core::{Lang, model::ItemResult};
    /// assert_eq!(ItemResult::Nonconform.label(Lang::Vi), "Không phù hợp");
    /// ```
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            ItemResult::Conform => lang.pick("Phù hợp", "Conforms"),
            ItemResult::Nonconform => lang.pick("Không phù hợp", "Nonconformity"),
            ItemResult::Observation => lang.pick("Điểm lưu ý", "Observation"),
            ItemResult::NotApplicable => lang.pick("Không áp dụng", "Not applicable"),
            ItemResult::NotAudited => lang.pick("Chưa đánh giá", "Not audited"),
        }
    }

    /// A name that never changes, for fingerprints kept in exported workbooks (it is the
    /// English label those workbooks were written with before the labels read as English
    /// prose): a workbook exported by an older qms still imports without a false conflict.
    ///
    /// ```
    /// use qms_core::model::ItemResult;
    /// assert_eq!(ItemResult::Nonconform.key(), "Nonconform");
    /// ```
    pub fn key(self) -> &'static str {
        match self {
            ItemResult::Conform => "Conform",
            ItemResult::Nonconform => "Nonconform",
            ItemResult::Observation => "Observation",
            ItemResult::NotApplicable => "Not applicable",
            ItemResult::NotAudited => "Not audited",
        }
    }

    /// Reads a label typed or picked in a workbook of `lang`; English workbooks written by
    /// an older qms said "Conform" / "Nonconform", which are still understood.
    ///
    /// ```
    /// use qms_core::{Lang, model::ItemResult};
    /// assert_eq!(ItemResult::from_label("Nonconformity", Lang::En), Some(ItemResult::Nonconform));
    /// assert_eq!(ItemResult::from_label("Conform", Lang::En), Some(ItemResult::Conform));
    /// assert_eq!(ItemResult::from_label("Phù hợp", Lang::Vi), Some(ItemResult::Conform));
    /// ```
    pub fn from_label(text: &str, lang: crate::Lang) -> Option<ItemResult> {
        ItemResult::ALL
            .into_iter()
            .find(|r| r.label(lang) == text || (lang == crate::Lang::En && r.key() == text))
    }
}
