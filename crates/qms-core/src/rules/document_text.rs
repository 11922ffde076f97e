//! A diagnostic's message as an official document quotes it (inspection minutes, the
//! provincial roll-up). `qms check` speaks to the person editing the dossier and names records
//! by their ids ("Lâm Quốc Bảo (p-lam-quoc-bao)", "car-02", "qt-19") and tool hints
//! ("(dùng `qms convert`)", the field to fill "(units)"). A record signed by an inspector names
//! people and units, procedures by the code the agency writes (QT-19) and records by their
//! number, never an id or a command: this is the one place that turns the first into the
//! second, so the rules keep one wording.

use crate::model::Dossier;
use crate::{Lang, rules::Diagnostic};
use chrono::NaiveDate;

/// A diagnostic's message for an official document, in `lang`, dates written by `date`.
///
/// ```
/// let mut d = qms_core::Dossier::new("x", "UBND xã An Bình");
/// d.people.push(serde_json::from_str(r#"{"id": "p-an", "name": "Lê Văn An"}"#).unwrap());
/// let text = "chuyên gia Lê Văn An (p-an) chưa có hồ sơ (qualifications)";
/// let date = |x: chrono::NaiveDate| x.format("%d/%m/%Y").to_string();
/// assert_eq!(
///     qms_core::rules::document_text(&d, text, qms_core::Lang::Vi, &date),
///     "chuyên gia Lê Văn An chưa có hồ sơ"
/// );
/// ```
pub fn document_text(
    d: &Dossier,
    message: &str,
    lang: Lang,
    date: &dyn Fn(NaiveDate) -> String,
) -> String {
    let names = Names::of(d, lang, date);
    let mut s = message.to_owned();
    // "Name (id)": the name says it.
    for (id, name) in &names.named {
        s = s.replace(&format!("{name} ({id})"), name);
    }
    s = drop_hints(&s);
    s = replace_tokens(&s, &names, d, lang);
    if lang == Lang::En {
        s = iso_dates(&s, date);
    }
    s
}

/// A diagnostic's message for an official document (see [`document_text`]).
pub fn document_message(
    d: &Dossier,
    x: &Diagnostic,
    lang: Lang,
    date: &dyn Fn(NaiveDate) -> String,
) -> String {
    document_text(d, x.message(lang), lang, date)
}

/// What the dossier's ids stand for.
struct Names {
    /// Ids printed after their name: people and units.
    named: Vec<(String, String)>,
    /// Ids printed alone, and what an official text writes instead (maybe nothing), with the
    /// word a message puts before the id that the replacement already says.
    bare: Vec<(String, String, &'static [&'static str])>,
}

impl Names {
    fn of(d: &Dossier, lang: Lang, date: &dyn Fn(NaiveDate) -> String) -> Names {
        let mut named: Vec<(String, String)> = Vec::new();
        let mut bare: Vec<(String, String, &'static [&'static str])> = Vec::new();
        for p in &d.people {
            named.push((p.id.clone(), p.name.clone()));
            bare.push((p.id.clone(), p.name.clone(), &[]));
        }
        for u in &d.units {
            named.push((u.id.clone(), u.name.clone()));
        }
        let unit = |id: &str| d.unit(id).map_or_else(|| id.to_owned(), |u| u.name.clone());
        for p in &d.procedures {
            bare.push((p.id.clone(), p.code.clone(), &[]));
        }
        const CAR_WORDS: &[&str] = &["phiếu ", "request "];
        for c in &d.corrective_actions {
            let label = match (c.number.as_deref().map(str::trim), lang) {
                (Some(n), Lang::Vi) if !n.is_empty() => {
                    format!("phiếu yêu cầu hành động khắc phục số {n}")
                }
                (Some(n), Lang::En) if !n.is_empty() => {
                    format!("corrective action request No. {n}")
                }
                (_, Lang::Vi) => format!(
                    "phiếu yêu cầu hành động khắc phục của {} lập ngày {}",
                    unit(&c.unit),
                    date(c.raised_on)
                ),
                (_, Lang::En) => format!(
                    "the corrective action request of {} raised on {}",
                    unit(&c.unit),
                    date(c.raised_on)
                ),
            };
            bare.push((c.id.clone(), label, CAR_WORDS));
        }
        const CHECKLIST_WORDS: &[&str] = &["phiếu ", "checklist "];
        for a in &d.audits {
            for c in &a.checklists {
                let on = c.date.map(|x| match lang {
                    Lang::Vi => format!(" ngày {}", date(x)),
                    Lang::En => format!(" of {}", date(x)),
                });
                let label = match lang {
                    Lang::Vi => format!(
                        "phiếu câu hỏi đánh giá tại {}{}",
                        unit(&c.unit),
                        on.unwrap_or_default()
                    ),
                    Lang::En => format!(
                        "the checklist for {}{}",
                        unit(&c.unit),
                        on.unwrap_or_default()
                    ),
                };
                bare.push((c.id.clone(), label, CHECKLIST_WORDS));
            }
            bare.push((a.id.clone(), format!("\"{}\"", a.title), &[]));
        }
        for p in &d.programmes {
            // The message says which planned audit by its unit and month already.
            for x in &p.planned {
                bare.push((x.id.clone(), String::new(), &[]));
            }
        }
        for r in &d.management_reviews {
            bare.push((r.id.clone(), format!("\"{}\"", r.title), &[]));
        }
        // Longest ids first, so "car-1" never eats the start of "car-10".
        bare.sort_by_key(|(id, _, _)| std::cmp::Reverse(id.len()));
        named.sort_by_key(|(id, _)| std::cmp::Reverse(id.len()));
        Names { named, bare }
    }
}

/// Leaves out what speaks to the dossier's editor: a parenthesis holding a command
/// ("(dùng `qms convert` để chuyển đổi)") or a field name ("(units)", "(qualifications)").
fn drop_hints(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(open) = rest.find(" (") {
        let (before, after) = rest.split_at(open);
        out.push_str(before);
        let inner_start = open + 2;
        let close = rest.get(inner_start..).and_then(|t| t.find(')'));
        match close {
            Some(c) => {
                let inner = rest.get(inner_start..inner_start + c).unwrap_or_default();
                let field = !inner.is_empty()
                    && inner
                        .chars()
                        .all(|ch| ch.is_ascii_lowercase() || ch == '_' || ch == '.');
                if field || inner.contains('`') {
                    rest = rest.get(inner_start + c + 1..).unwrap_or_default();
                } else {
                    out.push_str(" (");
                    rest = after.get(2..).unwrap_or_default();
                }
            }
            None => {
                out.push_str(after);
                rest = "";
            }
        }
    }
    out.push_str(rest);
    out
}

fn is_id_char(c: char) -> bool {
    c.is_ascii_alphanumeric() || c == '-' || c == '_'
}

/// Replaces every whole token that is an id (see [`Names`]); a checklist item's id ("c06")
/// becomes its number on the checklist when its checklist is named in the same text.
fn replace_tokens(s: &str, names: &Names, d: &Dossier, lang: Lang) -> String {
    // The checklists the text names, for their items' ids.
    let items: Vec<(&str, String)> = d
        .audits
        .iter()
        .flat_map(|a| &a.checklists)
        .filter(|c| has_token(s, &c.id))
        .flat_map(|c| {
            c.items.iter().enumerate().map(move |(i, item)| {
                (
                    item.id.as_str(),
                    match lang {
                        Lang::Vi => format!("số {}", i + 1),
                        Lang::En => format!("No. {}", i + 1),
                    },
                )
            })
        })
        .collect();
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    let bytes = s.as_bytes();
    while i < s.len() {
        let at_start = i == 0 || !s[..i].chars().next_back().is_some_and(is_id_char);
        if at_start && bytes.get(i).is_some_and(|b| b.is_ascii_alphanumeric()) {
            let len = s[i..].find(|c: char| !is_id_char(c)).unwrap_or(s.len() - i);
            let token = &s[i..i + len];
            let found = names
                .bare
                .iter()
                .find(|(id, _, _)| id == token)
                .map(|(_, label, words)| (label.as_str(), *words))
                .or_else(|| {
                    items
                        .iter()
                        .find(|(id, _)| *id == token)
                        .map(|(_, l)| (l.as_str(), &[][..]))
                });
            if let Some((label, words)) = found {
                // "phiếu ck-x" → "phiếu câu hỏi đánh giá tại …": the label says the word.
                for w in words {
                    if out.ends_with(w) && label.starts_with(w.trim_end()) {
                        out.truncate(out.len() - w.len());
                        break;
                    }
                    if out.ends_with(w) && label.starts_with("the ") {
                        out.truncate(out.len() - w.len());
                        break;
                    }
                }
                if label.is_empty() {
                    // Nothing to say: drop the space before the id too.
                    if out.ends_with(' ') {
                        out.pop();
                    }
                } else {
                    out.push_str(label);
                }
                i += len;
                continue;
            }
            out.push_str(token);
            i += len;
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

fn has_token(s: &str, token: &str) -> bool {
    s.match_indices(token).any(|(i, _)| {
        let before = s[..i].chars().next_back();
        let after = s[i + token.len()..].chars().next();
        !before.is_some_and(is_id_char) && !after.is_some_and(is_id_char)
    })
}

/// English messages write dates as 2026-03-31; a document writes them one way throughout.
fn iso_dates(s: &str, date: &dyn Fn(NaiveDate) -> String) -> String {
    let mut out = String::with_capacity(s.len());
    let mut i = 0;
    while i < s.len() {
        if let Some(t) = s.get(i..i + 10)
            && t.as_bytes().iter().enumerate().all(|(k, b)| {
                if k == 4 || k == 7 {
                    *b == b'-'
                } else {
                    b.is_ascii_digit()
                }
            })
            && let Ok(x) = NaiveDate::parse_from_str(t, "%Y-%m-%d")
        {
            out.push_str(&date(x));
            i += 10;
            continue;
        }
        let ch = s[i..].chars().next().unwrap_or(' ');
        out.push(ch);
        i += ch.len_utf8();
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::{CheckOptions, check};

    fn example(name: &str) -> Option<Dossier> {
        let path = format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"));
        let bytes = std::fs::read(path).ok()?;
        crate::load(&bytes).ok()
    }

    #[test]
    fn hints_and_ids_leave_the_official_text() {
        assert_eq!(
            drop_hints("đã hết (dùng `qms convert` để chuyển đổi); tiếp (units): x (Phòng A)"),
            "đã hết; tiếp: x (Phòng A)"
        );
        let date = |x: NaiveDate| x.format("%d/%m/%Y").to_string();
        assert_eq!(
            iso_dates("due 2026-03-31; 2026-13-01", &date),
            "due 31/03/2026; 2026-13-01"
        );
    }

    /// Every example's diagnostics, as a document quotes them, carry no dossier id, no
    /// command and no field name.
    #[test]
    fn the_examples_messages_name_people_units_procedures_and_records() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 1).unwrap_or_default();
        let date = |x: NaiveDate| x.format("%d/%m/%Y").to_string();
        let mut seen = 0;
        for name in [
            "so-khcn-ninh-binh.json",
            "ubnd-phuong-my-tho-2015.json",
            "ubnd-xa-tan-thanh-2008.json",
        ] {
            let Some(d) = example(name) else { continue };
            let mut ids: Vec<String> = d.people.iter().map(|p| p.id.clone()).collect();
            ids.extend(d.units.iter().map(|u| u.id.clone()));
            ids.extend(d.procedures.iter().map(|p| p.id.clone()));
            ids.extend(d.corrective_actions.iter().map(|c| c.id.clone()));
            ids.extend(
                d.audits
                    .iter()
                    .flat_map(|a| &a.checklists)
                    .map(|c| c.id.clone()),
            );
            ids.extend(
                d.programmes
                    .iter()
                    .flat_map(|p| &p.planned)
                    .map(|x| x.id.clone()),
            );
            for x in check(&d, &CheckOptions { today }) {
                for lang in [Lang::Vi, Lang::En] {
                    let text = document_message(&d, &x, lang, &date);
                    seen += 1;
                    for id in &ids {
                        assert!(!has_token(&text, id), "{name}: {id} in {text}");
                    }
                    assert!(!text.contains('`'), "{text}");
                    assert!(!text.contains("(units)"), "{text}");
                    assert!(!text.contains("(qualifications)"), "{text}");
                    assert!(!text.contains(": ."), "{text}");
                    assert!(!text.ends_with(": "), "{text}");
                }
            }
        }
        assert!(seen > 0, "no example found");
    }
}
