//! The text of `qms check`: one heading per rule with its items listed compactly, long quoted
//! values shortened, and a summary, so that a real dossier's check fits on one screen;
//! `--full` lists everything as it is.

use super::n;
use qms_api::response::CheckResponse;
use qms_core::Lang;
use std::fmt::Write;
use std::path::Path;

/// Items listed under one rule before "… and N more".
const ITEMS_PER_RULE: usize = 3;
/// Longest quoted value kept whole in a message (characters).
const QUOTE_CHARS: usize = 40;

pub(crate) fn render(c: &CheckResponse, file: &Path, lang: Lang, full: bool) -> String {
    let name = file.display().to_string();
    let mut out = String::new();
    let mut at = 0;
    while at < c.diagnostics.len() {
        let code = c.diagnostics[at].code;
        let group: Vec<_> = c.diagnostics[at..]
            .iter()
            .take_while(|d| d.code == code)
            .collect();
        at += group.len();
        let first = group[0];
        let total = c
            .by_rule
            .iter()
            .find(|r| r.code == code)
            .map_or(group.len(), |r| r.count);
        let count = if total > 1 {
            format!(" ({})", n(total, lang))
        } else {
            String::new()
        };
        let _ = writeln!(
            out,
            "{}[{code}] {}{count} — {}",
            first.severity.label(lang),
            first.title.unwrap_or_default(),
            first.requirement
        );
        let cap = if full { usize::MAX } else { ITEMS_PER_RULE };
        for d in group.iter().take(cap) {
            let pos = match (d.line, d.column) {
                (Some(l), Some(col)) => format!("{l}:{col}"),
                _ => "-".into(),
            };
            let message = if full {
                std::borrow::Cow::Borrowed(d.message.as_str())
            } else {
                shorten_quotes(&d.message, QUOTE_CHARS)
            };
            let _ = writeln!(out, "  {pos:>9}  {message}");
            if full {
                let _ = writeln!(out, "  {:>9}  {}", "", d.path);
            }
        }
        let hidden = total - group.len().min(cap);
        if hidden > 0 {
            let _ = writeln!(
                out,
                "  {:>9}  {}",
                "…",
                match lang {
                    Lang::Vi => format!(
                        "và {} mục khác: qms check {name} --rule {code} --full",
                        n(hidden, lang)
                    ),
                    Lang::En => format!(
                        "and {} more: qms check {name} --rule {code} --full",
                        n(hidden, lang)
                    ),
                }
            );
        }
    }
    let (e, w, i) = (c.errors, c.warnings, c.infos);
    let all = e + w + i;
    let (e, w, i) = (n(e, lang), n(w, lang), n(i, lang));
    if !c.diagnostics.is_empty() {
        out.push('\n');
    }
    let _ = match lang {
        Lang::Vi => writeln!(
            out,
            "{name} (ngày kiểm tra {}): {e} lỗi, {w} cảnh báo, {i} thông tin",
            c.today.format("%d/%m/%Y")
        ),
        Lang::En => writeln!(
            out,
            "{name} (checked on {}): {e} error(s), {w} warning(s), {i} info",
            c.today
        ),
    };
    if c.matched != all {
        let _ = writeln!(
            out,
            "{}",
            match lang {
                Lang::Vi => format!("đã lọc: {} trong {} mục", n(c.matched, lang), n(all, lang)),
                Lang::En => format!("filtered: {} of {}", n(c.matched, lang), n(all, lang)),
            }
        );
    }
    if c.by_unit.len() > 1 {
        let units: Vec<String> = c
            .by_unit
            .iter()
            .map(|u| {
                let name = u.name.as_deref().or(u.unit.as_deref());
                match name {
                    Some(name) => format!("{name} {}", n(u.count, lang)),
                    None => format!(
                        "{} {}",
                        lang.pick("toàn cơ quan", "agency-wide"),
                        n(u.count, lang)
                    ),
                }
            })
            .collect();
        let _ = writeln!(
            out,
            "{} {}",
            lang.pick("Theo đơn vị:", "By unit:"),
            units.join("; ")
        );
    }
    if c.omitted > 0 {
        let _ = writeln!(
            out,
            "{}",
            match lang {
                Lang::Vi => format!("{} mục không liệt kê do --limit", n(c.omitted, lang)),
                Lang::En => format!("{} not listed because of --limit", n(c.omitted, lang)),
            }
        );
    }
    if !full && all > 0 {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Xem đầy đủ: --full; lọc: --rule, --severity, --unit, --limit; giải thích một mã: qms explain MÃ",
                "Everything: --full; filters: --rule, --severity, --unit, --limit; what a code means: qms explain CODE"
            )
        );
    }
    out
}

/// Shortens every quoted value ("…" or «…») longer than `max` characters, so one long
/// action description or cell does not flood the screen; the full text is one `--full` away.
pub(crate) fn shorten_quotes(text: &str, max: usize) -> std::borrow::Cow<'_, str> {
    // Most messages quote nothing that long: they are returned as they are, uncopied (an
    // import prints 180,000 of them).
    if !quotes(text).any(|inner| inner.chars().nth(max).is_some()) {
        return std::borrow::Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some((i, open)) = rest.char_indices().find(|(_, c)| matches!(c, '"' | '«')) {
        let close = if open == '«' { '»' } else { '"' };
        let after = &rest[i + open.len_utf8()..];
        let Some(end) = after.find(close) else { break };
        let inner = &after[..end];
        out.push_str(&rest[..i]);
        out.push(open);
        if inner.chars().count() > max {
            out.extend(inner.chars().take(max.saturating_sub(1)));
            out.push('…');
        } else {
            out.push_str(inner);
        }
        out.push(close);
        rest = &after[end + close.len_utf8()..];
    }
    out.push_str(rest);
    std::borrow::Cow::Owned(out)
}

/// The quoted parts of `text` («...» or "..."), as [`shorten_quotes`] finds them.
fn quotes(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let (i, open) = rest.char_indices().find(|(_, c)| matches!(c, '"' | '«'))?;
        let close = if open == '«' { '»' } else { '"' };
        let after = &rest[i + open.len_utf8()..];
        let end = after.find(close)?;
        let inner = &after[..end];
        rest = &after[end + close.len_utf8()..];
        Some(inner)
    })
}

#[cfg(test)]
mod tests {
    use super::shorten_quotes;

    #[test]
    fn long_quoted_values_are_shortened_short_ones_kept() {
        assert_eq!(
            shorten_quotes(
                "hành động \"Tập huấn cho công chức Bộ phận một cửa về lập\" của car-03",
                20
            ),
            "hành động \"Tập huấn cho công c…\" của car-03"
        );
        assert_eq!(shorten_quotes("ô «abc» và \"x\"", 20), "ô «abc» và \"x\"");
        assert_eq!(shorten_quotes("«ạ".repeat(3).as_str(), 2), "«ạ«ạ«ạ");
        assert_eq!(shorten_quotes("«ạạạạ» rồi", 2), "«ạ…» rồi");
    }
}
