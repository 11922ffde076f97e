//! Reading request JSON into the typed shapes, with errors that name the real member.

use crate::error::{ApiError, RequestFault};
use serde::Deserialize;
use serde_json::error::Category;

/// Parses `text` as `T`; a failure names the member at fault ("kind", "workbooks[1].name").
pub(crate) fn from_str<'a, T: Deserialize<'a>>(text: &'a str) -> Result<T, ApiError> {
    let mut de = serde_json::Deserializer::from_str(text);
    let value = serde_path_to_error::deserialize(&mut de).map_err(|e| {
        let path = e.path().to_string();
        convert(e.inner(), &path)
    })?;
    de.end().map_err(|e| convert(&e, "."))?;
    Ok(value)
}

/// A serde error at `path` ("." for the root) as an API error.
fn convert(e: &serde_json::Error, path: &str) -> ApiError {
    let root = path == "." || path.is_empty();
    let join = |member: &str| {
        if root {
            member.to_owned()
        } else {
            format!("{path}.{member}")
        }
    };
    let here = if root {
        "$".to_owned()
    } else {
        path.to_owned()
    };
    let text = e.to_string();
    // serde_json appends " at line L column C"; the path says where, the rest says what.
    let what = text
        .rsplit_once(" at line ")
        .map_or(text.as_str(), |(w, _)| w);
    match e.classify() {
        Category::Syntax | Category::Eof | Category::Io => {
            ApiError::bad(RequestFault::Syntax { detail: text }, "$")
        }
        Category::Data => {
            if let Some(member) = quoted(what, "missing field `") {
                return ApiError::bad(
                    RequestFault::MissingMember {
                        member: member.to_owned(),
                    },
                    join(member),
                );
            }
            if let Some(member) = quoted(what, "unknown field `") {
                return ApiError::bad(
                    RequestFault::UnknownMember {
                        member: member.to_owned(),
                        expected: expected(what),
                    },
                    // serde_path_to_error has already stepped into the unknown member.
                    here,
                );
            }
            if let Some(value) = quoted(what, "unknown variant `") {
                return ApiError::bad(
                    RequestFault::UnknownValue {
                        value: value.to_owned(),
                        expected: expected(what),
                    },
                    here,
                );
            }
            if root && what.starts_with("invalid type") {
                return ApiError::bad(RequestFault::NotAnObject, "$");
            }
            ApiError::bad(
                RequestFault::WrongValue {
                    detail: what.to_owned(),
                },
                here,
            )
        }
    }
}

/// The text between `prefix` and the next backquote.
fn quoted<'t>(text: &'t str, prefix: &str) -> Option<&'t str> {
    let rest = text.strip_prefix(prefix)?;
    rest.split_once('`').map(|(q, _)| q)
}

/// The list after "expected one of " (or after "expected "), without backquotes.
fn expected(text: &str) -> String {
    text.split_once("expected one of ")
        .or_else(|| text.split_once("expected "))
        .map(|(_, list)| list.replace('`', ""))
        .unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::request::CorrelateRequest;

    fn err(text: &str) -> ApiError {
        match from_str::<CorrelateRequest>(text) {
            Err(e) => e,
            Ok(_) => ApiError::bad(RequestFault::NotAnObject, "parsed"),
        }
    }

    #[test]
    fn serde_errors_name_the_member() {
        let e = err(r#"{"op": "correlate"}"#);
        assert_eq!(e.path(), "clause");
        assert!(e.message(qms_core::Lang::Vi).contains("thiếu"));
        let e = err(r#"{"op": "correlate", "clause": "4", "form": "2008"}"#);
        assert_eq!(e.path(), "form");
        assert!(
            e.to_string()
                .contains("members: op, clause, from, to, lang"),
            "{e}"
        );
        let e = err(r#"{"op": "correlate", "clause": "4", "from": "1994"}"#);
        assert_eq!(e.path(), "from");
        let e = err(r#"{"op": "correlate", "clause": 4}"#);
        assert_eq!(e.path(), "clause");
        // In plain words, as the loader says it, not serde's "invalid type: integer `4`".
        assert!(
            e.to_string()
                .contains("found the number 4, expected a string"),
            "{e}"
        );
        assert!(
            e.message(qms_core::Lang::Vi)
                .contains("gặp số 4, cần một chuỗi"),
            "{e}"
        );
        let e = err(r#"{"op": "correlate", "clause": "4"} x"#);
        assert_eq!(e.path(), "$");
        let e = err("[1]");
        assert_eq!(e.code(), "bad-request");
        assert_eq!(e.path(), "$");
    }
}
