//! Thông báo họp xem xét của lãnh đạo (management review meeting notice): time, place, chair,
//! attendees, the agenda (the inputs of 9.3.2 / 5.6.2) and who prepares what.

use crate::ctx::Ctx;
use crate::ctx::lower_first;
use crate::error::DocxError;
use crate::header::{
    Signer, archive_line, body, body_last, heading, national_header, signature, title,
};
use crate::package::{Meta, package};
use crate::review_report::{meeting_when, topic_heading};
use crate::wml::{PLAIN, Para};
use chrono::Days;
use qms_core::Lang;
use qms_core::catalog::review_inputs;
use qms_core::model::{ManagementReview, Role};

/// One indentation step of a sub-item, in twips (0.75 cm).
const INDENT_STEP: u32 = 425;

/// Renders the notice of a review.
pub(crate) fn render(ctx: &Ctx<'_>, r: &ManagementReview) -> Result<Vec<u8>, DocxError> {
    let m = &r.meeting;
    // A week before the meeting is the usual notice (QT-HT04); the dossier's date wins.
    let date = r
        .notice_date
        .or_else(|| m.date.checked_sub_days(Days::new(7)))
        .unwrap_or(ctx.opts.today);
    let meta = Meta {
        title: &r.title,
        creator: ctx.agency_name(),
        date,
    };
    package(&meta, ctx.opts, |x| {
        national_header(
            x,
            ctx,
            qms_core::model::QmsRecord::ReviewNotice,
            &ctx.number_line(r.notice_number.as_deref(), "TB"),
            date,
        );
        let summary = ctx.lead_in("Về việc tổ chức", "Convening", &r.title);
        title(x, ctx, ctx.t("Thông báo", "Notice"), &[&summary]);
        body(
            x,
            &match ctx.lang {
                Lang::Vi => format!(
                    "Thực hiện quy trình xem xét của lãnh đạo trong hệ thống quản lý chất lượng (HTQLCL) theo {}, {} thông báo tổ chức {} như sau:",
                    ctx.edition(),
                    ctx.agency_name(),
                    lower_first(&r.title)
                ),
                Lang::En => format!(
                    "Under its management review procedure for the quality management system (QMS) to {}, {} convenes the following meeting:",
                    ctx.edition(),
                    ctx.agency_in_text(false)
                ),
            },
        );
        heading(x, ctx.t("1. Thời gian", "1. Time"));
        body(x, &meeting_when(ctx, r));
        heading(x, ctx.t("2. Địa điểm", "2. Place"));
        body(x, m.place.as_deref().unwrap_or("………"));
        heading(x, ctx.t("3. Chủ trì", "3. Chair"));
        body(x, &ctx.person_position(&m.chair));
        heading(x, ctx.t("4. Thành phần", "4. Attendees"));
        let mut who = vec![format!(
            "{}: {}",
            ctx.t("Thư ký", "Secretary"),
            ctx.person_position(&m.secretary)
        )];
        // The notice invites every member: those the minutes later record as absent were
        // invited too (the notice is written before anyone knows who will come).
        who.extend(
            m.attendees
                .iter()
                .chain(m.absent.iter().map(|a| &a.person))
                .map(|a| ctx.person_position(a)),
        );
        who.extend(m.guests.iter().cloned());
        for w in &who {
            body(x, &format!("- {w}"));
        }
        heading(x, ctx.t("5. Nội dung", "5. Agenda"));
        body(
            x,
            ctx.t(
                "Xem xét các nội dung đầu vào của HTQLCL:",
                "Review of the QMS inputs:",
            ),
        );
        for t in review_inputs(ctx.d.scope.edition) {
            let mut line = topic_heading(ctx, t);
            if let Some(p) = r
                .inputs
                .iter()
                .find(|i| i.topic == t.key)
                .and_then(|i| i.presenter.as_deref())
            {
                line.push_str(&format!(
                    " ({} {})",
                    ctx.t("trình bày:", "presented by"),
                    ctx.person(p)
                ));
            }
            // Sub-items (c1–c7) are indented one step, by the paragraph, not by spaces.
            let para = if t.parent.is_some() {
                Para::new("Body").indent_left(INDENT_STEP)
            } else {
                Para::new("Body")
            };
            x.p(para, &line, PLAIN);
        }
        heading(x, ctx.t("6. Tổ chức thực hiện", "6. Preparation"));
        let secretary = ctx
            .with_role(Role::IsoSecretary)
            .map_or_else(|| ctx.person(&m.secretary), |p| p.name.clone());
        let facts = ctx.d.settings.documents.review_notice.as_ref();
        let usual = match ctx.lang {
            Lang::Vi => format!(
                "Các đơn vị, cá nhân được phân công chuẩn bị báo cáo theo nội dung trên, gửi Thư ký ISO ({secretary}) chậm nhất 03 ngày làm việc trước cuộc họp. Đề nghị các thành phần tham dự đầy đủ, đúng giờ."
            ),
            Lang::En => format!(
                "Units and people assigned prepare their reports on the items above and send them to the ISO secretary ({secretary}) at least 3 working days before the meeting. Attendance is required."
            ),
        };
        body_last(x, crate::facts::implementation(facts, &usual));
        let signer_person = ctx
            .with_role(Role::QualityRepresentative)
            .or_else(|| ctx.with_role(Role::Head));
        let signer =
            crate::facts::signer(ctx, facts, Signer::official(ctx, signer_person, Role::Head));
        let recipients = vec![
            ctx.t("Như thành phần mời họp", "Attendees").to_owned(),
            archive_line(ctx),
        ];
        let recipients = crate::facts::recipients(ctx, facts, recipients);
        signature(x, ctx, &recipients, &signer);
    })
}
