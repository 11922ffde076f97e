//! A streaming reader of checklist worksheets, built on quick-xml over the zip part.
//!
//! calamine's cell reader spends most of an import allocating and copying every cell's text
//! two or three times. This reader takes each cell's text once, straight from the XML, and
//! reads exactly what calamine would for the cells qms writes and auditors type: inline,
//! shared and rich-text strings, and numbers in number formats. For anything else (a formula,
//! a date or time format, a boolean or error cell, an unknown element, malformed XML, a part
//! that cannot be found) it gives the sheet back, and calamine reads it as before, so that
//! dates, formulas and every error keep the meaning and the wording they had.

use super::read::{SheetData, normalise_owned};
use quick_xml::Reader;
use quick_xml::escape::{resolve_xml_entity, unescape};
use quick_xml::events::{BytesStart, Event};
use std::borrow::Cow;
use std::io::{BufRead, BufReader, Cursor, Read};
use zip::ZipArchive;

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
pub(crate) fn attr<'e>(e: &'e BytesStart<'_>, key: &str) -> Result<Option<Cow<'e, str>>, ()> {
    for a in e.attributes().with_checks(false) {
        let a = a.map_err(|_| ())?;
        if a.key.as_ref() == key {
            return Ok(Some(a.value));
        }
    }
    Ok(None)
}

pub(crate) fn local(name: &str) -> &str {
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
        let shared = match zip.index_for_name("xl/sharedStrings.xml") {
            Some(_) => shared_strings(&mut zip)?,
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
        super::cells::read_sheet(&mut self.zip, &path, name, &self.shared, &self.plain)
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
pub(crate) fn name_of(name: &str) -> Cow<'static, str> {
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

/// The shared strings of xl/sharedStrings.xml, normalised, read piece by piece.
fn shared_strings(zip: &mut ZipArchive<Cursor<&[u8]>>) -> Option<Vec<String>> {
    let mut strings = Vec::new();
    let (mut started, mut done) = (false, false);
    pieces(zip, "xl/sharedStrings.xml", (b"<sst>", b"</si>"), |text| {
        let mut xml = reader(text);
        if !started {
            loop {
                match xml.read_event().ok()? {
                    Event::Start(e) if local(e.name().as_ref()) == "sst" => break,
                    Event::Eof => return Some(true),
                    _ => {}
                }
            }
            started = true;
        }
        loop {
            match xml.read_event().ok()? {
                Event::Start(e) if local(e.name().as_ref()) == "si" => {
                    let closing = name_of(e.name().as_ref());
                    strings.push(normalise_owned(read_string(&mut xml, &closing)?));
                }
                Event::End(e) if local(e.name().as_ref()) == "sst" => {
                    done = true;
                    return Some(false);
                }
                Event::Eof => return Some(true),
                _ => {}
            }
        }
    })?;
    done.then_some(strings)
}

/// Bytes of a part inflated at a time.
const PIECE: usize = 1 << 20;

/// Calls `each` with the text of part `path` in pieces that end right after an `end` tag, so
/// that the slice reader borrows each event from the piece instead of copying it. A cut that
/// falls inside a comment, CDATA section or attribute leaves an unclosed construct at the end
/// of its piece, which fails to parse: the part then goes to calamine. `each` answers whether
/// to go on; `None` (from `each`, a missing part, a read error or text that is not UTF-8)
/// stops with `None`. Every piece after the first starts with `open`, the elements open at a
/// cut (quick-xml refuses an end tag that closes nothing, even without checking names).
pub(crate) fn pieces(
    zip: &mut ZipArchive<Cursor<&[u8]>>,
    path: &str,
    (open, end): (&[u8], &[u8]),
    mut each: impl FnMut(&str) -> Option<bool>,
) -> Option<()> {
    let mut file = zip.by_name(path).ok()?;
    let mut buf: Vec<u8> = Vec::with_capacity(2 * PIECE);
    loop {
        let start = buf.len();
        buf.resize(start + PIECE, 0);
        let mut filled = start;
        while filled < buf.len() {
            match file.read(buf.get_mut(filled..)?).ok()? {
                0 => break,
                n => filled += n,
            }
        }
        let eof = filled < buf.len();
        buf.truncate(filled);
        let cut = if eof {
            buf.len()
        } else {
            match buf.windows(end.len()).rposition(|w| w == end) {
                Some(i) => i + end.len(),
                None => continue,
            }
        };
        let text = std::str::from_utf8(buf.get(..cut)?).ok()?;
        if !each(text)? || eof {
            return Some(());
        }
        buf.drain(..cut);
        buf.splice(0..0, open.iter().copied());
    }
}

/// A reader of one piece, configured as calamine configures its own, so that both see the
/// same events.
pub(crate) fn reader(text: &str) -> Reader<&[u8]> {
    let mut xml = Reader::from_str(text);
    let config = xml.config_mut();
    config.check_end_names = false;
    config.trim_text(false);
    config.check_comments = false;
    config.expand_empty_elements = true;
    xml
}

/// The text of an `<is>` or `<si>` element, as calamine reads it: plain or rich-text runs
/// joined, phonetic runs skipped, unpreserved space trimmed, `_xHHHH_` escapes decoded.
pub(crate) fn read_string(xml: &mut Reader<&[u8]>, closing: &str) -> Option<String> {
    let mut out: Option<String> = None;
    let mut phonetic = false;
    loop {
        match xml.read_event().ok()? {
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
                    match xml.read_event().ok()? {
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
