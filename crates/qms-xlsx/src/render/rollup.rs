//! The provincial roll-up workbook (bảng tổng hợp kết quả kiểm tra HTQLCL): a summary sheet
//! with totals by agency kind and grouping and the compliance chart, then one sheet per topic
//! with a row per agency that the inspector can sort and filter.

use super::rollup_lists as lists;
use super::rollup_sheets as sheets;
use crate::XlsxError;
use crate::safety::SheetNames;
use crate::style::Styles;
use qms_core::Lang;
use qms_core::rollup::{Province, Tally};
use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet};

/// What every sheet of the roll-up needs.
pub(super) struct RollupCtx<'a> {
    pub(super) p: &'a Province,
    pub(super) lang: Lang,
    pub(super) styles: Styles,
    names: std::cell::RefCell<SheetNames>,
    /// The width of the sheet being written (its columns' sum), for its print setup.
    pub(super) width: std::cell::Cell<f64>,
}

impl RollupCtx<'_> {
    pub(super) fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(vi, en)
    }

    pub(super) fn sheet_name(&self, wanted: &str) -> String {
        self.names.borrow_mut().claim(wanted)
    }

    /// "Năm 2026 – tổng hợp ngày 30/11/2026".
    pub(super) fn subtitle(&self) -> String {
        match self.lang {
            Lang::Vi => format!(
                "Năm {} – số liệu tổng hợp ngày {}",
                self.p.year,
                self.p.today.format("%d/%m/%Y")
            ),
            // The date as every date of the workbook: dd/mm/yyyy, never 2026-11-30.
            Lang::En => format!(
                "Year {} – rolled up on {}",
                self.p.year,
                self.p.today.format("%d/%m/%Y")
            ),
        }
    }
}

/// Writes the roll-up workbook of a province.
///
/// ```
/// use qms_core::rollup::{Province, RollupOptions, summarize};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
/// let opts = RollupOptions { year: 2026, today };
/// let mut p = Province::new(opts);
/// let d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
/// let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
/// p.add(summarize("hoa-binh.json", &d, &diags, &opts));
/// let bytes = qms_xlsx::render_rollup(&p, qms_core::Lang::Vi).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// assert_eq!(bytes, qms_xlsx::render_rollup(&p, qms_core::Lang::Vi).unwrap());
/// ```
pub fn render_rollup(province: &Province, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let title = match lang {
        Lang::Vi => format!("Tổng hợp kết quả kiểm tra HTQLCL năm {}", province.year),
        Lang::En => format!("QMS inspection roll-up {}", province.year),
    };
    wb.set_properties(&crate::props(province.today, &title, &title));
    let ctx = RollupCtx {
        p: province,
        lang,
        styles: Styles::new("dd/mm/yyyy"),
        names: std::cell::RefCell::new(SheetNames::default()),
        width: std::cell::Cell::new(0.0),
    };
    summary(&mut wb, &ctx)?;
    sheets::agencies(&mut wb, &ctx)?;
    sheets::requirements(&mut wb, &ctx)?;
    sheets::findings(&mut wb, &ctx)?;
    sheets::objectives(&mut wb, &ctx)?;
    lists::shortcomings(&mut wb, &ctx)?;
    lists::rejected(&mut wb, &ctx)?;
    lists::charts(&mut wb, &ctx)?;
    Ok(wb.save_to_buffer()?)
}

/// Width of a column of the totals tables, unless its heading needs more.
const TALLY_WIDTH: f64 = 13.0;

/// The columns of the totals tables: heading and value.
type TallyCol = (&'static str, &'static str, fn(&Tally) -> u32);

const TALLY_COLS: [TallyCol; 16] = [
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
];

/// The summary sheet: what was received, totals by kind and by grouping, the chart.
fn summary(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let s = &ctx.styles;
    let sheet = ctx.sheet_name(ctx.pick("Tổng hợp", "Summary"));
    let ws = wb.add_worksheet();
    ws.set_name(&sheet)?;
    // The title over the first printed page's columns (the sheet prints two pages wide).
    let widths: Vec<f64> =
        std::iter::once(30.0)
            .chain(TALLY_COLS.iter().map(|(vi, en, _)| {
                crate::layout::heading_width(ctx.lang.pick(vi, en), TALLY_WIDTH)
            }))
            .collect();
    let title = match ctx.lang {
        Lang::Vi => format!(
            "TỔNG HỢP KẾT QUẢ KIỂM TRA VIỆC ÁP DỤNG, DUY TRÌ VÀ CẢI TIẾN HTQLCL NĂM {}",
            ctx.p.year
        ),
        Lang::En => format!("QMS INSPECTION ROLL-UP {}", ctx.p.year),
    };
    sheets::title_rows(ws, ctx, &title, &widths)?;
    ws.set_column_width(0, 30)?;
    for (c, (vi, en, _)) in TALLY_COLS.iter().enumerate() {
        let h = ctx.lang.pick(vi, en);
        ws.set_column_width(c as u16 + 1, crate::layout::heading_width(h, TALLY_WIDTH))?;
    }

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
    for (i, (label, n)) in received.iter().enumerate() {
        let r = 3 + i as u32;
        ws.write_string_with_format(r, 0, *label, &s.locked)?;
        ws.write_number_with_format(r, 1, *n, &s.number)?;
    }

    let top = 3 + received.len() as u32 + 1;
    ws.write_string_with_format(
        top,
        0,
        ctx.pick("Theo loại cơ quan", "By agency kind"),
        &s.label,
    )?;
    let kinds: Vec<(String, Tally)> = p
        .by_kind()
        .into_iter()
        .map(|(k, t)| (k.label(ctx.lang).to_owned(), t))
        .collect();
    let (first, end) = tally_table(ws, ctx, top + 1, &kinds, &p.tally(|_| true))?;
    let mut next = end + 1;
    let mut groups = p.by_grouping();
    if !groups.is_empty() {
        ws.write_string_with_format(
            next,
            0,
            ctx.pick("Theo cụm, khu vực", "By grouping"),
            &s.label,
        )?;
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
        let (_, e) = tally_table(ws, ctx, next + 1, &groups, &p.tally(|_| true))?;
        next = e + 1;
    }

    if !kinds.is_empty() {
        // Compliance by kind: how many of each kind meet each yearly requirement.
        let mut chart = Chart::new(ChartType::Column);
        let last_row = first + kinds.len() as u32 - 1;
        for c in [1u16, 2, 3, 8] {
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
        chart.set_width(900).set_height(380);
        // Numbers of agencies: whole-number ticks.
        let most = kinds.iter().map(|(_, t)| t.agencies).max().unwrap_or(0);
        lists::integer_ticks(chart.y_axis(), most);
        ws.set_page_breaks(&[next])?;
        ws.insert_chart(next + 1, 0, &chart)?;
    }
    ws.set_freeze_panes(3, 1)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    // Sixteen columns of counts do not fit one landscape page at a readable size: two pages
    // wide, the labels repeated.
    ws.set_repeat_columns(0, 0)?;
    ws.set_print_fit_to_pages(sheets::PAGES_WIDE, 0);
    ws.set_footer(ctx.pick("&CTrang &P/&N", "&CPage &P of &N"));
    Ok(())
}

/// One totals table with a total row; returns (first data row, row after the totals).
fn tally_table(
    ws: &mut Worksheet,
    ctx: &RollupCtx<'_>,
    top: u32,
    rows: &[(String, Tally)],
    total: &Tally,
) -> Result<(u32, u32), XlsxError> {
    let s = &ctx.styles;
    ws.write_string_with_format(top, 0, "", &s.heading)?;
    for (c, (vi, en, _)) in TALLY_COLS.iter().enumerate() {
        ws.write_string_with_format(top, c as u16 + 1, ctx.lang.pick(vi, en), &s.heading)?;
    }
    let heads: Vec<(&str, f64)> = TALLY_COLS
        .iter()
        .map(|(vi, en, _)| {
            let h = ctx.lang.pick(vi, en);
            (h, crate::layout::heading_width(h, TALLY_WIDTH))
        })
        .collect();
    ws.set_row_height(top, crate::layout::heading_height(&heads))?;
    let mut r = top + 1;
    for (label, t) in rows {
        crate::safety::check_cell_text("summary", r, 0, "grouping", label)?;
        ws.write_string_with_format(r, 0, label, &s.locked)?;
        for (c, (_, _, f)) in TALLY_COLS.iter().enumerate() {
            ws.write_number_with_format(r, c as u16 + 1, f64::from(f(t)), &s.number)?;
        }
        r += 1;
    }
    ws.write_string_with_format(r, 0, ctx.pick("Tổng cộng", "Total"), &s.heading)?;
    for (c, (_, _, f)) in TALLY_COLS.iter().enumerate() {
        ws.write_number_with_format(r, c as u16 + 1, f64::from(f(total)), &s.heading)?;
    }
    Ok((top + 1, r + 1))
}
