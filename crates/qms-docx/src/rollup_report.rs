//! Báo cáo kết quả kiểm tra việc áp dụng, duy trì và cải tiến HTQLCL (the Department of
//! Science and Technology's yearly report to the provincial People's Committee), written from
//! the roll-up: the general picture, results achieved, shortcomings with counts and agency
//! names, agencies to follow up, and proposals; an annex lists every agency.

use crate::ctx::Ctx;
use crate::error::DocxError;
use crate::header::{
    Signer, body, body_last, bullets, heading, national_header_with, signature_table, title,
};
use crate::package::{Meta, package};
use crate::rollup_left_out::{left_out, left_out_items};
use crate::rollup_names::{by_kind, kinds_phrase, pct, pct_en};
use crate::rollup_tables::{annex, kind_table};
use crate::wml::{BOLD, PLAIN, Para};
use crate::xml::Xml;
use crate::{RenderOptions, RollupIssuer};
use qms_core::rollup::{Province, Rejection, Requirement, Tally};
use qms_core::{Dossier, Lang};

/// The issuing agency as a dossier, so the shared header and signature helpers apply.
pub(crate) fn issuer_dossier(issuer: &RollupIssuer) -> Dossier {
    let mut d = Dossier::new("issuer", &issuer.agency);
    d.agency.parent = Some(format!("Ủy ban nhân dân tỉnh {}", issuer.province));
    d.agency.place = Some(issuer.province.clone());
    d.agency.symbol = Some(issuer.symbol.clone());
    // English documents print the header in English too, not a Vietnamese block over an
    // English page.
    d.english.agency = Some(issuer.english_agency().to_owned());
    d.english.parent = Some(format!("{} Provincial People's Committee", issuer.province));
    d
}

/// Renders the report.
pub(crate) fn render(
    p: &Province,
    issuer: &RollupIssuer,
    opts: &RenderOptions,
) -> Result<Vec<u8>, DocxError> {
    let d = issuer_dossier(issuer);
    let ctx = Ctx::new(&d, opts);
    let lang = opts.lang;
    let doc_title = match lang {
        Lang::Vi => format!(
            "Báo cáo kết quả kiểm tra việc áp dụng, duy trì và cải tiến HTQLCL theo TCVN ISO 9001 năm {}",
            p.year
        ),
        Lang::En => format!("QMS inspection report {}", p.year),
    };
    let meta = Meta {
        title: &doc_title,
        creator: &issuer.agency,
        date: opts.today,
    };
    package(&meta, opts, |x| {
        // The province's report is not a record of an agency's QMS: no form code.
        national_header_with(
            x,
            &ctx,
            &ctx.number_line(issuer.number.as_deref(), "BC"),
            &ctx.date_line(opts.today),
        );
        let summary = match lang {
            Lang::Vi => format!(
                "Kết quả kiểm tra việc áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng theo TCVN ISO 9001 năm {}",
                p.year
            ),
            Lang::En => format!(
                "Results of the {} inspection of how agencies apply, maintain and improve their quality management systems under TCVN ISO 9001",
                p.year
            ),
        };
        title(x, &ctx, ctx.t("Báo cáo", "Report"), &[&summary]);
        let committee = match lang {
            Lang::Vi => format!("Ủy ban nhân dân tỉnh {}", issuer.province),
            Lang::En => format!("People's Committee of {} Province", issuer.province),
        };
        x.p(
            Para::new("Addressee"),
            &format!("{} {committee}.", ctx.t("Kính gửi:", "To:")),
            PLAIN,
        );
        let all = p.tally(|_| true);
        intro(x, &ctx, p, issuer, &all);
        results(x, &ctx, p, &all);
        shortcomings(x, &ctx, p, &all);
        follow_up(x, &ctx, p);
        proposals(x, &ctx, p, issuer, &all);
        let closing = match lang {
            Lang::Vi => format!(
                "{} kính báo cáo {committee} xem xét, chỉ đạo./.",
                issuer.agency
            ),
            Lang::En => format!(
                "The {} submits this report to the {committee}.",
                issuer.english_agency()
            ),
        };
        body_last(x, &closing);
        let recipients = vec![
            ctx.t("Như trên", "As above").to_owned(),
            ctx.t(
                "Bộ Khoa học và Công nghệ (để báo cáo)",
                "Ministry of Science and Technology (for information)",
            )
            .to_owned(),
            ctx.t(
                "Các cơ quan, đơn vị được kiểm tra",
                "The agencies inspected",
            )
            .to_owned(),
            ctx.t("Lưu: VT, TĐC", "File: Records, TĐC").to_owned(),
        ];
        let signer = Signer {
            lines: issuer.signer_lines(lang),
            name: issuer.signer.clone().unwrap_or_default(),
        };
        signature_table(x, &ctx, &recipients, &signer);
        annex(x, &ctx, p);
    })
}

fn intro(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: &Province, issuer: &RollupIssuer, all: &Tally) {
    let lang = ctx.lang;
    body(
        x,
        &match lang {
            Lang::Vi => format!(
                "Thực hiện Quyết định số 19/2014/QĐ-TTg ngày 05/3/2014 của Thủ tướng Chính phủ về việc áp dụng Hệ thống quản lý chất lượng theo Tiêu chuẩn quốc gia TCVN ISO 9001 vào hoạt động của các cơ quan, tổ chức thuộc hệ thống hành chính nhà nước và kế hoạch kiểm tra năm {} của Ủy ban nhân dân tỉnh, {} đã kiểm tra việc áp dụng, duy trì và cải tiến hệ thống quản lý chất lượng (HTQLCL) tại các cơ quan, đơn vị trên địa bàn tỉnh. Kết quả như sau:",
                p.year, issuer.agency
            ),
            Lang::En => format!(
                "Under Decision 19/2014/QĐ-TTg of the Prime Minister on applying TCVN ISO 9001 in state administrative agencies and the province's inspection plan for {}, the {} inspected how the agencies of the province apply, maintain and improve their quality management systems (QMS). The results are as follows:",
                p.year,
                issuer.english_agency()
            ),
        },
    );
    heading(x, ctx.t("I. TÌNH HÌNH CHUNG", "I. OVERVIEW"));
    let received = p.agencies.len() + p.rejected.len();
    let mut text = match lang {
        Lang::Vi => format!(
            "{} đã nhận {received} hồ sơ HTQLCL; {} cơ quan, đơn vị được tổng hợp ({}).",
            issuer.agency,
            all.agencies,
            kinds_phrase(p, lang)
        ),
        Lang::En => format!(
            "The {} received {}; {} {} rolled up ({}).",
            issuer.english_agency(),
            lang.count(received as u64, "", "QMS dossier"),
            lang.count(all.agencies, "", "agency"),
            if all.agencies == 1 { "is" } else { "are" },
            kinds_phrase(p, lang)
        ),
    };
    text.push_str(&left_out(p, lang));
    body(x, &text);
    let e2015 = all.agencies - all.edition_2008;
    // "0 cơ quan còn áp dụng" reads as a blank left unfilled: say that none does.
    let text = match (lang, all.edition_2008) {
        (Lang::Vi, 0) => format!(
            "Về phiên bản tiêu chuẩn: {e2015} cơ quan áp dụng TCVN ISO 9001:2015; không còn cơ quan nào áp dụng TCVN ISO 9001:2008."
        ),
        (Lang::Vi, old) => format!(
            "Về phiên bản tiêu chuẩn: {e2015} cơ quan áp dụng TCVN ISO 9001:2015; {old} cơ quan còn áp dụng TCVN ISO 9001:2008."
        ),
        (Lang::En, old) => format!(
            "Editions: {} TCVN ISO 9001:2015; {}.",
            match e2015 {
                1 => "1 agency applies".to_owned(),
                n => format!("{n} agencies apply"),
            },
            match old {
                0 => "none still applies TCVN ISO 9001:2008".to_owned(),
                1 => "1 agency still applies TCVN ISO 9001:2008".to_owned(),
                n => format!("{n} still apply TCVN ISO 9001:2008"),
            }
        ),
    };
    body(x, &text);
}

fn results(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: &Province, all: &Tally) {
    let lang = ctx.lang;
    heading(x, ctx.t("II. KẾT QUẢ ĐẠT ĐƯỢC", "II. RESULTS ACHIEVED"));
    let n = all.agencies;
    let nc = all.findings[0] + all.findings[1] + all.findings[2];
    // A year rolled up after it ended is judged at its end: say so.
    let within = if p.as_of == p.today {
        ctx.t(" qua", "").to_owned()
    } else {
        match lang {
            Lang::Vi => format!(" tính đến ngày {}", ctx.short_date(p.as_of)),
            Lang::En => format!(" to {}", ctx.short_date(p.as_of)),
        }
    };
    let items: Vec<String> = match lang {
        Lang::Vi => vec![
            format!(
                "{}/{n} cơ quan ({} %) đã công bố HTQLCL phù hợp TCVN ISO 9001.",
                all.announced,
                pct(all.announced, n)
            ),
            format!(
                "{}/{n} cơ quan ({} %) thực hiện đánh giá nội bộ trong 12 tháng{within}; tổng số {} cuộc đánh giá nội bộ trong năm {}, phát hiện {nc} sự không phù hợp.",
                all.audit_ok,
                pct(all.audit_ok, n),
                all.audits_in_year,
                p.year
            ),
            format!(
                "{}/{n} cơ quan ({} %) tổ chức xem xét của lãnh đạo trong 12 tháng{within}.",
                all.review_ok,
                pct(all.review_ok, n)
            ),
            format!(
                "{} hành động khắc phục đã hoàn thành và được xác nhận có hiệu lực; {} hành động đang thực hiện.",
                all.actions_closed_effective, all.actions_open
            ),
            format!(
                "{} mục tiêu chất lượng năm {}, trong đó {} mục tiêu đo lường được và {} mục tiêu đạt chỉ tiêu.",
                all.objectives, p.year, all.objectives_measurable, all.objectives_met
            ),
            format!(
                "{} người có chứng nhận chuyên gia đánh giá nội bộ; {}.",
                all.trained_auditors,
                match all.awareness_trained {
                    0 => "chưa có lượt công chức nào được đào tạo nhận thức về TCVN ISO 9001 trong năm".to_owned(),
                    n => format!("{n} lượt công chức được đào tạo nhận thức về TCVN ISO 9001 trong năm"),
                }
            ),
        ],
        Lang::En => vec![
            format!(
                "{}/{} ({}%) announced their QMS.",
                all.announced,
                lang.count(n, "", "agency"),
                pct_en(all.announced, n)
            ),
            format!(
                "{}/{} ({}%) held an internal audit within the 12 months{within}; {} in {}, {} found.",
                all.audit_ok,
                lang.count(n, "", "agency"),
                pct_en(all.audit_ok, n),
                lang.count(all.audits_in_year, "", "audit"),
                p.year,
                lang.count(nc, "", "nonconformity"),
            ),
            format!(
                "{}/{} ({}%) held a management review within the 12 months{within}.",
                all.review_ok,
                lang.count(n, "", "agency"),
                pct_en(all.review_ok, n)
            ),
            format!(
                "{} closed and verified effective; {} in progress.",
                lang.count(all.actions_closed_effective, "", "corrective action"),
                all.actions_open
            ),
            format!(
                "{} for {}, {} measurable and {} met.",
                lang.count(all.objectives, "", "quality objective"),
                p.year,
                all.objectives_measurable,
                all.objectives_met
            ),
            format!(
                "{}; {} trained in awareness of TCVN ISO 9001 this year.",
                lang.count(all.trained_auditors, "", "trained internal auditor"),
                match all.awareness_trained {
                    0 => "no one".to_owned(),
                    n => lang.count(n, "", "person"),
                },
            ),
        ],
    };
    bullets(x, &items, "");
    kind_table(x, ctx, p);
}

fn shortcomings(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: &Province, all: &Tally) {
    let lang = ctx.lang;
    heading(x, ctx.t("III. TỒN TẠI, HẠN CHẾ", "III. SHORTCOMINGS"));
    let list = p.shortcomings();
    if list.is_empty() {
        body(
            x,
            ctx.t(
                "Qua kiểm tra hồ sơ, không phát hiện tồn tại, hạn chế.",
                "The dossiers show no shortcomings.",
            ),
        );
    }
    for (i, s) in list.iter().enumerate() {
        let who = if s.agencies.len() == p.agencies.len() {
            match lang {
                Lang::Vi => format!("tất cả {} cơ quan được kiểm tra.", p.agencies.len()),
                Lang::En => match p.agencies.len() {
                    1 => "the one agency inspected.".to_owned(),
                    2 => "both agencies inspected.".to_owned(),
                    n => format!("all {n} agencies inspected."),
                },
            }
        } else {
            format!("{}.", by_kind(p, &s.agencies, lang, true))
        };
        x.p_runs(
            Para::new("Body"),
            &[
                (&format!("{}. {}", i + 1, s.title(lang)), BOLD),
                (&format!(" ({}): {who}", requirement(s.code, lang)), PLAIN),
            ],
        );
    }
    if all.actions_overdue > 0 {
        body(
            x,
            &match lang {
                Lang::Vi => format!(
                    "Toàn tỉnh còn {} hành động khắc phục chưa hoàn thành, trong đó {} hành động đã quá hạn.",
                    all.actions_open, all.actions_overdue
                ),
                Lang::En => format!(
                    "{} {} open across the province, {} of them overdue.",
                    lang.count(all.actions_open, "", "corrective action"),
                    if all.actions_open == 1 {
                        "remains"
                    } else {
                        "remain"
                    },
                    all.actions_overdue
                ),
            },
        );
    }
}

fn follow_up(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: &Province) {
    let lang = ctx.lang;
    heading(
        x,
        ctx.t(
            "IV. CÁC CƠ QUAN CẦN TIẾP TỤC THEO DÕI, KIỂM TRA LẠI",
            "IV. AGENCIES TO FOLLOW UP",
        ),
    );
    let failing = p.failing();
    if failing.is_empty() {
        body(
            x,
            ctx.t(
                "Tất cả các cơ quan được tổng hợp đều đáp ứng các yêu cầu duy trì HTQLCL trong năm.",
                "Every agency rolled up meets the yearly requirements.",
            ),
        );
    }
    let mut items = Vec::new();
    for r in Requirement::ALL {
        let idx: Vec<usize> = p
            .agencies
            .iter()
            .enumerate()
            .filter(|(_, a)| !a.meets(r))
            .map(|(i, _)| i)
            .collect();
        if !idx.is_empty() {
            let label = r.failure(lang);
            let mut c = label.chars();
            let label = c
                .next()
                .map(|f| f.to_uppercase().collect::<String>() + c.as_str())
                .unwrap_or_default();
            let who = by_kind(p, &idx, lang, false);
            items.push(format!("{label} ({}): {who}.", idx.len()));
        }
    }
    items.extend(left_out_items(p, lang));
    bullets(x, &items, "");
}

fn proposals(x: &mut Xml<'_>, ctx: &Ctx<'_>, p: &Province, issuer: &RollupIssuer, all: &Tally) {
    let lang = ctx.lang;
    heading(x, ctx.t("V. ĐỀ XUẤT, KIẾN NGHỊ", "V. PROPOSALS"));
    // Dates that follow the report: never already past on its date.
    let (quarter, quarter_year) = p.remedy_quarter();
    let quarter_vi = ["I", "II", "III", "IV"]
        .get(quarter as usize - 1)
        .copied()
        .unwrap_or("I");
    let quarter_en = ["first", "second", "third", "fourth"]
        .get(quarter as usize - 1)
        .copied()
        .unwrap_or("first");
    let next = p.next_round_year();
    let mut items: Vec<String> = Vec::new();
    let failing = p.failing().len();
    let vi = lang == Lang::Vi;
    if failing > 0 {
        items.push(if vi {
            format!("Chỉ đạo {failing} cơ quan nêu tại Mục IV khắc phục các tồn tại, hạn chế và báo cáo kết quả về {} trong quý {quarter_vi} năm {quarter_year}.", issuer.agency)
        } else {
            let who = match failing {
                1 => "the agency".to_owned(),
                n => format!("the {n} agencies"),
            };
            format!("Direct {who} of section IV to remedy their shortcomings and report to the {} in the {quarter_en} quarter of {quarter_year}.", issuer.english_agency())
        });
    }
    if all.edition_2008 > 0 {
        items.push(if vi {
            format!("Yêu cầu {} cơ quan còn áp dụng TCVN ISO 9001:2008 chuyển đổi sang TCVN ISO 9001:2015 và công bố lại HTQLCL.", all.edition_2008)
        } else {
            format!("Require {} still on TCVN ISO 9001:2008 to move to TCVN ISO 9001:2015 and announce again.", the_agencies(all.edition_2008))
        });
    }
    let announce = all.reannouncement_due + (all.agencies - all.announced);
    if announce > 0 {
        items.push(if vi {
            format!("Yêu cầu {announce} cơ quan chưa công bố HTQLCL hoặc có phạm vi áp dụng đã thay đổi thực hiện việc công bố, công bố lại theo Điều 4 Quyết định số 19/2014/QĐ-TTg.")
        } else {
            format!("Require {} not announced, or whose scope changed, to announce their QMS (again) under Article 4 of Decision 19/2014/QĐ-TTg.", the_agencies(announce))
        });
    }
    if all.no_trained_auditor > 0 {
        items.push(if vi {
            format!("Tổ chức đào tạo chuyên gia đánh giá nội bộ cho {} cơ quan chưa có chuyên gia được đào tạo.", all.no_trained_auditor)
        } else {
            format!("Train internal auditors for {} without one.", the_agencies(all.no_trained_auditor))
        });
    }
    let top: Vec<String> = p
        .shortcomings()
        .iter()
        .take(3)
        .map(|s| crate::ctx::lower_first(s.title(lang)))
        .collect();
    if !top.is_empty() {
        items.push(if vi {
            format!(
                "Tổ chức tập huấn, hướng dẫn nghiệp vụ về các tồn tại phổ biến: {}.",
                top.join("; ")
            )
        } else {
            format!(
                "Hold training on the most common shortcomings: {}.",
                top.join("; ")
            )
        });
    }
    // An agency of another province reports to its own province: nothing to ask of it here.
    let resend = p
        .rejected
        .iter()
        .filter(|r| !matches!(r.reason, Rejection::OtherProvince { .. }))
        .count();
    if resend > 0 {
        items.push(if vi {
            format!("Đề nghị các cơ quan có {resend} hồ sơ nêu tại Mục IV gửi lại hồ sơ đúng năm, đúng định dạng.")
        } else {
            format!("Ask the senders of {} of section IV for valid dossiers of the year.", match resend {
                1 => "the dossier".to_owned(),
                n => format!("the {n} dossiers"),
            })
        });
    }
    items.push(if vi {
        format!("Tiếp tục kiểm tra việc áp dụng, duy trì và cải tiến HTQLCL của các cơ quan trên địa bàn tỉnh trong năm {next}.")
    } else {
        format!("Continue the yearly inspection in {next}.")
    });
    for (i, t) in items.iter().enumerate() {
        body(x, &format!("{}. {t}", i + 1));
    }
}

/// "the agency" / "the 3 agencies" in English proposals.
fn the_agencies(n: u32) -> String {
    match n {
        1 => "the agency".to_owned(),
        n => format!("the {n} agencies"),
    }
}

/// The requirement a rule checks, as the report cites it ("TCVN ISO 9001:2015, 9.2.2 a"): the
/// tool's rule code is no reference the People's Committee knows. The province's agencies
/// are measured against the current edition.
fn requirement(code: &str, lang: Lang) -> String {
    qms_core::rules::find_rule(code).map_or_else(
        || code.to_owned(),
        |r| r.source.label(qms_core::Edition::Iso9001_2015, lang),
    )
}
