//! Document numbers (số, ký hiệu), Nghị định 30/2020/NĐ-CP, Phụ lục I: the symbol after the
//! kind's abbreviation is the issuing agency's.

use super::context::Context;
use super::{Emitter, Severity};
use crate::load::JsonPath;

fn root(k: &str) -> JsonPath {
    JsonPath::root().key(k)
}

/// The numbers the agency itself issues, with where they are. Outside documents (registers,
/// inspections) and plain running numbers ("03/2026") are not the agency's symbol to check.
fn own_numbers<'d>(ctx: &Context<'d>) -> Vec<(JsonPath, &'d str)> {
    let d = ctx.d;
    let mut out: Vec<(JsonPath, &str)> = Vec::new();
    let mut push = |at: JsonPath, n: &'d Option<String>| {
        if let Some(n) = n.as_deref() {
            out.push((at, n));
        }
    };
    for (i, p) in d.programmes.iter().enumerate() {
        push(root("programmes").index(i).key("number"), &p.number);
    }
    for (i, a) in d.audits.iter().enumerate() {
        push(
            root("audits").index(i).key("plan").key("number"),
            &a.plan.number,
        );
        if let Some(r) = &a.report {
            push(
                root("audits").index(i).key("report").key("number"),
                &r.number,
            );
        }
    }
    for (i, r) in d.management_reviews.iter().enumerate() {
        let at = || root("management_reviews").index(i);
        push(at().key("number"), &r.number);
        push(at().key("notice_number"), &r.notice_number);
        if let Some(f) = &r.input_report {
            push(at().key("input_report").key("number"), &f.number);
        }
    }
    for (i, ca) in d.corrective_actions.iter().enumerate() {
        push(
            root("corrective_actions").index(i).key("number"),
            &ca.number,
        );
    }
    for (i, a) in d.announcements.iter().enumerate() {
        out.push((
            root("announcements").index(i).key("decision_number"),
            a.decision_number.as_str(),
        ));
    }
    out
}

/// The issuer part of a number's symbol: "05/KH-SKHCN" → "SKHCN", "12/QĐ-UBND" → "UBND",
/// "03/BB-ĐGNB-SKHCN" → "ĐGNB-SKHCN"; `None` for a number without a symbol ("03/2026").
fn issuer(number: &str) -> Option<&str> {
    let after_slash = number.rsplit('/').next()?.trim();
    let (_, rest) = after_slash.split_once('-')?;
    let rest = rest.trim();
    (!rest.is_empty()).then_some(rest)
}

/// Whether the issuer part names the agency: its last segment is the agency's symbol
/// (a unit's own symbol may come before it, as in "ĐGNB-SKHCN").
fn is_agency(issuer: &str, symbol: &str) -> bool {
    let last = issuer.rsplit('-').next().unwrap_or(issuer).trim();
    last.to_uppercase() == symbol.trim().to_uppercase()
}

/// QMS-D005: a number the agency issued whose symbol is another agency's.
pub(super) fn foreign_symbol(ctx: &Context, e: &mut Emitter) {
    let numbers: Vec<_> = own_numbers(ctx)
        .into_iter()
        .filter_map(|(at, n)| Some((at, n, issuer(n)?)))
        .collect();
    if numbers.is_empty() {
        return;
    }
    let Some(symbol) = ctx
        .d
        .agency
        .symbol
        .as_deref()
        .filter(|s| !s.trim().is_empty())
    else {
        e.emit_as(
            Severity::Info,
            root("agency").key("symbol"),
            format!(
                "cơ quan chưa khai ký hiệu viết tắt (agency.symbol): không kiểm tra được ký hiệu của {} số văn bản",
                numbers.len()
            ),
            format!(
                "the agency's abbreviation (agency.symbol) is not given: the symbols of {} document numbers cannot be checked",
                numbers.len()
            ),
        );
        return;
    };
    for (at, number, who) in numbers {
        if !is_agency(who, symbol) {
            e.emit(
                at,
                format!(
                    "số văn bản \"{number}\" mang ký hiệu \"{who}\", không phải ký hiệu của cơ quan \"{symbol}\""
                ),
                format!(
                    "document number \"{number}\" carries the symbol \"{who}\", not the agency's \"{symbol}\""
                ),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issuer_is_read_after_the_kind() {
        assert_eq!(issuer("05/KH-SKHCN"), Some("SKHCN"));
        assert_eq!(issuer("125/QĐ-UBND"), Some("UBND"));
        assert_eq!(issuer("03/BB-ĐGNB-SKHCN"), Some("ĐGNB-SKHCN"));
        assert_eq!(issuer("03/2026"), None);
        assert_eq!(issuer("19/2014/QĐ-TTg"), Some("TTg"));
        assert!(is_agency("ĐGNB-SKHCN", "skhcn"));
        assert!(!is_agency("STP", "SKHCN"));
    }
}
