//! What the agency decides about a document qms writes, not the code: who signs and in what
//! form (Decree 30/2020/NĐ-CP, Điều 13: ký thay "KT.", thừa lệnh "TL.", thay mặt "TM."), who
//! receives it, the archive line, and the standing paragraph agencies word themselves. Each
//! fact is optional; without it the document keeps its usual text.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// Facts of one document (or of one kind of document, as a default).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentFacts {
    /// Number and symbol (số, ký hiệu), e.g. "15/BC-SKHCN", for documents that have no
    /// number elsewhere in the dossier (the review's input report).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date of the document, for documents that have no date elsewhere in the dossier.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<NaiveDate>,
    /// Who signs (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signer: Option<String>,
    /// How they sign: in their own right, or for the head (KT., TL., TM.).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing: Option<SigningForm>,
    /// The title printed above the signature when it is not the signer's position, e.g.
    /// "PHÓ GIÁM ĐỐC PHỤ TRÁCH".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub signing_title: Option<String>,
    /// Recipients (nơi nhận), one a line, replacing the usual list; the archive line is added.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub recipients: Vec<String>,
    /// The archive line, e.g. "Lưu: VT, HTQLCL" (default "Lưu: VT, ISO").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub archive: Option<String>,
    /// The standing paragraph of the document in the agency's words: "Tổ chức thực hiện" of
    /// the programme and the plan, the request of the review notice.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub implementation: Option<String>,
    /// The symbol after the number (ký hiệu), for documents numbered in their own series,
    /// e.g. "PYC-HĐKP" for corrective-action requests ("Số: 03/PYC-HĐKP").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
}

impl DocumentFacts {
    /// Whether no fact is given.
    pub fn is_empty(&self) -> bool {
        *self == DocumentFacts::default()
    }
}

/// How a document is signed (Decree 30/2020/NĐ-CP, Điều 13 and Phụ lục I).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum SigningForm {
    /// In the signer's own right (the head, or the chair of a meeting).
    Direct,
    /// Ký thay: a deputy signs for the head ("KT. GIÁM ĐỐC / PHÓ GIÁM ĐỐC").
    OnBehalf,
    /// Thừa lệnh: the head of an office signs by the head's order ("TL. GIÁM ĐỐC / CHÁNH
    /// VĂN PHÒNG").
    ByOrder,
    /// Thay mặt: for a collective body ("TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH").
    ForCollective,
}

/// Defaults per kind of document, in the dossier's settings.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DocumentSettings {
    /// The annual audit programme.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<DocumentFacts>,
    /// Audit plans.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub plan: Option<DocumentFacts>,
    /// Audit reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<DocumentFacts>,
    /// Management review notices.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_notice: Option<DocumentFacts>,
    /// Management review input reports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub review_report: Option<DocumentFacts>,
    /// Management review minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub minutes: Option<DocumentFacts>,
    /// Decisions setting up audit teams.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_decision: Option<DocumentFacts>,
    /// Corrective-action requests: their number symbol ("PYC-HĐKP" by default).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub car: Option<DocumentFacts>,
}

impl DocumentSettings {
    /// Whether no document has facts.
    pub fn is_empty(&self) -> bool {
        *self == DocumentSettings::default()
    }
}
