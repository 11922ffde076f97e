//! The follow-up table of the audit report (ISO 19011 6.6): each nonconformity, the
//! corrective-action request raised for it, the unit, the due date and its state on the
//! report's date (a report does not know what happened after it was signed).

use crate::ctx::Ctx;
use crate::wml::{Borders, columns};
use crate::xml::Xml;
use chrono::NaiveDate;
use qms_core::model::{Audit, CaState, CorrectiveAction};
use std::collections::HashMap;

/// The corrective actions of the dossier by the finding they answer, in dossier order, built
/// once per report: a scan of every action per nonconformity made the report quadratic
/// (findings × actions, half a minute at 100,000 findings). Only the requests raised by the
/// report's date count, each with its state on that date ([`CorrectiveAction::state_on`]).
pub(crate) struct ActionsByFinding<'a> {
    map: HashMap<&'a str, Vec<(&'a CorrectiveAction, CaState)>>,
}

impl<'a> ActionsByFinding<'a> {
    /// Indexes the dossier's actions as they stood on `on`, the report's date.
    pub(crate) fn new(ctx: &Ctx<'a>, on: NaiveDate) -> ActionsByFinding<'a> {
        let mut map: HashMap<&'a str, Vec<(&'a CorrectiveAction, CaState)>> = HashMap::new();
        for ca in ctx.actions() {
            if let (Some(f), Some(state)) = (ca.finding.as_deref(), ca.state_on(on)) {
                map.entry(f).or_default().push((ca, state));
            }
        }
        ActionsByFinding { map }
    }

    /// The actions answering a finding, with their state on the report's date.
    pub(crate) fn of(&self, finding: &str) -> &[(&'a CorrectiveAction, CaState)] {
        self.map.get(finding).map_or(&[][..], Vec::as_slice)
    }

    /// How many requests the audit's findings have (every action answering one of them).
    pub(crate) fn recorded(&self, ctx: &Ctx<'a>, audit: &'a Audit) -> usize {
        ctx.findings(audit).map(|f| self.of(&f.id).len()).sum()
    }
}

/// Writes the table; nothing when the audit found no nonconformity.
pub(crate) fn follow_up_table<'a>(
    x: &mut Xml<'_>,
    ctx: &Ctx<'a>,
    audit: &'a Audit,
    actions: &ActionsByFinding<'a>,
) {
    let ncs: Vec<_> = ctx
        .findings(audit)
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
        let cas = actions.of(&f.id);
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
        for (c, state) in cas {
            ctx.visit();
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
                    state.label(ctx.lang),
                ],
                false,
            );
        }
    }
    x.tbl_close();
    x.spacer_after_table();
}
