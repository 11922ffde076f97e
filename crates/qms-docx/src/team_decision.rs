//! Quyết định thành lập Đoàn đánh giá nội bộ (decision on the internal audit team): the
//! decision the programme refers to, in the Decree 30/2020/NĐ-CP layout of an individual
//! decision (Phụ lục III, Mẫu 1.4): header, "QUYẾT ĐỊNH" and its summary, the issuing
//! authority ("GIÁM ĐỐC SỞ ..."), the bases in italics ("Căn cứ ...;", the last ending with a
//! full stop), "QUYẾT ĐỊNH:", Điều 1 the team, Điều 2 its duties, Điều 3 implementation,
//! then "Nơi nhận" and the head's signature (or the signer the dossier's settings name).

use crate::ctx::Ctx;
use crate::error::DocxError;
use crate::header::{Signer, national_header, signature, title};
use crate::package::{Meta, package};
use crate::plan::team_role;
use crate::wml::{BOLD, ITALIC, PLAIN, Para};
use crate::xml::Xml;
use qms_core::Lang;
use qms_core::model::{Audit, QmsRecord, Role, TeamRole};

/// The issuing authority: the head's title and the agency, "GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ
/// TỈNH NINH BÌNH", "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO" (the position as recorded, cut
/// before the words that name the agency again: "Giám đốc Sở" → "Giám đốc").
fn authority(ctx: &Ctx<'_>) -> String {
    let head = ctx.with_role(Role::Head);
    if ctx.lang == Lang::En {
        // The dossier's English position, else the usual title of the head of this kind of
        // agency (Director, Chairperson of the Commune People's Committee: `Ctx::office_of`).
        if let Some(pos) = head.and_then(|h| ctx.office_of(h)) {
            return pos.to_uppercase();
        }
        // A Vietnamese name cannot follow "THE HEAD OF" in an English sentence.
        return match ctx
            .d
            .english
            .agency
            .as_deref()
            .filter(|a| !a.trim().is_empty())
        {
            Some(a) => format!("THE HEAD OF {}", a.to_uppercase()),
            None => "THE HEAD OF THE AGENCY".to_owned(),
        };
    }
    let title = head
        .and_then(|h| h.position.as_deref())
        .map(|pos| {
            let pos = pos.split(',').next().unwrap_or(pos).trim();
            let lower = pos.to_lowercase();
            let cut = [" sở", " ubnd", " ủy ban", " uỷ ban", " cục"]
                .iter()
                .filter_map(|w| lower.find(w))
                .min()
                .unwrap_or(lower.len());
            // Vietnamese letters keep their byte length when lower-cased; `get` guards the rest.
            pos.get(..cut).unwrap_or(pos).trim().to_owned()
        })
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| "Thủ trưởng".to_owned());
    format!("{} {}", title, ctx.agency_name()).to_uppercase()
}

/// "Căn cứ ..." lines: the dossier's, else QĐ 19/2014/QĐ-TTg, the year's programme and the
/// internal audit procedure when the dossier has them.
fn bases(ctx: &Ctx<'_>, audit: &Audit) -> Vec<String> {
    if let Some(given) = audit.team_decision.as_ref().map(|t| &t.bases)
        && !given.is_empty()
    {
        return given.clone();
    }
    let mut out = vec![ctx.t(
        "Căn cứ Quyết định số 19/2014/QĐ-TTg ngày 05 tháng 3 năm 2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001:2008 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước",
        "Pursuant to Decision No. 19/2014/QĐ-TTg of 5 March 2014 of the Prime Minister on applying quality management systems under TCVN ISO 9001:2008 in agencies of the state administrative system",
    ).to_owned()];
    let programme = audit
        .programme
        .as_deref()
        .and_then(|id| ctx.d.programmes.iter().find(|p| p.id == id));
    if let Some(p) = programme {
        let mut s = match ctx.lang {
            Lang::Vi => format!("Căn cứ Chương trình đánh giá nội bộ năm {}", p.year),
            Lang::En => format!("Pursuant to the internal audit programme {}", p.year),
        };
        if let Some(n) = p.number.as_deref().filter(|n| !n.trim().is_empty()) {
            s.push_str(&format!(" {} {}", ctx.t("số", "No."), n.trim()));
        }
        if let Some(d) = p.issued_on {
            let date = ctx.long_date(d);
            s.push_str(&match ctx.lang {
                Lang::Vi => format!(" {date}"),
                Lang::En => format!(" of {date}"),
            });
        }
        if ctx.lang == Lang::Vi {
            s.push_str(&format!(" của {}", ctx.agency_name()));
        }
        out.push(s);
    }
    let procedure = ctx.d.procedures.iter().find(|p| {
        let t = p.title.to_lowercase();
        t.contains("đánh giá nội bộ") || t.contains("internal audit")
    });
    if let Some(p) = procedure {
        out.push(format!(
            "{} {} {}",
            ctx.t("Căn cứ", "Pursuant to"),
            lower_procedure(ctx, &p.title),
            p.code
        ));
    }
    out
}

/// "Quy trình đánh giá nội bộ" → "quy trình đánh giá nội bộ" after "Căn cứ" (Vietnamese);
/// English keeps the title as written.
fn lower_procedure(ctx: &Ctx<'_>, title: &str) -> String {
    match ctx.lang {
        Lang::Vi => crate::ctx::lower_first(title),
        Lang::En => format!("procedure {title}"),
    }
}

/// The team's duties: the dossier's, else the usual ones (ISO 19011 5.5.4, 6, 6.7).
fn duties(ctx: &Ctx<'_>, audit: &Audit) -> Vec<String> {
    if let Some(given) = audit.team_decision.as_ref().map(|t| &t.duties)
        && !given.is_empty()
    {
        return given.clone();
    }
    let programme = audit
        .programme
        .as_deref()
        .and_then(|id| ctx.d.programmes.iter().find(|p| p.id == id))
        .map(|p| match ctx.lang {
            Lang::Vi => format!(" theo Chương trình đánh giá nội bộ năm {}", p.year),
            Lang::En => format!(" under the internal audit programme {}", p.year),
        })
        .unwrap_or_default();
    let edition = ctx.edition();
    match ctx.lang {
        Lang::Vi => vec![
            format!(
                "Lập kế hoạch đánh giá, phân công chuyên gia đánh giá và tiến hành đánh giá nội bộ hệ thống quản lý chất lượng theo {edition} tại các đơn vị{programme};"
            ),
            "Ghi nhận các phát hiện đánh giá; lập phiếu yêu cầu hành động khắc phục đối với sự không phù hợp; theo dõi và kiểm tra xác nhận hiệu lực của hành động khắc phục;".to_owned(),
            "Báo cáo kết quả đánh giá với Thủ trưởng cơ quan và Đại diện lãnh đạo về chất lượng;".to_owned(),
            "Chuyên gia đánh giá không đánh giá công việc của chính mình và đơn vị mình; bảo đảm khách quan, vô tư và giữ bí mật thông tin thu thập được trong quá trình đánh giá.".to_owned(),
        ],
        Lang::En => vec![
            format!(
                "Plan the audit, assign the auditors and audit the quality management system against {edition} in the units{programme};"
            ),
            "Record the audit findings; raise a corrective action request for each nonconformity; follow up and verify that the corrective actions are effective;".to_owned(),
            "Report the results to the head of the agency and the quality representative;".to_owned(),
            "Auditors do not audit their own work or their own unit; they act objectively and impartially and keep the information obtained in the audit confidential.".to_owned(),
        ],
    }
}

/// Điều 1: the team, one member a line, the lead first: "1. Trịnh Văn Nam – Chánh Thanh tra
/// Sở: Trưởng đoàn;".
fn members(x: &mut Xml<'_>, ctx: &Ctx<'_>, audit: &Audit) {
    let mut team: Vec<_> = audit.plan.team.iter().collect();
    // The lead first, then auditors, experts, observers and guides, each in the plan's order.
    team.sort_by_key(|m| match m.role {
        TeamRole::Lead => 0,
        TeamRole::Auditor => 1,
        TeamRole::Expert => 2,
        TeamRole::Observer => 3,
        TeamRole::Guide => 4,
    });
    if team.is_empty() {
        for (i, role) in [TeamRole::Lead, TeamRole::Auditor].iter().enumerate() {
            let text = format!("{}. ……………………………………: {};", i + 1, team_role(*role, ctx.lang));
            x.p(Para::new("Body"), &text, PLAIN);
        }
        return;
    }
    let last = team.len() - 1;
    for (i, m) in team.iter().enumerate() {
        let end = if i == last { "." } else { ";" };
        let text = format!(
            "{}. {}: {}{end}",
            i + 1,
            ctx.person_position(&m.person),
            team_role(m.role, ctx.lang)
        );
        x.p(Para::new("Body"), &text, PLAIN);
    }
}

/// An article: "Điều n." in bold, then its text.
fn article(x: &mut Xml<'_>, ctx: &Ctx<'_>, n: u8, text: &str, keep: bool) {
    let label = match ctx.lang {
        Lang::Vi => format!("Điều {n}. "),
        Lang::En => format!("Article {n}. "),
    };
    let p = if keep {
        Para::new("Body").keep()
    } else {
        Para::new("Body")
    };
    x.p_runs(p, &[(&label, BOLD), (text, PLAIN)]);
}

/// Renders the decision on an audit's team.
pub(crate) fn render(ctx: &Ctx<'_>, audit: &Audit) -> Result<Vec<u8>, DocxError> {
    let facts = audit.team_decision.as_ref();
    let date = facts
        .and_then(|f| f.issued_on)
        .or(audit.plan.issued_on)
        .unwrap_or(ctx.opts.today);
    // "Về việc thành lập Đoàn đánh giá nội bộ đợt 1 năm 2026": the audit's title joins the
    // summary; English quotes it after a colon.
    let summary = match ctx.lang {
        Lang::Vi => format!(
            "Về việc thành lập Đoàn {}",
            crate::ctx::lower_first(&audit.title)
        ),
        Lang::En => format!("On the internal audit team: {}", ctx.audit_title(audit)),
    };
    let meta = Meta {
        title: &summary,
        creator: ctx.agency_name(),
        date,
    };
    let settings = ctx.d.settings.documents.team_decision.as_ref();
    package(&meta, ctx.opts, |x| {
        national_header(
            x,
            ctx,
            QmsRecord::TeamDecision,
            &ctx.number_line(facts.and_then(|f| f.number.as_deref()), "QĐ"),
            date,
        );
        let standard = format!("{} {}", ctx.t("theo", "under"), ctx.edition());
        title(
            x,
            ctx,
            ctx.t("Quyết định", "Decision"),
            &[&summary, &standard],
        );
        x.p(Para::new("Decides"), &authority(ctx), PLAIN);

        let mut lines = bases(ctx, audit);
        let proposal = facts
            .and_then(|f| f.proposed_by.as_deref())
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| format!("{} {p}", ctx.t("Theo đề nghị của", "At the proposal of")))
            .unwrap_or_else(|| {
                ctx.t(
                    "Theo đề nghị của Đại diện lãnh đạo về chất lượng",
                    "At the proposal of the quality representative",
                )
                .to_owned()
            });
        lines.push(proposal);
        // Decree 30/2020, Phụ lục I: each basis on its own line in italics ending with ";",
        // the last with ".".
        let last = lines.len() - 1;
        for (i, line) in lines.iter().enumerate() {
            let line = line.trim().trim_end_matches([';', '.', ',']);
            let end = if i == last { "." } else { ";" };
            x.p(Para::new("Body"), &format!("{line}{end}"), ITALIC);
        }
        x.p(
            Para::new("Decides"),
            ctx.t("QUYẾT ĐỊNH:", "DECIDES:"),
            PLAIN,
        );

        let scope = audit
            .plan
            .scope
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty());
        let first = match ctx.lang {
            Lang::Vi => format!(
                "Thành lập Đoàn {} của {} gồm các ông (bà) có tên sau:",
                crate::ctx::lower_first(&audit.title),
                ctx.agency_name()
            ),
            Lang::En => format!(
                "The internal audit team for “{}” of {} is established with the following members:",
                ctx.audit_title(audit),
                ctx.agency_in_text(false)
            ),
        };
        article(x, ctx, 1, &first, true);
        members(x, ctx, audit);
        if let Some(s) = scope {
            x.p_runs(
                Para::new("Body"),
                &[
                    (ctx.t("Phạm vi đánh giá: ", "Scope of the audit: "), PLAIN),
                    (s, PLAIN),
                ],
            );
        }
        let when = ctx.date_range(audit.plan.start, audit.plan.end);
        x.p(
            Para::new("Body"),
            &format!("{} {when}.", ctx.t("Thời gian đánh giá:", "Audit dates:")),
            PLAIN,
        );

        article(
            x,
            ctx,
            2,
            ctx.t("Đoàn đánh giá có nhiệm vụ:", "The audit team shall:"),
            true,
        );
        for d in duties(ctx, audit) {
            x.p(
                Para::new("Body"),
                &format!("- {}", d.trim().trim_start_matches(['-', ' '])),
                PLAIN,
            );
        }
        x.p(
            Para::new("Body"),
            ctx.t(
                "Đoàn đánh giá tự giải thể sau khi hoàn thành nhiệm vụ.",
                "The team is dissolved when its work is done.",
            ),
            PLAIN,
        );

        let implementation = crate::facts::implementation(settings, ctx.t(
            "Quyết định này có hiệu lực kể từ ngày ký. Đại diện lãnh đạo về chất lượng, Thủ trưởng các đơn vị có liên quan và các ông (bà) có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.",
            "This decision takes effect on the date of signature. The quality representative, the heads of the units concerned and the persons named in Article 1 are responsible for implementing it.",
        ));
        article(x, ctx, 3, implementation, true);

        let head = ctx.with_role(Role::Head);
        let signer = crate::facts::signer(ctx, settings, Signer::official(ctx, head, Role::Head));
        let recipients = vec![
            ctx.t("Như Điều 3", "As in Article 3").to_owned(),
            crate::header::archive_line(ctx),
        ];
        let recipients = crate::facts::recipients(ctx, settings, recipients);
        signature(x, ctx, &recipients, &signer);
    })
}
