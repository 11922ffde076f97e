//! Document tests: the contents each document must carry, read from the unzipped XML.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_docx::{DocumentKind, Target, render, render_all};
use support::{fixture, opts, paragraphs, part};

fn doc(kind: DocumentKind, target: Target<'_>) -> Vec<u8> {
    render(kind, target, &fixture(), &opts()).unwrap()
}

fn count(hay: &str, needle: &str) -> usize {
    hay.matches(needle).count()
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
    // Each request is its own section (a new page, page numbers from 1).
    assert_eq!(count(&part(&all, "word/document.xml"), "<w:sectPr>"), 2);
    for h in [
        "1. MÔ TẢ SỰ KHÔNG PHÙ HỢP VÀ NGUỒN GỐC",
        "2. PHÂN TÍCH NGUYÊN NHÂN, KHẮC PHỤC VÀ HÀNH ĐỘNG KHẮC PHỤC",
        "3. PHÊ DUYỆT",
        "4. KIỂM TRA XÁC NHẬN HIỆU LỰC VÀ ĐÓNG PHIẾU",
    ] {
        // The approval's caption is followed by the approver's opinion on its line.
        assert_eq!(text.iter().filter(|p| p.starts_with(h)).count(), 2, "{h}");
    }
    assert!(text.iter().any(|p| p == "Số: 01/2026/PYC-HĐKP"));
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
        has(&report, "98,5 % (31/03/2026)\n100 % (30/06/2026)"),
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
            part(&bytes, "word/styles.xml").contains("<w:lang w:val=\"en-GB\""),
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
fn minutes_without_a_start_time_do_not_say_at_an_hour() {
    let mut d = fixture();
    let review = d
        .management_reviews
        .iter_mut()
        .find(|r| r.id == "xx2026")
        .unwrap();
    review.meeting.start = None;
    let opening = |lang: qms_core::Lang| {
        let mut o = opts();
        o.lang = lang;
        let bytes = render(DocumentKind::Minutes, Target::Review("xx2026"), &d, &o).unwrap();
        paragraphs(&bytes)
            .into_iter()
            .find(|p| p.starts_with("Hôm nay,") || p.starts_with("On "))
            .unwrap()
    };
    let vi = opening(qms_core::Lang::Vi);
    assert!(
        vi.starts_with("Hôm nay, ngày 29 tháng 6 năm 2026, tại "),
        "{vi}"
    );
    assert!(!vi.contains("vào lúc"), "{vi}");
    let en = opening(qms_core::Lang::En);
    assert!(en.starts_with("On 29 June 2026, at "), "{en}");
    // With a start time, the hour is there.
    let with = paragraphs(&doc(DocumentKind::Minutes, Target::Review("xx2026")));
    assert!(
        with.iter()
            .any(|p| p.starts_with("Hôm nay, vào lúc 08 giờ 00, ngày 29 tháng 6 năm 2026")),
        "{with:?}"
    );
}

fn example(name: &str) -> qms_core::Dossier {
    let path = format!("{}/../../examples/{name}.json", env!("CARGO_MANIFEST_DIR"));
    qms_core::load(&std::fs::read(path).unwrap()).unwrap()
}

#[test]
fn a_2008_request_has_no_risks_line_and_a_2015_one_has() {
    let line = "Cập nhật rủi ro và cơ hội";
    for (name, expected) in [
        ("ubnd-xa-tan-thanh-2008", 0),
        ("ubnd-phuong-my-tho-2015", 1),
    ] {
        let d = example(name);
        let car = render(
            DocumentKind::Car,
            Target::CorrectiveAction("car-01"),
            &d,
            &opts(),
        )
        .unwrap();
        assert_eq!(
            count(&part(&car, "word/document.xml"), line),
            expected,
            "{name}"
        );
    }
}

#[test]
fn a_label_over_a_list_is_one_block_with_its_first_item() {
    // "4. Khách mời:" was left alone at a page foot, its guest on the next page: it is now
    // written in one unsplittable row with the first guest, as headings are.
    let d = example("so-khcn-ninh-binh");
    let minutes = render(
        DocumentKind::Minutes,
        Target::Review("xxld-2025"),
        &d,
        &opts(),
    )
    .unwrap();
    let xml = part(&minutes, "word/document.xml");
    let label = xml.find(">4. Khách mời:<").expect("the guests' label");
    let row = xml[..label].rfind("<w:tr>").expect("inside a table row");
    assert!(
        !xml[row..label].contains("</w:tr>"),
        "the label is inside the row"
    );
    assert!(xml[row..label].contains("<w:cantSplit/>"));
    let row_end = label + xml[label..].find("</w:tr>").unwrap();
    assert!(
        xml[label..row_end].contains("Nguyễn Thị Hải Yến"),
        "its first guest is in the row"
    );
}
