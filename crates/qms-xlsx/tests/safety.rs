//! Safety: inert text, cell limits, sheet names, reproducible bytes, and the importer's refusals.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod support;

use qms_core::Lang;
use std::io::Write;
use support::*;

fn sheet_xml(bytes: &[u8], n: usize) -> String {
    let name = format!("xl/worksheets/sheet{n}.xml");
    let (_, data) = parts(bytes).into_iter().find(|(p, _)| *p == name).unwrap();
    String::from_utf8(data).unwrap()
}

fn err(bytes: &[u8]) -> qms_xlsx::XlsxError {
    let d = dossier(1);
    let wb = qms_xlsx::Workbook {
        name: "tep.xlsx",
        bytes,
    };
    qms_xlsx::import_checklists(&d, &[wb], &Default::default()).unwrap_err()
}

#[test]
fn text_that_looks_like_a_formula_is_written_as_text_and_read_back_as_written() {
    let mut d = dossier(4);
    let texts = [
        "=HYPERLINK(\"http://x\",\"bấm\")",
        "+84 912 345 678",
        "-3 hồ sơ",
        "@SUM(A1:A9)",
    ];
    for (it, t) in d.audits[0].checklists[0].items.iter_mut().zip(texts) {
        it.question = t.to_owned();
        it.evidence = Some(t.to_owned());
    }
    let bytes = export(&d);
    let xml = sheet_xml(&bytes, 1);
    assert!(!xml.contains("<f>"), "no formula cells");
    // Unchanged workbook: nothing to import, no conflict (the locked texts read back exactly).
    let out = import(&d, &[("w.xlsx", &bytes)], false);
    assert!(
        out.conflicts.is_empty() && out.changes.is_empty(),
        "{:?}",
        out.conflicts
    );
    let filled = edit_sheet(&bytes, 1, |x| set_cell(x, "I9", "=1+1"));
    let out = import(&d, &[("w.xlsx", &filled)], false);
    assert_eq!(
        out.dossier.audits[0].checklists[0].items[0].note.as_deref(),
        Some("=1+1")
    );

    let unit = d.audits[0].checklists[0].unit.clone();
    d.audits[0].findings.push(qms_core::model::Finding {
        id: "f1".into(),
        kind: qms_core::model::FindingKind::Observation,
        unit,
        clauses: vec![],
        legacy_clauses: vec![],
        procedure: None,
        checklist: None,
        item: None,
        auditor: None,
        requirement: None,
        evidence: None,
        statement: "=cmd|' /C calc'!A0".into(),
        acknowledgement: None,
        date: None,
    });
    let opts = qms_xlsx::RenderOptions {
        lang: Lang::Vi,
        today: today(),
        live_overdue: false,
    };
    let reg = qms_xlsx::render(qms_xlsx::WorkbookKind::Findings, &d, None, &opts).unwrap();
    assert!(!sheet_xml(&reg, 1).contains("<f>"));
}

#[test]
fn a_cell_over_the_excel_limit_is_a_clear_error() {
    let mut d = dossier(3);
    d.audits[0].checklists[0].items[2].evidence = Some("Bằng chứng ".repeat(3000));
    let opts = qms_xlsx::ExportOptions {
        lang: Lang::Vi,
        today: today(),
        auditor: None,
        password: None,
    };
    let e = qms_xlsx::export_checklists(&d, &d.audits[0].id, &opts).unwrap_err();
    assert_eq!(e.code(), "cell-too-long");
    assert!(e.to_string().contains("cell G11"), "{e}");
    assert!(e.message(Lang::Vi).contains("vượt giới hạn 32.767 ký tự"));
}

#[test]
fn sheet_names_follow_excel_rules_and_stay_unique() {
    let mut d = dossier(2);
    let long = "Bộ phận tiếp nhận/trả kết quả [một cửa]: hồ sơ *?".to_owned();
    for u in d.units.iter_mut() {
        u.name = long.clone();
        u.short_name = None;
    }
    let bytes = export(&d);
    let (_, wb) = parts(&bytes)
        .into_iter()
        .find(|(p, _)| p == "xl/workbook.xml")
        .unwrap();
    let wb = String::from_utf8(wb).unwrap();
    let names: Vec<&str> = wb
        .split("<sheet name=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .collect();
    assert_eq!(names.len(), 3, "{names:?}");
    assert_eq!(names[2], "_qms");
    assert!(wb.contains("state=\"veryHidden\""));
    for n in &names {
        assert!(
            n.chars().count() <= 31 && !n.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{n}"
        );
    }
    assert_ne!(names[0].to_lowercase(), names[1].to_lowercase());
}

#[test]
fn output_is_byte_identical_for_identical_input() {
    let d = dossier(10);
    assert_eq!(export(&d), export(&d));
    let opts = qms_xlsx::RenderOptions {
        lang: Lang::En,
        today: today(),
        live_overdue: false,
    };
    for kind in qms_xlsx::WorkbookKind::ALL {
        let a = qms_xlsx::render(kind, &d, None, &opts).unwrap();
        assert_eq!(
            a,
            qms_xlsx::render(kind, &d, None, &opts).unwrap(),
            "{kind:?}"
        );
    }
}

#[test]
fn the_sheet_is_protected_with_dropdowns_filter_frozen_header_and_print_setup() {
    let d = dossier(3);
    let opts = qms_xlsx::ExportOptions {
        lang: Lang::En,
        today: today(),
        auditor: None,
        password: Some("bí mật".into()),
    };
    let bytes = qms_xlsx::export_checklists(&d, &d.audits[0].id, &opts).unwrap();
    let xml = sheet_xml(&bytes, 1);
    assert!(
        xml.contains("<sheetProtection password="),
        "password protection"
    );
    assert!(
        xml.contains("autoFilter=\"0\"") && xml.contains("sort=\"0\""),
        "filter and sort allowed"
    );
    assert!(xml.contains("<autoFilter ref=\"A8:J11\"/>"));
    assert!(xml.contains("state=\"frozen\""));
    assert!(xml.contains("orientation=\"landscape\"") && xml.contains("paperSize=\"9\""));
    assert!(xml.contains("fitToHeight=\"0\""));
    assert!(
        xml.contains("<dataValidation type=\"list\"") && xml.contains("showErrorMessage=\"1\"")
    );
    assert!(xml.contains(
        "<formula1>\"Conforms,Nonconformity,Observation,Not applicable,Not audited\"</formula1>"
    ));
    let (_, styles) = parts(&bytes)
        .into_iter()
        .find(|(p, _)| p == "xl/styles.xml")
        .unwrap();
    // Exactly one unlocked format, the input cells': the columns and the rest stay locked.
    let styles = String::from_utf8(styles).unwrap();
    assert_eq!(styles.matches("<protection locked=\"0\"/>").count(), 1);
    let (_, wb) = parts(&bytes)
        .into_iter()
        .find(|(p, _)| p == "xl/workbook.xml")
        .unwrap();
    assert!(
        String::from_utf8(wb)
            .unwrap()
            .contains("_xlnm.Print_Titles")
    );
    // Only one auditor's checklists.
    let opts = qms_xlsx::ExportOptions {
        auditor: Some("nobody".into()),
        ..opts
    };
    let e = qms_xlsx::export_checklists(&d, &d.audits[0].id, &opts).unwrap_err();
    assert_eq!(e.code(), "no-checklists");
}

#[test]
fn non_xlsx_encrypted_and_oversized_files_are_refused_quickly() {
    assert_eq!(err(b"%PDF-1.7 ...").code(), "not-xlsx");
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend_from_slice(&[0; 512]);
    assert_eq!(err(&ole).code(), "not-xlsx");
    ole.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
    assert_eq!(err(&ole).code(), "encrypted-workbook");
    let docx = repack(&[("word/document.xml".into(), b"<w:document/>".to_vec())]);
    let e = err(&docx);
    assert_eq!(e.code(), "not-xlsx");
    assert!(e.message(Lang::Vi).contains("không phải bảng tính Excel"));

    // A zip bomb: a part of 16 MiB of spaces packs to about 16 KiB.
    let start = std::time::Instant::now();
    let bomb = {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        out.start_file("xl/workbook.xml", o).unwrap();
        out.write_all(b"<workbook/>").unwrap();
        out.start_file("xl/worksheets/sheet1.xml", o).unwrap();
        let zeros = vec![b' '; 1 << 20];
        for _ in 0..16 {
            out.write_all(&zeros).unwrap();
        }
        out.finish().unwrap().into_inner()
    };
    let e = err(&bomb);
    assert_eq!(e.code(), "package-limit");
    assert!(e.to_string().contains("compression ratio"), "{e}");
    assert!(start.elapsed().as_secs() < 5);

    // A bomb that under-declares its size: the central directory says 100 bytes.
    let mut liar = {
        let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let o = zip::write::SimpleFileOptions::default()
            .compression_method(zip::CompressionMethod::Deflated);
        out.start_file("xl/workbook.xml", o).unwrap();
        out.write_all(&vec![b' '; 16 << 20]).unwrap();
        out.finish().unwrap().into_inner()
    };
    let local = liar.windows(4).position(|w| w == b"PK\x03\x04").unwrap();
    liar[local + 22..local + 26].copy_from_slice(&100u32.to_le_bytes());
    let central = liar.windows(4).position(|w| w == b"PK\x01\x02").unwrap();
    liar[central + 24..central + 28].copy_from_slice(&100u32.to_le_bytes());
    let e = err(&liar);
    assert_eq!(e.code(), "unreadable-workbook", "{e}");

    let mut huge = b"PK\x03\x04".to_vec();
    huge.resize(65 * 1024 * 1024, 0);
    assert_eq!(err(&huge).code(), "package-limit");
    assert_eq!(err(b"PK\x03\x04garbage").code(), "unreadable-workbook");
}

/// A file that is not a workbook, or a damaged one, is explained in Vietnamese with what to
/// do: the reasons were English ("not a zip package") and a damaged package said only the zip
/// reader's words ("invalid Zip archive: Could not find EOCD").
#[test]
fn refusals_say_what_the_file_is_and_what_to_do_in_both_languages() {
    let mut ole = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
    ole.extend_from_slice(&[0; 512]);
    let docx = repack(&[("word/document.xml".into(), b"<w:document/>".to_vec())]);
    for (bytes, vi, en) in [
        (&ole[..], "tệp .xls kiểu cũ", "legacy .xls"),
        (
            &b"%PDF-1.7 ..."[..],
            "không phải gói nén .xlsx",
            "not a zip package",
        ),
        (&docx[..], "có phải tệp .docx", "is it a .docx"),
        (
            &b"PK\x03\x04garbage"[..],
            "bị hỏng hoặc bị cắt cụt; hãy mở bằng Excel, lưu lại rồi nhập lại",
            "damaged or cut short; open it in Excel",
        ),
    ] {
        let e = err(bytes);
        let (text_vi, text_en) = (e.message(Lang::Vi), e.message(Lang::En));
        assert!(text_vi.contains(vi), "{text_vi}");
        assert!(text_en.contains(en), "{text_en}");
        for english in ["not a zip", "legacy", "package has no", "save it"] {
            assert!(!text_vi.contains(english), "{text_vi}");
        }
    }
}

/// Found by the fuzz smoke in CI: a cell reference past Excel's grid overflowed calamine's
/// reference arithmetic (a panic with overflow checks on). It is now a clear refusal.
#[test]
fn a_cell_reference_past_excels_grid_is_refused_not_a_panic() {
    let d = dossier(1);
    for bad in ["AAAAAAAA9", "F99999999999"] {
        let bytes = edit_sheet(&export(&d), 1, |xml| {
            xml.replacen(r#"<c r="F9""#, &format!(r#"<c r="{bad}""#), 1)
        });
        let e = err(&bytes);
        assert_eq!(e.code(), "unreadable-workbook", "{bad}: {e}");
        assert!(e.to_string().contains(bad), "{e}");
    }
}

/// Found by the import_checklist fuzz campaign: the worksheet part is named
/// `xl/worksheetS/sheet1.xml` in the zip directory, which the reference check (looking for
/// `xl/worksheets/`) skipped while calamine still read it and overflowed on its references.
#[test]
fn a_worksheet_named_in_another_case_is_checked_too() {
    let bytes = include_bytes!("fixtures/fuzz-sheet-name-case.xlsx");
    let e = err(bytes);
    assert_eq!(e.code(), "unreadable-workbook", "{e}");
}
