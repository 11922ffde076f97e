//! The audit programme matrix (chương trình đánh giá): units × months.

use super::table::{Ctx, Table};
use crate::XlsxError;
use rust_xlsxwriter::Workbook;

pub(super) fn write(wb: &mut Workbook, ctx: &Ctx<'_>) -> Result<(), XlsxError> {
    let d = ctx.dossier;
    let programmes: Vec<_> = match ctx.audits.as_slice() {
        // With one audit asked for, its programme; otherwise every programme.
        [one] if ctx.audits.len() < d.audits.len() => d
            .programmes
            .iter()
            .filter(|p| one.programme.as_deref() == Some(p.id.as_str()))
            .collect(),
        _ => d.programmes.iter().collect(),
    };
    let unit_head = ctx.pick("Đơn vị được đánh giá", "Unit audited");
    let months: Vec<String> = (1..=12)
        .map(|m| format!("{} {m}", ctx.pick("Tháng", "Month")))
        .collect();
    let mut headings: Vec<(&str, f64)> = vec![(ctx.pick("STT", "No."), 5.0), (unit_head, 30.0)];
    headings.extend(months.iter().map(|m| (m.as_str(), 11.0)));
    if programmes.is_empty() {
        let sheet = ctx.sheet_name(ctx.pick("Chương trình", "Programme"));
        let t = Table::start(
            wb.add_worksheet(),
            ctx,
            sheet,
            ctx.pick("CHƯƠNG TRÌNH ĐÁNH GIÁ NỘI BỘ", "INTERNAL AUDIT PROGRAMME"),
            ctx.pick(
                "Hồ sơ chưa có chương trình đánh giá.",
                "The dossier has no audit programme.",
            ),
            &headings,
        )?;
        t.finish(ctx)?;
        return Ok(());
    }
    let s = &ctx.styles;
    for p in programmes {
        let sheet = ctx.sheet_name(&format!(
            "{} {}",
            ctx.pick("Chương trình", "Programme"),
            p.year
        ));
        let title = format!(
            "{} {}",
            ctx.pick(
                "CHƯƠNG TRÌNH ĐÁNH GIÁ NỘI BỘ NĂM",
                "INTERNAL AUDIT PROGRAMME"
            ),
            p.year
        );
        let subtitle = p
            .number
            .as_deref()
            .map(|n| format!("{} {n}", ctx.pick("Số:", "No.")))
            .unwrap_or_default();
        let mut t = Table::start(wb.add_worksheet(), ctx, sheet, &title, &subtitle, &headings)?;
        // Units in dossier order, then unknown unit ids in the order planned.
        let mut units: Vec<&str> = d
            .units
            .iter()
            .map(|u| u.id.as_str())
            .filter(|u| p.planned.iter().any(|x| x.unit == *u))
            .collect();
        for x in &p.planned {
            if !units.contains(&x.unit.as_str()) {
                units.push(&x.unit);
            }
        }
        for (i, unit) in units.iter().enumerate() {
            t.number(0, (i + 1) as f64, &s.locked_center)?;
            let name = ctx.unit_name(unit);
            t.text(1, name, &s.locked)?;
            let mut cells = Vec::new();
            for m in 1..=12u8 {
                let text = p
                    .planned
                    .iter()
                    .filter(|x| x.unit == *unit && x.month == m)
                    .map(|x| planned_text(d, &x.clauses, &x.procedures))
                    .collect::<Vec<_>>()
                    .join("\n");
                t.text(1 + u16::from(m), &text, &s.locked_center)?;
                cells.push(text);
            }
            let mut sized: Vec<(f64, &str)> = vec![(30.0, name)];
            sized.extend(cells.iter().map(|c| (11.0, c.as_str())));
            t.end_row(&sized)?;
        }
        t.finish(ctx)?;
    }
    Ok(())
}

/// What a month's cell says of a planned audit: the clauses ("4.1, 4.2, 5.2"), then each
/// procedure code on a line of its own; "X" when the plan names neither. A line of codes
/// "QT-01, QT-02, QT-03" printed broken at a hyphen ("QT-" / "03"), which reads as another
/// code: one code a line never is.
///
/// ```ignore
/// assert_eq!(planned_text(&d, &["4.1".into()], &["qt-01".into()]), "4.1\nQT-01");
/// ```
fn planned_text(d: &qms_core::Dossier, clauses: &[String], procedures: &[String]) -> String {
    let mut lines: Vec<String> = Vec::new();
    if !clauses.is_empty() {
        lines.push(clauses.join(", "));
    }
    lines.extend(procedures.iter().map(|id| {
        d.procedures
            .iter()
            .find(|q| q.id == *id)
            .map_or(id.clone(), |q| q.code.clone())
    }));
    if lines.is_empty() {
        "X".to_owned()
    } else {
        lines.join("\n")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clauses_on_a_line_then_one_procedure_code_a_line() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/so-khcn-ninh-binh.json");
        let bytes = std::fs::read(path).expect("the example dossier");
        let d = qms_core::load(&bytes).expect("the example loads");
        let t = planned_text(
            &d,
            &["4.1".into(), "4.2".into()],
            &["qt-01".into(), "qt-02".into(), "qt-x".into()],
        );
        assert_eq!(t, "4.1, 4.2\nQT-01\nQT-02\nqt-x");
        assert_eq!(planned_text(&d, &[], &["qt-03".into()]), "QT-03");
        assert_eq!(planned_text(&d, &[], &[]), "X");
    }
}
