//! Loading a dossier from JSON text: decoding, Unicode NFC normalisation, structure, and then
//! referential integrity, reporting every problem at once with its path, line and column.

mod ascii_escaped;
mod duplicates;
mod escapes;
mod locate;
mod path;
mod problem;
mod salvage;
mod serde_message;
mod type_words;

pub use path::{JsonPath, Segment};
pub use problem::{InvalidValue, Problem, ProblemKind, RefKind, StructureDetail, SyntaxCategory};
pub use type_words::serde_words;

use crate::Dossier;
use crate::validate::{KnownIds, validate_with};
use unicode_normalization::UnicodeNormalization;

/// The most problems one load reports; past this the file is too broken to list.
pub const MAX_PROBLEMS: usize = 500;

/// A dossier that did not load: every problem found, in file order.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
#[error("the dossier has {} problem(s); first: {}", problems.len(), problems.first().map(|p| p.to_string()).unwrap_or_default())]
pub struct InvalidDossier {
    /// The problems, sorted by position in the file.
    pub problems: Vec<Problem>,
}

/// What a load found: the dossier (when its structure could be read) and every problem.
#[derive(Debug, Clone)]
pub struct LoadReport {
    /// The dossier, when the text had the dossier's structure (it may still have problems).
    pub dossier: Option<Dossier>,
    /// Every problem found, in file order.
    pub problems: Vec<Problem>,
}

/// Loads a dossier from JSON bytes; `Ok` only when it has no problem at all.
///
/// A UTF-8 byte-order mark is accepted; text is normalised to Unicode NFC.
///
/// ```
/// let bad = br#"{"format_version": 1, "id": "x", "agency": {"name": "A"},
///                "scope": {"edition": "2015", "text": "t"}, "units": [{"id": "u"}"#;
/// let err = qms_core::load(bad).unwrap_err();
/// assert_eq!(err.problems[0].code(), "QMS-V001");
/// assert_eq!(err.problems[0].line, Some(2));
/// ```
pub fn load(bytes: &[u8]) -> Result<Dossier, InvalidDossier> {
    let report = load_report(bytes);
    match report.dossier {
        Some(d) if report.problems.is_empty() => Ok(d),
        _ => Err(InvalidDossier {
            problems: report.problems,
        }),
    }
}

/// Loads a dossier and reports every problem, keeping the dossier when its structure was read.
pub fn load_report(bytes: &[u8]) -> LoadReport {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    // SIMD validation first (several times faster on Vietnamese text); only a failure asks
    // the standard library where the first bad byte is.
    let text = match simdutf8::basic::from_utf8(bytes).or_else(|_| std::str::from_utf8(bytes)) {
        Ok(t) => t,
        Err(e) => {
            let (line, col) = locate::position_of_offset(bytes, e.valid_up_to());
            // No error length: the bytes end inside a character, so the file was cut short.
            let kind = match e.error_len() {
                None => ProblemKind::TruncatedUtf8,
                Some(_) => ProblemKind::NotUtf8,
            };
            let mut p = Problem::new(JsonPath::root(), kind);
            (p.line, p.column) = (Some(line), Some(col));
            return LoadReport {
                dossier: None,
                problems: vec![p],
            };
        }
    };
    // Normalising the whole text is safe: JSON's own syntax is ASCII, and no combining mark
    // composes with a quote or bracket.
    let normalised;
    let first = escapes::scan(text);
    let (text, scan) = if first.nfc {
        (text, first)
    } else {
        normalised = text.nfc().collect::<String>();
        let scan = escapes::scan(&normalised);
        (normalised.as_str(), scan)
    };
    // The fast path reads straight into the model. Escapes (\u0301...) could hide non-NFC
    // text: unless they decode to characters that cannot (the usual escaped Vietnamese), the
    // text takes the path that normalises every string.
    let plain = (scan.nfc && !scan.backslash)
        || !text.contains("\\u")
        || (scan.nfc && escapes::escapes_keep_nfc(text));
    if plain && let Ok(dossier) = serde_json::from_str::<Dossier>(text) {
        let mut problems = validate_with(&dossier, &KnownIds::default());
        position(text, &mut problems);
        // serde refuses a member written twice in any struct of the model (the test
        // `only_maps_take_a_repeated_member` proves it object by object); only a map keeps the
        // last one silently, so the scan for repeats is needed only when a map has members.
        if has_members_in_maps(&dossier) {
            report_duplicates(text, &mut problems);
        }
        return LoadReport {
            dossier: Some(dossier),
            problems,
        };
    }
    let mut report = salvage::load_value(text);
    position(text, &mut report.problems);
    if !report
        .problems
        .iter()
        .any(|p| matches!(p.kind, ProblemKind::Syntax { .. }))
    {
        report_duplicates(text, &mut report.problems);
    }
    report
}

/// [`load_report`] on bytes the loader may keep: a dossier written in ASCII with `\u` escapes
/// (Python's `json.dumps`, .NET's serializers) loads as fast as an unescaped one, its escapes
/// decoded in place. The report is the same as [`load_report`]'s.
///
/// ```
/// let escaped = br#"{"format_version": 1, "id": "x", "agency": {"name": "S\u1edf T\u01b0 ph\u00e1p"},
///                    "scope": {"edition": "2015", "text": "t"}}"#;
/// let report = qms_core::load::load_report_owned(escaped.to_vec());
/// assert_eq!(report.dossier.unwrap().agency.name, "Sở Tư pháp");
/// assert!(report.problems.is_empty());
/// ```
pub fn load_report_owned(mut bytes: Vec<u8>) -> LoadReport {
    let bom = if bytes.starts_with(b"\xEF\xBB\xBF") {
        3
    } else {
        0
    };
    if let Some(text) = bytes.get_mut(bom..)
        && text.is_ascii()
        && memchr::memmem::find(text, b"\\u").is_some()
        && let Some(report) = load_decoded(text)
    {
        return report;
    }
    load_report(&bytes)
}

/// Loads an all-ASCII text with its escapes decoded in place (see [`ascii_escaped`]); `None`,
/// with `text` as it was, when the standard path must read it (a decoded text that is not
/// NFC, or that does not parse as a dossier).
fn load_decoded(text: &mut [u8]) -> Option<LoadReport> {
    let decoded = ascii_escaped::decode(text)?;
    let dossier = text
        .get(..decoded.len)
        // Valid by construction (ASCII and encoded characters), checked all the same, at SIMD
        // speed.
        .and_then(|t| simdutf8::basic::from_utf8(t).ok())
        // Every escape left decodes to an ASCII starter: the decoded text's NFC check holds
        // for the strings too (as for `escapes::escapes_keep_nfc`).
        .filter(|t| escapes::scan(t).nfc)
        .and_then(|t| {
            let dossier = serde_json::from_str::<Dossier>(t).ok()?;
            let repeated = has_members_in_maps(&dossier) && !duplicates::find(t, 1).is_empty();
            Some((dossier, repeated))
        });
    let (dossier, repeated) = match dossier {
        Some(d) => d,
        None => {
            ascii_escaped::restore(text, &decoded);
            return None;
        }
    };
    let mut problems = validate_with(&dossier, &KnownIds::default());
    if problems.is_empty() && !repeated {
        return Some(LoadReport {
            dossier: Some(dossier),
            problems,
        });
    }
    // Problems are placed by line and column in the text as written.
    ascii_escaped::restore(text, &decoded);
    let original = std::str::from_utf8(text).ok()?;
    position(original, &mut problems);
    if repeated {
        report_duplicates(original, &mut problems);
    }
    Some(LoadReport {
        dossier: Some(dossier),
        problems,
    })
}

/// Whether one of the dossier's maps (the objects whose keys are data, not fields) has a
/// member: only those can have taken a repeated member without an error.
fn has_members_in_maps(d: &Dossier) -> bool {
    !d.settings.rules.is_empty() || !d.english.units.is_empty() || !d.english.positions.is_empty()
}

/// Adds a problem for each member written twice in one object (`text` is valid JSON), with
/// the positions of both occurrences, keeping the problems in file order.
fn report_duplicates(text: &str, problems: &mut Vec<Problem>) {
    let room = MAX_PROBLEMS.saturating_sub(problems.len());
    let found = duplicates::find(text, room);
    if found.is_empty() {
        return;
    }
    let offsets = found.iter().flat_map(|d| [d.first, d.second]).collect();
    let at = locate::offsets_to_positions(text, offsets, &mut 0);
    for d in found {
        let (first_line, first_column) = at.get(&d.first).copied().unwrap_or((0, 0));
        let mut p = Problem::new(
            d.path,
            ProblemKind::DuplicateKey {
                key: d.key,
                first_line,
                first_column,
            },
        );
        if let Some(&(l, c)) = at.get(&d.second) {
            (p.line, p.column) = (Some(l), Some(c));
        }
        problems.push(p);
    }
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
}

/// The 1-based line and column where each path begins in a dossier's bytes (as given to
/// [`load`]), for pointing diagnostics into the file.
///
/// ```
/// use qms_core::{JsonPath, load::positions};
/// let text = b"{\n  \"id\": \"x\"\n}";
/// assert_eq!(positions(text, &[&JsonPath::root().key("id")]), vec![Some((2, 3))]);
/// ```
pub fn positions(bytes: &[u8], paths: &[&JsonPath]) -> Vec<Option<(usize, usize)>> {
    let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
    let Ok(text) = std::str::from_utf8(bytes) else {
        return vec![None; paths.len()];
    };
    locate::locate(text, paths)
}

/// Fills in line and column of problems that lack them, then sorts them by position.
fn position(text: &str, problems: &mut Vec<Problem>) {
    problems.truncate(MAX_PROBLEMS);
    let wanted: Vec<&JsonPath> = problems
        .iter()
        .filter(|p| p.line.is_none())
        .map(|p| &p.path)
        .collect();
    let found = locate::locate(text, &wanted);
    // A missing member is located at its object; an absent path at its nearest parent.
    let mut found = found.into_iter();
    for p in problems.iter_mut().filter(|p| p.line.is_none()) {
        if let Some(Some((l, c))) = found.next() {
            (p.line, p.column) = (Some(l), Some(c));
        }
    }
    problems.sort_by_key(|p| (p.line.unwrap_or(0), p.column.unwrap_or(0)));
}

#[cfg(test)]
mod tests;
