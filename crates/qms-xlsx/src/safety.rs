//! Rules that keep every workbook valid and every text inert.
//!
//! * Text is always written with `write_string`, so a value such as `=HYPERLINK(...)`,
//!   `+84...` or `@SUM` is stored as a string cell and never becomes a formula.
//! * A text longer than Excel's cell limit is refused with [`XlsxError::CellTooLong`]
//!   rather than truncated (nothing is lost) or split (a split would not round-trip).
//! * Sheet names follow Excel's rules and stay unique.

use crate::XlsxError;

/// The most characters an Excel cell holds.
pub const MAX_CELL_CHARS: usize = 32_767;

/// The most characters of a sheet name, counted as Excel does (UTF-16 code units).
pub const MAX_SHEET_NAME_CHARS: usize = 31;

/// Checks that `text` fits in one cell; the error names the sheet, the cell and what it is.
///
/// ```
/// let long = "a".repeat(40_000);
/// let err = qms_xlsx::safety::check_cell_text("Phòng A", 11, 6, "bằng chứng", &long).unwrap_err();
/// assert_eq!(err.code(), "cell-too-long");
/// assert!(qms_xlsx::safety::check_cell_text("Phòng A", 11, 6, "x", "=1+1").is_ok());
/// ```
pub fn check_cell_text(
    sheet: &str,
    row: u32,
    col: u16,
    what: &str,
    text: &str,
) -> Result<(), XlsxError> {
    // Excel counts UTF-16 code units; Vietnamese letters are all in the BMP, but emoji are not.
    let units = text.encode_utf16().count();
    if units > MAX_CELL_CHARS {
        return Err(XlsxError::CellTooLong {
            sheet: sheet.to_owned(),
            cell: cell_ref(row, col),
            what: what.to_owned(),
            chars: units,
        });
    }
    Ok(())
}

/// The A1 reference of a zero-based cell.
///
/// ```
/// assert_eq!(qms_xlsx::safety::cell_ref(11, 5), "F12");
/// assert_eq!(qms_xlsx::safety::cell_ref(0, 27), "AB1");
/// ```
pub fn cell_ref(row: u32, col: u16) -> String {
    format!("{}{}", column_name(col), row + 1)
}

/// The letters of a zero-based column.
pub fn column_name(col: u16) -> String {
    let mut n = u32::from(col) + 1;
    let mut letters = Vec::new();
    while n > 0 {
        let rem = ((n - 1) % 26) as u8;
        letters.push(char::from(b'A' + rem));
        n = (n - 1) / 26;
    }
    letters.iter().rev().collect()
}

/// Makes sheet names valid and unique, the way Excel compares them (case-insensitively).
///
/// ```
/// let mut names = qms_xlsx::safety::SheetNames::default();
/// assert_eq!(names.claim("Phòng Kế hoạch/Tài chính [KH]"), "Phòng Kế hoạch-Tài chính (KH)");
/// assert_eq!(names.claim("phòng kế hoạch/tài chính [kh]"), "phòng kế hoạch-tài chính (kh) 2");
/// assert_eq!(names.claim("").chars().count(), 5); // "Trang"
/// let long = names.claim(&"Bộ phận tiếp nhận và trả kết quả ".repeat(3));
/// assert!(long.chars().count() <= 31);
/// ```
#[derive(Debug, Default)]
pub struct SheetNames {
    taken: Vec<String>,
}

impl SheetNames {
    /// Reserves a name (for sheets with fixed names such as "_qms").
    pub fn reserve(&mut self, name: &str) {
        self.taken.push(name.to_lowercase());
    }

    /// A valid, unique sheet name as close to `wanted` as the rules allow.
    pub fn claim(&mut self, wanted: &str) -> String {
        let mut base: String = wanted
            .chars()
            .map(|c| match c {
                '/' | '\\' | ':' | '*' | '?' => '-',
                '[' => '(',
                ']' => ')',
                // Control characters and the two non-characters XML 1.0 forbids would make
                // xl/workbook.xml ill-formed.
                c if c.is_control() || c == '\u{FFFE}' || c == '\u{FFFF}' => ' ',
                c => c,
            })
            .collect();
        // Excel refuses names that start or end with an apostrophe, and "History" is reserved.
        base = base.trim().trim_matches('\'').trim().to_owned();
        if base.is_empty() || base.eq_ignore_ascii_case("history") {
            base = "Trang".to_owned();
        }
        let mut n = 1usize;
        loop {
            let suffix = if n == 1 {
                String::new()
            } else {
                format!(" {n}")
            };
            // Excel counts UTF-16 code units: an emoji takes two of the 31.
            let room = MAX_SHEET_NAME_CHARS - suffix.len();
            let mut used = 0;
            let mut head: String = base
                .chars()
                .take_while(|c| {
                    used += c.len_utf16();
                    used <= room
                })
                .collect();
            head = head.trim_end().trim_end_matches('\'').to_owned();
            let name = format!("{head}{suffix}");
            let key = name.to_lowercase();
            if !self.taken.contains(&key) {
                self.taken.push(key);
                return name;
            }
            n += 1;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_never_break_the_rules() {
        let mut names = SheetNames::default();
        names.reserve("_qms");
        let mut seen = Vec::new();
        for wanted in ["_QMS", "'quoted'", "a*b?c:d", "History", "x", "X", "x"] {
            let n = names.claim(wanted);
            assert!(n.chars().count() <= 31);
            assert!(!n.contains(['[', ']', ':', '*', '?', '/', '\\']));
            assert!(!n.starts_with('\'') && !n.ends_with('\''));
            assert!(!seen.contains(&n.to_lowercase()), "{n}");
            seen.push(n.to_lowercase());
        }
        assert_eq!(seen[0], "_qms 2");
    }

    #[test]
    fn sheet_names_hold_no_xml_forbidden_characters_and_fit_in_utf16_units() {
        let mut names = SheetNames::default();
        let n = names.claim("Phòng\u{FFFE}Tư pháp\u{FFFF}");
        assert_eq!(n, "Phòng Tư pháp");
        for wanted in ["🏛️".repeat(20), format!("Văn phòng {}", "😀".repeat(15))] {
            let n = names.claim(&wanted);
            assert!(n.encode_utf16().count() <= MAX_SHEET_NAME_CHARS, "{n}");
            let again = names.claim(&wanted);
            assert!(
                again.encode_utf16().count() <= MAX_SHEET_NAME_CHARS,
                "{again}"
            );
            assert_ne!(n, again);
        }
    }

    #[test]
    fn too_long_text_names_the_cell() {
        let text = "ạ".repeat(MAX_CELL_CHARS + 1);
        let err = check_cell_text("S", 9, 6, "evidence", &text).unwrap_err();
        assert!(err.to_string().contains("G10"), "{err}");
        assert!(check_cell_text("S", 9, 6, "evidence", &text[..text.len() - 3]).is_ok());
    }
}
