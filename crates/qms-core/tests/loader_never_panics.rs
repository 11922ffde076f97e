#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! Property tests: whatever bytes arrive, the loader answers `Ok` or typed problems, never a panic.

use proptest::prelude::*;
use qms_core::sample::{SampleSpec, sample_dossier};
use qms_core::{Lang, load_report};
use serde_json::Value;
use std::sync::LazyLock;

static BASE: LazyLock<String> = LazyLock::new(|| {
    let mut d = sample_dossier(&SampleSpec {
        checklist_items: 40,
        findings: 8,
        seed: 1,
        agency: 0,
    });
    d.people[0].name = "Nguyễn Thị Hồng Nhung".into();
    serde_json::to_string_pretty(&d).unwrap()
});

/// Every problem is complete: a stable code, a path, and messages in both languages.
fn assert_well_formed(bytes: &[u8]) {
    let report = load_report(bytes);
    if report.dossier.is_none() {
        assert!(!report.problems.is_empty(), "no dossier and no problem");
    }
    for p in &report.problems {
        assert!(p.code().starts_with("QMS-V"));
        assert!(!p.message(Lang::Vi).is_empty() && !p.message(Lang::En).is_empty());
        let _ = p.path.pointer();
    }
}

const TOKENS: [&str; 14] = [
    "null",
    "\"\"",
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "1e999",
    "-1",
    "\"\\ud800\"",
    "\"a\\u0301\"",
    "true",
    "\u{feff}",
];

fn nodes(v: &Value) -> usize {
    1 + match v {
        Value::Array(a) => a.iter().map(nodes).sum(),
        Value::Object(o) => o.values().map(nodes).sum(),
        _ => 0,
    }
}

/// Replaces the n-th node (pre-order) with `with`.
fn replace_nth(v: &mut Value, n: &mut usize, with: &Value) -> bool {
    if *n == 0 {
        *v = with.clone();
        return true;
    }
    *n -= 1;
    match v {
        Value::Array(a) => a.iter_mut().any(|c| replace_nth(c, n, with)),
        Value::Object(o) => o.values_mut().any(|c| replace_nth(c, n, with)),
        _ => false,
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes(bytes in proptest::collection::vec(any::<u8>(), 0..2048)) {
        assert_well_formed(&bytes);
    }

    #[test]
    fn mutated_text(pos in 0usize..100_000, len in 0usize..64, token in 0usize..TOKENS.len(), op in 0u8..4) {
        let mut text = BASE.clone().into_bytes();
        let at = pos % (text.len() + 1);
        let end = (at + len).min(text.len());
        match op {
            0 => text.truncate(at),
            1 => { text.drain(at..end); }
            2 => { text.splice(at..at, TOKENS[token].bytes()); }
            _ => if at < text.len() { text[at] ^= 0x20 | (len as u8); },
        }
        assert_well_formed(&text);
    }

    #[test]
    fn mutated_tree(pick in 0usize..100_000, with in 0usize..8) {
        let mut v: Value = serde_json::from_str(&BASE).unwrap();
        let replacement = [
            Value::Null, Value::from(-1), Value::from(300), Value::from("9.9"), Value::from("2026-02-30"),
            serde_json::json!([]), serde_json::json!({"x": 1}), Value::from("p999"),
        ][with].clone();
        let mut n = pick % nodes(&v);
        replace_nth(&mut v, &mut n, &replacement);
        assert_well_formed(serde_json::to_string(&v).unwrap().as_bytes());
    }
}
