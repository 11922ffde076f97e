//! Issue 13, documents: the decision on the audit team (Decree 30/2020 layout), the ISO 19011
//! 5.x content of the programme, language tags and date styles, CAR numbers with their
//! symbol, and the People's Committee header. Pinned on the XML of the example dossiers.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_core::Lang;
use qms_core::model::{DocumentFacts, SigningForm, TeamRole};
use qms_docx::{DocumentKind, RenderOptions, Target, render};
use support::{paragraphs, part};

fn example(name: &str) -> qms_core::Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    qms_core::load(&std::fs::read(path).unwrap()).expect("example is valid")
}

fn opts(lang: Lang) -> RenderOptions {
    RenderOptions {
        lang,
        ..RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
    }
}

fn decision(d: &qms_core::Dossier, lang: Lang) -> Vec<u8> {
    let audit = &d.audits[0].id;
    render(
        DocumentKind::TeamDecision,
        Target::Audit(audit),
        d,
        &opts(lang),
    )
    .unwrap()
}

#[test]
fn the_team_decision_has_the_decree_30_decision_layout() {
    let d = example("so-khcn-ninh-binh.json");
    let bytes = decision(&d, Lang::Vi);
    let text = paragraphs(&bytes);
    let at = |s: &str| {
        text.iter()
            .position(|p| p == s)
            .unwrap_or_else(|| panic!("no paragraph {s:?} in {text:#?}"))
    };
    // Form line, number and date of the decision as the dossier records them.
    assert!(text[0].starts_with("BM.QT03.07 – Lần ban hành: 04"));
    at("Số: 18/QĐ-SKHCN");
    at("Ninh Bình, ngày 24 tháng 4 năm 2026");
    // Type, summary, the issuing authority, bases, "QUYẾT ĐỊNH:", three articles, in order.
    let order = [
        at("QUYẾT ĐỊNH"),
        at("GIÁM ĐỐC SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH NINH BÌNH"),
        at("QUYẾT ĐỊNH:"),
    ];
    assert!(order.windows(2).all(|w| w[0] < w[1]), "{order:?}");
    let title = &d.audits[0].title;
    assert!(text[order[0] + 1].starts_with("Về việc thành lập Đoàn"));
    let rest: String = title.chars().skip(1).collect();
    assert!(
        text[order[0] + 1].ends_with(&rest),
        "{}",
        text[order[0] + 1]
    );
    let bases = &text[order[1] + 1..order[2]];
    assert!(bases.len() >= 3, "{bases:?}");
    assert!(bases[0].starts_with("Căn cứ Quyết định số 19/2014/QĐ-TTg"));
    assert!(
        bases.iter().any(|b| b.contains("02/CTr-SKHCN")),
        "the programme"
    );
    for b in &bases[..bases.len() - 1] {
        assert!(b.ends_with(';'), "{b}");
    }
    assert_eq!(
        bases.last().unwrap(),
        "Theo đề nghị của Chánh Văn phòng Sở."
    );
    // The bases are in italics (Decree 30/2020, Phụ lục I).
    let xml = part(&bytes, "word/document.xml");
    let para = xml
        .split("</w:p>")
        .find(|p| p.contains("Căn cứ Quyết định số 19/2014"))
        .unwrap();
    assert!(para.contains("<w:i/>"), "{para}");
    let articles: Vec<usize> = (1..=3)
        .map(|n| {
            text.iter()
                .position(|p| p.starts_with(&format!("Điều {n}. ")))
                .unwrap()
        })
        .collect();
    assert!(articles[0] > order[2] && articles.windows(2).all(|w| w[0] < w[1]));
    // Article 1 lists every member once, the lead first with "Trưởng đoàn".
    let team = &d.audits[0].plan.team;
    let members = &text[articles[0] + 1..articles[0] + 1 + team.len()];
    let lead = team.iter().find(|m| m.role == TeamRole::Lead).unwrap();
    let lead_name = &d.person(&lead.person).unwrap().name;
    assert!(members[0].starts_with(&format!("1. {lead_name}")));
    assert!(members[0].ends_with(": Trưởng đoàn;"), "{}", members[0]);
    for m in team {
        let name = &d.person(&m.person).unwrap().name;
        assert_eq!(
            members.iter().filter(|p| p.contains(name.as_str())).count(),
            1,
            "{name}"
        );
    }
    assert!(members.last().unwrap().ends_with("Thành viên."));
    // Items are body paragraphs (first-line indent from the style), never padded by spaces.
    assert!(!text.iter().any(|p| p.starts_with("  ")));
    assert!(text[articles[1]].contains("nhiệm vụ"));
    assert!(
        text.iter()
            .any(|p| p.contains("không đánh giá công việc của chính mình"))
    );
    assert!(text[articles[2]].contains("có hiệu lực kể từ ngày ký"));
    // Recipients and the head's signature.
    at("Nơi nhận:");
    at("- Như Điều 3;");
    at("- Lưu: VT, ISO.");
    at("GIÁM ĐỐC SỞ");
    at("Trần Quốc Hưng");
}

#[test]
fn the_team_decision_in_english_and_signed_per_the_dossier() {
    let mut d = example("ubnd-phuong-my-tho-2015.json");
    let text = paragraphs(&decision(&d, Lang::En));
    for s in ["DECISION", "DECIDES:", "Recipients:", "- As in Article 3;"] {
        assert!(text.iter().any(|p| p == s), "{s}");
    }
    assert!(text.iter().any(|p| p.starts_with("Article 1. ")));
    assert!(text.iter().any(|p| p.ends_with(": Lead auditor;")));
    // The authority line is the head's English position.
    assert!(
        text.iter()
            .any(|p| p == "CHAIRMAN OF THE WARD PEOPLE’S COMMITTEE")
    );
    assert!(
        !text
            .iter()
            .any(|p| p.contains("Điều") || p.contains("QUYẾT ĐỊNH"))
    );
    // English positions the dossier gives stand in the signature and the plan's team table.
    assert!(
        !text.iter().any(|p| p.contains("CHỦ TỊCH")),
        "signer in English"
    );
    let plan = paragraphs(
        &render(
            DocumentKind::Plan,
            Target::Audit(&d.audits[0].id),
            &d,
            &opts(Lang::En),
        )
        .unwrap(),
    );
    assert!(
        plan.iter()
            .any(|p| p == "Head of the Economic Division, Economic Division"
                || p == "Head of the Economic Division")
    );
    assert!(!plan.iter().any(|p| p.starts_with("Trưởng phòng")));
    // Vietnamese: the authority is the chairman of the ward's People's Committee.
    let vi = paragraphs(&decision(&d, Lang::Vi));
    assert!(
        vi.iter()
            .any(|p| p == "CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG MỸ THO")
    );
    // A deputy signs for the chairman when the settings say so.
    let deputy = d.people[1].id.clone();
    d.settings.documents.team_decision = Some(DocumentFacts {
        signer: Some(deputy.clone()),
        signing: Some(SigningForm::OnBehalf),
        signing_title: Some("Phó Chủ tịch".into()),
        ..DocumentFacts::default()
    });
    let vi = paragraphs(&decision(&d, Lang::Vi));
    let kt = vi
        .iter()
        .position(|p| p.starts_with("KT. "))
        .expect("KT. line");
    assert_eq!(vi[kt + 1], "PHÓ CHỦ TỊCH");
    assert!(vi.iter().any(|p| *p == d.person(&deputy).unwrap().name));
    // Without a team, lines to fill by hand.
    d.audits[0].plan.team.clear();
    let blank = paragraphs(&decision(&d, Lang::Vi));
    assert!(
        blank
            .iter()
            .any(|p| p.starts_with("1. ……") && p.ends_with("Trưởng đoàn;"))
    );
}

#[test]
fn render_all_writes_the_decision_before_the_plan() {
    let d = example("ubnd-xa-tan-thanh-2008.json");
    let files = qms_docx::render_all(&d, &opts(Lang::Vi)).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    let q = names
        .iter()
        .position(|n| n.starts_with("quyet-dinh-doan-dgnb-"))
        .unwrap();
    assert!(names[q + 1].starts_with("ke-hoach-dgnb-"), "{names:?}");
    assert_eq!(
        DocumentKind::parse("team-decision"),
        Some(DocumentKind::TeamDecision)
    );
}

#[test]
fn the_programme_has_the_iso_19011_sections_with_facts_or_usual_text() {
    let d = example("ubnd-phuong-my-tho-2015.json");
    let p = &d.programmes[0];
    // No-break spaces hold "TCVN ISO 9001:2015" together; compare with plain spaces.
    let text: Vec<String> = paragraphs(
        &render(
            DocumentKind::Programme,
            Target::Programme(&p.id),
            &d,
            &opts(Lang::Vi),
        )
        .unwrap(),
    )
    .into_iter()
    .map(|p| p.replace('\u{a0}', " "))
    .collect();
    let headings = [
        "I. MỤC TIÊU",
        "II. PHẠM VI",
        "III. HÌNH THỨC ĐÁNH GIÁ",
        "IV. CHUẨN MỰC ĐÁNH GIÁ",
        "V. PHƯƠNG PHÁP ĐÁNH GIÁ",
        "VI. TIÊU CHÍ LỰA CHỌN CHUYÊN GIA ĐÁNH GIÁ",
        "VII. NGUỒN LỰC",
        "VIII. RỦI RO VÀ CƠ HỘI CỦA CHƯƠNG TRÌNH",
        "IX. TRÁCH NHIỆM",
        "X. LỊCH ĐÁNH GIÁ",
        "XI. THEO DÕI, XEM XÉT CHƯƠNG TRÌNH",
        "XII. TỔ CHỨC THỰC HIỆN",
    ];
    let at: Vec<usize> = headings
        .iter()
        .map(|h| {
            text.iter()
                .position(|p| p == h)
                .unwrap_or_else(|| panic!("{h}"))
        })
        .collect();
    assert!(at.windows(2).all(|w| w[0] < w[1]));
    let section = |i: usize| &text[at[i] + 1..at[i + 1]];
    // The dossier's own lines where it has them (criteria and risks of this ward)...
    for c in &p.auditor_criteria {
        assert!(section(5).iter().any(|l| *l == format!("- {c}")), "{c}");
    }
    for r in &p.risks {
        assert!(section(7).iter().any(|l| *l == format!("- {r}")), "{r}");
    }
    assert!(!section(7).iter().any(|l| l.contains("chuyên gia dự phòng")));
    // ...and the usual text where it has none.
    assert!(section(2).iter().any(|l| l.contains("bên thứ nhất")));
    assert!(
        section(2)
            .iter()
            .any(|l| l.contains("theo đơn vị và theo quá trình"))
    );
    assert!(section(6).iter().any(|l| l.starts_with("- Kinh phí")));
    assert!(
        section(10)
            .iter()
            .any(|l| l.contains("xem xét của lãnh đạo"))
    );
    // Without facts the independence criterion is the usual one, stated as the 2008
    // requirement in a 2008 dossier.
    let d8 = example("ubnd-xa-tan-thanh-2008.json");
    let t8 = paragraphs(
        &render(
            DocumentKind::Programme,
            Target::Programme(&d8.programmes[0].id),
            &d8,
            &opts(Lang::Vi),
        )
        .unwrap(),
    );
    assert!(t8.iter().any(
        |l| l.contains("không được đánh giá công việc của chính mình") && l.contains("8.2.2")
    ));
    let en = paragraphs(
        &render(
            DocumentKind::Programme,
            Target::Programme(&d8.programmes[0].id),
            &d8,
            &opts(Lang::En),
        )
        .unwrap(),
    );
    for h in [
        "III. TYPES OF AUDIT",
        "VI. SELECTION OF AUDITORS",
        "VIII. RISKS AND OPPORTUNITIES OF THE PROGRAMME",
    ] {
        assert!(en.iter().any(|p| p == h), "{h}");
    }
}

#[test]
fn language_tags_let_spell_check_work_in_both_languages() {
    let d = example("ubnd-phuong-my-tho-2015.json");
    for (lang, tag) in [(Lang::Vi, "vi-VN"), (Lang::En, "en-GB")] {
        for (name, bytes) in qms_docx::render_all(&d, &opts(lang)).unwrap() {
            let styles = part(&bytes, "word/styles.xml");
            let default = &styles[styles.find("<w:rPrDefault>").unwrap()..];
            assert!(
                default.contains(&format!("<w:lang w:val=\"{tag}\"")),
                "{name}: {tag} in rPrDefault"
            );
            let xml = part(&bytes, "word/document.xml");
            for run in xml.split("<w:r>").skip(1) {
                let run = &run[..run.find("</w:r>").unwrap()];
                let vietnamese = run.chars().any(|c| {
                    "ăâđêôơưạảấầẩậắằẳặẹẻẽếềểệỉịọỏốồổộớờởợụủứừửựỳỵỷỹ"
                        .contains(c.to_lowercase().next().unwrap())
                });
                let tagged = run.contains("<w:lang w:val=\"vi-VN\"");
                match lang {
                    // In English documents every run with Vietnamese letters (names, titles
                    // quoted from the dossier) is tagged vi-VN, and no other run is.
                    Lang::En => assert!(!vietnamese || tagged, "{name}: untagged {run}"),
                    // Vietnamese documents inherit vi-VN from the styles.
                    Lang::Vi => assert!(!tagged, "{name}: {run}"),
                }
                if tagged {
                    assert!(
                        vietnamese || run.chars().any(|c| c as u32 >= 0xc0 && c.is_alphabetic()),
                        "{name}: {run}"
                    );
                }
            }
        }
    }
}

#[test]
fn one_date_style_per_language() {
    let d = example("so-khcn-ninh-binh.json");
    let ca = d
        .corrective_actions
        .iter()
        .find(|c| c.actions.iter().any(|a| a.completed_on.is_some()))
        .unwrap();
    let action = ca
        .actions
        .iter()
        .find(|a| a.completed_on.is_some())
        .unwrap();
    let bytes = |lang| {
        render(
            DocumentKind::Car,
            Target::CorrectiveAction(&ca.id),
            &d,
            &opts(lang),
        )
        .unwrap()
    };
    let due = action.due;
    let en = paragraphs(&bytes(Lang::En));
    let vi = paragraphs(&bytes(Lang::Vi));
    // English: "5 March 2026" in tables as in prose; never a day/month number pair.
    assert!(en.iter().any(|p| *p == due.format("%-d %B %Y").to_string()));
    assert!(
        !en.iter()
            .any(|p| p.contains(&due.format("%d/%m/%Y").to_string()))
    );
    // Vietnamese: dd/mm/yyyy in tables and forms, "ngày 05 tháng 3 năm 2026" in the date line.
    assert!(vi.iter().any(|p| *p == due.format("%d/%m/%Y").to_string()));
    let line = vi.iter().find(|p| p.contains(", ngày ")).unwrap();
    assert!(line.contains(" tháng ") && line.contains(" năm "), "{line}");
    assert!(
        !en.iter().chain(&vi).any(|p| p.contains(&due.to_string())),
        "no ISO dates"
    );
}

#[test]
fn car_numbers_carry_the_series_symbol() {
    let mut d = example("so-khcn-ninh-binh.json");
    let numbered = d
        .corrective_actions
        .iter()
        .position(|c| c.number.is_some())
        .unwrap();
    let id = d.corrective_actions[numbered].id.clone();
    let number = d.corrective_actions[numbered].number.clone().unwrap();
    let text = |d: &qms_core::Dossier| {
        paragraphs(
            &render(
                DocumentKind::Car,
                Target::CorrectiveAction(&id),
                d,
                &opts(Lang::Vi),
            )
            .unwrap(),
        )
    };
    assert!(text(&d).contains(&format!("Số: {number}/PYC-HĐKP")));
    d.settings.documents.car = Some(DocumentFacts {
        symbol: Some("PYCKP-SKHCN".into()),
        ..DocumentFacts::default()
    });
    assert!(text(&d).contains(&format!("Số: {number}/PYCKP-SKHCN")));
    // A number that already has its symbol is printed as written; none leaves a blank.
    d.corrective_actions[numbered].number = Some("07/PYC-VP".into());
    assert!(text(&d).contains(&"Số: 07/PYC-VP".to_owned()));
    d.corrective_actions[numbered].number = None;
    assert!(
        text(&d)
            .iter()
            .any(|p| p.starts_with("Số:") && p.ends_with("/PYCKP-SKHCN"))
    );
}

#[test]
fn a_commune_header_names_its_peoples_committee_without_a_managing_body() {
    let commune = example("ubnd-xa-tan-thanh-2008.json");
    assert!(
        commune.agency.parent.is_some(),
        "the example records a parent"
    );
    let text = decision(&commune, Lang::Vi);
    let text = paragraphs(&text);
    assert!(
        text.iter().any(|p| p == "ỦY BAN NHÂN DÂN\nXÃ TÂN THÀNH"),
        "{:?}",
        &text[..4]
    );
    assert!(!text.iter().any(|p| p.contains("UBND TỈNH ĐỒNG THÁP")));
    // A department keeps its managing body above its name.
    let dept = paragraphs(&decision(&example("so-khcn-ninh-binh.json"), Lang::Vi));
    assert!(dept.iter().any(|p| p == "UBND TỈNH NINH BÌNH"));
}

#[test]
fn a_signature_prints_the_office_not_the_qms_role() {
    let d = example("ubnd-xa-tan-thanh-2008.json");
    let r = &d.management_reviews[0].id;
    let text = paragraphs(
        &render(
            DocumentKind::ReviewNotice,
            Target::Review(r),
            &d,
            &opts(Lang::Vi),
        )
        .unwrap(),
    );
    let kt = text
        .iter()
        .position(|p| p == "KT. CHỦ TỊCH UBND XÃ")
        .expect("KT. line");
    // The position "Phó Chủ tịch UBND xã, Đại diện lãnh đạo về chất lượng" signs as its office.
    assert_eq!(text[kt + 1], "PHÓ CHỦ TỊCH UBND XÃ");
}

#[test]
fn minutes_decision_groups_are_captions_kept_with_their_own_tables() {
    let d = example("so-khcn-ninh-binh.json");
    let r = d
        .management_reviews
        .iter()
        .find(|r| !r.decisions.is_empty())
        .unwrap();
    let bytes = render(
        DocumentKind::Minutes,
        Target::Review(&r.id),
        &d,
        &opts(Lang::Vi),
    )
    .unwrap();
    let xml = part(&bytes, "word/document.xml");
    let caption = xml
        .find(">a) Các cơ hội cải tiến<")
        .expect("the first output group");
    let para_start = xml[..caption].rfind("<w:p>").unwrap();
    let para_end = caption + xml[caption..].find("</w:p>").unwrap() + 6;
    // A body paragraph kept with the table that follows it...
    assert!(xml[para_start..para_end].contains("<w:keepNext/>"));
    let rest = &xml[para_end..];
    assert!(rest.starts_with("<w:tbl>"), "{}", &rest[..80]);
    // ...whose first row is a repeated heading row.
    let first_row = &rest[rest.find("<w:tr>").unwrap()..rest.find("</w:tr>").unwrap()];
    assert!(first_row.contains("<w:tblHeader/>") && first_row.contains("Nội dung"));
    // No group label inside a table any more.
    assert!(!xml.contains("<w:gridSpan w:val=\"4\"/></w:tcPr><w:p><w:pPr><w:pStyle w:val=\"Cell\"/></w:pPr><w:r><w:rPr><w:b/>"));
}
