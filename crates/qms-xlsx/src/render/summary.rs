//! The audit summary: findings by unit × kind and by clause, with a chart.

use super::table::Ctx;
use crate::XlsxError;
use crate::layout;
use qms_core::catalog;
use qms_core::model::FindingKind;
use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet};
use std::collections::BTreeMap;

pub(super) fn write(wb: &mut Workbook, ctx: &Ctx<'_>) -> Result<(), XlsxError> {
    let kinds = layout::finding_kinds(ctx.dossier.settings.grade_nonconformities);
    // Every unit audited, in dossier order, with 0 where it had no finding (see `audited` for
    // which units count as audited); clauses in catalog order, only where findings exist.
    let mut by_unit: Vec<(&str, Vec<u32>)> = Vec::new();
    for audit in &ctx.audits {
        for unit in super::audited::audited_units(audit) {
            if !by_unit.iter().any(|(u, _)| *u == unit) {
                by_unit.push((unit, vec![0; kinds.len()]));
            }
        }
    }
    let mut by_clause: BTreeMap<usize, (String, Vec<u32>)> = BTreeMap::new();
    let edition = ctx.dossier.scope.edition;
    let order: Vec<&str> = catalog::clauses(edition).iter().map(|c| c.id).collect();
    for audit in &ctx.audits {
        for f in &audit.findings {
            let k = kinds
                .iter()
                .position(|k| *k == f.kind)
                .or_else(|| kind_fallback(f.kind, &kinds));
            let Some(k) = k else { continue };
            // Every finding's unit is among the audited ones.
            if let Some(n) = by_unit
                .iter_mut()
                .find(|(u, _)| *u == f.unit)
                .and_then(|(_, counts)| counts.get_mut(k))
            {
                *n += 1;
            }
            for c in &f.clauses {
                let pos = order
                    .iter()
                    .position(|o| o == c)
                    .unwrap_or(usize::MAX - order.len());
                let label = match catalog::find(edition, c) {
                    Some(cl) => format!("{c} {}", cl.title(ctx.lang)),
                    None => c.clone(),
                };
                let counts = &mut by_clause
                    .entry(pos)
                    .or_insert_with(|| (label, vec![0; kinds.len()]))
                    .1;
                if let Some(n) = counts.get_mut(k) {
                    *n += 1;
                }
            }
        }
    }
    let unit_order = |id: &str| {
        ctx.dossier
            .units
            .iter()
            .position(|u| u.id == id)
            .unwrap_or(usize::MAX)
    };
    by_unit.sort_by_key(|(u, _)| unit_order(u));

    let sheet = ctx.sheet_name(ctx.pick("Tổng hợp", "Summary"));
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    let s = &ctx.styles;
    let last = kinds.len() as u16 + 1;
    let title = ctx.pick("TỔNG HỢP KẾT QUẢ ĐÁNH GIÁ NỘI BỘ", "INTERNAL AUDIT SUMMARY");
    ws.merge_range(0, 0, 0, last, title, &s.title)?;
    ws.set_row_height(0, 24)?;
    ws.merge_range(1, 0, 1, last, ctx.agency_name(), &s.value)?;
    let audits: Vec<String> = ctx
        .audits
        .iter()
        .map(|a| a.title_in(&ctx.dossier.english, ctx.lang))
        .collect();
    ws.merge_range(2, 0, 2, last, &audits.join("; "), &s.note)?;
    ws.set_column_width(0, FIRST_WIDTH)?;
    for c in 1..=last {
        ws.set_column_width(c, KIND_WIDTH)?;
    }
    let rows: Vec<(String, Vec<u32>)> = by_unit
        .into_iter()
        .map(|(id, counts)| (ctx.unit_name(id).to_owned(), counts))
        .collect();
    let unit_head = ctx.pick("Đơn vị", "Unit");
    let (first_data, end) = block(ws, ctx, &sheet, 4, unit_head, &kinds, &rows)?;
    let clause_rows: Vec<(String, Vec<u32>)> = by_clause.into_values().collect();
    let clause_head = ctx.pick("Điều khoản", "Clause");
    let mut breaks = Vec::new();
    // When both tables do not fit one page, the clause table starts the next one with its
    // heading, rather than leaving its last rows and the note alone on a page.
    let heading = |head| crate::layout::heading_height(&headings(ctx, head, &kinds));
    let above = TOP_ROWS + table_height(&rows, heading(unit_head));
    let clauses = table_height(&clause_rows, heading(clause_head)) + NOTE_ROW;
    if above <= PAGE_HEIGHT && above + BLANK_ROW + clauses > PAGE_HEIGHT {
        breaks.push(end + 2);
    }
    let (_, end2) = block(ws, ctx, &sheet, end + 2, clause_head, &kinds, &clause_rows)?;
    let multi = ctx
        .audits
        .iter()
        .flat_map(|a| &a.findings)
        .any(|f| f.clauses.len() > 1);
    if multi {
        // Say why the clause table can add up to more than the unit table.
        ws.merge_range(
            end2,
            0,
            end2,
            kinds.len() as u16 + 1,
            ctx.pick(
                "Ghi chú: phát hiện viện dẫn nhiều điều khoản được đếm ở mỗi điều khoản, nên tổng theo điều khoản có thể lớn hơn tổng số phát hiện.",
                "Note: a finding that cites several clauses counts under each of them, so the clause totals can exceed the number of findings.",
            ),
            &ctx.styles.note,
        )?;
        ws.set_row_height(end2, 30)?;
    }

    if !rows.is_empty() {
        let mut chart = Chart::new(ChartType::ColumnStacked);
        let last_data = first_data + rows.len() as u32 - 1;
        for k in 0..kinds.len() as u16 {
            chart
                .add_series()
                .set_name((sheet.as_str(), first_data - 1, k + 1))
                .set_categories((sheet.as_str(), first_data, 0, last_data, 0))
                .set_values((sheet.as_str(), first_data, k + 1, last_data, k + 1));
        }
        chart
            .title()
            .set_name(ctx.pick("Phát hiện theo đơn vị và loại", "Findings by unit and kind"));
        chart.set_width(760).set_height(380);
        // Counts are whole numbers: integer ticks from zero, about eight of them at most.
        let highest = rows
            .iter()
            .map(|(_, c)| c.iter().sum::<u32>())
            .max()
            .unwrap_or(1);
        chart
            .y_axis()
            .set_min(0)
            .set_major_unit(highest.div_ceil(8).max(1))
            .set_num_format("0");
        // The chart gets a page of its own rather than being cut by a page break.
        breaks.push(end2 + 1);
        ws.insert_chart(end2 + 2, 0, &chart)?;
    }
    if !breaks.is_empty() {
        ws.set_page_breaks(&breaks)?;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    // The same print setup as the other registers: margins, page numbers, the form code.
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_footer(ctx.pick("&CTrang &P/&N", "&CPage &P of &N"));
    if let Some(h) = ctx
        .record
        .and_then(|r| crate::form_code::page_header(ctx.dossier, r, ctx.lang))
    {
        ws.set_header(&h);
    }
    Ok(())
}

/// Width of the label column: a unit's name or a clause's title on one line, mostly (the
/// page has room for it: the table is narrower than a landscape page).
const FIRST_WIDTH: f64 = 60.0;
/// Width of a count column.
const KIND_WIDTH: f64 = 14.0;

/// Printable height of an A4 landscape page with the registers' margins, in points, less a
/// little for LibreOffice's rounding.
const PAGE_HEIGHT: f64 = 480.0;
/// Title, agency, audits and the blank row before the first table.
const TOP_ROWS: f64 = 24.0 + 3.0 * 16.0;
/// The blank row between the tables.
const BLANK_ROW: f64 = 16.0;
/// The note under the clause table.
const NOTE_ROW: f64 = 30.0;

/// Height of a count table: heading, one row per label, totals.
fn table_height(rows: &[(String, Vec<u32>)], heading: f64) -> f64 {
    heading
        + rows
            .iter()
            .map(|(label, _)| crate::layout::height_for(&[(FIRST_WIDTH, label)]))
            .sum::<f64>()
        + 16.0
}

/// The headings of a count table with their widths (the total's is as short as a kind's).
fn headings<'h>(ctx: &Ctx<'_>, head: &'h str, kinds: &[FindingKind]) -> Vec<(&'h str, f64)> {
    let mut heads = vec![(head, FIRST_WIDTH)];
    heads.extend(kinds.iter().map(|k| (k.label(ctx.lang), KIND_WIDTH)));
    heads
}

/// An ungraded nonconformity counts as minor where grades are used, and graded ones count as
/// nonconformities where they are not, so no finding drops out of the totals.
fn kind_fallback(kind: FindingKind, kinds: &[FindingKind]) -> Option<usize> {
    let target = match kind {
        FindingKind::Nonconformity => FindingKind::MinorNonconformity,
        FindingKind::MajorNonconformity | FindingKind::MinorNonconformity => {
            FindingKind::Nonconformity
        }
        k => k,
    };
    kinds.iter().position(|k| *k == target)
}

/// One count table with totals; returns (first data row, row after the totals).
fn block(
    ws: &mut Worksheet,
    ctx: &Ctx<'_>,
    sheet: &str,
    top: u32,
    head: &str,
    kinds: &[FindingKind],
    rows: &[(String, Vec<u32>)],
) -> Result<(u32, u32), XlsxError> {
    let s = &ctx.styles;
    ws.write_string_with_format(top, 0, head, &s.heading)?;
    for (k, kind) in kinds.iter().enumerate() {
        ws.write_string_with_format(top, k as u16 + 1, kind.label(ctx.lang), &s.heading)?;
    }
    let total_col = kinds.len() as u16 + 1;
    ws.write_string_with_format(top, total_col, ctx.pick("Tổng", "Total"), &s.heading)?;
    ws.set_row_height(
        top,
        crate::layout::heading_height(&headings(ctx, head, kinds)),
    )?;
    let mut totals = vec![0u32; kinds.len()];
    let mut r = top + 1;
    for (label, counts) in rows {
        crate::safety::check_cell_text(sheet, r, 0, "label", label)?;
        ws.write_string_with_format(r, 0, label, &s.locked)?;
        ws.set_row_height(r, crate::layout::height_for(&[(FIRST_WIDTH, label)]))?;
        for (k, n) in counts.iter().enumerate() {
            ws.write_number_with_format(r, k as u16 + 1, f64::from(*n), &s.number)?;
            if let Some(t) = totals.get_mut(k) {
                *t += n;
            }
        }
        ws.write_number_with_format(
            r,
            total_col,
            f64::from(counts.iter().sum::<u32>()),
            &s.number,
        )?;
        r += 1;
    }
    ws.write_string_with_format(r, 0, ctx.pick("Tổng cộng", "Total"), &s.heading)?;
    for (k, n) in totals.iter().enumerate() {
        ws.write_number_with_format(r, k as u16 + 1, f64::from(*n), &s.number)?;
    }
    ws.write_number_with_format(
        r,
        total_col,
        f64::from(totals.iter().sum::<u32>()),
        &s.number,
    )?;
    Ok((top + 1, r + 1))
}
