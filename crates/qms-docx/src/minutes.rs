//! Biên bản họp xem xét của lãnh đạo (management review minutes), after Mẫu 1.9 of Decree
//! 30/2020: I. Thành phần, II. Nội dung (per input), III. Kết luận with the decisions table
//! (content, owner, deadline), the closing time, THƯ KÝ and CHỦ TRÌ signatures, Nơi nhận.

use crate::ctx::{Ctx, lower_first};
use crate::error::DocxError;
use crate::header::{
    Signer, archive_line, body, body_last, body_or, heading, national_header, title, two_signatures,
};
use crate::package::{Meta, package};
use crate::review_facts::{fact, nothing_recorded, period};
use crate::review_report::{owner, topic_heading};
use crate::wml::{BOLD, Borders, ITALIC, Para};
use crate::xml::Xml;
use qms_core::Lang;
use qms_core::catalog::{review_inputs, review_outputs};
use qms_core::model::{Decision, ManagementReview};

/// The decisions, one table per review output under a caption kept with it ("a) Các cơ hội
/// cải tiến"), each with its heading row repeated: a group label inside one long table ended a
/// page alone in LibreOffice, which cannot keep a table row with the next.
fn decisions_table(x: &mut Xml<'_>, ctx: &Ctx<'_>, r: &ManagementReview) {
    let head = [
        ctx.t("STT", "No."),
        ctx.t("Nội dung", "Decision"),
        ctx.t("Người/đơn vị thực hiện", "Owner"),
        ctx.t("Thời hạn", "Due"),
    ];
    let w = ctx.fit_columns(&[8, 49, 28, 15], &head);
    let outputs = review_outputs(ctx.d.scope.edition);
    let mut groups: Vec<(String, Vec<&Decision>)> = Vec::new();
    // The groups are lettered in the order printed (a, b, c …), not by the standard's item:
    // an output without decisions is left out, and the letters must not skip it.
    let letters = ('a'..='z').chain(std::iter::repeat('…'));
    let printed = outputs
        .iter()
        .map(|o| {
            (
                o,
                r.decisions
                    .iter()
                    .filter(|d| d.output == o.key)
                    .collect::<Vec<_>>(),
            )
        })
        .filter(|(_, list)| !list.is_empty());
    for ((o, list), letter) in printed.zip(letters) {
        groups.push((format!("{letter}) {}", o.label(ctx.lang)), list));
    }
    // Decisions whose output key the catalog does not know still belong in the minutes.
    let other: Vec<_> = r
        .decisions
        .iter()
        .filter(|d| !outputs.iter().any(|o| o.key == d.output))
        .collect();
    if !other.is_empty() {
        groups.push((ctx.t("Nội dung khác", "Other").to_owned(), other));
    }
    let mut no = 0;
    for (caption, list) in groups {
        x.p(Para::new("GroupCaption").keep(), &caption, BOLD);
        x.tbl_open(&w, Borders::Grid);
        x.header_row(&w, "CellHead", &head);
        for d in list {
            no += 1;
            decision_row(x, ctx, &w, no, d);
        }
        x.tbl_close();
    }
    x.spacer_after_table();
}

/// Renders the minutes of a review.
pub(crate) fn render(ctx: &Ctx<'_>, r: &ManagementReview) -> Result<Vec<u8>, DocxError> {
    let m = &r.meeting;
    let date = m.date;
    let p = period(ctx, r);
    let meta = Meta {
        title: &r.title,
        creator: ctx.agency_name(),
        date,
    };
    package(&meta, ctx.opts, |x| {
        national_header(
            x,
            ctx,
            qms_core::model::QmsRecord::Minutes,
            &ctx.number_line(r.number.as_deref(), "BB"),
            date,
        );
        title(x, ctx, ctx.t("Biên bản", "Minutes"), &[&r.title]);
        // Without a start time the sentence goes straight to the date: "vào lúc" needs an hour.
        let start = m
            .start
            .map(|t| format!("vào lúc {}, ", ctx.time(t)))
            .unwrap_or_default();
        let place = m
            .place
            .as_deref()
            .map(|p| format!(", {} {p}", ctx.t("tại", "at")))
            .unwrap_or_default();
        body(
            x,
            &match ctx.lang {
                Lang::Vi => format!(
                    "Hôm nay, {start}{}{place}, {} tổ chức {}.",
                    ctx.long_date(date),
                    ctx.agency_name(),
                    lower_first(&r.title)
                ),
                Lang::En => format!(
                    "{}{}{place}, {} held the meeting \"{}\".",
                    m.start
                        .map(|t| format!("At {} on ", ctx.time(t)))
                        .unwrap_or_else(|| "On ".to_owned()),
                    ctx.long_date(date),
                    ctx.agency_in_text(false),
                    r.title
                ),
            },
        );

        heading(x, ctx.t("I. THÀNH PHẦN", "I. ATTENDANCE"));
        x.field(
            Para::new("Body"),
            ctx.t("1. Chủ trì", "1. Chair"),
            &ctx.person_position(&m.chair),
        );
        x.field(
            Para::new("Body"),
            ctx.t("2. Thư ký", "2. Secretary"),
            &ctx.person_position(&m.secretary),
        );
        x.p(
            Para::new("Label"),
            ctx.t("3. Thành phần tham dự:", "3. Attendees:"),
            BOLD,
        );
        for a in &m.attendees {
            body(x, &format!("- {}", ctx.person_position(a)));
        }
        if !m.absent.is_empty() {
            x.p(Para::new("Label"), ctx.t("Vắng mặt:", "Absent:"), BOLD);
            for a in &m.absent {
                let reason = a
                    .reason
                    .as_deref()
                    .map(|r| format!(" ({} {r})", ctx.t("lý do:", "reason:")))
                    .unwrap_or_default();
                body(x, &format!("- {}{reason}", ctx.person_position(&a.person)));
            }
        }
        // Members are the chair, the secretary, those present and those absent.
        let mut members: Vec<&str> = [m.chair.as_str(), m.secretary.as_str()]
            .into_iter()
            .chain(m.attendees.iter().map(String::as_str))
            .collect();
        members.sort_unstable();
        members.dedup();
        let present = members.len();
        let total = present + m.absent.len();
        body(
            x,
            &match ctx.lang {
                Lang::Vi => format!("Có mặt {present}/{total} thành viên."),
                Lang::En => format!("{present} of {total} members present."),
            },
        );
        if !m.guests.is_empty() {
            x.p(
                Para::new("Label"),
                ctx.t("4. Khách mời:", "4. Guests:"),
                BOLD,
            );
            for g in &m.guests {
                body(x, &format!("- {g}"));
            }
        }

        heading(x, ctx.t("II. NỘI DUNG", "II. PROCEEDINGS"));
        body(x, ctx.t(
            "Cuộc họp đã nghe báo cáo và thảo luận các nội dung đầu vào xem xét của lãnh đạo về hệ thống quản lý chất lượng (HTQLCL):",
            "The meeting heard and discussed the management review inputs for the quality management system (QMS):",
        ));
        for t in review_inputs(ctx.d.scope.edition) {
            x.p(Para::new("Body").keep(), &topic_heading(ctx, t), BOLD);
            if t.key == "c" && ctx.d.scope.edition == qms_core::Edition::Iso9001_2015 {
                continue;
            }
            match r.inputs.iter().find(|i| i.topic == t.key) {
                Some(i) => {
                    let by = i
                        .presenter
                        .as_deref()
                        .map(|p| {
                            format!(
                                " ({} {})",
                                ctx.t("trình bày:", "presented by"),
                                ctx.person(p)
                            )
                        })
                        .unwrap_or_default();
                    // The minutes record the meeting: who presented, what was discussed and
                    // what the chair concluded; the report's text only when nothing else is.
                    let said = i
                        .discussion
                        .as_deref()
                        .map(str::trim)
                        .filter(|t| !t.is_empty());
                    let concluded = i
                        .conclusion
                        .as_deref()
                        .map(str::trim)
                        .filter(|t| !t.is_empty());
                    if said.is_none() && concluded.is_none() {
                        body(x, &format!("{}{by}", i.summary.trim()));
                    } else {
                        if let Some(p) = i.presenter.as_deref() {
                            body(
                                x,
                                &format!(
                                    "{} {}.",
                                    ctx.t("Báo cáo:", "Presented by"),
                                    ctx.person_position(p)
                                ),
                            );
                        }
                        if let Some(t) = said {
                            x.field(Para::new("Body"), ctx.t("Thảo luận", "Discussion"), t);
                        }
                        if let Some(t) = concluded {
                            x.field(
                                Para::new("Body"),
                                ctx.t("Kết luận của chủ trì", "Chair's conclusion"),
                                t,
                            );
                        }
                    }
                }
                None => match fact(ctx, p, Some(r), t.maps_to_2015.unwrap_or(t.key), date) {
                    Some(s) => body(x, &s),
                    None => x.p(Para::new("Body"), nothing_recorded(ctx), ITALIC),
                },
            }
        }

        heading(x, ctx.t("III. KẾT LUẬN", "III. CONCLUSIONS"));
        body_or(
            x,
            r.conclusion.as_deref(),
            ctx.t("(Chủ trì kết luận)", "(Chair's conclusion)"),
        );
        x.p(
            Para::new("Body").keep(),
            ctx.t(
                "Các quyết định và hành động (đầu ra của xem xét của lãnh đạo):",
                "Decisions and actions (management review outputs):",
            ),
            BOLD,
        );
        if r.decisions.is_empty() {
            x.p(
                Para::new("Body"),
                ctx.t("Không có quyết định mới.", "No new decisions."),
                ITALIC,
            );
        } else {
            decisions_table(x, ctx, r);
        }
        let end = match (m.end, ctx.lang) {
            (Some(t), Lang::Vi) => format!("Cuộc họp kết thúc vào lúc {} cùng ngày.", ctx.time(t)),
            (None, Lang::Vi) => "Cuộc họp kết thúc vào lúc …… giờ …… cùng ngày.".to_owned(),
            (Some(t), Lang::En) => format!("The meeting closed at {} the same day.", ctx.time(t)),
            (None, Lang::En) => "The meeting closed at ……… the same day.".to_owned(),
        };
        body(x, &end);
        body_last(x, ctx.t(
            "Biên bản đã được đọc lại cho các thành viên dự họp cùng nghe và nhất trí thông qua.",
            "These minutes were read out to the attendees and approved.",
        ));
        let secretary = Signer::titled(ctx, ctx.t("Thư ký", "Secretary"), Some(&m.secretary));
        let chair = Signer::titled(ctx, ctx.t("Chủ trì", "Chair"), Some(&m.chair));
        let recipients = vec![
            ctx.t("Các thành viên dự họp", "Attendees").to_owned(),
            ctx.t(
                "Các đơn vị thuộc phạm vi HTQLCL",
                "Units within the QMS scope",
            )
            .to_owned(),
            archive_line(ctx),
        ];
        let recipients =
            crate::facts::recipients(ctx, ctx.d.settings.documents.minutes.as_ref(), recipients);
        two_signatures(x, ctx, &secretary, &chair, &recipients);
    })
}

/// One row of the decisions table: STT | content | owner | deadline. The row may split
/// across pages: a decision with a long owner ("Bộ phận tiếp nhận và trả kết quả … tại Trung
/// tâm Phục vụ hành chính công tỉnh") took its group's caption and heading row to the next
/// page with it and left a third of a page blank; split, its first lines stay with them and
/// the heading row repeats over the rest.
fn decision_row(x: &mut Xml<'_>, ctx: &Ctx<'_>, widths: &[u32], no: usize, d: &Decision) {
    x.row_flowing(
        widths,
        &[
            &no.to_string(),
            &d.content,
            &owner(ctx, d.owner.as_deref(), d.unit.as_deref()),
            &d.due.map(|d| ctx.short_date(d)).unwrap_or_default(),
        ],
    );
}
