//! Editions of TCVN ISO 9001 (phiên bản tiêu chuẩn) that a dossier can follow.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// An edition of TCVN ISO 9001 (ISO 9001) that an agency's QMS applies.
///
/// Serialised as the year alone, as agencies write it ("2015", "2008").
///
/// ```
/// use qms_core::Edition;
/// let e: Edition = serde_json::from_str("\"2015\"").unwrap();
/// assert_eq!(e, Edition::Iso9001_2015);
/// assert_eq!(e.title(), "TCVN ISO 9001:2015");
/// ```
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, JsonSchema,
)]
pub enum Edition {
    /// TCVN ISO 9001:2008 (ISO 9001:2008), the legacy edition named by Quyết định 19/2014/QĐ-TTg.
    #[serde(rename = "2008")]
    Iso9001_2008,
    /// TCVN ISO 9001:2015 (ISO 9001:2015), required of state agencies since 30 June 2021.
    #[serde(rename = "2015")]
    Iso9001_2015,
}

impl Edition {
    /// Every edition the library knows, oldest first.
    pub const ALL: [Edition; 2] = [Edition::Iso9001_2008, Edition::Iso9001_2015];

    /// The year as written in the dossier ("2008", "2015").
    pub fn year(self) -> &'static str {
        match self {
            Edition::Iso9001_2008 => "2008",
            Edition::Iso9001_2015 => "2015",
        }
    }

    /// The national standard's designation, e.g. "TCVN ISO 9001:2015".
    pub fn title(self) -> &'static str {
        match self {
            Edition::Iso9001_2008 => "TCVN ISO 9001:2008",
            Edition::Iso9001_2015 => "TCVN ISO 9001:2015",
        }
    }

    /// Parses "2015", "2008", "9001:2015" or "TCVN ISO 9001:2015".
    ///
    /// ```
    /// use qms_core::Edition;
    /// assert_eq!(Edition::parse("TCVN ISO 9001:2008"), Some(Edition::Iso9001_2008));
    /// assert_eq!(Edition::parse("2026"), None);
    /// ```
    pub fn parse(text: &str) -> Option<Edition> {
        let t = text.trim();
        Edition::ALL
            .into_iter()
            .find(|e| t == e.year() || t.ends_with(&format!("9001:{}", e.year())))
    }
}

impl std::fmt::Display for Edition {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.title())
    }
}
