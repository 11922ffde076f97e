//! Dossiers written in ASCII with every other character as a `\u` escape (Python's
//! `json.dumps`, .NET's serializers) load at the speed of unescaped ones.
//!
//! serde_json decodes an escape several times slower than it copies a letter, and an escaped
//! Vietnamese dossier has millions of them. When the loader owns the bytes, it decodes the
//! escapes of non-ASCII characters in place first (the text only shrinks), and parses that.
//! Since the original text was all ASCII, every non-ASCII character of the decoded text was an
//! escape: when the original is needed again (to place problems by line and column), it is
//! written back byte for byte ([`restore`]), in place too. A text that could not be restored
//! exactly (hex digits in both cases, a lone surrogate) is not decoded at all.

use std::ops::Range;

/// Where a decoded text ends and how to write it back.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Decoded {
    /// Length of the decoded text at the start of the buffer.
    pub(super) len: usize,
    /// Length of the original text.
    pub(super) original_len: usize,
    /// The escapes' hex letters were upper case (`\u1EC5`).
    upper: bool,
}

/// Decodes, in place, every `\u` escape of a non-ASCII character in `buf`, an all-ASCII JSON
/// text; ASCII escapes (`\u0022`, `\n`) are kept as written. `None`, with `buf` as it was,
/// when the escapes could not be written back exactly: hex letters in both cases, a lone
/// surrogate, an escape without four hex digits (which is no JSON either).
///
/// ```text
/// {"a": "Nguy\u1ec5n"}  ->  {"a": "Nguyễn"}
/// ```
pub(super) fn decode(buf: &mut [u8]) -> Option<Decoded> {
    let (mut r, mut w) = (0, 0);
    let mut case = Case::default();
    let failed = loop {
        // Escaped Vietnamese puts a few letters between escapes: a short look before the
        // vectorised search, whose start-up would cost more than the scan.
        let near = buf
            .get(r..buf.len().min(r + 16))
            .and_then(|s| s.iter().position(|&b| b == b'\\'));
        let Some(off) = near.or_else(|| buf.get(r..).and_then(|rest| memchr::memchr(b'\\', rest)))
        else {
            let rest = buf.len() - r;
            if move_within(buf, r..r + rest, w).is_none() {
                break true;
            }
            (r, w) = (r + rest, w + rest);
            break false;
        };
        if move_within(buf, r..r + off, w).is_none() {
            break true;
        }
        (r, w) = (r + off, w + off);
        if buf.get(r + 1) != Some(&b'u') {
            // A two-character escape (\n, \", \\), or a backslash that ends the text.
            let n = 2.min(buf.len() - r);
            if move_within(buf, r..r + n, w).is_none() {
                break true;
            }
            (r, w) = (r + n, w + n);
            continue;
        }
        // The case of this escape's letters counts only once it is decoded, so that a failure
        // writes back the earlier escapes in theirs.
        let mut next = case;
        let Some(unit) = hex4(buf, r + 2, &mut next) else {
            break true;
        };
        if unit < 0x80 {
            // An escaped ASCII character (a quote, a control character) stays an escape.
            if move_within(buf, r..r + 6, w).is_none() {
                break true;
            }
            (r, w) = (r + 6, w + 6);
            continue;
        }
        let (code, taken) = match unit {
            0xD800..0xDC00 => {
                let low = match (buf.get(r + 6), buf.get(r + 7)) {
                    (Some(b'\\'), Some(b'u')) => hex4(buf, r + 8, &mut next),
                    _ => None,
                };
                let Some(low @ 0xDC00..0xE000) = low else {
                    break true;
                };
                (0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00), 12)
            }
            0xDC00..0xE000 => break true,
            _ => (unit, 6),
        };
        let Some(c) = char::from_u32(code).filter(|_| !next.mixed()) else {
            // Written back, this escape or an earlier one would come out in the other case.
            break true;
        };
        let Some(slot) = buf.get_mut(w..w + c.len_utf8()) else {
            break true;
        };
        c.encode_utf8(slot);
        (r, w) = (r + taken, w + c.len_utf8());
        case = next;
    };
    let decoded = Decoded {
        len: w,
        original_len: r,
        upper: case.upper,
    };
    if failed {
        // The escapes before `r` were decoded into `..w`: write them back, and the text is as
        // it was (what follows `r` was not touched).
        restore(buf, &decoded);
        return None;
    }
    Some(decoded)
}

/// Writes a text decoded by [`decode`] back as it was, byte for byte.
pub(super) fn restore(buf: &mut [u8], d: &Decoded) {
    let (mut r, mut w) = (d.len, d.original_len);
    // From the end, since the text grows: what is written never reaches what is still to read
    // (each escape is longer than its character).
    while r > 0 {
        let Some(before) = buf.get(..r) else {
            return;
        };
        let Some(last) = before.iter().rposition(|&b| b >= 0x80) else {
            // ASCII only from here to the start, which is where it already is.
            return;
        };
        // The ASCII after the character moves up as it is.
        let ascii = r - (last + 1);
        if move_within(buf, last + 1..r, w - ascii).is_none() {
            return;
        }
        w -= ascii;
        // The character's first byte (not a continuation byte 10xxxxxx).
        let Some(start) = buf
            .get(..=last)
            .and_then(|b| b.iter().rposition(|&b| b & 0xC0 != 0x80))
        else {
            return;
        };
        let Some(c) = buf
            .get(start..=last)
            .and_then(|b| std::str::from_utf8(b).ok())
            .and_then(|s| s.chars().next())
        else {
            return;
        };
        let mut units = [0u16; 2];
        let units = c.encode_utf16(&mut units);
        let len = 6 * units.len();
        let Some(slot) = w.checked_sub(len).and_then(|at| buf.get_mut(at..w)) else {
            return;
        };
        for (escape, &unit) in slot.chunks_exact_mut(6).zip(units.iter()) {
            write_escape(escape, unit, d.upper);
        }
        w -= len;
        r = start;
    }
}

/// `\uXXXX` into a six-byte slot.
fn write_escape(slot: &mut [u8], unit: u16, upper: bool) {
    let digits: &[u8; 16] = if upper {
        b"0123456789ABCDEF"
    } else {
        b"0123456789abcdef"
    };
    let nibble = |shift: u16| digits.get(usize::from((unit >> shift) & 0xF)).copied();
    let bytes = [
        Some(b'\\'),
        Some(b'u'),
        nibble(12),
        nibble(8),
        nibble(4),
        nibble(0),
    ];
    for (s, b) in slot.iter_mut().zip(bytes) {
        *s = b.unwrap_or(b'0');
    }
}

/// Which cases the escapes' hex letters were written in.
#[derive(Debug, Default, Clone, Copy)]
struct Case {
    lower: bool,
    upper: bool,
}

impl Case {
    fn mixed(self) -> bool {
        self.lower && self.upper
    }
}

/// The four hex digits at `at` (see [`super::escapes::hex4_cased`]), noting the case of
/// their letters.
#[inline(always)]
fn hex4(buf: &[u8], at: usize, case: &mut Case) -> Option<u32> {
    use super::escapes::{LOWER, UPPER, hex4_cased};
    let (n, flags) = hex4_cased(buf, at)?;
    case.lower |= flags & LOWER != 0;
    case.upper |= flags & UPPER != 0;
    Some(n)
}

/// `buf.copy_within(src, dest)`, or `None` when a range is outside `buf` (which the callers'
/// arithmetic rules out; checked rather than trusted).
fn move_within(buf: &mut [u8], src: Range<usize>, dest: usize) -> Option<()> {
    let len = src.end.checked_sub(src.start)?;
    if src.end > buf.len() || dest.checked_add(len)? > buf.len() {
        return None;
    }
    buf.copy_within(src, dest);
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(text: &str) -> Option<String> {
        let mut buf = text.as_bytes().to_vec();
        let d = decode(&mut buf)?;
        let decoded = String::from_utf8(buf[..d.len].to_vec()).unwrap();
        restore(&mut buf, &d);
        assert_eq!(buf, text.as_bytes(), "restored");
        Some(decoded)
    }

    #[test]
    fn escapes_of_letters_are_decoded_and_written_back_exactly() {
        let text = r#"{"a": "Nguy\u1ec5n \u0110\u1ee9c", "b": "\"q\" \\u1ec5 \u0022 \n", "c": "\ud83d\ude00!"}"#;
        assert_eq!(
            round_trip(text).unwrap(),
            r#"{"a": "Nguyễn Đức", "b": "\"q\" \\u1ec5 \u0022 \n", "c": "😀!"}"#
        );
        let upper = r#"["\u1EC5\u00E1", "\u0110"]"#;
        assert_eq!(round_trip(upper).unwrap(), r#"["ễá", "Đ"]"#);
        assert_eq!(round_trip("").unwrap(), "");
        assert_eq!(round_trip("no escapes").unwrap(), "no escapes");
        assert_eq!(round_trip("ends with \\").unwrap(), "ends with \\");
    }

    #[test]
    fn texts_that_could_not_be_written_back_are_left_as_they_were() {
        for text in [
            r#"["\u1ec5", "\u1EC5"]"#, // both cases
            r#"["\u1EC5", "\u00e1"]"#,
            r#"["\u1ec5", "\ud83d"]"#, // a lone high surrogate
            r#"["\u1ec5", "\ude00"]"#, // a lone low surrogate
            r#"["\u1ec5", "\u12"]"#,   // not four digits
            r#"["\u1ec5", "\u12g4"]"#,
            "[\"\\u1ec5\", \"\\u1e",
        ] {
            let mut buf = text.as_bytes().to_vec();
            assert_eq!(decode(&mut buf), None, "{text}");
            assert_eq!(buf, text.as_bytes(), "{text}");
        }
    }

    #[test]
    fn every_character_of_the_basic_plane_round_trips() {
        let mut text = String::from("[");
        for code in (0x80..0x1_0000u32).filter(|c| !(0xD800..0xE000).contains(c)) {
            text.push_str(&format!("\"\\u{code:04x}\","));
        }
        text.push_str("\"\\ud800\\udc00\", \"\\udbff\\udfff\"]");
        let decoded = round_trip(&text).unwrap();
        let value: Vec<String> = serde_json::from_str(&decoded).unwrap();
        let original: Vec<String> = serde_json::from_str(&text).unwrap();
        assert_eq!(value, original);
    }
}
