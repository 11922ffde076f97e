//! The findings part of the audit report: grouping by unit and clause, counts by kind, the
//! summary table and the per-unit tables. It is the part that grows with the data, so it
//! groups by reference and writes straight into the stream.

use crate::ctx::Ctx;
use crate::wml::{BOLD, Borders, ITALIC, PLAIN, Para, columns, width};
use crate::xml::Xml;
use qms_core::model::{Audit, Finding, FindingKind};
use qms_core::{Lang, catalog};
use std::collections::HashMap;

/// Findings of one unit, in report order.
pub(crate) struct UnitGroup<'a> {
    pub(crate) unit: &'a str,
    pub(crate) findings: Vec<&'a Finding>,
}

/// Numeric sort key of a clause id ("7.5.3" → [7, 5, 3, 0]); unnumbered last.
fn clause_key(f: &Finding) -> [u32; 4] {
    let Some(id) = f.clauses.first() else {
        return [u32::MAX; 4];
    };
    let mut key = [0; 4];
    for (slot, part) in key.iter_mut().zip(id.split('.')) {
        *slot = part.parse().unwrap_or(u32::MAX);
    }
    key
}

/// Groups the findings (good practices aside) by unit, units in dossier order (unknown units
/// after, in order of appearance), and sorts each group by clause, keeping the given order
/// among findings of the same clause.
pub(crate) fn group_by_unit<'a>(ctx: &Ctx<'a>, audit: &'a Audit) -> Vec<UnitGroup<'a>> {
    let mut groups: Vec<UnitGroup<'a>> = ctx
        .d
        .units
        .iter()
        .map(|u| UnitGroup {
            unit: u.id.as_str(),
            findings: Vec::new(),
        })
        .collect();
    let mut index: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.unit, i))
        .collect();
    for f in ctx
        .findings(audit)
        .filter(|f| f.kind != FindingKind::GoodPractice)
    {
        let i = *index.entry(f.unit.as_str()).or_insert_with(|| {
            groups.push(UnitGroup {
                unit: f.unit.as_str(),
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        if let Some(g) = groups.get_mut(i) {
            g.findings.push(f);
        }
    }
    groups.retain(|g| !g.findings.is_empty());
    for g in &mut groups {
        // The key parses the clause number: once per finding, not once per comparison.
        g.findings.sort_by_cached_key(|f| clause_key(f));
    }
    groups
}

/// Short column labels of the summary table.
fn short_kind(kind: FindingKind, lang: Lang) -> &'static str {
    match kind {
        FindingKind::MajorNonconformity => lang.pick("KPH nặng", "Major NC"),
        FindingKind::MinorNonconformity => lang.pick("KPH nhẹ", "Minor NC"),
        FindingKind::Nonconformity => lang.pick("KPH", "NC"),
        FindingKind::Observation => lang.pick("Điểm lưu ý", "Observations"),
        FindingKind::ImprovementOpportunity => {
            lang.pick("Cơ hội cải tiến", "Opportunities for improvement")
        }
        FindingKind::GoodPractice => lang.pick("Thực hành tốt", "Good practice"),
    }
}

pub(crate) fn kind_index(kind: FindingKind) -> usize {
    FindingKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
}

/// Counts per unit (in group order, good practices included) and in total.
pub(crate) fn counts<'a>(
    ctx: &Ctx<'a>,
    audit: &'a Audit,
    units: &[&str],
) -> (Vec<[usize; 6]>, [usize; 6]) {
    let pos: HashMap<&str, usize> = units.iter().enumerate().map(|(i, u)| (*u, i)).collect();
    let mut per = vec![[0usize; 6]; units.len()];
    let mut total = [0usize; 6];
    for f in ctx.findings(audit) {
        let k = kind_index(f.kind);
        if let Some(n) = total.get_mut(k) {
            *n += 1;
        }
        if let Some(n) = pos
            .get(f.unit.as_str())
            .and_then(|&i| per.get_mut(i))
            .and_then(|row| row.get_mut(k))
        {
            *n += 1;
        }
    }
    (per, total)
}

pub(crate) fn summary_table<'a>(x: &mut Xml<'_>, ctx: &Ctx<'a>, audit: &'a Audit, units: &[&str]) {
    let (per, total) = counts(ctx, audit, units);
    let graded = ctx.d.settings.grade_nonconformities;
    let kinds: Vec<FindingKind> = FindingKind::ALL
        .into_iter()
        .filter(|k| {
            total.get(kind_index(*k)).copied().unwrap_or(0) > 0
                || match k {
                    FindingKind::MajorNonconformity | FindingKind::MinorNonconformity => graded,
                    FindingKind::Nonconformity => !graded,
                    FindingKind::Observation | FindingKind::ImprovementOpportunity => true,
                    FindingKind::GoodPractice => false,
                }
        })
        .collect();
    let mut parts = vec![8, 30];
    parts.extend(kinds.iter().map(|_| 11));
    parts.push(9);
    let mut head: Vec<&str> = vec![ctx.t("STT", "No."), ctx.t("Đơn vị", "Unit")];
    head.extend(kinds.iter().map(|k| short_kind(*k, ctx.lang)));
    head.push(ctx.t("Tổng", "Total"));
    let w = ctx.fit_columns(&parts, &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    let line = |x: &mut Xml<'_>, no: &str, name: &str, c: &[usize; 6], bold: bool| {
        let fmt = if bold { BOLD } else { PLAIN };
        x.tr_open(false);
        x.cell(width(&w, 0), "CellCenter", no, fmt);
        x.cell(width(&w, 1), "Cell", name, fmt);
        let mut sum = 0;
        for (i, k) in kinds.iter().enumerate() {
            let n = c.get(kind_index(*k)).copied().unwrap_or(0);
            sum += n;
            x.cell(width(&w, 2 + i), "CellCenter", &n.to_string(), fmt);
        }
        x.cell(
            w.last().copied().unwrap_or(0),
            "CellCenter",
            &sum.to_string(),
            fmt,
        );
        x.tr_close();
    };
    for (i, (u, c)) in units.iter().zip(&per).enumerate() {
        line(x, &(i + 1).to_string(), &ctx.unit(u), c, false);
    }
    line(x, "", ctx.t("Tổng cộng", "Total"), &total, true);
    x.tbl_close();
    if ctx.lang == Lang::Vi {
        x.p(
            Para::new("Body"),
            "Ghi chú: KPH là sự không phù hợp.",
            ITALIC,
        );
    }
}

/// Column widths of the findings detail: number and code, clauses, kind, and a wide column
/// for the statement, requirement and evidence (a long evidence text in a narrow column ran
/// over pages).
/// Each word of a heading, and of every kind's name in the kind column ("Nonconformity",
/// "Opportunity for improvement"), stands on one line.
pub(crate) fn detail_columns(ctx: &Ctx<'_>) -> Vec<u32> {
    let heads = detail_heads(ctx);
    let kinds: Vec<&str> = std::iter::once(heads[2])
        .chain(FindingKind::ALL.iter().map(|k| k.label(ctx.lang)))
        .collect();
    crate::measure::fit_columns(
        columns(ctx.width(), &[10, 20, 13, 57]),
        &[&heads[..1], &heads[1..2], &kinds, &heads[3..]],
        crate::styles::cell_half_points(&ctx.opts.layout),
    )
}

/// The headings of the findings table of a unit.
fn detail_heads(ctx: &Ctx<'_>) -> [&'static str; 4] {
    [
        ctx.t("STT\n(mã)", "No.\n(code)"),
        ctx.t("Điều khoản", "Clauses"),
        ctx.t("Loại phát hiện", "Kind"),
        ctx.t(
            "Mô tả phát hiện; yêu cầu; bằng chứng khách quan",
            "Finding; requirement; objective evidence",
        ),
    ]
}

/// The findings of one unit: one row per finding, sorted by clause. The first cell carries
/// the running number and the finding's code ("f-05"), so a code quoted elsewhere can be
/// found; the clause cell lists every clause of the finding with its title.
pub(crate) fn unit_table(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    w: &[u32],
    g: &UnitGroup<'_>,
    no: &mut usize,
) {
    x.tbl_open(w, Borders::Grid);
    x.header_row(w, "CellHead", &detail_heads(ctx));
    // One buffer for the composed runs of every row, instead of a `format!` per cell.
    let mut scratch = String::new();
    for f in &g.findings {
        ctx.visit();
        *no += 1;
        x.tr_open(false);
        x.tc_open(width(w, 0), 1);
        x.p_open(Para::new("CellCenter"));
        x.raw("<w:r><w:t>");
        x.num(*no);
        x.raw("</w:t></w:r>");
        scratch.clear();
        scratch.push_str("\n(");
        scratch.push_str(&f.id);
        scratch.push(')');
        x.run(&scratch, PLAIN);
        x.p_close();
        x.tc_close();
        x.tc_open(width(w, 1), 1);
        if f.clauses.is_empty() {
            x.p(Para::new("Cell"), "–", PLAIN);
        }
        for c in &f.clauses {
            x.p_open(Para::new("Cell"));
            x.run(c, BOLD);
            if let Some(k) = catalog::find(ctx.d.scope.edition, c) {
                scratch.clear();
                scratch.push(' ');
                scratch.push_str(k.title(ctx.lang));
                x.run(&scratch, PLAIN);
            }
            x.p_close();
        }
        x.tc_close();
        x.cell(width(w, 2), "Cell", f.kind.label(ctx.lang), PLAIN);
        x.tc_open(width(w, 3), 1);
        x.p(Para::new("Cell"), &f.statement, PLAIN);
        if let Some(r) = f.requirement.as_deref().filter(|r| !r.trim().is_empty()) {
            x.p_runs(
                Para::new("Cell"),
                &[(ctx.t("Yêu cầu: ", "Requirement: "), ITALIC), (r, PLAIN)],
            );
        }
        if let Some(e) = f.evidence.as_deref().filter(|e| !e.trim().is_empty()) {
            x.p_runs(
                Para::new("Cell"),
                &[(ctx.t("Bằng chứng: ", "Evidence: "), ITALIC), (e, PLAIN)],
            );
        }
        x.tc_close();
        x.tr_close();
    }
    x.tbl_close();
}

/// The (i) statement when the lead auditor wrote none: the counts, which are facts.
pub(crate) fn fulfilment_from_counts<'a>(ctx: &Ctx<'a>, audit: &'a Audit) -> String {
    let (_, t) = counts(ctx, audit, &[]);
    let nc: usize = t.iter().take(3).sum();
    let obs = t
        .get(kind_index(FindingKind::Observation))
        .copied()
        .unwrap_or(0);
    let ofi = t
        .get(kind_index(FindingKind::ImprovementOpportunity))
        .copied()
        .unwrap_or(0);
    let grades = if ctx.d.settings.grade_nonconformities && nc > 0 {
        let major = t
            .get(kind_index(FindingKind::MajorNonconformity))
            .copied()
            .unwrap_or(0);
        let minor = t
            .get(kind_index(FindingKind::MinorNonconformity))
            .copied()
            .unwrap_or(0);
        match ctx.lang {
            Lang::Vi => format!(" ({major} nặng, {minor} nhẹ)"),
            Lang::En => format!(" ({major} major, {minor} minor)"),
        }
    } else {
        String::new()
    };
    match ctx.lang {
        Lang::Vi => format!(
            "Trong phạm vi đánh giá, Đoàn đánh giá ghi nhận {nc} sự không phù hợp{grades}, {obs} điểm lưu ý và {ofi} cơ hội cải tiến so với chuẩn mực đánh giá."
        ),
        Lang::En => format!(
            "Within the audit scope the team recorded {}{grades}, {} and {} against the audit criteria.",
            qms_core::Lang::En.count(nc as u64, "", "nonconformity"),
            qms_core::Lang::En.count(obs as u64, "", "observation"),
            qms_core::Lang::En.count(ofi as u64, "", "opportunity for improvement"),
        ),
    }
}
