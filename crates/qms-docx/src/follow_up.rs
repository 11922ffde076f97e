//! The follow-up table of the audit report (ISO 19011 6.6): each nonconformity, the
//! corrective-action request raised for it, the unit, the due date and the state today.

use crate::ctx::Ctx;
use crate::wml::{Borders, columns};
use crate::xml::Xml;
use qms_core::model::Audit;

/// Writes the table; nothing when the audit found no nonconformity.
pub(crate) fn follow_up_table(x: &mut Xml<'_>, ctx: &Ctx<'_>, audit: &Audit) {
    let ncs: Vec<_> = audit
        .findings
        .iter()
        .filter(|f| f.kind.is_nonconformity())
        .collect();
    if ncs.is_empty() {
        return;
    }
    let w = columns(ctx.width(), &[8, 13, 16, 27, 15, 21]);
    x.tbl_open(&w, Borders::Grid);
    x.header_row(
        &w,
        "CellHead",
        &[
            ctx.t("STT", "No."),
            ctx.t("Phát hiện", "Finding"),
            ctx.t("Số phiếu yêu cầu", "Request No."),
            ctx.t("Đơn vị", "Unit"),
            ctx.t("Thời hạn", "Due"),
            ctx.t("Tình trạng", "State"),
        ],
    );
    let mut no = 0;
    for f in ncs {
        let cas: Vec<_> = ctx
            .d
            .corrective_actions
            .iter()
            .filter(|c| c.finding.as_deref() == Some(f.id.as_str()))
            .collect();
        if cas.is_empty() {
            no += 1;
            x.row(
                &w,
                "Cell",
                &[
                    &no.to_string(),
                    &f.id,
                    "",
                    &ctx.unit(&f.unit),
                    "",
                    ctx.t("Chưa lập phiếu", "No request yet"),
                ],
                false,
            );
        }
        for c in cas {
            no += 1;
            let due = c.actions.iter().map(|a| a.due).max();
            x.row(
                &w,
                "Cell",
                &[
                    &no.to_string(),
                    &f.id,
                    c.number.as_deref().unwrap_or(&c.id),
                    &ctx.unit(&c.unit),
                    &due.map(|d| ctx.short_date(d)).unwrap_or_default(),
                    c.state.label(ctx.lang),
                ],
                false,
            );
        }
    }
    x.tbl_close();
    x.spacer_after_table();
}
