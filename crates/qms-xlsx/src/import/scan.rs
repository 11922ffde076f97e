//! A hand-written reader of worksheet XML in the plain shape qms itself writes (and Excel
//! keeps when it saves): rows of cells holding inline strings, shared strings and plain
//! numbers. It checks the cell references against Excel's grid in the same pass.
//!
//! Why: calamine's cell reader goes through quick-xml's general tokenizer, with a UTF-8 check
//! and an attribute parse per event; on a 100,000-row sheet (85 MB of XML) that was 0.7 s,
//! most of an import. This reader looks for `<` and `"` with `memchr` over the inflated bytes
//! and reads only what the import needs.
//!
//! It never guesses: anything outside the shape it knows (formulas, dates, booleans, errors,
//! comments, CDATA, namespace prefixes, Excel's `_xHHHH_` escapes, another encoding, a tag it
//! does not know) makes it answer [`Scanned::Unusual`] and the sheet is read again by calamine,
//! which reads exactly what it read before. Tests compare the two on such sheets.

use super::cell_refs::first_reference_off_grid;
use super::read::{SheetData, float_text, normalise_owned};
use super::rows::SheetBuilder;
use super::xml_bits::row_number;
use super::xml_bits::{
    attributes, attributes_kept, cell_position, decode_str_into, ends_name, has_excel_escape, opens,
};
use memchr::memmem;
use std::io::Read;

/// What the scanner made of a worksheet part.
#[derive(Debug)]
pub(crate) enum Scanned {
    /// The sheet, read completely; its references are all on Excel's grid.
    Sheet(SheetData),
    /// Something the scanner does not read: calamine reads the sheet instead.
    Unusual,
    /// A reference past Excel's grid (XFD1048576), as written.
    OffGrid(String),
}

/// What the cells of a workbook need from the rest of it.
pub(crate) struct Context<'a> {
    /// Per cell style (`s`), whether numbers in it are plain: calamine turns numbers in date
    /// and time formats into dates, which the scanner leaves to it. Styles past the end are
    /// plain (calamine reads them as numbers too).
    pub(crate) plain_styles: &'a [bool],
    /// The shared strings, when the scanner could read them all.
    pub(crate) strings: Option<&'a [String]>,
}

/// Why reading stopped early.
pub(crate) enum Stop {
    Unusual,
    OffGrid(String),
    Io(std::io::Error),
}

impl From<std::io::Error> for Stop {
    fn from(e: std::io::Error) -> Self {
        Stop::Io(e)
    }
}

pub(crate) type Res<T> = Result<T, Stop>;

fn unusual<T>() -> Res<T> {
    Err(Stop::Unusual)
}

/// `s[i..]`; an index out of range (a bug, never data) leaves the sheet to calamine.
pub(crate) fn from(s: &[u8], i: usize) -> Res<&[u8]> {
    s.get(i..).ok_or(Stop::Unusual)
}

/// `s[a..b]`, the same way.
pub(crate) fn span(s: &[u8], a: usize, b: usize) -> Res<&[u8]> {
    s.get(a..b).ok_or(Stop::Unusual)
}

/// The number of ASCII blanks at the start of `s`.
pub(crate) fn blanks(s: &[u8]) -> usize {
    s.iter().take_while(|b| b.is_ascii_whitespace()).count()
}

/// How much inflated XML is read at a time.
const CHUNK: usize = 1 << 20;

/// Reads one worksheet part (streamed: memory stays at about [`CHUNK`] plus the longest row).
pub(crate) fn scan_sheet(
    name: &str,
    part: impl Read,
    ctx: &Context<'_>,
) -> std::io::Result<Scanned> {
    match scan(name, part, ctx) {
        Ok(sheet) => Ok(Scanned::Sheet(sheet)),
        Err(Stop::Unusual) => Ok(Scanned::Unusual),
        Err(Stop::OffGrid(bad)) => Ok(Scanned::OffGrid(bad)),
        Err(Stop::Io(e)) => Err(e),
    }
}

fn scan(name: &str, mut part: impl Read, ctx: &Context<'_>) -> Res<SheetData> {
    let mut buf = Vec::with_capacity(CHUNK + 4096);
    let mut eof = false;
    // The part up to <sheetData>.
    let mut searched = 0;
    let data_at = loop {
        if let Some(p) = memmem::find(from(&buf, searched)?, b"<sheetData") {
            break searched + p;
        }
        if eof {
            return unusual();
        }
        searched = buf.len().saturating_sub(10);
        eof = fill(&mut buf, &mut part)?;
    };
    let header = span(&buf, 0, data_at)?;
    if let Some(bad) = first_reference_off_grid(header)? {
        return Err(Stop::OffGrid(bad));
    }
    if !plain_header(header) || !ends_name(buf.get(data_at + 10)) {
        return unusual();
    }
    let (_, mut pos, empty) = attributes(&buf, data_at + 10).ok_or(Stop::Unusual)?;
    let mut sheet = SheetBuilder::new(name);
    if !empty {
        // The rows, a run of complete rows at a time.
        let mut searched = pos;
        loop {
            pos += blanks(from(&buf, pos)?);
            let rest = from(&buf, pos)?;
            if rest.starts_with(b"</sheetData") {
                break;
            }
            let after = searched.max(pos);
            // The end of the rows: what is left before it (rows that close themselves, as
            // the export's last one does) is the last run.
            let back = after.saturating_sub(11).max(pos);
            if let Some(close) = memmem::find(from(&buf, back)?, b"</sheetData") {
                let end = back + close;
                let run = std::str::from_utf8(span(&buf, pos, end)?).map_err(|_| Stop::Unusual)?;
                rows(run, &mut sheet, ctx)?;
                pos = end;
                break;
            }
            if let Some(last) = memmem::rfind(from(&buf, after)?, b"</row>") {
                let end = after + last + 6;
                // Checked as UTF-8 once for the whole run (it ends at a tag): each text
                // within is then taken as it is.
                let run = std::str::from_utf8(span(&buf, pos, end)?).map_err(|_| Stop::Unusual)?;
                rows(run, &mut sheet, ctx)?;
                pos = end;
                searched = end;
                continue;
            }
            if eof || (rest.len() >= 12 && !opens(rest, 0, b"row")) {
                return unusual();
            }
            buf.drain(..pos.min(buf.len()));
            searched = buf.len().saturating_sub(5);
            pos = 0;
            eof = fill(&mut buf, &mut part)?;
        }
    }
    // The rest of the part (merged cells, validations, ...): only its references matter.
    let tail = std::io::Cursor::new(from(&buf, pos)?).chain(part);
    if let Some(bad) = first_reference_off_grid(tail)? {
        return Err(Stop::OffGrid(bad));
    }
    Ok(sheet.finish())
}

/// Appends up to [`CHUNK`] bytes; whether the part has ended.
fn fill(buf: &mut Vec<u8>, part: &mut impl Read) -> std::io::Result<bool> {
    let n = part.by_ref().take(CHUNK as u64).read_to_end(buf)?;
    Ok(n < CHUNK)
}

/// The part before `<sheetData>` in the plain shape: UTF-8, no comment, CDATA or DOCTYPE, a
/// `<dimension>` (if any) that calamine reads without error.
fn plain_header(header: &[u8]) -> bool {
    if memmem::find(header, b"<!").is_some() {
        return false;
    }
    if let Some(p) = memmem::find(header, b"encoding=") {
        let value = header.get(p + 9..p + 16).unwrap_or_default();
        let utf8 = |q: u8| value.eq_ignore_ascii_case(&[&[q][..], b"utf-8", &[q]].concat());
        if !utf8(b'"') && !utf8(b'\'') {
            return false;
        }
    }
    match memmem::find(header, b"<dimension") {
        None => true,
        Some(p) => attributes(header, p + 10)
            .and_then(|(a, _, _)| a.get(b"ref"))
            .is_some_and(|r| r.split(|b| *b == b':').all(|p| cell_position(p).is_some())),
    }
}

/// Reads a run of complete `<row>` elements into the sheet.
fn rows(run: &str, sheet: &mut SheetBuilder, ctx: &Context<'_>) -> Res<()> {
    let s = run.as_bytes();
    let mut i = 0;
    let mut text = String::new();
    loop {
        i += blanks(from(s, i)?);
        if i >= s.len() {
            return Ok(());
        }
        if !opens(s, i, b"row") {
            return unusual();
        }
        let (attrs, after, empty) = attributes_kept(s, i + 4, of_interest).ok_or(Stop::Unusual)?;
        for (name, value) in attrs.iter() {
            if (name == b"r" && row_number(value).is_none()) || name.ends_with(b"ref") {
                check_reference(value)?;
            }
        }
        i = after;
        if empty {
            continue;
        }
        loop {
            i += blanks(from(s, i)?);
            if from(s, i)?.starts_with(b"</row>") {
                i += 6;
                break;
            }
            if !opens(s, i, b"c") {
                return unusual();
            }
            i = cell(run, i, sheet, ctx, &mut text)?;
        }
    }
}

/// The attributes of rows and cells the scanner reads or checks.
fn of_interest(name: &[u8]) -> bool {
    matches!(name, b"r" | b"s" | b"t") || name.ends_with(b"ref")
}

/// Refuses a reference value (`A1`, `A1:B2 C3`) that lies past Excel's grid, as the check
/// before calamine does.
fn check_reference(value: &[u8]) -> Res<()> {
    match first_reference_off_grid(&[&b" r=\""[..], value, b"\""].concat()[..]) {
        Ok(Some(bad)) => Err(Stop::OffGrid(bad)),
        Ok(None) => Ok(()),
        Err(_) => unusual(),
    }
}

/// One `<c>` at `i`; returns the index after it.
fn cell(
    run: &str,
    i: usize,
    sheet: &mut SheetBuilder,
    ctx: &Context<'_>,
    text: &mut String,
) -> Res<usize> {
    let s = run.as_bytes();
    let (attrs, mut i, empty) = attributes_kept(s, i + 2, of_interest).ok_or(Stop::Unusual)?;
    let r = attrs.get(b"r").ok_or(Stop::Unusual)?;
    for (_, value) in attrs.iter().filter(|(n, _)| n.ends_with(b"ref")) {
        check_reference(value)?;
    }
    let Some((row, col)) = cell_position(r) else {
        check_reference(r)?;
        return unusual();
    };
    let kind = attrs.get(b"t");
    if !matches!(kind, None | Some(b"n" | b"s" | b"inlineStr")) {
        return unusual();
    }
    if empty {
        sheet.cell(row, col, None, None);
        return Ok(i);
    }
    let (mut value, mut inline) = (None, false);
    loop {
        i += blanks(from(s, i)?);
        let rest = from(s, i)?;
        if rest.starts_with(b"</c>") {
            i += 4;
            break;
        }
        if value.is_some() || inline {
            return unusual();
        }
        if rest.starts_with(b"<v>") {
            let len = memchr::memchr(b'<', from(rest, 3)?).ok_or(Stop::Unusual)?;
            if !from(rest, 3 + len)?.starts_with(b"</v>") {
                return unusual();
            }
            value = Some(span(rest, 3, 3 + len)?);
            i += 3 + len + 4;
        } else if opens(s, i, b"is") {
            let (_, after, empty) = attributes(s, i + 3).ok_or(Stop::Unusual)?;
            text.clear();
            i = if empty {
                after
            } else {
                rich_text(run, after, b"</is>", text)?
            };
            inline = true;
        } else {
            return unusual();
        }
    }
    let shown = match (kind, value, inline) {
        (_, None, false) => None,
        (Some(b"inlineStr"), None, true) => Some(normalise_owned(std::mem::take(text))),
        (None | Some(b"n"), Some(v), false) => number(v, attrs.get(b"s"), ctx)?,
        (Some(b"s"), Some(v), false) => shared(v, ctx)?,
        _ => return unusual(),
    };
    sheet.cell(row, col, shown, None);
    Ok(i)
}

/// A plain number, shown as the import shows calamine's (`float_text`).
fn number(v: &[u8], style: Option<&[u8]>, ctx: &Context<'_>) -> Res<Option<String>> {
    if v.is_empty() {
        return Ok(None);
    }
    if let Some(s) = style {
        let id = ascii_number(s).ok_or(Stop::Unusual)?;
        if !ctx.plain_styles.get(id).copied().unwrap_or(true) {
            return unusual();
        }
    }
    if !plain_decimal(v) {
        return unusual();
    }
    let f: f64 = std::str::from_utf8(v)
        .ok()
        .and_then(|t| t.parse().ok())
        .ok_or(Stop::Unusual)?;
    Ok(Some(float_text(f)))
}

/// An index such as a style or shared string: 1 to 9 digits.
fn ascii_number(s: &[u8]) -> Option<usize> {
    if !(1..=9).contains(&s.len()) || !s.iter().all(u8::is_ascii_digit) {
        return None;
    }
    Some(s.iter().fold(0usize, |n, b| n * 10 + usize::from(b - b'0')))
}

/// `-12`, `3.5`, `1E-3`: the forms Excel writes (and that every float parser reads alike).
fn plain_decimal(v: &[u8]) -> bool {
    let v = v.strip_prefix(b"-").unwrap_or(v);
    let digits = |i: usize| {
        v.get(i..)
            .unwrap_or_default()
            .iter()
            .take_while(|b| b.is_ascii_digit())
            .count()
    };
    let mut i = digits(0);
    if i == 0 {
        return false;
    }
    if v.get(i) == Some(&b'.') {
        let frac = digits(i + 1);
        if frac == 0 {
            return false;
        }
        i += 1 + frac;
    }
    if matches!(v.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(v.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let exp = digits(i);
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == v.len()
}

/// A shared string by its index.
fn shared(v: &[u8], ctx: &Context<'_>) -> Res<Option<String>> {
    if v.is_empty() {
        return Ok(None);
    }
    let strings = ctx.strings.ok_or(Stop::Unusual)?;
    let id = ascii_number(v).ok_or(Stop::Unusual)?;
    let s = strings.get(id).ok_or(Stop::Unusual)?;
    Ok(Some(normalise_owned(s.clone())))
}

/// The text of an `<is>` or `<si>` element from `i` (after its start tag) to `close`,
/// appended to `out`: every `<t>` outside phonetic runs, in order, as calamine joins them
/// (trimmed unless `xml:space="preserve"`). Returns the index after `close`.
pub(crate) fn rich_text(text: &str, mut i: usize, close: &[u8], out: &mut String) -> Res<usize> {
    let s = text.as_bytes();
    loop {
        // Text between the tags of a rich string is not part of it (calamine skips it too).
        i += memchr::memchr(b'<', from(s, i)?).ok_or(Stop::Unusual)?;
        let rest = from(s, i)?;
        if rest.starts_with(close) {
            return Ok(i + close.len());
        }
        if opens(s, i, b"t") {
            let (attrs, after, empty) = attributes(s, i + 2).ok_or(Stop::Unusual)?;
            let preserve = attrs.get(b"xml:space") == Some(b"preserve");
            i = after;
            if empty {
                continue;
            }
            let len = memchr::memchr(b'<', from(s, i)?).ok_or(Stop::Unusual)?;
            if !from(s, i + len)?.starts_with(b"</t>") {
                return unusual();
            }
            let start = out.len();
            decode_str_into(text.get(i..i + len).ok_or(Stop::Unusual)?, out)
                .ok_or(Stop::Unusual)?;
            let piece = out.get(start..).ok_or(Stop::Unusual)?;
            if !preserve {
                let trimmed = piece.trim_matches([' ', '\t', '\r', '\n']);
                if trimmed.len() != piece.len() {
                    let trimmed = trimmed.to_owned();
                    out.truncate(start);
                    out.push_str(&trimmed);
                }
            }
            if has_excel_escape(out.get(start..).ok_or(Stop::Unusual)?) {
                return unusual();
            }
            i += len + 4;
        } else if opens(s, i, b"r") || rest.starts_with(b"</r>") {
            i += memchr::memchr(b'>', rest).ok_or(Stop::Unusual)? + 1;
        } else if opens(s, i, b"rPr") || opens(s, i, b"rPh") {
            let phonetic = opens(s, i, b"rPh");
            let (_, after, empty) = attributes(s, i + 4).ok_or(Stop::Unusual)?;
            i = after;
            if !empty {
                let end: &[u8] = if phonetic { b"</rPh>" } else { b"</rPr>" };
                let len = memmem::find(from(s, i)?, end).ok_or(Stop::Unusual)?;
                // Text in a phonetic run is skipped, as calamine skips it; a <t> in a run's
                // properties is nothing Excel writes: leave it to calamine.
                let inner = span(s, i, i + len)?;
                if !phonetic && (0..inner.len()).any(|k| opens(inner, k, b"t")) {
                    return unusual();
                }
                i += len + end.len();
            }
        } else if opens(s, i, b"phoneticPr") {
            let (_, after, empty) = attributes(s, i + 11).ok_or(Stop::Unusual)?;
            if !empty {
                return unusual();
            }
            i = after;
        } else {
            return unusual();
        }
    }
}
