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

impl Lang {
    /// A count and its noun: "1 agency", "2 agencies" in English; a Vietnamese noun does not
    /// change with the number ("2 cơ quan"). `en` is the English singular; its plural is
    /// [`plural_en`].
    ///
    /// ```
    /// use qms_core::Lang;
    /// assert_eq!(Lang::En.count(1u32, "cơ quan", "agency"), "1 agency");
    /// assert_eq!(Lang::En.count(2u32, "cơ quan", "agency"), "2 agencies");
    /// assert_eq!(Lang::Vi.count(2u32, "cơ quan", "agency"), "2 cơ quan");
    /// ```
    pub fn count(self, n: impl Into<u64>, vi: &str, en: &str) -> String {
        let n = n.into();
        match self {
            Lang::Vi => format!("{n} {vi}"),
            Lang::En => format!("{n} {}", noun_en(n, en)),
        }
    }
}

/// The English noun for a count: the singular for one, else [`plural_en`].
pub fn noun_en(n: u64, singular: &str) -> String {
    if n == 1 {
        singular.to_owned()
    } else {
        plural_en(singular)
    }
}

/// The plural of an English noun phrase, its head noun changed: "agency" → "agencies",
/// "opportunity for improvement" → "opportunities for improvement", "corrective action" →
/// "corrective actions", "minor nonconformity" → "minor nonconformities".
///
/// ```
/// assert_eq!(qms_core::plural_en("opportunity for improvement"), "opportunities for improvement");
/// assert_eq!(qms_core::plural_en("good practice"), "good practices");
/// assert_eq!(qms_core::plural_en("process"), "processes");
/// ```
pub fn plural_en(singular: &str) -> String {
    // The head noun ends the phrase, or comes before "for"/"of"/"with".
    let split = [" for ", " of ", " with "]
        .iter()
        .filter_map(|w| singular.find(w))
        .min()
        .unwrap_or(singular.len());
    let (head, tail) = singular.split_at(split);
    let lower = head.to_ascii_lowercase();
    let plural = if lower.ends_with("person") {
        format!("{}ople", &head[..head.len() - 4])
    } else if lower.ends_with('y')
        && !lower.ends_with("ay")
        && !lower.ends_with("ey")
        && !lower.ends_with("oy")
    {
        format!("{}ies", &head[..head.len() - 1])
    } else if ["s", "x", "ch", "sh", "z"]
        .iter()
        .any(|e| lower.ends_with(e))
    {
        format!("{head}es")
    } else {
        format!("{head}s")
    };
    format!("{plural}{tail}")
}
