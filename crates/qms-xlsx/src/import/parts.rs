//! Which zip part holds each sheet, and the shared strings, read by hand for the sheet
//! scanner. Every answer is cross-checked with what calamine read (the sheet names, in order);
//! when anything differs or looks unusual, the answer is `None` and calamine reads the sheets.

use super::scan::{blanks, rich_text};
use super::xml_bits::{attributes, decode_into, opens};
use memchr::memmem;
use std::io::{Read, Seek};

/// Largest workbook.xml, relationships or shared-strings part read by hand (bigger ones are
/// read by calamine alone).
const MAX_SMALL_PART: u64 = 64 * 1024 * 1024;

/// A part's bytes, when it exists and is not too big.
fn part<R: Read + Seek>(zip: &mut zip::ZipArchive<R>, name: &str) -> Option<Vec<u8>> {
    let file = zip.by_name(name).ok()?;
    if file.size() > MAX_SMALL_PART {
        return None;
    }
    let mut bytes = Vec::with_capacity(usize::try_from(file.size()).ok()?);
    file.take(MAX_SMALL_PART).read_to_end(&mut bytes).ok()?;
    Some(bytes)
}

/// Each element `<name ...>` of `xml`, as its attributes' (name, value) pairs, values decoded.
/// An element's attributes: (name, decoded value) pairs.
type Element = Vec<(Vec<u8>, String)>;

fn elements(xml: &[u8], name: &[u8]) -> Option<Vec<Element>> {
    let mut out = Vec::new();
    let finder = memmem::Finder::new(&[b"<", name].concat()).into_owned();
    let mut i = 0;
    while let Some(p) = finder.find(xml.get(i..)?) {
        let at = i + p;
        i = at + 1;
        if !opens(xml, at, name) {
            continue;
        }
        let (attrs, after, _) = attributes(xml, at + 1 + name.len())?;
        let mut decoded = Vec::new();
        for (n, v) in attrs.iter() {
            let mut value = String::new();
            decode_into(v, &mut value)?;
            decoded.push((n.to_vec(), value));
        }
        out.push(decoded);
        i = after;
    }
    Some(out)
}

fn attr<'a>(attrs: &'a [(Vec<u8>, String)], name: &[u8]) -> Option<&'a str> {
    attrs
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The part of each sheet named in `names` (calamine's list, in order), or `None`.
pub(crate) fn sheet_parts<R: Read + Seek>(
    zip: &mut zip::ZipArchive<R>,
    names: &[String],
) -> Option<Vec<String>> {
    // The workbook must be xl/workbook.xml, as the package check requires: that is where
    // calamine's paths start from too.
    let root = part(zip, "_rels/.rels")?;
    if memmem::find(&root, b"<!").is_some() {
        return None;
    }
    let office = elements(&root, b"Relationship")?
        .into_iter()
        .filter(|a| attr(a, b"Type").is_some_and(|t| t.ends_with("/relationships/officeDocument")))
        .filter_map(|a| attr(&a, b"Target").map(str::to_owned))
        .collect::<Vec<_>>();
    let [office] = &office[..] else {
        return None;
    };
    if office.trim_start_matches('/') != "xl/workbook.xml" {
        return None;
    }
    let rels = part(zip, "xl/_rels/workbook.xml.rels")?;
    let book = part(zip, "xl/workbook.xml")?;
    if memmem::find(&rels, b"<!").is_some() || memmem::find(&book, b"<!").is_some() {
        return None;
    }
    let rels = elements(&rels, b"Relationship")?;
    let sheets = elements(&book, b"sheet")?;
    if sheets.len() != names.len() {
        return None;
    }
    let mut parts = Vec::with_capacity(names.len());
    for (sheet, name) in sheets.iter().zip(names) {
        if attr(sheet, b"name") != Some(name.as_str()) {
            return None;
        }
        let ids: Vec<&str> = sheet
            .iter()
            .filter(|(n, _)| n == b"id" || n.ends_with(b":id"))
            .map(|(_, v)| v.as_str())
            .collect();
        let [id] = ids[..] else {
            return None;
        };
        let targets: Vec<&str> = rels
            .iter()
            .filter(|r| attr(r, b"Id") == Some(id))
            .filter(|r| attr(r, b"Type").is_some_and(|t| t.ends_with("/worksheet")))
            .filter_map(|r| attr(r, b"Target"))
            .collect();
        let [target] = targets[..] else {
            return None;
        };
        let path = match target.strip_prefix('/') {
            Some(abs) => abs.to_owned(),
            None => format!("xl/{target}"),
        };
        zip.index_for_name(&path)?;
        parts.push(path);
    }
    Some(parts)
}

/// The shared strings (an empty list when the workbook has none), or `None` when they hold
/// anything the scanner does not read.
pub(crate) fn shared_strings<R: Read + Seek>(zip: &mut zip::ZipArchive<R>) -> Option<Vec<String>> {
    if zip.index_for_name("xl/sharedStrings.xml").is_none() {
        return Some(Vec::new());
    }
    let xml = part(zip, "xl/sharedStrings.xml")?;
    let xml_text = std::str::from_utf8(&xml).ok()?;
    let start = memmem::find(&xml, b"<sst")?;
    if memmem::find(&xml, b"<!").is_some() || !opens(&xml, start, b"sst") {
        return None;
    }
    let (_, mut i, empty) = attributes(&xml, start + 4)?;
    let mut strings = Vec::new();
    if empty {
        return Some(strings);
    }
    loop {
        i += blanks(xml.get(i..)?);
        if xml.get(i..)?.starts_with(b"</sst>") {
            return Some(strings);
        }
        if !opens(&xml, i, b"si") {
            return None;
        }
        let (_, after, empty) = attributes(&xml, i + 3)?;
        let mut text = String::new();
        i = if empty {
            after
        } else {
            rich_text(xml_text, after, b"</si>", &mut text).ok()?
        };
        strings.push(text);
    }
}
