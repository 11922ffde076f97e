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
    let mut i = 0;
    // `get` because a two-character escape may step past the end of a text that ends with `\`.
    while let Some(off) = bytes
        .get(i..)
        .and_then(|rest| rest.iter().position(|&b| b == b'\\'))
    {
        i += off;
        if bytes.get(i + 1) != Some(&b'u') {
            // A two-character escape (\n, \", \\ ...): ASCII once decoded too.
            i += 2;
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
        let Some(c) = char::from_u32(code) else {
            return false;
        };
        if canonical_combining_class(c) != 0
            || is_nfc_quick(std::iter::once(c)) != IsNormalized::Yes
        {
            return false;
        }
    }
    true
}

/// Whether a text is certainly NFC (the quick check's "yes"), as
/// `is_nfc_quick(text.chars()) == IsNormalized::Yes` but several times faster on dossiers:
/// characters below U+0300 (ASCII and the Latin letters before the combining marks) are their
/// own NFC and starters, so only the others are looked up, through a small cache since a text
/// uses few distinct ones (Vietnamese letters, mostly).
pub(super) fn quick_nfc(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut cache = [('\0', 0u8, true); 64];
    let mut last_ccc = 0u8;
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        // One-byte characters, and two-byte ones led by 0xC2..=0xCB (U+0080..=U+02FF).
        if b < 0x80 {
            i += 1;
            last_ccc = 0;
            // Most of a dossier is ASCII: skip it eight bytes at a time.
            while let Some(word) = bytes
                .get(i..i + 8)
                .and_then(|w| <[u8; 8]>::try_from(w).ok())
            {
                if u64::from_le_bytes(word) & 0x8080_8080_8080_8080 != 0 {
                    break;
                }
                i += 8;
            }
            continue;
        }
        if b < 0xCC {
            i += 2;
            last_ccc = 0;
            continue;
        }
        // U+1E00..=U+1EFF (E1 B8..BB xx): the precomposed letters of Latin Extended Additional,
        // most Vietnamese letters with two marks; every one is NFC and a starter (the test
        // below checks them all).
        if b == 0xE1 && matches!(bytes.get(i + 1), Some(0xB8..=0xBB)) {
            i += 3;
            last_ccc = 0;
            continue;
        }
        let Some(c) = text.get(i..).and_then(|t| t.chars().next()) else {
            return false;
        };
        i += c.len_utf8();
        // `% 64` keeps the index inside the 64 slots.
        let Some(slot) = cache.get_mut(c as usize % 64) else {
            return false;
        };
        if slot.0 != c {
            let yes = is_nfc_quick(std::iter::once(c)) == IsNormalized::Yes;
            *slot = (c, canonical_combining_class(c), yes);
        }
        let (_, ccc, yes) = *slot;
        if !yes || (ccc != 0 && last_ccc > ccc) {
            return false;
        }
        last_ccc = ccc;
    }
    true
}

fn hex4(bytes: &[u8], at: usize) -> Option<u32> {
    let digits = std::str::from_utf8(bytes.get(at..at + 4)?).ok()?;
    u32::from_str_radix(digits, 16).ok()
}

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
    }
}
