//! The corrective-action tracker (theo dõi hành động khắc phục): one row per action with the
//! request's root cause, extensions, verification and state (a dropdown), overdue rows
//! highlighted as of the render date or, when asked, as of the day the file is opened.

use super::table::{Ctx, Table};
use crate::XlsxError;
use chrono::Datelike;
use qms_core::model::{ActionStep, CaState, CorrectiveAction};
use rust_xlsxwriter::{
    ConditionalFormatFormula, DataValidation, DataValidationErrorStyle, Format, Formula, Workbook,
};

/// Zero-based columns of the tracker.
mod col {
    pub(super) const STT: u16 = 0;
    pub(super) const CAR: u16 = 1;
    pub(super) const FINDING: u16 = 2;
    pub(super) const UNIT: u16 = 3;
    pub(super) const ROOT_CAUSE: u16 = 4;
    pub(super) const ACTION: u16 = 5;
    pub(super) const OWNER: u16 = 6;
    pub(super) const DUE: u16 = 7;
    pub(super) const EXTENSIONS: u16 = 8;
    pub(super) const COMPLETED: u16 = 9;
    pub(super) const VERIFIED_ON: u16 = 10;
    pub(super) const VERIFIED: u16 = 11;
    pub(super) const STATE: u16 = 12;
    pub(super) const OVERDUE: u16 = 13;
}

/// The width of a column (0 for one past the table, which the column constants never are).
fn width(col: u16) -> f64 {
    WIDTHS.get(usize::from(col)).copied().unwrap_or(0.0)
}

const WIDTHS: [f64; 14] = [
    5.0, 10.0, 8.0, 16.0, 26.0, 30.0, 16.0, 11.0, 22.0, 11.0, 11.0, 12.0, 15.0, 9.0,
];

/// Spreadsheet column letter of a zero-based column below 26.
fn letter(c: u16) -> char {
    char::from(b'A' + c as u8)
}

fn headings(ctx: &Ctx<'_>) -> [&'static str; 14] {
    [
        ctx.pick("STT", "No."),
        ctx.pick("Số phiếu", "CAR"),
        ctx.pick("Phát hiện", "Finding"),
        ctx.pick("Đơn vị", "Unit"),
        ctx.pick("Nguyên nhân gốc", "Root cause"),
        ctx.pick("Hành động khắc phục", "Corrective action"),
        ctx.pick("Người / đơn vị thực hiện", "Owner"),
        ctx.pick("Hạn hoàn thành", "Due"),
        ctx.pick("Gia hạn", "Extensions"),
        ctx.pick("Ngày hoàn thành", "Completed"),
        ctx.pick("Ngày xác minh", "Verified on"),
        ctx.pick("Kết quả xác minh", "Verification"),
        ctx.pick("Trạng thái", "State"),
        ctx.pick("Quá hạn", "Overdue"),
    ]
}

/// The extensions of an action, oldest first: "30/04/2026 → 31/05/2026: lý do".
fn extensions(step: &ActionStep) -> String {
    step.extensions
        .iter()
        .map(|x| {
            format!(
                "{} → {}: {}",
                x.from.format("%d/%m/%Y"),
                x.to.format("%d/%m/%Y"),
                x.reason
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

fn owner<'a>(ctx: &Ctx<'a>, step: &'a ActionStep) -> &'a str {
    match step.owner_ref() {
        Some((id, true)) => ctx.unit_name(id),
        Some((id, false)) => ctx.person_name(id),
        None => "",
    }
}

fn verification(ctx: &Ctx<'_>, ca: &CorrectiveAction) -> &'static str {
    match &ca.verification {
        Some(v) if v.effective => ctx.pick("Có hiệu lực", "Effective"),
        Some(_) => ctx.pick("Không hiệu lực", "Not effective"),
        None => "",
    }
}

pub(super) fn write(wb: &mut Workbook, ctx: &Ctx<'_>) -> Result<(), XlsxError> {
    let h = headings(ctx);
    let headings: Vec<(&str, f64)> = h.iter().copied().zip(WIDTHS).collect();
    let sheet = ctx.sheet_name(ctx.pick("Hành động khắc phục", "Corrective actions"));
    let subtitle = if ctx.live_overdue {
        ctx.pick(
            "Hàng tô đỏ: quá hạn tính đến ngày mở tệp",
            "Rows in red: overdue as of the day the file is opened",
        )
        .to_owned()
    } else {
        format!(
            "{} {}",
            ctx.pick("Tình trạng tính đến ngày", "Status as of"),
            ctx.today.format("%d/%m/%Y")
        )
    };
    let in_scope: Vec<&str> = ctx
        .audits
        .iter()
        .flat_map(|a| a.findings.iter().map(|f| f.id.as_str()))
        .collect();
    let all_audits = ctx.audits.len() == ctx.dossier.audits.len();
    let ws = wb.add_worksheet();
    let title = ctx.pick("THEO DÕI HÀNH ĐỘNG KHẮC PHỤC", "CORRECTIVE-ACTION TRACKER");
    let mut t = Table::start(ws, ctx, sheet, title, &subtitle, &headings)?;
    let s = &ctx.styles;
    let first = t.row;
    let mut n = 0;
    for ca in &ctx.dossier.corrective_actions {
        let linked = ca.finding.as_deref().is_some_and(|f| in_scope.contains(&f));
        if !(all_audits || linked) {
            continue;
        }
        let steps: Vec<Option<&ActionStep>> = if ca.actions.is_empty() {
            vec![None]
        } else {
            ca.actions.iter().map(Some).collect()
        };
        for step in steps {
            n += 1;
            let ext = step.map(extensions).unwrap_or_default();
            let texts = [
                (col::CAR, ca.number.as_deref().unwrap_or(&ca.id)),
                (col::FINDING, ca.finding.as_deref().unwrap_or("")),
                (col::UNIT, ctx.unit_name(&ca.unit)),
                (col::ROOT_CAUSE, ca.root_cause.as_deref().unwrap_or("")),
                (col::ACTION, step.map_or("", |st| st.description.as_str())),
                (col::OWNER, step.map_or("", |st| owner(ctx, st))),
                (col::EXTENSIONS, ext.as_str()),
                (col::VERIFIED, verification(ctx, ca)),
            ];
            t.number(col::STT, f64::from(n), &s.locked_center)?;
            for (c, text) in texts {
                t.text(c, text, &s.locked)?;
            }
            t.date(col::DUE, step.map(|st| st.due), ctx)?;
            t.date(col::COMPLETED, step.and_then(|st| st.completed_on), ctx)?;
            t.date(
                col::VERIFIED_ON,
                ca.verification.as_ref().map(|v| v.date),
                ctx,
            )?;
            // The state is typed or chosen by whoever keeps the tracker: an input cell.
            t.text(col::STATE, ca.state.label(ctx.lang), &s.input)?;
            let overdue = step.is_some_and(|st| {
                st.completed_on.is_none() && st.due < ctx.today && !ca.state.is_final()
            });
            overdue_cell(&mut t, ctx, overdue)?;
            let sized: Vec<(f64, &str)> = texts
                .iter()
                .map(|(c, text)| (width(*c), *text))
                .chain([(width(col::STATE), ca.state.label(ctx.lang))])
                .collect();
            t.end_row(&sized)?;
        }
    }
    let last = t.row.saturating_sub(1);
    if t.row > first {
        state_dropdown(&mut t, ctx, first, last)?;
        let cf = ConditionalFormatFormula::new()
            .set_rule(overdue_rule(ctx, first + 1).as_str())
            .set_format(
                Format::new()
                    .set_background_color("#F8CBAD")
                    .set_font_color("#9C0006"),
            );
        t.ws.add_conditional_format(first, 0, last, t.cols - 1, &cf)?;
    }
    t.finish(ctx)?;
    Ok(())
}

/// The test of an overdue row (1-based spreadsheet row `r`): a due date, no completion date,
/// due before the reference day, and a state that is not final. The reference day is the
/// render date as a constant (the file shows what was true the day it was made) or, when the
/// caller opted in, TODAY() (the file follows the day it is opened).
fn overdue_test(ctx: &Ctx<'_>, r: u32) -> String {
    let (due, done, state) = (letter(col::DUE), letter(col::COMPLETED), letter(col::STATE));
    let day = if ctx.live_overdue {
        "TODAY()".to_owned()
    } else {
        let (y, m, d) = (ctx.today.year(), ctx.today.month(), ctx.today.day());
        format!("DATE({y},{m},{d})")
    };
    let finals: Vec<String> = CaState::ALL
        .iter()
        .filter(|s| s.is_final())
        .map(|s| format!("${state}{r}<>\"{}\"", s.label(ctx.lang)))
        .collect();
    format!(
        "AND(${due}{r}<>\"\",${done}{r}=\"\",${due}{r}<{day},{})",
        finals.join(",")
    )
}

fn overdue_rule(ctx: &Ctx<'_>, r: u32) -> String {
    format!("={}", overdue_test(ctx, r))
}

/// The overdue cell: fixed text as of the render date, or a formula when the highlighting
/// follows the day the file is opened (its cached value is the render date's answer).
fn overdue_cell(t: &mut Table<'_>, ctx: &Ctx<'_>, overdue: bool) -> Result<(), XlsxError> {
    let word = ctx.pick("Quá hạn", "Overdue");
    let shown = if overdue { word } else { "" };
    if ctx.live_overdue {
        let f = format!("=IF({},\"{word}\",\"\")", overdue_test(ctx, t.row + 1));
        let formula = Formula::new(f).set_result(shown);
        t.ws.write_formula_with_format(t.row, col::OVERDUE, formula, &ctx.styles.locked_center)?;
        Ok(())
    } else {
        t.text(col::OVERDUE, shown, &ctx.styles.locked_center)
    }
}

/// A dropdown of the states in the workbook's language on the state column.
fn state_dropdown(
    t: &mut Table<'_>,
    ctx: &Ctx<'_>,
    first: u32,
    last: u32,
) -> Result<(), XlsxError> {
    let labels: Vec<&str> = CaState::ALL.iter().map(|s| s.label(ctx.lang)).collect();
    let dv = DataValidation::new()
        .allow_list_strings(&labels)?
        .set_error_style(DataValidationErrorStyle::Stop)
        .set_error_title(ctx.pick("Giá trị không hợp lệ", "Invalid value"))?
        .set_error_message(ctx.pick(
            "Hãy chọn một trạng thái trong danh sách thả xuống.",
            "Choose a state from the dropdown list.",
        ))?;
    t.ws.add_data_validation(first, col::STATE, last, col::STATE, &dv)?;
    Ok(())
}
