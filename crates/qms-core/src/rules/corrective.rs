//! Corrective action rules (TCVN ISO 9001:2015 10.2).

use super::Emitter;
use super::context::{Context, en_date, vi_date};
use crate::Lang;
use crate::load::JsonPath;
use crate::model::CaRequirement::{RootCause, VerifiedEffective};
use crate::model::{CaState, CorrectiveAction, HistoryProblem};
use chrono::Days;

fn ca_path(i: usize) -> JsonPath {
    JsonPath::root().key("corrective_actions").index(i)
}

/// Whether a request answers a nonconformity (an NC finding, or a non-audit source).
fn for_nonconformity(ctx: &Context, ca: &CorrectiveAction) -> bool {
    match &ca.finding {
        Some(f) => ctx
            .finding_kinds
            .get(f.as_str())
            .is_some_and(|k| k.is_nonconformity()),
        None => true,
    }
}

/// QMS-C001: a nonconformity without a corrective action after N days.
pub(super) fn nc_without_action(ctx: &Context, e: &mut Emitter) {
    let days = ctx.d.settings.thresholds.corrective_action_days;
    for (ai, a) in ctx.d.audits.iter().enumerate() {
        let deadline = a.plan.end.checked_add_days(Days::new(u64::from(days)));
        if deadline.is_none_or(|d| ctx.today <= d) {
            continue;
        }
        for (fi, f) in a.findings.iter().enumerate() {
            if f.kind.is_nonconformity() && !ctx.actions_by_finding.contains_key(f.id.as_str()) {
                e.emit(
                    JsonPath::root().key("audits").index(ai).key("findings").index(fi),
                    format!("sự không phù hợp {} chưa có phiếu yêu cầu hành động khắc phục sau {days} ngày kể từ khi kết thúc đánh giá", f.id),
                    format!("nonconformity {} has no corrective action {days} days after the audit", f.id),
                );
            }
        }
    }
    for (ii, x) in ctx.d.inspections.iter().enumerate() {
        for (fi, f) in x.findings.iter().enumerate() {
            let made = f.date.unwrap_or(x.date);
            let late = made
                .checked_add_days(Days::new(u64::from(days)))
                .is_some_and(|d| ctx.today > d);
            if late
                && f.kind.is_nonconformity()
                && !ctx.actions_by_finding.contains_key(f.id.as_str())
            {
                e.emit(
                    JsonPath::root().key("inspections").index(ii).key("findings").index(fi),
                    format!("sự không phù hợp {} do {} phát hiện chưa có phiếu yêu cầu hành động khắc phục sau {days} ngày", f.id, x.body),
                    format!("nonconformity {} found by {} has no corrective action after {days} days", f.id, x.body),
                );
            }
        }
    }
}

/// QMS-C002: an action past its due date.
pub(super) fn action_overdue(ctx: &Context, e: &mut Emitter) {
    for (i, ca) in ctx.d.corrective_actions.iter().enumerate() {
        if ca.state.is_final() {
            continue;
        }
        for (j, step) in ca.actions.iter().enumerate() {
            if step.completed_on.is_none() && step.due < ctx.today {
                let late = (ctx.today - step.due).num_days();
                // The owner is a person, a unit, or not recorded: then the clause is left out.
                let (owner_vi, owner_en) = match step.owner_ref() {
                    Some((id, false)) => (
                        format!("; người thực hiện: {}", ctx.who(id)),
                        format!("; owner: {}", ctx.who(id)),
                    ),
                    Some((id, true)) => (
                        format!("; đơn vị thực hiện: {}", ctx.unit_name(id)),
                        format!("; owner: {}", ctx.unit_name(id)),
                    ),
                    None => (String::new(), String::new()),
                };
                e.emit(
                    ca_path(i).key("actions").index(j).key("due"),
                    format!(
                        "hành động \"{}\" của {} đã quá hạn {late} ngày (hạn {}), chưa hoàn thành{owner_vi}",
                        step.description, ca.id, vi_date(step.due)
                    ),
                    format!(
                        "action \"{}\" of {} is {late} days overdue (due {}){owner_en}",
                        step.description, ca.id, en_date(step.due)
                    ),
                );
            }
        }
    }
}

/// QMS-C003: a due date changed without a recorded extension.
pub(super) fn silent_extension(ctx: &Context, e: &mut Emitter) {
    for (i, ca) in ctx.d.corrective_actions.iter().enumerate() {
        for (j, step) in ca.actions.iter().enumerate() {
            let first = step
                .original_due
                .or(step.extensions.first().map(|x| x.from));
            let Some(first) = first else { continue };
            // The recorded extensions must lead from the first due date to the current one.
            let mut at = first;
            let mut chained = true;
            for x in &step.extensions {
                chained &= x.from == at;
                at = x.to;
            }
            if !chained || at != step.due {
                e.emit(
                    ca_path(i).key("actions").index(j).key("due"),
                    format!(
                        "hạn của hành động \"{}\" ({}) đổi từ {} sang {} mà không có gia hạn được ghi nhận",
                        step.description, ca.id, vi_date(first), vi_date(step.due)
                    ),
                    format!(
                        "the due date of action \"{}\" ({}) moved from {} to {} without a recorded extension",
                        step.description, ca.id, en_date(first), en_date(step.due)
                    ),
                );
            }
        }
    }
}

/// QMS-C004: closed without a verification of effectiveness (the state machine's
/// [`CaRequirement::VerifiedEffective`]).
pub(super) fn closed_unverified(ctx: &Context, e: &mut Emitter) {
    for (i, ca) in ctx.d.corrective_actions.iter().enumerate() {
        if ca.state == CaState::Closed && ca.unmet(ca.state).contains(&VerifiedEffective) {
            e.emit(
                ca_path(i).key("verification"),
                format!(
                    "{} đã đóng nhưng chưa có kết quả xác minh hiệu lực của hành động khắc phục",
                    ca.id
                ),
                format!(
                    "{} is closed without a verification that the action was effective",
                    ca.id
                ),
            );
        }
    }
}

/// QMS-C005: no correction recorded.
pub(super) fn no_correction(ctx: &Context, e: &mut Emitter) {
    for (i, ca) in ctx.d.corrective_actions.iter().enumerate() {
        let started = !matches!(ca.state, CaState::Proposed);
        if started && for_nonconformity(ctx, ca) && ca.correction.is_none() {
            e.emit(
                ca_path(i).key("correction"),
                format!(
                    "{} chưa ghi nhận việc khắc phục tức thời (xử lý sự không phù hợp)",
                    ca.id
                ),
                format!("{} records no correction of the nonconformity", ca.id),
            );
        }
    }
}

/// QMS-C006: no root cause in a state that needs one (the state machine's
/// [`CaRequirement::RootCause`]).
pub(super) fn no_root_cause(ctx: &Context, e: &mut Emitter) {
    let days = u64::from(ctx.d.settings.thresholds.corrective_action_days);
    for (i, ca) in ctx.d.corrective_actions.iter().enumerate() {
        // A request still "proposed" needs no cause yet, so the rule cannot judge it; once
        // its time is up, say that the cause is still missing instead of passing silently.
        let due = ca
            .actions
            .iter()
            .map(|a| a.due)
            .min()
            .or_else(|| ca.raised_on.checked_add_days(Days::new(days)));
        if ca.state == CaState::Proposed
            && ca.root_cause.as_deref().is_none_or(|c| c.trim().is_empty())
            && due.is_some_and(|d| d < ctx.today)
        {
            e.emit_as(
                crate::model::Severity::Info,
                ca_path(i).key("root_cause"),
                format!(
                    "{} vẫn ở trạng thái \"{}\" đã quá hạn mà chưa xác định nguyên nhân gốc",
                    ca.id,
                    ca.state.label(Lang::Vi)
                ),
                format!(
                    "{} is still \"{}\" past its due date and names no root cause",
                    ca.id,
                    ca.state.label(Lang::En)
                ),
            );
            continue;
        }
        if ca.unmet(ca.state).contains(&RootCause) {
            e.emit(
                ca_path(i).key("root_cause"),
                format!(
                    "{} ở trạng thái \"{}\" nhưng chưa xác định nguyên nhân gốc của sự không phù hợp",
                    ca.id,
                    ca.state.label(Lang::Vi)
                ),
                format!(
                    "{} is \"{}\" but names no root cause of the nonconformity",
                    ca.id,
                    ca.state.label(Lang::En)
                ),
            );
        }
    }
}

/// QMS-C007: a state the records do not support: every requirement of the state that
/// C004 and C006 do not already report, and a history that contradicts the state.
pub(super) fn state_without_records(ctx: &Context, e: &mut Emitter) {
    for (i, ca) in ctx.d.corrective_actions.iter().enumerate() {
        let s = ca.state;
        for r in ca.unmet(s) {
            let reported = r == RootCause || (s == CaState::Closed && r == VerifiedEffective);
            if reported {
                continue;
            }
            e.emit(
                ca_path(i).key(r.member()),
                format!(
                    "{} ở trạng thái \"{}\" nhưng chưa có {}",
                    ca.id,
                    s.label(Lang::Vi),
                    r.missing(Lang::Vi)
                ),
                format!(
                    "{} is \"{}\" but has no {}",
                    ca.id,
                    s.label(Lang::En),
                    r.missing(Lang::En)
                ),
            );
        }
        for p in ca.history_problems() {
            let (path, vi, en) = match p {
                HistoryProblem::EndsElsewhere { last } => (
                    ca_path(i).key("state"),
                    format!(
                        "{} ghi trạng thái \"{}\" nhưng lịch sử dừng ở \"{}\"",
                        ca.id,
                        s.label(Lang::Vi),
                        last.label(Lang::Vi)
                    ),
                    format!(
                        "{} is \"{}\" but its history ends at \"{}\"",
                        ca.id,
                        s.label(Lang::En),
                        last.label(Lang::En)
                    ),
                ),
                HistoryProblem::IllegalStep { index, from, to } => (
                    ca_path(i).key("history").index(index),
                    format!(
                        "lịch sử của {} chuyển từ \"{}\" sang \"{}\", quy trình không cho phép bước này",
                        ca.id,
                        from.label(Lang::Vi),
                        to.label(Lang::Vi)
                    ),
                    format!(
                        "the history of {} moves from \"{}\" to \"{}\", which the workflow does not allow",
                        ca.id,
                        from.label(Lang::En),
                        to.label(Lang::En)
                    ),
                ),
                HistoryProblem::OutOfOrder { index } => (
                    ca_path(i).key("history").index(index).key("date"),
                    format!(
                        "lịch sử của {} có bước ghi ngày trước bước liền trước",
                        ca.id
                    ),
                    format!(
                        "the history of {} has a step dated before the step before it",
                        ca.id
                    ),
                ),
            };
            e.emit(path, vi, en);
        }
    }
}
