//! Kế hoạch đánh giá nội bộ (audit plan), with the contents of ISO 19011 6.3.2.2 and the
//! schedule table: time | unit | processes/clauses | auditors | auditee representative.

use crate::ctx::Ctx;
use crate::error::DocxError;
use crate::header::{
    Signer, archive_line, body, body_last, bullets, heading, national_header, signature, title,
};
use crate::package::{Meta, package};
use crate::wml::{Borders, PLAIN, Para, width};
use crate::xml::Xml;
use qms_core::Lang;
use qms_core::model::{Audit, Meeting, Role, TeamRole};

/// The label of a team role.
pub(crate) fn team_role(role: TeamRole, lang: Lang) -> &'static str {
    match role {
        TeamRole::Lead => lang.pick("Trưởng đoàn", "Lead auditor"),
        TeamRole::Auditor => lang.pick("Thành viên", "Auditor"),
        TeamRole::Expert => lang.pick("Chuyên gia kỹ thuật", "Technical expert"),
        TeamRole::Observer => lang.pick("Quan sát viên", "Observer"),
        TeamRole::Guide => lang.pick("Người hướng dẫn", "Guide"),
    }
}

/// The criteria, or the usual ones when the dossier lists none.
pub(crate) fn criteria_or_default(ctx: &Ctx<'_>, given: &[String]) -> Vec<String> {
    if !given.is_empty() {
        return given.to_vec();
    }
    vec![
        format!("{} {}", ctx.t("Tiêu chuẩn", "Standard"), ctx.edition()),
        ctx.t(
            "Hệ thống tài liệu của hệ thống quản lý chất lượng (HTQLCL) của cơ quan",
            "The agency's quality management system (QMS) documentation",
        )
        .to_owned(),
        ctx.t(
            "Các văn bản quy phạm pháp luật liên quan đến hoạt động của đơn vị",
            "Legal documents that apply to the units' work",
        )
        .to_owned(),
    ]
}

/// "08 giờ 00, ngày 05 tháng 3 năm 2026, tại Phòng họp số 1".
pub(crate) fn meeting_text(ctx: &Ctx<'_>, m: &Meeting) -> String {
    let mut s = String::new();
    if let Some(t) = m.time {
        s.push_str(&ctx.time(t));
        s.push_str(", ");
    }
    s.push_str(&ctx.long_date(m.date));
    if let Some(place) = m.place.as_deref() {
        s.push_str(ctx.t(", tại ", ", at "));
        s.push_str(place);
    }
    s
}

/// The audit team table: STT | name | position and unit | role in the team.
pub(crate) fn team_table(x: &mut Xml<'_>, ctx: &Ctx<'_>, audit: &Audit) {
    let head = [
        ctx.t("STT", "No."),
        ctx.t("Họ và tên", "Name"),
        ctx.t("Chức vụ, đơn vị công tác", "Position and unit"),
        ctx.t("Nhiệm vụ trong đoàn", "Role in the team"),
    ];
    let w = ctx.fit_columns(&[8, 30, 42, 20], &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    for (i, m) in audit.plan.team.iter().enumerate() {
        let person = ctx.d.person(&m.person);
        let position = person.map_or_else(String::new, |p| {
            let unit = p.unit.as_deref().map(|u| ctx.unit(u));
            match (ctx.position_of(p), unit) {
                // "Chuyên viên Phòng X" already names the unit.
                (Some(pos), Some(u)) if pos.to_lowercase().contains(&u.to_lowercase()) => {
                    pos.to_owned()
                }
                (Some(pos), Some(u)) => format!("{pos}, {u}"),
                (Some(pos), None) => pos.to_owned(),
                (None, Some(u)) => u,
                (None, None) => String::new(),
            }
        });
        x.tr_open(false);
        x.cell(width(&w, 0), "CellCenter", &(i + 1).to_string(), PLAIN);
        x.cell(width(&w, 1), "Cell", &ctx.person(&m.person), PLAIN);
        x.cell(width(&w, 2), "Cell", &position, PLAIN);
        x.cell(width(&w, 3), "Cell", team_role(m.role, ctx.lang), PLAIN);
        x.tr_close();
    }
    x.tbl_close();
}

fn schedule_table(x: &mut Xml<'_>, ctx: &Ctx<'_>, audit: &Audit) {
    let plan = &audit.plan;
    let head = [
        ctx.t("Thời gian", "Time"),
        ctx.t("Đơn vị được đánh giá", "Unit audited"),
        ctx.t("Quá trình/quy trình – điều khoản", "Processes – clauses"),
        ctx.t("Chuyên gia đánh giá", "Auditors"),
        ctx.t("Đại diện bên được đánh giá", "Auditee representative"),
    ];
    let w = ctx.fit_columns(&[15, 21, 26, 21, 17], &head);
    x.tbl_open(&w, Borders::Grid);
    x.row(&w, "CellHead", &head, true);
    let everyone = ctx.t("Đoàn đánh giá", "Audit team");
    let meeting_row = |x: &mut Xml<'_>, m: &Meeting, what: &str| {
        let when = match m.time {
            Some(t) => format!("{}\n{}", ctx.short_date(m.date), t),
            None => ctx.short_date(m.date),
        };
        let what = match m.place.as_deref() {
            Some(place) => format!("{what}\n({place})"),
            None => what.to_owned(),
        };
        x.row(
            &w,
            "Cell",
            &[
                &when,
                &what,
                "",
                everyone,
                ctx.t("Lãnh đạo cơ quan, các đơn vị", "Agency and unit managers"),
            ],
            false,
        );
    };
    // A meeting the schedule already lists (same day and start) is not listed twice.
    let listed = |m: &Meeting| {
        plan.schedule
            .iter()
            .any(|r| r.unit.is_none() && r.date == m.date && m.time.is_none_or(|t| t == r.start))
    };
    if let Some(m) = plan.opening_meeting.as_ref().filter(|m| !listed(m)) {
        meeting_row(x, m, ctx.t("Họp khai mạc", "Opening meeting"));
    }
    for row in &plan.schedule {
        let when = format!("{}\n{}–{}", ctx.short_date(row.date), row.start, row.end);
        let unit = match (&row.unit, &row.activity) {
            (Some(u), Some(a)) => format!("{}\n{a}", ctx.unit(u)),
            (Some(u), None) => ctx.unit(u),
            (None, Some(a)) => a.clone(),
            (None, None) => String::new(),
        };
        let mut what = ctx.procedure_codes(&row.procedures);
        if !row.clauses.is_empty() {
            if !what.is_empty() {
                what.push('\n');
            }
            what.push_str(ctx.t("Điều khoản: ", "Clauses: "));
            what.push_str(&Ctx::clause_ids(&row.clauses));
        }
        let team: Vec<&str> = plan
            .team
            .iter()
            .filter(|m| matches!(m.role, TeamRole::Lead | TeamRole::Auditor))
            .map(|m| m.person.as_str())
            .collect();
        let whole_team = team.len() > 2 && team.iter().all(|p| row.auditors.iter().any(|a| a == p));
        let auditors: Vec<String> = if whole_team {
            vec![everyone.to_owned()]
        } else {
            row.auditors.iter().map(|a| ctx.person(a)).collect()
        };
        let rep = row
            .auditee_representative
            .as_deref()
            .map(|p| ctx.person(p))
            .unwrap_or_default();
        x.row(
            &w,
            "Cell",
            &[&when, &unit, &what, &auditors.join("\n"), &rep],
            false,
        );
    }
    if let Some(m) = plan.closing_meeting.as_ref().filter(|m| !listed(m)) {
        meeting_row(x, m, ctx.t("Họp kết thúc", "Closing meeting"));
    }
    x.tbl_close();
}

/// Scheduled audit time per unit, in schedule order: "Văn phòng Sở: 3 giờ 00 phút".
fn time_per_unit(ctx: &Ctx<'_>, audit: &Audit) -> Vec<String> {
    let mut minutes: Vec<(&str, u32)> = Vec::new();
    for row in &audit.plan.schedule {
        let Some(unit) = row.unit.as_deref() else {
            continue;
        };
        let start = u32::from(row.start.hour()) * 60 + u32::from(row.start.minute());
        let end = u32::from(row.end.hour()) * 60 + u32::from(row.end.minute());
        let span = end.saturating_sub(start);
        match minutes.iter_mut().find(|(u, _)| *u == unit) {
            Some((_, m)) => *m += span,
            None => minutes.push((unit, span)),
        }
    }
    minutes
        .into_iter()
        .map(|(u, m)| match ctx.lang {
            Lang::Vi => format!("{}: {} giờ {:02} phút", ctx.unit(u), m / 60, m % 60),
            Lang::En => format!("{}: {} h {:02} min", ctx.unit(u), m / 60, m % 60),
        })
        .collect()
}

/// Renders the plan of an audit.
pub(crate) fn render(ctx: &Ctx<'_>, audit: &Audit) -> Result<Vec<u8>, DocxError> {
    let plan = &audit.plan;
    let date = plan.issued_on.unwrap_or(ctx.opts.today);
    let meta = Meta {
        title: &audit.title,
        creator: ctx.agency_name(),
        date,
    };
    package(&meta, ctx.opts, |x| {
        national_header(
            x,
            ctx,
            qms_core::model::QmsRecord::Plan,
            &ctx.number_line(plan.number.as_deref(), "KH"),
            date,
        );
        let standard = format!(
            "{} {}",
            ctx.t(
                "Hệ thống quản lý chất lượng theo",
                "Quality management system to"
            ),
            ctx.edition()
        );
        title(
            x,
            ctx,
            ctx.t("Kế hoạch", "Plan"),
            &[&ctx.audit_title(audit), &standard],
        );
        let programme = audit
            .programme
            .as_deref()
            .and_then(|id| ctx.d.programmes.iter().find(|p| p.id == id));
        let intro = match (ctx.lang, programme) {
            (Lang::Vi, Some(p)) => format!(
                "Thực hiện Chương trình đánh giá nội bộ năm {}, {} ban hành Kế hoạch đánh giá nội bộ hệ thống quản lý chất lượng (HTQLCL) theo {} như sau:",
                p.year,
                ctx.agency_name(),
                ctx.edition()
            ),
            (Lang::Vi, None) => format!(
                "{} ban hành Kế hoạch đánh giá nội bộ hệ thống quản lý chất lượng (HTQLCL) theo {} như sau:",
                ctx.agency_name(),
                ctx.edition()
            ),
            (Lang::En, _) => format!(
                "{} issues this plan for the internal audit of its quality management system (QMS) to {}:",
                ctx.agency_in_text(true),
                ctx.edition()
            ),
        };
        body(x, &intro);

        heading(x, ctx.t("I. MỤC TIÊU ĐÁNH GIÁ", "I. AUDIT OBJECTIVES"));
        bullets(
            x,
            &plan.objectives,
            ctx.t("(Chưa xác định mục tiêu)", "(No objectives recorded)"),
        );

        heading(x, ctx.t("II. PHẠM VI ĐÁNH GIÁ", "II. AUDIT SCOPE"));
        let units = plan.schedule.iter().filter_map(|r| r.unit.as_deref());
        scope_section(x, ctx, plan.scope.as_deref(), units);

        heading(x, ctx.t("III. CHUẨN MỰC ĐÁNH GIÁ", "III. AUDIT CRITERIA"));
        bullets(x, &criteria_or_default(ctx, &plan.criteria), "");

        heading(
            x,
            ctx.t("IV. THỜI GIAN, ĐỊA ĐIỂM", "IV. DATES AND LOCATION"),
        );
        let mut when = vec![format!(
            "{}: {}",
            ctx.t("Thời gian", "Dates"),
            ctx.date_range(plan.start, plan.end)
        )];
        if let Some(l) = &plan.location {
            when.push(format!("{}: {l}", ctx.t("Địa điểm", "Location")));
        }
        if let Some(m) = &plan.opening_meeting {
            when.push(format!(
                "{}: {}",
                ctx.t("Họp khai mạc", "Opening meeting"),
                meeting_text(ctx, m)
            ));
        }
        if let Some(m) = &plan.closing_meeting {
            when.push(format!(
                "{}: {}",
                ctx.t("Họp kết thúc", "Closing meeting"),
                meeting_text(ctx, m)
            ));
        }
        bullets(x, &when, "");

        heading(x, ctx.t("V. PHƯƠNG PHÁP ĐÁNH GIÁ", "V. AUDIT METHODS"));
        let methods = if plan.methods.is_empty() {
            vec![ctx
                .t(
                    "Phỏng vấn, xem xét tài liệu, hồ sơ và quan sát tại nơi làm việc; lấy mẫu hồ sơ theo từng quy trình",
                    "Interviews, review of documents and records, observation at the workplace; sampling of records per procedure",
                )
                .to_owned()]
        } else {
            plan.methods.clone()
        };
        bullets(x, &methods, "");

        heading(x, ctx.t("VI. ĐOÀN ĐÁNH GIÁ", "VI. AUDIT TEAM"));
        team_table(x, ctx, audit);
        x.p(Para::new("Tight"), "", PLAIN);

        heading(x, ctx.t("VII. LỊCH ĐÁNH GIÁ", "VII. AUDIT SCHEDULE"));
        schedule_table(x, ctx, audit);
        x.p(Para::new("Tight"), "", PLAIN);
        let time = time_per_unit(ctx, audit);
        if !time.is_empty() {
            // ISO 19011 6.3.2.2 g): where the team's time goes.
            body(
                x,
                ctx.t(
                    "Phân bổ thời gian đánh giá theo đơn vị:",
                    "Audit time per unit:",
                ),
            );
            bullets(x, &time, "");
        }

        heading(x, ctx.t("VIII. TỔ CHỨC THỰC HIỆN", "VIII. ARRANGEMENTS"));
        let duties: [&str; 3] = [
            ctx.t(
                "1. Các đơn vị được đánh giá bố trí lãnh đạo đơn vị và công chức có liên quan làm việc với Đoàn đánh giá theo lịch; chuẩn bị đầy đủ tài liệu, hồ sơ.",
                "1. Audited units make their managers and staff available as scheduled and have documents and records ready.",
            ),
            ctx.t(
                "2. Đoàn đánh giá chuẩn bị phiếu câu hỏi đánh giá; thực hiện đánh giá khách quan, vô tư (chuyên gia không đánh giá công việc của chính mình); giữ bí mật thông tin thu thập được.",
                "2. The team prepares checklists, audits objectively and impartially (auditors do not audit their own work) and keeps the information gathered confidential.",
            ),
            ctx.t(
                "3. Ngôn ngữ đánh giá và báo cáo: tiếng Việt. Trưởng đoàn gửi báo cáo đánh giá tới lãnh đạo cơ quan và các đơn vị được đánh giá sau khi kết thúc đánh giá.",
                "3. Working and reporting language: Vietnamese. The lead auditor sends the audit report to the agency's management and the audited units after the audit.",
            ),
        ];
        let facts = ctx.d.settings.documents.plan.as_ref();
        match facts.and_then(|f| f.implementation.as_deref()) {
            // The agency's own wording replaces the three usual duties.
            Some(own) if !own.trim().is_empty() => {
                let paras: Vec<&str> = own.trim().split("\n\n").collect();
                for (i, t) in paras.iter().enumerate() {
                    if i + 1 == paras.len() {
                        body_last(x, t);
                    } else {
                        body(x, t);
                    }
                }
            }
            _ => {
                for (i, d) in duties.iter().enumerate() {
                    if i + 1 == duties.len() {
                        body_last(x, d);
                    } else {
                        body(x, d);
                    }
                }
            }
        }
        let signer = crate::facts::signer(
            ctx,
            facts,
            Signer::official(ctx, ctx.with_role(Role::Head), Role::Head),
        );
        let recipients = vec![
            ctx.t("Lãnh đạo cơ quan", "Agency management").to_owned(),
            ctx.t("Đoàn đánh giá", "Audit team").to_owned(),
            ctx.t("Các đơn vị được đánh giá", "Audited units")
                .to_owned(),
            archive_line(ctx),
        ];
        let recipients = crate::facts::recipients(ctx, facts, recipients);
        signature(x, ctx, &recipients, &signer);
    })
}

/// Section II of the plan and the report: the scope statement, then the units audited, each
/// once, in schedule order.
pub(crate) fn scope_section<'a>(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    statement: Option<&str>,
    units: impl Iterator<Item = &'a str>,
) {
    let mut scope: Vec<String> = statement.map(str::to_owned).into_iter().collect();
    let mut names: Vec<String> = Vec::new();
    for u in units {
        let name = ctx.unit(u);
        if !names.contains(&name) {
            names.push(name);
        }
    }
    if !names.is_empty() {
        scope.push(format!(
            "{}: {}",
            ctx.t("Các đơn vị được đánh giá", "Units audited"),
            names.join(", ")
        ));
    }
    bullets(
        x,
        &scope,
        ctx.t("(Chưa xác định phạm vi)", "(No scope recorded)"),
    );
}
