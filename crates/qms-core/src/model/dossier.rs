//! The dossier: one agency's QMS record set, the unit that tools exchange.

use super::*;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The version of the dossier format this library writes and reads.
pub const FORMAT_VERSION: u32 = 1;

/// One agency's QMS record set (hồ sơ HTQLCL).
///
/// Load one from JSON text with [`crate::load()`], which also checks references and clause ids.
///
/// ```
/// let text = r#"{
///   "format_version": 1, "id": "demo",
///   "agency": {"name": "Ủy ban nhân dân xã An Bình"},
///   "scope": {"edition": "2015", "text": "Giải quyết thủ tục hành chính"}
/// }"#;
/// let dossier = qms_core::load(text.as_bytes()).unwrap();
/// assert_eq!(dossier.scope.edition, qms_core::Edition::Iso9001_2015);
/// ```
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Dossier {
    /// Link to the JSON Schema, for editors.
    #[serde(rename = "$schema", default, skip_serializing_if = "Option::is_none")]
    pub schema: Option<String>,
    /// Format version; 1.
    pub format_version: u32,
    /// Stable identifier of the dossier (workbooks exported from it carry it).
    pub id: String,
    /// The agency.
    pub agency: Agency,
    /// Agency settings.
    #[serde(default)]
    pub settings: DossierSettings,
    /// Units (phòng, ban).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<Unit>,
    /// People and their roles.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub people: Vec<Person>,
    /// QMS scope and edition.
    pub scope: QmsScope,
    /// Procedures (quy trình).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<Procedure>,
    /// Announcements of the QMS (công bố), oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub announcements: Vec<Announcement>,
    /// Audit programmes, one per year.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub programmes: Vec<AuditProgramme>,
    /// Audits with their plans, checklists and findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audits: Vec<Audit>,
    /// Outside inspections (Sở KH&CN, certification body) with their findings, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inspections: Vec<Inspection>,
    /// Corrective-action requests.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub corrective_actions: Vec<CorrectiveAction>,
    /// Management reviews, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub management_reviews: Vec<ManagementReview>,
    /// Quality objectives.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub quality_objectives: Vec<QualityObjective>,
    /// Document and record registers.
    #[serde(default)]
    pub registers: Registers,
    /// English names of the agency, its units and positions, for documents in English.
    #[serde(default, skip_serializing_if = "super::EnglishNames::is_empty")]
    pub english: super::EnglishNames,
}

impl Dossier {
    /// An empty dossier for an agency, on the 2015 edition.
    ///
    /// ```
    /// let d = qms_core::Dossier::new("so-khcn", "Sở Khoa học và Công nghệ");
    /// assert!(d.units.is_empty());
    /// ```
    pub fn new(id: &str, agency_name: &str) -> Dossier {
        Dossier {
            schema: None,
            format_version: FORMAT_VERSION,
            id: id.to_owned(),
            agency: Agency {
                name: agency_name.to_owned(),
                ..Agency::default()
            },
            settings: DossierSettings::default(),
            units: Vec::new(),
            people: Vec::new(),
            scope: QmsScope {
                edition: crate::Edition::Iso9001_2015,
                text: String::new(),
                units: Vec::new(),
                exclusions: Vec::new(),
            },
            procedures: Vec::new(),
            announcements: Vec::new(),
            programmes: Vec::new(),
            audits: Vec::new(),
            inspections: Vec::new(),
            corrective_actions: Vec::new(),
            management_reviews: Vec::new(),
            quality_objectives: Vec::new(),
            registers: Registers::default(),
            english: super::EnglishNames::default(),
        }
    }

    /// Every finding of every audit, with its audit.
    pub fn findings(&self) -> impl Iterator<Item = (&Audit, &Finding)> {
        self.audits
            .iter()
            .flat_map(|a| a.findings.iter().map(move |f| (a, f)))
    }

    /// Every finding of every outside inspection, with its inspection.
    pub fn inspection_findings(&self) -> impl Iterator<Item = (&Inspection, &Finding)> {
        self.inspections
            .iter()
            .flat_map(|i| i.findings.iter().map(move |f| (i, f)))
    }

    /// The unit with an id.
    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    /// The person with an id.
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }
}
