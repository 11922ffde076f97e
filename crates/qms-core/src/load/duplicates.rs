//! Finds object members written twice in the same object (`{"id": "a", "id": "b"}`): a JSON
//! parser keeps the last one silently, so what the user sees in the file is not what loads.
//!
//! One pass over text already known to be valid JSON, with a set of keys per open object (freed
//! when the object closes): linear in the text, whatever its shape. A dossier's objects have a
//! few members each, so the set is a short list searched in place (no hashing, its storage
//! reused from object to object), and becomes a hash map only past [`SMALL`] members, so that
//! an object of a million members stays linear. Nesting is walked with an explicit stack,
//! never recursion.

use super::path::{JsonPath, Segment};
use std::borrow::Cow;
use std::collections::HashMap;

/// A member written twice in one object.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Duplicate {
    /// The member (its object's path and the key).
    pub(crate) path: JsonPath,
    /// The key, decoded.
    pub(crate) key: String,
    /// Byte offset of the first occurrence's key.
    pub(crate) first: usize,
    /// Byte offset of the repeated key.
    pub(crate) second: usize,
}

/// Members past which an object's keys are hashed.
const SMALL: usize = 32;

/// The keys of one object, each with the offset of its first occurrence.
enum Keys<'a> {
    Few(Vec<(Cow<'a, str>, usize)>),
    Many(HashMap<Cow<'a, str>, usize>),
}

impl<'a> Keys<'a> {
    fn get(&self, key: &str) -> Option<usize> {
        match self {
            Keys::Few(v) => v.iter().find(|(k, _)| k == key).map(|(_, at)| *at),
            Keys::Many(m) => m.get(key).copied(),
        }
    }

    fn insert(&mut self, key: Cow<'a, str>, at: usize) {
        match self {
            Keys::Few(v) if v.len() >= SMALL => {
                let mut m: HashMap<Cow<'a, str>, usize> = v.drain(..).collect();
                m.insert(key, at);
                *self = Keys::Many(m);
            }
            Keys::Few(v) => v.push((key, at)),
            Keys::Many(m) => {
                m.insert(key, at);
            }
        }
    }
}

enum Frame<'a> {
    Object {
        keys: Keys<'a>,
        /// The key whose value is being read.
        current: Option<Cow<'a, str>>,
    },
    Array {
        index: usize,
    },
}

/// Every repeated member in `text` (valid JSON), in file order, at most `limit` of them.
pub(crate) fn find(text: &str, limit: usize) -> Vec<Duplicate> {
    let bytes = text.as_bytes();
    let mut stack: Vec<Frame<'_>> = Vec::new();
    // Emptied key lists of closed objects, reused by the next ones.
    let mut spare: Vec<Vec<(Cow<'_, str>, usize)>> = Vec::new();
    let mut out = Vec::new();
    // Whether the next string in the innermost object is a key.
    let mut expect_key = false;
    let mut pos = 0;
    while let Some(&b) = bytes.get(pos) {
        match b {
            b'{' => {
                stack.push(Frame::Object {
                    keys: Keys::Few(spare.pop().unwrap_or_default()),
                    current: None,
                });
                expect_key = true;
                pos += 1;
            }
            b'[' => {
                stack.push(Frame::Array { index: 0 });
                expect_key = false;
                pos += 1;
            }
            b'}' | b']' => {
                if let Some(Frame::Object {
                    keys: Keys::Few(mut v),
                    ..
                }) = stack.pop()
                {
                    v.clear();
                    spare.push(v);
                }
                expect_key = false;
                pos += 1;
            }
            b',' => {
                match stack.last_mut() {
                    Some(Frame::Array { index }) => *index += 1,
                    Some(Frame::Object { .. }) => expect_key = true,
                    None => {}
                }
                pos += 1;
            }
            b':' => {
                expect_key = false;
                pos += 1;
            }
            b'"' => {
                let start = pos;
                let (end, escaped) = string_end(bytes, pos);
                pos = end;
                if !expect_key {
                    continue;
                }
                let raw = text.get(start + 1..end.saturating_sub(1)).unwrap_or("");
                let key: Cow<'_, str> = if escaped {
                    // Two spellings of one key (`"id"` and `"\u0069d"`) are the same member.
                    match serde_json::from_str::<String>(text.get(start..end).unwrap_or("\"\"")) {
                        Ok(k) => Cow::Owned(k),
                        Err(_) => Cow::Borrowed(raw),
                    }
                } else {
                    Cow::Borrowed(raw)
                };
                let seen = match stack.last() {
                    Some(Frame::Object { keys, .. }) => keys.get(&key),
                    _ => None,
                };
                if let Some(first) = seen
                    && out.len() < limit
                {
                    // The path is built only for a duplicate: cheap on clean files.
                    out.push(Duplicate {
                        path: path_of(&stack, &key),
                        key: key.to_string(),
                        first,
                        second: start,
                    });
                }
                if let Some(Frame::Object { keys, current }) = stack.last_mut() {
                    if seen.is_none() {
                        keys.insert(key.clone(), start);
                    }
                    *current = Some(key);
                }
            }
            _ => pos += 1,
        }
    }
    out
}

/// The end (just past the closing quote) of the string opening at `start`, and whether it has
/// escapes.
fn string_end(bytes: &[u8], start: usize) -> (usize, bool) {
    let mut pos = start + 1;
    let mut escaped = false;
    loop {
        // Most of a dossier is the text inside strings: step over it eight bytes at a time,
        // up to the next quote or backslash.
        while let Some(word) = bytes
            .get(pos..pos + 8)
            .and_then(|w| <[u8; 8]>::try_from(w).ok())
        {
            let w = u64::from_le_bytes(word);
            let found = zero_bytes(w ^ QUOTES) | zero_bytes(w ^ BACKSLASHES);
            if found != 0 {
                // The lowest flag is exact (only bytes above a zero byte can be flagged wrongly).
                pos += (found.trailing_zeros() / 8) as usize;
                break;
            }
            pos += 8;
        }
        match bytes.get(pos) {
            Some(b'\\') => {
                escaped = true;
                pos += 2;
            }
            Some(b'"') => return (pos + 1, escaped),
            Some(_) => pos += 1,
            None => return (bytes.len(), escaped),
        }
    }
}

const QUOTES: u64 = u64::from_le_bytes([b'"'; 8]);
const BACKSLASHES: u64 = u64::from_le_bytes([b'\\'; 8]);

/// The high bit of each byte of `x` that is zero (and possibly of bytes above one that is).
const fn zero_bytes(x: u64) -> u64 {
    x.wrapping_sub(0x0101_0101_0101_0101) & !x & 0x8080_8080_8080_8080
}

/// The path of member `key` of the innermost object on `stack`.
fn path_of(stack: &[Frame<'_>], key: &str) -> JsonPath {
    let mut segs = Vec::with_capacity(stack.len());
    let Some((_, outer)) = stack.split_last() else {
        return JsonPath::root();
    };
    for f in outer {
        match f {
            Frame::Object { current, .. } => {
                segs.push(Segment::Key(current.as_deref().unwrap_or("").to_owned()));
            }
            Frame::Array { index } => segs.push(Segment::Index(*index)),
        }
    }
    segs.push(Segment::Key(key.to_owned()));
    JsonPath::from_segments(segs)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_repeats_with_both_offsets_and_path() {
        let text =
            r#"{"a": [{"id": "x", "b": {"id": 1}, "id": "y"}], "a2": {"k": 1, "\u006b": 2}}"#;
        let d = find(text, 10);
        assert_eq!(d.len(), 2, "{d:?}");
        assert_eq!(d[0].path, JsonPath::root().key("a").index(0).key("id"));
        assert_eq!(d[0].key, "id");
        assert_eq!(&text[d[0].first..d[0].first + 4], "\"id\"");
        assert_eq!(&text[d[0].second..d[0].second + 4], "\"id\"");
        assert!(d[0].first < d[0].second);
        // An escaped spelling of the same key is the same member.
        assert_eq!(d[1].path, JsonPath::root().key("a2").key("k"));
    }

    /// The word-at-a-time skip stops at every quote and backslash, wherever it falls in a
    /// word, next to non-ASCII text too.
    #[test]
    fn string_end_finds_the_closing_quote_at_every_offset() {
        for pad in 0..20 {
            for tail in ["\"", "\\\\\"", "\\\"x\"", "é\"", "\\u0069\""] {
                let text = format!("\"{}{tail} ,", "ả".repeat(pad / 3) + &"a".repeat(pad));
                let (end, escaped) = string_end(text.as_bytes(), 0);
                let close = text.rfind('"').unwrap_or(0) + 1;
                assert_eq!(end, close, "{text:?}");
                assert_eq!(escaped, tail.contains('\\'), "{text:?}");
            }
        }
        assert_eq!(string_end(b"\"abcdefghijkl", 0), (13, false));
        assert_eq!(string_end(b"\"abcdefghij\\", 0), (12, true));
    }

    #[test]
    fn same_key_in_sibling_objects_is_fine() {
        let text = r#"[{"id": 1, "s": "{\"id\": 2, \"id\": 3}"}, {"id": 2}, [{"id": 3}]]"#;
        assert!(find(text, 10).is_empty());
    }

    #[test]
    fn limit_is_kept_and_deep_nesting_does_not_recurse() {
        let text = format!("{{{}}}", vec!["\"k\": 1"; 1_000].join(","));
        assert_eq!(find(&text, 7).len(), 7);
        // Past the short list, the hashed keys still remember every first occurrence.
        let many: Vec<String> = (0..100).map(|i| format!("\"k{i}\": {i}")).collect();
        let text = format!("{{{}, \"k5\": 0, \"k99\": 0}}", many.join(","));
        let d = find(&text, 10);
        assert_eq!(d.len(), 2);
        assert_eq!(&text[d[0].first..d[0].first + 5], "\"k5\":");
        assert_eq!(d[1].key, "k99");
        let deep = format!("{}{}", "[".repeat(200_000), "]".repeat(200_000));
        assert!(find(&deep, 10).is_empty());
    }
}
