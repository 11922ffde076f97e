//! Document tests: unzip the package and check the XML, the layout of Decree 30/2020, the
//! contents each document must carry, determinism, and the typed errors.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_docx::{DocumentKind, DocxError, Layout, RenderOptions, Target, render, render_all};
use std::io::Read;
use support::{fixture, opts, paragraphs, part};

fn doc(kind: DocumentKind, target: Target<'_>) -> Vec<u8> {
    render(kind, target, &fixture(), &opts()).unwrap()
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
}

#[test]
fn every_document_is_a_deflated_reproducible_package_with_the_decree_layout() {
    let d = fixture();
    let files = render_all(&d, &opts()).unwrap();
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(
        names,
        [
            "chuong-trinh-dgnb-2026.docx",
            "ke-hoach-dgnb-2026-1.docx",
            "bao-cao-dgnb-2026-1.docx",
            "phieu-hdkp-dgnb-2026-1.docx",
            "phieu-hdkp-ca-complaint-1.docx",
            "thong-bao-hop-xxld-2026.docx",
            "bao-cao-xxld-2026.docx",
            "bien-ban-hop-xxld-2026.docx",
        ]
    );
    // Byte-identical for identical input.
    assert_eq!(files, render_all(&d, &opts()).unwrap());
    for (name, bytes) in &files {
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
        let parts: Vec<String> = zip.file_names().map(|n| n.unwrap().into_owned()).collect();
        assert_eq!(parts.len(), 10, "{name}: {parts:?}");
        for i in 0..zip.len() {
            let f = zip.by_index(i).unwrap();
            assert_eq!(
                f.compression(),
                zip::CompressionMethod::Deflated,
                "{name}: {:?}",
                f.name()
            );
            assert_eq!(
                f.last_modified(),
                Some(zip::DateTime::default()),
                "{name}: {:?}",
                f.name()
            );
        }
        let xml = part(bytes, "word/document.xml");
        // A4 portrait, 20/20/30/15 mm, page numbers from page 2 (titlePg + empty first header).
        assert!(
            xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\"/>"),
            "{name}"
        );
        assert!(
            xml.contains("w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\""),
            "{name}"
        );
        assert!(xml.contains("<w:titlePg/>"), "{name}");
        assert!(part(bytes, "word/header1.xml").contains(" PAGE "), "{name}");
        assert!(!part(bytes, "word/header2.xml").contains("PAGE"), "{name}");
        let styles = part(bytes, "word/styles.xml");
        assert!(styles.contains("w:ascii=\"Times New Roman\""), "{name}");
        assert!(styles.contains("<w:lang w:val=\"vi-VN\""), "{name}");
        assert!(
            styles.contains("<w:sz w:val=\"28\"/>"),
            "{name}: 14 pt body"
        );
        // Body paragraphs: first-line indent and at least 6 pt after.
        assert!(styles.contains("<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/>"));
        let text = paragraphs(bytes);
        for line in [
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "Độc lập - Tự do - Hạnh phúc",
        ] {
            assert!(text.iter().any(|p| p == line), "{name}: {line}");
        }
        assert!(text.iter().any(|p| p.contains("SỞ KHOA HỌC")), "{name}");
        // Vietnamese text stays precomposed (NFC), as TCVN 6909:2001 fonts expect.
        assert!(
            text.iter().all(|p| unicode_normalization::is_nfc(p)),
            "{name}"
        );
        assert!(
            text.iter().any(|p| p == "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH"),
            "{name}"
        );
        // Every table row stays on one page; header rows repeat.
        assert_eq!(
            count(&xml, "<w:tr>"),
            count(&xml, "<w:cantSplit/>"),
            "{name}"
        );
    }
}

#[test]
fn dates_come_from_the_dossier_not_from_today() {
    let d = fixture();
    let a = render(DocumentKind::Plan, Target::Audit("dg2026-1"), &d, &opts()).unwrap();
    let later = RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2030, 1, 1).unwrap());
    let b = render(DocumentKind::Plan, Target::Audit("dg2026-1"), &d, &later).unwrap();
    assert_eq!(a, b);
    assert!(part(&a, "docProps/core.xml").contains("2026-02-05T00:00:00Z"));
}

#[test]
fn plan_has_the_19011_contents_and_the_schedule_table() {
    let bytes = doc(DocumentKind::Plan, Target::Audit("dg2026-1"));
    let text = paragraphs(&bytes);
    let has = |s: &str| text.iter().any(|p| p == s);
    assert!(has("Số: 05/KH-SKHCN"));
    // Day and months 1–2 zero-padded (Decree 30/2020).
    assert!(has("Ninh Bình, ngày 05 tháng 02 năm 2026"));
    assert!(has("KẾ HOẠCH"));
    for h in [
        "I. MỤC TIÊU ĐÁNH GIÁ",
        "II. PHẠM VI ĐÁNH GIÁ",
        "III. CHUẨN MỰC ĐÁNH GIÁ",
        "IV. THỜI GIAN, ĐỊA ĐIỂM",
        "V. PHƯƠNG PHÁP ĐÁNH GIÁ",
        "VI. ĐOÀN ĐÁNH GIÁ",
        "VII. LỊCH ĐÁNH GIÁ",
        "VIII. TỔ CHỨC THỰC HIỆN",
    ] {
        assert!(has(h), "{h}");
    }
    for h in [
        "Thời gian",
        "Đơn vị được đánh giá",
        "Quá trình/quy trình – điều khoản",
        "Chuyên gia đánh giá",
        "Đại diện bên được đánh giá",
    ] {
        assert!(has(h), "{h}");
    }
    assert!(has(
        "- Họp khai mạc: 08 giờ 00, ngày 05 tháng 3 năm 2026, tại Phòng họp tầng 2"
    ));
    assert!(has("Họp kết thúc\n(Phòng họp tầng 2)"));
    assert!(has("05/03/2026\n08:30–11:30"));
    assert!(has("QT-01, QT-05\nĐiều khoản: 7.5; 9.2"));
    assert!(has("Trưởng đoàn"));
    assert!(has("- Văn phòng Sở: 3 giờ 00 phút"));
    assert!(has("- Phòng Quản lý chuyên ngành: 2 giờ 30 phút"));
    // Signature: the head signs; recipients end with the archive line.
    assert!(has("GIÁM ĐỐC SỞ") && has("Nguyễn Văn Thành"));
    assert!(has("Nơi nhận:") && has("- Lưu: VT, ISO."));
    let xml = part(&bytes, "word/document.xml");
    assert_eq!(
        count(&xml, "<w:tblHeader/>"),
        2,
        "team and schedule tables repeat their header"
    );
}

#[test]
fn report_lists_every_finding_once_grouped_by_unit_and_clause() {
    let d = fixture();
    let bytes = doc(DocumentKind::Report, Target::Audit("dg2026-1"));
    let text = paragraphs(&bytes);
    let has = |s: &str| text.iter().any(|p| p == s);
    for h in [
        "I. MỤC TIÊU ĐÁNH GIÁ",
        "II. PHẠM VI ĐÁNH GIÁ",
        "III. KHÁCH HÀNG ĐÁNH GIÁ",
        "IV. ĐOÀN ĐÁNH GIÁ VÀ THÀNH PHẦN BÊN ĐƯỢC ĐÁNH GIÁ",
        "V. THỜI GIAN VÀ ĐỊA ĐIỂM",
        "VI. CHUẨN MỰC ĐÁNH GIÁ",
        "VII. PHÁT HIỆN ĐÁNH GIÁ VÀ BẰNG CHỨNG",
        "1. Tổng hợp phát hiện theo đơn vị",
        "2. Chi tiết phát hiện theo đơn vị và điều khoản",
        "3. Thực hành tốt",
        "VIII. KẾT LUẬN ĐÁNH GIÁ",
        "2. Mức độ đáp ứng chuẩn mực đánh giá",
        "3. Ý kiến bất đồng chưa được giải quyết",
        "4. Giới hạn của việc lấy mẫu",
        "IX. KẾ HOẠCH THEO DÕI",
        "TRƯỞNG ĐOÀN ĐÁNH GIÁ",
        "Phạm Minh Tuấn",
        "2.1. Văn phòng Sở",
        "2.2. Phòng Quản lý chuyên ngành",
    ] {
        assert!(has(h), "{h}");
    }
    for (_, f) in d.findings() {
        let n = text.iter().filter(|p| p.contains(&f.statement)).count();
        assert_eq!(n, 1, "finding {} appears {n} times", f.id);
    }
    // Text with markup characters survives escaping.
    assert!(has(
        "Chưa kiểm soát đầy đủ quá trình giải quyết hồ sơ <TTHC> & lưu phiếu"
    ));
    // Totals: 1 major, 1 minor, 1 observation, 1 OFI, 1 good practice = 5.
    let totals = text.iter().position(|p| p == "Tổng cộng").unwrap();
    assert_eq!(
        &text[totals + 1..totals + 7],
        ["1", "1", "1", "1", "1", "5"]
    );
    assert!(has(
        "Có 2 sự không phù hợp cần hành động khắc phục; đã lập 1 phiếu yêu cầu hành động khắc phục."
    ));
    // Auditee representatives: a position naming the unit is not followed by the unit again.
    assert!(has("- Lê Thị Hoa – Chánh Văn phòng (Văn phòng Sở)"));
    assert!(has(
        "- Phạm Minh Tuấn – Trưởng phòng (Phòng Quản lý chuyên ngành)"
    ));

    // A distribution list that names the archive gets no second "Lưu" line.
    let mut d = fixture();
    d.audits[0].report.as_mut().unwrap().distribution =
        vec!["- Giám đốc Sở;".into(), "Lưu: VT, HTQLCL".into()];
    let text =
        paragraphs(&render(DocumentKind::Report, Target::Audit("dg2026-1"), &d, &opts()).unwrap());
    assert!(text.iter().any(|p| p == "- Giám đốc Sở;"));
    assert!(text.iter().any(|p| p == "- Lưu: VT, HTQLCL."));
    assert_eq!(text.iter().filter(|p| p.starts_with("- Lưu")).count(), 1);
}

#[test]
fn corrective_action_requests_have_four_parts_and_page_breaks() {
    let all = doc(DocumentKind::Car, Target::Audit("dg2026-1"));
    let text = paragraphs(&all);
    let titles = text
        .iter()
        .filter(|p| *p == "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC")
        .count();
    assert_eq!(titles, 2, "f1 (recorded request) and f3 (blank form)");
    assert_eq!(
        count(&part(&all, "word/document.xml"), "<w:pageBreakBefore/>"),
        1
    );
    for h in [
        "1. MÔ TẢ SỰ KHÔNG PHÙ HỢP VÀ NGUỒN GỐC",
        "2. PHÂN TÍCH NGUYÊN NHÂN, KHẮC PHỤC VÀ HÀNH ĐỘNG KHẮC PHỤC",
        "3. PHÊ DUYỆT",
        "4. KIỂM TRA XÁC NHẬN HIỆU LỰC VÀ ĐÓNG PHIẾU",
    ] {
        assert_eq!(text.iter().filter(|p| *p == h).count(), 2, "{h}");
    }
    assert!(text.iter().any(|p| p == "Số: 01/2026"));
    assert!(
        text.iter()
            .any(|p| p.starts_with("Kết quả: Có hiệu lực – đóng phiếu."))
    );
    assert!(
        text.iter()
            .any(|p| p == "Phân công công chức rà soát danh mục tài liệu bên ngoài hằng tháng")
    );
    // The blank form leaves dotted lines to fill by hand.
    assert!(text.iter().any(|p| p.starts_with("2.2. Nguyên nhân: ……")));

    let one = doc(
        DocumentKind::Car,
        Target::CorrectiveAction("ca-complaint-1"),
    );
    let text = paragraphs(&one);
    assert_eq!(
        text.iter()
            .filter(|p| *p == "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC")
            .count(),
        1
    );
    assert!(
        text.iter()
            .any(|p| p == "Nguồn phát hiện: Phản ánh, kiến nghị của tổ chức, cá nhân")
    );
    assert!(
        text.iter()
            .any(|p| p.contains("(Gia hạn 15/05/2026 → 30/05/2026: Chờ nhà cung cấp phần mềm)"))
    );
}

#[test]
fn review_notice_report_and_minutes() {
    let notice = paragraphs(&doc(DocumentKind::ReviewNotice, Target::Review("xx2026")));
    let has = |t: &[String], s: &str| t.iter().any(|p| p == s);
    assert!(has(&notice, "THÔNG BÁO"));
    assert!(has(&notice, "Số: 45/TB-SKHCN"));
    assert!(has(&notice, "Ninh Bình, ngày 20 tháng 6 năm 2026"));
    assert!(has(
        &notice,
        "Từ 08 giờ 00 đến 11 giờ 00, ngày 29 tháng 6 năm 2026"
    ));
    assert!(has(&notice, "KT. GIÁM ĐỐC SỞ") && has(&notice, "PHÓ GIÁM ĐỐC SỞ"));
    for key in [
        "a)", "b)", "c)", "c1)", "c2)", "c3)", "c4)", "c5)", "c6)", "c7)", "d)", "e)", "f)",
    ] {
        assert!(
            notice.iter().any(|p| p.trim_start().starts_with(key)),
            "agenda {key}"
        );
    }

    let report = paragraphs(&doc(DocumentKind::ReviewReport, Target::Review("xx2026")));
    assert!(has(&report, "c2) mức độ đạt được mục tiêu chất lượng"));
    assert!(
        has(&report, "98,5% (31/03/2026)\n100% (30/06/2026)"),
        "objective measurements, decimal comma"
    );
    assert!(has(
        &report,
        "Trong kỳ có 2 sự không phù hợp từ đánh giá nội bộ; 2 phiếu yêu cầu hành động khắc phục được lập, 1 phiếu đã kết thúc."
    ));
    assert!(
        has(&report, "Đánh giá nội bộ đợt 1 năm 2026"),
        "audit results (c6)"
    );
    assert!(has(&report, "(Chưa có thông tin)"), "gaps are visible");

    let minutes = paragraphs(&doc(DocumentKind::Minutes, Target::Review("xx2026")));
    for s in [
        "BIÊN BẢN",
        "Số: 02/BB-SKHCN",
        "I. THÀNH PHẦN",
        "II. NỘI DUNG",
        "III. KẾT LUẬN",
        "Nội dung",
        "Người/đơn vị thực hiện",
        "Thời hạn",
        "Rà soát, cập nhật phạm vi HTQLCL và công bố lại",
        "30/09/2026",
        "Cuộc họp kết thúc vào lúc 11 giờ 00 cùng ngày.",
        "THƯ KÝ",
        "CHỦ TRÌ",
        "Lê Thị Hoa",
        "Nguyễn Văn Thành",
        "Nơi nhận:",
        "Trong kỳ thực hiện 1 cuộc đánh giá nội bộ, phát hiện 2 sự không phù hợp, 1 điểm lưu ý và 1 cơ hội cải tiến.",
    ] {
        assert!(has(&minutes, s), "{s}");
    }
    let secretary = minutes.iter().position(|p| p == "THƯ KÝ").unwrap();
    let chair = minutes.iter().position(|p| p == "CHỦ TRÌ").unwrap();
    assert!(
        secretary < chair,
        "THƯ KÝ on the left, CHỦ TRÌ on the right"
    );
}

#[test]
fn english_documents() {
    let mut o = opts();
    o.lang = qms_core::Lang::En;
    for (name, bytes) in render_all(&fixture(), &o).unwrap() {
        let text = paragraphs(&bytes);
        assert!(
            text.iter().any(|p| p == "SOCIALIST REPUBLIC OF VIET NAM"),
            "{name}"
        );
        assert!(!text.iter().any(|p| p.contains("Nơi nhận")), "{name}");
        assert!(
            part(&bytes, "word/styles.xml").contains("<w:lang w:val=\"en-US\""),
            "{name}"
        );
    }
    let plan = paragraphs(
        &render(
            DocumentKind::Plan,
            Target::Audit("dg2026-1"),
            &fixture(),
            &o,
        )
        .unwrap(),
    );
    assert!(plan.iter().any(|p| p == "Ninh Bình, 5 February 2026"));
    let minutes = paragraphs(
        &render(
            DocumentKind::Minutes,
            Target::Review("xx2026"),
            &fixture(),
            &o,
        )
        .unwrap(),
    );
    assert!(
        minutes
            .iter()
            .any(|p| p.starts_with("At 08:00 on 29 June 2026, at Phòng họp tầng 2"))
    );
}

#[test]
fn layout_is_configurable_within_the_decree() {
    let mut o = opts();
    o.layout = Layout {
        margin_top_mm: 25,
        margin_bottom_mm: 25,
        margin_left_mm: 35,
        margin_right_mm: 20,
        font_size_pt: 13,
    };
    let bytes = render(
        DocumentKind::Plan,
        Target::Audit("dg2026-1"),
        &fixture(),
        &o,
    )
    .unwrap();
    let xml = part(&bytes, "word/document.xml");
    assert!(xml.contains("w:top=\"1417\" w:right=\"1134\" w:bottom=\"1417\" w:left=\"1984\""));
    assert!(part(&bytes, "word/styles.xml").contains("<w:sz w:val=\"26\"/>"));
    o.layout.margin_right_mm = 10;
    let err = render(
        DocumentKind::Plan,
        Target::Audit("dg2026-1"),
        &fixture(),
        &o,
    )
    .unwrap_err();
    assert!(matches!(
        err,
        DocxError::Layout {
            field: "margin_right_mm",
            value: 10,
            min: 15,
            max: 20
        }
    ));
}

#[test]
fn errors_are_typed_with_stable_codes() {
    let d = fixture();
    let o = opts();
    let e = render(DocumentKind::Report, Target::Audit("nope"), &d, &o).unwrap_err();
    assert!(
        matches!(&e, DocxError::UnknownTarget { kind: DocumentKind::Report, id } if id == "nope")
    );
    assert_eq!(e.code(), "docx-unknown-target");
    let e = render(DocumentKind::Minutes, Target::Audit("dg2026-1"), &d, &o).unwrap_err();
    assert_eq!(e.code(), "docx-wrong-target");
    let e = render(DocumentKind::Plan, Target::CorrectiveAction("ca1"), &d, &o).unwrap_err();
    assert!(matches!(
        e,
        DocxError::WrongTarget {
            kind: DocumentKind::Plan,
            target: "corrective action"
        }
    ));
    // The programme through its audit.
    let via_audit = render(DocumentKind::Programme, Target::Audit("dg2026-1"), &d, &o).unwrap();
    assert_eq!(
        via_audit,
        render(DocumentKind::Programme, Target::Programme("ct2026"), &d, &o).unwrap()
    );

    let mut calm = d.clone();
    calm.audits[0]
        .findings
        .retain(|f| !f.kind.is_nonconformity());
    calm.corrective_actions.clear();
    let e = render(DocumentKind::Car, Target::Audit("dg2026-1"), &calm, &o).unwrap_err();
    assert_eq!(e.code(), "docx-no-nonconformity");
    assert!(
        !render_all(&calm, &o)
            .unwrap()
            .iter()
            .any(|(n, _)| n.starts_with("phieu-hdkp-dgnb"))
    );
}

#[test]
fn large_report_streams_every_finding() {
    let spec = qms_core::sample::SampleSpec {
        checklist_items: 100,
        findings: 1_000,
        seed: 42,
        agency: 0,
    };
    let d = qms_core::sample::sample_dossier(&spec);
    let bytes = render(DocumentKind::Report, Target::Audit("a0000"), &d, &opts()).unwrap();
    let xml = part(&bytes, "word/document.xml");
    let listed = d
        .findings()
        .filter(|(_, f)| f.kind != qms_core::model::FindingKind::GoodPractice)
        .count();
    // One row per listed finding, numbered 1..listed, plus one header row per unit table and the
    // rows of the team and summary tables.
    let unit_tables = d.units.len();
    let rows = count(&xml, "<w:tr>");
    assert!(
        rows >= listed + unit_tables,
        "{rows} rows for {listed} findings"
    );
    let text = paragraphs(&bytes);
    assert!(
        text.iter().any(|p| p == &listed.to_string()),
        "numbered 1..{listed}"
    );
    assert!(
        !text.iter().any(|p| p == &(listed + 1).to_string()),
        "no number past {listed}"
    );
    assert!(bytes.len() < 60_000, "deflated: {} bytes", bytes.len());
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.as_slice())).unwrap();
    let mut s = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    assert!(s.ends_with("</w:body></w:document>"));
}

#[test]
fn plan_does_not_repeat_what_the_dossier_already_says() {
    let mut d = fixture();
    // The schedule lists the opening meeting itself: no second, synthetic row.
    let mut opening = d.audits[0].plan.schedule[2].clone();
    opening.date = chrono::NaiveDate::from_ymd_opt(2026, 3, 5).unwrap();
    opening.start = "08:00".parse().unwrap();
    opening.end = "08:30".parse().unwrap();
    opening.activity = Some("Họp khai mạc".into());
    d.audits[0].plan.schedule.insert(0, opening);
    // A position that already names the unit is not followed by the unit again.
    d.people
        .iter_mut()
        .find(|p| p.id == "tuan")
        .unwrap()
        .position = Some("Trưởng phòng Quản lý chuyên ngành".into());
    let text =
        paragraphs(&render(DocumentKind::Plan, Target::Audit("dg2026-1"), &d, &opts()).unwrap());
    assert_eq!(
        text.iter()
            .filter(|p| p.starts_with("Họp khai mạc"))
            .count(),
        1
    );
    assert!(text.iter().any(|p| p == "Họp kết thúc\n(Phòng họp tầng 2)"));
    assert!(
        text.iter()
            .any(|p| p == "Trưởng phòng Quản lý chuyên ngành")
    );
    // A row for the whole team says so instead of listing every name.
    assert!(text.iter().filter(|p| *p == "Đoàn đánh giá").count() >= 2);
}

#[test]
fn a_bare_dossier_still_gives_every_document_with_blanks_to_fill() {
    let text = include_str!("fixtures/minimal.json");
    let d = qms_core::load(text.as_bytes()).unwrap();
    let files = render_all(&d, &opts()).unwrap();
    assert_eq!(
        files.len(),
        7,
        "{:?}",
        files.iter().map(|f| &f.0).collect::<Vec<_>>()
    );
    for (name, bytes) in &files {
        let text = paragraphs(bytes);
        // No number yet: the văn thư writes it in by hand; no place: the date line starts
        // with a capital.
        assert!(text.iter().any(|p| p.starts_with("Số:")), "{name}");
        assert!(!text.iter().any(|p| p.starts_with(", ")), "{name}");
    }
    let plan = paragraphs(&files[1].1);
    assert!(plan.iter().any(|p| p == "Số:        /KH"));
    assert!(
        plan.iter()
            .any(|p| p == "- Thời gian: ngày 09 tháng 9 năm 2025"),
        "one-day audit"
    );
    assert!(
        plan.iter().any(|p| p == "Ngày 01 tháng 7 năm 2026"),
        "today is the fallback date"
    );
    let minutes = paragraphs(&files[6].1);
    assert!(
        minutes
            .iter()
            .any(|p| p == "Cuộc họp kết thúc vào lúc …… giờ …… cùng ngày.")
    );
    // 2008 edition: review inputs a–g of 5.6.2.
    assert!(
        minutes
            .iter()
            .any(|p| p == "g) Các khuyến nghị về cải tiến")
    );
}
