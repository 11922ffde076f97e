//! The layout of a checklist sheet, shared by the exporter and the importer.
//!
//! Keeping it in one place is what lets the importer say "cell F12 is the result of item i012":
//! both sides agree on where the header block ends and which column is which.

pub(crate) use crate::measure::{heading_height, heading_width, height_for};
use qms_core::Lang;
use qms_core::model::{FindingKind, ItemResult};

/// Zero-based columns of a checklist sheet.
pub(crate) mod col {
    pub(crate) const STT: u16 = 0;
    pub(crate) const CLAUSE: u16 = 1;
    pub(crate) const PROCEDURE: u16 = 2;
    pub(crate) const QUESTION: u16 = 3;
    pub(crate) const GUIDANCE: u16 = 4;
    pub(crate) const RESULT: u16 = 5;
    pub(crate) const EVIDENCE: u16 = 6;
    pub(crate) const KIND: u16 = 7;
    pub(crate) const NOTE: u16 = 8;
    /// Hidden, locked: the row key (item id and fingerprints).
    pub(crate) const KEY: u16 = 9;
    /// The last visible column.
    pub(crate) const LAST_VISIBLE: u16 = NOTE;
}

/// Zero-based row of the column headings; the header block sits above it.
pub(crate) const HEADING_ROW: u32 = 7;
/// Zero-based row of the first item.
pub(crate) const FIRST_ITEM_ROW: u32 = HEADING_ROW + 1;

/// Column headings in a language.
pub(crate) fn headings(lang: Lang) -> [&'static str; 9] {
    match lang {
        Lang::Vi => [
            "STT",
            "Điều khoản",
            "Quy trình",
            "Nội dung câu hỏi",
            "Hướng dẫn / bằng chứng cần xem",
            "Kết quả",
            "Bằng chứng / ghi chép",
            "Loại phát hiện",
            "Ghi chú",
        ],
        Lang::En => [
            "No.",
            "Clause",
            "Procedure",
            "Question",
            "Guidance",
            "Result",
            "Evidence / notes taken",
            "Finding kind",
            "Note",
        ],
    }
}

/// Column widths in characters, wide enough for Vietnamese words with diacritics.
pub(crate) const WIDTHS: [f64; 9] = [5.0, 15.0, 15.0, 40.0, 28.0, 15.0, 36.0, 17.0, 24.0];

/// Row height that shows every wrapped line of the given cells.
///
/// Set explicitly because LibreOffice does not re-measure rows of an .xlsx when it opens one,
/// so unmeasured rows print as overlapping single lines.
pub(crate) fn row_height(cells: &[(u16, &str)]) -> f64 {
    let sized: Vec<(f64, &str)> = cells
        .iter()
        .map(|(c, t)| (WIDTHS.get(usize::from(*c)).copied().unwrap_or(10.0), *t))
        .collect();
    height_for(&sized)
}

/// Human name of a column, for conflict messages.
pub(crate) fn column_label(c: u16, lang: Lang) -> &'static str {
    headings(lang).get(usize::from(c)).copied().unwrap_or("?")
}

/// The finding kinds offered in the dropdown: graded or ungraded per the agency's setting.
pub(crate) fn finding_kinds(graded: bool) -> Vec<FindingKind> {
    FindingKind::ALL
        .into_iter()
        .filter(|k| {
            if graded {
                *k != FindingKind::Nonconformity
            } else {
                !k.is_graded()
            }
        })
        .collect()
}

/// Parses a result cell: a dropdown label of the workbook's language; blank means not audited.
pub(crate) fn parse_result(text: &str, lang: Lang) -> Option<ItemResult> {
    let t = text.trim();
    if t.is_empty() {
        return Some(ItemResult::NotAudited);
    }
    ItemResult::from_label(t, lang)
}

/// Parses a finding-kind cell; `Ok(None)` for blank, `Err(())` for a value outside the dropdown.
pub(crate) fn parse_kind(
    text: &str,
    lang: Lang,
    offered: &[FindingKind],
) -> Result<Option<FindingKind>, ()> {
    let t = text.trim();
    if t.is_empty() {
        return Ok(None);
    }
    offered
        .iter()
        .copied()
        .find(|k| k.label(lang) == t)
        .map(Some)
        .ok_or(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn english_results_read_as_english_and_older_workbooks_still_import() {
        assert_eq!(ItemResult::Conform.label(Lang::En), "Conforms");
        assert_eq!(ItemResult::Nonconform.label(Lang::En), "Nonconformity");
        for (typed, lang, want) in [
            ("Nonconformity", Lang::En, Some(ItemResult::Nonconform)),
            ("Nonconform", Lang::En, Some(ItemResult::Nonconform)),
            (" Conforms ", Lang::En, Some(ItemResult::Conform)),
            ("Conform", Lang::En, Some(ItemResult::Conform)),
            ("Không phù hợp", Lang::Vi, Some(ItemResult::Nonconform)),
            ("Nonconform", Lang::Vi, None),
            ("", Lang::En, Some(ItemResult::NotAudited)),
            ("Conformity", Lang::En, None),
        ] {
            assert_eq!(parse_result(typed, lang), want, "{typed:?} in {lang:?}");
        }
    }
}
