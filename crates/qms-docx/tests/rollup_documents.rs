//! The provincial roll-up report and the inspection minutes read as official records: the
//! province of the agencies, no dossier id, command or file name, English that agrees.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod support;

use qms_core::Lang;
use qms_core::rollup::{Province, RollupOptions, summarize};
use qms_core::rules::{CheckOptions, check};
use support::paragraphs;

fn example(name: &str) -> qms_core::Dossier {
    let path = format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    qms_core::load(&std::fs::read(path).unwrap()).unwrap()
}

const COMMUNES: [&str; 2] = [
    "ubnd-phuong-my-tho-2015.json",
    "ubnd-xa-tan-thanh-2008.json",
];

fn opts() -> RollupOptions {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 12, 1).unwrap();
    RollupOptions { year: 2025, today }
}

#[test]
fn the_report_and_minutes_name_the_province_and_never_an_id() {
    let o = opts();
    let mut p = Province::new(o);
    for lang in [Lang::Vi, Lang::En] {
        let render = qms_docx::RenderOptions {
            lang,
            ..qms_docx::RenderOptions::new(o.today)
        };
        for name in COMMUNES {
            let d = example(name);
            let diags = check(&d, &CheckOptions { today: o.as_of() });
            let row = summarize(name, &d, &diags, &o);
            let issuer = qms_docx::RollupIssuer::new(row.province.as_deref().unwrap());
            let bytes =
                qms_docx::render_inspection_minutes(&d, &row, &diags, &issuer, &render).unwrap();
            let text = paragraphs(&bytes).join("\n");
            // The agency's opinion: its three dotted lines stay with their heading on one
            // page (one had run alone onto the next).
            let xml = support::part(&bytes, "word/document.xml");
            let heading = lang.pick("V. Ý KIẾN CỦA CƠ QUAN", "V. THE AGENCY'S OPINION");
            let after = &xml[xml.find(heading).expect("section V")..];
            let paras: Vec<&str> = after.split("<w:p>").skip(1).take(3).collect();
            assert!(paras.iter().all(|p| p.contains('…')), "{paras:?}");
            assert!(
                paras[..2].iter().all(|p| p.contains("<w:keepNext/>")),
                "{paras:?}"
            );
            let header = lang.pick("TỈNH ĐỒNG THÁP", "ĐỒNG THÁP PROVINCIAL");
            assert!(text.contains(header), "{text}");
            for bad in [
                "MỸ THO\n",
                "TỈNH TÂN THÀNH",
                "qms convert",
                "p-lam-quoc-bao",
                "ck-tpht",
                "kh25-vp",
                "car-02",
                "qt-19",
                "(units)",
                "(qualifications)",
                "người thực hiện: .",
                "owner: .",
                "QMS-A000",
                "1 nonconformities",
                "3 nonconformity,",
            ] {
                assert!(!text.contains(bad), "{name} {lang:?}: {bad} in\n{text}");
            }
            if lang == Lang::Vi {
                p.add(row);
            }
        }
        let mut issuer = qms_docx::RollupIssuer::new(p.place().unwrap());
        issuer.signer = None;
        let bytes = qms_docx::render_rollup_report(&p, &issuer, &render).unwrap();
        let text = paragraphs(&bytes).join("\n");
        match lang {
            Lang::Vi => assert!(
                text.contains("Kính gửi: Ủy ban nhân dân tỉnh Đồng Tháp"),
                "{text}"
            ),
            Lang::En => {
                assert!(text.contains("DIRECTOR"), "{text}");
                assert!(!text.contains("GIÁM ĐỐC"), "{text}");
                assert!(text.contains("1 commune;"), "{text}");
                assert!(!text.contains("1 communes"), "{text}");
                // The dossiers' English names, not their Vietnamese ones.
                assert!(text.contains("My Tho Ward"), "{text}");
                assert!(!text.contains("phường Mỹ Tho"), "{text}");
            }
        }
        // Judged at the end of 2025: both held their audit and review within 12 months, and
        // nothing proposed is already past on 01/12/2026.
        assert!(text.contains("2/2"), "{text}");
        for past in [
            "quý I năm 2026",
            "trong năm 2026.",
            "quarter of 2026",
            "in 2026.",
        ] {
            assert!(!text.contains(past), "{past} in {text}");
        }
        assert!(!text.contains(".json"), "{text}");
    }
}

/// The minutes state the last audit and review as the dossier dates them: a dated audit older
/// than 12 months is "đã quá 12 tháng", never "or never held" (which the agency would contest
/// at the signing), and an agency with none on record reads "chưa thực hiện", not "lần gần
/// nhất chưa có".
#[test]
fn the_minutes_tell_an_old_audit_from_none_at_all() {
    let o = opts();
    let name = COMMUNES[0];
    let d = example(name);
    let diags = check(&d, &CheckOptions { today: o.as_of() });
    let mut row = summarize(name, &d, &diags, &o);
    let issuer = qms_docx::RollupIssuer::new(row.province.as_deref().unwrap());
    let old = chrono::NaiveDate::from_ymd_opt(2024, 11, 4).unwrap();
    row.last_audit = Some(old);
    row.audit_within_12_months = false;
    row.last_review = None;
    row.review_within_12_months = false;
    // None in the year either: said in words, not "0 cuộc" (a blank left unfilled).
    row.audits_in_year = 0;
    row.awareness_trained = 0;
    row.actions_overdue = 0;
    for (lang, audit, review, bad) in [
        (
            Lang::Vi,
            "Đánh giá nội bộ: lần gần nhất 04/11/2024 (đã quá 12 tháng); chưa có cuộc nào trong năm;",
            "Xem xét của lãnh đạo: chưa thực hiện.",
            [
                "hoặc chưa thực hiện",
                "lần gần nhất chưa có",
                "0 cuộc",
                "0 người",
                "0 quá hạn",
            ],
        ),
        (
            Lang::En,
            "Internal audit: last 4 November 2024 (over 12 months ago); none this year;",
            "Management review: none on record.",
            [
                "or never",
                "last none",
                "0 this year",
                "0 trained",
                "0 overdue",
            ],
        ),
    ] {
        let render = qms_docx::RenderOptions {
            lang,
            ..qms_docx::RenderOptions::new(o.today)
        };
        let bytes =
            qms_docx::render_inspection_minutes(&d, &row, &diags, &issuer, &render).unwrap();
        let text = paragraphs(&bytes).join("\n");
        assert!(text.contains(audit), "{lang:?}: {audit} in\n{text}");
        assert!(text.contains(review), "{lang:?}: {review} in\n{text}");
        for none in [
            lang.pick(
                "chưa có người nào được đào tạo nhận thức trong năm",
                "no one trained in awareness this year",
            ),
            lang.pick(
                "chưa đóng, không có hành động quá hạn;",
                "open, none overdue;",
            ),
        ] {
            assert!(text.contains(none), "{lang:?}: {none} in\n{text}");
        }
        for b in bad {
            assert!(!text.contains(b), "{lang:?}: {b} in\n{text}");
        }
    }
}

/// Section I says why dossiers were left out with the reasons that apply, not every reason
/// there could be ("hồ sơ lỗi, trùng cơ quan, …" when none was unreadable or duplicated).
#[test]
fn the_report_gives_only_the_reasons_dossiers_were_left_out_for() {
    let o = opts();
    let mut p = Province::new(o);
    for name in COMMUNES.iter().chain(&["so-khcn-ninh-binh.json"]) {
        let d = example(name);
        let diags = check(&d, &CheckOptions { today: o.as_of() });
        p.add(summarize(name, &d, &diags, &o));
    }
    // The department of Ninh Bình is of another province than the communes.
    p.keep_province(Some("Đồng Tháp"));
    let overview = |p: &Province, lang: Lang| {
        let render = qms_docx::RenderOptions {
            lang,
            ..qms_docx::RenderOptions::new(o.today)
        };
        let mut issuer = qms_docx::RollupIssuer::new("Đồng Tháp");
        issuer.signer = None;
        let bytes = qms_docx::render_rollup_report(p, &issuer, &render).unwrap();
        paragraphs(&bytes)
            .into_iter()
            .find(|t| t.contains(" đã nhận ") || t.contains(" received "))
            .unwrap()
    };
    let vi = overview(&p, Lang::Vi);
    assert!(
        vi.contains(" 1 hồ sơ của cơ quan ngoài tỉnh không được đưa vào tổng hợp, nêu tại Mục IV."),
        "{vi}"
    );
    assert!(!vi.contains("lỗi") && !vi.contains("trùng"), "{vi}");
    let en = overview(&p, Lang::En);
    assert!(
        en.contains(" 1 dossier of another province is left out; see section IV."),
        "{en}"
    );
    assert!(
        !en.contains("unreadable") && !en.contains("duplicate"),
        "{en}"
    );
    p.reject("hong.json", "not JSON".into());
    let vi = overview(&p, Lang::Vi);
    assert!(
        vi.contains(" 2 hồ sơ không được đưa vào tổng hợp (1 hồ sơ bị lỗi, không đọc được; 1 hồ sơ của cơ quan ngoài tỉnh), nêu tại Mục IV."),
        "{vi}"
    );
    let en = overview(&p, Lang::En);
    assert!(
        en.contains(" 2 dossiers are left out (1 that cannot be read; 1 of another province); see section IV."),
        "{en}"
    );
}

/// No agency left on the 2008 edition reads "không còn cơ quan nào", not "0 cơ quan còn áp
/// dụng" (a blank the writer forgot to fill, to an official's eye); no one trained in
/// awareness likewise.
#[test]
fn the_report_says_none_is_left_on_the_old_edition() {
    let o = opts();
    let mut p = Province::new(o);
    let name = COMMUNES[0];
    let d = example(name);
    assert_eq!(d.scope.edition, qms_core::Edition::Iso9001_2015);
    let diags = check(&d, &CheckOptions { today: o.as_of() });
    p.add(summarize(name, &d, &diags, &o));
    assert_eq!(p.tally(|_| true).awareness_trained, 0);
    for (lang, nones, bads) in [
        (
            Lang::Vi,
            [
                "không còn cơ quan nào áp dụng TCVN\u{a0}ISO\u{a0}9001:2008.",
                "chưa có lượt công chức nào được đào tạo nhận thức",
            ],
            ["0 cơ quan", "0 lượt"],
        ),
        (
            Lang::En,
            [
                "none still applies TCVN\u{a0}ISO\u{a0}9001:2008.",
                "no one trained in awareness",
            ],
            ["0 still apply", "0 people"],
        ),
    ] {
        let render = qms_docx::RenderOptions {
            lang,
            ..qms_docx::RenderOptions::new(o.today)
        };
        let issuer = qms_docx::RollupIssuer::new("Đồng Tháp");
        let bytes = qms_docx::render_rollup_report(&p, &issuer, &render).unwrap();
        // The writer keeps "TCVN ISO 9001" on one line with no-break spaces.
        let text = paragraphs(&bytes).join("\n");
        for none in nones {
            assert!(text.contains(none), "{lang:?}: {none} in {text}");
        }
        for bad in bads {
            assert!(!text.contains(bad), "{lang:?}: {bad} in {text}");
        }
    }
}
