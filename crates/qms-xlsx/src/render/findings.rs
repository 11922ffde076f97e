//! The findings register (sổ theo dõi phát hiện đánh giá).

use super::table::{Ctx, Table};
use crate::XlsxError;
use qms_core::catalog;
use rust_xlsxwriter::Workbook;

const WIDTHS: [f64; 11] = [
    5.0, 14.0, 24.0, 22.0, 14.0, 18.0, 44.0, 34.0, 18.0, 12.0, 16.0,
];

pub(super) fn write(wb: &mut Workbook, ctx: &Ctx<'_>) -> Result<(), XlsxError> {
    let h = [
        ctx.pick("STT", "No."),
        ctx.pick("Mã", "Id"),
        ctx.pick("Cuộc đánh giá", "Audit"),
        ctx.pick("Đơn vị", "Unit"),
        ctx.pick("Điều khoản", "Clauses"),
        ctx.pick("Loại phát hiện", "Kind"),
        ctx.pick("Nội dung phát hiện", "Statement"),
        ctx.pick("Bằng chứng", "Evidence"),
        ctx.pick("Chuyên gia đánh giá", "Auditor"),
        ctx.pick("Phiếu HĐKP", "CAR"),
        ctx.pick("Trạng thái HĐKP", "CAR state"),
    ];
    let headings: Vec<(&str, f64)> = h.iter().copied().zip(WIDTHS).collect();
    let sheet = ctx.sheet_name(ctx.pick("Phát hiện", "Findings"));
    let subtitle = format!(
        "{} {}",
        ctx.pick("Theo", "Per"),
        ctx.dossier.scope.edition.title()
    );
    let ws = wb.add_worksheet();
    let mut t = Table::start(
        ws,
        ctx,
        sheet,
        ctx.pick(
            "SỔ THEO DÕI PHÁT HIỆN ĐÁNH GIÁ NỘI BỘ",
            "INTERNAL AUDIT FINDINGS REGISTER",
        ),
        &subtitle,
        &headings,
    )?;
    let s = &ctx.styles;
    let mut n = 0;
    for audit in &ctx.audits {
        let title = audit.title_in(&ctx.dossier.english, ctx.lang);
        for f in &audit.findings {
            n += 1;
            let car = ctx
                .dossier
                .corrective_actions
                .iter()
                .find(|c| c.finding.as_deref() == Some(f.id.as_str()));
            let clauses = f
                .clauses
                .iter()
                .map(|c| match catalog::find(ctx.dossier.scope.edition, c) {
                    Some(cl) => format!("{c} {}", cl.title(ctx.lang)),
                    None => c.clone(),
                })
                .collect::<Vec<_>>()
                .join("\n");
            let texts = [
                f.id.as_str(),
                title.as_str(),
                ctx.unit_name(&f.unit),
                &clauses,
                f.kind.label(ctx.lang),
                &f.statement,
                f.evidence.as_deref().unwrap_or(""),
                f.auditor.as_deref().map_or("", |p| ctx.person_name(p)),
                car.map_or("", |c| c.number.as_deref().unwrap_or(&c.id)),
                car.map_or("", |c| c.state.label(ctx.lang)),
            ];
            t.number(0, f64::from(n), &s.locked_center)?;
            for (i, text) in texts.iter().enumerate() {
                t.text(i as u16 + 1, text, &s.locked)?;
            }
            let sized: Vec<(f64, &str)> = WIDTHS[1..].iter().copied().zip(texts).collect();
            t.end_row(&sized)?;
        }
    }
    t.finish(ctx)?;
    Ok(())
}
