//! `qms clauses` and `qms correlate`: the clause catalogs, through the API.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{api, print, print_json};
use qms_core::{Edition, Lang};
use serde_json::{Value, json};
use std::fmt::Write;

pub(crate) fn clauses(edition: Edition, lang: Lang, format: Format) -> Result<(), Failure> {
    let r = api(json!({"op": "clauses", "edition": edition, "lang": lang}))?;
    if format == Format::Json {
        return print_json(&r);
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", edition.title());
    for c in r["clauses"].as_array().into_iter().flatten() {
        let id = c["id"].as_str().unwrap_or_default();
        let depth = id.matches('.').count();
        let mut title = c["title"].as_str().unwrap_or_default().to_owned();
        if c["paragraph"] == Value::Bool(true) {
            title.push_str(lang.pick(" (đoạn)", " (paragraph)"));
        }
        if lang == Lang::Vi && c["vi_status"] != "confirmed" {
            // Titles not confirmed in the TCVN text are marked, so nobody quotes them as law.
            title.push_str(" *");
        }
        let _ = writeln!(out, "{}{id:<10} {title}", "  ".repeat(depth));
    }
    if lang == Lang::Vi {
        out.push_str("* tên điều khoản chưa đối chiếu được với văn bản TCVN chính thức\n");
    }
    print(&out)
}

pub(crate) fn correlate(
    clause: &str,
    from: Edition,
    to: Edition,
    lang: Lang,
    format: Format,
) -> Result<(), Failure> {
    let request = json!({"op": "correlate", "clause": clause, "from": from, "to": to});
    let bytes = serde_json::to_vec(&request).map_err(|e| Failure::Io(e.into()))?;
    let r = match qms_api::handle(&bytes) {
        Ok(r) => r,
        Err(e) => {
            eprintln!(
                "qms: {}",
                match lang {
                    Lang::Vi => format!("điều khoản \"{clause}\" không có trong {from}"),
                    Lang::En => e.to_string(),
                }
            );
            return Err(Failure::Invalid);
        }
    };
    if format == Format::Json {
        return print_json(&r);
    }
    let targets = r["targets"].as_array().cloned().unwrap_or_default();
    let mut out = String::new();
    if targets.is_empty() {
        let _ = writeln!(
            out,
            "{clause} ({from}) → {}",
            lang.pick("không có điều khoản tương ứng", "no corresponding clause")
        );
    }
    for t in &targets {
        let title = t[lang.pick("title_vi", "title_en")]
            .as_str()
            .unwrap_or_default();
        let _ = writeln!(out, "{}  {title}", t["clause"].as_str().unwrap_or_default());
    }
    if targets.len() > 1 {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "(một điều khoản ứng với nhiều điều khoản: cần chọn theo nội dung)",
                "(one clause maps to several: choose by content)"
            )
        );
    }
    print(&out)
}
