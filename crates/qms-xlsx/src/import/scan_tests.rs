//! The sheet scanner reads what calamine reads, or leaves the sheet to it; it never panics and
//! never lets a reference past Excel's grid through.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::indexing_slicing)]

use super::read::{SheetData, read_workbook_using};
use super::scan::{Context, Scanned, scan_sheet};
use std::io::{Cursor, Read, Write};

/// An exported workbook of `n` items: its parts as (name, bytes).
fn exported(n: usize) -> Vec<(String, Vec<u8>)> {
    use qms_core::sample::{SampleShape, SampleSpec, sample_dossier_shaped};
    let d = sample_dossier_shaped(
        &SampleSpec {
            checklist_items: n,
            findings: 0,
            seed: 9,
            agency: 0,
        },
        &SampleShape {
            checklist_size: n,
            ..SampleShape::default()
        },
    );
    let opts = crate::ExportOptions {
        lang: qms_core::Lang::Vi,
        today: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        auditor: None,
        password: None,
    };
    let bytes = crate::export_checklists(&d, &d.audits[0].id, &opts).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut f = archive.by_index(i).unwrap();
            let mut data = Vec::new();
            f.read_to_end(&mut data).unwrap();
            (f.name().unwrap().to_string(), data)
        })
        .collect()
}

fn zip(parts: &[(String, Vec<u8>)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in parts {
        w.start_file(name.as_str(), zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(data).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// The first sheet's XML with `edit` applied.
fn with_sheet(parts: &[(String, Vec<u8>)], edit: impl Fn(&str) -> String) -> Vec<u8> {
    let mut parts = parts.to_vec();
    let sheet = parts
        .iter_mut()
        .find(|(n, _)| n == "xl/worksheets/sheet1.xml")
        .unwrap();
    sheet.1 = edit(std::str::from_utf8(&sheet.1).unwrap()).into_bytes();
    zip(&parts)
}

/// `xml` with the cell `r` (self-closing or not) replaced by `cell`.
fn set(xml: &str, r: &str, cell: &str) -> String {
    let at = xml.find(&format!(r#"<c r="{r}""#)).unwrap();
    let tag_end = at + xml[at..].find('>').unwrap() + 1;
    let end = if xml[..tag_end].ends_with("/>") {
        tag_end
    } else {
        tag_end + xml[tag_end..].find("</c>").unwrap() + 4
    };
    format!("{}{cell}{}", &xml[..at], &xml[end..])
}

/// What both readers make of a workbook (sheets as debug text, or the error code).
fn both(bytes: &[u8]) -> (String, String) {
    let show = |scanner| match read_workbook_using("w.xlsx", bytes, scanner) {
        Ok(wb) => format!("{:?}", wb.sheets),
        Err(e) => e.code().to_owned(),
    };
    (show(true), show(false))
}

/// The scanner alone on a sheet's XML, with the export's styles (all plain) and `strings`.
fn scan(xml: &str, strings: Option<&[String]>) -> Scanned {
    let ctx = Context {
        plain_styles: &[true; 16],
        strings,
    };
    scan_sheet("s", xml.as_bytes(), &ctx).unwrap()
}

fn sheet(xml: &str) -> SheetData {
    match scan(xml, None) {
        Scanned::Sheet(s) => s,
        other => panic!("{other:?}"),
    }
}

const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet><dimension ref="A1:J9"/><sheetData>"#;
const J1: &str = r#"<row r="1"><c r="J1" t="inlineStr"><is><t>qms:checklist:c1</t></is></c></row>"#;

fn one_row(cells: &str) -> String {
    format!(
        r#"{HEAD}{J1}<row r="9">{cells}<c r="J9" t="inlineStr"><is><t>k</t></is></c></row></sheetData></worksheet>"#
    )
}

fn inputs(xml: &str) -> [String; 4] {
    sheet(xml).rows.into_iter().next().unwrap().inputs
}

#[test]
fn an_exported_and_filled_workbook_is_scanned_as_calamine_reads_it() {
    let parts = exported(40);
    let filled = with_sheet(&parts, |x| {
        set(
            &set(
                x,
                "G10",
                r#"<c r="G10" s="9" t="inlineStr"><is><t xml:space="preserve"> Hồ sơ &amp; sổ &#7841;
 dòng 2 </t></is></c>"#,
            ),
            "I11",
            r#"<c r="I11" s="9"><v>-1.5E+3</v></c>"#,
        )
    });
    let (scanned, calamine) = both(&filled);
    assert_eq!(scanned, calamine);
    assert!(scanned.contains("Hồ sơ & sổ ạ\\n dòng 2 ") && scanned.contains("\"-1500\""));
    // And the scanner read it itself: no fallback on the export's own shape.
    assert!(matches!(scan_first(&filled), Scanned::Sheet(_)));
}

/// The scanner alone on the first sheet of a workbook, with its shared strings.
fn scan_first(bytes: &[u8]) -> Scanned {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let strings = super::parts::shared_strings(&mut z).unwrap();
    scan(&filled_sheet(bytes), Some(&strings))
}

fn filled_sheet(bytes: &[u8]) -> String {
    let mut z = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut s = String::new();
    z.by_name("xl/worksheets/sheet1.xml")
        .unwrap()
        .read_to_string(&mut s)
        .unwrap();
    s
}

#[test]
fn rich_text_runs_spaces_and_phonetics_read_as_calamine_joins_them() {
    let rich = r#"<c r="F9" t="inlineStr"><is><r><rPr><b/><sz val="11"/></rPr><t>Phù </t></r><r><t xml:space="preserve"> hợp </t></r><rPh sb="0" eb="1"><t>ふ</t></rPh><phoneticPr fontId="1"/></is></c>"#;
    let trimmed = r#"<c r="G9" t="inlineStr"><is><t>
  cách đều  </t></is></c>"#;
    let empty = r#"<c r="H9" t="inlineStr"><is><t/></is></c>"#;
    assert_eq!(
        inputs(&one_row(&format!("{rich}{trimmed}{empty}"))),
        ["Phù hợp ", "cách đều", "", ""].map(String::from)
    );
    // The same through a workbook, against calamine.
    let parts = exported(3);
    let wb = with_sheet(&parts, |x| {
        set(
            &set(x, "F9", &rich.replace("<c r=\"F9\"", "<c r=\"F9\" s=\"9\"")),
            "G9",
            &trimmed.replace("<c r=\"G9\"", "<c r=\"G9\" s=\"9\""),
        )
    });
    let (scanned, calamine) = both(&wb);
    assert_eq!(scanned, calamine);
    assert!(scanned.contains("Phù hợp "), "{scanned}");
}

#[test]
fn shared_strings_are_read_like_inline_ones() {
    let strings = ["Phù hợp".to_owned(), "a\r\nb".to_owned()];
    let xml = one_row(r#"<c r="F9" t="s"><v>0</v></c><c r="G9" t="s"><v>1</v></c>"#);
    let Scanned::Sheet(s) = scan(&xml, Some(&strings)) else {
        panic!()
    };
    assert_eq!(s.rows[0].inputs[..2], ["Phù hợp", "a\nb"]);
    // Without the table, or past its end: calamine decides.
    assert!(matches!(scan(&xml, None), Scanned::Unusual));
    let past = one_row(r#"<c r="F9" t="s"><v>7</v></c>"#);
    assert!(matches!(scan(&past, Some(&strings)), Scanned::Unusual));
    // A workbook whose sheet uses the shared table (as Excel saves it).
    let mut parts = exported(3);
    let sst = parts
        .iter_mut()
        .find(|(n, _)| n == "xl/sharedStrings.xml")
        .unwrap();
    let text = String::from_utf8(sst.1.clone()).unwrap();
    let count = text.matches("<si>").count();
    sst.1 = text
        .replace(
            "</sst>",
            r#"<si><r><t xml:space="preserve">Không </t></r><r><rPr><i/></rPr><t>phù hợp</t></r></si><si><t xml:space="preserve"> x &lt; y </t></si></sst>"#,
        )
        .into_bytes();
    let wb = with_sheet(&parts, |x| {
        set(
            &set(
                x,
                "F9",
                &format!(r#"<c r="F9" s="9" t="s"><v>{count}</v></c>"#),
            ),
            "G9",
            &format!(r#"<c r="G9" s="9" t="s"><v>{}</v></c>"#, count + 1),
        )
    });
    let (scanned, calamine) = both(&wb);
    assert_eq!(scanned, calamine);
    assert!(
        scanned.contains("Không phù hợp") && scanned.contains(" x < y "),
        "{scanned}"
    );
}

#[test]
fn what_the_scanner_does_not_read_goes_to_calamine_with_the_same_result() {
    let parts = exported(3);
    let cases = [
        // A formula, and a shared formula over two cells.
        r#"<c r="I9" s="9"><f>1+1</f><v>2</v></c>"#,
        r#"<c r="H9" s="9"><f t="shared" ref="H9:I9" si="0">A9</f><v>1</v></c><c r="I9" s="9"><f t="shared" si="0"/><v>2</v></c>"#,
        // Excel's own escape of a carriage return, a boolean, an error, a string result.
        r#"<c r="I9" s="9" t="inlineStr"><is><t>a_x000D_b</t></is></c>"#,
        r#"<c r="I9" s="9" t="b"><v>1</v></c>"#,
        r#"<c r="I9" s="9" t="e"><v>#N/A</v></c>"#,
        r#"<c r="I9" s="9" t="str"><v>x &amp; y</v></c>"#,
        // CDATA, a comment, an entity XML does not define, a number calamine reads as text.
        r#"<c r="I9" s="9" t="inlineStr"><is><t><![CDATA[<b>]]></t></is></c>"#,
        r#"<!-- note --><c r="I9" s="9"/>"#,
        r#"<c r="I9" s="9" t="inlineStr"><is><t>&nbsp;</t></is></c>"#,
        r#"<c r="I9" s="9"><v>12abc</v></c>"#,
        // Malformed: an unclosed value, a cell never closed.
        r#"<c r="I9" s="9"><v>1</c>"#,
        r#"<c r="I9" s="9" t="inlineStr"><is><t>x</t></is>"#,
    ];
    for cell in cases {
        let wb = with_sheet(&parts, |x| set(x, "I9", cell));
        let (scanned, calamine) = both(&wb);
        assert_eq!(scanned, calamine, "{cell}");
        assert!(matches!(scan_first(&wb), Scanned::Unusual), "{cell}");
    }
    // A formula in an input cell stays a conflict, not an answer.
    let wb = with_sheet(&parts, |x| set(x, "I9", cases[0]));
    let (scanned, _) = both(&wb);
    assert!(scanned.contains("\"=1+1\""), "{scanned}");
}

#[test]
fn rows_that_close_themselves_are_read_wherever_they_are() {
    let xml = one_row("")
        .replace(r#"<row r="9">"#, r#"<row r="8" ht="15"/><row r="9">"#)
        .replace(
            "</sheetData>",
            r#"<row r="12" ht="18.75" customHeight="1"/></sheetData>"#,
        );
    assert_eq!(sheet(&xml).rows.len(), 1);
    let only = format!(r#"{HEAD}<row r="1"/><row r="2" /></sheetData></worksheet>"#);
    assert!(sheet(&only).rows.is_empty());
}

#[test]
fn a_date_formatted_number_is_left_to_calamine() {
    let xml = one_row(r#"<c r="G9" s="3"><v>46000</v></c>"#);
    let ctx = Context {
        plain_styles: &[true, true, true, false],
        strings: None,
    };
    assert!(matches!(
        scan_sheet("s", xml.as_bytes(), &ctx).unwrap(),
        Scanned::Unusual
    ));
    // Unstyled, or in a plain style: a number.
    assert_eq!(
        inputs(&one_row(r#"<c r="G9"><v>46000</v></c>"#))[1],
        "46000"
    );
}

#[test]
fn references_past_the_grid_are_refused_wherever_they_are() {
    for (bad, xml) in [
        (
            "AAAA9",
            one_row(r#"<c r="AAAA9" t="inlineStr"><is><t>x</t></is></c>"#),
        ),
        ("F99999999999", one_row(r#"<c r="F99999999999"/>"#)),
        (
            "XFEE1048577",
            one_row(r#"<c r="G9"/>"#).replace(r#"<row r="9">"#, r#"<row r="9" ref="XFEE1048577">"#),
        ),
        (
            "A12345678",
            one_row("").replace(r#"<row r="9">"#, r#"<row r="12345678">"#),
        ),
        (
            "A1:ZZZZ9",
            one_row("").replace(
                "</worksheet>",
                r#"<mergeCells><mergeCell ref="A1:ZZZZ9"/></mergeCells></worksheet>"#,
            ),
        ),
        (
            "BADREF1",
            one_row("").replace(r#"ref="A1:J9""#, r#"ref="BADREF1""#),
        ),
    ] {
        match scan(&xml, None) {
            Scanned::OffGrid(found) => assert!(bad.contains(&found), "{bad}: {found}"),
            other => panic!("{bad}: {other:?}"),
        }
    }
    // XFD1048576 itself is on the grid.
    assert!(matches!(
        scan(&one_row(r#"<c r="XFD1048576"/>"#), None),
        Scanned::Sheet(_)
    ));
    // Through the whole import: the package is refused, naming the reference.
    let parts = exported(3);
    let wb = with_sheet(&parts, |x| x.replacen(r#"<c r="F9""#, r#"<c r="FFFF9""#, 1));
    let e = read_workbook_using("w.xlsx", &wb, true).err().unwrap();
    assert_eq!(e.code(), "unreadable-workbook");
    assert!(e.to_string().contains("FFFF9"), "{e}");
}

#[test]
fn a_sheet_larger_than_one_read_is_read_whole() {
    // Rows cross the 1 MiB boundaries of the reads at every offset.
    let parts = exported(6_000);
    let wb = with_sheet(&parts, |x| x.replace("<row ", "\n  <row "));
    assert!(filled_sheet(&wb).len() > 3 << 20);
    let (scanned, calamine) = both(&wb);
    assert_eq!(scanned, calamine);
    assert!(matches!(scan_first(&wb), Scanned::Sheet(_)));
}

/// Cut or damaged anywhere, the sheet never panics the scanner, and whatever it reads is what
/// calamine reads.
#[test]
fn damaged_sheets_never_panic_and_never_read_otherwise_than_calamine() {
    let parts = exported(2);
    let xml = {
        let wb = with_sheet(&parts, |x| {
            set(
                x,
                "G9",
                r#"<c r="G9" s="9" t="inlineStr"><is><r><t>a &amp; </t></r><r><t>b</t></r></is></c>"#,
            )
        });
        filled_sheet(&wb)
    };
    let bytes = xml.as_bytes();
    let start = xml.find("<sheetData").unwrap();
    let step = (bytes.len() - start) / 150 + 1;
    for cut in (start..bytes.len()).step_by(step) {
        for damaged in [
            bytes[..cut].to_vec(),
            [&bytes[..cut], &bytes[cut + 1..]].concat(),
            [&bytes[..cut], b"<", &bytes[cut..]].concat(),
            [&bytes[..cut], b"\"", &bytes[cut..]].concat(),
        ] {
            let Ok(text) = String::from_utf8(damaged) else {
                continue;
            };
            let _ = scan(&text, None);
            let wb = with_sheet(&parts, |_| text.clone());
            let (scanned, calamine) = both(&wb);
            // Whatever calamine reads, the import reads the same (a sheet calamine refuses
            // may still be read when the damage lies past the cells, where calamine stops).
            if calamine.starts_with('[') {
                assert_eq!(scanned, calamine, "cut at {cut}");
            }
        }
    }
}
