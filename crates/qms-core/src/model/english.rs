//! English names the dossier gives for its agency, units and positions, used by documents
//! rendered in English; Vietnamese names stay the default.

use indexmap::IndexMap;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// English names, all optional.
///
/// ```
/// let e: qms_core::model::EnglishNames = serde_json::from_str(
///     r#"{"agency": "People's Committee of Hoa Lu Ward", "units": {"vp": "Office"}}"#).unwrap();
/// assert_eq!(e.unit("vp"), Some("Office"));
/// assert_eq!(e.unit("x"), None);
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct EnglishNames {
    /// The agency, e.g. "Department of Science and Technology of Ninh Binh Province".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub agency: Option<String>,
    /// The governing body above the agency, e.g. "Ninh Binh Provincial People's Committee".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub parent: Option<String>,
    /// Units by unit id.
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub units: IndexMap<String, String>,
    /// Positions by person id, e.g. "Vice Chairman".
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub positions: IndexMap<String, String>,
    /// Audit titles by audit id, e.g. "First internal audit of 2026".
    #[serde(default, skip_serializing_if = "IndexMap::is_empty")]
    pub audits: IndexMap<String, String>,
}

impl EnglishNames {
    /// Whether no English name is given.
    pub fn is_empty(&self) -> bool {
        *self == EnglishNames::default()
    }

    /// A unit's English name.
    pub fn unit(&self, id: &str) -> Option<&str> {
        self.units
            .get(id)
            .map(String::as_str)
            .filter(|s| !s.trim().is_empty())
    }

    /// An audit's English title.
    ///
    /// ```
    /// let e: qms_core::model::EnglishNames =
    ///     serde_json::from_str(r#"{"audits": {"a1": "Internal audit 1 of 2026"}}"#).unwrap();
    /// assert_eq!(e.audit("a1"), Some("Internal audit 1 of 2026"));
    /// ```
    pub fn audit(&self, id: &str) -> Option<&str> {
        self.audits
            .get(id)
            .map(String::as_str)
            .filter(|s| !s.trim().is_empty())
    }

    /// A person's English position.
    pub fn position(&self, person: &str) -> Option<&str> {
        self.positions
            .get(person)
            .map(String::as_str)
            .filter(|s| !s.trim().is_empty())
    }
}
