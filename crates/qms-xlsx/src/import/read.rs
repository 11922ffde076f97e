//! Reading a filled workbook: package checks first, then the cells as text.

use super::limits::*;
use crate::XlsxError;
use crate::layout::{FIRST_ITEM_ROW, col};
use crate::metadata::{self, META_SHEET, keys};
use calamine::{Data, Reader, Xlsx};
use qms_core::Lang;
use std::io::{Cursor, Read};
use unicode_normalization::UnicodeNormalization;

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
    /// Item rows (zero-based row, ten cells A..J as text), in sheet order; blank rows skipped.
    pub(crate) rows: Vec<(u32, [String; 10])>,
    /// Non-empty cells right of the key column, or anywhere on a foreign sheet.
    pub(crate) foreign: Vec<(u32, u16, String)>,
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
            detail: "legacy .xls format (save it as .xlsx)".into(),
        });
    }
    if !bytes.starts_with(b"PK\x03\x04") {
        return Err(XlsxError::NotXlsx {
            workbook: name.to_owned(),
            detail: "not a zip package".into(),
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
            detail: "the package has no xl/workbook.xml (is it a .docx or .ods?)".into(),
        });
    }
    let mut total = 0u64;
    let mut sink = [0u8; 64 * 1024];
    for i in 0..zip.len() {
        let mut part = zip.by_index(i).map_err(|e| unreadable(&e))?;
        if part.encrypted() {
            return Err(XlsxError::Encrypted {
                workbook: name.to_owned(),
            });
        }
        let packed = part.compressed_size().max(1);
        // Inflate with a bound rather than trusting the declared size: a bomb that lies about
        // its size stops at the limit instead of filling memory.
        let mut inflated = 0u64;
        loop {
            let n = part.read(&mut sink).map_err(|e| unreadable(&e))?;
            if n == 0 {
                break;
            }
            inflated += n as u64;
            if inflated > MAX_PART_BYTES {
                return Err(limit(
                    "uncompressed size of one part (bytes)",
                    MAX_PART_BYTES,
                    inflated,
                ));
            }
            if inflated > RATIO_FLOOR && inflated / packed > MAX_RATIO {
                return Err(limit(
                    "compression ratio of one part",
                    MAX_RATIO,
                    inflated / packed,
                ));
            }
        }
        total += inflated;
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

/// The text of a cell as a person sees it; line breaks normalised to `\n`, text to NFC.
fn cell_text(d: &Data) -> String {
    match d {
        Data::Empty => String::new(),
        Data::String(s) => normalise(s),
        Data::Int(i) => i.to_string(),
        Data::Float(f) if f.fract() == 0.0 && f.abs() < 1e15 => format!("{}", *f as i64),
        Data::Float(f) => f.to_string(),
        Data::Bool(b) => if *b { "TRUE" } else { "FALSE" }.to_owned(),
        Data::DateTime(dt) => excel_date_text(dt.as_f64()),
        Data::DateTimeIso(s) | Data::DurationIso(s) => s.clone(),
        Data::Error(e) => e.to_string(),
    }
}

/// A date typed into a text column, shown as Vietnamese agencies write dates (dd/mm/yyyy).
fn excel_date_text(serial: f64) -> String {
    let epoch = chrono::NaiveDate::from_ymd_opt(1899, 12, 30).unwrap_or_default();
    let days = serial.floor();
    let secs = ((serial - days) * 86_400.0).round() as u32;
    match epoch.checked_add_signed(chrono::Duration::days(days as i64)) {
        Some(d) if secs == 0 => d.format("%d/%m/%Y").to_string(),
        Some(d) => format!(
            "{} {:02}:{:02}",
            d.format("%d/%m/%Y"),
            secs / 3600,
            secs / 60 % 60
        ),
        None => serial.to_string(),
    }
}

pub(crate) fn normalise(s: &str) -> String {
    let s = if s.contains('\r') {
        s.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        s.to_owned()
    };
    if s.is_ascii() { s } else { s.nfc().collect() }
}

/// Reads a checked package into sheets of text.
pub(crate) fn read_workbook(name: &str, bytes: &[u8]) -> Result<WorkbookData, XlsxError> {
    let mut xlsx: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).map_err(|e| XlsxError::Unreadable {
        workbook: name.to_owned(),
        detail: e.to_string(),
    })?;
    let not_checklist = || XlsxError::NotAChecklist {
        workbook: name.to_owned(),
    };
    let sheet_names = xlsx.sheet_names();
    if !sheet_names.iter().any(|s| s == META_SHEET) {
        return Err(not_checklist());
    }
    let meta_range = xlsx
        .worksheet_range(META_SHEET)
        .map_err(|_| not_checklist())?;
    let meta = parse_meta(name, &meta_range)?;
    let mut sheets = Vec::new();
    for sheet in sheet_names.iter().filter(|s| *s != META_SHEET) {
        let range = xlsx
            .worksheet_range(sheet)
            .map_err(|e| XlsxError::Unreadable {
                workbook: name.to_owned(),
                detail: format!("sheet «{sheet}»: {e}"),
            })?;
        sheets.push(read_sheet(sheet, &range));
    }
    Ok(WorkbookData { meta, sheets })
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

fn read_sheet(name: &str, range: &calamine::Range<Data>) -> SheetData {
    let (r0, c0) = range.start().unwrap_or((0, 0));
    let at = |r: u32, c: u32| -> String {
        if r < r0 || c < c0 {
            return String::new();
        }
        range
            .get(((r - r0) as usize, (c - c0) as usize))
            .map(cell_text)
            .unwrap_or_default()
    };
    let checklist = at(0, u32::from(col::KEY))
        .strip_prefix(metadata::SHEET_KEY_PREFIX)
        .map(str::to_owned);
    let mut rows = Vec::new();
    let mut foreign = Vec::new();
    for (i, row) in range.rows().enumerate() {
        let r = r0 + i as u32;
        for (j, d) in row.iter().enumerate() {
            let c = c0 + j as u32;
            let outside = checklist.is_none() || c > u32::from(col::KEY);
            if outside && !matches!(d, Data::Empty) {
                let text = cell_text(d);
                if !text.trim().is_empty() {
                    foreign.push((r, c.min(u32::from(u16::MAX)) as u16, text));
                }
            }
        }
        if checklist.is_none() || r < FIRST_ITEM_ROW {
            continue;
        }
        let cells: [String; 10] = std::array::from_fn(|c| {
            let c = c as u32;
            if c < c0 {
                return String::new();
            }
            row.get((c - c0) as usize)
                .map(cell_text)
                .unwrap_or_default()
        });
        if cells.iter().all(|t| t.trim().is_empty()) {
            continue;
        }
        rows.push((r, cells));
    }
    SheetData {
        name: name.to_owned(),
        checklist,
        rows,
        foreign,
    }
}
