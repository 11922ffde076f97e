//! Sample dossiers written out as the different programs that produce dossiers write them: on
//! one line or pretty-printed, with every non-ASCII character escaped (Python's `json.dumps`,
//! .NET's serializers), and with records broken on purpose.

use crate::Dossier;
use serde::Serialize;
use serde_json::ser::{CompactFormatter, Formatter, PrettyFormatter};
use std::io::{self, Write};

/// How to write a sample dossier.
///
/// ```
/// use qms_core::sample::{SampleSpec, SampleText, sample_dossier, sample_text};
/// let d = sample_dossier(&SampleSpec { checklist_items: 10, findings: 2, seed: 1, agency: 0 });
/// let escaped = sample_text(&d, &SampleText { escaped: true, ..SampleText::default() });
/// assert!(escaped.is_ascii() && escaped.contains("\\u1edf"));
/// assert_eq!(qms_core::load(escaped.as_bytes()).unwrap(), d);
/// let broken = sample_text(&d, &SampleText { broken: 3, ..SampleText::default() });
/// assert_eq!(qms_core::load(broken.as_bytes()).unwrap_err().problems.len(), 3);
/// ```
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct SampleText {
    /// Indented, one member per line (otherwise the whole dossier is one line).
    pub pretty: bool,
    /// Every character beyond ASCII written as a `\u` escape.
    pub escaped: bool,
    /// Checklist items with a result the format does not have, appended to the last
    /// checklist (each one a structure problem).
    pub broken: usize,
}

/// Writes a dossier as JSON text in the given way.
pub fn sample_text(d: &Dossier, how: &SampleText) -> String {
    let mut out = Vec::new();
    let written = if how.broken > 0 {
        let mut v = serde_json::to_value(d).unwrap_or_default();
        break_items(&mut v, how.broken);
        write(&v, how, &mut out)
    } else {
        write(d, how, &mut out)
    };
    // Writing to memory cannot fail, and the formatters write UTF-8 only.
    match written {
        Ok(()) => String::from_utf8(out).unwrap_or_default(),
        Err(_) => String::new(),
    }
}

fn write<T: Serialize>(value: &T, how: &SampleText, out: &mut Vec<u8>) -> serde_json::Result<()> {
    match (how.pretty, how.escaped) {
        (false, false) => serde_json::to_writer(out, value),
        (true, false) => serde_json::to_writer_pretty(out, value),
        (false, true) => value.serialize(&mut serde_json::Serializer::with_formatter(
            out,
            Escaping(CompactFormatter),
        )),
        (true, true) => value.serialize(&mut serde_json::Serializer::with_formatter(
            out,
            Escaping(PrettyFormatter::new()),
        )),
    }
}

fn break_items(v: &mut serde_json::Value, n: usize) {
    let last = v["audits"]
        .as_array_mut()
        .and_then(|a| a.last_mut())
        .and_then(|a| a["checklists"].as_array_mut())
        .and_then(|c| c.last_mut())
        .and_then(|c| c["items"].as_array_mut());
    if let Some(items) = last {
        for k in 0..n {
            items.push(serde_json::json!({
                "id": format!("broken{k:06}"),
                "clauses": ["8.1"],
                "question": "Câu hỏi có kết quả sai định dạng?",
                "result": "bogus",
            }));
        }
    }
}

/// A formatter that escapes every non-ASCII character, around another formatter.
struct Escaping<F>(F);

impl<F: Formatter> Formatter for Escaping<F> {
    fn write_string_fragment<W: ?Sized + Write>(&mut self, w: &mut W, s: &str) -> io::Result<()> {
        let mut start = 0;
        for (i, c) in s.char_indices() {
            if c.is_ascii() {
                continue;
            }
            // `start` and `i` are character boundaries, `start <= i`.
            w.write_all(s.get(start..i).unwrap_or_default().as_bytes())?;
            let mut units = [0u16; 2];
            for u in c.encode_utf16(&mut units) {
                write!(w, "\\u{u:04x}")?;
            }
            start = i + c.len_utf8();
        }
        w.write_all(s.get(start..).unwrap_or_default().as_bytes())
    }
    fn begin_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_array(w)
    }
    fn end_array<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array(w)
    }
    fn begin_array_value<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_array_value(w, first)
    }
    fn end_array_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_array_value(w)
    }
    fn begin_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object(w)
    }
    fn end_object<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object(w)
    }
    fn begin_object_key<W: ?Sized + Write>(&mut self, w: &mut W, first: bool) -> io::Result<()> {
        self.0.begin_object_key(w, first)
    }
    fn end_object_key<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_key(w)
    }
    fn begin_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.begin_object_value(w)
    }
    fn end_object_value<W: ?Sized + Write>(&mut self, w: &mut W) -> io::Result<()> {
        self.0.end_object_value(w)
    }
}
