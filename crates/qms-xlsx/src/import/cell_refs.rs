//! Cell references checked against Excel's grid before calamine reads a worksheet.
//!
//! calamine turns `r="AAAAAAA1"` or `r="A99999999999"` into numbers with unchecked
//! arithmetic: in a build with overflow checks (debug builds, the fuzz build) that is a
//! panic, in a release build a wrapped, wrong position. No workbook Excel or LibreOffice
//! writes goes past column XFD (3 letters) or row 1,048,576 (7 digits), so a reference
//! beyond that is refused with the workbook's name before calamine sees it.

use std::io::{BufRead, BufReader, Read};

/// Most letters in a column name (XFD).
const MAX_LETTERS: usize = 3;
/// Most digits in a row number (1048576).
const MAX_DIGITS: usize = 7;

/// The first reference in `sheet` (a worksheet part's XML, streamed) that lies outside
/// Excel's grid, in the attributes that hold references (`r`, `ref`, `sqref`).
///
/// ```text
/// <c r="A1"> fine; <c r="AAAA1"> and <c r="A12345678"> are returned
/// ```
pub(crate) fn first_reference_off_grid(sheet: impl Read) -> std::io::Result<Option<String>> {
    let mut reader = BufReader::with_capacity(1 << 16, sheet);
    let mut segment = Vec::with_capacity(256);
    let mut value_follows = false;
    loop {
        segment.clear();
        if reader.read_until(b'"', &mut segment)? == 0 {
            return Ok(None);
        }
        let (closed, text) = match segment.split_last() {
            Some((b'"', text)) => (true, text),
            _ => (false, &segment[..]),
        };
        if value_follows {
            // `text` is an attribute value: "A1", "A1:D8" or "A1:B2 C3".
            if let Some(bad) = text
                .split(|b| *b == b':' || *b == b' ')
                .find(|r| off_grid(r))
            {
                return Ok(Some(String::from_utf8_lossy(bad).into_owned()));
            }
            value_follows = false;
        } else {
            value_follows = closed && names_a_reference(text);
        }
    }
}

/// Whether the text before an opening quote ends an attribute that holds references.
fn names_a_reference(before: &[u8]) -> bool {
    [&b" r="[..], b"\tr=", b"\nr=", b"ref="]
        .iter()
        .any(|end| before.ends_with(end))
}

/// A reference with more column letters or row digits than Excel's grid has.
fn off_grid(reference: &[u8]) -> bool {
    let r: Vec<u8> = reference.iter().copied().filter(|b| *b != b'$').collect();
    let letters = r.iter().take_while(|b| b.is_ascii_alphabetic()).count();
    let digits = r
        .get(letters..)
        .unwrap_or_default()
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count();
    letters > MAX_LETTERS || digits > MAX_DIGITS
}

#[cfg(test)]
mod tests {
    use super::*;

    fn first(xml: &str) -> Option<String> {
        first_reference_off_grid(xml.as_bytes()).unwrap()
    }

    #[test]
    fn references_on_excels_grid_pass() {
        let xml = r#"<worksheet><dimension ref="A1:XFD1048576"/><sheetData>
            <row r="1048576" spans="1:3"><c r="A1" s="2" t="s"><v>0</v></c><c r="$XFD$9"/></row>
            </sheetData><mergeCells><mergeCell ref="A1:C1"/></mergeCells>
            <dataValidation sqref="F9:F20 H9:H20" type="list"/></worksheet>"#;
        assert_eq!(first(xml), None);
    }

    #[test]
    fn references_past_the_grid_are_named() {
        assert_eq!(first(r#"<c r="AAAA1"/>"#).as_deref(), Some("AAAA1"));
        assert_eq!(first(r#"<c r="A12345678"/>"#).as_deref(), Some("A12345678"));
        assert_eq!(
            first(r#"<row r="99999999999">"#).as_deref(),
            Some("99999999999")
        );
        assert_eq!(
            first(r#"<x sqref="A1 BOPENXML219"/>"#).as_deref(),
            Some("BOPENXML219")
        );
        assert_eq!(
            first(r#"<dimension ref="A1:D88888888"/>"#).as_deref(),
            Some("D88888888")
        );
    }

    #[test]
    fn other_attributes_and_text_are_not_references() {
        assert_eq!(
            first(r#"<c t="inlineStr"><is><t>r="AAAAAAAAA1"</t></is></c>"#),
            None
        );
        assert_eq!(first(r#"<col min="1" max="16384" width="12"/>"#), None);
    }

    #[test]
    fn a_reference_cut_by_the_read_buffer_is_still_seen() {
        let mut xml = " ".repeat((1 << 16) - 6);
        xml.push_str(r#"<c r="ABCDEFGH1"/>"#);
        assert_eq!(first(&xml).as_deref(), Some("ABCDEFGH1"));
    }
}
