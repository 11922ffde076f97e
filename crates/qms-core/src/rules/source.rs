//! The requirement a rule comes from.

use crate::{Edition, Lang};

/// Where a rule's requirement is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A clause of TCVN ISO 9001, numbered in each edition.
    Iso9001 {
        /// Clause in the 2015 edition.
        c2015: &'static str,
        /// Clause in the 2008 edition.
        c2008: &'static str,
    },
    /// A guideline of TCVN ISO 19011:2018.
    Iso19011(&'static str),
    /// Quyết định 19/2014/QĐ-TTg (article and clause).
    Qd19(&'static str),
    /// Nghị định 30/2020/NĐ-CP on clerical work (annex and section).
    Nd30(&'static str),
    /// Công văn 419/BKHCN-TĐC: move to TCVN ISO 9001:2015 before 30/6/2021.
    Cv419,
    /// The agency's own procedure (a configurable practice, not law).
    AgencyPolicy,
}

impl Source {
    /// The citation in a language, for a dossier on `edition`.
    ///
    /// ```
    /// use qms_core::{Edition, Lang, rules::Source};
    /// let s = Source::Iso9001 { c2015: "9.2.2 c", c2008: "8.2.2" };
    /// assert_eq!(s.label(Edition::Iso9001_2008, Lang::Vi), "TCVN ISO 9001:2008, 8.2.2");
    /// ```
    pub fn label(self, edition: Edition, lang: Lang) -> String {
        match self {
            Source::Iso9001 { c2015, c2008 } => {
                let clause = if edition == Edition::Iso9001_2008 {
                    c2008
                } else {
                    c2015
                };
                format!("{}, {clause}", edition.title())
            }
            Source::Iso19011(s) => format!("TCVN ISO 19011:2018, {s}"),
            Source::Qd19(s) => match lang {
                Lang::Vi => format!("Quyết định 19/2014/QĐ-TTg, {s}"),
                Lang::En => format!("Decision 19/2014/QĐ-TTg, {}", part_en(s)),
            },
            Source::Nd30(s) => match lang {
                Lang::Vi => format!("Nghị định 30/2020/NĐ-CP, {s}"),
                Lang::En => format!("Decree 30/2020/NĐ-CP, {}", part_en(s)),
            },
            // No parentheses of its own: documents cite a source in parentheses.
            Source::Cv419 => lang
                .pick(
                    "Công văn 419/BKHCN-TĐC về chuyển đổi sang TCVN ISO 9001:2015 trước 30/6/2021",
                    "Official letter 419/BKHCN-TĐC on moving to TCVN ISO 9001:2015 by 30 June 2021",
                )
                .to_owned(),
            Source::AgencyPolicy => lang
                .pick(
                    "Quy định của cơ quan (có thể cấu hình)",
                    "Agency policy (configurable)",
                )
                .to_owned(),
        }
    }
}

/// An article, clause or annex of a Vietnamese legal text as English cites it: "Điều 4 khoản
/// 3" is "Article 4, clause 3", "Phụ lục III" is "Annex III".
fn part_en(s: &str) -> String {
    s.replace("Điều", "Article")
        .replace(" khoản", ", clause")
        .replace("Phụ lục", "Annex")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn legal_texts_are_cited_in_the_documents_language() {
        let e = Edition::Iso9001_2015;
        assert_eq!(
            Source::Qd19("Điều 4 khoản 3").label(e, Lang::En),
            "Decision 19/2014/QĐ-TTg, Article 4, clause 3"
        );
        assert_eq!(
            Source::Qd19("Điều 4 khoản 3").label(e, Lang::Vi),
            "Quyết định 19/2014/QĐ-TTg, Điều 4 khoản 3"
        );
        assert_eq!(
            Source::Nd30("Phụ lục III").label(e, Lang::En),
            "Decree 30/2020/NĐ-CP, Annex III"
        );
        for lang in [Lang::Vi, Lang::En] {
            assert!(!Source::Cv419.label(e, lang).contains('('));
        }
    }
}
