//! Reads the committed dossier JSON Schema into the objects, fields and value lists the reference
//! documents (the schemars output shapes: `$ref`, `anyOf [X, null]`, `type [T, "null"]`, arrays,
//! maps, `oneOf` of constants).

use serde_json::{Map, Value};
use std::collections::{BTreeSet, VecDeque};

/// The name the reference gives the schema's root (its `title`).
pub(crate) const ROOT: &str = "Dossier";

/// One documented thing: an object, a value list or a named scalar.
pub(crate) struct Entry {
    pub(crate) name: String,
    pub(crate) en: String,
    pub(crate) body: Body,
}

pub(crate) enum Body {
    Object(Vec<Field>),
    Values(Vec<Allowed>),
    Scalar { pattern: Option<String> },
}

pub(crate) struct Field {
    pub(crate) name: String,
    pub(crate) required: bool,
    pub(crate) ty: Ty,
    pub(crate) en: String,
    pub(crate) default: Option<Value>,
    pub(crate) example: Option<Value>,
}

/// One allowed value of a value list: a constant, or (Retention's `{"years": 5}`) an object.
pub(crate) struct Allowed {
    pub(crate) name: String,
    pub(crate) en: String,
    pub(crate) object_of: Option<Ty>,
}

#[derive(Clone)]
pub(crate) enum Ty {
    Text,
    Date,
    Integer { non_negative: bool },
    Number,
    Boolean,
    Object(String),
    Values(String),
    Scalar(String),
    List(Box<Ty>),
    Map(Box<Ty>),
}

/// The entries, the dossier first, then every object it reaches (breadth first, in field order),
/// then the value lists in the order they are first met.
pub(crate) fn read(schema: &Value) -> Result<Vec<Entry>, String> {
    let defs = schema["$defs"].as_object().cloned().unwrap_or_default();
    let mut out = Vec::new();
    let mut value_lists = Vec::new();
    let mut queue = VecDeque::from([ROOT.to_string()]);
    let mut seen = BTreeSet::from([ROOT.to_string()]);
    while let Some(name) = queue.pop_front() {
        let node = if name == ROOT { schema } else { &defs[&name] };
        let entry = entry(&defs, &name, node)?;
        for reached in reached_names(&entry) {
            if seen.insert(reached.clone()) {
                queue.push_back(reached);
            }
        }
        match entry.body {
            Body::Values(_) => value_lists.push(entry),
            _ => out.push(entry),
        }
    }
    for name in defs.keys().filter(|n| !seen.contains(*n)) {
        out.push(entry(&defs, name, &defs[name])?);
    }
    out.extend(value_lists);
    Ok(out)
}

fn reached_names(entry: &Entry) -> Vec<String> {
    fn of(ty: &Ty, out: &mut Vec<String>) {
        match ty {
            Ty::Object(n) | Ty::Values(n) | Ty::Scalar(n) => out.push(n.clone()),
            Ty::List(t) | Ty::Map(t) => of(t, out),
            _ => {}
        }
    }
    let mut out = Vec::new();
    match &entry.body {
        Body::Object(fields) => fields.iter().for_each(|f| of(&f.ty, &mut out)),
        Body::Values(values) => values
            .iter()
            .flat_map(|v| &v.object_of)
            .for_each(|t| of(t, &mut out)),
        Body::Scalar { .. } => {}
    }
    out
}

fn entry(defs: &Map<String, Value>, name: &str, node: &Value) -> Result<Entry, String> {
    let en = clean(node["description"].as_str().unwrap_or_default(), false);
    let body = if let Some(variants) = node["oneOf"].as_array() {
        Body::Values(
            variants
                .iter()
                .map(|v| allowed(defs, name, v))
                .collect::<Result<_, _>>()?,
        )
    } else if node["type"] == "object" {
        Body::Object(fields(defs, name, node)?)
    } else if node["type"] == "string" {
        Body::Scalar {
            pattern: node["pattern"].as_str().map(str::to_owned),
        }
    } else {
        return Err(unknown(name, "", node));
    };
    Ok(Entry {
        name: name.to_string(),
        en,
        body,
    })
}

fn fields(defs: &Map<String, Value>, object: &str, node: &Value) -> Result<Vec<Field>, String> {
    let required: BTreeSet<&str> = node["required"]
        .as_array()
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .collect();
    let props = node["properties"].as_object().cloned().unwrap_or_default();
    let mut out = Vec::new();
    for (name, p) in &props {
        out.push(Field {
            name: name.clone(),
            required: required.contains(name.as_str()),
            ty: ty(defs, object, name, p)?,
            en: clean(p["description"].as_str().unwrap_or_default(), true),
            default: p.get("default").cloned(),
            example: p["examples"].as_array().and_then(|e| e.first()).cloned(),
        });
    }
    // Required fields first: they are what a new dossier must have.
    out.sort_by(|a, b| b.required.cmp(&a.required).then(a.name.cmp(&b.name)));
    Ok(out)
}

fn allowed(defs: &Map<String, Value>, list: &str, v: &Value) -> Result<Allowed, String> {
    let en = clean(v["description"].as_str().unwrap_or_default(), true);
    if let Some(c) = v["const"].as_str() {
        return Ok(Allowed {
            name: c.to_string(),
            en,
            object_of: None,
        });
    }
    let props = v["properties"].as_object().filter(|p| p.len() == 1);
    let Some((key, inner)) = props.and_then(|p| p.iter().next()) else {
        return Err(unknown(list, "(a value)", v));
    };
    Ok(Allowed {
        name: key.clone(),
        en,
        object_of: Some(ty(defs, list, key, inner)?),
    })
}

/// The type of a property, ignoring `null` (optional fields say so in the required column).
fn ty(defs: &Map<String, Value>, object: &str, field: &str, p: &Value) -> Result<Ty, String> {
    if let Some(r) = p["$ref"].as_str() {
        return Ok(named(defs, r));
    }
    if let Some(any) = p["anyOf"].as_array() {
        let mut non_null = any.iter().filter(|a| a["type"] != "null");
        if let (Some(only), None) = (non_null.next(), non_null.next()) {
            return ty(defs, object, field, only);
        }
        return Err(unknown(object, field, p));
    }
    let t = match &p["type"] {
        Value::String(s) => s.as_str(),
        Value::Array(ts) => {
            let mut non_null = ts.iter().filter_map(Value::as_str).filter(|t| *t != "null");
            match (non_null.next(), non_null.next()) {
                (Some(t), None) => t,
                _ => return Err(unknown(object, field, p)),
            }
        }
        _ => return Err(unknown(object, field, p)),
    };
    Ok(match t {
        "string" if p["format"] == "date" => Ty::Date,
        "string" if p.get("enum").is_none() && p.get("format").is_none() => Ty::Text,
        "integer" => Ty::Integer {
            non_negative: p["minimum"].as_f64().is_some_and(|m| m >= 0.0),
        },
        "number" => Ty::Number,
        "boolean" => Ty::Boolean,
        "array" => Ty::List(Box::new(ty(defs, object, field, &p["items"])?)),
        "object" if p["additionalProperties"].is_object() => Ty::Map(Box::new(ty(
            defs,
            object,
            field,
            &p["additionalProperties"],
        )?)),
        _ => return Err(unknown(object, field, p)),
    })
}

fn named(defs: &Map<String, Value>, reference: &str) -> Ty {
    let name = reference.trim_start_matches("#/$defs/").to_string();
    let node = &defs[&name];
    if node.get("oneOf").is_some() {
        Ty::Values(name)
    } else if node["type"] == "object" {
        Ty::Object(name)
    } else {
        Ty::Scalar(name)
    }
}

fn unknown(object: &str, field: &str, p: &Value) -> String {
    format!(
        "the reference generator does not know the schema shape of {object}.{field}: {p}\n\
         Teach it in crates/qms-api/tests/reference/schema.rs (fn ty) and its words in words.rs."
    )
}

/// A doc comment as reference text: Rust code examples dropped, intra-doc links as code,
/// lines joined; paragraphs kept unless `one_line`.
pub(crate) fn clean(text: &str, one_line: bool) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<&str> = Vec::new();
    let mut in_code = false;
    for line in text.lines() {
        if line.trim_start().starts_with("```") {
            in_code = !in_code;
            continue;
        }
        if in_code {
            continue;
        }
        if line.trim().is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join(" "));
                current.clear();
            }
        } else {
            current.push(line.trim());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join(" "));
    }
    let joined = paragraphs.join(if one_line { " " } else { "\n\n" });
    intra_doc_links(&joined)
}

/// "[`crate::model::X::field`]" → "`field`": the reader knows fields, not Rust paths.
fn intra_doc_links(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(start) = rest.find("[`") {
        let Some(end) = rest[start..].find("`]") else {
            break;
        };
        out.push_str(&rest[..start]);
        let path = &rest[start + 2..start + end];
        let last = path.rsplit("::").next().unwrap_or(path);
        out.push('`');
        out.push_str(last);
        out.push('`');
        rest = &rest[start + end + 2..];
    }
    out.push_str(rest);
    out
}
