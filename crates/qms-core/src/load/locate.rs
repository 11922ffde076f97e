//! Finds the line and column where values of a JSON text begin, so that problems found on the
//! parsed dossier can point into the file the user edits.
//!
//! Linear in the text plus the paths asked for, whatever the line structure: the wanted paths
//! are merged into a tree that the scan walks alongside the text (values outside it are skipped
//! without building any path), byte offsets are collected, and lines and columns are counted in
//! one final sweep over the text (counting each column from its line's start would be quadratic
//! on a dossier written on one line, as software writes them).

use super::path::{JsonPath, Segment};
use std::collections::HashMap;

/// A 1-based line and column (columns count characters).
pub(crate) type Position = (usize, usize);

/// For each wanted path, the position of its deepest prefix present in `text` (the path itself
/// when it exists; a missing member is thus placed at its object). `None` only when not even
/// the root could be found (empty text).
pub(crate) fn locate(text: &str, wanted: &[&JsonPath]) -> Vec<Option<Position>> {
    locate_counted(text, wanted).0
}

/// [`locate`], also returning the bytes examined (scan and column sweep), for tests that guard
/// the linear behaviour.
pub(crate) fn locate_counted(text: &str, wanted: &[&JsonPath]) -> (Vec<Option<Position>>, usize) {
    if wanted.is_empty() {
        return (Vec::new(), 0);
    }
    let mut tree = Tree::default();
    let ends: Vec<usize> = wanted.iter().map(|p| tree.insert(p)).collect();
    let mut s = Scanner {
        bytes: text.as_bytes(),
        pos: 0,
        tree: &mut tree,
        remaining: 0,
        work: 0,
    };
    s.remaining = s.tree.nodes.len();
    s.skip_ws();
    s.value(0, 0);
    let mut work = s.work + s.pos;
    let offsets = tree.offsets_to_positions(text, &mut work);
    let positions = ends
        .into_iter()
        .map(|end| tree.deepest_found(end, &offsets))
        .collect();
    (positions, work)
}

/// The wanted paths merged into a tree; node 0 is the root.
#[derive(Default)]
struct Tree {
    nodes: Vec<Node>,
}

#[derive(Default)]
struct Node {
    keys: HashMap<String, usize>,
    indices: HashMap<usize, usize>,
    parent: usize,
    /// Byte offset where the value (or the member's key) begins, once scanned.
    found: Option<usize>,
}

impl Tree {
    /// Adds a path, returning the node where it ends.
    fn insert(&mut self, path: &JsonPath) -> usize {
        if self.nodes.is_empty() {
            self.nodes.push(Node::default());
        }
        let mut at = 0;
        for seg in path.segments() {
            let next = self.nodes.len();
            // `at` is always a node of the tree: the root, or a child pushed below.
            let Some(node) = self.nodes.get_mut(at) else {
                break;
            };
            let child = match seg {
                Segment::Key(k) => *node.keys.entry(k.clone()).or_insert(next),
                Segment::Index(i) => *node.indices.entry(*i).or_insert(next),
            };
            if child == next {
                self.nodes.push(Node {
                    parent: at,
                    ..Node::default()
                });
            }
            at = child;
        }
        at
    }

    /// The position of the deepest found node on the way from the root to `end`.
    fn deepest_found(&self, end: usize, offsets: &HashMap<usize, Position>) -> Option<Position> {
        let mut at = end;
        loop {
            let node = self.nodes.get(at)?;
            if let Some(off) = node.found {
                return offsets.get(&off).copied();
            }
            if at == 0 {
                return None;
            }
            at = node.parent;
        }
    }

    /// Lines and columns of every found offset, in one sweep over the text.
    fn offsets_to_positions(&self, text: &str, work: &mut usize) -> HashMap<usize, Position> {
        let offsets: Vec<usize> = self.nodes.iter().filter_map(|n| n.found).collect();
        offsets_to_positions(text, offsets, work)
    }
}

/// Lines and columns of byte offsets of `text`, in one sweep over the text.
pub(crate) fn offsets_to_positions(
    text: &str,
    mut offsets: Vec<usize>,
    work: &mut usize,
) -> HashMap<usize, Position> {
    offsets.sort_unstable();
    offsets.dedup();
    let bytes = text.as_bytes();
    let (mut line, mut col, mut at) = (1, 1, 0);
    let mut out = HashMap::with_capacity(offsets.len());
    for off in offsets {
        let off = off.min(bytes.len());
        // Offsets are sorted and clamped, so `at <= off <= len`.
        for &b in bytes.get(at..off).unwrap_or_default() {
            if b == b'\n' {
                line += 1;
                col = 1;
            } else if b & 0xC0 != 0x80 {
                // Columns count characters: continuation bytes do not start one.
                col += 1;
            }
        }
        *work += off - at;
        at = off;
        out.insert(off, (line, col));
    }
    out
}

struct Scanner<'a, 't> {
    bytes: &'a [u8],
    pos: usize,
    tree: &'t mut Tree,
    /// Tree nodes not found yet: the scan stops when none is left.
    remaining: usize,
    /// Bytes examined beyond the scan position (escaped keys decoded).
    work: usize,
}

impl Scanner<'_, '_> {
    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn skip_ws(&mut self) {
        while matches!(self.peek(), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            self.pos += 1;
        }
    }

    fn mark(&mut self, node: usize, at: usize) {
        if let Some(n) = self.tree.nodes.get_mut(node)
            && n.found.is_none()
        {
            n.found = Some(at);
            self.remaining = self.remaining.saturating_sub(1);
        }
    }

    /// Scans one value of the tree node `node` starting at the current position (whitespace
    /// already skipped). Recursion follows the tree only, whose depth is that of the paths asked
    /// for; everything else is skipped without recursion.
    fn value(&mut self, node: usize, depth: usize) {
        self.mark(node, self.pos);
        // Deeper than any dossier (serde_json itself stops at 128): give up rather than recurse.
        if self.remaining == 0 || depth > 256 {
            return;
        }
        let leaf = self
            .tree
            .nodes
            .get(node)
            .is_none_or(|n| n.keys.is_empty() && n.indices.is_empty());
        if leaf {
            return self.skip_value();
        }
        match self.peek() {
            Some(b'{') => {
                self.pos += 1;
                loop {
                    self.skip_ws();
                    match self.peek() {
                        Some(b'"') => {
                            let key_at = self.pos;
                            let child = self.key_child(node);
                            self.skip_ws();
                            if self.peek() == Some(b':') {
                                self.pos += 1;
                            }
                            self.skip_ws();
                            match child {
                                Some(c) => {
                                    // Members are located at their key, where a reader looks first.
                                    self.mark(c, key_at);
                                    self.value(c, depth + 1);
                                    if self.remaining == 0 {
                                        return;
                                    }
                                }
                                None => self.skip_value(),
                            }
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
                            let child = self.tree.nodes.get(node);
                            match child.and_then(|n| n.indices.get(&i).copied()) {
                                Some(c) => {
                                    self.value(c, depth + 1);
                                    if self.remaining == 0 {
                                        return;
                                    }
                                }
                                None => self.skip_value(),
                            }
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
            _ => self.skip_value(),
        }
    }

    /// Reads a member's key and returns the tree node it leads to, if any.
    fn key_child(&mut self, node: usize) -> Option<usize> {
        let start = self.pos + 1;
        let escaped = self.skip_string();
        let end = self.pos.saturating_sub(1).max(start);
        let keys = &self.tree.nodes.get(node)?.keys;
        if keys.is_empty() {
            return None;
        }
        let raw = std::str::from_utf8(self.bytes.get(start..end)?).ok()?;
        if !escaped {
            return keys.get(raw).copied();
        }
        self.work += raw.len();
        let key: String = serde_json::from_str(&format!("\"{raw}\"")).ok()?;
        keys.get(&key).copied()
    }

    /// Skips a string (at its opening quote); returns whether it had escapes.
    fn skip_string(&mut self) -> bool {
        self.pos += 1;
        let mut escaped = false;
        while let Some(b) = self.peek() {
            self.pos += 1;
            match b {
                b'\\' => {
                    escaped = true;
                    self.pos += 1;
                }
                b'"' => return escaped,
                _ => {}
            }
        }
        escaped
    }

    /// Skips one value of any depth without recursion (hostile nesting cannot overflow).
    fn skip_value(&mut self) {
        let mut depth = 0usize;
        while let Some(b) = self.peek() {
            match b {
                b'"' => {
                    self.skip_string();
                    if depth == 0 {
                        return;
                    }
                    continue;
                }
                b'{' | b'[' => depth += 1,
                b'}' | b']' => {
                    if depth == 0 {
                        // The end of the enclosing container: leave it to the caller.
                        return;
                    }
                    depth -= 1;
                    if depth == 0 {
                        self.pos += 1;
                        return;
                    }
                }
                b',' | b' ' | b'\n' | b'\r' | b'\t' if depth == 0 => return,
                _ => {}
            }
            self.pos += 1;
        }
    }
}

/// The 1-based line and column of a byte offset in `text`.
pub(crate) fn position_of_offset(text: &[u8], offset: usize) -> Position {
    let upto = text.get(..offset).unwrap_or(text);
    let line = upto.iter().filter(|&&b| b == b'\n').count() + 1;
    let line_start = upto.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let col = String::from_utf8_lossy(upto.get(line_start..).unwrap_or_default())
        .chars()
        .count()
        + 1;
    (line, col)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str, p: &JsonPath) -> Option<Position> {
        locate(text, &[p])[0]
    }

    #[test]
    fn finds_keys_and_elements() {
        let text = "{\n  \"a\": [1,\n    {\"b\": \"x\\\"y\"}],\n  \"c\": {\"d\": true}\n}";
        let p1 = JsonPath::root().key("a").index(1).key("b");
        let p2 = JsonPath::root().key("c").key("d");
        let p3 = JsonPath::root().key("a").index(1);
        let p4 = JsonPath::root().key("zz");
        let found = locate(text, &[&p1, &p2, &p3, &p4]);
        assert_eq!(found[0], Some((3, 6)));
        assert_eq!(found[2], Some((3, 5)));
        assert_eq!(found[1], Some((4, 9)));
        // Absent: placed at its nearest existing parent, the root.
        assert_eq!(found[3], Some((1, 1)));
    }

    #[test]
    fn escaped_keys_and_skipped_values() {
        let text = "{\"x\": [[1, {\"q\": \"]}\"}], \"s\"], \"k\\u00e9y\": {\"in\": [true, null]}}";
        let p = JsonPath::root().key("kéy").key("in").index(1);
        assert_eq!(one(text, &p), Some((1, 58)));
        let missing = JsonPath::root().key("kéy").key("out");
        assert_eq!(one(text, &missing), Some((1, 32)));
    }

    #[test]
    fn hostile_nesting_does_not_overflow() {
        let text = "[".repeat(1_000_000);
        let p = JsonPath::root().index(0).index(0);
        assert_eq!(one(&text, &p), Some((1, 3)));
        let deep = JsonPath::root().index(5).key("x");
        assert_eq!(one(&text, &deep), Some((1, 1)));
    }

    #[test]
    fn columns_count_characters() {
        let text = "{\"tên\": \"Đơn vị\", \"x\": 1}";
        let p = JsonPath::root().key("x");
        assert_eq!(one(text, &p), Some((1, 19)));
        assert_eq!(position_of_offset("ab\ncdé".as_bytes(), 7), (2, 4));
        let crlf = "{\r\n  \"a\": 1,\r\n  \"b\": 2\r\n}";
        assert_eq!(one(crlf, &JsonPath::root().key("b")), Some((3, 3)));
    }

    /// A one-line array of `n` records with a path wanted in each: the work must stay linear in
    /// the text (counting columns from each line's start was quadratic here).
    #[test]
    fn one_line_work_is_linear() {
        let work = |n: usize| {
            let body: Vec<String> = (0..n)
                .map(|i| format!("{{\"id\": \"r{i}\", \"v\": \"Đơn vị {i}\"}}"))
                .collect();
            let text = format!("{{\"rows\": [{}]}}", body.join(", "));
            let paths: Vec<JsonPath> = (0..n)
                .map(|i| JsonPath::root().key("rows").index(i).key("v"))
                .collect();
            let refs: Vec<&JsonPath> = paths.iter().collect();
            let (found, work) = locate_counted(&text, &refs);
            assert!(found.iter().all(Option::is_some));
            assert!(
                work <= 2 * text.len(),
                "{work} bytes examined for {}",
                text.len()
            );
            (work, text.len())
        };
        let (small, _) = work(2_000);
        let (large, _) = work(20_000);
        assert!(
            large <= 11 * small,
            "×{} work for ×10 records",
            large / small.max(1)
        );
    }
}
