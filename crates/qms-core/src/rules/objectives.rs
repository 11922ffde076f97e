//! Quality objective rules (TCVN ISO 9001:2015 6.2; 5.4.1 in 2008).

use super::Emitter;
use super::context::{Context, en_date, vi_date};
use crate::Lang;
use crate::load::JsonPath;
use crate::model::{MeasurementPeriod, QualityObjective};
use chrono::{Datelike, Days, NaiveDate};

fn obj(i: usize) -> JsonPath {
    JsonPath::root().key("quality_objectives").index(i)
}

/// QMS-O001: an objective that cannot be measured.
pub(super) fn not_measurable(ctx: &Context, e: &mut Emitter) {
    for (i, o) in ctx.d.quality_objectives.iter().enumerate() {
        let mut gaps = Vec::new();
        match &o.target {
            None => gaps.push(("target", "chỉ tiêu định lượng", "numeric target")),
            Some(t) if t.unit.as_deref().is_none_or(|u| u.trim().is_empty()) => {
                gaps.push(("target", "đơn vị tính của chỉ tiêu", "unit of the target"))
            }
            Some(_) => {}
        }
        if o.period.is_none() {
            gaps.push(("period", "chu kỳ đo", "measurement period"));
        }
        let Some(&(first_gap, _, _)) = gaps.first() else {
            continue;
        };
        let vi: Vec<&str> = gaps.iter().map(|g| g.1).collect();
        let en: Vec<&str> = gaps.iter().map(|g| g.2).collect();
        e.emit(
            obj(i).key(first_gap),
            format!(
                "mục tiêu \"{}\" không đo lường được: thiếu {}",
                o.statement,
                vi.join(", ")
            ),
            format!(
                "objective \"{}\" is not measurable: no {}",
                o.statement,
                en.join(", ")
            ),
        );
    }
}

fn months(p: MeasurementPeriod) -> u32 {
    match p {
        MeasurementPeriod::Monthly => 1,
        MeasurementPeriod::Quarterly => 3,
        MeasurementPeriod::HalfYearly => 6,
        MeasurementPeriod::Yearly => 12,
    }
}

/// The end of the last period completed before `today` (periods end on month ends).
fn last_period_end(
    today: NaiveDate,
    o: &QualityObjective,
    p: MeasurementPeriod,
) -> Option<NaiveDate> {
    let step = months(p);
    let mut end = today.with_day(1)?.pred_opt()?;
    while end.month() % step != 0 {
        end = end.with_day(1)?.pred_opt()?;
    }
    if let Some(y) = o.year {
        let year_end = NaiveDate::from_ymd_opt(y, 12, 31)?;
        if end > year_end {
            end = year_end;
        }
        if end.year() < y {
            return None;
        }
    }
    Some(end)
}

/// QMS-O002: no measurement for the last completed period.
pub(super) fn not_measured(ctx: &Context, e: &mut Emitter) {
    let grace = u64::from(ctx.d.settings.thresholds.measurement_grace_days);
    for (i, o) in ctx.d.quality_objectives.iter().enumerate() {
        let (Some(p), Some(_)) = (o.period, &o.target) else {
            continue;
        };
        let Some(end) = last_period_end(ctx.today, o, p) else {
            continue;
        };
        if end
            .checked_add_days(Days::new(grace))
            .is_none_or(|d| ctx.today <= d)
        {
            continue;
        }
        if !o.measurements.iter().any(|m| m.dated() >= end) {
            e.emit(
                obj(i).key("measurements"),
                format!(
                    "mục tiêu \"{}\" chưa có kết quả đo cho kỳ kết thúc ngày {}",
                    o.statement,
                    vi_date(end)
                ),
                format!(
                    "objective \"{}\" has no measurement for the period ending {}",
                    o.statement,
                    en_date(end)
                ),
            );
        }
    }
}

/// QMS-O003: a measurement that missed its target, with no action recorded.
pub(super) fn missed_without_action(ctx: &Context, e: &mut Emitter) {
    for (i, o) in ctx.d.quality_objectives.iter().enumerate() {
        let Some(t) = &o.target else { continue };
        if !o.actions.is_empty() {
            continue;
        }
        if let Some((j, m)) = o
            .measurements
            .iter()
            .enumerate()
            .rev()
            .find(|(_, m)| !t.is_met(m.value))
        {
            e.emit(
                obj(i).key("measurements").index(j),
                format!(
                    "mục tiêu \"{}\" không đạt ({} so với chỉ tiêu {}, kỳ {}) nhưng chưa có hành động",
                    o.statement, t.show(m.value, Lang::Vi), t.show(t.value, Lang::Vi), vi_date(m.period_end)
                ),
                format!(
                    "objective \"{}\" missed its target ({} against {}, period ending {}) with no action",
                    o.statement, shown_en(t, m.value), shown_en(t, t.value), en_date(m.period_end)
                ),
            );
        }
    }
}

/// A value for an English message: with its unit when the unit is English ("95%", "3
/// days"), the bare number when the dossier's unit is a Vietnamese word ("phản ánh"), so an
/// English text does not carry Vietnamese.
fn shown_en(t: &crate::model::Target, value: f64) -> String {
    let vietnamese = t
        .unit
        .as_deref()
        .is_some_and(|u| u.chars().any(|c| c.is_alphabetic() && !c.is_ascii()));
    if vietnamese {
        crate::numbers::decimal(value, Lang::En)
    } else {
        t.show(value, Lang::En)
    }
}

/// QMS-O004: a management review whose period has no quality objective: input c2 has
/// nothing to review (the period runs from the previous review's meeting when not given).
pub(super) fn review_without_objective(ctx: &Context, e: &mut Emitter) {
    for (i, r) in ctx.d.management_reviews.iter().enumerate() {
        let end = r.period_end.unwrap_or(r.meeting.date);
        let start = r.period_start.or_else(|| {
            let prev = r.previous.as_deref()?;
            ctx.d
                .management_reviews
                .iter()
                .find(|p| p.id == prev)
                .map(|p| p.meeting.date)
        });
        if !ctx
            .d
            .quality_objectives
            .iter()
            .any(|o| o.belongs_to(start, end))
        {
            e.emit(
                JsonPath::root().key("management_reviews").index(i),
                format!(
                    "\"{}\": không có mục tiêu chất lượng nào thuộc kỳ xem xét (đến ngày {})",
                    r.title,
                    vi_date(end)
                ),
                format!(
                    "\"{}\": no quality objective belongs to the period reviewed (to {})",
                    r.title,
                    en_date(end)
                ),
            );
        }
    }
}
