//! `qms clauses` and `qms correlate`: the clause catalogs, through the API.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{fail, print};
use crate::report;
use qms_api::OpName;
use qms_api::request::{ClausesRequest, CorrelateRequest};
use qms_core::catalog::TitleStatus;
use qms_core::{Edition, Lang};
use std::fmt::Write;

pub(crate) fn clauses(edition: Edition, lang: Lang, format: Format) -> Result<(), Failure> {
    let r = qms_api::ops::clauses(&ClausesRequest {
        op: OpName::Clauses,
        edition,
        lang,
    })
    .map_err(|e| fail(e, lang))?;
    if format == Format::Json {
        report::data(&r);
        return Ok(());
    }
    let mut out = String::new();
    let _ = writeln!(out, "{}", edition.title());
    for c in &r.clauses {
        let id = c.id;
        let depth = id.matches('.').count();
        let mut title = c.title.to_owned();
        if c.paragraph {
            title.push_str(lang.pick(" (đoạn)", " (paragraph)"));
        }
        if lang == Lang::Vi && c.vi_status != TitleStatus::Confirmed {
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
    let r = qms_api::ops::correlate(&CorrelateRequest {
        op: OpName::Correlate,
        clause: clause.to_owned(),
        from,
        to,
        lang,
    })
    .map_err(|e| fail(e, lang))?;
    if format == Format::Json {
        report::data(&r);
        return Ok(());
    }
    let targets = &r.targets;
    let mut out = String::new();
    if targets.is_empty() {
        let _ = writeln!(
            out,
            "{clause} ({from}) → {}",
            lang.pick("không có điều khoản tương ứng", "no corresponding clause")
        );
    }
    for t in targets {
        let title = match lang {
            Lang::Vi => t.title_vi,
            Lang::En => t.title_en,
        }
        .unwrap_or_default();
        let _ = writeln!(out, "{}  {title}", t.clause);
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
