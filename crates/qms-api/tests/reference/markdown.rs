//! The reference as Markdown: a table of contents, one section per object (a table of its
//! fields), then one per value list.

use super::schema::{Body, Entry, Field};
use super::vi::{SELF, Vi};
use super::words::{self, Labels, Lang, link};
use serde_json::Value;
use std::fmt::Write;

/// How long an example may be before it is cut (a reference line, not a dump).
const EXAMPLE_CHARS: usize = 70;

/// The whole reference in one language. Vietnamese text must exist for every key (the caller
/// checks `Vi::missing` first); a missing one would print empty.
pub(crate) fn render(entries: &[Entry], vi: &Vi, lang: Lang) -> String {
    let l = words::labels(lang);
    let text = |object: &str, key: &str, en: &str| -> String {
        match lang {
            Lang::En => en.to_string(),
            Lang::Vi => vi.text(object, key).unwrap_or_default().to_string(),
        }
    };
    let mut s = String::new();
    let _ = writeln!(s, "# {}\n", l.title);
    let _ = writeln!(
        s,
        "<!-- Generated from docs/schema/dossier.schema.json and docs/reference/fields.vi.toml by\n     \
         QMS_UPDATE_REFERENCE=1 cargo test -p qms-api --test reference_fresh -- do not edit. -->\n"
    );
    let _ = writeln!(s, "{}\n", l.intro);
    let is_list = |e: &&Entry| matches!(e.body, Body::Values(_));
    let (lists, objects): (Vec<&Entry>, Vec<&Entry>) = entries.iter().partition(is_list);

    let _ = writeln!(s, "## {}\n", l.contents);
    for (heading, group) in [(l.objects, &objects), (l.value_lists, &lists)] {
        let _ = writeln!(s, "**{heading}:**\n");
        for e in group.iter() {
            let _ = writeln!(
                s,
                "- {} — {}",
                link(&e.name),
                first_sentence(&text(&e.name, SELF, &e.en))
            );
        }
        s.push('\n');
    }

    let _ = writeln!(s, "## {}\n", l.objects);
    for e in &objects {
        let _ = writeln!(s, "### {}\n", e.name);
        let _ = writeln!(s, "{}\n", text(&e.name, SELF, &e.en));
        match &e.body {
            Body::Object(fields) => {
                let _ = writeln!(
                    s,
                    "| {} | {} | {} | {} |",
                    l.field, l.ty, l.required, l.description
                );
                let _ = writeln!(s, "|---|---|---|---|");
                for f in fields {
                    let description =
                        cell(&describe(f, &text(&e.name, &f.name, &f.en), entries, &l));
                    let required = if f.required { l.yes } else { l.no };
                    let ty = cell(&words::ty(&f.ty, lang));
                    let _ = writeln!(s, "| `{}` | {ty} | {required} | {description} |", f.name);
                }
                s.push('\n');
            }
            Body::Scalar { pattern: Some(p) } => {
                let _ = writeln!(s, "{} {}\n", l.pattern, code(p));
            }
            Body::Scalar { pattern: None } | Body::Values(_) => {}
        }
    }

    let _ = writeln!(s, "## {}\n", l.value_lists);
    for e in &lists {
        let _ = writeln!(s, "### {}\n", e.name);
        let _ = writeln!(s, "{}\n", text(&e.name, SELF, &e.en));
        let Body::Values(values) = &e.body else {
            continue;
        };
        let _ = writeln!(s, "| {} | {} |", l.value, l.meaning);
        let _ = writeln!(s, "|---|---|");
        for v in values {
            let shown = match &v.object_of {
                None => code(&Value::String(v.name.clone()).to_string()),
                Some(t) => format!(
                    "{} `{{\"{}\": …}}` ({})",
                    l.object_value,
                    v.name,
                    words::ty(t, lang)
                ),
            };
            let _ = writeln!(
                s,
                "| {} | {} |",
                cell(&shown),
                cell(&text(&e.name, &v.name, &v.en))
            );
        }
        s.push('\n');
    }
    while s.ends_with("\n\n") {
        s.pop();
    }
    s
}

fn describe(f: &Field, text: &str, entries: &[Entry], l: &Labels) -> String {
    let mut parts = vec![text.to_string()];
    if let Some(values) = allowed_values(f, entries) {
        parts.push(format!("{}: {}.", l.values, values.join(", ")));
    }
    if let Some(d) = f
        .default
        .as_ref()
        .filter(|d| !d.is_object() && !d.is_array())
    {
        parts.push(format!("{}: {}.", l.default, code(&d.to_string())));
    }
    if let Some(x) = &f.example {
        parts.push(format!("{}: {}", l.example, code(&example(x))));
    }
    parts.join("<br>")
}

/// The allowed values of a field whose type is (a list of) a value list.
fn allowed_values(f: &Field, entries: &[Entry]) -> Option<Vec<String>> {
    use super::schema::Ty;
    let name = match &f.ty {
        Ty::Values(n) => n,
        Ty::List(inner) => match inner.as_ref() {
            Ty::Values(n) => n,
            _ => return None,
        },
        _ => return None,
    };
    let Body::Values(values) = &entries.iter().find(|e| e.name == *name)?.body else {
        return None;
    };
    Some(
        values
            .iter()
            .map(|v| match v.object_of {
                None => code(&Value::String(v.name.clone()).to_string()),
                Some(_) => code(&format!("{{\"{}\": …}}", v.name)),
            })
            .collect(),
    )
}

/// The first sentence of a description, for the table of contents.
fn first_sentence(text: &str) -> String {
    let line = text.lines().next().unwrap_or_default();
    // "e.g. QT-01" and "ví dụ" abbreviations do not end a sentence.
    let ends = line.match_indices(". ").map(|(i, _)| i).find(|&i| {
        let before = &line[..i];
        !(before.ends_with("e.g") || before.ends_with("i.e") || before.ends_with("v.v"))
    });
    match ends {
        Some(i) => line[..=i].to_string(),
        None => line.to_string(),
    }
}

/// A value on one line, cut to about `EXAMPLE_CHARS`: lists and maps keep whole elements and
/// end with "…", long text is cut inside its quotes.
fn example(v: &Value) -> String {
    let items: Vec<String> = match v {
        Value::String(_) => return example_item(v, EXAMPLE_CHARS),
        Value::Array(a) => a
            .iter()
            .map(|x| example_item(x, EXAMPLE_CHARS / 2))
            .collect(),
        Value::Object(m) => m
            .iter()
            .map(|(k, x)| {
                format!(
                    "{}: {}",
                    Value::String(k.clone()),
                    example_item(x, EXAMPLE_CHARS / 2)
                )
            })
            .collect(),
        other => return other.to_string(),
    };
    let (open, close) = if v.is_array() { ("[", "]") } else { ("{", "}") };
    let mut out = String::from(open);
    for (i, item) in items.iter().enumerate() {
        let sep = if i == 0 { "" } else { ", " };
        if i > 0 && out.chars().count() + sep.len() + item.chars().count() > EXAMPLE_CHARS {
            out.push_str(", …");
            break;
        }
        out.push_str(sep);
        out.push_str(item);
    }
    out.push_str(close);
    out
}

fn example_item(v: &Value, max: usize) -> String {
    match v {
        Value::String(s) if s.chars().count() + 2 > max => {
            let cut: String = s.chars().take(max.saturating_sub(3)).collect();
            format!(
                "{}…\"",
                Value::String(cut).to_string().trim_end_matches('"')
            )
        }
        other => other.to_string(),
    }
}

/// Inline code that survives backticks in the value.
fn code(text: &str) -> String {
    if text.contains('`') {
        format!("`` {text} ``")
    } else {
        format!("`{text}`")
    }
}

/// A table cell: no line breaks, no unescaped column separators.
fn cell(text: &str) -> String {
    text.replace('|', "\\|")
        .replace("\n\n", "<br>")
        .replace('\n', " ")
}
