//! The words of a wrong-type message: serde says "invalid type: string \"1\", expected f64";
//! a secretary reads "gặp chuỗi \"1\", cần một số". Both sides of the message (what was found,
//! what was expected) are turned into plain words of the requested language; anything not
//! recognised is kept as serde wrote it rather than guessed.

/// What serde found (`string "1"`, `integer `5``, `sequence`...), in plain words.
///
/// ```ignore
/// assert_eq!(found_words("string \"1\"", true), "chuỗi \"1\"");
/// ```
pub(crate) fn found_words(found: &str, vi: bool) -> String {
    let literal = |s: &str| s.trim_matches('`').to_owned();
    if let Some(s) = found.strip_prefix("string ") {
        return format!("{} {s}", if vi { "chuỗi" } else { "the string" });
    }
    if let Some(n) = found
        .strip_prefix("integer ")
        .or_else(|| found.strip_prefix("floating point "))
    {
        return format!("{} {}", if vi { "số" } else { "the number" }, literal(n));
    }
    if let Some(b) = found.strip_prefix("boolean ") {
        return format!(
            "{} {}",
            if vi { "giá trị" } else { "the value" },
            literal(b)
        );
    }
    let word = match (found, vi) {
        ("null", true) => "null (không có giá trị)",
        ("null", false) => "null (no value)",
        ("sequence", true) => "một danh sách [ … ]",
        ("sequence", false) => "a list [ … ]",
        ("map", true) => "một đối tượng { … }",
        ("map", false) => "an object { … }",
        _ => return found.to_owned(),
    };
    word.to_owned()
}

/// What serde expected (`f64`, `a string`, `struct Unit`, `a formatted date string`...), in
/// plain words.
///
/// ```ignore
/// assert_eq!(expected_words("f64", false), "a number");
/// ```
pub(crate) fn expected_words(expected: &str, vi: bool) -> String {
    let pick = |v: &str, e: &str| if vi { v.to_owned() } else { e.to_owned() };
    match expected {
        "f32" | "f64" | "a float" => pick("một số", "a number"),
        "an integer" => pick("một số nguyên", "an integer"),
        // An enum read from a buffered value (a member written twice, salvage): serde says
        // what shapes a variant may take, which means nothing to the secretary who typed 5
        // where "dat" was wanted.
        "string or map"
        | "map with a single key"
        | "enum"
        | "an enum"
        | "unit variant"
        | "newtype variant"
        | "tuple variant"
        | "struct variant" => pick("một trong các giá trị cho phép", "one of the allowed words"),
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => {
            pick("một số nguyên không âm", "a whole number (0 or more)")
        }
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => pick("một số nguyên", "an integer"),
        "a string" | "a borrowed string" | "a char" | "a character" => pick(
            "một chuỗi (văn bản trong dấu ngoặc kép)",
            "a string (text in quotes)",
        ),
        "a boolean" => pick("true hoặc false", "a boolean (true or false)"),
        "a sequence" | "a tuple" => pick("một danh sách [ … ]", "an array (a list [ … ])"),
        "a map" => pick("một đối tượng { … }", "an object { … }"),
        "a formatted date string" => pick(
            "một ngày dạng NNNN-TT-NN, ví dụ \"2026-02-05\"",
            "a date YYYY-MM-DD, e.g. \"2026-02-05\"",
        ),
        "a formatted date and time string" => pick(
            "ngày giờ dạng NNNN-TT-NNTgg:pp:ss",
            "a date and time YYYY-MM-DDThh:mm:ss",
        ),
        e if e.starts_with("struct ") || e.starts_with("a map ") => {
            pick("một đối tượng { … }", "an object { … }")
        }
        e if e.starts_with("tuple") || e.starts_with("a sequence ") => {
            pick("một danh sách [ … ]", "an array (a list [ … ])")
        }
        e if e.starts_with("enum ") || e.starts_with("variant ") => {
            pick("một trong các giá trị cho phép", "one of the allowed words")
        }
        e => e.to_owned(),
    }
}

/// serde_json's account of a syntax error ("expected `,` or `}`", "trailing comma"), in plain
/// Vietnamese for the Vietnamese message; the English message keeps serde_json's words, which
/// are plain English already. A message serde_json adds later stays as it wrote it.
///
/// ```ignore
/// assert_eq!(syntax_words("trailing comma", true), "dấu phẩy thừa trước dấu đóng ngoặc");
/// assert_eq!(syntax_words("trailing comma", false), "trailing comma");
/// ```
pub(crate) fn syntax_words(detail: &str, vi: bool) -> String {
    if !vi {
        return detail.to_owned();
    }
    let words = match detail {
        "EOF while parsing a list" => "tệp hết giữa một danh sách [ … ]",
        "EOF while parsing an object" => "tệp hết giữa một đối tượng { … }",
        "EOF while parsing a string" => "tệp hết giữa một chuỗi",
        "EOF while parsing a value" => "tệp hết khi còn chờ một giá trị",
        "expected `:`" => "thiếu dấu `:` sau tên trường",
        "expected `,` or `]`" => "cần dấu `,` hoặc `]`",
        "expected `,` or `}`" => "cần dấu `,` hoặc `}`",
        "expected ident" => "từ không hợp lệ (chỉ có true, false hoặc null)",
        "expected value" => "cần một giá trị (chuỗi, số, true, false, null, [ … ] hoặc { … })",
        "expected `\"`" => "cần dấu ngoặc kép `\"`",
        "invalid escape" => "ký tự thoát sau dấu \\ không hợp lệ",
        "invalid number" => "số viết sai",
        "number out of range" => "số vượt quá giới hạn",
        "invalid unicode code point" => "mã Unicode \\u không hợp lệ",
        "control character (\\u0000-\\u001F) found while parsing a string" => {
            "ký tự điều khiển trong chuỗi (xuống dòng hay tab phải viết \\n, \\t)"
        }
        "key must be a string" => "tên trường phải là chuỗi trong dấu ngoặc kép",
        "lone leading surrogate in hex escape" => "nửa đầu của một cặp \\u đứng một mình",
        "trailing comma" => "dấu phẩy thừa trước dấu đóng ngoặc",
        "trailing characters" => "còn ký tự sau khi hồ sơ đã kết thúc",
        "unexpected end of hex escape" => "mã \\u bị cắt giữa chừng",
        "recursion limit exceeded" => "các ngoặc lồng nhau quá sâu",
        other => other,
    };
    words.to_owned()
}

/// chrono's accounts of a date it could not read, and their Vietnamese: what makes a serde
/// message a date problem ([`super::serde_message`]) and how it is said.
pub(crate) const DATE_WORDS: [(&str, &str); 7] = [
    (
        "input is out of range",
        "không có ngày này: tháng từ 1 đến 12, ngày có trong tháng",
    ),
    (
        "no possible date and time matching input",
        "không có ngày nào khớp",
    ),
    (
        "input is not enough for unique date and time",
        "thiếu ngày, tháng hoặc năm",
    ),
    (
        "input contains invalid characters",
        "có ký tự không phải chữ số hay dấu gạch ngang",
    ),
    ("premature end of input", "ngày bị cắt, thiếu phần cuối"),
    ("trailing input", "còn ký tự thừa sau ngày"),
    (
        "bad or unsupported format string",
        "dạng ngày không được hỗ trợ",
    ),
];

/// chrono's account of a date it could not read, in Vietnamese.
///
/// ```ignore
/// assert_eq!(date_words("input is out of range"), "không có ngày này: tháng từ 1 đến 12, ngày có trong tháng");
/// ```
pub(crate) fn date_words(detail: &str) -> &str {
    DATE_WORDS
        .iter()
        .find(|(chrono, _)| *chrono == detail)
        .map_or(detail, |(_, vi)| vi)
}

/// serde's other complaints about a value's shape, in Vietnamese: a list where an object is
/// wanted ("invalid length 1, expected struct Dossier with 18 elements": a file holding
/// `[ … ]` instead of the dossier `{ … }`), a list of the wrong length.
///
/// ```ignore
/// assert_eq!(other_words("invalid length 1, expected struct Dossier with 18 elements"),
///            "gặp một danh sách [ … ], cần một đối tượng { … }");
/// ```
pub(crate) fn other_words(detail: &str) -> String {
    if let Some(rest) = detail.strip_prefix("invalid length ") {
        let (length, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        if expected.starts_with("struct ") {
            return "gặp một danh sách [ … ], cần một đối tượng { … }".to_owned();
        }
        return format!("danh sách có {length} phần tử, cần {expected}");
    }
    detail.to_owned()
}

/// What serde_json or chrono said about a text (without serde_json's " at line L column C"),
/// in plain words of a language: the Vietnamese of a syntax error, a date that does not
/// exist, a value of the wrong type; English keeps serde's own words but for types, which it
/// says as the loader does. For the request parser of `qms-api`, which meets the same errors.
///
/// ```
/// use qms_core::{Lang, load::serde_words};
/// assert_eq!(serde_words("trailing comma", Lang::Vi), "dấu phẩy thừa trước dấu đóng ngoặc");
/// assert_eq!(
///     serde_words("invalid type: integer `5`, expected a string", Lang::Vi),
///     "gặp số 5, cần một chuỗi (văn bản trong dấu ngoặc kép)"
/// );
/// assert!(serde_words("input is out of range", Lang::Vi).contains("tháng từ 1 đến 12"));
/// assert_eq!(serde_words("trailing comma", Lang::En), "trailing comma");
/// ```
pub fn serde_words(detail: &str, lang: crate::Lang) -> String {
    let vi = lang == crate::Lang::Vi;
    if let super::problem::StructureDetail::InvalidType { found, expected } =
        super::serde_message::parse_serde_message(detail)
    {
        let (found, expected) = (found_words(&found, vi), expected_words(&expected, vi));
        return if vi {
            format!("gặp {found}, cần {expected}")
        } else {
            format!("found {found}, expected {expected}")
        };
    }
    if !vi {
        return detail.to_owned();
    }
    let syntax = syntax_words(detail, true);
    if syntax != detail {
        return syntax;
    }
    let date = date_words(detail);
    if date != detail {
        return date.to_owned();
    }
    other_words(detail)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_type_names_become_words_in_both_languages() {
        assert_eq!(expected_words("f64", true), "một số");
        assert_eq!(expected_words("f64", false), "a number");
        assert_eq!(expected_words("u32", true), "một số nguyên không âm");
        assert_eq!(expected_words("i32", false), "an integer");
        assert!(expected_words("a string", true).starts_with("một chuỗi"));
        assert!(expected_words("a boolean", false).contains("true or false"));
        assert!(expected_words("a sequence", true).starts_with("một danh sách"));
        assert!(expected_words("struct Unit", false).starts_with("an object"));
        assert!(expected_words("a formatted date string", true).contains("NNNN-TT-NN"));
        assert!(expected_words("a formatted date string", false).contains("YYYY-MM-DD"));
        assert_eq!(found_words("string \"1\"", true), "chuỗi \"1\"");
        assert_eq!(found_words("integer `5`", false), "the number 5");
        assert_eq!(found_words("floating point `1.5`", true), "số 1.5");
        assert_eq!(found_words("boolean `true`", true), "giá trị true");
        assert_eq!(found_words("sequence", false), "a list [ … ]");
        // An enum read from a buffered value: no serde jargon in either language.
        for e in [
            "string or map",
            "map with a single key",
            "unit variant",
            "an enum",
        ] {
            assert_eq!(
                expected_words(e, true),
                "một trong các giá trị cho phép",
                "{e}"
            );
            assert_eq!(expected_words(e, false), "one of the allowed words", "{e}");
        }
        // serde_json's syntax messages, each one in Vietnamese; English keeps them.
        for (detail, words) in [
            ("expected `,` or `}`", "cần dấu `,` hoặc `}`"),
            ("trailing comma", "dấu phẩy thừa trước dấu đóng ngoặc"),
            (
                "EOF while parsing a value",
                "tệp hết khi còn chờ một giá trị",
            ),
            (
                "control character (\\u0000-\\u001F) found while parsing a string",
                "ký tự điều khiển trong chuỗi (xuống dòng hay tab phải viết \\n, \\t)",
            ),
        ] {
            assert_eq!(syntax_words(detail, true), words);
            assert_eq!(syntax_words(detail, false), detail);
        }
        assert_eq!(syntax_words("something new", true), "something new");
        assert!(date_words("input is out of range").contains("tháng từ 1 đến 12"));
        assert_eq!(date_words("something new"), "something new");
        assert_eq!(
            other_words("invalid length 1, expected struct Dossier with 18 elements"),
            "gặp một danh sách [ … ], cần một đối tượng { … }"
        );
        assert_eq!(other_words("something new"), "something new");
        // What is not recognised stays as serde wrote it.
        assert_eq!(expected_words("something new", true), "something new");
        assert_eq!(found_words("unit value", false), "unit value");
    }
}
