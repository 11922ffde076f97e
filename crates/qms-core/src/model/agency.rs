//! The agency (cơ quan), its units (phòng, ban, đơn vị) and people with their QMS roles.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The agency whose QMS the dossier records (cơ quan áp dụng HTQLCL).
///
/// `parent` and `name` make the two lines of the Decree 30/2020 header; `symbol` is the
/// abbreviation used in document numbers (e.g. "SKHCN" in `Số: 05/KH-SKHCN`).
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Agency {
    /// Full name, e.g. "Sở Khoa học và Công nghệ tỉnh Ninh Bình".
    pub name: String,
    /// The managing agency (cơ quan chủ quản), e.g. "UBND tỉnh Ninh Bình".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Abbreviation for document numbers (ký hiệu viết tắt), e.g. "SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symbol: Option<String>,
    /// Place name for the date line (địa danh), e.g. "Ninh Bình".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Postal address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub address: Option<String>,
    /// Telephone number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// E-mail address.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    /// Web site.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub website: Option<String>,
    /// Kind of agency, for the provincial roll-up; inferred from the name when absent.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<AgencyKind>,
    /// A grouping the province chooses (cụm, khu vực), e.g. "Cụm 3"; for the provincial roll-up.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub grouping: Option<String>,
}

/// Kind of agency in the two-tier local government (since 1 July 2025).
///
/// ```
/// use qms_core::model::AgencyKind;
/// assert_eq!(AgencyKind::infer("Ủy ban nhân dân phường Hoa Lư"), AgencyKind::Ward);
/// assert_eq!(AgencyKind::infer("Sở Tư pháp tỉnh Ninh Bình"), AgencyKind::Department);
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum AgencyKind {
    /// Provincial department or sector (sở, ban, ngành cấp tỉnh).
    Department,
    /// Commune People's Committee (UBND xã).
    Commune,
    /// Ward People's Committee (UBND phường).
    Ward,
    /// Special zone People's Committee (UBND đặc khu).
    SpecialZone,
    /// Any other agency.
    Other,
}

impl AgencyKind {
    /// Every kind, in the order reports list them.
    pub const ALL: [AgencyKind; 5] = [
        AgencyKind::Department,
        AgencyKind::Commune,
        AgencyKind::Ward,
        AgencyKind::SpecialZone,
        AgencyKind::Other,
    ];

    /// The kind an agency's name suggests, for dossiers that do not say.
    pub fn infer(name: &str) -> AgencyKind {
        let n = name.trim().to_lowercase();
        let committee = n.starts_with("ủy ban nhân dân") || n.starts_with("ubnd");
        if committee && n.contains("đặc khu") {
            AgencyKind::SpecialZone
        } else if committee && n.contains("phường") {
            AgencyKind::Ward
        } else if committee && n.contains(" xã") {
            AgencyKind::Commune
        } else if [
            "sở ",
            "ban ",
            "thanh tra tỉnh",
            "văn phòng ubnd tỉnh",
            "văn phòng ủy ban",
        ]
        .iter()
        .any(|p| n.starts_with(p))
        {
            AgencyKind::Department
        } else {
            AgencyKind::Other
        }
    }

    /// The label in a language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            AgencyKind::Department => lang.pick("Sở, ban, ngành", "Department or sector"),
            AgencyKind::Commune => lang.pick("UBND xã", "Commune People's Committee"),
            AgencyKind::Ward => lang.pick("UBND phường", "Ward People's Committee"),
            AgencyKind::SpecialZone => lang.pick("UBND đặc khu", "Special zone People's Committee"),
            AgencyKind::Other => lang.pick("Cơ quan khác", "Other agency"),
        }
    }
}

impl Agency {
    /// The kind given, or the one the name suggests.
    pub fn kind_or_inferred(&self) -> AgencyKind {
        self.kind.unwrap_or_else(|| AgencyKind::infer(&self.name))
    }
}

/// A unit of the agency (phòng, ban, chi cục, bộ phận một cửa...).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Unit {
    /// Stable identifier, unique among units.
    pub id: String,
    /// Name as printed, e.g. "Phòng Quản lý chuyên ngành".
    pub name: String,
    /// Short name for tables and sheet names.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub short_name: Option<String>,
    /// The head of the unit (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub head: Option<String>,
}

/// A person of the agency, or an outside participant, with their QMS roles.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Person {
    /// Stable identifier, unique among people.
    pub id: String,
    /// Full name, e.g. "Nguyễn Thị Hồng".
    pub name: String,
    /// Position (chức vụ), e.g. "Phó Giám đốc Sở".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub position: Option<String>,
    /// Home unit (a unit id). Auditors' home units matter for impartiality.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// QMS roles held.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub roles: Vec<Role>,
    /// Training records (internal-auditor courses, awareness classes).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub training: Vec<TrainingRecord>,
    /// Standing qualifications (e.g. lead auditor), held apart from any one course: an agency
    /// names its lead auditors by decision, whatever course they took.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub qualifications: Vec<Qualification>,
}

impl Person {
    /// Whether the person holds a role.
    ///
    /// ```
    /// use qms_core::model::{Person, Role};
    /// let p = Person { id: "p1".into(), name: "Lê Văn An".into(), position: None, unit: None,
    ///     roles: vec![Role::InternalAuditor], training: vec![], qualifications: vec![] };
    /// assert!(p.has_role(Role::InternalAuditor));
    /// ```
    pub fn has_role(&self, role: Role) -> bool {
        self.roles.contains(&role)
    }

    /// Whether the person may audit: an internal-auditor course on record or a standing
    /// auditor qualification (lead or internal auditor).
    ///
    /// ```
    /// use qms_core::model::{Person, Qualification, QualificationKind};
    /// let mut p = Person { id: "p1".into(), name: "Lê Văn An".into(), position: None, unit: None,
    ///     roles: vec![], training: vec![], qualifications: vec![] };
    /// assert!(!p.is_qualified_auditor());
    /// p.qualifications.push(Qualification { kind: QualificationKind::LeadAuditor, since: None,
    ///     decision: None });
    /// assert!(p.is_qualified_auditor() && p.is_lead_auditor());
    /// ```
    pub fn is_qualified_auditor(&self) -> bool {
        self.training
            .iter()
            .any(|t| t.kind == TrainingKind::InternalAuditor)
            || self.qualifications.iter().any(|q| q.kind.audits())
    }

    /// Whether the person holds a standing lead-auditor qualification.
    pub fn is_lead_auditor(&self) -> bool {
        self.qualifications
            .iter()
            .any(|q| q.kind == QualificationKind::LeadAuditor)
    }
}

/// A standing qualification (năng lực được công nhận), e.g. lead auditor.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Qualification {
    /// What the person is qualified as.
    pub kind: QualificationKind,
    /// Since when.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub since: Option<NaiveDate>,
    /// The decision or certificate that grants it, e.g. "12/QĐ-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<String>,
}

/// Kind of standing qualification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum QualificationKind {
    /// Lead auditor (chuyên gia đánh giá trưởng).
    LeadAuditor,
    /// Internal auditor (chuyên gia đánh giá nội bộ).
    InternalAuditor,
    /// Technical expert (chuyên gia kỹ thuật), who supports a team but does not audit.
    TechnicalExpert,
}

impl QualificationKind {
    /// Whether the qualification allows auditing.
    pub fn audits(self) -> bool {
        matches!(
            self,
            QualificationKind::LeadAuditor | QualificationKind::InternalAuditor
        )
    }

    /// The label in a language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        match self {
            QualificationKind::LeadAuditor => {
                lang.pick("Chuyên gia đánh giá trưởng", "Lead auditor")
            }
            QualificationKind::InternalAuditor => {
                lang.pick("Chuyên gia đánh giá nội bộ", "Internal auditor")
            }
            QualificationKind::TechnicalExpert => {
                lang.pick("Chuyên gia kỹ thuật", "Technical expert")
            }
        }
    }
}

/// A QMS role (vai trò trong HTQLCL).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Head of the agency (Thủ trưởng cơ quan), who approves and signs.
    Head,
    /// Deputy head (Phó thủ trưởng).
    DeputyHead,
    /// Quality representative (Đại diện lãnh đạo về chất lượng).
    QualityRepresentative,
    /// ISO secretary (Thư ký ISO).
    IsoSecretary,
    /// Member of the ISO steering committee (Ban chỉ đạo ISO).
    SteeringCommittee,
    /// Internal auditor (Chuyên gia đánh giá nội bộ).
    InternalAuditor,
}

/// A training record (hồ sơ đào tạo).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TrainingRecord {
    /// Kind of course.
    pub kind: TrainingKind,
    /// Course title, e.g. "Chuyên gia đánh giá nội bộ TCVN ISO 9001:2015"; empty when the
    /// record (a certificate, say) does not name the course.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub course: String,
    /// Training provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// Date the course ended or the certificate was issued.
    pub date: NaiveDate,
    /// Certificate number.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub certificate: Option<String>,
}

/// Kind of training course.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TrainingKind {
    /// Internal auditor course (đào tạo chuyên gia đánh giá nội bộ).
    InternalAuditor,
    /// Awareness of TCVN ISO 9001 (đào tạo nhận thức).
    Awareness,
    /// Anything else.
    Other,
}
