//! The Vietnamese text of the reference (docs/reference/fields.vi.toml): one table per object or
//! value list, `_` for the object itself, one key per field or allowed value.

use super::schema::{Body, Entry};
use std::fmt::Write;

/// The key of an object's own description in its table.
pub(crate) const SELF: &str = "_";

pub(crate) struct Vi(pub toml::Table);

/// A key the schema has and the file lacks (or the reverse), with the English text to translate.
pub(crate) struct Key {
    pub(crate) object: String,
    pub(crate) key: String,
    pub(crate) en: String,
}

impl Vi {
    pub(crate) fn parse(text: &str) -> Result<Vi, String> {
        toml::from_str(text)
            .map(Vi)
            .map_err(|e| format!("docs/reference/fields.vi.toml: {e}"))
    }

    /// The text of `object.key`; None when absent or blank.
    pub(crate) fn text(&self, object: &str, key: &str) -> Option<&str> {
        let t = self.0.get(object)?.get(key)?.as_str()?.trim();
        (!t.is_empty()).then_some(t)
    }

    /// Every key the schema needs that has no Vietnamese text, in reference order.
    pub(crate) fn missing(&self, entries: &[Entry]) -> Vec<Key> {
        keys(entries)
            .into_iter()
            .filter(|k| self.text(&k.object, &k.key).is_none())
            .collect()
    }

    /// Keys of the file that name nothing in the schema (a typo, a field renamed or removed, or one
    /// not merged yet).
    pub(crate) fn unused(&self, entries: &[Entry]) -> Vec<Key> {
        let wanted = keys(entries);
        let mut out = Vec::new();
        for (object, table) in &self.0 {
            let Some(table) = table.as_table() else {
                out.push(Key {
                    object: object.clone(),
                    key: String::new(),
                    en: String::new(),
                });
                continue;
            };
            for key in table.keys() {
                if !wanted.iter().any(|k| k.object == *object && k.key == *key) {
                    out.push(Key {
                        object: object.clone(),
                        key: key.clone(),
                        en: String::new(),
                    });
                }
            }
        }
        out
    }
}

/// Every (object, key) the reference needs, with its English text.
pub(crate) fn keys(entries: &[Entry]) -> Vec<Key> {
    let mut out = Vec::new();
    for e in entries {
        let key = |k: &str, en: &str| Key {
            object: e.name.clone(),
            key: k.to_string(),
            en: en.to_string(),
        };
        out.push(key(SELF, &e.en));
        match &e.body {
            Body::Object(fields) => out.extend(fields.iter().map(|f| key(&f.name, &f.en))),
            Body::Values(values) => out.extend(values.iter().map(|v| key(&v.name, &v.en))),
            Body::Scalar { .. } => {}
        }
    }
    out
}

/// What a developer must do when keys are missing or unused: the exact TOML lines to add (with
/// the English text to translate as a comment) and the command that regenerates the reference.
pub(crate) fn advice(missing: &[Key], unused: &[Key]) -> String {
    let mut s = String::new();
    if !missing.is_empty() {
        let _ = writeln!(
            s,
            "docs/reference/fields.vi.toml has no Vietnamese text for {} key(s) of the dossier schema.\n\
             Add these lines to it (under the table named in brackets; create the table if it is not there),\n\
             writing the Vietnamese for the English text shown after '#', with the official TCVN terms:\n",
            missing.len()
        );
        let mut table = "";
        for k in missing {
            if k.object != table {
                let _ = writeln!(s, "[{}]", k.object);
                table = &k.object;
            }
            let _ = writeln!(
                s,
                "{} = \"\"  # en: {}",
                toml_key(&k.key),
                k.en.replace('\n', " ")
            );
        }
    }
    if !unused.is_empty() {
        let _ = writeln!(
            s,
            "\nThese keys of docs/reference/fields.vi.toml name nothing in the schema (a typo, a \
             renamed or removed field, or one still on another branch); delete the stale ones:"
        );
        for k in unused {
            let _ = writeln!(s, "  [{}] {}", k.object, k.key);
        }
    }
    let _ = write!(
        s,
        "\nThen run `QMS_UPDATE_REFERENCE=1 cargo test -p qms-api --test reference_fresh` and commit\n\
         docs/reference/fields.vi.toml, docs/reference.vi.md and docs/reference.en.md."
    );
    s
}

fn toml_key(k: &str) -> String {
    if !k.is_empty()
        && k.chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    {
        k.to_string()
    } else {
        format!("{k:?}")
    }
}
