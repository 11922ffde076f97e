//! Package tests: deflated, reproducible packages with the Decree 30/2020 layout, dates from
//! the dossier, the configurable layout, typed errors, a large report, a bare dossier.
#![allow(clippy::unwrap_used, clippy::expect_used, missing_docs)]

mod support;

use qms_docx::{DocumentKind, DocxError, Layout, RenderOptions, Target, render, render_all};
use std::io::Read;
use support::{fixture, opts, paragraphs, part};

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
            "chuong-trinh-ct2026.docx",
            "quyet-dinh-doan-dg2026-1.docx",
            "ke-hoach-dg2026-1.docx",
            "bao-cao-dg2026-1.docx",
            "phieu-hdkp-dg2026-1.docx",
            "phieu-hdkp-ca-complaint-1.docx",
            "thong-bao-hop-xx2026.docx",
            "bao-cao-xem-xet-xx2026.docx",
            "bien-ban-hop-xx2026.docx",
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
        // Every table row stays on one page, except the rows of a list whose heading row
        // repeats over the rest (the minutes' decisions), which may split to fill a page.
        let rows = count(&xml, "<w:tr>");
        let flowing: Vec<usize> = xml.match_indices("<w:tr><w:tc>").map(|(i, _)| i).collect();
        assert_eq!(
            rows,
            count(&xml, "<w:cantSplit/>") + flowing.len(),
            "{name}"
        );
        for at in flowing {
            let table = &xml[xml[..at].rfind("<w:tbl>").unwrap()..at];
            assert!(table.contains("<w:tblHeader/>"), "{name}: {table}");
        }
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
    // The number cell reads "823\n(f-0822)": the running number over the finding's code.
    let numbered = |n: usize| {
        let head = format!("{n}\n(");
        text.iter().any(|p| p.starts_with(&head))
    };
    assert!(numbered(listed), "numbered 1..{listed}");
    assert!(!numbered(listed + 1), "no number past {listed}");
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
fn a_bare_dossier_still_gives_every_document_with_blanks_to_fill() {
    let text = include_str!("fixtures/minimal.json");
    let d = qms_core::load(text.as_bytes()).unwrap();
    let files = render_all(&d, &opts()).unwrap();
    assert_eq!(
        files.len(),
        8,
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
    let decision = paragraphs(&files[1].1);
    assert!(decision.iter().any(|p| p == "Số:        /QĐ"));
    let plan = paragraphs(&files[2].1);
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
    let minutes = paragraphs(&files[7].1);
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
