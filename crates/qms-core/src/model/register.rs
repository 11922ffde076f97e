//! Document and record registers (danh mục tài liệu, hồ sơ), TCVN ISO 9001:2015 7.5.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The three registers of documented information.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Registers {
    /// Internal documents (danh mục tài liệu nội bộ).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub internal_documents: Vec<InternalDocument>,
    /// External documents, mostly legal texts (danh mục tài liệu bên ngoài).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub external_documents: Vec<ExternalDocument>,
    /// Records (danh mục hồ sơ).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub records: Vec<RecordEntry>,
}

/// An internal document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct InternalDocument {
    /// Stable identifier.
    pub id: String,
    /// Code (mã hiệu), e.g. "QT-01" or "BM.QT01.02".
    pub code: String,
    /// Title.
    pub title: String,
    /// Kind.
    pub kind: DocumentKind,
    /// Revision (lần ban hành / sửa đổi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// Date issued or effective.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Unit that drafts and manages it (a unit id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_unit: Option<String>,
    /// Where it is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// Current or obsolete.
    #[serde(default)]
    pub status: DocumentStatus,
}

/// Kind of internal document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentKind {
    /// Quality manual (sổ tay chất lượng).
    Manual,
    /// Quality policy (chính sách chất lượng).
    Policy,
    /// Quality objectives (mục tiêu chất lượng).
    Objectives,
    /// Procedure (quy trình).
    Procedure,
    /// Work instruction (hướng dẫn).
    Instruction,
    /// Form (biểu mẫu).
    Form,
    /// Anything else (quy chế, kế hoạch...).
    Other,
}

/// Whether a document is in use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DocumentStatus {
    /// In use.
    #[default]
    Current,
    /// Withdrawn (tài liệu lỗi thời).
    Obsolete,
}

/// A document of external origin, usually a legal normative document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ExternalDocument {
    /// Stable identifier.
    pub id: String,
    /// Number and symbol (số, ký hiệu), e.g. "19/2014/QĐ-TTg".
    pub number: String,
    /// Summary or title (trích yếu).
    pub title: String,
    /// Issuing body (cơ quan ban hành).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issuer: Option<String>,
    /// Date issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Date in force.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub effective_on: Option<NaiveDate>,
    /// Legal status.
    #[serde(default)]
    pub status: ExternalStatus,
    /// Units that apply it (unit ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub applies_to: Vec<String>,
    /// When the register entry was last reviewed (ngày soát xét).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reviewed_on: Option<NaiveDate>,
}

/// Legal status of an external document (tình trạng hiệu lực).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ExternalStatus {
    /// In force (còn hiệu lực).
    #[default]
    InForce,
    /// In force with amendments (được sửa đổi, bổ sung).
    Amended,
    /// No longer in force (hết hiệu lực).
    Expired,
}

/// A kind of record kept (hồ sơ).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RecordEntry {
    /// Stable identifier.
    pub id: String,
    /// Title, e.g. "Phiếu kiểm soát quá trình giải quyết hồ sơ".
    pub title: String,
    /// Form code, when the record is a filled form.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_code: Option<String>,
    /// Procedure that produces it (a procedure id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub procedure: Option<String>,
    /// Unit that keeps it (a unit id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Where it is kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// How long it is kept (thời gian lưu).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub retention: Option<Retention>,
    /// Paper, electronic or both.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub medium: Option<Medium>,
    /// How it is disposed of (phương pháp hủy).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub disposal: Option<String>,
    /// The record qms writes on this form, so the document prints the form's code. Absent:
    /// qms matches the entry by its title.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qms_record: Option<super::record_form::QmsRecord>,
}

impl RecordEntry {
    /// An entry with only an id and a title.
    ///
    /// ```
    /// let e = qms_core::model::RecordEntry::new("hs-car", "Phiếu yêu cầu hành động khắc phục");
    /// assert!(e.form_code.is_none() && e.qms_record.is_none());
    /// ```
    pub fn new(id: impl Into<String>, title: impl Into<String>) -> RecordEntry {
        RecordEntry {
            id: id.into(),
            title: title.into(),
            form_code: None,
            procedure: None,
            unit: None,
            location: None,
            retention: None,
            medium: None,
            disposal: None,
            qms_record: None,
        }
    }
}

/// How long a record is kept: `{"years": 5}`, `"permanent"` or `"until_superseded"`.
///
/// ```
/// use qms_core::model::Retention;
/// let r: Retention = serde_json::from_str(r#"{"years": 5}"#).unwrap();
/// assert_eq!(r, Retention::Years(5));
/// let p: Retention = serde_json::from_str(r#""permanent""#).unwrap();
/// assert_eq!(p, Retention::Permanent);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Retention {
    /// A number of years.
    Years(u16),
    /// Kept permanently (vĩnh viễn).
    Permanent,
    /// Kept until replaced by a newer record (đến khi có bản thay thế).
    UntilSuperseded,
}

/// Storage medium.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    /// Paper (giấy).
    Paper,
    /// Electronic (điện tử).
    Electronic,
    /// Both.
    Both,
}
