//! The streaming reader against calamine: same sheet for what it reads, calamine's for the rest.

#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::read::{SheetData, read_sheet, read_workbook_with};
use super::stream::{Package, unescape_excel};
use calamine::{Reader, Xlsx};
use std::io::{Cursor, Write};

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const REL: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const SHEET: &str = "Phiếu";
/// Row 1 of a checklist sheet: the cells right of column J are then reported one by one.
const KEYED: &str =
    r#"<row r="1"><c r="J1" t="inlineStr"><is><t>qms:checklist:c1</t></is></c></row>"#;

fn zip(parts: &[(&str, String)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default())
            .unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

/// A one-sheet workbook: `rows` inside `<sheetData>`, optional shared strings (`<si>`s) and
/// cell formats (`<xf>`s, after custom `<numFmt>`s).
fn book(rows: &str, shared: &str, numfmts: &str, xfs: &str, date1904: bool) -> Vec<u8> {
    let pr = if date1904 {
        r#"<workbookPr date1904="1"/>"#
    } else {
        ""
    };
    zip(&[
        (
            "[Content_Types].xml",
            String::from(
                r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>"#,
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"<workbook xmlns="{MAIN}" xmlns:r="{REL}">{pr}<sheets><sheet name="{SHEET}" sheetId="1" r:id="rId1"/></sheets></workbook>"#
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="{REL}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="{REL}/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/styles.xml",
            format!(
                r#"<styleSheet xmlns="{MAIN}"><numFmts>{numfmts}</numFmts><cellXfs><xf numFmtId="0"/>{xfs}</cellXfs></styleSheet>"#
            ),
        ),
        (
            "xl/sharedStrings.xml",
            format!(r#"<sst xmlns="{MAIN}">{shared}</sst>"#),
        ),
        (
            "xl/worksheets/sheet1.xml",
            format!(
                r#"<worksheet xmlns="{MAIN}"><dimension ref="A1:K2"/><sheetData>{rows}</sheetData></worksheet>"#
            ),
        ),
    ])
}

fn by_calamine(bytes: &[u8]) -> SheetData {
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut cells = xlsx.worksheet_cells_reader(SHEET).unwrap();
    read_sheet(SHEET, &mut cells).unwrap()
}

fn streamed(bytes: &[u8]) -> Option<SheetData> {
    Package::open(bytes)?.read_sheet(SHEET)
}

/// The sheet read by the streaming reader, checked equal to calamine's reading.
fn same(bytes: &[u8]) -> SheetData {
    let fast = streamed(bytes).expect("the streaming reader reads this sheet");
    assert_eq!(fast, by_calamine(bytes));
    fast
}

fn texts(sheet: &SheetData) -> Vec<(u32, u16, &str)> {
    sheet
        .foreign
        .iter()
        .map(|(r, c, t)| (*r, *c, t.as_str()))
        .collect()
}

#[test]
fn inline_shared_and_rich_text_strings_read_as_calamine_reads_them() {
    let rows = format!(
        r#"{KEYED}<row r="2"><c r="K2" t="inlineStr"><is><t>Phù hợp</t></is></c><c r="L2" t="s"><v>1</v></c><c r="M2" t="inlineStr"><is><r><rPr><b/></rPr><t xml:space="preserve">Đã </t></r><r><t>kiểm tra</t></r></is></c><c r="N2" t="s"><v>0</v></c><c r="O2" t="inlineStr"><is><t>Q&amp;A &lt;1&gt; &#x1EA1;</t></is></c><c r="P2" t="inlineStr"><is><t>dòng 1_x000D_
dòng 2</t></is></c><c r="Q2" t="inlineStr"><is><t>  lề  </t></is></c><c r="R2" t="inlineStr"><is><t>Tie&#x0302;&#x0301;n</t></is></c></row>"#
    );
    let shared = r#"<si><r><t>Hồ </t></r><r><t xml:space="preserve">sơ </t></r><rPh sb="0" eb="1"><t>ふりがな</t></rPh><r><t>số 3</t></r></si><si><t>Không phù hợp</t></si>"#;
    let sheet = same(&book(&rows, shared, "", "", false));
    assert_eq!(
        texts(&sheet),
        [
            (1, 10, "Phù hợp"),
            (1, 11, "Không phù hợp"),
            (1, 12, "Đã kiểm tra"),
            // Runs joined, the phonetic run left out, unpreserved space trimmed per run.
            (1, 13, "Hồsơ số 3"),
            (1, 14, "Q&A <1> ạ"),
            // Excel's _x000D_ escape before the line break: "\r\n", one line break.
            (1, 15, "dòng 1\ndòng 2"),
            (1, 16, "lề"),
            // Decomposed accents come out composed (NFC), as the dossier stores them.
            (1, 17, "Tiến"),
        ]
    );
}

#[test]
fn numbers_empty_cells_and_sparse_rows_read_as_calamine_reads_them() {
    // Cells without a reference follow the previous one; rows without a number follow the
    // previous row; a <row> far below the dimension is read all the same.
    let rows = format!(
        r#"{KEYED}<row r="3"><c r="K3"><v>12.5</v></c><c><v>1E+300</v></c><c s="0"><v>-7</v></c><c r="O3"/><c r="P3"><v></v></c><c r="Q3" t="inlineStr"><is/></c><c r="R3" t="inlineStr"><is><t>  </t></is></c></row><row><c r="K4" t="n"><v>3</v></c></row><row r="900"><c r="K900" t="inlineStr"><is><t>xa</t></is></c></row><row><c t="inlineStr"><is><t>A901</t></is></c><c r="L901" t="inlineStr"><is><t>cuối</t></is></c></row>"#
    );
    let sheet = same(&book(&rows, "", "", "", false));
    assert_eq!(
        texts(&sheet),
        [
            (2, 10, "12.5"),
            (2, 11, "1E+300"),
            (2, 12, "-7"),
            (3, 10, "3"),
            (899, 10, "xa"),
            (900, 11, "cuối"),
        ]
    );
}

/// Row 9 (an item row) with inputs; `f` is the result cell F9.
fn item_row(f: &str) -> String {
    format!(
        r#"{KEYED}<row r="9"><c r="A9"><v>1</v></c><c r="D9" t="inlineStr"><is><t>Câu hỏi?</t></is></c>{f}<c r="G9" t="inlineStr"><is><t>Bằng chứng</t></is></c><c r="J9" t="inlineStr"><is><t>0-0-0:i1</t></is></c></row>"#
    )
}

#[test]
fn item_rows_read_as_calamine_reads_them() {
    let sheet = same(&book(
        &item_row(r#"<c r="F9" t="s"><v>0</v></c>"#),
        "<si><t>Phù hợp</t></si>",
        "",
        "",
        false,
    ));
    let row = &sheet.rows[0];
    assert_eq!((row.row, row.key.as_str()), (8, "0-0-0:i1"));
    assert_eq!(
        row.inputs,
        ["Phù hợp", "Bằng chứng", "", ""].map(String::from)
    );
    assert!(row.formulas.is_empty());
}

#[test]
fn formulas_with_and_without_cached_values_are_left_to_calamine() {
    for (cell, value) in [
        (
            r#"<c r="F9" t="str"><f>"Phù "&amp;"hợp"</f><v>Phù hợp</v></c>"#,
            "Phù hợp",
        ),
        (r#"<c r="F9"><f>1+1</f></c>"#, ""),
    ] {
        let bytes = book(&item_row(cell), "", "", "", false);
        assert!(streamed(&bytes).is_none(), "{cell}");
        let (wb, fast) = read_sheets(&bytes);
        assert_eq!(fast, 0);
        let row = &wb[0].rows[0];
        assert_eq!(row.formulas.len(), 1);
        assert_eq!(row.formulas[0].2, value);
        assert!(row.formulas[0].1.starts_with('='));
    }
}

/// The sheets as the importer reads them (streamed where it can), and how many were streamed;
/// the same sheets as calamine alone reads them.
fn read_sheets(bytes: &[u8]) -> (Vec<SheetData>, usize) {
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let mut fast = Package::open(bytes);
    let mut out = Vec::new();
    let mut n = 0;
    for name in xlsx.sheet_names() {
        if let Some(s) = fast.as_mut().and_then(|p| p.read_sheet(&name)) {
            n += 1;
            out.push(s);
        } else {
            let mut cells = xlsx.worksheet_cells_reader(&name).unwrap();
            out.push(read_sheet(&name, &mut cells).unwrap());
        }
    }
    (out, n)
}

#[test]
fn dates_in_both_date_systems_are_left_to_calamine_and_read_as_dd_mm_yyyy() {
    for (date1904, serial) in [(false, 46_000), (true, 46_000 - 1_462)] {
        let rows = format!(r#"{KEYED}<row r="2"><c r="K2" s="1"><v>{serial}</v></c></row>"#);
        let bytes = book(&rows, "", "", r#"<xf numFmtId="14"/>"#, date1904);
        assert!(streamed(&bytes).is_none());
        let (sheets, _) = read_sheets(&bytes);
        assert_eq!(texts(&sheets[0]), [(1, 10, "09/12/2025")]);
    }
    // A custom format might be a date: calamine decides.
    let rows = format!(r#"{KEYED}<row r="2"><c r="K2" s="1"><v>5</v></c></row>"#);
    let custom = r#"<numFmt numFmtId="164" formatCode="0.0"/>"#;
    assert!(streamed(&book(&rows, "", custom, r#"<xf numFmtId="164"/>"#, false)).is_none());
    // A built-in number format is read here.
    let bytes = book(&rows, "", "", r#"<xf numFmtId="2"/>"#, false);
    assert_eq!(texts(&same(&bytes)), [(1, 10, "5")]);
}

#[test]
fn anything_unusual_is_left_to_calamine() {
    for cell in [
        r#"<c r="K2" t="b"><v>1</v></c>"#,
        r#"<c r="K2" t="e"><v>#DIV/0!</v></c>"#,
        r#"<c r="K2" t="d"><v>2026-03-02</v></c>"#,
        r#"<c r="K2" t="s"><v>7</v></c>"#,
        r#"<c r="k2"><v>1</v></c>"#,
        r#"<c r="K2"><v>1</v><extLst/></c>"#,
        r#"<c r="K2"><v>12abc</v></c>"#,
        r#"<c r="K2"><v>1"#,
    ] {
        let rows = format!(r#"{KEYED}<row r="2">{cell}</row>"#);
        assert!(
            streamed(&book(&rows, "", "", "", false)).is_none(),
            "{cell}"
        );
    }
}

#[test]
fn excel_escapes_decode_as_calamine_decodes_them() {
    assert_eq!(unescape_excel("a_x000D_b"), "a\rb");
    assert_eq!(unescape_excel("_xD83D__xDCF7_"), "\u{1F4F7}");
    assert_eq!(unescape_excel("_xD83D_x"), "\u{FFFD}x");
    // Excel's escape of a literal "_x000D_".
    assert_eq!(unescape_excel("_x005F_x000D_"), "_x000D_");
    assert_eq!(unescape_excel("_x12_ plain_"), "_x12_ plain_");
}

#[test]
fn a_filled_workbook_is_streamed_whole_and_reads_as_calamine_reads_it() {
    // One sheet of 3,000 item rows: several pieces of 1 MiB, cut after a </row> each.
    let (_, bytes) = filled(3_000);
    let (fast, streamed) = read_workbook_with("a.xlsx", &bytes, true).unwrap();
    let (slow, none) = read_workbook_with("a.xlsx", &bytes, false).unwrap();
    assert_eq!(none, 0);
    assert!(streamed > 0 && streamed == fast.sheets.len());
    assert_eq!(fast.sheets, slow.sheets);
    let rows: usize = fast.sheets.iter().map(|s| s.rows.len()).sum();
    assert_eq!(rows, 3_000);
}

/// CPU time of this thread (Linux), which other work on a busy machine does not stretch.
fn cpu_time() -> std::time::Duration {
    std::fs::read_to_string("/proc/thread-self/schedstat")
        .ok()
        .and_then(|s| s.split_whitespace().next()?.parse().ok())
        .map_or(std::time::Duration::ZERO, std::time::Duration::from_nanos)
}

/// A one-checklist dossier of `n` items and its exported workbook with every result cell
/// filled in (a note typed in each empty note cell, column I).
fn filled(n: usize) -> (qms_core::Dossier, Vec<u8>) {
    use qms_core::sample::{SampleShape, SampleSpec, sample_dossier_shaped};
    use std::io::Read;
    let d = sample_dossier_shaped(
        &SampleSpec {
            checklist_items: n,
            findings: 0,
            seed: 5,
            agency: 0,
        },
        &SampleShape {
            checklist_size: n,
            ..SampleShape::default()
        },
    );
    let audit = d.audits[0].id.clone();
    let opts = crate::ExportOptions {
        lang: qms_core::Lang::Vi,
        today: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
        auditor: None,
        password: None,
    };
    let bytes = crate::export_checklists(&d, &audit, &opts).unwrap();
    let mut archive = zip::ZipArchive::new(Cursor::new(bytes.as_slice())).unwrap();
    let mut parts: Vec<(String, String)> = Vec::new();
    for i in 0..archive.len() {
        let mut f = archive.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut text = String::new();
        f.read_to_string(&mut text).unwrap();
        if name.starts_with("xl/worksheets/sheet") {
            let mut out = String::with_capacity(text.len() * 2);
            let mut rest = text.as_str();
            while let Some(at) = rest.find(r#"<c r="I"#) {
                out.push_str(&rest[..at]);
                rest = &rest[at..];
                let end = rest.find('>').unwrap() + 1;
                let cell = &rest[..end];
                let row: u32 = cell[7..].split('"').next().unwrap().parse().unwrap();
                // Only the unlocked input cells of item rows are self-closing below row 8.
                if row > 8 && cell.ends_with("/>") && cell.contains(r#"s="8""#) {
                    out.push_str(&format!(
                        r#"<c r="I{row}" s="8" t="inlineStr"><is><t>Ghi chú {row}</t></is></c>"#
                    ));
                } else {
                    out.push_str(cell);
                }
                rest = &rest[end..];
            }
            out.push_str(rest);
            text = out;
        }
        parts.push((name, text));
    }
    let parts: Vec<(&str, String)> = parts.iter().map(|(n, t)| (&n[..], t.clone())).collect();
    (d, zip(&parts))
}

/// Ten times the rows take about ten times the work, reading, matching and applying
/// together. CPU time, best of two, with a generous bound (a quadratic step gives ×100).
#[test]
fn the_whole_import_is_linear_in_the_rows() {
    let cost = |n: usize| {
        let (d, bytes) = filled(n);
        let books = [crate::Workbook {
            name: "phieu.xlsx",
            bytes: &bytes,
        }];
        (0..2)
            .map(|_| {
                let t = cpu_time();
                let out = crate::import_checklists(&d, &books, &Default::default()).unwrap();
                let spent = cpu_time().saturating_sub(t);
                assert!(out.conflicts.is_empty(), "{:?}", out.conflicts.first());
                // Items the sample already answered keep their rows as exported.
                assert!(out.changes.len() > n / 4, "{} changes", out.changes.len());
                spent
            })
            .min()
            .unwrap_or_default()
    };
    let (small, large) = (cost(500), cost(5_000));
    if small.is_zero() {
        eprintln!("NOTICE: no per-thread CPU time on this system; ratio not checked");
        return;
    }
    let ratio = large.as_secs_f64() / small.as_secs_f64();
    assert!(ratio < 30.0, "×{ratio:.1} time for ×10 rows");
}
