//! Biên bản kiểm tra việc áp dụng, duy trì, cải tiến HTQLCL (inspection minutes of one agency),
//! pre-filled from its dossier: who represents the agency, the facts the inspectors verify
//! (announcement, audits, review, corrective actions, objectives, training), the shortcomings
//! the checks found, and the requests that follow; times, the team and the agency's opinion
//! are left as dotted lines to be written on site.

use crate::ctx::Ctx;
use crate::error::DocxError;
use crate::header::{
    Signer, body, bullets, heading, national_header_with, subheading, title, two_signatures,
};
use crate::package::{Meta, package};
use crate::rollup_report::issuer_dossier;
use crate::wml::{PLAIN, Para};
use crate::xml::Xml;
use crate::{RenderOptions, RollupIssuer};
use qms_core::model::{FindingKind, Role};
use qms_core::rollup::{AgencySummary, Requirement};
use qms_core::rules::{Diagnostic, document_message, find_rule};
use qms_core::{Dossier, Lang};

/// Diagnostics quoted per rule before "và N trường hợp khác".
const QUOTED: usize = 3;

const DOTS: &str = "……………………………………………………………………";

/// Room for a name, with a role after it on the same line.
const NAME_DOTS: &str = "………………………………………………";

pub(crate) fn render(
    d: &Dossier,
    row: &AgencySummary,
    diags: &[Diagnostic],
    issuer: &RollupIssuer,
    opts: &RenderOptions,
) -> Result<Vec<u8>, DocxError> {
    let issuer_d = issuer_dossier(issuer);
    let ctx = Ctx::new(&issuer_d, opts);
    // The inspected agency in the document's language (its English names in English).
    let agency_ctx = Ctx::new(d, opts);
    let agency = agency_ctx.agency_name();
    // In an English sentence its English name takes the article: "of the People's Committee …".
    let agency_text = agency_ctx.agency_in_text(false);
    let lang = opts.lang;
    let year = opts.today.format("%Y").to_string();
    let meta = Meta {
        title: ctx.t("Biên bản kiểm tra HTQLCL", "QMS inspection minutes"),
        creator: &issuer.agency,
        date: opts.today,
    };
    package(&meta, opts, |x| {
        let date_line = match lang {
            Lang::Vi => format!("{}, ngày …… tháng …… năm {year}", issuer.province),
            Lang::En => format!("{}, …… {year}", issuer.province),
        };
        national_header_with(x, &ctx, &ctx.number_line(None, "BB"), &date_line);
        let summary = match lang {
            Lang::Vi => format!(
                "Kiểm tra việc áp dụng, duy trì, cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001 tại {}",
                agency
            ),
            Lang::En => format!(
                "Inspection of how {} applies, maintains and improves its quality management system under TCVN ISO 9001",
                agency_text
            ),
        };
        title(x, &ctx, ctx.t("Biên bản", "Minutes"), &[&summary]);
        let place = d.agency.address.as_deref().unwrap_or(&d.agency.name);
        body(
            x,
            &match lang {
                Lang::Vi => format!(
                    "Hôm nay, vào hồi …… giờ …… ngày …… tháng …… năm {year}, tại {place}, Đoàn kiểm tra của {} tiến hành kiểm tra việc áp dụng, duy trì, cải tiến hệ thống quản lý chất lượng (HTQLCL) theo TCVN ISO 9001 tại {}.",
                    issuer.agency, agency
                ),
                Lang::En => format!(
                    "Today, at …… on …… {year}, at {place}, the inspection team of the {} inspected the quality management system (QMS) of {} under TCVN ISO 9001.",
                    issuer.english_agency(),
                    agency_text
                ),
            },
        );
        heading(x, ctx.t("I. THÀNH PHẦN", "I. PARTICIPANTS"));
        subheading(x, ctx.t("1. Đoàn kiểm tra", "1. Inspection team"));
        let team = [
            format!(
                "{} {NAME_DOTS} – {}",
                ctx.t("Ông/Bà", "Mr/Ms"),
                ctx.t("Trưởng đoàn", "Team leader")
            ),
            format!(
                "{} {NAME_DOTS} – {}",
                ctx.t("Ông/Bà", "Mr/Ms"),
                ctx.t("Thành viên", "Member")
            ),
            format!(
                "{} {NAME_DOTS} – {}",
                ctx.t("Ông/Bà", "Mr/Ms"),
                ctx.t("Thành viên", "Member")
            ),
        ];
        bullets(x, &team, "");
        subheading(
            x,
            &match lang {
                Lang::Vi => format!("2. Đại diện {agency}"),
                Lang::En => format!("2. For {agency_text}"),
            },
        );
        bullets(x, &representatives(&agency_ctx), "");

        heading(x, ctx.t("II. NỘI DUNG KIỂM TRA", "II. WHAT WAS INSPECTED"));
        facts(x, &ctx, d, row);

        heading(x, ctx.t("III. TỒN TẠI, HẠN CHẾ", "III. SHORTCOMINGS"));
        body(
            x,
            ctx.t(
                "Qua rà soát hồ sơ HTQLCL, Đoàn kiểm tra ghi nhận các tồn tại, hạn chế sau (xác nhận tại chỗ):",
                "From the QMS dossier, the team notes the following shortcomings (to be confirmed on site):",
            ),
        );
        bullets(
            x,
            &shortcomings(d, diags, &ctx),
            ctx.t(
                "Không phát hiện tồn tại, hạn chế.",
                "No shortcomings found.",
            ),
        );

        heading(
            x,
            ctx.t(
                "IV. KIẾN NGHỊ CỦA ĐOÀN KIỂM TRA",
                "IV. REQUESTS OF THE TEAM",
            ),
        );
        let mut requests: Vec<String> = row
            .failures()
            .iter()
            .map(|r| {
                // Say which of the two it is: never announced, or announced and since changed.
                let what = match (r, row.announced.is_some(), lang) {
                    (Requirement::AnnouncementCurrent, true, Lang::Vi) => {
                        "phạm vi HTQLCL đã thay đổi nhưng chưa công bố lại"
                    }
                    (Requirement::AnnouncementCurrent, true, Lang::En) => {
                        "the QMS scope changed and was not announced again"
                    }
                    (Requirement::AnnouncementCurrent, false, Lang::Vi) => "chưa công bố HTQLCL",
                    _ => r.failure(lang),
                };
                match lang {
                    Lang::Vi => format!("Khắc phục tình trạng {what}."),
                    Lang::En => format!("Remedy: {what}."),
                }
            })
            .collect();
        if !diags.is_empty() {
            requests.push(match lang {
                Lang::Vi => format!(
                    "Khắc phục các tồn tại nêu tại Mục III và báo cáo kết quả về {} trước ngày …… tháng …… năm ……",
                    issuer.agency
                ),
                Lang::En => format!(
                    "Remedy the shortcomings of section III and report to the {} by ……",
                    issuer.english_agency()
                ),
            });
        }
        requests.push(DOTS.to_owned());
        bullets(x, &requests, "");

        heading(
            x,
            ctx.t(
                "V. Ý KIẾN CỦA CƠ QUAN ĐƯỢC KIỂM TRA",
                "V. THE AGENCY'S OPINION",
            ),
        );
        // The three lines for the agency's opinion stay together under their heading: one
        // of them alone at the top of the next page reads as a stray line.
        for last in [false, false, true] {
            let p = Para::new("Body");
            x.p(if last { p } else { p.keep() }, DOTS, PLAIN);
        }
        crate::header::body_last(
            x,
            ctx.t(
                "Biên bản kết thúc vào hồi …… giờ …… cùng ngày, đã được đọc lại cho các thành viên cùng nghe, thống nhất ký tên. Biên bản được lập thành 02 bản, mỗi bên giữ 01 bản./.",
                "The minutes closed at …… the same day, were read to all present and signed. Two copies are made, one for each party.",
            ),
        );
        let head = d.people.iter().find(|p| p.has_role(Role::Head));
        let left = Signer {
            // Broken where a reader would, not "… KIỂM / TRA" by the column's width.
            lines: match lang {
                Lang::Vi => vec!["ĐẠI DIỆN".to_owned(), "CƠ QUAN ĐƯỢC KIỂM TRA".to_owned()],
                Lang::En => vec!["FOR THE AGENCY INSPECTED".to_owned()],
            },
            name: head.map(|p| p.name.clone()).unwrap_or_default(),
        };
        let right = Signer {
            lines: vec![ctx.t("TRƯỞNG ĐOÀN KIỂM TRA", "TEAM LEADER").to_owned()],
            name: String::new(),
        };
        two_signatures(x, &ctx, &left, &right, &[]);
    })
}

/// The agency's head, quality representative and ISO secretary, as the dossier names them
/// (their English positions in English when the dossier gives them).
fn representatives(ctx: &Ctx<'_>) -> Vec<String> {
    let (d, lang) = (ctx.d, ctx.lang);
    let mut out = Vec::new();
    for (role, vi, en) in [
        (Role::Head, "Thủ trưởng cơ quan", "Head of the agency"),
        (
            Role::QualityRepresentative,
            "Đại diện lãnh đạo về chất lượng",
            "Quality representative",
        ),
        (Role::IsoSecretary, "Thư ký ISO", "ISO secretary"),
    ] {
        for p in d.people.iter().filter(|p| p.has_role(role)) {
            let english = lang == Lang::En && d.english.position(&p.id).is_some();
            let position = if lang == Lang::Vi || english {
                ctx.position_of(p).unwrap_or(lang.pick(vi, en))
            } else {
                // A Vietnamese office in an English list reads half-translated: the role.
                en
            };
            out.push(format!(
                "{} {} – {position}",
                lang.pick("Ông/Bà", "Mr/Ms"),
                p.name
            ));
        }
    }
    out.push(format!("{} {DOTS}", lang.pick("Ông/Bà", "Mr/Ms")));
    out
}

fn facts(x: &mut Xml<'_>, ctx: &Ctx<'_>, d: &Dossier, row: &AgencySummary) {
    let lang = ctx.lang;
    let kinds: Vec<String> = FindingKind::ALL
        .iter()
        .zip(row.findings)
        .filter(|(_, n)| *n > 0)
        .map(|(k, n)| {
            let noun = crate::ctx::lower_first(k.label(lang));
            lang.count(n, &noun, &noun)
        })
        .collect();
    let vi = lang == Lang::Vi;
    let announced = match &row.announced {
        Some((day, number)) if vi => format!(
            "đã công bố ngày {} (Quyết định số {number}){}",
            ctx.short_date(*day),
            if row.reannouncement_due {
                "; phạm vi đã thay đổi, phải công bố lại"
            } else {
                ""
            }
        ),
        Some((day, number)) => format!(
            "announced on {} (decision {number}){}",
            ctx.short_date(*day),
            if row.reannouncement_due {
                "; the scope changed, re-announcement due"
            } else {
                ""
            }
        ),
        None => ctx.t("chưa công bố", "not announced").to_owned(),
    };
    // "lần gần nhất 04/01/2025 (đã quá 12 tháng)", or "chưa thực hiện" when the dossier has
    // none: a dated audit is never "or never held", which the inspected agency would contest.
    let last = |day: Option<chrono::NaiveDate>, ok: bool| match day {
        Some(day) => {
            let when = if ok {
                ctx.t("trong vòng 12 tháng", "within 12 months")
            } else {
                ctx.t("đã quá 12 tháng", "over 12 months ago")
            };
            match lang {
                Lang::Vi => format!("lần gần nhất {} ({when})", ctx.short_date(day)),
                Lang::En => format!("last {} ({when})", ctx.short_date(day)),
            }
        }
        None => ctx.t("chưa thực hiện", "none on record").to_owned(),
    };
    // A zero reads as a blank left unfilled ("0 cuộc trong năm"): say that there was none.
    let items: Vec<String> = if vi {
        vec![
            format!(
                "Xây dựng, công bố HTQLCL: áp dụng {}; {announced}.",
                row.edition.title()
            ),
            format!(
                "Phạm vi áp dụng: {}.",
                d.scope.text.trim().trim_end_matches('.')
            ),
            format!(
                "Đánh giá nội bộ: {}; {}; phát hiện: {}.",
                last(row.last_audit, row.audit_within_12_months),
                match row.audits_in_year {
                    0 => "chưa có cuộc nào trong năm".to_owned(),
                    n => format!("{n} cuộc trong năm"),
                },
                if kinds.is_empty() {
                    "không có".to_owned()
                } else {
                    kinds.join(", ")
                }
            ),
            format!(
                "Xem xét của lãnh đạo: {}.",
                last(row.last_review, row.review_within_12_months)
            ),
            format!(
                "Hành động khắc phục: {} chưa đóng, {}; {} đã đóng, có hiệu lực.",
                row.actions_open,
                match row.actions_overdue {
                    0 => "không có hành động quá hạn".to_owned(),
                    n => format!("trong đó {n} quá hạn"),
                },
                row.actions_closed_effective
            ),
            format!(
                "Mục tiêu chất lượng: {} mục tiêu, {} đo lường được, {} đạt chỉ tiêu.",
                row.objectives, row.objectives_measurable, row.objectives_met
            ),
            format!(
                "Đào tạo: {} chuyên gia đánh giá nội bộ được đào tạo; {} được đào tạo nhận thức trong năm.",
                row.trained_auditors,
                match row.awareness_trained {
                    0 => "chưa có người nào".to_owned(),
                    n => format!("{n} người"),
                }
            ),
        ]
    } else {
        vec![
            format!("QMS: {}; {announced}.", row.edition.title()),
            format!("Scope: {}.", d.scope.text.trim().trim_end_matches('.')),
            format!(
                "Internal audit: {}; {} this year; findings: {}.",
                last(row.last_audit, row.audit_within_12_months),
                match row.audits_in_year {
                    0 => "none".to_owned(),
                    n => n.to_string(),
                },
                if kinds.is_empty() {
                    "none".to_owned()
                } else {
                    kinds.join(", ")
                }
            ),
            format!(
                "Management review: {}.",
                last(row.last_review, row.review_within_12_months)
            ),
            format!(
                "Corrective actions: {} open, {} overdue; {} closed and effective.",
                row.actions_open,
                match row.actions_overdue {
                    0 => "none".to_owned(),
                    n => n.to_string(),
                },
                row.actions_closed_effective
            ),
            format!(
                "Quality objectives: {}, {} measurable, {} met.",
                row.objectives, row.objectives_measurable, row.objectives_met
            ),
            format!(
                "Training: {} trained internal auditors; {} trained in awareness this year.",
                row.trained_auditors,
                match row.awareness_trained {
                    0 => "no one".to_owned(),
                    n => n.to_string(),
                }
            ),
        ]
    };
    for (i, t) in items.iter().enumerate() {
        x.p(Para::new("Body"), &format!("{}. {t}", i + 1), PLAIN);
    }
}

/// One line per rule broken: its title, the requirement, and the first few messages as an
/// official text quotes them (names, codes and numbers, never the dossier's ids).
fn shortcomings(d: &Dossier, diags: &[Diagnostic], ctx: &Ctx<'_>) -> Vec<String> {
    let lang = ctx.lang;
    let date = |x: chrono::NaiveDate| ctx.short_date(x);
    let mut codes: Vec<&str> = Vec::new();
    for x in diags {
        if !codes.contains(&x.code) {
            codes.push(x.code);
        }
    }
    codes
        .iter()
        .map(|code| {
            let of: Vec<&Diagnostic> = diags.iter().filter(|x| x.code == *code).collect();
            let title = find_rule(code).map_or("", |r| r.title(lang));
            let quoted: Vec<String> = of
                .iter()
                .take(QUOTED)
                .map(|x| document_message(d, x, lang, &date))
                .collect();
            let more = of.len().saturating_sub(QUOTED);
            let tail = match (more, lang) {
                (0, _) => String::new(),
                (n, Lang::Vi) => format!("; và {n} trường hợp khác"),
                (n, Lang::En) => format!("; and {}", lang.count(n as u64, "", "more case")),
            };
            // The requirement it fails, as an inspector cites it; the tool's rule code is not
            // a reference the agency knows.
            let basis = of
                .first()
                .map(|x| format!(" ({})", x.requirement(lang)))
                .unwrap_or_default();
            format!("{title}{basis}: {}{tail}.", quoted.join("; "))
        })
        .collect()
}
