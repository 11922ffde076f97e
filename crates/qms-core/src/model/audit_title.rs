//! An audit's title in a document's language, the same in Word and Excel records.

use super::{Audit, EnglishNames};
use crate::Lang;
use chrono::Datelike;

impl Audit {
    /// The audit's title in `lang`: the recorded one in Vietnamese; in English the dossier's
    /// English title (`english.audits`), else the recorded one when it is English already,
    /// else one made from the round and year the title gives ("Đánh giá nội bộ HTQLCL đợt 1
    /// năm 2026" → "Internal audit 1 of 2026"; the year defaults to the plan's start).
    ///
    /// ```
    /// use qms_core::Lang;
    /// use qms_core::model::EnglishNames;
    /// use qms_core::sample::{SampleSpec, sample_dossier};
    /// let spec = SampleSpec { checklist_items: 10, findings: 1, seed: 7, agency: 0 };
    /// let mut audit = sample_dossier(&spec).audits.remove(0);
    /// audit.title = "Đánh giá nội bộ HTQLCL đợt 2 năm 2026".into();
    /// let none = EnglishNames::default();
    /// assert_eq!(audit.title_in(&none, Lang::Vi), audit.title);
    /// assert_eq!(audit.title_in(&none, Lang::En), "Internal audit 2 of 2026");
    /// ```
    pub fn title_in(&self, english: &EnglishNames, lang: Lang) -> String {
        if lang == Lang::Vi {
            return self.title.clone();
        }
        if let Some(t) = english.audit(&self.id) {
            return t.to_owned();
        }
        if !Lang::is_vietnamese(&self.title) {
            return self.title.clone();
        }
        let lower = self.title.to_lowercase();
        let number_after = |word: &str| {
            lower.find(word).and_then(|i| {
                let digits: String = lower
                    .get(i + word.len()..)?
                    .chars()
                    .take_while(char::is_ascii_digit)
                    .collect();
                digits.parse::<u32>().ok()
            })
        };
        let year = number_after("năm ")
            .filter(|y| *y >= 1000)
            .unwrap_or_else(|| self.plan.start.year().unsigned_abs());
        match number_after("đợt ") {
            Some(round) => format!("Internal audit {round} of {year}"),
            None => format!("Internal audit of {year}"),
        }
    }
}
