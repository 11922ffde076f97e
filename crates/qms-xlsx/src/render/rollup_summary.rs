//! The summary sheet of the roll-up workbook: what was received, the totals by agency kind
//! and by grouping, and the compliance chart, on pages one wide.
//!
//! Sixteen counts side by side did not fit a landscape page at a readable size: printed two
//! pages wide with the labels repeated, the second page showed the title cut at the label
//! column's edge ("TỔNG HỢP KẾT QUẢ KI") and the received counts' labels without their
//! values. The counts are therefore two tables of eight, stacked: the state of each agency's
//! QMS (how many agencies), then the year's activity (audits, corrective actions, objectives,
//! the dossier review). The pages are laid out here, each table kept whole on one page.

use super::rollup::RollupCtx;
use super::rollup_lists::integer_ticks;
use super::rollup_sheets::title_rows;
use crate::XlsxError;
use crate::measure::{LINE_HEIGHT, heading_height, heading_width, height_for};
use crate::pagination::{block_breaks, largest_fit_scale, page_room};
use qms_core::Lang;
use qms_core::rollup::Tally;
use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet};

/// Width of a column of the totals tables, unless its heading needs more.
const TALLY_WIDTH: f64 = 15.0;

/// Width of the label column (received counts, agency kinds, groupings).
const LABEL_WIDTH: f64 = 34.0;

/// The columns of the totals tables: heading and value.
type TallyCol = (&'static str, &'static str, fn(&Tally) -> u32);

/// A totals table: what it counts (vi, en) and its eight columns.
type TallyTable = (&'static str, &'static str, [TallyCol; 8]);

/// The two tables of totals, printed one under the other for each way of grouping.
const TALLY_TABLES: [TallyTable; 2] = [
    (
        "tình hình áp dụng, duy trì HTQLCL (số cơ quan)",
        "applying and keeping up the QMS (agencies)",
        [
            ("Số cơ quan", "Agencies", |t| t.agencies),
            (
                "Đánh giá nội bộ trong 12 tháng",
                "Internal audit within 12 months",
                |t| t.audit_ok,
            ),
            (
                "Xem xét của lãnh đạo trong 12 tháng",
                "Management review within 12 months",
                |t| t.review_ok,
            ),
            ("Đã công bố HTQLCL", "QMS announced", |t| t.announced),
            ("Phải công bố lại", "Re-announcement due", |t| {
                t.reannouncement_due
            }),
            ("Còn áp dụng bản 2008", "Still on 2008", |t| {
                t.edition_2008
            }),
            (
                "Không có chuyên gia ĐGNB được đào tạo",
                "No trained internal auditor",
                |t| t.no_trained_auditor,
            ),
            (
                "Không đạt yêu cầu năm",
                "Failing a yearly requirement",
                |t| t.failing,
            ),
        ],
    ),
    (
        "đánh giá nội bộ, hành động khắc phục, mục tiêu và rà soát hồ sơ",
        "internal audits, corrective actions, objectives and the dossier review",
        [
            ("Số cuộc ĐGNB trong năm", "Audits in the year", |t| {
                t.audits_in_year
            }),
            ("Sự không phù hợp", "Nonconformities", |t| {
                t.findings[0] + t.findings[1] + t.findings[2]
            }),
            ("HĐKP chưa đóng", "Open corrective actions", |t| {
                t.actions_open
            }),
            ("HĐKP quá hạn", "Overdue corrective actions", |t| {
                t.actions_overdue
            }),
            (
                "HĐKP đã đóng, có hiệu lực",
                "Closed, verified effective",
                |t| t.actions_closed_effective,
            ),
            (
                "Mục tiêu chất lượng đo lường được",
                "Measurable quality objectives",
                |t| t.objectives_measurable,
            ),
            (
                "Lỗi khi rà soát hồ sơ",
                "Errors in the dossiers",
                |t| t.errors,
            ),
            (
                "Cảnh báo khi rà soát hồ sơ",
                "Warnings on the dossiers",
                |t| t.warnings,
            ),
        ],
    ),
];

/// The chart's height in pixels, and its columns in the first table (agencies, audit and
/// review within 12 months, failing a yearly requirement).
const CHART_HEIGHT: u32 = 380;
const CHART_COLS: [u16; 4] = [1, 2, 3, 8];

/// The sheet's rows as they are written: their heights, and the blocks kept on one page.
struct Rows {
    next: u32,
    heights: Vec<f64>,
    /// (first row, height) of each block, in order; a block runs to the next one's start.
    blocks: Vec<(u32, f64)>,
}

impl Rows {
    /// Takes the next row, `height` points tall.
    fn take(&mut self, height: f64) -> u32 {
        let r = self.next;
        self.heights.push(height);
        self.next += 1;
        r
    }

    /// Starts a block kept whole on a page at the next row.
    fn open_block(&mut self) {
        self.blocks.push((self.next, 0.0));
    }

    /// Closes the block opened last: its height is that of its rows (and `extra` points
    /// drawn over them, a chart).
    fn close_block(&mut self, extra: f64) {
        if let Some((first, h)) = self.blocks.last_mut() {
            *h = self.heights.iter().skip(*first as usize).sum::<f64>() + extra;
        }
    }
}

/// The column widths of the sheet: labels, then each column wide enough for the headings of
/// both tables above one another.
fn widths(lang: Lang) -> Vec<f64> {
    let counts = (0..8).map(|c| {
        TALLY_TABLES
            .iter()
            .filter_map(|(_, _, cols)| cols.get(c))
            .map(|(vi, en, _)| heading_width(lang.pick(vi, en), TALLY_WIDTH))
            .fold(TALLY_WIDTH, f64::max)
    });
    std::iter::once(LABEL_WIDTH).chain(counts).collect()
}

/// The summary sheet: what was received, totals by kind and by grouping, the chart.
pub(super) fn summary(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let s = &ctx.styles;
    let sheet = ctx.sheet_name(ctx.pick("Tổng hợp", "Summary"));
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    let widths = widths(ctx.lang);
    let title = match ctx.lang {
        Lang::Vi => format!(
            "TỔNG HỢP KẾT QUẢ KIỂM TRA VIỆC ÁP DỤNG, DUY TRÌ VÀ CẢI TIẾN HTQLCL NĂM {}",
            ctx.p.year
        ),
        Lang::En => format!("QMS INSPECTION ROLL-UP {}", ctx.p.year),
    };
    title_rows(ws, ctx, &title, &widths, 0)?;
    for (c, w) in widths.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
    }
    let mut rows = Rows {
        next: 0,
        heights: Vec::new(),
        blocks: Vec::new(),
    };
    rows.open_block();
    rows.take(crate::measure::TITLE_HEIGHT);
    rows.take(LINE_HEIGHT);
    rows.take(LINE_HEIGHT);

    let p = ctx.p;
    let [unreadable, duplicate, other_year, other_province] =
        p.rejected_by_reason().map(|n| n as f64);
    let received = [
        (
            ctx.pick("Hồ sơ nhận được", "Dossiers received"),
            (p.agencies.len() + p.rejected.len()) as f64,
        ),
        (
            ctx.pick("Cơ quan được tổng hợp", "Agencies rolled up"),
            p.agencies.len() as f64,
        ),
        (
            ctx.pick("Hồ sơ lỗi, không đọc được", "Unreadable dossiers"),
            unreadable,
        ),
        (
            ctx.pick("Hồ sơ trùng cơ quan", "Duplicate agencies"),
            duplicate,
        ),
        (
            ctx.pick("Hồ sơ không thuộc năm kiểm tra", "Dossiers of another year"),
            other_year,
        ),
        (
            ctx.pick(
                "Hồ sơ của cơ quan ngoài tỉnh",
                "Agencies of another province",
            ),
            other_province,
        ),
    ];
    for (label, n) in received {
        let r = rows.take(height_for(&[(LABEL_WIDTH, label)]));
        ws.write_string_with_format(r, 0, label, &s.locked)?;
        ws.write_number_with_format(r, 1, n, &s.number)?;
    }
    rows.take(LINE_HEIGHT);
    rows.close_block(0.0);

    let kinds: Vec<(String, Tally)> = p
        .by_kind()
        .into_iter()
        .map(|(k, t)| (k.label(ctx.lang).to_owned(), t))
        .collect();
    let mut groups = p.by_grouping();
    if !groups.is_empty() {
        // The agencies of no grouping (often the departments) get their own row, so that
        // this table's total agrees with the one by kind above it: a reader seeing 19 under
        // 25 asks where the other six went.
        let ungrouped = p.tally(|a| a.grouping.is_none());
        if ungrouped.agencies > 0 {
            groups.push((
                ctx.pick("Không thuộc cụm, khu vực", "No grouping")
                    .to_owned(),
                ungrouped,
            ));
        }
    }
    let total = p.tally(|_| true);
    let mut by = vec![(ctx.pick("Theo loại cơ quan", "By agency kind"), &kinds)];
    if !groups.is_empty() {
        by.push((ctx.pick("Theo cụm, khu vực", "By grouping"), &groups));
    }
    // The row of the first kind in the first table, which the chart draws.
    let mut by_kind_first = None;
    for (by, lines) in by {
        for table in &TALLY_TABLES {
            let first = tally_table(ws, ctx, &mut rows, (&sheet, by), table, lines, &total)?;
            by_kind_first.get_or_insert(first);
        }
    }

    if let (Some(first), false) = (by_kind_first, kinds.is_empty()) {
        // Compliance by kind: how many of each kind meet each yearly requirement.
        let mut chart = Chart::new(ChartType::Column);
        let last_row = first + kinds.len() as u32 - 1;
        for c in CHART_COLS {
            chart
                .add_series()
                .set_name((sheet.as_str(), first - 1, c))
                .set_categories((sheet.as_str(), first, 0, last_row, 0))
                .set_values((sheet.as_str(), first, c, last_row, c));
        }
        chart.title().set_name(ctx.pick(
            "Mức độ đáp ứng yêu cầu theo loại cơ quan",
            "Compliance by agency kind",
        ));
        chart.set_width(900).set_height(CHART_HEIGHT);
        // Numbers of agencies: whole-number ticks.
        let most = kinds.iter().map(|(_, t)| t.agencies).max().unwrap_or(0);
        integer_ticks(chart.y_axis(), most);
        rows.open_block();
        let at = rows.take(LINE_HEIGHT);
        // A few pixels below the row's top: anchored on a page break, LibreOffice printed
        // the chart's top border as a stray line at the foot of the previous page.
        ws.insert_chart_with_offset(at, 0, &chart, 0, 4)?;
        rows.close_block(f64::from(CHART_HEIGHT) * 0.75);
    }
    for (r, h) in rows.heights.iter().enumerate() {
        ws.set_row_height(r as u32, *h)?;
    }
    let room = page_room(largest_fit_scale(&widths));
    ws.set_page_breaks(&block_breaks(room, &rows.blocks))?;
    ws.set_freeze_panes(3, 1)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    let [left, right, top, bottom, header, footer] = crate::pagination::MARGINS;
    ws.set_margins(left, right, top, bottom, header, footer);
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer(ctx.pick("&CTrang &P/&N", "&CPage &P of &N"));
    Ok(())
}

/// One totals table under its label, with a total row, kept whole on a page; returns the
/// row of its first line.
fn tally_table(
    ws: &mut Worksheet,
    ctx: &RollupCtx<'_>,
    rows: &mut Rows,
    (sheet, by): (&str, &str),
    (what_vi, what_en, cols): &TallyTable,
    lines: &[(String, Tally)],
    total: &Tally,
) -> Result<u32, XlsxError> {
    let s = &ctx.styles;
    rows.open_block();
    let label = format!("{by} – {}", ctx.lang.pick(what_vi, what_en));
    let r = rows.take(LINE_HEIGHT);
    ws.write_string_with_format(r, 0, &label, &s.label)?;
    let heads: Vec<(&str, f64)> = cols
        .iter()
        .map(|(vi, en, _)| {
            let h = ctx.lang.pick(vi, en);
            (h, heading_width(h, TALLY_WIDTH))
        })
        .collect();
    let top = rows.take(heading_height(&heads));
    ws.write_string_with_format(top, 0, "", &s.heading)?;
    for (c, (h, _)) in heads.iter().enumerate() {
        ws.write_string_with_format(top, c as u16 + 1, *h, &s.heading)?;
    }
    for (label, t) in lines {
        let r = rows.take(height_for(&[(LABEL_WIDTH, label)]));
        crate::safety::check_cell_text(sheet, r, 0, "grouping", label)?;
        ws.write_string_with_format(r, 0, label, &s.locked)?;
        for (c, (_, _, f)) in cols.iter().enumerate() {
            ws.write_number_with_format(r, c as u16 + 1, f64::from(f(t)), &s.number)?;
        }
    }
    let r = rows.take(LINE_HEIGHT);
    ws.write_string_with_format(r, 0, ctx.pick("Tổng cộng", "Total"), &s.heading)?;
    for (c, (_, _, f)) in cols.iter().enumerate() {
        ws.write_number_with_format(r, c as u16 + 1, f64::from(f(total)), &s.heading)?;
    }
    rows.take(LINE_HEIGHT);
    rows.close_block(0.0);
    Ok(top + 1)
}
