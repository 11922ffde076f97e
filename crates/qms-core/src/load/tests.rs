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
