//! Clause catalogs of TCVN ISO 9001:2015 and TCVN ISO 9001:2008, the 2008 → 2015
//! correlation, and the management review input/output topics.
//!
//! All data is static and bilingual (Vietnamese first, English second). Vietnamese titles
//! follow the official TCVN wording where it is known; each title carries a [`TitleStatus`]
//! that tells how sure we are of it, so that reports can label unverified wording.

// foldhash: the index is only looked up, never iterated, so its order cannot reach any output.
use foldhash::HashMap;
use std::sync::LazyLock;

use schemars::JsonSchema;
use serde::Serialize;

use crate::{Edition, Lang};

mod correlation;
mod iso9001_2008;
mod iso9001_2015;
mod review_topics;

pub use correlation::{Correlation, correlate, correlations};
pub use review_topics::{ReviewTopic, required_review_inputs, review_inputs, review_outputs};

/// How sure we are of a Vietnamese title or of a correlation row.
///
/// The three levels follow the markers of the domain reference: ✅ confirmed in a public
/// source, ⚠️ partly confirmed or seen only in a secondary source, ❓ unverified.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TitleStatus {
    /// Confirmed in a public source (✅).
    Confirmed,
    /// Partly confirmed, or seen only in a secondary or community source (⚠️).
    Partial,
    /// Unverified: domain knowledge, to be labelled as such (❓).
    Unverified,
}

/// One clause, sub-clause or numbered paragraph of an edition of TCVN ISO 9001.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Clause {
    /// The clause number, e.g. "9.2.2".
    pub id: &'static str,
    /// The enclosing clause, e.g. "9.2"; `None` for the top-level clauses.
    pub parent: Option<&'static str>,
    /// The official TCVN Vietnamese title; for a numbered paragraph, its parent's title.
    pub title_vi: &'static str,
    /// The English title of ISO 9001; for a numbered paragraph, its parent's title.
    pub title_en: &'static str,
    /// True for a numbered paragraph without its own title (4.4.1, 9.2.2, ...).
    pub paragraph: bool,
    /// How sure we are of `title_vi`.
    pub vi_status: TitleStatus,
}

impl Clause {
    /// The title in the requested language.
    ///
    /// ```
    /// use qms_core::catalog::find;
    /// use qms_core::{Edition, Lang};
    /// let title = find(Edition::Iso9001_2015, "10.2").map(|c| c.title(Lang::En));
    /// assert_eq!(title, Some("Nonconformity and corrective action"));
    /// ```
    pub fn title(&self, lang: Lang) -> &'static str {
        lang.pick(self.title_vi, self.title_en)
    }

    /// The nesting depth: "9" is 1, "9.2" is 2, "9.2.2" is 3, "7.1.5.1" is 4.
    pub fn depth(&self) -> usize {
        self.id.split('.').count()
    }
}

/// Errors of catalog look-ups.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CatalogError {
    /// The clause number does not exist in the given edition.
    #[error("unknown clause \"{id}\" in {edition}")]
    UnknownClause {
        /// The clause number that was asked for.
        id: String,
        /// The edition it was looked up in.
        edition: Edition,
    },
}

/// A titled clause (data-table helper).
const fn titled(
    id: &'static str,
    parent: Option<&'static str>,
    title_vi: &'static str,
    title_en: &'static str,
    vi_status: TitleStatus,
) -> Clause {
    Clause {
        id,
        parent,
        title_vi,
        title_en,
        paragraph: false,
        vi_status,
    }
}

/// A numbered paragraph that inherits its parent's title and status (data-table helper).
const fn para(id: &'static str, parent: &Clause) -> Clause {
    Clause {
        id,
        parent: Some(parent.id),
        title_vi: parent.title_vi,
        title_en: parent.title_en,
        paragraph: true,
        vi_status: parent.vi_status,
    }
}

/// Every clause of an edition, in document order (top-level clauses 4–10 for 2015,
/// 4–8 for 2008, each followed by its sub-clauses and numbered paragraphs).
pub fn clauses(edition: Edition) -> &'static [Clause] {
    match edition {
        Edition::Iso9001_2008 => iso9001_2008::CLAUSES,
        Edition::Iso9001_2015 => iso9001_2015::CLAUSES,
    }
}

/// Position of each clause id in its edition's table.
type Index = HashMap<&'static str, usize>;

fn build_index(table: &'static [Clause]) -> Index {
    table.iter().enumerate().map(|(i, c)| (c.id, i)).collect()
}

static INDEX_2008: LazyLock<Index> = LazyLock::new(|| build_index(iso9001_2008::CLAUSES));
static INDEX_2015: LazyLock<Index> = LazyLock::new(|| build_index(iso9001_2015::CLAUSES));

/// Finds a clause by its exact number (no trimming, no normalisation).
///
/// ```
/// use qms_core::catalog::find;
/// use qms_core::Edition;
///
/// let audit = find(Edition::Iso9001_2015, "9.2").map(|c| c.title_vi);
/// assert_eq!(audit, Some("Đánh giá nội bộ"));
///
/// // 9.2.2 is a numbered paragraph: it inherits the title of 9.2.
/// let para = find(Edition::Iso9001_2015, "9.2.2");
/// assert!(para.is_some_and(|c| c.paragraph && c.title_vi == "Đánh giá nội bộ"));
///
/// assert!(find(Edition::Iso9001_2015, "9.9").is_none());
/// assert!(find(Edition::Iso9001_2008, "10.2").is_none());
/// ```
pub fn find(edition: Edition, id: &str) -> Option<&'static Clause> {
    let index: &'static Index = match edition {
        Edition::Iso9001_2008 => &INDEX_2008,
        Edition::Iso9001_2015 => &INDEX_2015,
    };
    index.get(id).and_then(|&i| clauses(edition).get(i))
}

/// Whether `id` is a clause number of the edition.
pub fn is_known(edition: Edition, id: &str) -> bool {
    find(edition, id).is_some()
}

/// The direct children of a clause, in document order; empty when `id` is unknown or has none.
///
/// ```
/// use qms_core::catalog::children;
/// use qms_core::Edition;
/// let ids: Vec<&str> = children(Edition::Iso9001_2015, "9.2").map(|c| c.id).collect();
/// assert_eq!(ids, ["9.2.1", "9.2.2"]);
/// ```
pub fn children(edition: Edition, id: &str) -> impl Iterator<Item = &'static Clause> + use<> {
    let parent: Option<&'static str> = find(edition, id).map(|c| c.id);
    clauses(edition)
        .iter()
        .filter(move |c| parent.is_some() && c.parent == parent)
}

/// Whether clause `id` is `ancestor` itself or lies inside it, by number alone.
///
/// "8.5.1" is within "8", "8.5" and "8.5.1"; "8.51" is not within "8.5". An empty
/// `ancestor` contains nothing.
///
/// ```
/// use qms_core::catalog::is_within;
/// assert!(is_within("8.5", "8.5.1"));
/// assert!(!is_within("8.5", "8.51"));
/// ```
pub fn is_within(ancestor: &str, id: &str) -> bool {
    if ancestor.is_empty() {
        return false;
    }
    match id.strip_prefix(ancestor) {
        Some(rest) => rest.is_empty() || rest.starts_with('.'),
        None => false,
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use std::collections::HashSet;
    use unicode_normalization::is_nfc;

    fn check_table(edition: Edition) {
        let table = clauses(edition);
        let mut seen = HashSet::new();
        for (i, c) in table.iter().enumerate() {
            assert!(seen.insert(c.id), "duplicate id {} in {edition}", c.id);
            // The index points back at the same row.
            assert_eq!(find(edition, c.id).map(|f| f.id), Some(c.id));
            // The parent is the id minus its last segment, and comes earlier.
            let expected_parent = c.id.rsplit_once('.').map(|(p, _)| p);
            assert_eq!(c.parent, expected_parent, "parent of {}", c.id);
            if let Some(p) = c.parent {
                let pos = table.iter().position(|x| x.id == p);
                assert!(pos.is_some_and(|pos| pos < i), "parent {p} of {}", c.id);
            }
            // Ids are dot-separated positive integers.
            assert!(
                c.id.split('.').all(|s| !s.is_empty()
                    && !s.starts_with('0')
                    && s.bytes().all(|b| b.is_ascii_digit())),
                "bad id {}",
                c.id
            );
            for s in [c.title_vi, c.title_en] {
                assert!(!s.trim().is_empty() && s.trim() == s, "title of {}", c.id);
                assert!(is_nfc(s), "title of {} is not NFC", c.id);
            }
            assert!(c.title_en.is_ascii(), "English title of {}", c.id);
            if c.paragraph {
                let p = find(edition, c.parent.unwrap()).unwrap();
                assert_eq!((c.title_vi, c.title_en), (p.title_vi, p.title_en));
                assert!(!p.paragraph);
            }
        }
        // Document order: sorting ids numerically keeps the table as it is.
        let key = |id: &str| -> Vec<u32> { id.split('.').map(|s| s.parse().unwrap()).collect() };
        let mut sorted: Vec<&str> = table.iter().map(|c| c.id).collect();
        sorted.sort_by_key(|id| key(id));
        assert_eq!(sorted, table.iter().map(|c| c.id).collect::<Vec<_>>());
    }

    #[test]
    fn tables_are_consistent() {
        for e in Edition::ALL {
            check_table(e);
        }
    }

    fn direct_child_counts(edition: Edition, tops: &[&str]) -> Vec<usize> {
        tops.iter()
            .map(|t| children(edition, t).filter(|c| !c.paragraph).count())
            .collect()
    }

    #[test]
    fn counts_2015() {
        let tops = ["4", "5", "6", "7", "8", "9", "10"];
        let top_level: Vec<&str> = clauses(Edition::Iso9001_2015)
            .iter()
            .filter(|c| c.parent.is_none())
            .map(|c| c.id)
            .collect();
        assert_eq!(top_level, tops);
        // Clause-heading count per clause.
        assert_eq!(
            direct_child_counts(Edition::Iso9001_2015, &tops),
            [4, 3, 3, 5, 7, 3, 3]
        );
        // Everything within each top-level clause, itself and paragraphs included.
        let within: Vec<usize> = tops
            .iter()
            .map(|t| {
                clauses(Edition::Iso9001_2015)
                    .iter()
                    .filter(|c| is_within(t, c.id))
                    .count()
            })
            .collect();
        assert_eq!(within, [7, 8, 8, 19, 31, 12, 6]);
        let paragraphs: Vec<&str> = clauses(Edition::Iso9001_2015)
            .iter()
            .filter(|c| c.paragraph)
            .map(|c| c.id)
            .collect();
        assert_eq!(
            paragraphs,
            [
                "4.4.1", "4.4.2", "6.1.1", "6.1.2", "6.2.1", "6.2.2", "7.5.3.1", "7.5.3.2",
                "8.2.3.1", "8.2.3.2", "8.7.1", "8.7.2", "9.2.1", "9.2.2", "10.2.1", "10.2.2"
            ]
        );
        assert_eq!(clauses(Edition::Iso9001_2015).len(), 91);
    }

    #[test]
    fn counts_2008() {
        let tops = ["4", "5", "6", "7", "8"];
        assert_eq!(
            direct_child_counts(Edition::Iso9001_2008, &tops),
            [2, 6, 4, 6, 5]
        );
        let within: Vec<usize> = tops
            .iter()
            .map(|t| {
                clauses(Edition::Iso9001_2008)
                    .iter()
                    .filter(|c| is_within(t, c.id))
                    .count()
            })
            .collect();
        assert_eq!(within, [7, 15, 7, 25, 13]);
        assert!(clauses(Edition::Iso9001_2008).iter().all(|c| !c.paragraph));
        assert_eq!(clauses(Edition::Iso9001_2008).len(), 67);
    }

    #[test]
    fn known_titles() {
        let e15 = Edition::Iso9001_2015;
        let c = find(e15, "9.2").unwrap();
        assert_eq!(c.title_vi, "Đánh giá nội bộ");
        assert_eq!(c.title(Lang::En), "Internal audit");
        assert_eq!(c.vi_status, TitleStatus::Confirmed);
        assert_eq!(c.depth(), 2);
        let p = find(e15, "9.2.2").unwrap();
        assert!(p.paragraph);
        assert_eq!(p.title_vi, "Đánh giá nội bộ");
        assert_eq!(p.parent, Some("9.2"));
        assert_eq!(p.depth(), 3);
        assert_eq!(find(e15, "7.1.5.1").unwrap().depth(), 4);
        assert_eq!(find(e15, "9.3").unwrap().title_vi, "Xem xét của lãnh đạo");
        assert_eq!(
            find(e15, "10.2").unwrap().title(Lang::Vi),
            "Sự không phù hợp và hành động khắc phục"
        );
        assert_eq!(find(e15, "8").unwrap().title_vi, "Thực hiện");
        assert_eq!(
            find(e15, "8.3.4").unwrap().vi_status,
            TitleStatus::Unverified
        );
        assert_eq!(find(e15, "7.1.2").unwrap().vi_status, TitleStatus::Partial);
        assert!(find(e15, "9.9").is_none());
        assert!(!is_known(e15, "9.9"));
        assert!(!is_known(e15, " 9.2"));
        assert!(!is_known(e15, "9.2."));
        assert!(!is_known(e15, ""));
        assert!(is_known(e15, "10.3"));

        let e08 = Edition::Iso9001_2008;
        let c = find(e08, "8.2.2").unwrap();
        assert_eq!(c.title_vi, "Đánh giá nội bộ");
        assert_eq!(c.title_en, "Internal audit");
        assert_eq!(find(e08, "5.6").unwrap().title_vi, "Xem xét của lãnh đạo");
        assert_eq!(
            find(e08, "4.2.3").unwrap().vi_status,
            TitleStatus::Unverified
        );
        assert_eq!(find(e08, "7").unwrap().vi_status, TitleStatus::Confirmed);
        assert!(!is_known(e08, "9"));
        assert!(!is_known(e08, "9.2"));
    }

    #[test]
    fn children_are_direct() {
        let e = Edition::Iso9001_2015;
        let ids: Vec<&str> = children(e, "7.1").map(|c| c.id).collect();
        assert_eq!(ids, ["7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5", "7.1.6"]);
        let ids: Vec<&str> = children(e, "7.1.5").map(|c| c.id).collect();
        assert_eq!(ids, ["7.1.5.1", "7.1.5.2"]);
        assert_eq!(children(e, "10.3").count(), 0);
        assert_eq!(children(e, "nope").count(), 0);
        assert_eq!(children(e, "").count(), 0);
        // The iterator does not borrow the id.
        let iter = {
            let id = String::from("9");
            children(e, &id)
        };
        assert_eq!(iter.count(), 3);
    }

    #[test]
    fn within() {
        assert!(is_within("8", "8.5.1"));
        assert!(is_within("8.5", "8.5.1"));
        assert!(is_within("8.5.1", "8.5.1"));
        assert!(!is_within("8.5", "8.51"));
        assert!(!is_within("8.5.1", "8.5"));
        assert!(!is_within("1", "10.2"));
        assert!(is_within("10", "10.2"));
        assert!(!is_within("", "8"));
        assert!(!is_within("8", ""));
    }

    #[test]
    fn serialises_status_in_snake_case() {
        let json = serde_json::to_string(&TitleStatus::Unverified).unwrap();
        assert_eq!(json, "\"unverified\"");
        let clause = serde_json::to_value(find(Edition::Iso9001_2015, "9.2.2").unwrap()).unwrap();
        assert_eq!(clause["parent"], "9.2");
        assert_eq!(clause["vi_status"], "confirmed");
    }
}
