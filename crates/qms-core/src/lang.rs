//! The languages qms writes for people: Vietnamese first, English second.

use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A language for messages and documents.
///
/// ```
/// use qms_core::Lang;
/// assert_eq!(Lang::default(), Lang::Vi);
/// assert_eq!(Lang::En.pick("Phù hợp", "Conform"), "Conform");
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    /// Tiếng Việt (the default).
    #[default]
    Vi,
    /// English.
    En,
}

impl Lang {
    /// Chooses between a Vietnamese and an English text.
    pub fn pick<'a>(self, vi: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Vi => vi,
            Lang::En => en,
        }
    }

    /// Parses "vi" or "en" (case-insensitive).
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "vi" => Some(Lang::Vi),
            "en" => Some(Lang::En),
            _ => None,
        }
    }
}
