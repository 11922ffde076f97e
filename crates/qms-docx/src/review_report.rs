//! Báo cáo xem xét của lãnh đạo (the input report for management review): one section per
//! input of 9.3.2 a–f with c1–c7 (5.6.2 a–g on the 2008 edition), each with what the dossier
//! records for the period: previous decisions, objectives met, on-time rates, nonconformities
//! and corrective actions, audit results, opportunities for improvement.

use crate::ctx::{Ctx, number};
use crate::error::DocxError;
use crate::header::{
    Signer, archive_line, body, body_last, heading, national_header, signature, subheading, title,
};
use crate::package::{Meta, package};
use crate::review_facts::{Period, fact, nonconformities_in, nothing_recorded, period, within};
use crate::wml::{Borders, ITALIC, Para};
use crate::xml::Xml;
use chrono::NaiveDate;
use qms_core::Lang;
use qms_core::catalog::{ReviewTopic, review_inputs};
use qms_core::model::{DecisionState, FindingKind, ManagementReview, Role};

/// "Từ 08 giờ 00 đến 11 giờ 00, ngày 29 tháng 6 năm 2026".
pub(crate) fn meeting_when(ctx: &Ctx<'_>, r: &ManagementReview) -> String {
    let m = &r.meeting;
    let mut s = String::new();
    if let Some(t) = m.start {
        if m.end.is_some() {
            s.push_str(ctx.t("Từ ", "From "));
        }
        s.push_str(&ctx.time(t));
        if let Some(e) = m.end {
            s.push_str(ctx.t(" đến ", " to "));
            s.push_str(&ctx.time(e));
        }
        s.push_str(", ");
    }
    s.push_str(&ctx.long_date(m.date));
    s
}

/// "c1) sự thỏa mãn của khách hàng ..." (the group "c" ends with a colon).
pub(crate) fn topic_heading(ctx: &Ctx<'_>, t: &ReviewTopic) -> String {
    let colon = if t.key == "c" && ctx.d.scope.edition == qms_core::Edition::Iso9001_2015 {
        ":"
    } else {
        ""
    };
    format!("{}) {}{colon}", t.key, t.label(ctx.lang))
}

fn decision_state(s: DecisionState, lang: Lang) -> &'static str {
    match s {
        DecisionState::Open => lang.pick("Chưa thực hiện", "Open"),
        DecisionState::InProgress => lang.pick("Đang thực hiện", "In progress"),
        DecisionState::Done => lang.pick("Hoàn thành", "Done"),
        DecisionState::Cancelled => lang.pick("Hủy bỏ", "Cancelled"),
    }
}

/// Input a: the previous review's decisions and their state on `on` (the report's date); an
/// unfinished decision past its due date says by how many days, as the c4 table does.
fn previous_actions(x: &mut Xml<'_>, ctx: &Ctx<'_>, r: &ManagementReview, on: NaiveDate) -> bool {
    let prev = r
        .previous
        .as_deref()
        .and_then(|id| ctx.d.management_reviews.iter().find(|p| p.id == id));
    let Some(prev) = prev else { return false };
    if prev.decisions.is_empty() {
        return false;
    }
    let head = [
        ctx.t("STT", "No."),
        ctx.t("Nội dung", "Decision"),
        ctx.t("Thực hiện", "Owner"),
        ctx.t("Thời hạn", "Due"),
        ctx.t("Tình trạng", "State"),
    ];
    let w = ctx.fit_columns(&[8, 33, 18, 15, 26], &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    for (i, d) in prev.decisions.iter().enumerate() {
        let f = r.follow_ups.iter().find(|f| f.decision == d.id);
        let now = f.map_or(d.state, |f| f.state);
        let mut state = decision_state(now, ctx.lang).to_owned();
        let unfinished = matches!(now, DecisionState::Open | DecisionState::InProgress);
        if let Some(due) = d.due.filter(|due| unfinished && *due < on) {
            let late = days((on - due).num_days(), ctx.lang);
            state.push_str(&match ctx.lang {
                Lang::Vi => format!(" (quá hạn {late})"),
                Lang::En => format!(" ({late} overdue)"),
            });
        }
        if let Some(c) = f.and_then(|f| f.comment.as_deref()) {
            state.push_str(&format!("\n{c}"));
        }
        x.row(
            &w,
            "Cell",
            &[
                &(i + 1).to_string(),
                &d.content,
                &owner(ctx, d.owner.as_deref(), d.unit.as_deref()),
                &d.due.map(|d| ctx.short_date(d)).unwrap_or_default(),
                &state,
            ],
            false,
        );
    }
    x.tbl_close();
    x.spacer_after_table();
    true
}

/// "Name (Unit)", either alone, or nothing.
pub(crate) fn owner(ctx: &Ctx<'_>, person: Option<&str>, unit: Option<&str>) -> String {
    match (person, unit) {
        (Some(p), Some(u)) => format!("{} ({})", ctx.person(p), ctx.unit(u)),
        (Some(p), None) => ctx.person(p),
        (None, Some(u)) => ctx.unit(u),
        (None, None) => String::new(),
    }
}

/// Input c2 (the objectives of the period) or c3 (those marked as process performance): the
/// objectives and their measurements in the period. Each objective shows once: a marked one
/// under c3 only, where the 2015 edition has c3, with a pointer to it under c2. An objective
/// set for another year never shows.
fn objectives(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: Period, processes: bool) -> bool {
    let of_period = || {
        ctx.d
            .quality_objectives
            .iter()
            .filter(|o| o.belongs_to(p.0, p.1))
    };
    let list: Vec<_> = of_period()
        .filter(|o| o.process_performance == processes)
        .collect();
    let elsewhere = !processes && of_period().any(|o| o.process_performance);
    if elsewhere {
        x.p(
            Para::new("Body"),
            ctx.t(
                "(Các mục tiêu về kết quả thực hiện quá trình được trình bày tại mục c3.)",
                "(Objectives on process performance are shown under c3.)",
            ),
            ITALIC,
        );
    }
    if list.is_empty() {
        return elsewhere;
    }
    let head = [
        ctx.t("STT", "No."),
        ctx.t("Mục tiêu", "Objective"),
        ctx.t("Chỉ tiêu", "Target"),
        ctx.t("Kết quả trong kỳ", "Results in the period"),
        ctx.t("Đánh giá", "Met?"),
    ];
    let w = ctx.fit_columns(&[8, 40, 14, 22, 16], &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    for (i, o) in list.iter().enumerate() {
        let with_unit = |v: f64| match &o.target {
            Some(t) => t.show(v, ctx.lang),
            None => number(v, ctx.lang),
        };
        let target = o.target.as_ref().map(|t| target_text(t, ctx.lang));
        let ms: Vec<_> = o
            .measurements
            .iter()
            .filter(|m| within(m.period_end, p))
            .collect();
        let results = ms
            .iter()
            .map(|m| format!("{} ({})", with_unit(m.value), ctx.short_date(m.period_end)))
            .collect::<Vec<_>>()
            .join("\n");
        let verdict = match (o.target.as_ref(), ms.last()) {
            (Some(t), Some(m)) if t.is_met(m.value) => ctx.t("Đạt", "Met"),
            (Some(_), Some(_)) => ctx.t("Không đạt", "Not met"),
            (None, _) => ctx.t(
                "Không đo được (chưa có chỉ tiêu)",
                "Not measurable (no target)",
            ),
            (Some(_), None) => ctx.t("Chưa đo", "Not measured"),
        };
        x.row(
            &w,
            "Cell",
            &[
                &(i + 1).to_string(),
                &o.statement,
                &target.unwrap_or_default(),
                &results,
                verdict,
            ],
            false,
        );
    }
    x.tbl_close();
    x.spacer_after_table();
    true
}

/// A target as the objective states it: "≥ 95 %", "≤ 1 phản ánh"; a bound that leaves no
/// room ("≥ 100 %", "≤ 0 hồ sơ") reads as the value itself, "100 %", as agencies write it.
fn target_text(t: &qms_core::model::Target, lang: qms_core::Lang) -> String {
    use qms_core::model::Comparison;
    let percent = t.unit.as_deref().is_some_and(|u| u.trim().starts_with('%'));
    let exact = match t.comparison {
        Comparison::AtLeast => percent && t.value >= 100.0,
        Comparison::AtMost => t.value <= 0.0,
    };
    let value = t.show(t.value, lang);
    match (exact, t.comparison) {
        (true, _) => value,
        (false, Comparison::AtLeast) => format!("≥ {value}"),
        (false, Comparison::AtMost) => format!("≤ {value}"),
    }
}

/// Input c4: corrective actions raised in the period, their state and overdue actions.
fn corrective_actions(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: Period, on: NaiveDate) -> bool {
    let (nc, list) = nonconformities_in(ctx, p, on);
    if list.is_empty() && nc == 0 {
        return false;
    }
    if let Some(s) = fact(ctx, p, None, "c4", on) {
        body(x, &s);
    }
    if list.is_empty() {
        return true;
    }
    let head = [
        ctx.t("STT", "No."),
        ctx.t("Số phiếu", "Request"),
        ctx.t("Đơn vị", "Unit"),
        ctx.t("Tình trạng", "State"),
        ctx.t("Hạn hành động", "Action due"),
        ctx.t("Quá hạn", "Overdue"),
    ];
    let w = ctx.fit_columns(&[8, 13, 29, 20, 15, 15], &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    for (i, (c, state)) in list.iter().enumerate() {
        let due = c.actions.iter().map(|a| a.due).max();
        // Days past the earliest due date of an action not completed by the report's date.
        let overdue = c
            .actions
            .iter()
            .filter(|a| a.completed_on.is_none_or(|d| d > on) && a.due < on)
            .map(|a| (on - a.due).num_days())
            .max()
            .filter(|_| !state.is_final());
        let overdue = overdue.map(|n| days(n, ctx.lang)).unwrap_or_default();
        x.row(
            &w,
            "Cell",
            &[
                &(i + 1).to_string(),
                c.number.as_deref().unwrap_or(&c.id),
                &ctx.unit(&c.unit),
                state.label(ctx.lang),
                &due.map(|d| ctx.short_date(d)).unwrap_or_default(),
                &overdue,
            ],
            false,
        );
    }
    x.tbl_close();
    x.spacer_after_table();
    true
}

/// A number of days with its unit: "34 ngày", "1 day", "34 days".
fn days(n: i64, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{n} ngày"),
        Lang::En if n == 1 => "1 day".to_owned(),
        Lang::En => format!("{n} days"),
    }
}

/// Input c6: the audits of the period and their findings by kind.
fn audits(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: Period) -> bool {
    let list: Vec<_> = ctx
        .d
        .audits
        .iter()
        .filter(|a| within(a.plan.end, p))
        .collect();
    if list.is_empty() {
        return false;
    }
    let head = [
        ctx.t("STT", "No."),
        ctx.t("Cuộc đánh giá", "Audit"),
        ctx.t("Thời gian", "Dates"),
        ctx.t("KPH", "NC"),
        ctx.t("Điểm lưu ý", "Observations"),
        ctx.t("Cơ hội cải tiến", "Opportunities for improvement"),
    ];
    let w = ctx.fit_columns(&[8, 36, 20, 12, 12, 12], &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    for (i, a) in list.iter().enumerate() {
        let count = |f: &dyn Fn(FindingKind) -> bool| {
            a.findings.iter().filter(|x| f(x.kind)).count().to_string()
        };
        x.row(
            &w,
            "Cell",
            &[
                &(i + 1).to_string(),
                &ctx.audit_title(a),
                &format!(
                    "{} – {}",
                    ctx.short_date(a.plan.start),
                    ctx.short_date(a.plan.end)
                ),
                &count(&|k| k.is_nonconformity()),
                &count(&|k| k == FindingKind::Observation),
                &count(&|k| k == FindingKind::ImprovementOpportunity),
            ],
            false,
        );
    }
    x.tbl_close();
    x.spacer_after_table();
    true
}

/// Input c1: complaints recorded as corrective-action requests.
fn complaints(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: Period, on: NaiveDate) -> bool {
    match fact(ctx, p, None, "c1", on) {
        Some(s) => {
            body(x, &s);
            true
        }
        None => false,
    }
}

/// Input f: opportunities for improvement found by audits in the period.
fn improvements(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: Period) -> bool {
    const SHOWN: usize = 20;
    let list: Vec<_> = ctx
        .d
        .findings()
        .filter(|(a, f)| f.kind == FindingKind::ImprovementOpportunity && within(a.plan.end, p))
        .collect();
    for (_, f) in list.iter().take(SHOWN) {
        body(x, &format!("- {}: {}", ctx.unit(&f.unit), f.statement));
    }
    if list.len() > SHOWN {
        body(
            x,
            &match ctx.lang {
                Lang::Vi => format!(
                    "- Và {} cơ hội cải tiến khác (xem các báo cáo đánh giá).",
                    list.len() - SHOWN
                ),
                Lang::En => format!("- And {} more (see the audit reports).", list.len() - SHOWN),
            },
        );
    }
    !list.is_empty()
}

/// Renders the input report of a review.
pub(crate) fn render(ctx: &Ctx<'_>, r: &ManagementReview) -> Result<Vec<u8>, DocxError> {
    // The report's own facts first, then the dossier's defaults for review reports.
    let own = r.input_report.as_ref();
    let kind = ctx.d.settings.documents.review_report.as_ref();
    let merged = merge(own, kind);
    let facts = merged.as_ref();
    let date = facts
        .and_then(|f| f.date)
        .unwrap_or(r.notice_date.unwrap_or(r.meeting.date));
    let meta = Meta {
        title: &r.title,
        creator: ctx.agency_name(),
        date,
    };
    let p = period(ctx, r);
    package(&meta, ctx.opts, |x| {
        national_header(
            x,
            ctx,
            qms_core::model::QmsRecord::ReviewReport,
            &ctx.number_line(facts.and_then(|f| f.number.as_deref()), "BC"),
            date,
        );
        let line2 = ctx.lead_in("phục vụ", "For", &r.title);
        title(
            x,
            ctx,
            ctx.t("Báo cáo", "Report"),
            &[
                ctx.t(
                    "Kết quả thực hiện hệ thống quản lý chất lượng",
                    "Performance of the quality management system",
                ),
                &line2,
            ],
        );
        let from =
            p.0.map(|s| format!("{} {} ", ctx.t("từ", "from"), ctx.long_date(s)))
                .unwrap_or_default();
        body(
            x,
            &format!(
                "{}: {from}{} {}.",
                ctx.t("Kỳ báo cáo", "Period"),
                ctx.t("đến", "to"),
                ctx.long_date(p.1)
            ),
        );
        heading(
            x,
            ctx.t("ĐẦU VÀO XEM XÉT CỦA LÃNH ĐẠO", "MANAGEMENT REVIEW INPUTS"),
        );
        for t in review_inputs(ctx.d.scope.edition) {
            subheading(x, &topic_heading(ctx, t));
            if t.key == "c" && ctx.d.scope.edition == qms_core::Edition::Iso9001_2015 {
                continue;
            }
            let input = r.inputs.iter().find(|i| i.topic == t.key);
            if let Some(i) = input {
                for para in i.summary.split("\n\n") {
                    body(x, para);
                }
                if let Some(pr) = &i.presenter {
                    x.p(
                        Para::new("Body"),
                        &format!(
                            "({} {})",
                            ctx.t("Trình bày:", "Presented by"),
                            ctx.person(pr)
                        ),
                        ITALIC,
                    );
                }
            }
            let key = t.maps_to_2015.unwrap_or(t.key);
            let data = match key {
                "a" => previous_actions(x, ctx, r, date),
                "c1" => complaints(x, ctx, p, date),
                "c2" => objectives(x, ctx, p, false),
                "c3" => objectives(x, ctx, p, true),
                "c4" => corrective_actions(x, ctx, p, date),
                "c6" => audits(x, ctx, p),
                "f" => improvements(x, ctx, p),
                _ => false,
            };
            if input.is_none() && !data {
                x.p(Para::new("Body"), nothing_recorded(ctx), ITALIC);
            }
        }
        body_last(
            x,
            ctx.t(
                "Kính trình lãnh đạo cơ quan xem xét, kết luận.",
                "Submitted to management for review and decision.",
            ),
        );
        let who = ctx
            .with_role(Role::QualityRepresentative)
            .or_else(|| ctx.with_role(Role::IsoSecretary));
        let signer = match who {
            Some(p) => Signer {
                lines: vec![ctx.t("NGƯỜI BÁO CÁO", "REPORTED BY").to_owned()],
                name: p.name.clone(),
            },
            None => Signer::titled(ctx, ctx.t("Người báo cáo", "Reported by"), None),
        };
        let signer = crate::facts::signer(ctx, facts, signer);
        let recipients = vec![
            ctx.t("Lãnh đạo cơ quan", "Agency management").to_owned(),
            ctx.t("Thành phần họp xem xét của lãnh đạo", "Review attendees")
                .to_owned(),
            archive_line(ctx),
        ];
        let recipients = crate::facts::recipients(ctx, facts, recipients);
        signature(x, ctx, &recipients, &signer);
    })
}

/// A document's own facts over the defaults of its kind, field by field.
fn merge(
    own: Option<&qms_core::model::DocumentFacts>,
    kind: Option<&qms_core::model::DocumentFacts>,
) -> Option<qms_core::model::DocumentFacts> {
    match (own, kind) {
        (None, None) => None,
        (Some(o), None) => Some(o.clone()),
        (None, Some(k)) => Some(k.clone()),
        (Some(o), Some(k)) => Some(qms_core::model::DocumentFacts {
            number: o.number.clone().or_else(|| k.number.clone()),
            date: o.date.or(k.date),
            signer: o.signer.clone().or_else(|| k.signer.clone()),
            signing: o.signing.or(k.signing),
            signing_title: o.signing_title.clone().or_else(|| k.signing_title.clone()),
            recipients: if o.recipients.is_empty() {
                k.recipients.clone()
            } else {
                o.recipients.clone()
            },
            archive: o.archive.clone().or_else(|| k.archive.clone()),
            implementation: o
                .implementation
                .clone()
                .or_else(|| k.implementation.clone()),
            symbol: o.symbol.clone().or_else(|| k.symbol.clone()),
        }),
    }
}

#[cfg(test)]
mod tests {
    use super::target_text;
    use qms_core::Lang;
    use qms_core::model::{Comparison, Target};

    fn t(value: f64, comparison: Comparison, unit: &str) -> Target {
        Target {
            value,
            comparison,
            unit: Some(unit.into()),
        }
    }

    #[test]
    fn a_bound_that_leaves_no_room_reads_as_the_value() {
        use Comparison::{AtLeast, AtMost};
        let cases = [
            (100.0, AtLeast, "%", Lang::Vi, "100 %"),
            (100.0, AtLeast, "%", Lang::En, "100%"),
            (0.0, AtMost, "hồ sơ", Lang::Vi, "0 hồ sơ"),
            (95.0, AtLeast, "%", Lang::Vi, "≥ 95 %"),
            (1.0, AtMost, "phản ánh", Lang::Vi, "≤ 1 phản ánh"),
            // 100 of a count is a real lower bound, not the whole range.
            (100.0, AtLeast, "hồ sơ", Lang::Vi, "≥ 100 hồ sơ"),
        ];
        for (value, comparison, unit, lang, expected) in cases {
            assert_eq!(target_text(&t(value, comparison, unit), lang), expected);
        }
    }
}
