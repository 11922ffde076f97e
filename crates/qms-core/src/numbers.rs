//! Numbers as each language writes them for people: Vietnamese "1.234,5" and "98,7 %",
//! English "1,234.5" and "98.7%". Only text for people goes through here; JSON and the
//! numeric cells of a workbook keep plain numbers.

use crate::Lang;

/// A whole number with thousands separators: "12.345" in Vietnamese, "12,345" in English.
///
/// ```
/// use qms_core::{Lang, numbers::count};
/// assert_eq!(count(1234567, Lang::Vi), "1.234.567");
/// assert_eq!(count(1234567, Lang::En), "1,234,567");
/// assert_eq!(count(999, Lang::Vi), "999");
/// ```
pub fn count(n: u64, lang: Lang) -> String {
    group(&n.to_string(), thousands(lang))
}

/// A measured value with at most two decimals, trailing zeros dropped: "98,5" and "1.250" in
/// Vietnamese, "98.5" and "1,250" in English.
///
/// ```
/// use qms_core::{Lang, numbers::decimal};
/// assert_eq!(decimal(98.5, Lang::Vi), "98,5");
/// assert_eq!(decimal(98.5, Lang::En), "98.5");
/// assert_eq!(decimal(1250.0, Lang::Vi), "1.250");
/// assert_eq!(decimal(-0.126, Lang::Vi), "-0,13");
/// ```
pub fn decimal(value: f64, lang: Lang) -> String {
    decimal_places(value, 2, lang)
}

/// A value rounded to at most `places` decimals, trailing zeros dropped, in the language's
/// notation.
///
/// ```
/// use qms_core::{Lang, numbers::decimal_places};
/// assert_eq!(decimal_places(33.333, 1, Lang::Vi), "33,3");
/// assert_eq!(decimal_places(100.0, 1, Lang::En), "100");
/// ```
pub fn decimal_places(value: f64, places: usize, lang: Lang) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let text = format!("{value:.places$}");
    let text = if text.contains('.') {
        text.trim_end_matches('0').trim_end_matches('.')
    } else {
        &text
    };
    let (sign, digits) = match text.strip_prefix('-') {
        // "-0" after rounding is written "0".
        Some(d) if d.trim_matches(['0', '.']).is_empty() => ("", d),
        Some(d) => ("-", d),
        None => ("", text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let mut out = format!("{sign}{}", group(whole, thousands(lang)));
    if !fraction.is_empty() {
        out.push(decimal_mark(lang));
        out.push_str(fraction);
    }
    out
}

/// A percentage with at most one decimal: "98,7 %" in Vietnamese (decimal comma, a space
/// before the sign), "98.7%" in English.
///
/// ```
/// use qms_core::{Lang, numbers::percent};
/// assert_eq!(percent(98.66, Lang::Vi), "98,7 %");
/// assert_eq!(percent(98.66, Lang::En), "98.7%");
/// assert_eq!(percent(100.0, Lang::Vi), "100 %");
/// ```
pub fn percent(value: f64, lang: Lang) -> String {
    with_percent_sign(&decimal_places(value, 1, lang), "%", lang)
}

/// A number already written for `lang` followed by a percent or per-mille sign: a space
/// before it in Vietnamese ("98,7 %"), none in English ("98.7%").
///
/// ```
/// use qms_core::{Lang, numbers::with_percent_sign};
/// assert_eq!(with_percent_sign("5", "‰", Lang::Vi), "5 ‰");
/// ```
pub fn with_percent_sign(number: &str, sign: &str, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{number} {sign}"),
        Lang::En => format!("{number}{sign}"),
    }
}

fn thousands(lang: Lang) -> char {
    match lang {
        Lang::Vi => '.',
        Lang::En => ',',
    }
}

fn decimal_mark(lang: Lang) -> char {
    match lang {
        Lang::Vi => ',',
        Lang::En => '.',
    }
}

/// "1234567" → "1.234.567" (digits only).
fn group(digits: &str, sep: char) -> String {
    let n = digits.len();
    let mut out = String::with_capacity(n + n / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (n - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_language() {
        assert_eq!(count(0, Lang::Vi), "0");
        assert_eq!(count(1000, Lang::Vi), "1.000");
        assert_eq!(count(100_000, Lang::En), "100,000");
        assert_eq!(decimal(99.4, Lang::Vi), "99,4");
        assert_eq!(decimal(1234.56, Lang::Vi), "1.234,56");
        assert_eq!(decimal(1234.56, Lang::En), "1,234.56");
        assert_eq!(decimal(-0.001, Lang::En), "0");
        assert_eq!(decimal(-1500.0, Lang::Vi), "-1.500");
        assert_eq!(percent(33.333, Lang::Vi), "33,3 %");
        assert_eq!(percent(0.0, Lang::En), "0%");
    }
}
