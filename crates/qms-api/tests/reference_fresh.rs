#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! docs/reference.vi.md and docs/reference.en.md document every object and field of the dossier.
//! They are generated from the committed schema (docs/schema/dossier.schema.json, itself checked
//! against the Rust model by schema_fresh), the Vietnamese text of docs/reference/fields.vi.toml
//! and examples from examples/*.json. `QMS_UPDATE_REFERENCE=1 cargo test -p qms-api --test
//! reference_fresh` rewrites them; otherwise the tests fail when they are stale or a field has no
//! Vietnamese text, naming the lines to add.

mod reference;

use reference::schema::{self, Body, Entry};
use reference::vi::{self, Vi};
use reference::words::Lang;
use reference::{examples, markdown};
use serde_json::Value;
use std::path::PathBuf;

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    std::fs::read_to_string(repo().join(path)).unwrap_or_else(|e| panic!("{path}: {e}"))
}

fn committed_schema() -> Value {
    serde_json::from_str(&read("docs/schema/dossier.schema.json")).unwrap()
}

fn example_dossiers() -> Vec<Value> {
    let mut paths: Vec<PathBuf> = std::fs::read_dir(repo().join("examples"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "json"))
        .collect();
    paths.sort();
    paths
        .iter()
        .map(|p| serde_json::from_slice(&std::fs::read(p).unwrap()).unwrap())
        .collect()
}

fn entries() -> Vec<Entry> {
    let mut entries = schema::read(&committed_schema()).unwrap_or_else(|e| panic!("{e}"));
    examples::fill(&mut entries, &example_dossiers());
    entries
}

fn translations() -> Vi {
    Vi::parse(&read("docs/reference/fields.vi.toml")).unwrap_or_else(|e| panic!("{e}"))
}

/// Panics with the lines a developer must add when a key lacks Vietnamese text. Keys the schema
/// does not have (yet) are allowed, so the text of a field can land before the field itself when
/// branches merge in any order; they are listed whenever the test fails, to be deleted if stale.
fn assert_translated(entries: &[Entry], vi: &Vi) {
    let (missing, unused) = (vi.missing(entries), vi.unused(entries));
    assert!(missing.is_empty(), "\n{}\n", vi::advice(&missing, &unused));
}

#[test]
fn every_object_field_and_value_has_vietnamese_text() {
    let entries = entries();
    assert_translated(&entries, &translations());
}

#[test]
fn every_object_field_and_value_has_an_english_description() {
    let blank: Vec<String> = vi::keys(&entries())
        .into_iter()
        .filter(|k| k.en.trim().is_empty())
        .map(|k| format!("{}.{}", k.object, k.key))
        .collect();
    assert!(
        blank.is_empty(),
        "no description in the schema for {blank:?}: add a doc comment to the Rust type or field \
         (qms-core model), then `QMS_UPDATE_SCHEMA=1 cargo test -p qms-api --test schema_fresh`"
    );
}

#[test]
fn reference_is_fresh() {
    let entries = entries();
    let vi = translations();
    assert_translated(&entries, &vi);
    for (lang, file) in [
        (Lang::Vi, "docs/reference.vi.md"),
        (Lang::En, "docs/reference.en.md"),
    ] {
        let fresh = markdown::render(&entries, &vi, lang) + "\n";
        if std::env::var_os("QMS_UPDATE_REFERENCE").is_some() {
            std::fs::write(repo().join(file), &fresh).unwrap();
            continue;
        }
        let committed = std::fs::read_to_string(repo().join(file)).unwrap_or_default();
        assert!(
            committed == fresh,
            "{file} is stale (the schema, docs/reference/fields.vi.toml or an example changed): run \
             `QMS_UPDATE_REFERENCE=1 cargo test -p qms-api --test reference_fresh` and commit it"
        );
    }
}

/// The generator leaves nothing out: every property of every object of the raw schema has a row
/// in its object's section, in both languages, and every constant of a value list a row too.
#[test]
fn reference_has_a_row_for_every_property_and_value_of_the_schema() {
    let raw = committed_schema();
    let entries = entries();
    let vi = translations();
    let mut objects: Vec<(&str, &Value)> = vec![(schema::ROOT, &raw)];
    objects.extend(
        raw["$defs"]
            .as_object()
            .unwrap()
            .iter()
            .map(|(k, v)| (k.as_str(), v)),
    );
    for lang in [Lang::Vi, Lang::En] {
        let doc = markdown::render(&entries, &vi, lang);
        for (name, node) in &objects {
            let start = doc
                .find(&format!("\n### {name}\n"))
                .unwrap_or_else(|| panic!("no section {name}"));
            let section = &doc[start + 1..];
            let section = &section[..section[4..].find("\n### ").map_or(section.len(), |i| i + 4)];
            let props = node["properties"]
                .as_object()
                .into_iter()
                .flatten()
                .map(|(k, _)| k.clone());
            let consts = node["oneOf"]
                .as_array()
                .into_iter()
                .flatten()
                .filter_map(|v| v["const"].as_str());
            for key in props {
                assert!(
                    section.contains(&format!("| `{key}` |")),
                    "{name}.{key} has no row"
                );
            }
            for c in consts {
                assert!(
                    section.contains(&format!("| `\"{c}\"` |")),
                    "{name} value {c} has no row"
                );
            }
        }
    }
}

/// What a developer sees after adding a field without its Vietnamese text: the table, the key,
/// the English to translate, and the command to run.
#[test]
fn a_missing_translation_names_the_line_to_add() {
    let entries = entries();
    let mut vi = translations();
    let finding =
        vi.0.get_mut("Finding")
            .and_then(|t| t.as_table_mut())
            .unwrap();
    finding.remove("statement");
    finding.insert("no_such_field".into(), "x".into());
    let (missing, unused) = (vi.missing(&entries), vi.unused(&entries));
    assert_eq!(missing.len(), 1);
    let advice = vi::advice(&missing, &unused);
    assert!(
        advice.contains("[Finding]\nstatement = \"\"  # en: The statement of the finding"),
        "{advice}"
    );
    assert!(advice.contains("[Finding] no_such_field"), "{advice}");
    assert!(advice.contains("QMS_UPDATE_REFERENCE=1 cargo test -p qms-api --test reference_fresh"));
}

/// Types read as words, and a field's allowed values and example reach its row.
#[test]
fn rows_say_types_in_words_with_values_and_examples() {
    let entries = entries();
    let vi = translations();
    let en = markdown::render(&entries, &vi, Lang::En);
    let vi_doc = markdown::render(&entries, &vi, Lang::Vi);
    assert!(
        en.contains("| `units` | list of [Unit](#unit) objects | no |"),
        "{en}"
    );
    assert!(vi_doc.contains("| `units` | danh sách đối tượng [Unit](#unit) | không |"));
    let kind = en
        .lines()
        .find(|l| l.starts_with("| `kind` | one value of [FindingKind]"))
        .unwrap();
    assert!(
        kind.contains("`\"major_nonconformity\"`") && kind.contains("| yes |"),
        "{kind}"
    );
    let agency_name = en
        .lines()
        .find(|l| l.starts_with("| `name` | text | yes | Full name"))
        .unwrap();
    assert!(agency_name.contains("Example: `\""), "{agency_name}");
    let dossier = &en[en.find("\n### Dossier\n").unwrap()..];
    assert!(matches!(entries[0].body, Body::Object(_)) && entries[0].name == "Dossier");
    assert!(
        dossier.contains("| `scope` | [QmsScope](#qmsscope) object | yes |"),
        "{dossier}"
    );
}
