//! What an inspector checks on the records (issue 13), pinned on the example dossiers: facts
//! of the right period, page-break properties, signature blocks and form codes.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_docx::{DocumentKind, RenderOptions, Target, render};
use support::paragraphs;

fn example(name: &str) -> qms_core::Dossier {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../examples")
        .join(name);
    qms_core::load(&std::fs::read(path).unwrap()).expect("example is valid")
}

fn opts() -> RenderOptions {
    RenderOptions::new(chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap())
}

fn so() -> qms_core::Dossier {
    example("so-khcn-ninh-binh.json")
}

#[test]
fn a_review_shows_only_the_objectives_of_its_period() {
    let d = so();
    let text = |id: &str| {
        paragraphs(&render(DocumentKind::ReviewReport, Target::Review(id), &d, &opts()).unwrap())
    };
    let statements: Vec<&str> = d
        .quality_objectives
        .iter()
        .map(|o| o.statement.as_str())
        .collect();
    assert!(d.quality_objectives.iter().all(|o| o.year == Some(2026)));
    // The 2025 review (period 11/2024 – 10/2025) must not list the 2026 objectives.
    let old = text("xxld-2025");
    for s in &statements {
        assert!(
            !old.iter().any(|p| p == s),
            "2026 objective in the 2025 review: {s}"
        );
    }
    assert!(!old.iter().any(|p| p == "Chưa đo"));
    // The 2026 review lists them.
    let new = text("xxld-2026");
    assert!(new.iter().any(|p| p == statements[0]));
}

#[test]
fn input_c3_lists_exactly_the_objectives_marked_as_process_performance() {
    let mut d = so();
    for o in &mut d.quality_objectives {
        o.process_performance = false;
    }
    // Marked, though its text has no "hạn".
    d.quality_objectives[1].process_performance = true;
    let bytes = render(
        DocumentKind::ReviewReport,
        Target::Review("xxld-2026"),
        &d,
        &opts(),
    )
    .unwrap();
    let text = paragraphs(&bytes);
    let c3 = text.iter().position(|p| p.starts_with("c3)")).unwrap();
    let c4 = text.iter().position(|p| p.starts_with("c4)")).unwrap();
    let section = &text[c3..c4];
    assert!(
        section
            .iter()
            .any(|p| *p == d.quality_objectives[1].statement)
    );
    // On-time objective (contains "hạn") is not marked, so it is not under c3.
    assert!(
        !section
            .iter()
            .any(|p| *p == d.quality_objectives[0].statement)
    );
}

#[test]
fn units_are_spaced_except_percent() {
    let d = so();
    let bytes = render(
        DocumentKind::ReviewReport,
        Target::Review("xxld-2026"),
        &d,
        &opts(),
    )
    .unwrap();
    let text = paragraphs(&bytes);
    assert!(text.iter().any(|p| p == "≤ 1 phản ánh"), "{text:?}");
    assert!(
        text.iter().any(|p| p == "≥ 95 %"),
        "a space before the percent sign in Vietnamese"
    );
    assert!(!text.iter().any(|p| p.contains("1phản ánh")));
}

/// The `w:tr` elements of the top-level tables of a part (nested tables stay inside their row).
fn rows(xml: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = None;
    let mut i = 0;
    while i < xml.len() {
        let rest = &xml[i..];
        if rest.starts_with("<w:tr>") || rest.starts_with("<w:tr ") {
            if depth == 0 {
                start = Some(i);
            }
            depth += 1;
        } else if rest.starts_with("</w:tr>") {
            depth -= 1;
            if depth == 0
                && let Some(s) = start.take()
            {
                out.push(xml[s..i + 7].to_owned());
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

fn car_bundle() -> (qms_core::Dossier, Vec<u8>) {
    let d = so();
    let bytes = render(DocumentKind::Car, Target::Audit("dgnb-2026-1"), &d, &opts()).unwrap();
    (d, bytes)
}

#[test]
fn car_action_table_header_repeats_and_keeps_with_its_first_row() {
    let (_, bytes) = car_bundle();
    let xml = support::part(&bytes, "word/document.xml");
    let all = rows(&xml);
    let heads: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, r)| r.contains("Nội dung hành động"))
        .map(|(i, _)| i)
        .collect();
    assert!(!heads.is_empty());
    for i in heads {
        let (caption, head) = (&all[i - 1], &all[i]);
        assert!(caption.contains("2.4. Hành động khắc phục:"));
        for r in [caption, head] {
            assert!(r.contains("<w:tblHeader/>"), "heading row repeats: {r}");
            // Every paragraph of a heading row keeps with the next row.
            assert_eq!(
                r.matches("<w:p>").count(),
                r.matches("<w:keepNext/>").count(),
                "{r}"
            );
        }
        // The table starts with its heading rows (repeating rows must be the first ones).
        let before = &xml[..xml.find(caption.as_str()).unwrap()];
        assert!(before.trim_end().ends_with("</w:tblGrid>"));
        assert!(!all[i + 1].contains("<w:tblHeader/>"));
    }
}

#[test]
fn each_car_of_a_bundle_is_a_section_numbered_from_one() {
    let (_, bytes) = car_bundle();
    let xml = support::part(&bytes, "word/document.xml");
    let n = xml.matches("PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC").count();
    assert!(n > 1);
    assert_eq!(xml.matches("<w:sectPr>").count(), n);
    assert_eq!(xml.matches("<w:pgNumType w:start=\"1\"/>").count(), n);
    assert_eq!(
        xml.matches("<w:titlePg/>").count(),
        n,
        "no number on each first page"
    );
    assert!(!xml.contains("pageBreakBefore"));
}

#[test]
fn car_parts_keep_caption_content_and_signatures_in_one_unsplittable_row() {
    let (_, bytes) = car_bundle();
    let xml = support::part(&bytes, "word/document.xml");
    let all = rows(&xml);
    let row_with = |s: &str| all.iter().find(|r| r.contains(s)).unwrap().clone();
    let p1 = row_with("1. MÔ TẢ SỰ KHÔNG PHÙ HỢP VÀ NGUỒN GỐC");
    assert!(p1.contains("Bằng chứng khách quan") && p1.contains("NGƯỜI PHÁT HIỆN"));
    assert!(p1.contains("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ"));
    // The unit head's sign-off of part 2 and the approval share one row, side by side.
    let p3 = row_with("3. PHÊ DUYỆT");
    assert!(p3.contains("NGƯỜI PHÊ DUYỆT") && p3.contains("TRƯỞNG ĐƠN VỊ"));
    assert!(p3.find("TRƯỞNG ĐƠN VỊ") < p3.find("3. PHÊ DUYỆT"));
    let p4 = row_with("4. KIỂM TRA XÁC NHẬN HIỆU LỰC VÀ ĐÓNG PHIẾU");
    assert!(p4.contains("NGƯỜI KIỂM TRA XÁC NHẬN"));
    for r in [&p1, &p3, &p4] {
        assert!(r.starts_with("<w:tr><w:trPr><w:cantSplit/>"));
        // Each signer has its room to sign, in a style of fixed height.
        assert_eq!(
            r.matches("<w:pStyle w:val=\"SignRoom\"/>").count(),
            r.matches("(Ký, ghi rõ họ tên)").count()
        );
    }
    // Part captions are in their own style and in the row of the part they head (no
    // keep-with-next inside a table: LibreOffice drops rows after one when the table
    // crosses a page).
    for caption in ["1. MÔ TẢ", "2. PHÂN TÍCH", "3. PHÊ DUYỆT", "4. KIỂM TRA"] {
        let at = xml.find(caption).unwrap();
        let para = &xml[xml[..at].rfind("<w:p>").unwrap()..at];
        assert!(para.contains("<w:pStyle w:val=\"FormPart\"/>"), "{para}");
        assert!(
            all.iter()
                .any(|r| r.contains(caption) && r.contains("<w:cantSplit/>"))
        );
    }
    let styles = support::part(&bytes, "word/styles.xml");
    let style = |id: &str| {
        let at = styles.find(&format!("w:styleId=\"{id}\"")).unwrap();
        styles[at..at + styles[at..].find("</w:style>").unwrap()].to_owned()
    };
    assert!(!style("FormPart").contains("<w:keepNext/>"));
    // Ten millimetres (567 twips) to sign, at an exact height that no font changes.
    assert!(style("SignRoom").contains("w:line=\"567\" w:lineRule=\"exact\""));
}

#[test]
fn car_has_the_signature_cells_of_its_four_parts() {
    let (d, bytes) = car_bundle();
    let text = paragraphs(&bytes);
    let n = text
        .iter()
        .filter(|p| *p == "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC")
        .count();
    for title in [
        "NGƯỜI PHÁT HIỆN",
        "ĐẠI DIỆN ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ",
        "TRƯỞNG ĐƠN VỊ",
        "NGƯỜI PHÊ DUYỆT",
        "NGƯỜI KIỂM TRA XÁC NHẬN",
    ] {
        assert_eq!(text.iter().filter(|p| *p == title).count(), n, "{title}");
    }
    assert_eq!(
        text.iter()
            .filter(|p| p.starts_with("(Ký, ghi rõ họ tên) – ngày "))
            .count(),
        5 * n
    );
    // A known approver is typed under the approval signature.
    let approved = d
        .corrective_actions
        .iter()
        .find_map(|c| c.approval.as_ref())
        .unwrap();
    let name = &d.people.iter().find(|p| p.id == approved.by).unwrap().name;
    assert!(text.iter().any(|p| p == name));
}

#[test]
fn minutes_end_with_signatures_and_recipients_in_one_row() {
    let d = so();
    for id in ["xxld-2025", "xxld-2026"] {
        let bytes = render(DocumentKind::Minutes, Target::Review(id), &d, &opts()).unwrap();
        let xml = support::part(&bytes, "word/document.xml");
        let all = rows(&xml);
        let last = all.iter().find(|r| r.contains("Nơi nhận:")).unwrap();
        assert!(last.contains("THƯ KÝ") && last.contains("CHỦ TRÌ"));
        assert!(last.contains("<w:cantSplit/>"));
        // The paragraph before the closing table keeps with it.
        let before = &xml[..xml.find(last.as_str()).unwrap()];
        let para = &before[before.rfind("<w:p>").unwrap()..];
        assert!(para.contains("<w:keepNext/>"), "{para}");
    }
}

#[test]
fn the_car_bundle_is_in_number_order() {
    let (_, bytes) = car_bundle();
    let numbers: Vec<String> = paragraphs(&bytes)
        .into_iter()
        .filter_map(|p| p.strip_prefix("Số: ").map(str::to_owned))
        .collect();
    assert!(numbers.len() > 2);
    let mut sorted = numbers.clone();
    sorted.sort_by_key(|n| {
        let (seq, year) = n.split_once('/').unwrap();
        (year.to_owned(), seq.parse::<u32>().unwrap())
    });
    assert_eq!(numbers, sorted);
}

#[test]
fn every_document_kind_prints_the_code_of_its_form() {
    use qms_core::model::QmsRecord;
    let d = so();
    let cases = [
        (
            DocumentKind::Programme,
            Target::Programme("ctdg-2026"),
            QmsRecord::Programme,
        ),
        (
            DocumentKind::TeamDecision,
            Target::Audit("dgnb-2026-1"),
            QmsRecord::TeamDecision,
        ),
        (
            DocumentKind::Plan,
            Target::Audit("dgnb-2026-1"),
            QmsRecord::Plan,
        ),
        (
            DocumentKind::Report,
            Target::Audit("dgnb-2026-1"),
            QmsRecord::Report,
        ),
        (
            DocumentKind::Car,
            Target::Audit("dgnb-2026-1"),
            QmsRecord::CorrectiveActionRequest,
        ),
        (
            DocumentKind::ReviewNotice,
            Target::Review("xxld-2026"),
            QmsRecord::ReviewNotice,
        ),
        (
            DocumentKind::ReviewReport,
            Target::Review("xxld-2026"),
            QmsRecord::ReviewReport,
        ),
        (
            DocumentKind::Minutes,
            Target::Review("xxld-2026"),
            QmsRecord::Minutes,
        ),
    ];
    assert_eq!(cases.len(), DocumentKind::ALL.len());
    for (kind, target, record) in cases {
        let form = d
            .registers
            .form_of(record)
            .expect("the example names every form");
        let text = paragraphs(&render(kind, target, &d, &opts()).unwrap());
        let issued = form.issued_on.unwrap().format("%d/%m/%Y");
        let line = format!(
            "{} – Lần ban hành: {} – Ngày ban hành: {issued}",
            form.code,
            form.revision.unwrap()
        );
        assert_eq!(text[0], line, "{kind}: the form line opens the document");
        if kind == DocumentKind::Car {
            // Every request of the bundle carries it.
            let n = text
                .iter()
                .filter(|p| *p == "PHIẾU YÊU CẦU HÀNH ĐỘNG KHẮC PHỤC")
                .count();
            assert_eq!(text.iter().filter(|p| **p == line).count(), n);
        }
    }
    // Explicit links decide: the CAR's code is the linked entry's.
    assert_eq!(
        d.registers
            .form_of(QmsRecord::CorrectiveActionRequest)
            .unwrap()
            .code,
        "BM.QT05.01"
    );
}

#[test]
fn without_a_known_form_no_form_line_is_printed() {
    let mut d = so();
    d.registers = Default::default();
    let text = paragraphs(
        &render(
            DocumentKind::Plan,
            Target::Audit("dgnb-2026-1"),
            &d,
            &opts(),
        )
        .unwrap(),
    );
    assert!(!text.iter().any(|p| p.starts_with("BM.")));
}

#[test]
fn the_report_shows_finding_codes_all_clauses_and_the_follow_up_table() {
    let d = so();
    let bytes = render(
        DocumentKind::Report,
        Target::Audit("dgnb-2026-1"),
        &d,
        &opts(),
    )
    .unwrap();
    let text = paragraphs(&bytes);
    let xml = support::part(&bytes, "word/document.xml");
    let all = rows(&xml);
    let audit = &d.audits[0];
    for f in audit
        .findings
        .iter()
        .filter(|f| f.kind != qms_core::model::FindingKind::GoodPractice)
    {
        // The detail row of the finding: its code and every clause of it.
        let row = all
            .iter()
            .find(|r| r.contains(&format!("({})", f.id)) && r.contains("<w:b/>"))
            .unwrap_or_else(|| panic!("{} has no detail row", f.id));
        for c in &f.clauses {
            assert!(
                row.contains(&format!("<w:t>{c}</w:t>")),
                "{}: clause {c}",
                f.id
            );
        }
        if let Some(e) = &f.evidence {
            assert!(row.contains(e.split_whitespace().next().unwrap()));
        }
    }
    // Follow-up: one row per request (or per nonconformity without one), finding → request →
    // unit → due → state.
    let head = text.iter().position(|p| p == "Số phiếu yêu cầu").unwrap();
    assert_eq!(
        &text[head - 2..head + 4],
        [
            "STT",
            "Phát hiện",
            "Số phiếu yêu cầu",
            "Đơn vị",
            "Thời hạn",
            "Tình trạng"
        ]
    );
    // The report shows the requests as they stood on its date: those raised later are not
    // in it, the others in their state of that day.
    let on = audit
        .report
        .as_ref()
        .and_then(|r| r.issued_on)
        .unwrap_or(opts().today);
    for c in d.corrective_actions.iter().filter(|c| c.finding.is_some()) {
        let f = c.finding.as_deref().unwrap();
        let number = c.number.as_deref().unwrap();
        let Some(state) = c.state_on(on) else {
            assert!(
                !all.iter()
                    .any(|r| r.contains(&format!("<w:t>{number}</w:t>"))),
                "{number} was raised after the report"
            );
            continue;
        };
        let row = all
            .iter()
            .find(|r| {
                r.contains(&format!("<w:t>{number}</w:t>"))
                    && r.contains(&format!("<w:t>{f}</w:t>"))
            })
            .unwrap_or_else(|| panic!("no follow-up row for {number}"));
        assert!(row.contains(state.label(qms_core::Lang::Vi)), "{number}");
        if let Some(due) = c.actions.iter().map(|a| a.due).max() {
            let due = due.format("%d/%m/%Y").to_string();
            assert!(row.contains(&due), "{number}: due {due}");
        }
    }
}

#[test]
fn who_signs_and_receives_is_a_dossier_fact() {
    use qms_core::model::{DocumentFacts, SigningForm};
    let mut d = so();
    let plan = |d: &qms_core::Dossier| {
        paragraphs(&render(DocumentKind::Plan, Target::Audit("dgnb-2026-1"), d, &opts()).unwrap())
    };
    // Without facts: the head signs, the usual recipients and archive line.
    let text = plan(&d);
    assert!(text.iter().any(|p| p == "GIÁM ĐỐC SỞ"));
    assert!(text.iter().any(|p| p == "- Lưu: VT, ISO."));
    // The quality representative approves plans, for the head (KT.).
    d.settings.documents.plan = Some(DocumentFacts {
        signer: Some("p-pham-thi-thu-ha".into()),
        signing: Some(SigningForm::OnBehalf),
        signing_title: Some("Phó Giám đốc".into()),
        recipients: vec!["Giám đốc Sở (để b/c)".into(), "Đoàn đánh giá".into()],
        archive: Some("Lưu: VT, HTQLCL".into()),
        implementation: Some("Đoàn đánh giá thực hiện theo Quy trình QT-03.".into()),
        ..DocumentFacts::default()
    });
    let text = plan(&d);
    let at = text
        .iter()
        .position(|p| p == "KT. GIÁM ĐỐC SỞ")
        .expect("KT. line");
    assert_eq!(text[at + 1], "PHÓ GIÁM ĐỐC");
    assert!(text.iter().any(|p| p == "Phạm Thị Thu Hà"));
    assert!(text.iter().any(|p| p == "- Giám đốc Sở (để b/c);"));
    assert!(text.iter().any(|p| p == "- Lưu: VT, HTQLCL."));
    assert!(!text.iter().any(|p| p == "- Lưu: VT, ISO."));
    assert!(
        text.iter()
            .any(|p| p == "Đoàn đánh giá thực hiện theo Quy trình QT-03.")
    );
    assert!(!text.iter().any(|p| p.starts_with("3. Ngôn ngữ đánh giá")));
    // By order (TL.): the chief of office signs the notice.
    d.settings.documents.review_notice = Some(DocumentFacts {
        signer: Some("p-nguyen-van-duc".into()),
        signing: Some(SigningForm::ByOrder),
        ..DocumentFacts::default()
    });
    let text = paragraphs(
        &render(
            DocumentKind::ReviewNotice,
            Target::Review("xxld-2026"),
            &d,
            &opts(),
        )
        .unwrap(),
    );
    let at = text
        .iter()
        .position(|p| p == "TL. GIÁM ĐỐC SỞ")
        .expect("TL. line");
    assert_eq!(text[at + 1], "CHÁNH VĂN PHÒNG SỞ");
}

#[test]
fn the_review_input_report_carries_its_own_number_date_and_signer() {
    let mut d = so();
    let i = d
        .management_reviews
        .iter()
        .position(|r| r.id == "xxld-2026")
        .unwrap();
    d.management_reviews[i].input_report = Some(qms_core::model::DocumentFacts {
        number: Some("152/BC-SKHCN".into()),
        date: chrono::NaiveDate::from_ymd_opt(2026, 11, 3),
        signer: Some("p-vu-thi-lan-anh".into()),
        signing_title: Some("Thư ký ISO".into()),
        ..Default::default()
    });
    let text = paragraphs(
        &render(
            DocumentKind::ReviewReport,
            Target::Review("xxld-2026"),
            &d,
            &opts(),
        )
        .unwrap(),
    );
    assert!(
        text.iter().any(|p| p == "Số: 152/BC-SKHCN"),
        "{:?}",
        &text[..12]
    );
    assert!(
        text.iter()
            .any(|p| p.ends_with("ngày 03 tháng 11 năm 2026"))
    );
    let at = text.iter().position(|p| p == "THƯ KÝ ISO").unwrap();
    assert!(text[at..].iter().any(|p| p == "Vũ Thị Lan Anh"));
}

#[test]
fn the_minutes_record_the_meeting_not_the_report() {
    let d = so();
    let r = d
        .management_reviews
        .iter()
        .find(|r| r.id == "xxld-2026")
        .unwrap();
    let text = paragraphs(
        &render(
            DocumentKind::Minutes,
            Target::Review("xxld-2026"),
            &d,
            &opts(),
        )
        .unwrap(),
    );
    let absent = &r.meeting.absent[0];
    let name = &d
        .people
        .iter()
        .find(|p| p.id == absent.person)
        .unwrap()
        .name;
    assert!(text.iter().any(|p| p == "Vắng mặt:"));
    assert!(
        text.iter().any(|p| p.starts_with(&format!("- {name}"))
            && p.contains(absent.reason.as_deref().unwrap()))
    );
    let present = 2 + r.meeting.attendees.len();
    assert!(
        text.iter()
            .any(|p| *p == format!("Có mặt {present}/{} thành viên.", present + 1))
    );
    for i in r.inputs.iter().filter(|i| i.discussion.is_some()) {
        let said = i.discussion.as_deref().unwrap();
        let concluded = i.conclusion.as_deref().unwrap();
        assert!(text.iter().any(|p| *p == format!("Thảo luận: {said}")));
        assert!(
            text.iter()
                .any(|p| *p == format!("Kết luận của chủ trì: {concluded}"))
        );
        // The input report's text is not copied into the minutes for such an input.
        assert!(!text.iter().any(|p| p.starts_with(i.summary.trim())));
    }
}

#[test]
fn notice_sub_items_are_indented_by_the_paragraph_and_the_standard_never_breaks() {
    let d = so();
    let bytes = render(
        DocumentKind::ReviewNotice,
        Target::Review("xxld-2026"),
        &d,
        &opts(),
    )
    .unwrap();
    let xml = support::part(&bytes, "word/document.xml");
    let text = paragraphs(&bytes);
    let c1 = text
        .iter()
        .find(|p| p.starts_with("c1)"))
        .expect("sub-item c1");
    assert!(!c1.starts_with(' '));
    assert!(
        !text.iter().any(|p| p.starts_with("    ")),
        "no padding spaces"
    );
    let para = xml.split("</w:p>").find(|p| p.contains(">c1)")).unwrap();
    assert!(para.contains("<w:ind w:left=\""), "{para}");
    // Every "TCVN ISO 9001" of every document is held together by no-break spaces.
    for (_, bytes) in qms_docx::render_all(&d, &opts()).unwrap() {
        let xml = support::part(&bytes, "word/document.xml");
        assert!(!xml.contains("ISO 9001"), "a breakable standard name");
    }
}

#[test]
fn english_documents_use_the_english_names_the_dossier_gives() {
    let d = example("ubnd-phuong-my-tho-2015.json");
    let en = RenderOptions {
        lang: qms_core::Lang::En,
        ..opts()
    };
    let audit = &d.audits[0].id;
    let text = paragraphs(&render(DocumentKind::Plan, Target::Audit(audit), &d, &en).unwrap());
    // The header breaks the name into balanced lines.
    let joined = |p: &String| p.replace('\n', " ");
    assert!(
        text.iter()
            .any(|p| joined(p) == "PEOPLE'S COMMITTEE OF MY THO WARD")
    );
    assert!(text.iter().any(|p| p.contains("Economic Division")));
    // Unit names come from the English names; free text (the scope) stays as written.
    assert!(!text.iter().any(|p| p == "Phòng Kinh tế"));
    // In Vietnamese the Vietnamese names stay.
    let vi = paragraphs(&render(DocumentKind::Plan, Target::Audit(audit), &d, &opts()).unwrap());
    assert!(vi.iter().any(|p| p.contains("ỦY BAN NHÂN DÂN")));
}

#[test]
fn every_document_of_the_three_examples_renders_in_both_languages() {
    for name in [
        "so-khcn-ninh-binh.json",
        "ubnd-xa-tan-thanh-2008.json",
        "ubnd-phuong-my-tho-2015.json",
    ] {
        let d = example(name);
        for lang in [qms_core::Lang::Vi, qms_core::Lang::En] {
            let o = RenderOptions { lang, ..opts() };
            let files = qms_docx::render_all(&d, &o).unwrap();
            assert!(files.len() >= 7, "{name}: {}", files.len());
        }
    }
}

#[test]
fn documents_end_with_a_one_point_paragraph_after_the_signature() {
    // A closing block that fills its page must not push an empty last page.
    let d = example("ubnd-phuong-my-tho-2015.json");
    for (name, bytes) in qms_docx::render_all(&d, &opts()).unwrap() {
        let xml = support::part(&bytes, "word/document.xml");
        let body_end = xml.rfind("<w:sectPr>").unwrap();
        let last = &xml[xml[..body_end].rfind("<w:p>").unwrap()..body_end];
        assert!(
            last.contains("<w:pStyle w:val=\"Break\"/>"),
            "{name}: {last}"
        );
    }
}

#[test]
fn an_action_owned_by_a_unit_names_the_unit_on_the_request() {
    let d = example("ubnd-phuong-my-tho-2015.json");
    let ca = d
        .corrective_actions
        .iter()
        .find(|c| c.actions.iter().any(|a| a.owner_unit.is_some()))
        .expect("the ward example has an action owned by a unit");
    let unit = ca
        .actions
        .iter()
        .find_map(|a| a.owner_unit.as_deref())
        .unwrap();
    let name = &d.units.iter().find(|u| u.id == unit).unwrap().name;
    let text = paragraphs(
        &render(
            DocumentKind::Car,
            Target::CorrectiveAction(&ca.id),
            &d,
            &opts(),
        )
        .unwrap(),
    );
    // The action table's row: description, then owner.
    let action = ca.actions.iter().find(|a| a.owner_unit.is_some()).unwrap();
    let row = text
        .iter()
        .position(|p| p.contains(action.description.as_str()))
        .expect("the action is listed");
    assert_eq!(text.get(row + 1), Some(name), "{text:?}");
}

#[test]
fn minutes_keep_a_decision_group_caption_with_its_first_row_only() {
    let d = so();
    let bytes = render(
        DocumentKind::Minutes,
        Target::Review("xxld-2026"),
        &d,
        &opts(),
    )
    .unwrap();
    let xml = support::part(&bytes, "word/document.xml");
    let all = rows(&xml);
    let heads: Vec<usize> = all
        .iter()
        .enumerate()
        .filter(|(_, r)| r.contains("<w:tblHeader/>") && r.contains("Thời hạn"))
        .map(|(i, _)| i)
        .collect();
    assert!(heads.len() > 1, "one table per group of decisions");
    for &i in &heads {
        // The caption right before the table keeps with it, and the heading row with the
        // first decision ...
        let table = xml.find(all[i].as_str()).unwrap();
        let before = &xml[..table];
        let caption = &before[before.rfind("<w:p>").unwrap()..];
        assert!(caption.contains("<w:keepNext/>"), "{caption}");
        assert!(all[i].contains("<w:keepNext/>"));
        // ... but a decision keeps with nothing, and may split across pages: a long group
        // breaks between or inside its rows, under its repeated heading row, instead of
        // moving to the next page in one piece with its caption (a tall first decision left
        // a third of a page blank).
        let first = &all[i + 1];
        assert!(!first.contains("<w:tblHeader/>"));
        assert!(!first.contains("<w:cantSplit/>"), "{first}");
        assert!(!first.contains("<w:keepNext/>"), "{first}");
    }
}
