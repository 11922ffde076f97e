//! Management review rules (TCVN ISO 9001:2015 9.3; 5.6 in 2008).

use super::Emitter;
use super::context::{Context, blank, en_date, vi_date};
use crate::catalog;
use crate::load::JsonPath;

fn rv(i: usize) -> JsonPath {
    JsonPath::root().key("management_reviews").index(i)
}

/// QMS-M001: no management review within the interval.
pub(super) fn review_overdue(ctx: &Context, e: &mut Emitter) {
    let months = ctx.d.settings.thresholds.review_interval_months;
    match ctx
        .d
        .management_reviews
        .iter()
        .map(|r| r.meeting.date)
        .max()
    {
        None => e.emit(
            JsonPath::root().key("management_reviews"),
            "chưa có cuộc họp xem xét của lãnh đạo nào được ghi nhận".into(),
            "no management review is recorded".into(),
        ),
        Some(last) if last < ctx.months_ago(months) => e.emit(
            JsonPath::root().key("management_reviews"),
            format!(
                "lần xem xét của lãnh đạo gần nhất là ngày {}, đã quá {months} tháng",
                vi_date(last)
            ),
            format!(
                "the last management review was on {}, more than {months} months ago",
                en_date(last)
            ),
        ),
        Some(_) => {}
    }
}

/// QMS-M002: a required review input not reported.
pub(super) fn input_missing(ctx: &Context, e: &mut Emitter) {
    let topics = catalog::review_inputs(ctx.edition);
    for (i, r) in ctx.d.management_reviews.iter().enumerate() {
        for key in catalog::required_review_inputs(ctx.edition) {
            let entries: Vec<(usize, &crate::model::ReviewInput)> = r
                .inputs
                .iter()
                .enumerate()
                .filter(|(_, x)| x.topic == key)
                .collect();
            let given = entries.iter().any(|(_, x)| !x.summary.trim().is_empty());
            if let (false, Some((j, _))) = (given, entries.first()) {
                // Presented at the meeting, summary not written yet: not missing, but the
                // report cannot show it until it is.
                e.emit_as(
                    super::Severity::Info,
                    rv(i).key("inputs").index(*j).key("summary"),
                    format!(
                        "\"{}\": đầu vào {key}) đã trình bày nhưng chưa có nội dung tóm tắt (summary)",
                        r.title
                    ),
                    format!(
                        "\"{}\": input {key}) was presented but has no summary yet (summary)",
                        r.title
                    ),
                );
            } else if !given {
                let topic = topics.iter().find(|t| t.key == key);
                let (vi, en) = topic.map_or(("", ""), |t| (t.label_vi, t.label_en));
                e.emit(
                    rv(i).key("inputs"),
                    format!("\"{}\" thiếu đầu vào {key}) {vi}", r.title),
                    format!("\"{}\" does not report input {key}) {en}", r.title),
                );
            }
        }
    }
}

/// QMS-M003: a decision without an owner or a deadline.
pub(super) fn decision_incomplete(ctx: &Context, e: &mut Emitter) {
    for (i, r) in ctx.d.management_reviews.iter().enumerate() {
        for (j, d) in r.decisions.iter().enumerate() {
            let no_owner = blank(&d.owner) && blank(&d.unit);
            for (gap, key, vi) in [
                (no_owner, "owner", "người/đơn vị thực hiện"),
                (d.due.is_none(), "due", "thời hạn"),
            ] {
                if gap {
                    e.emit(
                        rv(i).key("decisions").index(j).key(key),
                        format!("quyết định {} (\"{}\") chưa có {vi}", d.id, d.content),
                        format!("decision {} (\"{}\") has no {key}", d.id, d.content),
                    );
                }
            }
        }
    }
}

/// QMS-M004: the previous review's decisions not reported in input a.
pub(super) fn previous_not_reported(ctx: &Context, e: &mut Emitter) {
    let reviews = &ctx.d.management_reviews;
    for (i, r) in reviews.iter().enumerate() {
        let earlier = reviews
            .iter()
            .filter(|x| x.meeting.date < r.meeting.date)
            .max_by_key(|x| x.meeting.date);
        let previous = match &r.previous {
            Some(id) => reviews.iter().find(|x| &x.id == id),
            None => {
                if let Some(prev) = earlier {
                    e.emit(
                        rv(i).key("previous"),
                        format!("\"{}\" không liên kết với lần xem xét trước ({}) nên không theo dõi được các quyết định trước", r.title, prev.id),
                        format!("\"{}\" is not linked to the previous review ({}), so its decisions cannot be followed up", r.title, prev.id),
                    );
                }
                continue;
            }
        };
        let Some(previous) = previous else { continue };
        for d in &previous.decisions {
            if !r.follow_ups.iter().any(|f| f.decision == d.id) {
                e.emit(
                    rv(i).key("follow_ups"),
                    format!("\"{}\" chưa báo cáo tình trạng quyết định {} của lần xem xét trước (\"{}\")", r.title, d.id, d.content),
                    format!("\"{}\" does not report on decision {} of the previous review (\"{}\")", r.title, d.id, d.content),
                );
            }
        }
    }
}
