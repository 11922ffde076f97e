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
    /// Whether a text is written in Vietnamese: it holds a Latin letter with a diacritic
    /// (Latin-1 to Latin Extended Additional, where every Vietnamese vowel and "đ" lie).
    ///
    /// ```
    /// assert!(qms_core::Lang::is_vietnamese("Đánh giá nội bộ"));
    /// assert!(!qms_core::Lang::is_vietnamese("Internal audit 1 of 2026"));
    /// ```
    pub fn is_vietnamese(text: &str) -> bool {
        text.chars()
            .any(|c| matches!(c, '\u{c0}'..='\u{1ef9}') && c.is_alphabetic())
    }

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
