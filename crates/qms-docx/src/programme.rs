//! Chương trình đánh giá nội bộ năm (annual audit programme): objectives, scope, criteria,
//! audit types, methods, auditor selection, resources, risks and opportunities,
//! responsibilities, the unit × month matrix and the monitoring of the programme (ISO 9001
//! 9.2.2 a, ISO 19011 5.2–5.7). Where the dossier is silent the usual text of
//! [`programme_usual`](crate::programme_usual) stands.

use crate::ctx::Ctx;
use crate::error::DocxError;
use crate::header::{
    Signer, archive_line, body, body_last, bullets, heading, national_header, signature,
    subheading, title,
};
use crate::package::{Meta, package};
use crate::plan::criteria_or_default;
use crate::programme_usual as usual;
use crate::wml::{Borders, PLAIN, Para, columns, width};
use qms_core::Lang;
use qms_core::model::{AuditProgramme, Role};

/// The dossier's lines, else the usual ones.
fn or_usual(given: &[String], usual: Vec<String>) -> Vec<String> {
    if given.is_empty() {
        usual
    } else {
        given.to_vec()
    }
}

/// Renders a programme.
pub(crate) fn render(ctx: &Ctx<'_>, p: &AuditProgramme) -> Result<Vec<u8>, DocxError> {
    let date = p.issued_on.unwrap_or(ctx.opts.today);
    let summary = match ctx.lang {
        Lang::Vi => format!("Đánh giá nội bộ hệ thống quản lý chất lượng năm {}", p.year),
        Lang::En => format!(
            "Internal audits of the quality management system, {}",
            p.year
        ),
    };
    let meta = Meta {
        title: &summary,
        creator: ctx.agency_name(),
        date,
    };
    package(&meta, ctx.opts, |x| {
        national_header(
            x,
            ctx,
            qms_core::model::QmsRecord::Programme,
            &ctx.number_line(p.number.as_deref(), "CTr"),
            date,
        );
        let standard = format!("{} {}", ctx.t("theo", "to"), ctx.edition());
        title(
            x,
            ctx,
            ctx.t("Chương trình", "Programme"),
            &[&summary, &standard],
        );

        heading(x, ctx.t("I. MỤC TIÊU", "I. OBJECTIVES"));
        bullets(
            x,
            &p.objectives,
            ctx.t("(Chưa xác định mục tiêu)", "(No objectives recorded)"),
        );

        heading(x, ctx.t("II. PHẠM VI", "II. SCOPE"));
        let scope = p.scope.clone().unwrap_or_else(|| ctx.d.scope.text.clone());
        body(x, &scope);

        heading(x, ctx.t("III. HÌNH THỨC ĐÁNH GIÁ", "III. TYPES OF AUDIT"));
        bullets(x, &or_usual(&p.audit_types, usual::audit_types(ctx)), "");

        heading(x, ctx.t("IV. CHUẨN MỰC ĐÁNH GIÁ", "IV. AUDIT CRITERIA"));
        bullets(x, &criteria_or_default(ctx, &p.criteria), "");

        heading(x, ctx.t("V. PHƯƠNG PHÁP ĐÁNH GIÁ", "V. AUDIT METHODS"));
        bullets(x, &p.methods, ctx.t(
            "- Phỏng vấn, xem xét tài liệu, hồ sơ và quan sát tại nơi làm việc; lấy mẫu hồ sơ theo từng quy trình.",
            "- Interviews, review of documents and records, observation; sampling of records per procedure.",
        ));

        heading(
            x,
            ctx.t(
                "VI. TIÊU CHÍ LỰA CHỌN CHUYÊN GIA ĐÁNH GIÁ",
                "VI. SELECTION OF AUDITORS",
            ),
        );
        bullets(
            x,
            &or_usual(&p.auditor_criteria, usual::auditor_criteria(ctx)),
            "",
        );

        heading(x, ctx.t("VII. NGUỒN LỰC", "VII. RESOURCES"));
        bullets(x, &or_usual(&p.resources, usual::resources(ctx)), "");

        heading(
            x,
            ctx.t(
                "VIII. RỦI RO VÀ CƠ HỘI CỦA CHƯƠNG TRÌNH",
                "VIII. RISKS AND OPPORTUNITIES OF THE PROGRAMME",
            ),
        );
        bullets(x, &or_usual(&p.risks, usual::risks(ctx)), "");

        heading(x, ctx.t("IX. TRÁCH NHIỆM", "IX. RESPONSIBILITIES"));
        bullets(
            x,
            &p.responsibilities,
            ctx.t("(Chưa phân công)", "(Not assigned)"),
        );

        heading(x, ctx.t("X. LỊCH ĐÁNH GIÁ", "X. AUDIT SCHEDULE"));
        let mut units: Vec<&str> = Vec::new();
        for a in &p.planned {
            if !units.contains(&a.unit.as_str()) {
                units.push(a.unit.as_str());
            }
        }
        let mut parts = vec![8, 30];
        parts.extend([5u32; 12]);
        let w = columns(ctx.width(), &parts);
        subheading(
            x,
            ctx.t(
                "1. Kế hoạch theo tháng (dấu X: tháng đánh giá đơn vị)",
                "1. Months (X: the unit is audited that month)",
            ),
        );
        x.tbl_open(&w, Borders::Grid);
        // Two header rows, both repeated: "Tháng" over the twelve month numbers.
        x.tr_open(true);
        x.tc_merged(width(&w, 0), true);
        x.p(Para::new("CellHead"), ctx.t("STT", "No."), PLAIN);
        x.tc_close();
        x.tc_merged(width(&w, 1), true);
        x.p(Para::new("CellHead"), ctx.t("Đơn vị", "Unit"), PLAIN);
        x.tc_close();
        x.tc_open(w.iter().skip(2).sum(), 12);
        x.p(Para::new("CellHead"), ctx.t("Tháng", "Month"), PLAIN);
        x.tc_close();
        x.tr_close();
        x.tr_open(true);
        for width in w.iter().take(2) {
            x.tc_merged(*width, false);
            x.p(Para::new("CellHead"), "", PLAIN);
            x.tc_close();
        }
        for (m, width) in w.iter().skip(2).enumerate() {
            x.cell(*width, "CellHead", &(m + 1).to_string(), PLAIN);
        }
        x.tr_close();
        for (i, u) in units.iter().enumerate() {
            x.tr_open(false);
            x.cell(width(&w, 0), "CellCenter", &(i + 1).to_string(), PLAIN);
            x.cell(width(&w, 1), "Cell", &ctx.unit(u), PLAIN);
            for m in 1..=12u8 {
                let hit = p.planned.iter().any(|a| a.unit == *u && a.month == m);
                x.cell(
                    width(&w, 1 + m as usize),
                    "CellCenter",
                    if hit { "X" } else { "" },
                    PLAIN,
                );
            }
            x.tr_close();
        }
        x.tbl_close();
        x.spacer_after_table();

        subheading(x, ctx.t("2. Nội dung đánh giá", "2. What is audited"));
        let head = [
            ctx.t("STT", "No."),
            ctx.t("Đơn vị", "Unit"),
            ctx.t("Tháng", "Month"),
            ctx.t("Điều khoản", "Clauses"),
            ctx.t("Quy trình", "Procedures"),
        ];
        let w = ctx.fit_columns(&[8, 28, 9, 30, 25], &head);
        x.tbl_open(&w, Borders::Grid);
        x.row(&w, "CellHead", &head, true);
        for (i, a) in p.planned.iter().enumerate() {
            x.row(
                &w,
                "Cell",
                &[
                    &(i + 1).to_string(),
                    &ctx.unit(&a.unit),
                    &a.month.to_string(),
                    &Ctx::clause_ids(&a.clauses),
                    &ctx.procedure_codes(&a.procedures),
                ],
                false,
            );
        }
        x.tbl_close();
        x.spacer_after_table();

        heading(
            x,
            ctx.t(
                "XI. THEO DÕI, XEM XÉT CHƯƠNG TRÌNH",
                "XI. MONITORING AND REVIEW OF THE PROGRAMME",
            ),
        );
        bullets(x, &or_usual(&p.monitoring, usual::monitoring(ctx)), "");

        heading(x, ctx.t("XII. TỔ CHỨC THỰC HIỆN", "XII. IMPLEMENTATION"));
        let facts = ctx.d.settings.documents.programme.as_ref();
        body_last(x, crate::facts::implementation(facts, ctx.t(
            "Đại diện lãnh đạo về chất lượng lập kế hoạch cho từng cuộc đánh giá, thành lập đoàn đánh giá bảo đảm khách quan, vô tư; báo cáo kết quả đánh giá với lãnh đạo cơ quan. Các đơn vị được đánh giá phối hợp thực hiện và khắc phục sự không phù hợp kịp thời. Chương trình được điều chỉnh khi có thay đổi ảnh hưởng đến HTQLCL hoặc theo kết quả các cuộc đánh giá trước.",
            "The quality representative plans each audit and forms impartial audit teams, and reports results to management. Audited units cooperate and correct nonconformities without undue delay. The programme is revised when changes affect the QMS or in the light of previous audit results.",
        )));
        let approver = p
            .approved_by
            .as_deref()
            .and_then(|id| ctx.d.person(id))
            .or_else(|| ctx.with_role(Role::Head));
        let signer = crate::facts::signer(ctx, facts, Signer::official(ctx, approver, Role::Head));
        let recipients = vec![
            ctx.t(
                "Các đơn vị thuộc phạm vi HTQLCL",
                "Units within the QMS scope",
            )
            .to_owned(),
            ctx.t("Chuyên gia đánh giá nội bộ", "Internal auditors")
                .to_owned(),
            archive_line(ctx),
        ];
        let recipients = crate::facts::recipients(ctx, facts, recipients);
        signature(x, ctx, &recipients, &signer);
    })
}
