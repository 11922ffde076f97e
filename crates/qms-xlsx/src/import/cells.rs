//! The cells of one worksheet, read piece by piece with quick-xml's slice reader (see
//! [`super::stream`]): exactly what calamine reads for the cells qms writes and auditors type,
//! `None` for anything it leaves to calamine.

use super::read::{SheetData, float_text, normalise_owned};
use super::rows::SheetBuilder;
use super::stream::{attr, local, name_of, pieces, read_string, reader};
use quick_xml::Reader;
use quick_xml::events::Event;
use std::io::Cursor;
use zip::ZipArchive;

/// Excel's largest row and column counts: a reference past them is left to calamine.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// Reads the worksheet at `path` as sheet `name`; `None` when calamine has to.
pub(crate) fn read_sheet(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    path: &str,
    name: &str,
    shared: &[String],
    plain: &[bool],
) -> Option<SheetData> {
    let mut state = Cells {
        shared,
        plain,
        sheet: SheetBuilder::new(name),
        in_data: false,
        done: false,
        row: 0,
        col: 0,
    };
    let open = b"<worksheet><sheetData>";
    pieces(zip, path, (open, b"</row>"), |text| state.piece(text))?;
    state.done.then(|| state.sheet.finish())
}

/// Where the reading of a sheet is, between pieces.
struct Cells<'p> {
    shared: &'p [String],
    plain: &'p [bool],
    sheet: SheetBuilder,
    /// Past `<sheetData>`.
    in_data: bool,
    /// Past `</sheetData>`: the rest of the part is not read (nor by calamine).
    done: bool,
    /// calamine's position for cells and rows without a reference.
    row: u32,
    col: u32,
}

/// The `t` attribute of a cell, as far as this reader goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CellType {
    Number,
    Shared,
    Inline,
}

impl Cells<'_> {
    /// One piece: `Some(true)` to go on, `Some(false)` at the end of the cells.
    fn piece(&mut self, text: &str) -> Option<bool> {
        let mut xml = reader(text);
        while !self.in_data {
            match xml.read_event().ok()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    // A worksheet without cells, or a malformed dimension, is calamine's.
                    "dimension" => {
                        let dim = attr(&e, "ref").ok()??;
                        let parts: Vec<&str> = dim.split(':').collect();
                        if parts.len() > 2 || parts.iter().any(|p| cell_pos(p).is_none()) {
                            return None;
                        }
                    }
                    "sheetData" => self.in_data = true,
                    _ => {}
                },
                Event::Eof => return Some(true),
                _ => {}
            }
        }
        loop {
            match xml.read_event().ok()? {
                Event::Start(e) if e.local_name().as_ref() == "row" => {
                    if let Some(r) = attr(&e, "r").ok()? {
                        self.row = row_number(&r)?;
                    }
                }
                Event::End(e) if e.local_name().as_ref() == "row" => {
                    self.row = self.row.checked_add(1)?;
                    self.col = 0;
                }
                Event::Start(e) if e.local_name().as_ref() == "c" => {
                    // One pass over the attributes; the first of each name counts.
                    let (mut r, mut s, mut t) = (None, None, None);
                    for a in e.attributes().with_checks(false) {
                        let a = a.ok()?;
                        let slot = match a.key.as_ref() {
                            "r" => &mut r,
                            "s" => &mut s,
                            "t" => &mut t,
                            _ => continue,
                        };
                        if slot.is_none() {
                            *slot = Some(a.value);
                        }
                    }
                    let pos = match r {
                        Some(r) => {
                            let (r, c) = cell_pos(&r)?;
                            self.col = c;
                            (r, c)
                        }
                        None => (self.row, self.col),
                    };
                    let style = match s {
                        None => None,
                        Some(s) => Some(digits(&s)?),
                    };
                    let kind = match t.as_deref() {
                        None | Some("n") => CellType::Number,
                        Some("s") => CellType::Shared,
                        Some("inlineStr" | "is") => CellType::Inline,
                        Some(_) => return None,
                    };
                    let text = self.cell_value(&mut xml, style, kind)?;
                    self.col = self.col.checked_add(1)?;
                    self.sheet.cell(pos.0, pos.1, text, None);
                }
                Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                    self.done = true;
                    return Some(false);
                }
                Event::Eof => return Some(true),
                _ => {}
            }
        }
    }

    /// The children of a `<c>` up to its end: the cell's text (`None`: no value), or `None`
    /// for what calamine has to read.
    fn cell_value(
        &self,
        xml: &mut Reader<&[u8]>,
        style: Option<usize>,
        kind: CellType,
    ) -> Option<Option<String>> {
        let mut value = None;
        loop {
            let closing = match xml.read_event().ok()? {
                Event::Start(e) => name_of(e.name().as_ref()),
                Event::End(e) if e.local_name().as_ref() == "c" => return Some(value),
                Event::Eof => return None,
                _ => continue,
            };
            value = match local(&closing) {
                "is" => Some(normalise_owned(read_string(xml, &closing)?)),
                "v" => self.v(xml, &closing, style, kind)?,
                // Formulas (and anything unknown) are calamine's.
                _ => return None,
            };
        }
    }

    /// A `<v>`: `Some(None)` when it holds nothing.
    fn v(
        &self,
        xml: &mut Reader<&[u8]>,
        closing: &str,
        style: Option<usize>,
        kind: CellType,
    ) -> Option<Option<String>> {
        let mut raw = None;
        loop {
            match xml.read_event().ok()? {
                Event::Text(t) if raw.is_none() => raw = Some(t.into_inner()),
                Event::End(e) if e.name().as_ref() == closing => break,
                // Entities, nested elements, split text: unusual, calamine's.
                _ => return None,
            }
        }
        let Some(raw) = raw.filter(|r| !r.is_empty() && kind != CellType::Inline) else {
            // calamine ignores the <v> of an inline string (and an empty one is no value).
            return Some(None);
        };
        if kind == CellType::Shared {
            let i = digits(&raw)?;
            return Some(Some(self.shared.get(i)?.clone()));
        }
        // A number: as calamine shows it, unless its format makes it a date.
        if let Some(s) = style {
            self.plain.get(s).copied().filter(|p| *p)?;
        }
        if !raw
            .bytes()
            .all(|b| b.is_ascii_digit() || matches!(b, b'.' | b'-' | b'+' | b'e' | b'E'))
        {
            return None;
        }
        let n: f64 = raw.parse().ok()?;
        Some(Some(float_text(n)))
    }
}

/// A cell reference ("J12") as zero-based (row, column); `None` for anything calamine might
/// read differently (lower case, leading zeros, out of Excel's range).
fn cell_pos(r: &str) -> Option<(u32, u32)> {
    let split = r.find(|c: char| !c.is_ascii_uppercase())?;
    let (letters, digits) = r.split_at(split);
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    let col = letters
        .bytes()
        .fold(0u32, |acc, b| acc * 26 + u32::from(b - b'A') + 1);
    (col <= MAX_COLUMNS).then_some(())?;
    Some((row_number(digits)?, col - 1))
}

/// A row number ("12") as zero-based.
fn row_number(digits: &str) -> Option<u32> {
    if digits.is_empty()
        || digits.len() > 7
        || digits.starts_with('0')
        || !digits.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    let n: u32 = digits.parse().ok()?;
    (n <= MAX_ROWS).then(|| n - 1)
}

/// A plain decimal number ("12"), as in `s` and shared-string indexes.
fn digits(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}
