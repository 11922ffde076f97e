//! The 2008 → 2015 correlation of ISO/TC 176/SC 2 (document N1293, draft N1224).
//!
//! Rows combine those seen in stored excerpts of N1224/N1293 and their reproductions
//! (`Confirmed`), one row seen only partly (`Partial`) and rows recalled from N1293
//! (`Unverified`). A source row with several 2015 targets is split into one row per target;
//! clause numbers the source gives in parentheses ("5.3 (5.2.1, 5.2.2)", "6.1 (and 10.3)")
//! are rows of their own too. The rows for 2008 clause 1 (scope) are left out, as the
//! catalogs cover clauses 4 onwards only.

use std::sync::LazyLock;

use serde::Serialize;

use super::TitleStatus::{self, Confirmed, Partial, Unverified};
use super::{CatalogError, Clause, clauses, find};
use crate::Edition;

/// One row of the 2008 → 2015 correlation (ISO/TC 176/SC2/N1293); the table is many-to-many.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Correlation {
    /// The ISO 9001:2008 clause.
    pub from_2008: &'static str,
    /// The ISO 9001:2015 clause that takes over (part of) its content.
    pub to_2015: &'static str,
    /// Confidence in this row: ✅ `Confirmed`, ⚠️ `Partial`, ❓ `Unverified`.
    pub status: TitleStatus,
    /// A remark on the row, in Vietnamese.
    pub note_vi: Option<&'static str>,
    /// The same remark in English.
    pub note_en: Option<&'static str>,
}

/// A row without a remark (data-table helper).
const fn row(from_2008: &'static str, to_2015: &'static str, status: TitleStatus) -> Correlation {
    Correlation {
        from_2008,
        to_2015,
        status,
        note_vi: None,
        note_en: None,
    }
}

/// A row with a bilingual remark (data-table helper).
const fn noted(
    from_2008: &'static str,
    to_2015: &'static str,
    status: TitleStatus,
    note_vi: &'static str,
    note_en: &'static str,
) -> Correlation {
    Correlation {
        from_2008,
        to_2015,
        status,
        note_vi: Some(note_vi),
        note_en: Some(note_en),
    }
}

const MANUAL_VI: &str =
    "Sổ tay chất lượng không còn được yêu cầu đích danh (theo bản dự thảo N1224)";
const MANUAL_EN: &str = "The quality manual is no longer required by name (row of the N1224 draft)";

/// The correlation rows, ordered by 2008 clause.
static ROWS: &[Correlation] = &[
    row("4", "4", Confirmed),
    row("4.1", "4.4", Confirmed),
    row("4.2", "7.5", Confirmed),
    row("4.2.1", "7.5.1", Confirmed),
    noted("4.2.2", "4.3", Confirmed, MANUAL_VI, MANUAL_EN),
    noted("4.2.2", "4.4", Confirmed, MANUAL_VI, MANUAL_EN),
    noted("4.2.2", "7.5.1", Confirmed, MANUAL_VI, MANUAL_EN),
    row("4.2.3", "7.5.2", Confirmed),
    row("4.2.3", "7.5.3", Confirmed),
    row("4.2.4", "7.5.2", Confirmed),
    row("4.2.4", "7.5.3", Confirmed),
    row("5", "5", Confirmed),
    row("5.1", "5.1", Confirmed),
    row("5.1", "5.1.1", Confirmed),
    row("5.2", "5.1.2", Confirmed),
    row("5.3", "5.2", Confirmed),
    row("5.3", "5.2.1", Confirmed),
    row("5.3", "5.2.2", Confirmed),
    row("5.4", "6", Confirmed),
    row("5.4.1", "6.2", Confirmed),
    row("5.4.2", "6", Confirmed),
    row("5.4.2", "6.1", Confirmed),
    row("5.4.2", "6.3", Confirmed),
    row("5.4.2", "5.3", Confirmed),
    row("5.5", "5.3", Confirmed),
    row("5.5.1", "5.3", Confirmed),
    noted(
        "5.5.2",
        "5.3",
        Confirmed,
        "Vai trò đại diện của lãnh đạo không còn được quy định đích danh",
        "The management representative role is no longer mandated by name",
    ),
    row("5.5.3", "7.4", Confirmed),
    row("5.6", "9.3", Confirmed),
    row("5.6.1", "9.3.1", Confirmed),
    row("5.6.2", "9.3.2", Confirmed),
    row("5.6.3", "9.3.3", Confirmed),
    row("6", "7.1", Confirmed),
    row("6.1", "7.1.1", Confirmed),
    row("6.1", "7.1.2", Confirmed),
    row("6.2", "7.2", Confirmed),
    row("6.2", "7.1.2", Confirmed),
    row("6.2.1", "7.2", Confirmed),
    row("6.2.1", "7.1.2", Confirmed),
    row("6.2.2", "7.2", Confirmed),
    row("6.2.2", "7.3", Confirmed),
    row("6.3", "7.1.3", Confirmed),
    row("6.4", "7.1.4", Confirmed),
    row("7", "8", Confirmed),
    row("7.1", "8.1", Confirmed),
    row("7.2", "8.2", Confirmed),
    row("7.2.1", "8.2.2", Confirmed),
    row("7.2.2", "8.2.3", Partial),
    row("7.2.2", "8.2.4", Partial),
    row("7.2.3", "8.2.1", Confirmed),
    row("7.3", "8.3", Confirmed),
    row("7.3.1", "8.3.1", Unverified),
    row("7.3.1", "8.3.2", Unverified),
    row("7.3.2", "8.3.3", Unverified),
    row("7.3.3", "8.3.5", Unverified),
    row("7.3.4", "8.3.4", Unverified),
    row("7.3.5", "8.3.4", Unverified),
    row("7.3.6", "8.3.4", Unverified),
    row("7.3.7", "8.3.6", Unverified),
    row("7.4", "8.4", Confirmed),
    row("7.4.1", "8.4.1", Unverified),
    row("7.4.1", "8.4.2", Unverified),
    row("7.4.2", "8.4.3", Unverified),
    row("7.4.3", "8.4.2", Unverified),
    row("7.4.3", "8.4.3", Unverified),
    row("7.4.3", "8.6", Unverified),
    row("7.5", "8.5", Confirmed),
    row("7.5.1", "8.5.1", Unverified),
    row("7.5.1", "8.5.5", Unverified),
    noted(
        "7.5.2",
        "8.5.1",
        Unverified,
        "Mục về xác nhận giá trị sử dụng và xác nhận lại định kỳ các quá trình",
        "The item on validation and periodic revalidation of processes",
    ),
    row("7.5.3", "8.5.2", Unverified),
    row("7.5.4", "8.5.3", Unverified),
    row("7.5.5", "8.5.4", Unverified),
    row("7.6", "7.1.5", Confirmed),
    row("7.6", "7.1.5.1", Confirmed),
    row("7.6", "7.1.5.2", Confirmed),
    row("8", "9", Confirmed),
    row("8", "10", Confirmed),
    row("8.1", "9.1.1", Unverified),
    row("8.2.1", "9.1.2", Unverified),
    row("8.2.2", "9.2", Confirmed),
    row("8.2.3", "9.1.1", Unverified),
    row("8.2.4", "8.6", Unverified),
    row("8.3", "8.7", Unverified),
    row("8.3", "10.2", Unverified),
    row("8.4", "9.1.3", Unverified),
    row("8.5.1", "10.1", Unverified),
    row("8.5.1", "10.3", Unverified),
    row("8.5.2", "10.2", Unverified),
    noted(
        "8.5.3",
        "6.1",
        Confirmed,
        "Hành động phòng ngừa được thay bằng tư duy dựa trên rủi ro",
        "Preventive action is replaced by risk-based thinking",
    ),
    row("8.5.3", "10.3", Confirmed),
];

/// Every row of the 2008 → 2015 correlation, ordered by 2008 clause.
pub fn correlations() -> &'static [Correlation] {
    ROWS
}

/// Identity rows for `correlate` with the same edition on both sides.
fn identity_rows(table: &'static [Clause]) -> Vec<Correlation> {
    table
        .iter()
        .map(|c| {
            noted(
                c.id,
                c.id,
                Confirmed,
                "Cùng phiên bản tiêu chuẩn",
                "Same edition",
            )
        })
        .collect()
}

static IDENTITY_2008: LazyLock<Vec<Correlation>> =
    LazyLock::new(|| identity_rows(clauses(Edition::Iso9001_2008)));
static IDENTITY_2015: LazyLock<Vec<Correlation>> =
    LazyLock::new(|| identity_rows(clauses(Edition::Iso9001_2015)));

/// Maps a clause from one edition to the other through the correlation table.
///
/// - 2008 → 2015: every row whose `from_2008` is `id`. When `id` has no row of its own, the
///   rows of its nearest ancestor that has some (e.g. 8.2 falls back to 8).
/// - 2015 → 2008: every row whose `to_2015` is `id`. A numbered paragraph without a row of
///   its own (9.2.2) uses its parent's rows. A titled clause that is new in 2015 (4.1,
///   7.1.6, 8.5.6, ...) gives an empty list.
/// - Same edition on both sides: one identity row whose two clause fields both hold `id`.
///
/// An `id` unknown in the `from` edition is an error.
///
/// ```
/// use qms_core::catalog::correlate;
/// use qms_core::Edition;
///
/// let rows = correlate("8.2.2", Edition::Iso9001_2008, Edition::Iso9001_2015);
/// let to: Vec<&str> = rows.iter().flatten().map(|r| r.to_2015).collect();
/// assert_eq!(to, ["9.2"]);
///
/// // Control of documents went to two 2015 clauses.
/// let rows = correlate("4.2.3", Edition::Iso9001_2008, Edition::Iso9001_2015);
/// let to: Vec<&str> = rows.iter().flatten().map(|r| r.to_2015).collect();
/// assert_eq!(to, ["7.5.2", "7.5.3"]);
///
/// // And back.
/// let rows = correlate("9.2", Edition::Iso9001_2015, Edition::Iso9001_2008);
/// let from: Vec<&str> = rows.iter().flatten().map(|r| r.from_2008).collect();
/// assert_eq!(from, ["8.2.2"]);
///
/// assert!(correlate("10.2", Edition::Iso9001_2008, Edition::Iso9001_2015).is_err());
/// ```
pub fn correlate(
    id: &str,
    from: Edition,
    to: Edition,
) -> Result<Vec<&'static Correlation>, CatalogError> {
    let Some(clause) = find(from, id) else {
        return Err(CatalogError::UnknownClause {
            id: id.to_owned(),
            edition: from,
        });
    };
    let rows = match (from, to) {
        (Edition::Iso9001_2008, Edition::Iso9001_2015) => forward(clause),
        (Edition::Iso9001_2015, Edition::Iso9001_2008) => backward(clause),
        (Edition::Iso9001_2008, Edition::Iso9001_2008) => identity(&IDENTITY_2008, clause),
        (Edition::Iso9001_2015, Edition::Iso9001_2015) => identity(&IDENTITY_2015, clause),
    };
    Ok(rows)
}

fn forward(clause: &'static Clause) -> Vec<&'static Correlation> {
    let mut current = Some(clause);
    while let Some(c) = current {
        let rows: Vec<_> = ROWS.iter().filter(|r| r.from_2008 == c.id).collect();
        if !rows.is_empty() {
            return rows;
        }
        current = c.parent.and_then(|p| find(Edition::Iso9001_2008, p));
    }
    Vec::new()
}

fn backward(clause: &'static Clause) -> Vec<&'static Correlation> {
    let rows: Vec<_> = ROWS.iter().filter(|r| r.to_2015 == clause.id).collect();
    if rows.is_empty()
        && clause.paragraph
        && let Some(parent) = clause.parent.and_then(|p| find(Edition::Iso9001_2015, p))
    {
        return backward(parent);
    }
    rows
}

fn identity(
    rows: &'static LazyLock<Vec<Correlation>>,
    clause: &'static Clause,
) -> Vec<&'static Correlation> {
    let rows: &'static [Correlation] = rows;
    rows.iter().filter(|r| r.from_2008 == clause.id).collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;
    use crate::catalog::is_known;
    use std::collections::HashSet;
    use unicode_normalization::is_nfc;

    const E08: Edition = Edition::Iso9001_2008;
    const E15: Edition = Edition::Iso9001_2015;

    fn targets(id: &str) -> Vec<&'static str> {
        correlate(id, E08, E15)
            .unwrap()
            .iter()
            .map(|r| r.to_2015)
            .collect()
    }

    fn sources(id: &str) -> Vec<&'static str> {
        correlate(id, E15, E08)
            .unwrap()
            .iter()
            .map(|r| r.from_2008)
            .collect()
    }

    #[test]
    fn rows_are_well_formed() {
        let mut seen = HashSet::new();
        for r in correlations() {
            assert!(
                is_known(E08, r.from_2008),
                "unknown 2008 clause {}",
                r.from_2008
            );
            assert!(
                is_known(E15, r.to_2015),
                "unknown 2015 clause {}",
                r.to_2015
            );
            assert!(seen.insert((r.from_2008, r.to_2015)), "duplicate row {r:?}");
            assert_eq!(r.note_vi.is_some(), r.note_en.is_some());
            for note in [r.note_vi, r.note_en].into_iter().flatten() {
                assert!(is_nfc(note));
            }
        }
    }

    #[test]
    fn every_2008_clause_maps_somewhere() {
        for c in clauses(E08) {
            assert!(!targets(c.id).is_empty(), "{} maps nowhere", c.id);
        }
        // Every level-3 2008 clause has rows of its own.
        for c in clauses(E08).iter().filter(|c| c.depth() == 3) {
            assert!(
                correlations().iter().any(|r| r.from_2008 == c.id),
                "{}",
                c.id
            );
        }
    }

    #[test]
    fn forward() {
        assert_eq!(targets("8.2.2"), ["9.2"]);
        assert_eq!(targets("4.2.3"), ["7.5.2", "7.5.3"]);
        assert_eq!(targets("8.3"), ["8.7", "10.2"]);
        assert_eq!(targets("8.5.1"), ["10.1", "10.3"]);
        assert_eq!(targets("7.3.5"), ["8.3.4"]);
        assert_eq!(targets("7.2.1"), ["8.2.2"]);
        assert_eq!(targets("5.6.2"), ["9.3.2"]);
        // 8.2 and 8.5 have no row of their own: they use the rows of 8.
        assert_eq!(targets("8.2"), ["9", "10"]);
        assert_eq!(targets("8.5"), ["9", "10"]);
        let row = correlate("8.2", E08, E15).unwrap()[0];
        assert_eq!(row.from_2008, "8");
        let rows = correlate("7.2.2", E08, E15).unwrap();
        assert!(rows.iter().all(|r| r.status == TitleStatus::Partial));
        let rows = correlate("5.5.2", E08, E15).unwrap();
        assert!(rows[0].note_en.is_some());
    }

    #[test]
    fn backward() {
        assert_eq!(sources("9.2"), ["8.2.2"]);
        // A numbered paragraph uses its parent's rows.
        assert_eq!(sources("9.2.2"), ["8.2.2"]);
        assert_eq!(sources("10.2"), ["8.3", "8.5.2"]);
        assert_eq!(sources("10.2.1"), ["8.3", "8.5.2"]);
        assert_eq!(sources("6.1"), ["5.4.2", "8.5.3"]);
        assert_eq!(sources("7.5.3"), ["4.2.3", "4.2.4"]);
        assert_eq!(sources("7.5.3.2"), ["4.2.3", "4.2.4"]);
        assert_eq!(sources("8.3.4"), ["7.3.4", "7.3.5", "7.3.6"]);
        // New in 2015.
        for id in ["4.1", "4.2", "7.1.6", "8.5.6"] {
            assert!(sources(id).is_empty(), "{id}");
        }
    }

    #[test]
    fn same_edition_and_errors() {
        let rows = correlate("9.2.2", E15, E15).unwrap();
        assert_eq!(rows.len(), 1);
        assert_eq!((rows[0].from_2008, rows[0].to_2015), ("9.2.2", "9.2.2"));
        let rows = correlate("8.2.2", E08, E08).unwrap();
        assert_eq!(rows[0].to_2015, "8.2.2");

        let err = correlate("9.2", E08, E15).unwrap_err();
        assert_eq!(
            err,
            CatalogError::UnknownClause {
                id: "9.2".into(),
                edition: E08
            }
        );
        assert_eq!(
            err.to_string(),
            "unknown clause \"9.2\" in TCVN ISO 9001:2008"
        );
        assert!(correlate("1.2", E08, E15).is_err());
        assert!(correlate("9.9", E15, E08).is_err());
        assert!(correlate("9.9", E15, E15).is_err());
    }
}
