//! Whether the `\u` escapes of a JSON text can hide text that is not in Unicode NFC.
//!
//! The loader normalises the raw text; an escape such as `\u0301` is ASCII there and only
//! becomes a combining mark once decoded. Software that escapes everything beyond ASCII
//! (Python's `json.dumps`, .NET's serializers) writes precomposed Vietnamese letters as single
//! escapes, which decode to characters that can neither compose with their neighbours nor be
//! reordered: such texts may be read directly, at the speed of unescaped ones.

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, is_nfc_quick};

/// Whether reading `text` (already NFC by quick check) straight into the model gives NFC
/// strings: true when every `\u` escape decodes to a starter that is NFC on its own.
///
/// Decoding replaces ASCII starters by such starters, so the quick check's verdict on the text
/// (every character allowed, marks in canonical order between starters) holds for every
/// decoded string as well.
pub(super) fn escapes_keep_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut cache = [(u32::MAX, false); 1024];
    let mut i = 0;
    // `get` because a two-character escape may step past the end of a text that ends with `\`.
    while let Some(off) = bytes.get(i..).and_then(|rest| memchr::memchr(b'\\', rest)) {
        i += off;
        if bytes.get(i + 1) != Some(&b'u') {
            // A two-character escape (\n, \", \\ ...): ASCII once decoded too.
            i += 2;
            continue;
        }
        // `\u00..`, `\u01..`, `\u02..` and `\u1e..` are in [`starter_range`] whatever the last
        // two digits, if they are hex: told from the first two without decoding.
        if let Some(&[a, b, c, d]) = bytes.get(i + 2..i + 6)
            && matches!((a, b), (b'0', b'0'..=b'2') | (b'1', b'e' | b'E'))
            && c.is_ascii_hexdigit()
            && d.is_ascii_hexdigit()
        {
            i += 6;
            continue;
        }
        let Some(unit) = hex4(bytes, i + 2) else {
            return false;
        };
        i += 6;
        let code = if (0xD800..0xDC00).contains(&unit) {
            let low = match (bytes.get(i), bytes.get(i + 1)) {
                (Some(b'\\'), Some(b'u')) => hex4(bytes, i + 2),
                _ => None,
            };
            let Some(low) = low.filter(|l| (0xDC00..0xE000).contains(l)) else {
                return false;
            };
            i += 6;
            0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
        } else {
            unit
        };
        // Most escaped Vietnamese letters are below U+0300 or in U+1E00..=U+1EFF, starters
        // that are their own NFC (as `scan` assumes too; the test
        // `the_fast_ranges_hold_only_nfc_starters` checks every one): no look-up.
        if starter_range(code) {
            continue;
        }
        // The verdict per character is cached: an escaped dossier repeats the hundred-odd
        // Vietnamese letters millions of times, and the two table look-ups were a third of
        // loading it. `% 1024` keeps the index inside the slots, and gives the letters below
        // U+0200 and those of U+1EA0..=U+1EF9 slots of their own.
        let Some(slot) = cache.get_mut(code as usize % 1024) else {
            return false;
        };
        if slot.0 != code {
            let Some(c) = char::from_u32(code) else {
                return false;
            };
            let starter = canonical_combining_class(c) == 0
                && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            *slot = (code, starter);
        }
        if !slot.1 {
            return false;
        }
    }
    true
}

/// Whether a text is certainly NFC (the quick check's "yes"), as
/// `is_nfc_quick(text.chars()) == IsNormalized::Yes` but several times faster on dossiers
/// (the loader calls [`scan`], which also tells whether there is a backslash).
#[cfg(test)]
pub(super) fn quick_nfc(text: &str) -> bool {
    scan(text).nfc
}

/// What one pass over a text found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Scan {
    /// The text is certainly NFC (the quick check's "yes").
    pub(super) nfc: bool,
    /// The text has a backslash (it may have escapes), as far as the pass went: when `nfc`
    /// is false the pass stopped early and this says nothing.
    pub(super) backslash: bool,
}

/// One pass over `text` for [`quick_nfc`] and for whether it has a backslash at all.
///
/// Characters below U+0300 (ASCII and the Latin letters before the combining marks) are their
/// own NFC and starters, and so are the precomposed letters U+1E00..=U+1EFF (bytes E1 B8..BB
/// xx: most Vietnamese letters with two marks). Together they are the bytes below 0xCC and the
/// pairs E1 B8..BB, which are recognised [`CHUNK`] bytes at a time (a loop without branches
/// that the compiler turns into vector instructions); only chunks with other characters are
/// read character by character, looking those up through a small cache since a text uses few
/// distinct ones.
pub(super) fn scan(text: &str) -> Scan {
    let bytes = text.as_bytes();
    let mut cache = [('\0', 0u8, true); 64];
    let mut last_ccc = 0u8;
    let mut backslash = false;
    let mut i = 0;
    let no = Scan {
        nfc: false,
        backslash: false,
    };
    loop {
        // A chunk and the byte after it (the follower of an E1 in its last place).
        while let Some(chunk) = bytes
            .get(i..i + CHUNK + 1)
            .and_then(|c| <&[u8; CHUNK + 1]>::try_from(c).ok())
        {
            let (stop, slash) = chunk_needs_look_up(chunk);
            backslash |= slash;
            if stop {
                break;
            }
            // Starters only (the chunk may end inside one): no mark follows a mark.
            i += CHUNK;
            last_ccc = 0;
        }
        if i >= bytes.len() {
            return Scan {
                nfc: true,
                backslash,
            };
        }
        // The chunk that has a character to look up, or the last bytes: one character at
        // a time.
        let end = i + CHUNK;
        while i < end {
            let Some(&b) = bytes.get(i) else {
                break;
            };
            if b < 0x80 {
                i += 1;
                last_ccc = 0;
                backslash |= b == b'\\';
                continue;
            }
            if b < 0xC0 {
                // The rest of a starter that the chunk step ended inside.
                i += 1;
                continue;
            }
            if b < 0xCC {
                i += 2;
                last_ccc = 0;
                continue;
            }
            if b == 0xE1 && matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) {
                i += 3;
                last_ccc = 0;
                continue;
            }
            let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
                return no;
            };
            i += c.len_utf8();
            // `% 64` keeps the index inside the 64 slots.
            let Some(slot) = cache.get_mut(c as usize % 64) else {
                return no;
            };
            if slot.0 != c {
                let yes = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
                *slot = (c, canonical_combining_class(c), yes);
            }
            let (_, ccc, yes) = *slot;
            if !yes || (ccc != 0 && last_ccc > ccc) {
                return no;
            }
            last_ccc = ccc;
        }
    }
}

/// The bytes [`scan`] recognises at a time.
const CHUNK: usize = 32;

/// Whether the first [`CHUNK`] bytes of `chunk` have a character [`scan`] must look up (a
/// byte of 0xCC or more that is not E1 followed by B8..BB; the last byte of `chunk` only
/// follows), and whether they have a backslash.
fn chunk_needs_look_up(chunk: &[u8; CHUNK + 1]) -> (bool, bool) {
    let (_, next) = chunk.split_first().unwrap_or((&0, &[]));
    let (_, cur) = chunk.split_last().unwrap_or((&0, &[]));
    let (mut stop, mut slash) = (false, false);
    // `&` and `|` rather than `&&` and `||`: no branch, so the loop is vectorised.
    for (&b, &n) in cur.iter().zip(next) {
        stop |= (b >= 0xCC) & !((b == 0xE1) & (n & 0xFC == 0xB8));
        slash |= b == b'\\';
    }
    (stop, slash)
}

/// Whether a code point lies where every character is a starter and its own NFC: below
/// U+0300 (ASCII and the Latin letters before the combining marks) and U+1E00..=U+1EFF (the
/// precomposed Latin letters, most Vietnamese letters with two marks).
fn starter_range(code: u32) -> bool {
    code < 0x300 || code >> 8 == 0x1E
}

/// The four hex digits at `at` (exactly four, no sign), as JSON writes a `\u` escape.
#[inline]
pub(super) fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    hex4_cased(bytes, at).map(|(n, _)| n)
}

/// [`hex4`], and the cases of the digits' letters: [`LOWER`] and [`UPPER`] bits.
#[inline(always)]
pub(super) fn hex4_cased(bytes: &[u8], at: usize) -> Option<(u32, u8)> {
    let digits: &[u8; 4] = bytes.get(at..at + 4)?.try_into().ok()?;
    let mut n = 0u32;
    let mut flags = 0u8;
    // A table look-up per digit and one test at the end: the loader decodes millions of
    // escapes in an escaped dossier.
    for &b in digits {
        let v = HEX.get(usize::from(b)).copied().unwrap_or(NOT_HEX);
        flags |= v;
        n = n << 4 | u32::from(v & 0x0F);
    }
    (flags & NOT_HEX == 0).then_some((n, flags & (LOWER | UPPER)))
}

/// In [`HEX`]: the byte is a lower-case letter.
pub(super) const LOWER: u8 = 0x10;
/// In [`HEX`]: the byte is an upper-case letter.
pub(super) const UPPER: u8 = 0x20;
/// In [`HEX`]: the byte is no hex digit.
const NOT_HEX: u8 = 0x80;

/// The value of each byte as a hex digit, with [`LOWER`] or [`UPPER`] for letters and
/// [`NOT_HEX`] for bytes that are no digit.
// Evaluated while compiling: an index out of range would fail the build, never a run.
#[allow(clippy::indexing_slicing)]
const HEX: [u8; 256] = {
    let mut t = [NOT_HEX; 256];
    let mut i = 0;
    while i < 10 {
        t[b'0' as usize + i] = i as u8;
        i += 1;
    }
    let mut i = 0;
    while i < 6 {
        t[b'a' as usize + i] = (10 + i as u8) | LOWER;
        t[b'A' as usize + i] = (10 + i as u8) | UPPER;
        i += 1;
    }
    t
};

#[cfg(test)]
mod tests {

    #[test]
    fn a_text_ending_in_a_backslash_is_no_panic() {
        // Found by the `load` fuzz target: the step over `\x` went past the end.
        assert!(escapes_keep_nfc("\"cnh\" c\\"));
        assert!(escapes_keep_nfc("\\"));
        assert!(!escapes_keep_nfc("\\u12"));
        let cut = include_bytes!("../../../../fuzz/corpus/load/crash-escape-at-end.json");
        let report = crate::load_report(cut);
        assert!(!report.problems.is_empty());
    }

    use super::escapes_keep_nfc;
    use unicode_normalization::{IsNormalized, is_nfc_quick};

    #[test]
    fn the_fast_ranges_hold_only_nfc_starters() {
        use unicode_normalization::char::canonical_combining_class;
        let mut fast = 0;
        for code in 0..0x11_0000u32 {
            let Some(c) = char::from_u32(code) else {
                continue;
            };
            if super::starter_range(code) {
                fast += 1;
                assert_eq!(canonical_combining_class(c), 0, "U+{code:04X}");
                assert_eq!(
                    is_nfc_quick(std::iter::once(c)),
                    IsNormalized::Yes,
                    "U+{code:04X}"
                );
            }
        }
        assert_eq!(fast, 0x300 + 0x100);
        // Hex digits in either case; anything else is no escape.
        assert_eq!(super::hex4(b"1eE7", 0), Some(0x1EE7));
        for bad in [&b"1eg7"[..], b"12", b"+123", b"12 4"] {
            assert_eq!(super::hex4(bad, 0), None, "{bad:?}");
        }
    }

    #[test]
    fn precomposed_letters_are_safe() {
        // "Nguyễn Đức", "\n", an escaped backslash before a 'u', an emoji as a surrogate pair.
        assert!(escapes_keep_nfc(
            r#"{"a": "Nguy\u1ec5n \u0110\u1ee9c\n", "b": "C:\\users", "c": "\ud83d\ude00"}"#
        ));
        assert!(escapes_keep_nfc("{\"plain\": \"Sở Tư pháp\"}"));
    }

    #[test]
    fn quick_nfc_agrees_with_the_quick_check() {
        let texts = [
            "Sở Tư pháp tỉnh Ninh Bình: Nguyễn Đức Cường, ĐGNB-0001 ©",
            "e\u{301}",
            "0123456789abcdefghijklmnopqrstuvwxyz e\u{301} 0123456789",
            "0123456789abcdefghij\u{1ec5}0123456789abcdefgh\u{323}\u{301}0123",
            "\u{1ec5}\u{323}\u{301}",
            "a\u{323}\u{301}",
            "a\u{301}\u{323}",
            "\u{1100}\u{1161}",
            "Å Ω ﬁ 한국어 \u{f900}",
            "",
        ];
        for t in texts {
            assert_eq!(
                super::quick_nfc(t),
                is_nfc_quick(t.chars()) == IsNormalized::Yes,
                "{t:?}"
            );
        }
    }

    /// The chunk step stops exactly at the bytes of 0xCC and more that are not E1 B8..BB,
    /// wherever they stand (the last one followed by the byte after the chunk), and sees every
    /// backslash.
    #[test]
    fn the_chunk_step_stops_where_it_must() {
        use super::CHUNK;
        for b in 0..=255u8 {
            for next in [b'a', 0xB7, 0xB8, 0xBB, 0xBC, 0xE1] {
                for at in 0..CHUNK {
                    let mut chunk = [b'a'; CHUNK + 1];
                    chunk[at] = b;
                    chunk[at + 1] = next;
                    let stops = |k: usize| {
                        chunk[k] >= 0xCC
                            && !(chunk[k] == 0xE1 && (0xB8..=0xBB).contains(&chunk[k + 1]))
                    };
                    let expected = ((0..CHUNK).any(stops), chunk[..CHUNK].contains(&b'\\'));
                    assert_eq!(super::chunk_needs_look_up(&chunk), expected, "{chunk:x?}");
                }
            }
        }
    }

    /// The backslash is seen wherever it stands, in a word or in the last bytes.
    #[test]
    fn a_backslash_is_seen_anywhere() {
        for len in 1..100 {
            for at in 0..len {
                let mut t = "ư".repeat(len).into_bytes();
                t.truncate(len);
                let mut t: Vec<u8> = t
                    .into_iter()
                    .map(|b| if b < 0x80 { b } else { b'x' })
                    .collect();
                t[at] = b'\\';
                let t = String::from_utf8(t).unwrap();
                assert_eq!(
                    super::scan(&t),
                    super::Scan {
                        nfc: true,
                        backslash: true
                    },
                    "{t:?}"
                );
                let plain = t.replace('\\', "y");
                assert!(!super::scan(&plain).backslash);
            }
        }
    }

    /// Every character of the Basic Multilingual Plane and a few beyond, alone, after a mark,
    /// before one, and at every offset from a word's start: the same verdict as the quick check.
    #[test]
    fn quick_nfc_agrees_everywhere() {
        let chars = ('\u{80}'..='\u{FFFF}').chain(['\u{1F600}', '\u{1D15E}', '\u{10FFFF}']);
        for c in chars.filter(|c| !c.is_ascii()) {
            for t in [
                format!("{c}"),
                format!("a\u{301}{c}"),
                format!("{c}\u{323}\u{301}"),
                format!("ơ{c}\u{301}"),
            ] {
                let expected = is_nfc_quick(t.chars()) == IsNormalized::Yes;
                for pad in 0..9 {
                    let padded = format!("{}{t}{}", "x".repeat(pad), "ư".repeat(pad % 3));
                    assert_eq!(super::quick_nfc(&padded), expected, "{padded:?}");
                }
            }
        }
    }

    #[test]
    fn latin_extended_additional_is_nfc_and_starters() {
        for c in '\u{1E00}'..='\u{1EFF}' {
            let t = format!("a{c}");
            assert!(super::quick_nfc(&t), "{c:?}");
            assert_eq!(is_nfc_quick(t.chars()), IsNormalized::Yes, "{c:?}");
            let marked = format!("a\u{323}{c}\u{301}");
            assert_eq!(
                super::quick_nfc(&marked),
                is_nfc_quick(marked.chars()) == IsNormalized::Yes,
                "{c:?}"
            );
        }
    }

    #[test]
    fn marks_and_broken_escapes_are_not() {
        assert!(!escapes_keep_nfc(r#"{"a": "e\u0301"}"#)); // a combining mark
        assert!(!escapes_keep_nfc(r#"{"a": "\u1161"}"#)); // a Hangul vowel that composes
        assert!(!escapes_keep_nfc(r#"{"a": "\ud83d"}"#)); // a lone surrogate
        assert!(!escapes_keep_nfc(r#"{"a": "\u12"}"#));
        assert!(!escapes_keep_nfc(r#"{"a": "\u+123"}"#)); // not four hex digits
        // A cached verdict is per character: a mark after the letter that shares its slot.
        assert!(!escapes_keep_nfc(r#"{"a": "\u1ec5 \u1301 \u0301"}"#)); // equal % 1024
        assert!(escapes_keep_nfc(r#"{"a": "\u1ec5 \u1301 \u02c5"}"#));
        // The shortcut on the first two digits still wants four hex digits.
        assert!(!escapes_keep_nfc(r#"{"a": "\u00zz"}"#));
        assert!(!escapes_keep_nfc(r#"{"a": "\u1eg0"}"#));
        assert!(!escapes_keep_nfc("\\u1e"));
    }

    #[test]
    fn every_escape_of_the_basic_plane_gets_the_verdict_of_its_character() {
        use unicode_normalization::char::canonical_combining_class;
        for code in 0..0x1_0000u32 {
            let expected = char::from_u32(code).is_some_and(|c| {
                canonical_combining_class(c) == 0
                    && is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes
            });
            for text in [format!("\\u{code:04x}"), format!("\\u{code:04X}")] {
                assert_eq!(escapes_keep_nfc(&text), expected, "{text}");
            }
        }
    }

    #[test]
    fn hex_digits_are_read_exactly() {
        assert_eq!(super::hex4(b"\\u1Ec5", 2), Some(0x1EC5));
        assert_eq!(super::hex4(b"00ff", 0), Some(0xFF));
        assert_eq!(super::hex4(b"+123", 0), None);
        assert_eq!(super::hex4(b"12g4", 0), None);
        assert_eq!(super::hex4(b"123", 0), None);
    }
}
