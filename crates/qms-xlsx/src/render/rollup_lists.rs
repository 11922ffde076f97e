//! The list sheets of the roll-up workbook: the common shortcomings, the dossiers left out,
//! and the chart sheet.

use super::rollup::RollupCtx;
use super::rollup_sheets::{HEADING_ROW, clip, finish, start, year_title};
use crate::XlsxError;
use crate::safety::check_cell_text;
use qms_core::model::FindingKind;
use qms_core::rollup::{AgencySummary, Rejection};
use rust_xlsxwriter::{Chart, ChartType, Workbook};

/// Width of the shortcomings sheet's list of agencies. The sheet prints two pages wide with
/// its first three columns (63 characters) repeated: beside them this column must fit the
/// second page (about 135 characters at 100 %); at 80 it ran off the paper's edge.
const AGENCIES_WIDTH: f64 = 66.0;

/// The common shortcomings, most agencies first.
pub(super) fn shortcomings(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let sheet = ctx.sheet_name(ctx.pick("Tồn tại, hạn chế", "Shortcomings"));
    let ws = wb.add_worksheet();
    let headings = [
        (ctx.pick("Thứ tự", "Rank"), 7.0),
        (ctx.pick("Mã quy tắc", "Rule"), 11.0),
        (ctx.pick("Tồn tại, hạn chế", "Shortcoming"), 45.0),
        (ctx.pick("Số cơ quan", "Agencies"), 10.0),
        (ctx.pick("Tỷ lệ (%)", "Share (%)"), 9.0),
        (ctx.pick("Theo loại cơ quan", "By kind"), 30.0),
        (
            ctx.pick("Các cơ quan", "Agencies concerned"),
            AGENCIES_WIDTH,
        ),
    ];
    let title = year_title(
        ctx,
        "NHỮNG TỒN TẠI, HẠN CHẾ PHỔ BIẾN NĂM",
        "COMMON SHORTCOMINGS",
    );
    start(ws, ctx, &sheet, &title, &headings, 3)?;
    let s = &ctx.styles;
    let total = ctx.p.agencies.len().max(1) as f64;
    let list = ctx.p.shortcomings();
    for (i, sc) in list.iter().enumerate() {
        let r = HEADING_ROW + 1 + i as u32;
        // Short names, as the report lists the same agencies ("UBND xã An Bình", "Sở Tư
        // pháp"): the full names made a cell of "Ủy ban nhân dân …" twenty times over.
        let names: Vec<String> = sc
            .agencies
            .iter()
            .filter_map(|&k| ctx.p.agencies.get(k).map(|a| a.short_name_in(lang)))
            .collect();
        let names = clip(&names.join("; "), lang);
        let counts = sc.counts(lang);
        ws.write_number_with_format(r, 0, (i + 1) as f64, &s.locked_center)?;
        ws.write_string_with_format(r, 1, sc.code, &s.locked)?;
        ws.write_string_with_format(r, 2, sc.title(lang), &s.locked)?;
        ws.write_number_with_format(r, 3, sc.agencies.len() as f64, &s.number)?;
        let share = (sc.agencies.len() as f64 * 1000.0 / total).round() / 10.0;
        ws.write_number_with_format(r, 4, share, &s.number)?;
        ws.write_string_with_format(r, 5, &counts, &s.locked)?;
        check_cell_text(&sheet, r, 6, "agencies", &names)?;
        ws.write_string_with_format(r, 6, &names, &s.locked)?;
        let h = crate::layout::height_for(&[
            (45.0, sc.title(lang)),
            (30.0, &counts),
            (AGENCIES_WIDTH, &names),
        ]);
        ws.set_row_height(r, h.min(409.0))?;
    }
    finish(ws, ctx, list.len() as u32, headings.len() as u16)
}

/// The dossiers left out, with the reason.
pub(super) fn rejected(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let sheet = ctx.sheet_name(ctx.pick("Hồ sơ không tổng hợp", "Not rolled up"));
    let ws = wb.add_worksheet();
    let headings = [
        (ctx.pick("STT", "No."), 6.0),
        (ctx.pick("Hồ sơ", "Dossier"), 30.0),
        (ctx.pick("Lý do", "Reason"), 22.0),
        (ctx.pick("Chi tiết", "Detail"), 90.0),
    ];
    let title = year_title(
        ctx,
        "HỒ SƠ KHÔNG ĐƯỢC ĐƯA VÀO TỔNG HỢP NĂM",
        "DOSSIERS NOT ROLLED UP",
    );
    start(ws, ctx, &sheet, &title, &headings, 0)?;
    let s = &ctx.styles;
    for (i, r) in ctx.p.rejected.iter().enumerate() {
        let row = HEADING_ROW + 1 + i as u32;
        let reason = match r.reason {
            Rejection::Unreadable { .. } => ctx.pick("Lỗi, không đọc được", "Unreadable"),
            Rejection::Duplicate { .. } => ctx.pick("Trùng cơ quan", "Duplicate agency"),
            Rejection::OtherYear { .. } => ctx.pick("Không thuộc năm kiểm tra", "Another year"),
            Rejection::OtherProvince { .. } => ctx.pick("Ngoài tỉnh", "Another province"),
        };
        let detail = clip(&r.reason.describe(lang), lang);
        // The agency by name; an unreadable file has nothing else to name it by.
        let who = match &r.reason {
            Rejection::Unreadable { .. } => r.source.clone(),
            reason => reason.name_in(lang),
        };
        ws.write_number_with_format(row, 0, (i + 1) as f64, &s.locked_center)?;
        check_cell_text(&sheet, row, 1, "dossier", &who)?;
        ws.write_string_with_format(row, 1, &who, &s.locked)?;
        ws.write_string_with_format(row, 2, reason, &s.locked)?;
        ws.write_string_with_format(row, 3, &detail, &s.locked)?;
        // The reason wraps too ("Không thuộc năm kiểm tra" takes two lines).
        let h = crate::layout::height_for(&[(30.0, &who), (22.0, reason), (90.0, &detail)]);
        ws.set_row_height(row, h.min(409.0))?;
    }
    finish(ws, ctx, ctx.p.rejected.len() as u32, 4)
}

/// How many agencies the open-actions chart shows (the most open actions first).
const CHART_AGENCIES: usize = 25;

/// The chart sheet: findings by kind for the province, open corrective actions by agency.
pub(super) fn charts(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let sheet = ctx.sheet_name(ctx.pick("Biểu đồ", "Charts"));
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    let s = &ctx.styles;
    ws.set_column_width(0, 40)?;
    ws.set_column_width(1, 14)?;
    // Title and year like every other sheet, so a printed chart page says what it is.
    let title = year_title(
        ctx,
        "BIỂU ĐỒ KẾT QUẢ KIỂM TRA HTQLCL NĂM",
        "QMS INSPECTION CHARTS",
    );
    ws.merge_range(0, 0, 0, CHART_LAST_COL, &title, &s.title)?;
    ws.set_row_height(0, 24)?;
    ws.merge_range(1, 0, 1, CHART_LAST_COL, &ctx.subtitle(), &s.note)?;
    let head = CHART_TOP;
    ws.write_string_with_format(
        head,
        0,
        ctx.pick("Loại phát hiện", "Finding kind"),
        &s.heading,
    )?;
    ws.write_string_with_format(head, 1, ctx.pick("Số lượng", "Count"), &s.heading)?;
    let total = ctx.p.tally(|_| true);
    for (k, kind) in FindingKind::ALL.iter().enumerate() {
        let r = head + 1 + k as u32;
        ws.write_string_with_format(r, 0, kind.label(lang), &s.locked)?;
        let n = total.findings.get(k).copied().unwrap_or_default();
        ws.write_number_with_format(r, 1, f64::from(n), &s.number)?;
    }
    let mut kinds = Chart::new(ChartType::Bar);
    kinds
        .add_series()
        .set_name(ctx.pick("Số phát hiện", "Findings"))
        .set_categories((sheet.as_str(), head + 1, 0, head + 6, 0))
        .set_values((sheet.as_str(), head + 1, 1, head + 6, 1));
    kinds
        .title()
        .set_name(ctx.pick("Phát hiện đánh giá theo loại", "Findings by kind"));
    // Bars read top-down in the table's order; one series needs no legend.
    kinds.y_axis().set_reverse();
    kinds.legend().set_hidden();
    // In a bar chart the values are on the x axis: counts, so whole-number ticks.
    integer_ticks(
        kinds.x_axis(),
        total.findings.iter().copied().max().unwrap_or(0),
    );
    kinds.set_width(620).set_height(300);
    ws.insert_chart(head, 3, &kinds)?;

    let top = head + 17;
    ws.write_string_with_format(top, 0, ctx.pick("Cơ quan", "Agency"), &s.heading)?;
    ws.write_string_with_format(
        top,
        1,
        ctx.pick("HĐKP chưa đóng", "Open actions"),
        &s.heading,
    )?;
    ws.set_row_height(top, 33)?;
    let mut by_open: Vec<&AgencySummary> = ctx
        .p
        .agencies
        .iter()
        .filter(|a| a.actions_open > 0)
        .collect();
    // Stable: equal counts keep input order.
    by_open.sort_by_key(|a| std::cmp::Reverse(a.actions_open));
    by_open.truncate(CHART_AGENCIES);
    for (i, a) in by_open.iter().enumerate() {
        let r = top + 1 + i as u32;
        ws.write_string_with_format(r, 0, a.short_name_in(ctx.lang), &s.locked)?;
        ws.write_number_with_format(r, 1, f64::from(a.actions_open), &s.number)?;
    }
    if !by_open.is_empty() {
        let last = top + by_open.len() as u32;
        let mut open = Chart::new(ChartType::Bar);
        open.add_series()
            .set_name(ctx.pick("HĐKP chưa đóng", "Open corrective actions"))
            .set_categories((sheet.as_str(), top + 1, 0, last, 0))
            .set_values((sheet.as_str(), top + 1, 1, last, 1));
        open.title().set_name(ctx.pick(
            "Hành động khắc phục chưa đóng theo cơ quan",
            "Open corrective actions by agency",
        ));
        // In a bar chart the categories (the agencies) are on the y axis: short names at a
        // readable size (full names made LibreOffice shrink them to 4-5 pt to fit).
        open.y_axis()
            .set_reverse()
            .set_font(rust_xlsxwriter::ChartFont::new().set_size(8));
        open.legend().set_hidden();
        let most = by_open.iter().map(|a| a.actions_open).max().unwrap_or(0);
        integer_ticks(open.x_axis(), most);
        // At most one printed page tall: with many agencies the bars get thinner instead.
        open.set_width(620)
            .set_height((120 + 22 * by_open.len() as u32).min(640));
        // A few pixels below the page break: anchored on it, LibreOffice printed the chart's
        // top border as a stray line at the foot of the previous page.
        ws.insert_chart_with_offset(top, 3, &open, 0, 4)?;
        // The second block starts a page, so a printed chart is never cut in two.
        ws.set_page_breaks(&[top])?;
    }
    // The same print setup as the other sheets: margins and page numbers.
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer(ctx.pick("&CTrang &P/&N", "&CPage &P of &N"));
    Ok(())
}

/// Row of the first table of the chart sheet, under the title and the subtitle.
const CHART_TOP: u32 = 3;
/// The title spans the tables and the charts beside them.
const CHART_LAST_COL: u16 = 12;

/// Whole-number ticks from zero on a value axis of counts whose largest is `highest`:
/// about eight ticks at most, never 0.5 or 1.5 of an agency or a finding, in steps a reader
/// counts in (1, 2, 5, 10, 20, 25, 50, 100…), not 0, 51, 102.
///
/// ```ignore
/// integer_ticks(chart.x_axis(), 3); // 0, 1, 2, 3
/// integer_ticks(chart.x_axis(), 404); // 0, 100, 200, …
/// ```
pub(super) fn integer_ticks(axis: &mut rust_xlsxwriter::ChartAxis, highest: u32) {
    axis.set_min(0)
        .set_major_unit(tick_step(highest))
        .set_num_format("0");
}

/// The smallest of 1, 2, 2.5 and 5 times a power of ten (a whole number) that divides
/// `highest` into at most eight steps.
fn tick_step(highest: u32) -> u32 {
    let wanted = highest.div_ceil(8).max(1);
    let mut power = 1u32;
    loop {
        // (numerator, denominator) of the multiples of `power`; 2.5 only from 25 up.
        for (num, den) in [(1, 1), (2, 1), (25, 10), (5, 1)] {
            if den > power {
                continue;
            }
            let step = power.saturating_mul(num) / den;
            if step >= wanted {
                return step;
            }
        }
        if power > u32::MAX / 10 {
            return wanted;
        }
        power *= 10;
    }
}

#[cfg(test)]
mod tests {
    use super::tick_step;

    #[test]
    fn ticks_step_in_round_numbers() {
        for (highest, step) in [
            (0, 1),
            (3, 1),
            (8, 1),
            (9, 2),
            (16, 2),
            (17, 5),
            (40, 5),
            (41, 10),
            (150, 20),
            (170, 25),
            (404, 100),
            (u32::MAX, 1_000_000_000),
        ] {
            assert_eq!(tick_step(highest), step, "{highest}");
        }
    }
}
