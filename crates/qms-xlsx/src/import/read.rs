//! Reading a filled workbook: package checks first, then the cells as text.

use super::limits::*;
use super::parts;
use super::rows::SheetBuilder;
use super::scan::{self, Scanned};
use crate::metadata::{self, META_SHEET, keys};
use crate::{NotXlsx, XlsxError};
use calamine::{Data, DataRef, Reader, Xlsx};
use qms_core::Lang;
use std::io::{Cursor, Read};

use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// What the hidden `_qms` sheet says.
#[derive(Debug, Clone)]
pub(crate) struct Meta {
    pub(crate) dossier: String,
    pub(crate) audit: String,
    pub(crate) lang: Lang,
    pub(crate) graded: bool,
    /// Exported checklists: (checklist id, sheet name at export, items exported).
    pub(crate) checklists: Vec<(String, String, usize)>,
}

/// One sheet as read.
#[derive(Debug)]
pub(crate) struct SheetData {
    pub(crate) name: String,
    /// The checklist id from cell J1, when the sheet is a checklist sheet.
    pub(crate) checklist: Option<String>,
    /// Item rows in sheet order; blank rows skipped.
    pub(crate) rows: Vec<RowData>,
    /// Non-empty cells right of the key column, or anywhere on a foreign sheet.
    pub(crate) foreign: Vec<(u32, u16, String)>,
    /// Header-block rows whose visible cells differ from what was exported: the first
    /// non-empty cell of the row (or column C) and what it says now.
    pub(crate) header_edits: Vec<(u32, u16, String)>,
}

/// One item row, kept compact: 100,000 rows must not cost their full text twice.
#[derive(Debug)]
pub(crate) struct RowData {
    /// Zero-based row.
    pub(crate) row: u32,
    /// The hidden row key (column J) as read.
    pub(crate) key: String,
    /// Fingerprint of the locked cells A..E as read.
    pub(crate) locked_fp: u64,
    /// The locked cells' texts, kept only when they do not match the key's fingerprint
    /// (needed to name the edited cell).
    pub(crate) locked: Option<Box<[String; 5]>>,
    /// The input cells F, G, H, I.
    pub(crate) inputs: [String; 4],
    /// Input cells that hold a formula: (column, formula text, cached value as read). A
    /// formula is never taken as an answer: its value is not what the auditor typed.
    pub(crate) formulas: Vec<(u16, String, String)>,
}

/// A workbook read and checked.
pub(crate) struct WorkbookData {
    pub(crate) meta: Meta,
    pub(crate) sheets: Vec<SheetData>,
}

const OLE2_MAGIC: [u8; 8] = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

/// Refuses what is not a sane .xlsx package, quickly and before any parsing.
pub(crate) fn check_package(name: &str, bytes: &[u8]) -> Result<(), XlsxError> {
    let limit = |what: &str, limit: u64, actual: u64| XlsxError::PackageLimit {
        workbook: name.to_owned(),
        what: what.to_owned(),
        limit,
        actual,
    };
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(limit(
            "file size (bytes)",
            MAX_FILE_BYTES,
            bytes.len() as u64,
        ));
    }
    if bytes.starts_with(&OLE2_MAGIC) {
        // Excel wraps an encrypted .xlsx in an OLE2 compound file with an "EncryptionInfo"
        // stream; any other OLE2 file is a legacy .xls (or .doc).
        let marker: Vec<u8> = "EncryptionInfo"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        if bytes.windows(marker.len()).any(|w| w == marker.as_slice()) {
            return Err(XlsxError::Encrypted {
                workbook: name.to_owned(),
            });
        }
        return Err(XlsxError::NotXlsx {
            workbook: name.to_owned(),
            found: NotXlsx::LegacyXls,
        });
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(XlsxError::NotXlsx {
            workbook: name.to_owned(),
            found: NotXlsx::NotZip,
        });
    }
    let unreadable = |e: &dyn std::fmt::Display| XlsxError::Unreadable {
        workbook: name.to_owned(),
        detail: e.to_string(),
    };
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    if zip.len() as u64 > MAX_ENTRIES {
        return Err(limit("number of parts", MAX_ENTRIES, zip.len() as u64));
    }
    if zip.index_for_name("xl/workbook.xml").is_none() {
        return Err(XlsxError::NotXlsx {
            workbook: name.to_owned(),
            found: NotXlsx::NoWorkbook,
        });
    }
    // Sizes come from the central directory, without inflating anything. They cannot lie to
    // us: the zip reader that calamine uses stops with an error as soon as a part inflates past
    // its declared size, so a bomb that under-declares is refused when it is read.
    let mut total = 0u64;
    for i in 0..zip.len() {
        let part = zip.by_index_raw(i).map_err(|e| unreadable(&e))?;
        if part.encrypted() {
            return Err(XlsxError::Encrypted {
                workbook: name.to_owned(),
            });
        }
        let (size, packed) = (part.size(), part.compressed_size().max(1));
        if size > MAX_PART_BYTES {
            return Err(limit(
                "uncompressed size of one part (bytes)",
                MAX_PART_BYTES,
                size,
            ));
        }
        if size > RATIO_FLOOR && size / packed > MAX_RATIO {
            return Err(limit(
                "compression ratio of one part",
                MAX_RATIO,
                size / packed,
            ));
        }
        total += size;
        if total > MAX_TOTAL_BYTES {
            return Err(limit(
                "uncompressed size of the package (bytes)",
                MAX_TOTAL_BYTES,
                total,
            ));
        }
    }
    Ok(())
}

/// The error for a reference past Excel's grid in a worksheet part.
fn off_grid(workbook: &str, part: &str, bad: &str) -> XlsxError {
    XlsxError::Unreadable {
        workbook: workbook.to_owned(),
        detail: format!("{part}: cell reference {bad:?} is outside Excel's grid (XFD1048576)"),
    }
}

/// Checks the references of the worksheet parts calamine will read (those `wanted`), before
/// it reads any (see `cell_refs`); the sheet scanner checks the parts it reads as it reads them.
fn check_references(
    name: &str,
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    wanted: &dyn Fn(&str) -> bool,
) -> Result<(), XlsxError> {
    let unreadable = |e: &dyn std::fmt::Display| XlsxError::Unreadable {
        workbook: name.to_owned(),
        detail: e.to_string(),
    };
    for i in 0..zip.len() {
        let part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        let part_name = part.name().map(|n| n.to_string()).unwrap_or_default();
        // Any case: calamine found `xl/worksheetS/sheet1.xml` for `worksheets/sheet1.xml` (a
        // fuzzed workbook that reached its unchecked arithmetic past this test).
        let lower = part_name.to_ascii_lowercase();
        let worksheet = lower.starts_with("xl/worksheets/") && lower.ends_with(".xml");
        if !(worksheet && wanted(&part_name)) {
            continue;
        }
        if let Some(bad) =
            super::cell_refs::first_reference_off_grid(part).map_err(|e| unreadable(&e))?
        {
            return Err(off_grid(name, &part_name, &bad));
        }
    }
    Ok(())
}

/// The text of a cell as a person sees it; line breaks normalised to `\n`, text to NFC.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => normalise(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) => float_text(*f),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => excel_date_text(dt),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// The same for the streaming reader's cells.
pub(crate) fn cell_ref_text(d: &DataRef<'_>) -> String {
    match d {
        DataRef::Empty => String::new(),
        DataRef::String(s) => normalise(s),
        DataRef::SharedString(s) => normalise(s),
        DataRef::Int(i) => i.to_string(),
        DataRef::Float(f) => float_text(*f),
        DataRef::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        DataRef::DateTime(dt) => excel_date_text(dt),
        DataRef::DateTimeIso(s) | DataRef::DurationIso(s) => s.clone(),
        DataRef::Error(e) => e.to_string(),
    }
}

pub(crate) fn float_text(f: f64) -> String {
    if f.fract() == 0.0 && f.abs() < 1e15 {
        format!("{}", f as i64)
    } else if f.is_finite() && f.abs() >= 1e15 {
        // As Excel shows it (1E+300), not three hundred digits.
        format!("{f:E}").replace('E', "E+").replace("E+-", "E-")
    } else {
        f.to_string()
    }
}

/// The serial of 9999-12-31, the last day Excel can show.
const LAST_EXCEL_DAY: f64 = 2_958_465.0;

/// A date typed into a text column, shown as Vietnamese agencies write dates (dd/mm/yyyy).
///
/// calamine's own conversion handles the 1900 and 1904 date systems; it is only called on
/// serials Excel can show, because out-of-range or non-finite serials (a hand-edited file)
/// would overflow it. Those are kept as the number they are.
fn excel_date_text(dt: &calamine::ExcelDateTime) -> String {
    let serial = dt.as_f64();
    if dt.is_duration() || !serial.is_finite() || !(0.0..=LAST_EXCEL_DAY).contains(&serial) {
        return float_text(serial);
    }
    let (y, m, d, hh, mm, ss, _) = dt.to_ymd_hms_milli();
    if (hh, mm, ss) == (0, 0, 0) {
        format!("{d:02}/{m:02}/{y:04}")
    } else {
        format!("{d:02}/{m:02}/{y:04} {hh:02}:{mm:02}")
    }
}

/// Characters that are NFC on their own and never combine with a neighbour: everything below
/// the combining diacritics block (U+0300), and the precomposed Vietnamese letters of Latin
/// Extended Additional. A cheap test that settles almost every Vietnamese cell.
fn surely_nfc(c: char) -> bool {
    c < '\u{300}' || ('\u{1E00}'..='\u{1EFF}').contains(&c)
}

pub(crate) fn normalise(s: &str) -> String {
    normalise_owned(s.to_owned())
}

/// [`normalise`], reusing the string when it is already normal (almost always).
pub(crate) fn normalise_owned(s: String) -> String {
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s
    };
    // The quick check answers "yes" for almost all text typed on Vietnamese keyboards,
    // sparing a full normalisation of every cell (ASCII, checked a word at a time, first).
    if s.is_ascii() || s.chars().all(surely_nfc) || is_nfc_quick(s.chars()) == IsNormalized::Yes {
        s
    } else {
        s.nfc().collect()
    }
}

/// Reads a checked package into sheets of text.
pub(crate) fn read_workbook(name: &str, bytes: &[u8]) -> Result<WorkbookData, XlsxError> {
    read_workbook_using(name, bytes, true)
}

/// [`read_workbook`], with the sheet scanner or (`scanner` false, for tests that compare the
/// two) calamine alone.
pub(crate) fn read_workbook_using(
    name: &str,
    bytes: &[u8],
    scanner: bool,
) -> Result<WorkbookData, XlsxError> {
    let unreadable = |e: &dyn std::fmt::Display| XlsxError::Unreadable {
        workbook: name.to_owned(),
        detail: e.to_string(),
    };
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    let not_checklist = || XlsxError::NotAChecklist {
        workbook: name.to_owned(),
    };
    let sheet_names = xlsx.sheet_names();
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| unreadable(&e))?;
    // The checklist sheets the scanner reads (and checks); calamine reads the rest.
    let plan = scanner
        .then(|| parts::sheet_parts(&mut zip, &sheet_names))
        .flatten()
        .unwrap_or_default();
    let scan_parts: Vec<&str> = sheet_names
        .iter()
        .zip(&plan)
        .filter(|(sheet, _)| *sheet != META_SHEET)
        .map(|(_, part)| part.as_str())
        .collect();
    check_references(name, &mut zip, &|p| !scan_parts.contains(&p))?;

    if !sheet_names.iter().any(|s| s == META_SHEET) {
        return Err(not_checklist());
    }
    let meta_range = xlsx
        .worksheet_range(META_SHEET)
        .map_err(|_| not_checklist())?;
    let meta = parse_meta(name, &meta_range)?;
    let strings = parts::shared_strings(&mut zip);
    let plain_styles: Vec<bool> = xlsx
        .worksheet_cells_reader(META_SHEET)
        .map(|r| r.styles().iter().map(plain_numbers).collect())
        .unwrap_or_default();
    let ctx = scan::Context {
        plain_styles: &plain_styles,
        strings: strings.as_deref(),
    };
    let mut sheets = Vec::new();
    for (i, sheet) in sheet_names.iter().enumerate() {
        if sheet == META_SHEET {
            continue;
        }
        if let Some(part) = plan.get(i) {
            let data = zip.by_name(part).map_err(|e| unreadable(&e))?;
            match scan::scan_sheet(sheet, data, &ctx).map_err(|e| unreadable(&e))? {
                Scanned::Sheet(data) => {
                    sheets.push(data);
                    continue;
                }
                Scanned::OffGrid(bad) => return Err(off_grid(name, part, &bad)),
                // Checked before calamine reads it, as every other part was.
                Scanned::Unusual => {
                    check_references(name, &mut zip, &|p| p.eq_ignore_ascii_case(part))?
                }
            }
        }
        let unreadable = |e: calamine::XlsxError| XlsxError::Unreadable {
            workbook: name.to_owned(),
            detail: format!("sheet «{sheet}»: {e}"),
        };
        let mut cells = xlsx.worksheet_cells_reader(sheet).map_err(unreadable)?;
        sheets.push(read_sheet(sheet, &mut cells).map_err(unreadable)?);
    }
    Ok(WorkbookData { meta, sheets })
}

/// Whether calamine reads numbers in this cell style as plain numbers (General format), not
/// as dates or times.
fn plain_numbers(style: &calamine::Style) -> bool {
    style
        .number_format
        .as_ref()
        .is_none_or(|f| f.format_id == Some(0) && f.format_code == "General")
}

fn parse_meta(name: &str, range: &calamine::Range<Data>) -> Result<Meta, XlsxError> {
    let mut meta = Meta {
        dossier: String::new(),
        audit: String::new(),
        lang: Lang::Vi,
        graded: true,
        checklists: Vec::new(),
    };
    let (mut format, mut version) = (String::new(), String::new());
    for row in range.rows() {
        let cell = |i: usize| row.get(i).map(cell_text).unwrap_or_default();
        let v = cell(1);
        match cell(0).as_str() {
            keys::FORMAT => format = v,
            keys::VERSION => version = v,
            keys::DOSSIER => meta.dossier = v,
            keys::AUDIT => meta.audit = v,
            keys::LANG => meta.lang = Lang::parse(&v).unwrap_or(Lang::Vi),
            keys::GRADED => meta.graded = v != "0",
            keys::CHECKLIST => meta
                .checklists
                .push((v, cell(2), cell(3).parse().unwrap_or(0))),
            _ => {}
        }
    }
    if format != metadata::FORMAT_NAME || meta.dossier.is_empty() {
        return Err(XlsxError::NotAChecklist {
            workbook: name.to_owned(),
        });
    }
    if version
        .parse::<u32>()
        .map_or(true, |v| v > metadata::FORMAT_VERSION)
    {
        return Err(XlsxError::UnsupportedVersion {
            workbook: name.to_owned(),
            version,
        });
    }
    Ok(meta)
}

/// Streams a sheet's cells with calamine (no full grid in memory) into compact rows.
fn read_sheet<RS: Read + std::io::Seek>(
    name: &str,
    reader: &mut calamine::XlsxCellReader<'_, RS>,
) -> Result<SheetData, calamine::XlsxError> {
    let mut sheet = SheetBuilder::new(name);
    while let Some(cell) = reader.next_cell_with_formula()? {
        let (r, c) = cell.pos;
        let text = (!matches!(cell.value, DataRef::Empty)).then(|| cell_ref_text(&cell.value));
        sheet.cell(r, c, text, cell.formula.as_deref());
    }
    Ok(sheet.finish())
}

#[cfg(test)]
mod tests {
    use super::*;
    use calamine::{ExcelDateTime, ExcelDateTimeType};

    fn date(serial: f64, is_1904: bool) -> String {
        excel_date_text(&ExcelDateTime::new(
            serial,
            ExcelDateTimeType::DateTime,
            is_1904,
        ))
    }

    #[test]
    fn date_cells_read_in_both_date_systems() {
        assert_eq!(date(46_000.0, false), "09/12/2025");
        // The 1904 system counts 1,462 days fewer for the same day (Excel for Mac files).
        assert_eq!(date(46_000.0 - 1_462.0, true), "09/12/2025");
        assert_eq!(date(46_000.5, false), "09/12/2025 12:00");
    }

    #[test]
    fn impossible_date_serials_are_kept_as_numbers_never_a_panic() {
        for (serial, shown) in [
            (f64::INFINITY, "inf"),
            (f64::NEG_INFINITY, "-inf"),
            (-5.0, "-5"),
            (1e300, "1E+300"),
            (3_000_000.0, "3000000"),
        ] {
            assert_eq!(date(serial, false), shown);
        }
        assert_eq!(date(f64::NAN, true), "NaN");
    }
}
