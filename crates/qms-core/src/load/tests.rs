//! Tests of the loader's fast path that look at the model as a whole.

use crate::Dossier;
use serde_json::Value;
use std::collections::BTreeSet;

/// The objects of the model whose keys are data (maps): [`super::has_members_in_maps`] looks at
/// exactly these.
const MAPS: [&str; 3] = [".settings.rules", ".english.units", ".english.positions"];

const EXAMPLES: [&str; 3] = [
    include_str!("../../../../examples/so-khcn-ninh-binh.json"),
    include_str!("../../../../examples/ubnd-phuong-my-tho-2015.json"),
    include_str!("../../../../examples/ubnd-xa-tan-thanh-2008.json"),
];

/// Writes `v` as JSON with the first member of its `target`th object (in document order)
/// written twice; `seen` counts the objects, `hit` is set to the path of the target (array
/// indices shown as `[]`) when it has a member to repeat.
fn write_repeating(
    v: &Value,
    target: usize,
    seen: &mut usize,
    path: &str,
    hit: &mut Option<String>,
) -> String {
    match v {
        Value::Object(members) => {
            let me = *seen;
            *seen += 1;
            let mut parts = Vec::new();
            for (i, (key, value)) in members.iter().enumerate() {
                let value = write_repeating(value, target, seen, &format!("{path}.{key}"), hit);
                let member = format!("{}:{value}", Value::String(key.clone()));
                if me == target && i == 0 {
                    *hit = Some(path.to_owned());
                    parts.push(member.clone());
                }
                parts.push(member);
            }
            format!("{{{}}}", parts.join(","))
        }
        Value::Array(items) => {
            let items: Vec<String> = items
                .iter()
                .map(|item| write_repeating(item, target, seen, &format!("{path}[]"), hit))
                .collect();
            format!("[{}]", items.join(","))
        }
        other => other.to_string(),
    }
}

/// The paths of the objects of `v` that have members, in document order (array indices
/// shown as `[]`), `None` for empty ones.
fn object_paths(v: &Value, path: &str, out: &mut Vec<Option<String>>) {
    match v {
        Value::Object(members) => {
            out.push((!members.is_empty()).then(|| path.to_owned()));
            for (key, value) in members {
                object_paths(value, &format!("{path}.{key}"), out);
            }
        }
        Value::Array(items) => {
            for item in items {
                object_paths(item, &format!("{path}[]"), out);
            }
        }
        _ => {}
    }
}

/// The fast path scans for repeated members only when a map has members: serde refuses a
/// member written twice in every other object. Proved here on the example dossiers, for each
/// place an object can take (its path, indices left out): its first member repeated, only the
/// maps accept it. A new map in the model (or a struct that stops refusing) fails this test.
#[test]
fn only_maps_take_a_repeated_member() {
    let mut accepted = BTreeSet::new();
    let mut tried = BTreeSet::new();
    for text in EXAMPLES {
        let v: Value = serde_json::from_str(text).unwrap_or(Value::Null);
        assert!(serde_json::from_str::<Dossier>(text).is_ok());
        let mut paths = Vec::new();
        object_paths(&v, "", &mut paths);
        for (target, path) in paths.into_iter().enumerate() {
            let Some(path) = path.filter(|p| !tried.contains(p)) else {
                continue;
            };
            let (mut seen, mut hit) = (0, None);
            let repeated = write_repeating(&v, target, &mut seen, "", &mut hit);
            assert_eq!(hit.as_deref(), Some(path.as_str()));
            // An error of any kind leaves the fast path: the careful one reports the repeat.
            if serde_json::from_str::<Dossier>(&repeated).is_ok() {
                accepted.insert(path.clone());
            }
            tried.insert(path);
        }
    }
    assert!(tried.len() > 40, "{}", tried.len());
    assert!(!accepted.is_empty(), "no example has a map with members");
    for path in &accepted {
        assert!(
            MAPS.contains(&path.as_str()),
            "{path} takes a repeated member"
        );
    }
}

/// A repeated member in a map is still reported on the fast path.
#[test]
fn a_repeated_rule_setting_is_reported() {
    let text = EXAMPLES[0].replacen(
        "\"grade_nonconformities\": true",
        "\"grade_nonconformities\": true, \"rules\": \
         {\"QMS-D003\": {\"enabled\": false}, \"QMS-D003\": {\"enabled\": true}}",
        1,
    );
    assert_ne!(text, EXAMPLES[0]);
    let report = super::load_report(text.as_bytes());
    assert!(report.dossier.is_some());
    let codes: Vec<&str> = report.problems.iter().map(|p| p.code()).collect();
    assert_eq!(codes, ["QMS-V009"], "{:?}", report.problems);
}

/// A sample dossier written as JSON, of more than a megabyte (several chunks of every step).
fn large_text() -> String {
    let spec = crate::sample::SampleSpec {
        checklist_items: 4_000,
        findings: 40,
        seed: 7,
        agency: 0,
    };
    let text = serde_json::to_string(&crate::sample::sample_dossier(&spec)).unwrap_or_default();
    assert!(text.len() > 1 << 20, "{}", text.len());
    text
}

/// The questions of every checklist, in order.
fn questions(d: &Dossier) -> Vec<&str> {
    d.audits
        .iter()
        .flat_map(|a| &a.checklists)
        .flat_map(|c| &c.items)
        .map(|i| i.question.as_str())
        .collect()
}

/// A large NFC dossier loads as serde reads it.
#[test]
fn a_large_dossier_is_the_one_written() {
    let text = large_text();
    let report = super::load_report(text.as_bytes());
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    let expected: Dossier = serde_json::from_str(&text).unwrap();
    assert_eq!(report.dossier, Some(expected));
}

/// Text that is not NFC in a large dossier, written out or hidden in escapes, is normalised
/// (the quick check finds the mark among the Vietnamese letters it skips in chunks).
#[test]
fn a_large_dossier_that_is_not_nfc_is_normalised() {
    let text = large_text();
    let original: Dossier = serde_json::from_str(&text).unwrap();
    let first = questions(&original)[0].to_owned();
    for decomposed in ["e\u{301}", "e\\u0301"] {
        let changed = text.replacen(
            &format!("\"question\":\"{first}"),
            &format!("\"question\":\"{decomposed}{first}"),
            1,
        );
        assert_ne!(changed, text);
        let report = super::load_report(changed.as_bytes());
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let loaded = report.dossier.unwrap();
        assert_eq!(
            questions(&loaded)[0],
            format!("\u{e9}{first}"),
            "{decomposed}"
        );
        assert_eq!(questions(&loaded)[1..], questions(&original)[1..]);
    }
}

/// `text` as Python's `json.dumps` and .NET's serializers write it: every character beyond
/// ASCII as a `\u` escape (a surrogate pair beyond the basic plane).
fn ascii_escaped(text: &str, upper: bool) -> String {
    let mut out = String::new();
    for c in text.chars() {
        if c.is_ascii() {
            out.push(c);
            continue;
        }
        let mut units = [0u16; 2];
        for u in c.encode_utf16(&mut units) {
            out.push_str(&if upper {
                format!("\\u{u:04X}")
            } else {
                format!("\\u{u:04x}")
            });
        }
    }
    out
}

/// Loading in place ([`super::load_report_owned`]) gives what the standard path gives:
/// the same dossier and the same problems at the same lines and columns.
fn same_as_standard(text: &str) -> super::LoadReport {
    let owned = super::load_report_owned(text.as_bytes().to_vec());
    let standard = super::load_report(text.as_bytes());
    assert_eq!(
        owned.dossier,
        standard.dossier,
        "{}",
        &text[..text.len().min(200)]
    );
    assert_eq!(owned.problems, standard.problems);
    owned
}

#[test]
fn escaped_dossiers_load_in_place_as_they_load_from_a_borrowed_text() {
    for example in EXAMPLES {
        let expected: Dossier = serde_json::from_str(example).unwrap();
        for upper in [false, true] {
            let text = ascii_escaped(example, upper);
            assert!(text.is_ascii() && text.contains("\\u"));
            // The in place path takes it (it does not fall back to the standard one).
            let mut bytes = text.clone().into_bytes();
            assert!(super::ascii_escaped::decode(&mut bytes).is_some());
            assert!(super::load_decoded(&mut text.clone().into_bytes()).is_some());
            let report = same_as_standard(&text);
            assert!(report.problems.is_empty(), "{:?}", report.problems);
            assert_eq!(report.dossier.as_ref(), Some(&expected));
            let with_bom = format!("\u{feff}{text}");
            same_as_standard(&with_bom);
        }
    }
}

#[test]
fn problems_in_an_escaped_dossier_are_placed_in_the_text_as_written() {
    let example = EXAMPLES[0];
    let text = ascii_escaped(example, false);
    // A reference to a unit that does not exist, after many escapes on its line and before.
    let broken = text.replacen("\"unit\": \"", "\"unit\": \"kh\\u00f4ng-c\\u00f3-", 1);
    assert_ne!(broken, text);
    let report = same_as_standard(&broken);
    let p = report.problems.first().expect("a problem");
    assert!(p.line.is_some() && p.column.is_some(), "{p:?}");
    // A member written twice in a map of the model (Mỹ Tho's English unit names).
    let my_tho = ascii_escaped(EXAMPLES[1], false);
    let repeated = my_tho.replacen("\"units\": {", "\"units\": {\"vp\": \"Office\", ", 1);
    assert_ne!(repeated, my_tho);
    let report = same_as_standard(&repeated);
    assert!(report.problems.iter().all(|p| p.line.is_some()));
    assert!(!report.problems.is_empty());
    // Cut short, and a syntax error after the escapes.
    same_as_standard(&text[..text.len() / 2]);
    same_as_standard(&text.replacen("\\u1ea", "\\u1eZ", 1));
}

#[test]
fn escaped_text_the_in_place_path_declines_still_loads() {
    let example = EXAMPLES[1];
    let text = ascii_escaped(example, false);
    // Both cases of hex letters, a lone surrogate, a combining mark written as an escape.
    let mixed = text.replacen("\\u1e", "\\u1E", 1);
    let report = same_as_standard(&mixed);
    assert!(report.problems.is_empty());
    let lone = text.replacen("\\u1e", "\\ud800 \\u1e", 1);
    same_as_standard(&lone);
    let mark = text.replacen("\\u1e", "e\\u0301\\u1e", 1);
    let report = same_as_standard(&mark);
    assert!(report.problems.is_empty(), "{:?}", report.problems);
    // Not ASCII: the standard path, with or without escapes.
    same_as_standard(example);
    same_as_standard(&format!("{{\"x\": \"\\u1ec5\", {}", &example[1..]));
}
