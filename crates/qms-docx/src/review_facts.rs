//! What the dossier records about each management review input, for the period reviewed:
//! the one-sentence facts the minutes and the input report state.

use crate::ctx::Ctx;
use chrono::NaiveDate;
use qms_core::Lang;
use qms_core::model::{
    CaSource, CaState, CorrectiveAction, DecisionState, FindingKind, ManagementReview,
};

/// First and last day of a review period; no first day means "since the beginning".
pub(crate) type Period = (Option<NaiveDate>, NaiveDate);

/// The period reviewed: the review's own, else from the previous review to this meeting.
pub(crate) fn period(ctx: &Ctx<'_>, r: &ManagementReview) -> Period {
    let end = r.period_end.unwrap_or(r.meeting.date);
    let start = r.period_start.or_else(|| {
        let prev = r.previous.as_deref()?;
        ctx.d
            .management_reviews
            .iter()
            .find(|p| p.id == prev)
            .map(|p| p.meeting.date)
    });
    (start, end)
}

/// What the input report and the minutes say under an input the dossier records nothing
/// for: one wording, so the two records of the same review read alike.
pub(crate) fn nothing_recorded(ctx: &Ctx<'_>) -> &'static str {
    ctx.t("(Chưa có thông tin)", "(No information recorded)")
}

pub(crate) fn within(d: NaiveDate, (start, end): Period) -> bool {
    start.is_none_or(|s| d >= s) && d <= end
}

/// Input c4's data: the nonconformities found by audits that ended in the period, and the
/// corrective actions raised in it that existed on `on` (the document's date), each with its
/// state on that date: a report or minutes cannot know what happened after they were dated.
pub(crate) fn nonconformities_in<'d>(
    ctx: &Ctx<'d>,
    p: Period,
    on: NaiveDate,
) -> (usize, Vec<(&'d CorrectiveAction, CaState)>) {
    let actions = ctx
        .d
        .corrective_actions
        .iter()
        .filter(|c| within(c.raised_on, p))
        .filter_map(|c| Some((c, c.state_on(on)?)))
        .collect();
    let nc = ctx
        .d
        .findings()
        .filter(|(a, f)| f.kind.is_nonconformity() && within(a.plan.end, p))
        .count();
    (nc, actions)
}

/// A one-sentence summary of what the dossier records for an input, for the minutes and
/// the sections of the input report, as it stood on `on` (the document's date); `None` when
/// it records nothing.
pub(crate) fn fact(
    ctx: &Ctx<'_>,
    p: Period,
    r: Option<&ManagementReview>,
    key: &str,
    on: NaiveDate,
) -> Option<String> {
    let vi = ctx.lang == Lang::Vi;
    match key {
        "a" => {
            let prev = r?.previous.as_deref()?;
            let prev = ctx.d.management_reviews.iter().find(|x| x.id == prev)?;
            if prev.decisions.is_empty() {
                return None;
            }
            let state = |d: &qms_core::model::Decision| {
                r.and_then(|r| r.follow_ups.iter().find(|f| f.decision == d.id))
                    .map_or(d.state, |f| f.state)
            };
            let done = prev
                .decisions
                .iter()
                .filter(|d| state(d) == DecisionState::Done)
                .count();
            let n = prev.decisions.len();
            Some(if vi {
                format!(
                    "Lần xem xét trước có {n} quyết định; {done} đã hoàn thành, {} chưa hoàn thành.",
                    n - done
                )
            } else {
                format!(
                    "The previous review made {}; {done} done, {} not.",
                    qms_core::Lang::En.count(n as u64, "", "decision"),
                    n - done
                )
            })
        }
        "c1" => {
            let n = ctx
                .d
                .corrective_actions
                .iter()
                .filter(|c| c.source == CaSource::Complaint && within(c.raised_on, p))
                .count();
            (n > 0).then(|| if vi {
                format!("Trong kỳ có {n} phản ánh, kiến nghị của tổ chức, cá nhân được xử lý theo phiếu yêu cầu hành động khắc phục.")
            } else {
                format!("{} from citizens or organisations handled through corrective-action requests in the period.", qms_core::Lang::En.count(n as u64, "", "complaint"))
            })
        }
        "c2" => {
            let of_period: Vec<_> = ctx
                .d
                .quality_objectives
                .iter()
                .filter(|o| o.belongs_to(p.0, p.1))
                .collect();
            let measured: Vec<bool> = of_period
                .iter()
                .filter_map(|o| {
                    let t = o.target.as_ref()?;
                    let m = o.measurements.iter().rfind(|m| within(m.period_end, p))?;
                    Some(t.is_met(m.value))
                })
                .collect();
            let n = of_period.len();
            let met = measured.iter().filter(|m| **m).count();
            (n > 0).then(|| if vi {
                format!("{met}/{n} mục tiêu chất lượng đạt chỉ tiêu trong kỳ ({} mục tiêu có số liệu đo).", measured.len())
            } else {
                format!("{met} of {n} quality objectives met their targets in the period ({} measured).", measured.len())
            })
        }
        "c4" => {
            let (nc, list) = nonconformities_in(ctx, p, on);
            let closed = list.iter().filter(|(_, s)| s.is_final()).count();
            (nc > 0 || !list.is_empty()).then(|| if vi {
                format!("Trong kỳ có {nc} sự không phù hợp từ đánh giá nội bộ; {} phiếu yêu cầu hành động khắc phục được lập, {closed} phiếu đã kết thúc.", list.len())
            } else {
                format!("In the period: {} from internal audits; {} raised, {closed} finished.", qms_core::Lang::En.count(nc as u64, "", "nonconformity"), qms_core::Lang::En.count(list.len() as u64, "", "corrective-action request"))
            })
        }
        "c6" => {
            let audits: Vec<_> = ctx
                .d
                .audits
                .iter()
                .filter(|a| within(a.plan.end, p))
                .collect();
            let count = |f: &dyn Fn(FindingKind) -> bool| {
                audits
                    .iter()
                    .flat_map(|a| &a.findings)
                    .filter(|x| f(x.kind))
                    .count()
            };
            let (nc, obs, ofi) = (
                count(&|k| k.is_nonconformity()),
                count(&|k| k == FindingKind::Observation),
                count(&|k| k == FindingKind::ImprovementOpportunity),
            );
            (!audits.is_empty()).then(|| if vi {
                format!("Trong kỳ thực hiện {} cuộc đánh giá nội bộ, phát hiện {nc} sự không phù hợp, {obs} điểm lưu ý và {ofi} cơ hội cải tiến.", audits.len())
            } else {
                format!("{} in the period found {}, {} and {}.", qms_core::Lang::En.count(audits.len() as u64, "", "internal audit"), qms_core::Lang::En.count(nc as u64, "", "nonconformity"), qms_core::Lang::En.count(obs as u64, "", "observation"), qms_core::Lang::En.count(ofi as u64, "", "opportunity for improvement"))
            })
        }
        "f" => {
            let n = ctx
                .d
                .findings()
                .filter(|(a, f)| {
                    f.kind == FindingKind::ImprovementOpportunity && within(a.plan.end, p)
                })
                .count();
            (n > 0).then(|| {
                if vi {
                    format!("Đánh giá nội bộ trong kỳ ghi nhận {n} cơ hội cải tiến.")
                } else {
                    format!(
                        "Internal audits in the period recorded {}.",
                        qms_core::Lang::En.count(n as u64, "", "opportunity for improvement")
                    )
                }
            })
        }
        _ => None,
    }
}
