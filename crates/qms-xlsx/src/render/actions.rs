//! The corrective-action tracker (theo dõi hành động khắc phục), overdue rows highlighted.

use super::table::{Ctx, Table};
use crate::XlsxError;
use chrono::Datelike;
use rust_xlsxwriter::{ConditionalFormatFormula, Format, Workbook};

const WIDTHS: [f64; 10] = [5.0, 12.0, 14.0, 22.0, 44.0, 20.0, 13.0, 13.0, 18.0, 12.0];

pub(super) fn write(wb: &mut Workbook, ctx: &Ctx<'_>) -> Result<(), XlsxError> {
    let h = [
        ctx.pick("STT", "No."),
        ctx.pick("Số phiếu", "CAR"),
        ctx.pick("Phát hiện", "Finding"),
        ctx.pick("Đơn vị", "Unit"),
        ctx.pick("Hành động khắc phục", "Corrective action"),
        ctx.pick("Người thực hiện", "Owner"),
        ctx.pick("Hạn hoàn thành", "Due"),
        ctx.pick("Ngày hoàn thành", "Completed"),
        ctx.pick("Trạng thái", "State"),
        ctx.pick("Quá hạn", "Overdue"),
    ];
    let headings: Vec<(&str, f64)> = h.iter().copied().zip(WIDTHS).collect();
    let sheet = ctx.sheet_name(ctx.pick("Hành động khắc phục", "Corrective actions"));
    let subtitle = format!(
        "{} {}",
        ctx.pick("Tình trạng tính đến ngày", "Status as of"),
        ctx.today.format("%d/%m/%Y")
    );
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
        let steps: Vec<Option<&qms_core::model::ActionStep>> = if ca.actions.is_empty() {
            vec![None]
        } else {
            ca.actions.iter().map(Some).collect()
        };
        for step in steps {
            n += 1;
            let overdue = step.is_some_and(|st| {
                st.completed_on.is_none() && st.due < ctx.today && !ca.state.is_final()
            });
            let texts = [
                ca.number.as_deref().unwrap_or(&ca.id),
                ca.finding.as_deref().unwrap_or(""),
                ctx.unit_name(&ca.unit),
                step.map_or("", |st| st.description.as_str()),
                step.map_or("", |st| ctx.person_name(&st.owner)),
            ];
            t.number(0, f64::from(n), &s.locked_center)?;
            for (i, text) in texts.iter().enumerate() {
                t.text(i as u16 + 1, text, &s.locked)?;
            }
            t.date(6, step.map(|st| st.due), ctx)?;
            t.date(7, step.and_then(|st| st.completed_on), ctx)?;
            t.text(8, ca.state.label(ctx.lang), &s.locked)?;
            t.text(
                9,
                if overdue {
                    ctx.pick("Quá hạn", "Overdue")
                } else {
                    ""
                },
                &s.locked_center,
            )?;
            let sized: Vec<(f64, &str)> = WIDTHS[1..6].iter().copied().zip(texts).collect();
            t.end_row(&sized)?;
        }
    }
    let last = t.row.saturating_sub(1);
    let ws_last_col = t.cols - 1;
    let sheet_rows = t.row;
    if sheet_rows > first {
        // Overdue relative to --today: due date set, not completed, before today, and the request
        // not closed or carried over. Today is a constant in the formula: the file must show what
        // was true on the day it was made, not on the day it is opened.
        let (y, m, d) = (ctx.today.year(), ctx.today.month(), ctx.today.day());
        let r = first + 1;
        let closed = qms_core::model::CaState::Closed.label(ctx.lang);
        let carried = qms_core::model::CaState::CarriedOver.label(ctx.lang);
        let rule = format!(
            "=AND($G{r}<>\"\",$H{r}=\"\",$G{r}<DATE({y},{m},{d}),$I{r}<>\"{closed}\",$I{r}<>\"{carried}\")"
        );
        let red = Format::new()
            .set_background_color("#F8CBAD")
            .set_font_color("#9C0006");
        let cf = ConditionalFormatFormula::new()
            .set_rule(rule.as_str())
            .set_format(red);
        t.ws.add_conditional_format(first, 0, last, ws_last_col, &cf)?;
    }
    t.finish(ctx)?;
    Ok(())
}
