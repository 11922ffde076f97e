//! A small streaming XML writer for WordprocessingML parts.
//!
//! Parts are written as text into a buffer that is flushed into the zip entry every
//! [`FLUSH_AT`] bytes, so a 10,000-finding report never holds its whole `document.xml` in
//! memory. Writing into a zip entry can fail only with an I/O error; the first one is kept and
//! reported by [`Xml::finish`], so the document builders stay free of `?` on every call.

use std::io::{self, Write};

/// Bytes buffered before they are handed to the sink.
const FLUSH_AT: usize = 64 * 1024;

/// Streaming XML text with WordprocessingML helpers.
pub(crate) struct Xml<'a> {
    buf: String,
    sink: &'a mut dyn Write,
    error: Option<io::Error>,
    /// Tag runs holding Vietnamese letters `vi-VN` (English documents quote Vietnamese names
    /// and titles; Word would mark every word of them as an English misspelling).
    pub(crate) tag_vietnamese: bool,
    /// An empty paragraph owed after a table (see `Xml::spacer_after_table`).
    pub(crate) spacer_pending: bool,
    /// A heading waiting for the paragraph it must stay with (see `heading_block.rs`).
    pub(crate) heading: crate::heading_block::Pending,
    /// Width of the text area in twips, for the blocks that keep a heading with its text.
    pub(crate) text_width: u32,
}

impl<'a> Xml<'a> {
    /// A writer into `sink`.
    pub(crate) fn new(sink: &'a mut dyn Write) -> Xml<'a> {
        Xml {
            buf: String::with_capacity(FLUSH_AT + 4096),
            sink,
            error: None,
            tag_vietnamese: false,
            spacer_pending: false,
            heading: crate::heading_block::Pending::default(),
            text_width: 9355,
        }
    }

    /// How many bytes the buffer holds: a place to insert markup at later.
    pub(crate) fn mark(&self) -> usize {
        self.buf.len()
    }

    /// Inserts markup at a place taken with [`Xml::mark`] (the buffer has not been flushed
    /// since: see `maybe_flush`).
    pub(crate) fn insert_at(&mut self, at: usize, markup: &str) {
        if self.buf.is_char_boundary(at) {
            self.buf.insert_str(at, markup);
        }
    }

    /// Appends markup as is.
    pub(crate) fn raw(&mut self, markup: &str) {
        self.buf.push_str(markup);
    }

    /// Appends character data, escaped. Characters XML 1.0 forbids (C0 controls other than
    /// tab and line breaks, which callers handle) are dropped: Word refuses a part holding one.
    pub(crate) fn text(&mut self, text: &str) {
        escape_into(&mut self.buf, text, false);
    }

    /// Appends a number.
    pub(crate) fn num(&mut self, n: impl std::fmt::Display) {
        use std::fmt::Write as _;
        // Writing into a String cannot fail.
        let _ = write!(self.buf, "{n}");
    }

    /// Hands the buffer to the sink once it is large enough.
    pub(crate) fn maybe_flush(&mut self) {
        // A heading still waiting for its paragraph may yet be wrapped: keep it in the buffer.
        if self.buf.len() >= FLUSH_AT && !self.heading.holds() {
            self.flush();
        }
    }

    fn flush(&mut self) {
        if self.error.is_none()
            && let Err(e) = self.sink.write_all(self.buf.as_bytes())
        {
            self.error = Some(e);
        }
        self.buf.clear();
    }

    /// Flushes what is left and reports the first write error, if any.
    pub(crate) fn finish(mut self) -> io::Result<()> {
        self.flush();
        match self.error.take() {
            Some(e) => Err(e),
            None => Ok(()),
        }
    }
}

/// Escaped character data as a string, for the small parts built with `format!`.
pub(crate) fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, true);
    out
}

fn escape_into(buf: &mut String, text: &str, quotes: bool) {
    // Most text needs nothing done: copy it whole. Every character handled below starts
    // with one of these bytes (U+FFFE and U+FFFF with 0xEF).
    if !text
        .bytes()
        .any(|b| b < 0x20 || matches!(b, b'&' | b'<' | b'>' | b'"' | 0xEF))
    {
        buf.push_str(text);
        return;
    }
    for c in text.chars() {
        match c {
            '&' => buf.push_str("&amp;"),
            '<' => buf.push_str("&lt;"),
            '>' => buf.push_str("&gt;"),
            '"' if quotes => buf.push_str("&quot;"),
            '\t' | '\n' | '\r' => buf.push(if quotes { ' ' } else { c }),
            c if (c as u32) < 0x20 || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => buf.push(c),
        }
    }
}

/// The markup `f` writes, for unit tests of the writers.
#[cfg(test)]
#[allow(clippy::unwrap_used)]
pub(crate) fn render(f: impl FnOnce(&mut Xml<'_>)) -> String {
    let mut out = Vec::new();
    let mut x = Xml::new(&mut out);
    f(&mut x);
    x.finish().unwrap();
    String::from_utf8(out).unwrap()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_and_drops_forbidden_characters() {
        let mut out = Vec::new();
        let mut x = Xml::new(&mut out);
        x.text("a<b & \"c\" \u{1}đ");
        x.raw("<w:t x=\"");
        x.raw(&escape("\"q\"\n"));
        x.raw("\"/>");
        x.finish().unwrap();
        let s = String::from_utf8(out).unwrap();
        assert_eq!(s, "a&lt;b &amp; \"c\" đ<w:t x=\"&quot;q&quot; \"/>");
    }

    #[test]
    fn flushes_in_chunks_and_reports_errors() {
        struct Failing;
        impl Write for Failing {
            fn write(&mut self, _: &[u8]) -> io::Result<usize> {
                Err(io::Error::other("disk full"))
            }
            fn flush(&mut self) -> io::Result<()> {
                Ok(())
            }
        }
        let mut sink = Failing;
        let mut x = Xml::new(&mut sink);
        x.raw(&"x".repeat(FLUSH_AT + 1));
        x.maybe_flush();
        x.raw("more");
        assert!(x.finish().is_err());
    }
}
