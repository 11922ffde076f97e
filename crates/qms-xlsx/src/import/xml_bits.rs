//! The small pieces of XML the sheet scanner reads by hand: attributes, entities, cell
//! references. Each answers `None` for anything outside the plain shape it knows, and the
//! caller then leaves the part to calamine.

/// A reference such as `A1` or `XFD1048576`, read strictly: 1 to 3 capital letters, then 1 to 7
/// digits (row 1 or more). Returns the zero-based (row, column).
///
/// ```text
/// b"A1" -> Some((0, 0)); b"J100015" -> Some((100014, 9)); b"$A$1", b"a1", b"A0" -> None
/// ```
pub(crate) fn cell_position(r: &[u8]) -> Option<(u32, u32)> {
    let letters = r.iter().take_while(|b| b.is_ascii_uppercase()).count();
    let (name, digits) = r.split_at_checked(letters)?;
    if !(1..=3).contains(&letters)
        || !(1..=7).contains(&digits.len())
        || !digits.iter().all(u8::is_ascii_digit)
    {
        return None;
    }
    let col = name
        .iter()
        .fold(0u32, |c, b| c * 26 + u32::from(b - b'A') + 1);
    let row = digits
        .iter()
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'));
    Some((row.checked_sub(1)?, col - 1))
}

/// A row number as in `<row r="12">`: 1 to 7 digits, 1 or more.
pub(crate) fn row_number(r: &[u8]) -> Option<u32> {
    if !(1..=7).contains(&r.len()) || !r.iter().all(u8::is_ascii_digit) {
        return None;
    }
    r.iter()
        .fold(0u32, |n, b| n * 10 + u32::from(b - b'0'))
        .checked_sub(1)
}

/// Whether `b` ends an element name (`<row>`, `<row r=..>`, `<row/>`).
pub(crate) fn ends_name(b: Option<&u8>) -> bool {
    matches!(b, Some(b' ' | b'\t' | b'\r' | b'\n' | b'>' | b'/'))
}

/// Whether `s` at `i` opens the element `name` (`<` + name + end of name).
pub(crate) fn opens(s: &[u8], i: usize, name: &[u8]) -> bool {
    s.get(i) == Some(&b'<')
        && s.get(i + 1..i + 1 + name.len()) == Some(name)
        && ends_name(s.get(i + 1 + name.len()))
}

/// The attributes of a start tag whose name ends at `i`: (name, raw value) pairs, the index
/// after the closing `>` and whether the tag closed itself (`/>`). `None` when the tag is not
/// plain (no `>` in `s`, a `<` inside, an attribute without a quoted value).
pub(crate) fn attributes(s: &[u8], i: usize) -> Option<(Attrs<'_>, usize, bool)> {
    attributes_kept(s, i, |_| true)
}

/// [`attributes`], keeping only those whose name passes `keep` (the rest are still read and
/// must be plain): a row Excel wrote may have a dozen the scanner has no use for.
pub(crate) fn attributes_kept(
    s: &[u8],
    mut i: usize,
    keep: fn(&[u8]) -> bool,
) -> Option<(Attrs<'_>, usize, bool)> {
    let mut attrs = Attrs::default();
    loop {
        while matches!(s.get(i), Some(b' ' | b'\t' | b'\r' | b'\n')) {
            i += 1;
        }
        match s.get(i)? {
            b'>' => return Some((attrs, i + 1, false)),
            b'/' => return (s.get(i + 1) == Some(&b'>')).then_some((attrs, i + 2, true)),
            _ => {}
        }
        let name_end = i + s.get(i..)?.iter().position(|b| *b == b'=')?;
        let name = trim_ascii(s.get(i..name_end)?);
        let quote = *s.get(name_end + 1)?;
        let odd = |b: &u8| b" \t\r\n<>/\"'".contains(b);
        if (quote != b'"' && quote != b'\'') || name.is_empty() || name.iter().any(odd) {
            return None;
        }
        let start = name_end + 2;
        let len = s.get(start..)?.iter().position(|b| *b == quote)?;
        let value = s.get(start..start + len)?;
        if value.contains(&b'<') {
            return None;
        }
        if keep(name) {
            attrs.push(name, value)?;
        }
        i = start + len + 1;
    }
}

fn trim_ascii(s: &[u8]) -> &[u8] {
    s.trim_ascii()
}

/// The attributes of one tag (at most 8 kept: the tags read have 2 to 5 of interest).
#[derive(Default)]
pub(crate) struct Attrs<'a> {
    list: [(&'a [u8], &'a [u8]); 8],
    len: usize,
}

impl<'a> Attrs<'a> {
    fn push(&mut self, name: &'a [u8], value: &'a [u8]) -> Option<()> {
        *self.list.get_mut(self.len)? = (name, value);
        self.len += 1;
        Some(())
    }

    /// The raw value of the attribute `name` (the first one, as calamine takes it).
    pub(crate) fn get(&self, name: &[u8]) -> Option<&'a [u8]> {
        self.list
            .get(..self.len)
            .unwrap_or_default()
            .iter()
            .find(|(n, _)| *n == name)
            .map(|(_, v)| *v)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = (&'a [u8], &'a [u8])> + '_ {
        self.list
            .get(..self.len)
            .unwrap_or_default()
            .iter()
            .copied()
    }
}

/// Text content or an attribute value with its entities resolved, appended to `out`: the five
/// XML entities and character references to characters XML allows. `None` for invalid UTF-8
/// or any other entity (calamine then reports or reads it).
pub(crate) fn decode_into(raw: &[u8], out: &mut String) -> Option<()> {
    decode_str_into(std::str::from_utf8(raw).ok()?, out)
}

/// [`decode_into`] for text already known to be UTF-8.
pub(crate) fn decode_str_into(text: &str, out: &mut String) -> Option<()> {
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        let (before, after) = rest.split_at_checked(amp)?;
        out.push_str(before);
        let (entity, after) = after.get(1..)?.split_once(';')?;
        match entity {
            "amp" => out.push('&'),
            "lt" => out.push('<'),
            "gt" => out.push('>'),
            "quot" => out.push('"'),
            "apos" => out.push('\''),
            _ => out.push(char_reference(entity)?),
        }
        rest = after;
    }
    out.push_str(rest);
    Some(())
}

/// `#233` or `#xE9`, to a character XML 1.0 allows.
fn char_reference(entity: &str) -> Option<char> {
    let digits = entity.strip_prefix('#')?;
    let code = match digits.strip_prefix('x') {
        Some(hex) if (1..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit()) => {
            u32::from_str_radix(hex, 16).ok()?
        }
        None if (1..=7).contains(&digits.len()) && digits.bytes().all(|b| b.is_ascii_digit()) => {
            digits.parse().ok()?
        }
        _ => return None,
    };
    let allowed =
        matches!(code, 0x9 | 0xA | 0xD | 0x20..=0xD7FF | 0xE000..=0xFFFD | 0x10000..=0x10FFFF);
    allowed.then(|| char::from_u32(code)).flatten()
}

/// Whether the text holds one of Excel's `_xHHHH_` escapes (calamine decodes them; the
/// scanner leaves such text to it).
pub(crate) fn has_excel_escape(text: &str) -> bool {
    text.as_bytes()
        .windows(7)
        .any(|w| matches!(w, [b'_', b'x', hex @ .., b'_'] if hex.iter().all(u8::is_ascii_hexdigit)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_read_strictly() {
        assert_eq!(cell_position(b"A1"), Some((0, 0)));
        assert_eq!(cell_position(b"J100015"), Some((100_014, 9)));
        assert_eq!(cell_position(b"XFD1048576"), Some((1_048_575, 16_383)));
        for odd in [
            &b"$A$1"[..],
            b"a1",
            b"A0",
            b"AAAA1",
            b"A12345678",
            b"1",
            b"A",
            b"A1:B2",
        ] {
            assert_eq!(cell_position(odd), None, "{odd:?}");
        }
        assert_eq!(row_number(b"9"), Some(8));
        assert_eq!(row_number(b"0"), None);
        assert_eq!(row_number(b"99999999999"), None);
    }

    #[test]
    fn attributes_of_plain_tags() {
        let tag = br#"<c r="A1" s='2' t="inlineStr">rest"#;
        let (a, end, empty) = attributes(tag, 2).unwrap();
        assert_eq!(a.get(b"r"), Some(&b"A1"[..]));
        assert_eq!(a.get(b"s"), Some(&b"2"[..]));
        assert_eq!(a.get(b"t"), Some(&b"inlineStr"[..]));
        assert_eq!((&tag[end..], empty), (&b"rest"[..], false));
        let (a, _, empty) = attributes(b"<c r=\"B2\"/>", 2).unwrap();
        assert!(empty && a.get(b"r") == Some(b"B2"));
        assert!(attributes(b"<c r=A1>", 2).is_none());
        assert!(attributes(b"<c r=\"A1\"", 2).is_none());
        assert!(attributes(b"<c r=\"A<1\">", 2).is_none());
    }

    #[test]
    fn entities_resolve_or_refuse() {
        let mut s = String::new();
        decode_into(b"a &amp; b &lt;&gt;&quot;&apos; &#233;&#xE9;", &mut s).unwrap();
        assert_eq!(s, "a & b <>\"' éé");
        for bad in [
            &b"&nbsp;"[..],
            b"&#0;",
            b"&#1;",
            b"&#xD800;",
            b"&amp",
            b"\xff",
        ] {
            assert!(decode_into(bad, &mut String::new()).is_none(), "{bad:?}");
        }
        assert!(has_excel_escape("a_x000D_b") && !has_excel_escape("file_x.doc"));
    }
}
