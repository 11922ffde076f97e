//! Báo cáo đánh giá nội bộ (audit report): the contents of ISO 19011 6.5.1 a–k, a summary of
//! findings by unit × kind, the findings grouped by unit and then by clause, good practices,
//! conclusions and the follow-up plan.
//!
//! This is the one document that grows with the data (10,000 findings in load tests), so the
//! findings are grouped by index and written straight into the stream.

use crate::ctx::{Ctx, lower_first};
use crate::error::DocxError;
use crate::header::{
    Signer, archive_line, body, body_last, body_or, bullets, heading, national_header, signature,
    subheading, title,
};
use crate::package::{Meta, package};
use crate::plan::{criteria_or_default, team_table};
use crate::select::audit_cars;
use crate::wml::{BOLD, Borders, ITALIC, PLAIN, Para, columns};
use crate::xml::Xml;
use qms_core::model::{Audit, Finding, FindingKind, Role};
use qms_core::{Lang, catalog};
use std::collections::HashMap;

/// Findings of one unit, in report order.
struct UnitGroup<'a> {
    unit: &'a str,
    findings: Vec<&'a Finding>,
}

/// Numeric sort key of a clause id ("7.5.3" → [7, 5, 3, 0]); unnumbered last.
fn clause_key(f: &Finding) -> [u32; 4] {
    let Some(id) = f.clauses.first() else {
        return [u32::MAX; 4];
    };
    let mut key = [0; 4];
    for (slot, part) in key.iter_mut().zip(id.split('.')) {
        *slot = part.parse().unwrap_or(u32::MAX);
    }
    key
}

/// Groups the findings (good practices aside) by unit, units in dossier order (unknown units
/// after, in order of appearance), and sorts each group by clause, keeping the given order
/// among findings of the same clause.
fn group_by_unit<'a>(ctx: &Ctx<'a>, audit: &'a Audit) -> Vec<UnitGroup<'a>> {
    let mut groups: Vec<UnitGroup<'a>> = ctx
        .d
        .units
        .iter()
        .map(|u| UnitGroup {
            unit: u.id.as_str(),
            findings: Vec::new(),
        })
        .collect();
    let mut index: HashMap<&str, usize> = groups
        .iter()
        .enumerate()
        .map(|(i, g)| (g.unit, i))
        .collect();
    for f in audit
        .findings
        .iter()
        .filter(|f| f.kind != FindingKind::GoodPractice)
    {
        let i = *index.entry(f.unit.as_str()).or_insert_with(|| {
            groups.push(UnitGroup {
                unit: f.unit.as_str(),
                findings: Vec::new(),
            });
            groups.len() - 1
        });
        groups[i].findings.push(f);
    }
    groups.retain(|g| !g.findings.is_empty());
    for g in &mut groups {
        g.findings.sort_by_key(|f| clause_key(f));
    }
    groups
}

/// Short column labels of the summary table.
fn short_kind(kind: FindingKind, lang: Lang) -> &'static str {
    match kind {
        FindingKind::MajorNonconformity => lang.pick("KPH nặng", "Major NC"),
        FindingKind::MinorNonconformity => lang.pick("KPH nhẹ", "Minor NC"),
        FindingKind::Nonconformity => lang.pick("KPH", "NC"),
        FindingKind::Observation => lang.pick("Điểm lưu ý", "Observ."),
        FindingKind::ImprovementOpportunity => lang.pick("Cơ hội cải tiến", "OFI"),
        FindingKind::GoodPractice => lang.pick("Thực hành tốt", "Good practice"),
    }
}

fn kind_index(kind: FindingKind) -> usize {
    FindingKind::ALL
        .iter()
        .position(|k| *k == kind)
        .unwrap_or(0)
}

/// Counts per unit (in group order, good practices included) and in total.
fn counts(audit: &Audit, units: &[&str]) -> (Vec<[usize; 6]>, [usize; 6]) {
    let pos: HashMap<&str, usize> = units.iter().enumerate().map(|(i, u)| (*u, i)).collect();
    let mut per = vec![[0usize; 6]; units.len()];
    let mut total = [0usize; 6];
    for f in &audit.findings {
        let k = kind_index(f.kind);
        total[k] += 1;
        if let Some(&i) = pos.get(f.unit.as_str()) {
            per[i][k] += 1;
        }
    }
    (per, total)
}

fn summary_table(x: &mut Xml<'_>, ctx: &Ctx<'_>, audit: &Audit, units: &[&str]) {
    let (per, total) = counts(audit, units);
    let graded = ctx.d.settings.grade_nonconformities;
    let kinds: Vec<FindingKind> = FindingKind::ALL
        .into_iter()
        .filter(|k| {
            total[kind_index(*k)] > 0
                || match k {
                    FindingKind::MajorNonconformity | FindingKind::MinorNonconformity => graded,
                    FindingKind::Nonconformity => !graded,
                    FindingKind::Observation | FindingKind::ImprovementOpportunity => true,
                    FindingKind::GoodPractice => false,
                }
        })
        .collect();
    let mut parts = vec![8, 30];
    parts.extend(kinds.iter().map(|_| 11));
    parts.push(9);
    let w = columns(ctx.width(), &parts);
    x.tbl_open(&w, Borders::Grid);
    let mut head: Vec<&str> = vec![ctx.t("STT", "No."), ctx.t("Đơn vị", "Unit")];
    head.extend(kinds.iter().map(|k| short_kind(*k, ctx.lang)));
    head.push(ctx.t("Tổng", "Total"));
    x.row(&w, "CellHead", &head, true);
    let line = |x: &mut Xml<'_>, no: &str, name: &str, c: &[usize; 6], bold: bool| {
        let fmt = if bold { BOLD } else { PLAIN };
        x.tr_open(false);
        x.cell(w[0], "CellCenter", no, fmt);
        x.cell(w[1], "Cell", name, fmt);
        let mut sum = 0;
        for (i, k) in kinds.iter().enumerate() {
            let n = c[kind_index(*k)];
            sum += n;
            x.cell(w[2 + i], "CellCenter", &n.to_string(), fmt);
        }
        x.cell(w[w.len() - 1], "CellCenter", &sum.to_string(), fmt);
        x.tr_close();
    };
    for (i, (u, c)) in units.iter().zip(&per).enumerate() {
        line(x, &(i + 1).to_string(), &ctx.unit(u), c, false);
    }
    line(x, "", ctx.t("Tổng cộng", "Total"), &total, true);
    x.tbl_close();
    if ctx.lang == Lang::Vi {
        x.p(
            Para::new("Body"),
            "Ghi chú: KPH là sự không phù hợp.",
            ITALIC,
        );
    }
}

/// The findings of one unit: a table with a caption row per clause.
fn unit_table(x: &mut Xml<'_>, ctx: &Ctx<'_>, w: &[u32], g: &UnitGroup<'_>, no: &mut usize) {
    x.tbl_open(w, Borders::Grid);
    x.row(
        w,
        "CellHead",
        &[
            ctx.t("STT", "No."),
            ctx.t("Điều khoản", "Clause"),
            ctx.t("Loại phát hiện", "Kind"),
            ctx.t("Yêu cầu", "Requirement"),
            ctx.t("Bằng chứng khách quan", "Objective evidence"),
            ctx.t("Mô tả phát hiện", "Finding"),
        ],
        true,
    );
    // The clause cell is merged down its group (the usual way offices group a table), so a
    // group never leaves a lone caption row at the foot of a page.
    let mut current: Option<Option<&str>> = None;
    for f in &g.findings {
        let clause = f.clauses.first().map(String::as_str);
        *no += 1;
        x.tr_open(false);
        x.tc_open(w[0], 1);
        x.p_open(Para::new("CellCenter"));
        x.raw("<w:r><w:t>");
        x.num(*no);
        x.raw("</w:t></w:r>");
        x.p_close();
        x.tc_close();
        let first = current != Some(clause);
        x.tc_merged(w[1], first);
        x.p_open(Para::new("Cell"));
        if first {
            match clause.and_then(|c| catalog::find(ctx.d.scope.edition, c).map(|k| (c, k))) {
                Some((c, k)) => {
                    x.run(c, BOLD);
                    x.run(&format!("\n{}", k.title(ctx.lang)), PLAIN);
                }
                None => x.run(clause.unwrap_or("–"), BOLD),
            }
            current = Some(clause);
        }
        x.p_close();
        x.tc_close();
        x.tc_open(w[2], 1);
        x.p_open(Para::new("Cell"));
        x.run(f.kind.label(ctx.lang), PLAIN);
        if f.clauses.len() > 1 {
            x.run(&format!("\n({})", f.clauses.join("; ")), PLAIN);
        }
        x.p_close();
        x.tc_close();
        x.cell(w[3], "Cell", f.requirement.as_deref().unwrap_or(""), PLAIN);
        x.cell(w[4], "Cell", f.evidence.as_deref().unwrap_or(""), PLAIN);
        x.cell(w[5], "Cell", &f.statement, PLAIN);
        x.tr_close();
    }
    x.tbl_close();
}

/// The (i) statement when the lead auditor wrote none: the counts, which are facts.
fn fulfilment_from_counts(ctx: &Ctx<'_>, audit: &Audit) -> String {
    let (_, t) = counts(audit, &[]);
    let nc: usize = t[..3].iter().sum();
    let obs = t[kind_index(FindingKind::Observation)];
    let ofi = t[kind_index(FindingKind::ImprovementOpportunity)];
    let grades = if ctx.d.settings.grade_nonconformities && nc > 0 {
        let major = t[kind_index(FindingKind::MajorNonconformity)];
        let minor = t[kind_index(FindingKind::MinorNonconformity)];
        match ctx.lang {
            Lang::Vi => format!(" ({major} nặng, {minor} nhẹ)"),
            Lang::En => format!(" ({major} major, {minor} minor)"),
        }
    } else {
        String::new()
    };
    match ctx.lang {
        Lang::Vi => format!(
            "Trong phạm vi đánh giá, Đoàn đánh giá ghi nhận {nc} sự không phù hợp{grades}, {obs} điểm lưu ý và {ofi} cơ hội cải tiến so với chuẩn mực đánh giá."
        ),
        Lang::En => format!(
            "Within the audit scope the team recorded {nc} nonconformities{grades}, {obs} observations and {ofi} opportunities for improvement against the audit criteria."
        ),
    }
}

/// Renders the report of an audit.
pub(crate) fn render(ctx: &Ctx<'_>, audit: &Audit) -> Result<Vec<u8>, DocxError> {
    let plan = &audit.plan;
    let report = audit.report.as_ref();
    let date = report.and_then(|r| r.issued_on).unwrap_or(ctx.opts.today);
    let meta = Meta {
        title: &audit.title,
        creator: &ctx.d.agency.name,
        date,
    };
    let groups = group_by_unit(ctx, audit);
    package(&meta, ctx.opts, |x| {
        national_header(
            x,
            ctx,
            &ctx.number_line(report.and_then(|r| r.number.as_deref()), "BC"),
            date,
        );
        let summary = format!(
            "{} {}",
            ctx.t("Kết quả", "Results of the"),
            lower_first(&audit.title)
        );
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
                    ctx.d.agency.name
                ),
                Lang::En => format!(
                    "Following the audit plan{}, the audit team reports the results of the internal audit of the quality management system (QMS) of {} to {}:",
                    plan.number
                        .as_deref()
                        .map(|n| format!(" No. {n}"))
                        .unwrap_or_default(),
                    ctx.d.agency.name,
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
        let mut scope: Vec<String> = plan.scope.iter().cloned().collect();
        let mut audited: Vec<String> = Vec::new();
        for u in plan
            .schedule
            .iter()
            .filter_map(|r| r.unit.as_deref())
            .chain(groups.iter().map(|g| g.unit))
        {
            let name = ctx.unit(u);
            if !audited.contains(&name) {
                audited.push(name);
            }
        }
        if !audited.is_empty() {
            scope.push(format!(
                "{}: {}",
                ctx.t("Các đơn vị được đánh giá", "Units audited"),
                audited.join(", ")
            ));
        }
        bullets(
            x,
            &scope,
            ctx.t("(Chưa xác định phạm vi)", "(No scope recorded)"),
        );

        heading(x, ctx.t("III. KHÁCH HÀNG ĐÁNH GIÁ", "III. AUDIT CLIENT"));
        let client = match ctx.with_role(Role::Head) {
            Some(h) => format!("{} – {}", ctx.person_position(&h.id), ctx.d.agency.name),
            None => format!(
                "{} {}",
                ctx.t("Lãnh đạo", "Management of"),
                ctx.d.agency.name
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
                    Some(u) => format!("{} ({})", ctx.person_position(p), ctx.unit(u)),
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
            "{} {} {} {}",
            ctx.t("Từ", "From"),
            ctx.long_date(plan.start),
            ctx.t("đến", "to"),
            ctx.long_date(plan.end)
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
        for f in audit
            .findings
            .iter()
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
        let w = columns(ctx.width(), &[8, 14, 13, 20, 21, 24]);
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
        let good: Vec<String> = audit
            .findings
            .iter()
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
        let nc = audit
            .findings
            .iter()
            .filter(|f| f.kind.is_nonconformity())
            .count();
        let recorded = audit_cars(ctx.d, audit)
            .iter()
            .filter(|c| c.ca.is_some())
            .count();
        body(
            x,
            &match ctx.lang {
                Lang::Vi => format!(
                    "Có {nc} sự không phù hợp cần hành động khắc phục; đã lập {recorded} phiếu yêu cầu hành động khắc phục."
                ),
                Lang::En => format!(
                    "{nc} nonconformities call for corrective action; {recorded} corrective-action requests have been raised."
                ),
            },
        );
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
        let signer = Signer::titled(ctx, ctx.t("Trưởng đoàn đánh giá", "Lead auditor"), lead);
        let recipients = match report.map(|r| &r.distribution) {
            Some(d) if !d.is_empty() => {
                let mut d = d.clone();
                d.push(archive_line(ctx));
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
        signature(x, ctx, &recipients, &signer);
    })
}
