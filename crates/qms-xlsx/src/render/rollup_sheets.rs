//! The topic sheets of the roll-up workbook: one row per agency, filterable and sortable, the
//! heading frozen and repeated on every printed page.

use super::rollup::RollupCtx;
use crate::XlsxError;
use crate::measure::TITLE_HEIGHT;
use crate::safety::{MAX_CELL_CHARS, check_cell_text};
use chrono::NaiveDate;
use qms_core::Lang;
use qms_core::model::FindingKind;
use qms_core::rollup::{AgencySummary, Requirement};
use rust_xlsxwriter::{FormatAlign, Workbook, Worksheet};

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

pub(super) const HEADING_ROW: u32 = 3;

/// The widest sheet (sum of column widths, in characters) printed on one landscape A4 page:
/// about 135 fit at 100 %, so this one prints at no less than about 80 % (body text ≥ 8 pt).
const ONE_PAGE_WIDTH: f64 = 170.0;

/// The title and subtitle rows of a sheet whose columns have these `widths` (characters) and
/// whose first `repeated` columns print again on every page when it prints two pages wide.
pub(super) fn title_rows(
    ws: &mut Worksheet,
    ctx: &RollupCtx<'_>,
    title: &str,
    widths: &[f64],
    repeated: u16,
) -> Result<(), XlsxError> {
    let s = &ctx.styles;
    let wide = widths.iter().sum::<f64>() > ONE_PAGE_WIDTH;
    if wide && repeated > 0 {
        // Every page of a sheet two pages wide prints its first columns again (see
        // [`finish`]). A title left in A1 to run over the cells beside it printed on the
        // second page cut at their edge ("KẾT QUẢ KIỂM TRA HTQLCL CỦA TỪ"); merged over the
        // whole width, as a fragment ("QM"). Wrapped over the repeated columns, it prints
        // whole at the top of every page.
        let last = repeated - 1;
        let room: f64 = widths.iter().take(usize::from(repeated)).sum();
        let title_format = s.title.clone().set_align(FormatAlign::Left).set_text_wrap();
        ws.merge_range(0, 0, 0, last, title, &title_format)?;
        ws.set_row_height(0, crate::measure::title_height(title, room))?;
        let subtitle = ctx.subtitle();
        ws.merge_range(1, 0, 1, last, &subtitle, &s.note)?;
        ws.set_row_height(1, crate::measure::height_for(&[(room, &subtitle)]))?;
        return Ok(());
    }
    // Otherwise the sheet prints one page wide (every sheet two pages wide repeats its number
    // and agency columns; see [`finish`]): title and subtitle over all its columns. Merged over only those that fit at 100 %, a title longer than them ("HỒ SƠ
    // KHÔNG ĐƯỢC ĐƯA VÀO TỔNG HỢP NĂM 2026" over 58 characters) was cut at both ends.
    let last = widths.len().saturating_sub(1) as u16;
    ws.merge_range(0, 0, 0, last, title, &s.title)?;
    ws.merge_range(1, 0, 1, last, &ctx.subtitle(), &s.note)?;
    ws.set_row_height(0, TITLE_HEIGHT)?;
    Ok(())
}

/// How many pages wide a wider roll-up sheet may print (see [`finish`]).
pub(super) const PAGES_WIDE: u16 = 2;

/// Title, subtitle and headings; returns the worksheet name.
pub(super) fn start(
    ws: &mut Worksheet,
    ctx: &RollupCtx<'_>,
    sheet: &str,
    title: &str,
    headings: &[(&str, f64)],
    repeated: u16,
) -> Result<(), XlsxError> {
    let s = &ctx.styles;
    ws.set_name(sheet)?;
    let widths: Vec<f64> = headings.iter().map(|(_, w)| *w).collect();
    title_rows(ws, ctx, title, &widths, repeated)?;
    ctx.repeated.set(repeated);
    // No heading word cut in two, every heading line shown.
    let headings: Vec<(&str, f64)> = headings
        .iter()
        .map(|(h, w)| (*h, crate::layout::heading_width(h, *w)))
        .collect();
    for (c, (h, w)) in headings.iter().enumerate() {
        ws.set_column_width(c as u16, *w)?;
        ws.write_string_with_format(HEADING_ROW, c as u16, *h, &s.heading)?;
    }
    ws.set_row_height(HEADING_ROW, crate::layout::heading_height(&headings))?;
    ctx.width.set(headings.iter().map(|(_, w)| w).sum());
    Ok(())
}

/// Filter, freeze (heading and the columns [`start`] was told repeat) and print setup.
pub(super) fn finish(
    ws: &mut Worksheet,
    ctx: &RollupCtx<'_>,
    rows: u32,
    cols: u16,
) -> Result<(), XlsxError> {
    let frozen_cols = ctx.repeated.get();
    let last_row = (HEADING_ROW + rows).max(HEADING_ROW);
    ws.autofilter(HEADING_ROW, 0, last_row, cols.saturating_sub(1))?;
    ws.set_freeze_panes(HEADING_ROW + 1, frozen_cols)?;
    ws.set_landscape();
    ws.set_paper_size(9);
    ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
    ws.set_repeat_rows(HEADING_ROW, HEADING_ROW)?;
    // At most two pages wide, the frozen columns (number, agency) repeated on each: one page
    // wide shrank a wide sheet to 5–6 pt; a narrow sheet still prints on one page at 100 %.
    let wide = ctx.width.get() > ONE_PAGE_WIDTH;
    if wide && frozen_cols > 0 {
        ws.set_repeat_columns(0, frozen_cols - 1)?;
        // Over, then down: each agency's row prints on two pages side by side, not its right
        // half after all the left halves.
        ws.set_page_order(false);
    }
    ws.set_print_fit_to_pages(if wide { PAGES_WIDE } else { 1 }, 0);
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
    start(ws, ctx, &sheet, &title, &headings, 2)?;
    let s = &ctx.styles;
    let (yes, no) = (ctx.pick("Đạt", "Met"), ctx.pick("Không đạt", "Not met"));
    let centred_date = s
        .date
        .clone()
        .set_align(rust_xlsxwriter::FormatAlign::Center);
    let mut n = 0u32;
    for a in rows {
        n += 1;
        let r = HEADING_ROW + n;
        ws.write_number_with_format(r, 0, f64::from(n), &s.locked_center)?;
        let name = a.name_in(lang);
        check_cell_text(&sheet, r, 1, "agency name", name)?;
        ws.write_string_with_format(r, 1, name, &s.locked)?;
        ws.write_string_with_format(r, 2, a.kind.label(lang), &s.locked)?;
        ws.write_string_with_format(r, 3, a.grouping.as_deref().unwrap_or(""), &s.locked)?;
        // The kind ("Ward People's Committee") wraps too in its narrow column.
        let mut tall = crate::layout::height_for(&[
            (40.0, name),
            (16.0, a.kind.label(lang)),
            (12.0, a.grouping.as_deref().unwrap_or("")),
        ]);
        for (i, c) in cols.iter().enumerate() {
            let x = 4 + i as u16;
            match (c.value)(a) {
                Cell::Text(t) => {
                    let t = clip(&t, lang);
                    check_cell_text(&sheet, r, x, lang.pick(c.vi, c.en), &t)?;
                    tall = tall.max(crate::layout::height_for(&[(c.width, &t)]));
                    ws.write_string_with_format(r, x, &t, &s.locked)?
                }
                // Centred: a right-aligned count or date beside left-aligned text read as one
                // ("14QMS-A000", "20/10/201645/QĐ-UBND").
                Cell::Num(v) => {
                    ws.write_number_with_format(r, x, f64::from(v), &s.locked_center)?
                }
                Cell::Date(Some(d)) => {
                    crate::style::write_date(ws, r, x, d, &centred_date, &s.locked)?
                }
                Cell::Date(None) => ws.write_blank(r, x, &s.locked)?,
                Cell::Ok(ok) => {
                    ws.write_string_with_format(r, x, if ok { yes } else { no }, &s.locked_center)?
                }
            };
        }
        ws.set_row_height(r, tall)?;
    }
    finish(ws, ctx, n, headings.len() as u16)
}

/// A text cut to what a cell holds, saying how much was left out.
pub(super) fn clip(text: &str, lang: Lang) -> String {
    const ROOM: usize = MAX_CELL_CHARS - 100;
    if text.chars().count() <= ROOM {
        return text.to_owned();
    }
    let kept: String = text.chars().take(ROOM).collect();
    format!("{kept}{}", lang.pick(" … (còn nữa)", " … (more)"))
}

pub(super) fn year_title(ctx: &RollupCtx<'_>, vi: &str, en: &str) -> String {
    format!("{} {}", ctx.lang.pick(vi, en), ctx.p.year)
}

/// Every agency: identity, announcement, audit and review dates, the check's counts.
pub(super) fn agencies(wb: &mut Workbook, ctx: &RollupCtx<'_>) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let cols = [
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
        col(
            "Lỗi khi rà soát hồ sơ",
            "Errors in the dossier",
            9.0,
            |a| Cell::Num(a.errors),
        ),
        col(
            "Cảnh báo khi rà soát hồ sơ",
            "Warnings on the dossier",
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
                        .map(|(_, vi, en)| lang.pick(vi, en).to_owned())
                        .unwrap_or_default(),
                )
            },
        ),
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
    let mut cols: Vec<Col<'_>> = VI
        .iter()
        .zip(EN)
        .take(FindingKind::ALL.len())
        .enumerate()
        .map(|(k, (vi, en))| {
            col(vi, en, 11.0, move |a| {
                Cell::Num(a.findings.get(k).copied().unwrap_or_default())
            })
        })
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
