//! A streaming reader of checklist worksheets, built on quick-xml over the zip part.
//!
//! calamine's cell reader spends most of an import allocating and copying every cell's text
//! two or three times. This reader takes each cell's text once, straight from the XML, and
//! reads exactly what calamine would for the cells qms writes and auditors type: inline,
//! shared and rich-text strings, and numbers in number formats. For anything else (a formula,
//! a date or time format, a boolean or error cell, an unknown element, malformed XML, a part
//! that cannot be found) it gives the sheet back, and calamine reads it as before, so that
//! dates, formulas and every error keep the meaning and the wording they had.

use super::read::{SheetData, float_text, normalise_owned};
use super::rows::SheetBuilder;
use quick_xml::Reader;
use quick_xml::escape::{resolve_xml_entity, unescape};
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::io::{BufRead, BufReader, Cursor};
use zip::ZipArchive;

/// Excel's largest row and column counts: a reference past them is left to calamine.
const MAX_ROWS: u32 = 1_048_576;
const MAX_COLUMNS: u32 = 16_384;

/// The parts of a workbook the streaming reader needs, read once.
pub(crate) struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// (sheet name, path of its part), in workbook order.
    sheets: Vec<(String, String)>,
    /// The shared strings, already normalised as cell text.
    shared: Vec<String>,
    /// For each cell format (`s` attribute): whether a number in it shows as a number (not a
    /// date or time, which calamine converts).
    plain: Vec<bool>,
}

type Part<'z, 'a> = Reader<BufReader<zip::read::ZipFile<'z, Cursor<&'a [u8]>>>>;

/// A part of the package as an XML reader configured as calamine configures its own, so that
/// both see the same events.
fn part<'z, 'a>(zip: &'z mut ZipArchive<Cursor<&'a [u8]>>, path: &str) -> Option<Part<'z, 'a>> {
    let file = zip.by_name(path).ok()?;
    let mut xml = Reader::from_reader(BufReader::with_capacity(1 << 16, file));
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    Some(xml)
}

/// The raw value of attribute `key` (the first one, as calamine takes it); `Err` for a
/// malformed attribute list.
fn attr<'e>(e: &'e BytesStart<'_>, key: &str) -> Result<Option<Cow<'e, str>>, ()> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|_| ())?;
        if a.key.as_ref() == key {
            return Ok(Some(a.value));
        }
    }
    Ok(None)
}

fn local(name: &str) -> &str {
    name.rsplit(':').next().unwrap_or(name)
}

impl<'a> Package<'a> {
    /// Reads the workbook's sheet list, styles and shared strings; `None` when any of them is
    /// not as expected (calamine then reads every sheet).
    pub(crate) fn open(bytes: &'a [u8]) -> Option<Self> {
        let mut zip = ZipArchive::new(Cursor::new(bytes)).ok()?;
        let rels = relationships(&mut zip)?;
        let sheets = sheet_parts(&mut zip, &rels)?;
        let plain = match part(&mut zip, "xl/styles.xml") {
            Some(xml) => number_formats(xml)?,
            None => Vec::new(),
        };
        let shared = match part(&mut zip, "xl/sharedStrings.xml") {
            Some(xml) => shared_strings(xml)?,
            None => Vec::new(),
        };
        Some(Package {
            zip,
            sheets,
            shared,
            plain,
        })
    }

    /// Reads sheet `name`, or `None` when calamine has to.
    pub(crate) fn read_sheet(&mut self, name: &str) -> Option<SheetData> {
        let path = self.sheets.iter().find(|(n, _)| n == name)?.1.clone();
        let xml = part(&mut self.zip, &path)?;
        SheetReader {
            xml,
            shared: &self.shared,
            plain: &self.plain,
            buf: Vec::with_capacity(1024),
            inner: Vec::with_capacity(1024),
            text: Vec::with_capacity(1024),
        }
        .read(name)
    }
}

/// `Id` → part path of the workbook's relationships.
fn relationships(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Option<Vec<(String, String)>> {
    let mut xml = part(zip, "xl/_rels/workbook.xml.rels")?;
    let mut buf = Vec::new();
    let mut rels = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if local(e.name().as_ref()) == "Relationship" => {
                let id = attr(&e, "Id").ok()??.into_owned();
                let target = attr(&e, "Target").ok()??;
                let path = match target.strip_prefix('/') {
                    Some(abs) => abs.to_owned(),
                    None => format!("xl/{target}"),
                };
                rels.push((id, path));
            }
            Event::Eof => return Some(rels),
            _ => {}
        }
    }
}

/// (sheet name, part path) from xl/workbook.xml.
fn sheet_parts(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    rels: &[(String, String)],
) -> Option<Vec<(String, String)>> {
    let mut xml = part(zip, "xl/workbook.xml")?;
    let mut buf = Vec::new();
    let mut sheets = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if local(e.name().as_ref()) == "sheet" => {
                let mut name = None;
                let mut id = None;
                for a in e.attributes().with_checks(false) {
                    let a = a.ok()?;
                    match a.key.as_ref() {
                        "name" => name = Some(unescape(&a.value).ok()?.into_owned()),
                        k if local(k) == "id" => id = Some(a.value),
                        _ => {}
                    }
                }
                let (Some(name), Some(id)) = (name, id) else {
                    continue;
                };
                if let Some((_, path)) = rels.iter().find(|(r, _)| *r == id) {
                    sheets.push((name, path.clone()));
                }
            }
            Event::Eof => break,
            _ => {}
        }
    }
    drop(xml);
    Some(
        sheets
            .into_iter()
            .filter(|(_, p)| zip.index_for_name(p).is_some())
            .collect(),
    )
}

/// An element's name kept for matching its end: the usual unprefixed names cost nothing.
fn name_of(name: &str) -> Cow<'static, str> {
    match name {
        "is" => Cow::Borrowed("is"),
        "v" => Cow::Borrowed("v"),
        "t" => Cow::Borrowed("t"),
        "si" => Cow::Borrowed("si"),
        other => Cow::Owned(other.to_owned()),
    }
}

/// The built-in number formats that calamine reads as dates, times or durations.
const DATE_FORMATS: [&str; 31] = [
    "14", "15", "16", "17", "18", "19", "20", "21", "22", "27", "28", "29", "30", "31", "32", "33",
    "34", "35", "36", "45", "46", "47", "50", "51", "52", "53", "54", "55", "56", "57", "58",
];

/// For each cell format of xl/styles.xml, whether it shows numbers as numbers. Custom formats
/// count as dates (calamine decides those by their code; the sheet goes to calamine).
fn number_formats<R: BufRead>(mut xml: Reader<R>) -> Option<Vec<bool>> {
    let mut buf = Vec::new();
    let mut custom = Vec::new();
    let mut plain = Vec::new();
    let (mut in_fmts, mut in_xfs) = (false, false);
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) => match local(e.name().as_ref()) {
                "numFmts" => in_fmts = true,
                "cellXfs" => in_xfs = true,
                "numFmt" if in_fmts => {
                    if let Some(id) = attr(&e, "numFmtId").ok()? {
                        custom.push(id.into_owned());
                    }
                }
                "xf" if in_xfs => plain.push(match attr(&e, "numFmtId").ok()? {
                    None => true,
                    Some(id) => {
                        !custom.iter().any(|c| *c == id) && !DATE_FORMATS.contains(&id.as_ref())
                    }
                }),
                _ => {}
            },
            Event::End(e) => match local(e.name().as_ref()) {
                "numFmts" => in_fmts = false,
                "cellXfs" => in_xfs = false,
                _ => {}
            },
            Event::Eof => return Some(plain),
            _ => {}
        }
    }
}

/// The shared strings of xl/sharedStrings.xml, normalised.
fn shared_strings<R: BufRead>(mut xml: Reader<R>) -> Option<Vec<String>> {
    let (mut buf, mut inner, mut text) = (Vec::new(), Vec::new(), Vec::new());
    let mut strings = Vec::new();
    loop {
        buf.clear();
        match xml.read_event_into(&mut buf).ok()? {
            Event::Start(e) if local(e.name().as_ref()) == "si" => {
                let closing = name_of(e.name().as_ref());
                let s = read_string(&mut xml, &closing, &mut inner, &mut text)?;
                strings.push(normalise_owned(s));
            }
            Event::End(e) if local(e.name().as_ref()) == "sst" => return Some(strings),
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// The text of an `<is>` or `<si>` element, as calamine reads it: plain or rich-text runs
/// joined, phonetic runs skipped, unpreserved space trimmed, `_xHHHH_` escapes decoded.
fn read_string<R: BufRead>(
    xml: &mut Reader<R>,
    closing: &str,
    buf: &mut Vec<u8>,
    text: &mut Vec<u8>,
) -> Option<String> {
    let mut out: Option<String> = None;
    let mut phonetic = false;
    loop {
        buf.clear();
        match xml.read_event_into(buf).ok()? {
            Event::Start(e) if local(e.name().as_ref()) == "r" && out.is_none() => {
                out = Some(String::new());
            }
            Event::Start(e) if local(e.name().as_ref()) == "rPh" => phonetic = true,
            Event::End(e) if e.name().as_ref() == closing => return Some(out.unwrap_or_default()),
            Event::End(e) if local(e.name().as_ref()) == "rPh" => phonetic = false,
            Event::Start(e) if local(e.name().as_ref()) == "t" && !phonetic => {
                let preserve = attr(&e, "xml:space").ok()?.is_some_and(|v| v == "preserve");
                let name = name_of(e.name().as_ref());
                let mut value = String::new();
                loop {
                    text.clear();
                    match xml.read_event_into(text).ok()? {
                        Event::Text(t) => value.push_str(&t.xml10_content()),
                        Event::CData(t) => value.push_str(&t.xml10_content()),
                        Event::GeneralRef(r) => match resolve_xml_entity(&r) {
                            Some(s) => value.push_str(s),
                            None => value.push(r.resolve_char_ref().ok()??),
                        },
                        Event::End(end) if end.name().as_ref() == name => break,
                        Event::Eof => return None,
                        _ => {}
                    }
                }
                let value = if preserve {
                    value
                } else {
                    let trimmed = value.trim_matches([' ', '\t', '\r', '\n']);
                    if trimmed.len() == value.len() {
                        value
                    } else {
                        trimmed.to_owned()
                    }
                };
                let value = match unescape_excel(&value) {
                    Cow::Borrowed(_) => value,
                    Cow::Owned(v) => v,
                };
                match &mut out {
                    Some(s) => s.push_str(&value),
                    None => out = Some(value),
                }
            }
            Event::Eof => return None,
            _ => {}
        }
    }
}

/// Decodes Excel's `_xHHHH_` escapes (a UTF-16 unit each; "\r" is written `_x000D_`), as
/// calamine does: an unpaired surrogate becomes U+FFFD.
pub(crate) fn unescape_excel(s: &str) -> Cow<'_, str> {
    const LEN: usize = 7;
    let unit_at = |i: usize| -> Option<u16> {
        let [b'_', b'x', hex @ .., b'_'] =
            <[u8; LEN]>::try_from(s.as_bytes().get(i..i + LEN)?).ok()?
        else {
            return None;
        };
        if !hex.iter().all(u8::is_ascii_hexdigit) {
            return None;
        }
        u16::from_str_radix(std::str::from_utf8(&hex).ok()?, 16).ok()
    };
    let find = |mut from: usize| -> Option<(usize, u16)> {
        while let Some(off) = s.get(from..)?.find('_') {
            let i = from + off;
            if let Some(u) = unit_at(i) {
                return Some((i, u));
            }
            from = i + 1;
        }
        None
    };
    let Some((mut i, mut unit)) = find(0) else {
        return Cow::Borrowed(s);
    };
    let mut out = String::with_capacity(s.len());
    let mut copied = 0;
    loop {
        out.push_str(&s[copied..i]);
        i += LEN;
        match unit {
            0xD800..=0xDBFF => match unit_at(i) {
                Some(low @ 0xDC00..=0xDFFF) => {
                    let cp =
                        0x10000 + ((u32::from(unit) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                    out.push(char::from_u32(cp).unwrap_or(char::REPLACEMENT_CHARACTER));
                    i += LEN;
                }
                _ => out.push(char::REPLACEMENT_CHARACTER),
            },
            0xDC00..=0xDFFF => out.push(char::REPLACEMENT_CHARACTER),
            _ => out.push(char::from_u32(u32::from(unit)).unwrap_or(char::REPLACEMENT_CHARACTER)),
        }
        copied = i;
        match find(i) {
            Some(next) => (i, unit) = next,
            None => break,
        }
    }
    out.push_str(&s[copied..]);
    Cow::Owned(out)
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

/// The `t` attribute of a cell, as far as this reader goes.
#[derive(Clone, Copy, PartialEq, Eq)]
enum CellType {
    Number,
    Shared,
    Inline,
}

struct SheetReader<'p, R: BufRead> {
    xml: Reader<R>,
    shared: &'p [String],
    plain: &'p [bool],
    buf: Vec<u8>,
    inner: Vec<u8>,
    text: Vec<u8>,
}

impl<R: BufRead> SheetReader<'_, R> {
    fn read(mut self, name: &str) -> Option<SheetData> {
        // Up to the cells; a worksheet without them is calamine's to refuse.
        loop {
            self.buf.clear();
            match self.xml.read_event_into(&mut self.buf).ok()? {
                Event::Start(e) => match e.local_name().as_ref() {
                    "dimension" => {
                        let dim = attr(&e, "ref").ok()??;
                        let parts: Vec<&str> = dim.split(':').collect();
                        if parts.len() > 2 || parts.iter().any(|p| cell_pos(p).is_none()) {
                            return None;
                        }
                    }
                    "sheetData" => break,
                    _ => {}
                },
                Event::Eof => return None,
                _ => {}
            }
        }
        let mut sheet = SheetBuilder::new(name);
        let (mut row, mut col) = (0u32, 0u32);
        loop {
            self.buf.clear();
            match self.xml.read_event_into(&mut self.buf).ok()? {
                Event::Start(e) if e.local_name().as_ref() == "row" => {
                    if let Some(r) = attr(&e, "r").ok()? {
                        row = row_number(&r)?;
                    }
                }
                Event::End(e) if e.local_name().as_ref() == "row" => {
                    row = row.checked_add(1)?;
                    col = 0;
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
                            col = c;
                            (r, c)
                        }
                        None => (row, col),
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
                    let text = self.cell_value(style, kind)?;
                    col = col.checked_add(1)?;
                    sheet.cell(pos.0, pos.1, text, None);
                }
                Event::End(e) if e.local_name().as_ref() == "sheetData" => {
                    return Some(sheet.finish());
                }
                Event::Eof => return None,
                _ => {}
            }
        }
    }

    /// The children of a `<c>` up to its end: the cell's text (`None`: no value), or `None`
    /// for what calamine has to read.
    fn cell_value(&mut self, style: Option<usize>, kind: CellType) -> Option<Option<String>> {
        let mut value = None;
        loop {
            self.inner.clear();
            let closing = match self.xml.read_event_into(&mut self.inner).ok()? {
                Event::Start(e) => name_of(e.name().as_ref()),
                Event::End(e) if e.local_name().as_ref() == "c" => return Some(value),
                Event::Eof => return None,
                _ => continue,
            };
            value = match local(&closing) {
                "is" => {
                    let s = read_string(&mut self.xml, &closing, &mut self.buf, &mut self.text)?;
                    Some(normalise_owned(s))
                }
                "v" => self.v(&closing, style, kind)?,
                // Formulas (and anything unknown) are calamine's.
                _ => return None,
            };
        }
    }

    /// A `<v>`: `Some(None)` when it holds nothing.
    fn v(&mut self, closing: &str, style: Option<usize>, kind: CellType) -> Option<Option<String>> {
        let mut raw = String::new();
        loop {
            self.text.clear();
            match self.xml.read_event_into(&mut self.text).ok()? {
                Event::Text(t) if raw.is_empty() => raw.push_str(&t),
                Event::End(e) if e.name().as_ref() == closing => break,
                // Entities, nested elements, split text: unusual, calamine's.
                _ => return None,
            }
        }
        if raw.is_empty() || kind == CellType::Inline {
            // calamine ignores the <v> of an inline string (and an empty one is no value).
            return Some(None);
        }
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

/// A plain decimal number ("12"), as in `s` and shared-string indexes.
fn digits(s: &str) -> Option<usize> {
    if s.is_empty() || s.len() > 9 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}
