//! serde's messages about a dossier's shape, read back into what they mean: which member is
//! unknown or missing, which value has the wrong type, which date does not exist.

use super::problem::StructureDetail;
use super::type_words::DATE_WORDS;

/// Turns a serde message into a structure detail.
pub(crate) fn parse_serde_message(msg: &str) -> StructureDetail {
    // serde's messages are stable in practice; anything unrecognised is kept whole.
    let quoted = |s: &str| -> Option<String> {
        let start = s.find('`')? + 1;
        let end = start + s[start..].find('`')?;
        Some(s[start..end].to_owned())
    };
    let after_expected = |s: &str| -> String {
        s.split_once(", expected ")
            .map(|(_, e)| e.trim_start_matches("one of ").replace('`', "\""))
            .unwrap_or_default()
    };
    if let Some(rest) = msg.strip_prefix("unknown field ") {
        return StructureDetail::UnknownField {
            field: quoted(rest).unwrap_or_default(),
            expected: after_expected(rest),
        };
    }
    if let Some(rest) = msg.strip_prefix("missing field ") {
        return StructureDetail::MissingField {
            field: quoted(rest).unwrap_or_default(),
        };
    }
    if let Some(rest) = msg.strip_prefix("unknown variant ") {
        return StructureDetail::UnknownVariant {
            value: quoted(rest).unwrap_or_default(),
            expected: after_expected(rest),
        };
    }
    if let Some(rest) = msg.strip_prefix("invalid type: ") {
        let (found, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return StructureDetail::InvalidType {
            found: found.to_owned(),
            expected: expected.to_owned(),
        };
    }
    if DATE_WORDS.iter().any(|(chrono, _)| *chrono == msg) {
        return StructureDetail::BadDate {
            detail: msg.to_owned(),
        };
    }
    StructureDetail::Other {
        detail: msg.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn serde_messages_are_classified() {
        assert_eq!(
            parse_serde_message("unknown field `foo`, expected one of `id`, `name`"),
            StructureDetail::UnknownField {
                field: "foo".into(),
                expected: "\"id\", \"name\"".into()
            }
        );
        assert_eq!(
            parse_serde_message("missing field `id`"),
            StructureDetail::MissingField { field: "id".into() }
        );
        assert!(matches!(
            parse_serde_message("invalid type: string \"x\", expected u8"),
            StructureDetail::InvalidType { .. }
        ));
        assert!(matches!(
            parse_serde_message("input is out of range"),
            StructureDetail::BadDate { .. }
        ));
        assert!(matches!(
            parse_serde_message("whatever"),
            StructureDetail::Other { .. }
        ));
    }
}
