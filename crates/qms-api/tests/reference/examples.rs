//! An example value per field, taken from the bundled example dossiers (`examples/*.json`): real
//! values of a realistic agency teach more than a type name, and they stay valid because the
//! examples are checked by the other tests.

use super::schema::{Body, Entry, ROOT, Ty};
use serde_json::Value;
use std::collections::BTreeMap;

/// Fills `example` of the fields the schema gives none, from the first dossier that has a value.
pub(crate) fn fill(entries: &mut [Entry], dossiers: &[Value]) {
    let mut found = BTreeMap::new();
    for d in dossiers {
        walk(entries, ROOT, d, &mut found);
    }
    for e in entries.iter_mut() {
        if let Body::Object(fields) = &mut e.body {
            for f in fields.iter_mut().filter(|f| f.example.is_none()) {
                f.example = found.remove(&(e.name.clone(), f.name.clone()));
            }
        }
    }
}

type Found = BTreeMap<(String, String), Value>;

fn walk(entries: &[Entry], object: &str, value: &Value, found: &mut Found) {
    let Some(Body::Object(fields)) = entries.iter().find(|e| e.name == object).map(|e| &e.body)
    else {
        return;
    };
    let Some(members) = value.as_object() else {
        return;
    };
    for (key, v) in members {
        let Some(field) = fields.iter().find(|f| f.name == *key) else {
            continue;
        };
        if shows(&field.ty, v) {
            found
                .entry((object.to_string(), key.clone()))
                .or_insert_with(|| v.clone());
        }
        descend(entries, &field.ty, v, found);
    }
}

fn descend(entries: &[Entry], ty: &Ty, v: &Value, found: &mut Found) {
    match ty {
        Ty::Object(name) => walk(entries, name, v, found),
        Ty::List(inner) => v
            .as_array()
            .into_iter()
            .flatten()
            .for_each(|x| descend(entries, inner, x, found)),
        Ty::Map(inner) => v
            .as_object()
            .into_iter()
            .flatten()
            .for_each(|(_, x)| descend(entries, inner, x, found)),
        _ => {}
    }
}

/// Whether a value makes a useful one-line example: scalars and lists or maps of scalars (objects
/// have their own section; value lists list their values).
fn shows(ty: &Ty, v: &Value) -> bool {
    let scalar = |t: &Ty| {
        matches!(
            t,
            Ty::Text | Ty::Date | Ty::Integer { .. } | Ty::Number | Ty::Boolean | Ty::Scalar(_)
        )
    };
    match ty {
        t if scalar(t) => !v.is_null() && v.as_str() != Some(""),
        Ty::List(inner) => scalar(inner) && v.as_array().is_some_and(|a| !a.is_empty()),
        Ty::Map(inner) => scalar(inner) && v.as_object().is_some_and(|m| !m.is_empty()),
        _ => false,
    }
}
