//! The topic sheets of the roll-up workbook: one row per agency, filterable and sortable, the
//! heading frozen and repeated on every printed page; then the shortcomings, the dossiers left
//! out, and the charts.

use super::rollup::RollupCtx;
use crate::XlsxError;
use crate::safety::{MAX_CELL_CHARS, check_cell_text};
use chrono::NaiveDate;
use qms_core::Lang;
use qms_core::model::FindingKind;
use qms_core::rollup::{AgencySummary, Rejection, Requirement};
use rust_xlsxwriter::{Chart, ChartType, Workbook, Worksheet};

/// A cell of an agency row.
enum Cell {
    Text(String),
    Num(u32),
    Date(Option<NaiveDate>),
    /// Met / not met.
    Ok(bool),
}

/// A column: heading (vi, en), width, value.
struct Col<'a> {
    vi: &'static str,
    en: &'static str,
    width: f64,
    value: Box<dyn Fn(&AgencySummary) -> Cell + 'a>,
}

fn col<'a>(
    vi: &'static str,
    en: &'static str,
    width: f64,
    value: impl Fn(&AgencySummary) -> Cell + 'a,
) -> Col<'a> {
    Col {
        vi,
        en,
        width,
        value: Box::new(value),
    }
}

const HEADING_ROW: u32 = 3;

/// Title, subtitle and headings; returns the worksheet name.
fn start(
    ws: &mut Worksheet,
    ctx: &RollupCtx<'_>,
    sheet: &str,
    title: &str,
    headings: &[(&str, f64)],
) -> Result<(), XlsxError> {
    let s = &ctx.styles;
    ws.set_name(sheet)?;
    let last = (headings.len().max(1) - 1) as u16;
    ws.merge_range(0, 0, 0, last, title, &s.title)?;
    ws.set_row_height(0, 24)?;
    ws.merge_range(1, 0, 1, last, &ctx.subtitle(), &s.note)?;
    for (c, (h, w)) in headings.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
        ws.write_string_with_format(HEADING_ROW, c as u16, *h, &s.heading)?;
    }
    ws.set_row_height(HEADING_ROW, 50)?;
    Ok(())
}

/// Filter, freeze (heading and the first `frozen_cols` columns) and print setup.
fn finish(
    ws: &mut Worksheet,
    ctx: &RollupCtx<'_>,
    rows: u32,
    cols: u16,
    frozen_cols: u16,
) -> Result<(), XlsxError> {
    let last_row = (HEADING_ROW + rows).max(HEADING_ROW);
    ws.autofilter(HEADING_ROW, 0, last_row, cols.saturating_sub(1))?;
    ws.set_freeze_panes(HEADING_ROW + 1, frozen_cols)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(HEADING_ROW, HEADING_ROW)?;
    ws.set_print_fit_to_pages(1, 0);
    ws.set_footer(ctx.pick("&CTrang &P/&N", "&CPage &P of &N"));
    Ok(())
}

/// A sheet with one row per agency: STT, name, kind, grouping, then `cols`.
fn agency_table<'a>(
    wb: &mut Workbook,
    ctx: &RollupCtx<'_>,
    names: (&'static str, &'static str),
    title: String,
    cols: &[Col<'_>],
    rows: impl Iterator<Item = &'a AgencySummary>,
) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let sheet = ctx.sheet_name(lang.pick(names.0, names.1));
    let ws = wb.add_worksheet();
    let mut headings: Vec<(&str, f64)> = vec![
        (ctx.pick("STT", "No."), 6.0),
        (ctx.pick("Cơ quan", "Agency"), 40.0),
        (ctx.pick("Loại cơ quan", "Kind"), 16.0),
        (ctx.pick("Cụm, khu vực", "Grouping"), 12.0),
    ];
    headings.extend(cols.iter().map(|c| (lang.pick(c.vi, c.en), c.width)));
    start(ws, ctx, &sheet, &title, &headings)?;
    let s = &ctx.styles;
    let (yes, no) = (ctx.pick("Đạt", "Met"), ctx.pick("Không đạt", "Not met"));
    let mut n = 0u32;
    for a in rows {
        n += 1;
        let r = HEADING_ROW + n;
        ws.write_number_with_format(r, 0, f64::from(n), &s.locked_center)?;
        check_cell_text(&sheet, r, 1, "agency name", &a.name)?;
        ws.write_string_with_format(r, 1, &a.name, &s.locked)?;
        ws.write_string_with_format(r, 2, a.kind.label(lang), &s.locked)?;
        ws.write_string_with_format(r, 3, a.grouping.as_deref().unwrap_or(""), &s.locked)?;
        let mut tall = crate::layout::height_for(&[(40.0, &a.name)]);
        for (i, c) in cols.iter().enumerate() {
            let x = 4 + i as u16;
            match (c.value)(a) {
                Cell::Text(t) => {
                    let t = clip(&t, lang);
                    check_cell_text(&sheet, r, x, lang.pick(c.vi, c.en), &t)?;
                    tall = tall.max(crate::layout::height_for(&[(c.width, &t)]));
                    ws.write_string_with_format(r, x, &t, &s.locked)?
                }
                Cell::Num(v) => ws.write_number_with_format(r, x, f64::from(v), &s.number)?,
                Cell::Date(Some(d)) => ws.write_date_with_format(r, x, d, &s.date)?,
                Cell::Date(None) => ws.write_blank(r, x, &s.locked)?,
                Cell::Ok(ok) => {
                    ws.write_string_with_format(r, x, if ok { yes } else { no }, &s.locked_center)?
                }
            };
        }
        ws.set_row_height(r, tall)?;
    }
    finish(ws, ctx, n, headings.len() as u16, 2)
}

/// A text cut to what a cell holds, saying how much was left out.
fn clip(text: &str, lang: Lang) -> String {
    const ROOM: usize = MAX_CELL_CHARS - 100;
    if text.chars().count() <= ROOM {
        return text.to_owned();
    }
    let kept: String = text.chars().take(ROOM).collect();
    format!("{kept}{}", lang.pick(" … (còn nữa)", " … (more)"))
}

fn year_title(ctx: &RollupCtx<'_>, vi: &str, en: &str) -> String {
    format!("{} {}", ctx.lang.pick(vi, en), ctx.p.year)
}

/// Every agency: identity, announcement, audit and review dates, the check's counts.
pub(super) fn agencies(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let cols = [
        col("Mã cơ quan", "Agency id", 14.0, |a| {
            Cell::Text(a.id.clone())
        }),
        col(
            "Phiên bản TCVN ISO 9001",
            "TCVN ISO 9001 edition",
            10.0,
            |a| {
                Cell::Text(
                    match a.edition {
                        qms_core::Edition::Iso9001_2008 => "2008",
                        qms_core::Edition::Iso9001_2015 => "2015",
                    }
                    .into(),
                )
            },
        ),
        col("Ngày công bố", "Announced on", 12.0, |a| {
            Cell::Date(a.announced.as_ref().map(|x| x.0))
        }),
        col(
            "Số quyết định công bố",
            "Announcement decision",
            16.0,
            |a| {
                Cell::Text(
                    a.announced
                        .as_ref()
                        .map(|x| x.1.clone())
                        .unwrap_or_default(),
                )
            },
        ),
        col(
            "Phạm vi đã thay đổi, phải công bố lại",
            "Scope changed, re-announce",
            13.0,
            move |a| Cell::Text(yes_no(a.reannouncement_due, lang).into()),
        ),
        col(
            "Đánh giá nội bộ gần nhất",
            "Last internal audit",
            12.0,
            |a| Cell::Date(a.last_audit),
        ),
        col(
            "ĐGNB trong 12 tháng",
            "Audit within 12 months",
            11.0,
            |a| Cell::Ok(a.audit_within_12_months),
        ),
        col(
            "Xem xét của lãnh đạo gần nhất",
            "Last management review",
            12.0,
            |a| Cell::Date(a.last_review),
        ),
        col(
            "XXCLĐ trong 12 tháng",
            "Review within 12 months",
            11.0,
            |a| Cell::Ok(a.review_within_12_months),
        ),
        col(
            "Số cuộc ĐGNB trong năm",
            "Audits in the year",
            10.0,
            |a| Cell::Num(a.audits_in_year),
        ),
        col("Lỗi (qms check)", "Errors (qms check)", 9.0, |a| {
            Cell::Num(a.errors)
        }),
        col(
            "Cảnh báo (qms check)",
            "Warnings (qms check)",
            10.0,
            |a| Cell::Num(a.warnings),
        ),
        col(
            "Vấn đề nghiêm trọng nhất",
            "Most serious issue",
            48.0,
            move |a| {
                Cell::Text(
                    a.most_serious
                        .as_ref()
                        .map(|(code, vi, en)| format!("{code}: {}", lang.pick(vi, en)))
                        .unwrap_or_default(),
                )
            },
        ),
        col("Tệp hồ sơ", "Dossier file", 22.0, |a| {
            Cell::Text(a.source.clone())
        }),
    ];
    agency_table(
        wb,
        ctx,
        ("Cơ quan", "Agencies"),
        year_title(
            ctx,
            "KẾT QUẢ KIỂM TRA HTQLCL CỦA TỪNG CƠ QUAN NĂM",
            "QMS INSPECTION BY AGENCY",
        ),
        &cols,
        ctx.p.agencies.iter(),
    )
}

fn yes_no(b: bool, lang: Lang) -> &'static str {
    if b {
        lang.pick("Có", "Yes")
    } else {
        lang.pick("Không", "No")
    }
}

/// The agencies failing a yearly requirement, a column per requirement.
pub(super) fn requirements(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let heads: [(&str, &str); 5] = [
        (
            "Đánh giá nội bộ trong 12 tháng",
            "Internal audit within 12 months",
        ),
        (
            "Xem xét của lãnh đạo trong 12 tháng",
            "Management review within 12 months",
        ),
        (
            "Đã công bố, không phải công bố lại",
            "Announced, no re-announcement due",
        ),
        ("Áp dụng TCVN ISO 9001:2015", "On TCVN ISO 9001:2015"),
        (
            "Có chuyên gia ĐGNB được đào tạo",
            "Trained internal auditor",
        ),
    ];
    let mut cols: Vec<Col<'_>> = Requirement::ALL
        .into_iter()
        .zip(heads)
        .map(|(r, (vi, en))| col(vi, en, 14.0, move |a| Cell::Ok(a.meets(r))))
        .collect();
    cols.push(col(
        "Số yêu cầu không đạt",
        "Requirements not met",
        11.0,
        |a| Cell::Num(a.failures().len() as u32),
    ));
    cols.push(col("Nội dung không đạt", "Not met", 50.0, move |a| {
        let f: Vec<&str> = a.failures().iter().map(|r| r.failure(lang)).collect();
        Cell::Text(f.join("; "))
    }));
    agency_table(
        wb,
        ctx,
        ("Không đạt yêu cầu", "Failing"),
        year_title(
            ctx,
            "CÁC CƠ QUAN CHƯA ĐÁP ỨNG YÊU CẦU DUY TRÌ HTQLCL NĂM",
            "AGENCIES FAILING THE YEARLY REQUIREMENTS",
        ),
        &cols,
        ctx.p.agencies.iter().filter(|a| !a.failures().is_empty()),
    )
}

/// Findings by kind and corrective actions, per agency.
pub(super) fn findings(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    const VI: [&str; 6] = [
        "Sự KPH nặng",
        "Sự KPH nhẹ",
        "Sự KPH (không phân loại)",
        "Điểm lưu ý",
        "Cơ hội cải tiến",
        "Thực hành tốt",
    ];
    const EN: [&str; 6] = [
        "Major NC",
        "Minor NC",
        "NC (ungraded)",
        "Observation",
        "Improvement opportunity",
        "Good practice",
    ];
    let mut cols: Vec<Col<'_>> = (0..FindingKind::ALL.len())
        .map(|k| col(VI[k], EN[k], 11.0, move |a| Cell::Num(a.findings[k])))
        .collect();
    cols.push(col("Tổng số sự KPH", "Nonconformities", 10.0, |a| {
        Cell::Num(a.nonconformities())
    }));
    cols.push(col(
        "HĐKP chưa đóng",
        "Open corrective actions",
        10.0,
        |a| Cell::Num(a.actions_open),
    ));
    cols.push(col("HĐKP quá hạn", "Overdue", 10.0, |a| {
        Cell::Num(a.actions_overdue)
    }));
    cols.push(col(
        "HĐKP đã đóng, có hiệu lực",
        "Closed, effective",
        11.0,
        |a| Cell::Num(a.actions_closed_effective),
    ));
    agency_table(
        wb,
        ctx,
        ("Phát hiện, HĐKP", "Findings, actions"),
        year_title(
            ctx,
            "PHÁT HIỆN ĐÁNH GIÁ VÀ HÀNH ĐỘNG KHẮC PHỤC NĂM",
            "FINDINGS AND CORRECTIVE ACTIONS",
        ),
        &cols,
        ctx.p.agencies.iter(),
    )
}

/// Quality objectives and training, per agency.
pub(super) fn objectives(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let cols = [
        col(
            "Số mục tiêu chất lượng",
            "Quality objectives",
            11.0,
            |a| Cell::Num(a.objectives),
        ),
        col("Đo lường được", "Measurable", 11.0, |a| {
            Cell::Num(a.objectives_measurable)
        }),
        col("Đạt chỉ tiêu", "Met", 11.0, |a| {
            Cell::Num(a.objectives_met)
        }),
        col(
            "Chuyên gia ĐGNB được đào tạo",
            "Trained internal auditors",
            13.0,
            |a| Cell::Num(a.trained_auditors),
        ),
        col(
            "Đào tạo nhận thức trong năm (người)",
            "Trained in awareness this year",
            13.0,
            |a| Cell::Num(a.awareness_trained),
        ),
    ];
    agency_table(
        wb,
        ctx,
        ("Mục tiêu, đào tạo", "Objectives, training"),
        year_title(
            ctx,
            "MỤC TIÊU CHẤT LƯỢNG VÀ ĐÀO TẠO NĂM",
            "QUALITY OBJECTIVES AND TRAINING",
        ),
        &cols,
        ctx.p.agencies.iter(),
    )
}

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
        (ctx.pick("Các cơ quan", "Agencies concerned"), 80.0),
    ];
    let title = year_title(
        ctx,
        "NHỮNG TỒN TẠI, HẠN CHẾ PHỔ BIẾN NĂM",
        "COMMON SHORTCOMINGS",
    );
    start(ws, ctx, &sheet, &title, &headings)?;
    let s = &ctx.styles;
    let total = ctx.p.agencies.len().max(1) as f64;
    let list = ctx.p.shortcomings();
    for (i, sc) in list.iter().enumerate() {
        let r = HEADING_ROW + 1 + i as u32;
        let names: Vec<&str> = sc
            .agencies
            .iter()
            .map(|&k| ctx.p.agencies[k].name.as_str())
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
        let h =
            crate::layout::height_for(&[(45.0, sc.title(lang)), (30.0, &counts), (80.0, &names)]);
        ws.set_row_height(r, h.min(409.0))?;
    }
    finish(ws, ctx, list.len() as u32, headings.len() as u16, 3)
}

/// The dossiers left out, with the reason.
pub(super) fn rejected(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let sheet = ctx.sheet_name(ctx.pick("Hồ sơ không tổng hợp", "Not rolled up"));
    let ws = wb.add_worksheet();
    let headings = [
        (ctx.pick("STT", "No."), 6.0),
        (ctx.pick("Tệp hồ sơ", "Dossier file"), 30.0),
        (ctx.pick("Lý do", "Reason"), 22.0),
        (ctx.pick("Chi tiết", "Detail"), 90.0),
    ];
    let title = year_title(
        ctx,
        "HỒ SƠ KHÔNG ĐƯỢC ĐƯA VÀO TỔNG HỢP NĂM",
        "DOSSIERS NOT ROLLED UP",
    );
    start(ws, ctx, &sheet, &title, &headings)?;
    let s = &ctx.styles;
    for (i, r) in ctx.p.rejected.iter().enumerate() {
        let row = HEADING_ROW + 1 + i as u32;
        let reason = match r.reason {
            Rejection::Unreadable { .. } => ctx.pick("Lỗi, không đọc được", "Unreadable"),
            Rejection::Duplicate { .. } => ctx.pick("Trùng cơ quan", "Duplicate agency"),
            Rejection::OtherYear { .. } => ctx.pick("Không thuộc năm kiểm tra", "Another year"),
        };
        let detail = clip(&r.reason.describe(lang), lang);
        ws.write_number_with_format(row, 0, (i + 1) as f64, &s.locked_center)?;
        check_cell_text(&sheet, row, 1, "file", &r.source)?;
        ws.write_string_with_format(row, 1, &r.source, &s.locked)?;
        ws.write_string_with_format(row, 2, reason, &s.locked)?;
        ws.write_string_with_format(row, 3, &detail, &s.locked)?;
        let h = crate::layout::height_for(&[(30.0, &r.source), (90.0, &detail)]);
        ws.set_row_height(row, h.min(409.0))?;
    }
    finish(ws, ctx, ctx.p.rejected.len() as u32, 4, 0)
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
    ws.set_column_width(1, 12)?;
    ws.write_string_with_format(0, 0, ctx.pick("Loại phát hiện", "Finding kind"), &s.heading)?;
    ws.write_string_with_format(0, 1, ctx.pick("Số lượng", "Count"), &s.heading)?;
    let total = ctx.p.tally(|_| true);
    for (k, kind) in FindingKind::ALL.iter().enumerate() {
        let r = 1 + k as u32;
        ws.write_string_with_format(r, 0, kind.label(lang), &s.locked)?;
        ws.write_number_with_format(r, 1, f64::from(total.findings[k]), &s.number)?;
    }
    let mut kinds = Chart::new(ChartType::Bar);
    kinds
        .add_series()
        .set_name(ctx.pick("Số phát hiện", "Findings"))
        .set_categories((sheet.as_str(), 1, 0, 6, 0))
        .set_values((sheet.as_str(), 1, 1, 6, 1));
    kinds
        .title()
        .set_name(ctx.pick("Phát hiện đánh giá theo loại", "Findings by kind"));
    kinds.set_width(620).set_height(300);
    ws.insert_chart(0, 3, &kinds)?;

    let top = 17u32;
    ws.write_string_with_format(top, 0, ctx.pick("Cơ quan", "Agency"), &s.heading)?;
    ws.write_string_with_format(
        top,
        1,
        ctx.pick("HĐKP chưa đóng", "Open actions"),
        &s.heading,
    )?;
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
        ws.write_string_with_format(r, 0, &a.name, &s.locked)?;
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
            "Sự không phù hợp chưa khắc phục xong theo cơ quan",
            "Open nonconformities by agency",
        ));
        open.y_axis().set_reverse();
        open.set_width(620)
            .set_height(120 + 22 * by_open.len() as u32);
        ws.insert_chart(top, 3, &open)?;
    }
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_print_fit_to_pages(1, 0);
    Ok(())
}
