//! Independent readers: the ECMA-376 schema check, LibreOffice (PDF conversion and re-save)
//! and openpyxl (filling cells the way another program would).
//!
//! These need `python3` with lxml and openpyxl, and `soffice`. Without them the tests print a
//! notice and pass, except under `CI=true`, where a missing tool is a failure.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod support;

use qms_testkit::{
    convert, has_python_module, ooxml_check, ooxml_check_available, pdf_pages, pdftotext_available,
    python3, require, scratch, soffice, soffice_available,
};
use std::path::Path;
use support::*;

/// Whether the tools are here: soffice, python3 with lxml and openpyxl, and the schema
/// checker (a notice and false when one is missing; a failure under CI=true).
fn tools() -> bool {
    soffice_available()
        && require("python3 with openpyxl", has_python_module("openpyxl"))
        && ooxml_check_available()
}

/// The example dossier of the project when present, else a synthetic one.
fn example_dossier() -> qms_core::Dossier {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../examples/so-khcn-ninh-binh.json");
    match std::fs::read(&path) {
        Ok(bytes) => qms_core::load(&bytes).unwrap(),
        Err(_) => dossier(12),
    }
}

#[test]
fn every_workbook_passes_the_schema_check_and_converts_to_pdf() {
    if !tools() {
        return;
    }
    let dir = scratch("pdf");
    let d = example_dossier();
    let mut files = Vec::new();
    for lang in [qms_core::Lang::Vi, qms_core::Lang::En] {
        let tag = lang.pick("vi", "en");
        let audit = d.audits.iter().find(|a| !a.checklists.is_empty()).unwrap();
        let opts = qms_xlsx::ExportOptions {
            lang,
            today: today(),
            auditor: None,
            password: None,
        };
        let name = format!("checklist-{tag}.xlsx");
        std::fs::write(
            dir.join(&name),
            qms_xlsx::export_checklists(&d, &audit.id, &opts).unwrap(),
        )
        .unwrap();
        files.push(name);
        for kind in qms_xlsx::WorkbookKind::ALL {
            let opts = qms_xlsx::RenderOptions {
                lang,
                today: today(),
                live_overdue: false,
            };
            let name = format!("{}-{tag}.xlsx", kind.slug());
            std::fs::write(
                dir.join(&name),
                qms_xlsx::render(kind, &d, None, &opts).unwrap(),
            )
            .unwrap();
            files.push(name);
        }
    }
    // A checklist large enough to be streamed (constant-memory mode) is checked as well.
    let big = dossier(qms_xlsx::STREAMED_ITEMS_MIN);
    std::fs::write(dir.join("streamed.xlsx"), export(&big)).unwrap();
    files.push("streamed.xlsx".into());
    ooxml_check(&dir, &files);
    // One LibreOffice start for the Vietnamese set keeps the test to a few seconds.
    let vi: Vec<&str> = files
        .iter()
        .filter(|f| f.ends_with("-vi.xlsx"))
        .map(String::as_str)
        .collect();
    for pdf in convert(&dir, &vi, "pdf") {
        let size = std::fs::metadata(&pdf).map(|m| m.len()).unwrap_or(0);
        assert!(size > 1000, "{} was not converted", pdf.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}

const FILL: &str = r#"
import json, sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
for sheet, cell, value in json.loads(sys.argv[3]):
    wb.worksheets[sheet][cell] = value
# Sort the first sheet's items in reverse, as an auditor sorting by a column would.
ws = wb.worksheets[0]
# The table ends a blank row above the signature block (key cell "qms:sign"), as the
# autofilter range does.
end = next((r - 1 for r in range(9, ws.max_row + 1) if ws.cell(r, 10).value == "qms:sign"), ws.max_row + 1)
rows = [[ws.cell(r, c).value for c in range(1, 11)] for r in range(9, end)]
for i, values in enumerate(reversed(rows)):
    for c, v in enumerate(values, start=1):
        ws.cell(9 + i, c).value = v
wb.save(sys.argv[2])
"#;

#[test]
fn workbooks_filled_and_sorted_by_openpyxl_and_resaved_by_libreoffice_import_exactly() {
    if !tools() {
        return;
    }
    let dir = scratch("resave");
    let mut d = example_dossier();
    let a = d
        .audits
        .iter()
        .position(|a| !a.checklists.is_empty())
        .unwrap();
    // Start from a blank checklist so that every filled value is a change.
    for c in d.audits[a].checklists.iter_mut() {
        for it in c.items.iter_mut() {
            it.result = qms_core::model::ItemResult::NotAudited;
            it.evidence = None;
            it.note = None;
        }
    }
    d.audits[a].findings.retain(|f| f.item.is_none());
    d.corrective_actions.retain(|ca| {
        ca.finding.as_ref().is_none_or(|f| {
            d.audits
                .iter()
                .flat_map(|a| &a.findings)
                .any(|x| &x.id == f)
        })
    });
    let opts = qms_xlsx::ExportOptions {
        lang: qms_core::Lang::Vi,
        today: today(),
        auditor: None,
        password: None,
    };
    std::fs::write(
        dir.join("blank.xlsx"),
        qms_xlsx::export_checklists(&d, &d.audits[a].id, &opts).unwrap(),
    )
    .unwrap();
    let evidence = "Kiểm tra 10 hồ sơ tháng 4/2026:\n– 2 hồ sơ thiếu phiếu kiểm soát;\n– 1 hồ sơ trễ hạn 3 ngày.";
    let fills = serde_json::json!([
        [0, "F9", "Không phù hợp"],
        [0, "G9", evidence],
        [0, "H9", "Sự không phù hợp nhẹ"],
        [0, "I9", "Đã trao đổi với Trưởng phòng; đơn vị thống nhất"],
        [0, "F10", "Phù hợp"],
        [0, "G10", "Sổ theo dõi hồ sơ năm 2026"],
        [0, "F11", "Điểm lưu ý"],
        [0, "H11", "Cơ hội cải tiến"],
        [0, "I11", "Nên số hóa sổ theo dõi"],
    ]);
    python3(
        &dir,
        ["-c", FILL, "blank.xlsx", "filled.xlsx", &fills.to_string()],
    );
    std::fs::create_dir_all(dir.join("lo")).unwrap();
    soffice(
        &dir,
        ["--convert-to", "xlsx", "--outdir", "lo", "filled.xlsx"],
    );
    let by_openpyxl = std::fs::read(dir.join("filled.xlsx")).unwrap();
    let by_lo = std::fs::read(dir.join("lo/filled.xlsx")).unwrap();
    assert_ne!(by_openpyxl, by_lo);
    for (name, bytes) in [
        ("openpyxl.xlsx", &by_openpyxl),
        ("libreoffice.xlsx", &by_lo),
    ] {
        let out = import(&d, &[(name, bytes)], false);
        assert!(
            out.conflicts.is_empty(),
            "{name}: {:#?}",
            out.conflicts
                .iter()
                .map(|c| c.message(qms_core::Lang::Vi))
                .collect::<Vec<_>>()
        );
        let c = &out.dossier.audits[a].checklists[0];
        assert_eq!(
            c.items[0].result,
            qms_core::model::ItemResult::Nonconform,
            "{name}"
        );
        assert_eq!(c.items[0].evidence.as_deref(), Some(evidence), "{name}");
        assert_eq!(
            c.items[0].note.as_deref(),
            Some("Đã trao đổi với Trưởng phòng; đơn vị thống nhất")
        );
        assert_eq!(c.items[1].result, qms_core::model::ItemResult::Conform);
        assert_eq!(c.items[2].result, qms_core::model::ItemResult::Observation);
        let linked = out.dossier.audits[a]
            .findings
            .iter()
            .filter(|f| f.checklist.as_deref() == Some(c.id.as_str()))
            .count();
        assert_eq!(linked, 2, "{name}");
        assert_eq!(out.changes.len(), 9, "{name}: {:#?}", out.changes);
        // The rows were sorted: the first item's result is no longer on row 9.
        assert_ne!(out.changes[0].cell, "F9", "{name}");
        let again = import(&out.dossier, &[(name, bytes)], false);
        assert!(
            again.changes.is_empty() && again.conflicts.is_empty(),
            "{name}: idempotent"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// The roll-up's summary as LibreOffice prints it: one page wide, its first page holding the
/// title, the received counts with their values and both tables by agency kind. Printed two
/// pages wide, its second page showed the received counts' labels without their values and
/// the title cut at the label column (a cut pdftotext cannot see, since the clipped text is
/// still in the PDF: `printed_pages.rs` checks the merges that keep titles whole).
#[test]
fn the_rollup_summary_prints_one_page_wide() {
    if !(tools() && pdftotext_available()) {
        return;
    }
    use qms_core::rollup::{Province, RollupOptions, summarize};
    let opts = RollupOptions {
        year: 2025,
        today: today(),
    };
    let mut p = Province::new(opts);
    for name in [
        "so-khcn-ninh-binh.json",
        "ubnd-phuong-my-tho-2015.json",
        "ubnd-xa-tan-thanh-2008.json",
    ] {
        let d = example(name);
        let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today: today() });
        p.add(summarize(name, &d, &diags, &opts));
    }
    let dir = scratch("rollup-pages");
    let bytes = qms_xlsx::render_rollup(&p, qms_core::Lang::Vi).unwrap();
    std::fs::write(dir.join("rollup.xlsx"), bytes).unwrap();
    let pdf = convert(&dir, &["rollup.xlsx"], "pdf");
    // Each page with its white space collapsed: only which text is on the page counts.
    let pages: Vec<String> = pdf_pages(&pdf[0])
        .iter()
        .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|p| !p.is_empty())
        .collect();

    let summary = "TỔNG HỢP KẾT QUẢ KIỂM TRA VIỆC ÁP DỤNG, DUY TRÌ VÀ CẢI TIẾN HTQLCL NĂM 2025";
    let first = &pages[0];
    assert!(first.contains(summary), "{first}");
    assert!(first.contains("Hồ sơ nhận được 3"), "{first}");
    // The department's dossier is of 2026, not the year rolled up.
    assert!(first.contains("Cơ quan được tổng hợp 2"), "{first}");
    assert!(
        first.contains("Hồ sơ không thuộc năm kiểm tra 1"),
        "{first}"
    );
    for table in [
        "Theo loại cơ quan – tình hình áp dụng, duy trì HTQLCL (số cơ quan)",
        "Theo loại cơ quan – đánh giá nội bộ, hành động khắc phục, mục tiêu và rà soát hồ sơ",
    ] {
        assert!(first.contains(table), "{table}: {first}");
    }
    assert_eq!(first.matches("Tổng cộng").count(), 2, "{first}");

    let _ = std::fs::remove_dir_all(&dir);
}
