//! The layout of a checklist sheet, shared by the exporter and the importer.
//!
//! Keeping it in one place is what lets the importer say "cell F12 is the result of item i012":
//! both sides agree on where the header block ends and which column is which.

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

/// Height of one line of 12-point Times New Roman, in points.
const LINE_HEIGHT: f64 = 15.75;

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

/// Row height for cells given as (column width, text).
pub(crate) fn height_for(cells: &[(f64, &str)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(width, text)| {
            // Measured on Times New Roman 12 in LibreOffice (the examples' registers and
            // programme): a line holds about the column width less 1.5 in average lower-case
            // letters (see `char_width`), e.g. 16 in a width-18 column, 42 in a width-44 one.
            // Half a letter less is the margin for lines full of capitals and dashes ("Chi
            // cục Tiêu chuẩn Đo lường Chất lượng – Lưu kèm hồ sơ giải quyết TTHC tại đơn vị
            // chủ trì" took four lines of a width-30 column, sized three): a row a line too
            // tall costs a little paper, a line too short hides text.
            let per_line = (width - 2.0).max(1.0);
            text.split('\n')
                .map(|p| wrapped_lines(p, per_line))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .clamp(1, 400);
    lines as f64 * LINE_HEIGHT + 3.0
}

/// The width a heading column needs so that no word of its (bold) heading is cut in two:
/// the given width, or more when the heading's longest word does not fit in it (LibreOffice
/// and Excel break a word that is longer than the column, "Nonconformit|ies").
///
/// ```ignore
/// assert_eq!(heading_width("Số phiếu", 10.0), 10.0);
/// assert!(heading_width("Nonconformities", 10.0) > 17.0);
/// ```
pub(crate) fn heading_width(heading: &str, width: f64) -> f64 {
    let longest = heading
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.chars().map(char_width).sum::<f64>())
        .fold(0.0, f64::max);
    // The character widths are generous enough for bold text (measured: "Verification" fits
    // a width-12 column, "Observation" does not fit a width-11 one); one more for the
    // cell's padding. A hyphen is no break: LibreOffice printed "Re-announcemen|t".
    width.max(longest + 1.0)
}

/// Height of a heading row whose bold headings wrap within their widths: at least the two
/// lines every register's heading row has.
///
/// ```ignore
/// assert_eq!(heading_height(&[("Kết quả", 15.0)]), 33.0);
/// ```
pub(crate) fn heading_height(headings: &[(&str, f64)]) -> f64 {
    let lines = headings
        .iter()
        .map(|(h, w)| {
            h.split('\n')
                .map(|p| wrapped_lines(p, (w - 1.5).max(1.0)))
                .sum::<usize>()
        })
        .max()
        .unwrap_or(1)
        .clamp(1, 20);
    (lines as f64 * LINE_HEIGHT + 3.0).max(33.0)
}

/// Lines a paragraph takes when wrapped at word boundaries into lines of `per_line`
/// characters, as a spreadsheet wraps it (a word longer than a line is cut).
///
/// Counting words, not characters, is what keeps a short column from being under-sized
/// (a word that does not fit moves whole to the next line) without over-sizing long text.
pub(crate) fn wrapped_lines(paragraph: &str, per_line: f64) -> usize {
    let per_line = per_line.max(1.0);
    let mut lines = 1;
    let mut used = 0.0;
    for word in paragraph.split_whitespace() {
        let len: f64 = word.chars().map(char_width).sum();
        let needed = if used == 0.0 { len } else { used + SPACE + len };
        if needed <= per_line {
            used = needed;
        } else {
            if used > 0.0 {
                lines += 1;
            }
            // A word longer than the line fills whole lines and leaves the rest.
            let full = ((len / per_line).ceil() as usize).max(1);
            lines += full - 1;
            used = len - (full - 1) as f64 * per_line;
        }
    }
    lines
}

/// Width of a space relative to an average lower-case letter of Times New Roman.
const SPACE: f64 = 0.5;

/// Width of a character relative to an average lower-case letter of Times New Roman:
/// capitals are wider, digits and punctuation narrower.
fn char_width(c: char) -> f64 {
    if c.is_uppercase() {
        1.3
    } else if c.is_ascii_digit() {
        // A digit is half an em, as wide as "n": 0.75 let "5.3, 7.5.3, 8.1, 8.5.1, QT-22"
        // be sized two lines in a width-11 programme cell that LibreOffice prints in three.
        0.88
    } else if c.is_ascii_punctuation() {
        0.45
    } else {
        1.0
    }
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
    ItemResult::ALL.into_iter().find(|r| r.label(lang) == t)
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
    fn words_wrap_whole() {
        assert_eq!(wrapped_lines("", 10.0), 1);
        assert_eq!(wrapped_lines("Văn phòng Sở", 12.0), 1);
        // "Văn phòng" fits; "Sở" (a capital) does not fit after it in 11.
        assert_eq!(wrapped_lines("Văn phòng Sở", 11.0), 2);
        // Measured in LibreOffice: a width-18 register column wraps this into four lines,
        // a width-11 programme column holds "4.1, 4.2, 5.2," on one line.
        let per = |w: f64| w - 1.5;
        assert_eq!(
            wrapped_lines(
                "Thư mục dùng chung HTQLCL; bản giấy tại đơn vị chủ trì",
                per(18.0)
            ),
            4
        );
        assert_eq!(wrapped_lines("4.1, 4.2, 5.2, 6.1, 6.2, 7.2,", per(11.0)), 2);
        // ... and "5.3, 7.5.3," on the first line, "8.1, 8.5.1," on the second, "QT-22".
        assert_eq!(wrapped_lines("5.3, 7.5.3, 8.1, 8.5.1, QT-22", per(11.0)), 3);
        assert_eq!(
            wrapped_lines(
                "Quy trình phê duyệt kế hoạch ứng phó sự cố bức xạ cơ sở",
                per(44.0)
            ),
            2
        );
        // A word longer than the line is cut into full lines.
        assert_eq!(wrapped_lines("abcdefghijklmnopqrstuvwxy", 10.0), 3);
        assert_eq!(wrapped_lines("ab abcdefghijklmnopqrstuvwxy", 10.0), 4);
        // Long text takes about its length over the line, not one line per word.
        let text = "Hội đồng xác định giá trị tài liệu xem xét, lập biên bản hủy theo quy định";
        let lines = wrapped_lines(text, 25.0);
        assert!((3..=4).contains(&lines), "{lines}");
    }

    #[test]
    fn headings_get_the_width_of_their_longest_word_and_the_height_of_their_lines() {
        // Short Vietnamese headings keep their widths; so does a word that fits.
        assert_eq!(heading_width("Số phiếu", 10.0), 10.0);
        assert_eq!(heading_width("Lần ban hành", 10.0), 10.0);
        assert_eq!(heading_width("Agencies", 13.0), 13.0);
        // Seen cut in two in the English roll-up: "Nonconformit|ies", "Observatio|n".
        for word in [
            "Nonconformities",
            "Observation",
            "Improvement",
            "announcement",
        ] {
            let w = heading_width(word, 10.0);
            assert!(w > 10.0, "{word} {w}");
            assert_eq!(wrapped_lines(word, w - 1.0), 1, "{word} {w}");
        }
        // A hyphen is no break: the whole word counts (LibreOffice cut "Re-announcemen|t"
        // in a width-13 column).
        assert!(heading_width("Re-announcement due", 13.0) > heading_width("announcement", 13.0));
        assert!(heading_width("Re-announcement due", 13.0) > 14.0);
        // Two lines at least; three for a heading of three lines (the summary's
        // "Opportunity for improvement" in a width-14 column printed its third line cut).
        assert_eq!(heading_height(&[("Kết quả", 15.0)]), 33.0);
        let three = heading_height(&[("Kind", 14.0), ("Opportunity for improvement", 14.0)]);
        assert_eq!(three, 3.0 * LINE_HEIGHT + 3.0);
    }

    #[test]
    fn rows_are_sized_for_the_lines_libreoffice_prints() {
        // Seen clipped in the records register: four lines in a width-30 column.
        let place = "Chi cục Tiêu chuẩn Đo lường Chất lượng – Lưu kèm hồ sơ giải quyết TTHC tại đơn vị chủ trì";
        assert_eq!(height_for(&[(30.0, place)]), 4.0 * LINE_HEIGHT + 3.0);
    }

    #[test]
    fn row_height_follows_the_tallest_cell() {
        let one = height_for(&[(40.0, "Ngắn")]);
        let three = height_for(&[(10.0, "một hai ba bốn năm sáu bảy tám chín mười")]);
        assert!(three > 2.5 * one, "{one} {three}");
        assert_eq!(height_for(&[(40.0, "a\nb\nc")]), 3.0 * LINE_HEIGHT + 3.0);
    }
}
