//! Finds the line and column where values of a JSON text begin, so that problems found on the
//! parsed dossier can point into the file the user edits.

use super::path::{JsonPath, Segment};
use std::collections::HashMap;

/// A 1-based line and column (columns count characters).
pub(crate) type Position = (usize, usize);

/// Returns the position of each wanted path that exists in `text` (valid JSON).
///
/// One pass over the text; only called when there are problems to report.
pub(crate) fn locate(text: &str, wanted: &[&JsonPath]) -> HashMap<JsonPath, Position> {
    let mut found = HashMap::new();
    if wanted.is_empty() {
        return found;
    }
    // Every prefix is wanted too, so that a path absent from the text (a missing member) can be
    // placed at its nearest existing parent.
    let prefixes: Vec<JsonPath> = wanted
        .iter()
        .flat_map(|p| {
            (0..p.segments().len()).map(|n| JsonPath::from_segments(p.segments()[..n].to_vec()))
        })
        .collect();
    let want: std::collections::HashSet<&JsonPath> =
        wanted.iter().copied().chain(prefixes.iter()).collect();
    let mut s = Scanner {
        bytes: text.as_bytes(),
        text,
        pos: 0,
        line: 1,
        line_start: 0,
        path: Vec::new(),
        want: &want,
        found: &mut found,
        remaining: want.len(),
    };
    s.skip_ws();
    s.value();
    found
}

struct Scanner<'a, 'b> {
    bytes: &'a [u8],
    text: &'a str,
    pos: usize,
    line: usize,
    line_start: usize,
    path: Vec<Segment>,
    want: &'b std::collections::HashSet<&'b JsonPath>,
    found: &'b mut HashMap<JsonPath, Position>,
    remaining: usize,
}

impl Scanner<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while let Some(b) = self.peek() {
            match b {
                b'\n' => {
                    self.pos += 1;
                    self.line += 1;
                    self.line_start = self.pos;
                }
                b' ' | b'\t' | b'\r' => self.pos += 1,
                _ => break,
            }
        }
    }

    fn mark(&mut self) {
        let here = JsonPath::from_segments(self.path.clone());
        if self.want.contains(&here) && !self.found.contains_key(&here) {
            let col = self
                .text
                .get(self.line_start..self.pos)
                .map_or(0, |t| t.chars().count())
                + 1;
            self.found.insert(here, (self.line, col));
            self.remaining = self.remaining.saturating_sub(1);
        }
    }

    /// Scans one value starting at the current position (whitespace already skipped).
    fn value(&mut self) {
        // Deeper than any dossier (serde_json itself stops at 128): give up rather than recurse
        // on hostile input.
        if self.remaining == 0 || self.path.len() > 256 {
            return;
        }
        self.mark();
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b'"') => {
                            let key_pos = (self.line, self.pos, self.line_start);
                            let key = self.string();
                            self.path.push(Segment::Key(key));
                            // Members are located at their key, where a reader looks first.
                            let (l, p, ls) = (self.line, self.pos, self.line_start);
                            (self.line, self.pos, self.line_start) = key_pos;
                            self.mark();
                            (self.line, self.pos, self.line_start) = (l, p, ls);
                            self.skip_ws();
                            if self.peek() == Some(b':') {
                                self.pos += 1;
                            }
                            self.skip_ws();
                            self.value();
                            self.path.pop();
                            self.skip_ws();
                            if self.peek() == Some(b',') {
                                self.pos += 1;
                            }
                        }
                        Some(b'}') => {
                            self.pos += 1;
                            return;
                        }
                        _ => return,
                    }
                }
            }
            Some(b'[') => {
                self.pos += 1;
                let mut i = 0;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b']') => {
                            self.pos += 1;
                            return;
                        }
                        None => return,
                        _ => {
                            self.path.push(Segment::Index(i));
                            self.value();
                            self.path.pop();
                            i += 1;
                            self.skip_ws();
                            if self.peek() == Some(b',') {
                                self.pos += 1;
                            } else if self.peek() != Some(b']') {
                                return;
                            }
                        }
                    }
                }
            }
            Some(b'"') => {
                self.string();
            }
            Some(_) => {
                while let Some(b) = self.peek() {
                    if matches!(b, b',' | b'}' | b']' | b' ' | b'\n' | b'\r' | b'\t') {
                        break;
                    }
                    self.pos += 1;
                }
            }
            None => {}
        }
    }

    /// Scans a string, returning its decoded content (escapes resolved simply).
    fn string(&mut self) -> String {
        self.pos += 1;
        let start = self.pos;
        let mut escaped = false;
        while let Some(b) = self.peek() {
            self.pos += 1;
            if b == b'\\' {
                escaped = true;
                self.pos += 1;
            } else if b == b'"' {
                let raw = self.text.get(start..self.pos - 1).unwrap_or("");
                if !escaped {
                    return raw.to_owned();
                }
                let quoted = format!("\"{raw}\"");
                return serde_json::from_str(&quoted).unwrap_or_else(|_| raw.to_owned());
            }
        }
        String::new()
    }
}

/// The 1-based line and column of a byte offset in `text`.
pub(crate) fn position_of_offset(text: &[u8], offset: usize) -> Position {
    let upto = &text[..offset.min(text.len())];
    let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(&upto[line_start..]).chars().count() + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_keys_and_elements() {
        let text = "{\n  \"a\": [1,\n    {\"b\": \"x\\\"y\"}],\n  \"c\": {\"d\": true}\n}";
        let p1 = JsonPath::root().key("a").index(1).key("b");
        let p2 = JsonPath::root().key("c").key("d");
        let p3 = JsonPath::root().key("a").index(1);
        let p4 = JsonPath::root().key("zz");
        let found = locate(text, &[&p1, &p2, &p3, &p4]);
        assert_eq!(found.get(&p1), Some(&(3, 6)));
        assert_eq!(found.get(&p3), Some(&(3, 5)));
        assert_eq!(found.get(&p2), Some(&(4, 9)));
        assert_eq!(found.get(&p4), None);
    }

    #[test]
    fn hostile_nesting_does_not_overflow() {
        let text = "[".repeat(1_000_000);
        let p = JsonPath::root().index(0).index(0);
        assert!(locate(&text, &[&p]).contains_key(&p));
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"tên\": \"Đơn vị\", \"x\": 1}";
        let p = JsonPath::root().key("x");
        assert_eq!(locate(text, &[&p]).get(&p), Some(&(1, 19)));
        assert_eq!(position_of_offset("ab\ncdé".as_bytes(), 7), (2, 4));
    }
}
