//! Báo cáo đánh giá nội bộ (audit report): the contents of ISO 19011 6.5.1 a–k, a summary of
//! findings by unit × kind, the findings grouped by unit and then by clause, good practices,
//! conclusions and the follow-up plan.
//!
//! This is the one document that grows with the data (10,000 findings in load tests), so the
//! findings are grouped by index and written straight into the stream.

use crate::ctx::Ctx;
use crate::error::DocxError;
use crate::findings::{
    detail_columns, fulfilment_from_counts, group_by_unit, summary_table, unit_table,
};
use crate::follow_up::ActionsByFinding;
use crate::header::{
    Signer, archive_line, body, body_last, body_or, bullets, heading, national_header, signature,
    subheading, title,
};
use crate::package::{Compression, Meta, package_with};
use crate::plan::{criteria_or_default, team_table};
use crate::wml::{BOLD, ITALIC, PLAIN, Para};
use qms_core::Lang;
use qms_core::model::{Audit, FindingKind, Role};

/// Renders the report of an audit.
pub(crate) fn render(ctx: &Ctx<'_>, audit: &Audit) -> Result<Vec<u8>, DocxError> {
    let plan = &audit.plan;
    let report = audit.report.as_ref();
    let date = report.and_then(|r| r.issued_on).unwrap_or(ctx.opts.today);
    let meta = Meta {
        title: &audit.title,
        creator: ctx.agency_name(),
        date,
    };
    let groups = group_by_unit(ctx, audit);
    let actions = ActionsByFinding::new(ctx, date);
    package_with(&meta, ctx.opts, Compression::Large, |x| {
        national_header(
            x,
            ctx,
            qms_core::model::QmsRecord::Report,
            &ctx.number_line(report.and_then(|r| r.number.as_deref()), "BC"),
            date,
        );
        let summary = ctx.lead_in("Kết quả", "Audit results", &ctx.audit_title(audit));
        title(x, ctx, ctx.t("Báo cáo", "Report"), &[&summary]);
        body(
            x,
            &match ctx.lang {
                Lang::Vi => format!(
                    "Thực hiện Kế hoạch đánh giá nội bộ{}, Đoàn đánh giá báo cáo kết quả đánh giá nội bộ hệ thống quản lý chất lượng (HTQLCL) theo {} của {} như sau:",
                    plan.number
                        .as_deref()
                        .map(|n| format!(" số {n}"))
                        .unwrap_or_default(),
                    ctx.edition(),
                    ctx.agency_name()
                ),
                Lang::En => format!(
                    "Following the audit plan{}, the audit team reports the results of the internal audit of the quality management system (QMS) of {} to {}:",
                    plan.number
                        .as_deref()
                        .map(|n| format!(" No. {n}"))
                        .unwrap_or_default(),
                    ctx.agency_in_text(false),
                    ctx.edition()
                ),
            },
        );

        heading(x, ctx.t("I. MỤC TIÊU ĐÁNH GIÁ", "I. AUDIT OBJECTIVES"));
        bullets(
            x,
            &plan.objectives,
            ctx.t("(Chưa xác định mục tiêu)", "(No objectives recorded)"),
        );

        heading(x, ctx.t("II. PHẠM VI ĐÁNH GIÁ", "II. AUDIT SCOPE"));
        let units = plan
            .schedule
            .iter()
            .filter_map(|r| r.unit.as_deref())
            .chain(groups.iter().map(|g| g.unit));
        crate::plan::scope_section(x, ctx, plan.scope.as_deref(), units);

        heading(x, ctx.t("III. KHÁCH HÀNG ĐÁNH GIÁ", "III. AUDIT CLIENT"));
        let client = match ctx.with_role(Role::Head) {
            Some(h) => format!("{} – {}", ctx.person_position(&h.id), ctx.agency_name()),
            None => format!(
                "{} {}",
                ctx.t("Lãnh đạo", "Management of"),
                ctx.agency_in_text(false)
            ),
        };
        body(x, &client);

        heading(
            x,
            ctx.t(
                "IV. ĐOÀN ĐÁNH GIÁ VÀ THÀNH PHẦN BÊN ĐƯỢC ĐÁNH GIÁ",
                "IV. AUDIT TEAM AND AUDITEE PARTICIPANTS",
            ),
        );
        team_table(x, ctx, audit);
        x.p(Para::new("Tight"), "", PLAIN);
        let mut reps: Vec<String> = Vec::new();
        for r in &plan.schedule {
            if let Some(p) = r.auditee_representative.as_deref() {
                let line = match r.unit.as_deref() {
                    Some(u) => ctx.person_at(p, u),
                    None => ctx.person_position(p),
                };
                if !reps.contains(&line) {
                    reps.push(line);
                }
            }
        }
        x.p(
            Para::new("Body"),
            ctx.t(
                "Đại diện các đơn vị được đánh giá:",
                "Auditee representatives:",
            ),
            PLAIN,
        );
        bullets(x, &reps, ctx.t("(Không ghi nhận)", "(None recorded)"));

        heading(
            x,
            ctx.t("V. THỜI GIAN VÀ ĐỊA ĐIỂM", "V. DATES AND LOCATION"),
        );
        let mut when = vec![format!(
            "{}: {}",
            ctx.t("Thời gian", "Dates"),
            ctx.date_range(plan.start, plan.end)
        )];
        if let Some(l) = &plan.location {
            when.push(format!("{}: {l}", ctx.t("Địa điểm", "Location")));
        }
        bullets(x, &when, "");

        heading(x, ctx.t("VI. CHUẨN MỰC ĐÁNH GIÁ", "VI. AUDIT CRITERIA"));
        bullets(x, &criteria_or_default(ctx, &plan.criteria), "");

        heading(
            x,
            ctx.t(
                "VII. PHÁT HIỆN ĐÁNH GIÁ VÀ BẰNG CHỨNG",
                "VII. AUDIT FINDINGS AND EVIDENCE",
            ),
        );
        subheading(
            x,
            ctx.t(
                "1. Tổng hợp phát hiện theo đơn vị",
                "1. Findings by unit and kind",
            ),
        );
        let mut units: Vec<&str> = groups.iter().map(|g| g.unit).collect();
        for f in ctx
            .findings(audit)
            .filter(|f| f.kind == FindingKind::GoodPractice)
        {
            if !units.contains(&f.unit.as_str()) {
                units.push(f.unit.as_str());
            }
        }
        summary_table(x, ctx, audit, &units);

        subheading(
            x,
            ctx.t(
                "2. Chi tiết phát hiện theo đơn vị và điều khoản",
                "2. Findings by unit and clause",
            ),
        );
        if groups.is_empty() {
            x.p(
                Para::new("Body"),
                ctx.t(
                    "Không có sự không phù hợp, điểm lưu ý hay cơ hội cải tiến.",
                    "No nonconformities, observations or opportunities for improvement.",
                ),
                ITALIC,
            );
        }
        let w = detail_columns(ctx);
        let mut no = 0usize;
        for (i, g) in groups.iter().enumerate() {
            x.p(
                Para::new("Body").keep(),
                &format!("2.{}. {}", i + 1, ctx.unit(g.unit)),
                BOLD,
            );
            unit_table(x, ctx, &w, g, &mut no);
            x.p(Para::new("Tight"), "", PLAIN);
        }

        subheading(x, ctx.t("3. Thực hành tốt", "3. Good practices"));
        let good: Vec<String> = ctx
            .findings(audit)
            .filter(|f| f.kind == FindingKind::GoodPractice)
            .map(|f| format!("{}: {}", ctx.unit(&f.unit), f.statement))
            .collect();
        bullets(x, &good, ctx.t("(Không ghi nhận)", "(None recorded)"));

        heading(
            x,
            ctx.t("VIII. KẾT LUẬN ĐÁNH GIÁ", "VIII. AUDIT CONCLUSIONS"),
        );
        subheading(
            x,
            ctx.t(
                "1. Về sự phù hợp và hiệu lực của HTQLCL",
                "1. Conformity and effectiveness of the QMS",
            ),
        );
        body_or(
            x,
            report.and_then(|r| r.conclusion.as_deref()),
            ctx.t(
                "(Trưởng đoàn ghi kết luận)",
                "(Conclusion to be written by the lead auditor)",
            ),
        );
        subheading(
            x,
            ctx.t(
                "2. Mức độ đáp ứng chuẩn mực đánh giá",
                "2. Degree of fulfilment of the audit criteria",
            ),
        );
        match report.and_then(|r| r.criteria_fulfilment.as_deref()) {
            Some(t) => body(x, t),
            None => body(x, &fulfilment_from_counts(ctx, audit)),
        }
        subheading(
            x,
            ctx.t(
                "3. Ý kiến bất đồng chưa được giải quyết",
                "3. Unresolved diverging opinions",
            ),
        );
        body_or(
            x,
            report.and_then(|r| r.diverging_opinions.as_deref()),
            ctx.t("Không có.", "None."),
        );
        subheading(x, ctx.t("4. Giới hạn của việc lấy mẫu", "4. Sampling"));
        body(x, ctx.t(
            "Đánh giá được thực hiện trên cơ sở lấy mẫu thông tin sẵn có, vì vậy bằng chứng đánh giá có thể không đại diện đầy đủ cho toàn bộ hoạt động của các đơn vị được đánh giá.",
            "The audit is based on a sample of the available information, so the audit evidence may not be fully representative of all the activities of the units audited.",
        ));
        if let Some(o) = report.and_then(|r| r.obstacles.as_deref()) {
            subheading(
                x,
                ctx.t(
                    "5. Trở ngại trong quá trình đánh giá",
                    "5. Obstacles encountered",
                ),
            );
            body(x, o);
        }

        heading(x, ctx.t("IX. KẾ HOẠCH THEO DÕI", "IX. FOLLOW-UP"));
        let nc = ctx
            .findings(audit)
            .filter(|f| f.kind.is_nonconformity())
            .count();
        let recorded = actions.recorded(ctx, audit);
        body(
            x,
            &match ctx.lang {
                Lang::Vi => format!(
                    "Có {nc} sự không phù hợp cần hành động khắc phục; đã lập {recorded} phiếu yêu cầu hành động khắc phục."
                ),
                Lang::En => format!(
                    "{} for corrective action; {} been raised.",
                    match nc {
                        1 => "1 nonconformity calls".to_owned(),
                        n => format!("{n} nonconformities call"),
                    },
                    match recorded {
                        1 => "1 corrective-action request has".to_owned(),
                        n => format!("{n} corrective-action requests have"),
                    }
                ),
            },
        );
        crate::follow_up::follow_up_table(x, ctx, audit, &actions);
        let follow_up = report
            .and_then(|r| r.follow_up.as_deref())
            .map(str::trim)
            .filter(|t| !t.is_empty());
        body_last(x, follow_up.unwrap_or(ctx.t(
            "Các đơn vị có sự không phù hợp xác định nguyên nhân, đề xuất và thực hiện hành động khắc phục theo Phiếu yêu cầu hành động khắc phục; Đoàn đánh giá kiểm tra xác nhận hiệu lực và báo cáo lãnh đạo cơ quan.",
            "Units with nonconformities determine causes and propose and carry out corrective actions on the corrective-action requests; the audit team verifies their effectiveness and reports to management.",
        )));

        let lead = plan
            .team
            .iter()
            .find(|m| m.role == qms_core::model::TeamRole::Lead)
            .map(|m| m.person.as_str());
        let facts = ctx.d.settings.documents.report.as_ref();
        let signer = crate::facts::signer(
            ctx,
            facts,
            Signer::titled(ctx, ctx.t("Trưởng đoàn đánh giá", "Lead auditor"), lead),
        );
        let recipients = match report.map(|r| &r.distribution) {
            Some(d) if !d.is_empty() => {
                let mut d = d.clone();
                // The dossier's list may already say where the original is filed.
                let filed = d.iter().any(|r| {
                    let r = r.trim_start_matches(['-', ' ']).to_lowercase();
                    r.starts_with("lưu") || r.starts_with("file")
                });
                if !filed {
                    d.push(archive_line(ctx));
                }
                d
            }
            _ => vec![
                ctx.t("Lãnh đạo cơ quan", "Agency management").to_owned(),
                ctx.t("Các đơn vị được đánh giá", "Audited units")
                    .to_owned(),
                ctx.t("Đoàn đánh giá", "Audit team").to_owned(),
                archive_line(ctx),
            ],
        };
        let recipients = crate::facts::recipients(ctx, facts, recipients);
        signature(x, ctx, &recipients, &signer);
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::RenderOptions;
    use qms_core::sample::{SampleShape, SampleSpec, sample_dossier_shaped};

    /// Renders the report of a one-audit sample with `findings` findings: the records the
    /// writer visited and the number of findings and actions it was given.
    fn work(findings: usize) -> (u64, usize) {
        let spec = SampleSpec {
            checklist_items: 100,
            findings,
            seed: 7,
            agency: 0,
        };
        let shape = SampleShape {
            checklists_per_audit: usize::MAX,
            ..SampleShape::default()
        };
        let d = sample_dossier_shaped(&spec, &shape);
        let opts = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap());
        let ctx = Ctx::new(&d, &opts);
        let audit = d.audits.first().unwrap();
        assert!(!render(&ctx, audit).unwrap().is_empty());
        (
            ctx.visits(),
            audit.findings.len() + d.corrective_actions.len(),
        )
    }

    #[test]
    fn report_work_grows_in_proportion_to_the_findings() {
        let (small, small_records) = work(300);
        let (large, large_records) = work(3_000);
        // Every finding and action is visited at least once, so the count measures something.
        assert!(small >= small_records as u64, "{small} < {small_records}");
        let data = large_records as f64 / small_records as f64;
        assert!(data > 9.0, "the sample grew ×{data:.1}");
        // Ten times the data, at most eleven times the work: a scan of the actions per
        // finding (findings × actions) makes it a hundred times.
        let ratio = large as f64 / small as f64;
        assert!(
            ratio <= 1.1 * data,
            "×{data:.1} data, ×{ratio:.1} work ({small} → {large} visits)"
        );
    }
}
