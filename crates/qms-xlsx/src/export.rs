//! The checklist workbook (phiếu câu hỏi đánh giá) that auditors fill offline.

use crate::layout::{self, FIRST_ITEM_ROW, HEADING_ROW, col};
use crate::metadata::{self, META_SHEET, keys};
use crate::pagination;
use crate::safety::{MAX_CELL_CHARS, SheetNames, check_cell_text};
use crate::style::Styles;
use crate::{XlsxError, props};
use qms_core::model::{Audit, Checklist, FindingKind};
use qms_core::{Dossier, Lang, catalog};
use rust_xlsxwriter::{
    DataValidation, DataValidationErrorStyle, ProtectionOptions, Workbook, Worksheet,
};
use std::collections::HashMap;

/// At most this many item rows of a workbook get measured row heights.
///
/// LibreOffice does not re-measure the rows of an .xlsx it opens, so without explicit heights
/// wrapped text prints as overlapping lines; Excel measures rows itself when none is given.
/// rust_xlsxwriter keeps row options in memory even in constant-memory mode (about 340 bytes a
/// row), so larger sheets leave the heights to the spreadsheet and stay within their memory
/// budget. The budget is the workbook's, not each sheet's: checklists are measured in order
/// while they fit, so that memory does not grow with the number of sheets.
pub const MEASURED_ROWS_MAX: usize = 10_000;

/// Checklists of at least this many items are streamed (rust_xlsxwriter's constant-memory
/// mode, through a temporary file); smaller ones are built in memory (about 1.6 KB a row).
pub const STREAMED_ITEMS_MIN: usize = 1_000;

/// Options of [`export_checklists`].
///
/// ```
/// let opts = qms_xlsx::ExportOptions {
///     lang: qms_core::Lang::Vi,
///     today: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(),
///     auditor: None,
///     password: None,
/// };
/// assert!(opts.password.is_none()); // sheets are protected without a password by default
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ExportOptions {
    /// Language of headings, dropdowns and instructions.
    pub lang: Lang,
    /// The export date: written in the metadata and as the document's creation date.
    pub today: chrono::NaiveDate,
    /// Only the checklists of this auditor (a person id).
    pub auditor: Option<String>,
    /// Password of the sheet protection; none by default, so any auditor can lift it knowingly.
    pub password: Option<String>,
}

/// Writes the checklist workbook of an audit: one sheet per checklist, plus hidden metadata.
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let d = sample_dossier(&SampleSpec { checklist_items: 30, findings: 2, seed: 1, agency: 0 });
/// let opts = qms_xlsx::ExportOptions { lang: qms_core::Lang::Vi,
///     today: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), auditor: None, password: None };
/// let bytes = qms_xlsx::export_checklists(&d, "a0000", &opts).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// assert_eq!(bytes, qms_xlsx::export_checklists(&d, "a0000", &opts).unwrap()); // reproducible
/// ```
pub fn export_checklists(
    dossier: &Dossier,
    audit_id: &str,
    opts: &ExportOptions,
) -> Result<Vec<u8>, XlsxError> {
    export_checklists_observed(dossier, audit_id, opts, &|_, _, _| {})
}

/// [`export_checklists`], telling `observe(done, total, now)` before each checklist's sheet
/// (`now`: the checklist id), before the workbook is packed, and once at the end (`now`
/// empty), so that a command line can draw a progress bar. The bytes are the same.
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let d = sample_dossier(&SampleSpec { checklist_items: 30, findings: 2, seed: 1, agency: 0 });
/// let opts = qms_xlsx::ExportOptions { lang: qms_core::Lang::Vi,
///     today: chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap(), auditor: None, password: None };
/// let last = std::sync::Mutex::new((0, 0));
/// let bytes = qms_xlsx::export_checklists_observed(&d, "a0000", &opts, &|done, total, _| {
///     *last.lock().unwrap() = (done, total);
/// }).unwrap();
/// let (done, total) = last.into_inner().unwrap();
/// assert!(total >= 2 && done == total);
/// assert_eq!(bytes, qms_xlsx::export_checklists(&d, "a0000", &opts).unwrap());
/// ```
pub fn export_checklists_observed(
    dossier: &Dossier,
    audit_id: &str,
    opts: &ExportOptions,
    observe: &(dyn Fn(usize, usize, &str) + Sync),
) -> Result<Vec<u8>, XlsxError> {
    let audit = dossier
        .audits
        .iter()
        .find(|a| a.id == audit_id)
        .ok_or_else(|| XlsxError::UnknownAudit {
            audit: audit_id.to_owned(),
        })?;
    let chosen: Vec<&Checklist> = audit
        .checklists
        .iter()
        .filter(|c| opts.auditor.as_deref().is_none_or(|a| c.auditor == a))
        .collect();
    if chosen.is_empty() {
        return Err(XlsxError::NoChecklists {
            audit: audit_id.to_owned(),
            auditor: opts.auditor.clone(),
        });
    }
    let mut wb = Workbook::new();
    // Deflate level 3 (zlib's fast strategy) packs 100,000 items in 9.6 MB against 8.2 MB at
    // level 5, and saves another 10% of the export time, most of which is compression: the
    // workbook is written for every audit, and a few more megabytes cost less than waiting.
    wb.set_zip_compression_level(3);
    wb.set_properties(&props(
        opts.today,
        opts.lang.pick("Phiếu câu hỏi đánh giá", "Audit checklist"),
        &audit.title,
    ));
    let styles = Styles::new("dd/mm/yyyy");
    let ctx = Context::new(dossier, audit, opts);
    let mut names = SheetNames::default();
    names.reserve(META_SHEET);
    let mut written = Vec::new();
    let mut measured = 0;
    // One step per sheet, and one for packing the workbook (most of it compression).
    let total = chosen.len() + 1;
    for (i, checklist) in chosen.iter().enumerate() {
        observe(i, total, &checklist.id);
        let measure = measured + checklist.items.len() <= MEASURED_ROWS_MAX;
        if measure {
            measured += checklist.items.len();
        }
        let unit = dossier.unit(&checklist.unit);
        let wanted = unit
            .map(|u| u.short_name.as_deref().unwrap_or(&u.name))
            .unwrap_or(&checklist.unit);
        let name = names.claim(wanted);
        // Constant-memory mode streams rows to a temporary file: a 100,000-item checklist stays
        // within a few megabytes instead of holding every cell until save. Small checklists
        // stay in memory: no temporary file, and an audit of hundreds of checklists does not
        // hold hundreds of open files.
        let ws = if checklist.items.len() >= STREAMED_ITEMS_MIN {
            wb.add_worksheet_with_constant_memory()?
        } else {
            wb.add_worksheet()
        };
        ws.set_name(&name)?;
        write_checklist(ws, &ctx, checklist, &name, &styles, measure)?;
        written.push((checklist.id.as_str(), name, checklist.items.len()));
    }
    write_meta(wb.add_worksheet(), dossier, audit, opts, &written)?;
    observe(total - 1, total, "");
    let bytes = wb.save_to_buffer()?;
    observe(total, total, "");
    Ok(bytes)
}

/// Look-ups built once per export, so each of 100,000 rows costs hash probes, not scans.
struct Context<'a> {
    dossier: &'a Dossier,
    audit: &'a Audit,
    lang: Lang,
    graded: bool,
    password: Option<&'a str>,
    /// Finding kinds linked to each (checklist, item), indexed once instead of scanned per row.
    linked: HashMap<(&'a str, &'a str), Vec<FindingKind>>,
    procedure_text: HashMap<&'a str, String>,
}

impl<'a> Context<'a> {
    fn new(dossier: &'a Dossier, audit: &'a Audit, opts: &'a ExportOptions) -> Context<'a> {
        let procedure_text = dossier
            .procedures
            .iter()
            .map(|p| (p.id.as_str(), format!("{} {}", p.code, p.title)))
            .collect();
        Context {
            dossier,
            audit,
            lang: opts.lang,
            graded: dossier.settings.grade_nonconformities,
            password: opts.password.as_deref(),
            linked: metadata::linked_index(audit),
            procedure_text,
        }
    }
}

/// The text of a clause cell: number and title in the workbook's language.
pub(crate) fn clause_label(edition: qms_core::Edition, id: &str, lang: Lang) -> String {
    match catalog::find(edition, id) {
        Some(c) => format!("{id} {}", c.title(lang)),
        None => id.to_owned(),
    }
}

/// Heights of the rows above the items, in points: the title, each header field, the hint
/// and the column headings. Set explicitly: the page layout counts on them.
const TITLE_HEIGHT: f64 = 24.0;
const FIELD_HEIGHT: f64 = 18.75;
const HINT_HEIGHT: f64 = 30.0;
const HEADING_HEIGHT: f64 = 33.0;
/// Height of the empty row under the headings of a checklist without items.
const EMPTY_HEIGHT: f64 = 18.75;

fn write_checklist(
    ws: &mut Worksheet,
    ctx: &Context<'_>,
    checklist: &Checklist,
    sheet: &str,
    s: &Styles,
    measure_rows: bool,
) -> Result<(), XlsxError> {
    let lang = ctx.lang;
    let d = ctx.dossier;
    for (c, w) in layout::WIDTHS.iter().enumerate() {
        let c = c as u16;
        ws.set_column_width(c, *w)?;
        let format = match c {
            col::STT => &s.locked_center,
            col::RESULT | col::EVIDENCE | col::KIND | col::NOTE => &s.value,
            _ => &s.locked,
        };
        ws.set_column_format(c, format)?;
    }
    ws.set_column_hidden(col::KEY)?;
    let last = col::LAST_VISIBLE;
    // Header block (rows 1-7).
    let title = lang.pick("PHIẾU CÂU HỎI ĐÁNH GIÁ NỘI BỘ", "INTERNAL AUDIT CHECKLIST");
    ws.merge_range(0, 0, 0, last, title, &s.title)?;
    ws.set_row_height(0, TITLE_HEIGHT)?;
    ws.write_string(
        0,
        col::KEY,
        format!("{}{}", metadata::SHEET_KEY_PREFIX, checklist.id),
    )?;
    let unit = crate::names::unit_name(d, &checklist.unit, lang);
    let audit_title = ctx.audit.title_in(&d.english, lang);
    let auditor = d
        .person(&checklist.auditor)
        .map_or(checklist.auditor.as_str(), |p| p.name.as_str());
    let date = checklist
        .date
        .map(|x| x.format("%d/%m/%Y").to_string())
        .unwrap_or_default();
    let block = [
        (
            lang.pick("Cơ quan:", "Agency:"),
            crate::names::agency_name(d, lang),
        ),
        (lang.pick("Cuộc đánh giá:", "Audit:"), audit_title.as_str()),
        (lang.pick("Đơn vị được đánh giá:", "Unit audited:"), unit),
        (lang.pick("Chuyên gia đánh giá:", "Auditor:"), auditor),
        (lang.pick("Ngày đánh giá:", "Date:"), date.as_str()),
    ];
    for (i, (label, value)) in block.iter().enumerate() {
        let row = 1 + i as u32;
        check_cell_text(sheet, row, 2, label, value)?;
        ws.merge_range(row, 0, row, 1, label, &s.field_label)?;
        ws.merge_range(row, 2, row, last, value, &s.field_value)?;
        ws.write_string(row, col::KEY, metadata::header_key(&[label, value]))?;
        ws.set_row_height(row, FIELD_HEIGHT)?;
    }
    let hint = lang.pick(
        "Chỉ điền các cột có nền vàng: Kết quả, Bằng chứng / ghi chép, Loại phát hiện, Ghi chú. Không thêm, xóa hay chèn dòng, cột.",
        "Fill only the yellow columns: Result, Evidence, Finding kind, Note. Do not add, delete or insert rows or columns.",
    );
    ws.merge_range(6, 0, 6, last, hint, &s.note)?;
    ws.write_string(6, col::KEY, metadata::header_key(&[hint]))?;
    ws.set_row_height(6, HINT_HEIGHT)?;
    ws.set_row_height(HEADING_ROW, HEADING_HEIGHT)?;
    for (c, h) in layout::headings(lang).iter().enumerate() {
        ws.write_string_with_format(HEADING_ROW, c as u16, *h, &s.heading)?;
    }
    ws.write_string(HEADING_ROW, col::KEY, "qms-key")?;

    let kinds = layout::finding_kinds(ctx.graded);
    let edition = d.scope.edition;
    // Clause texts are computed once per distinct clause list, then borrowed for every row.
    let mut clause_texts: HashMap<&[String], String> = HashMap::new();
    for item in &checklist.items {
        clause_texts
            .entry(item.clauses.as_slice())
            .or_insert_with(|| {
                item.clauses
                    .iter()
                    .map(|id| clause_label(edition, id, lang))
                    .collect::<Vec<_>>()
                    .join("\n")
            });
    }
    let no_kinds = Vec::new();
    // Heights of the measured rows from the top, for laying out the printed pages.
    let mut heights: Vec<f64> = Vec::new();
    if measure_rows {
        heights.reserve(checklist.items.len() + 16);
        heights.push(TITLE_HEIGHT);
        heights.extend([FIELD_HEIGHT; 5]);
        heights.extend([HINT_HEIGHT, HEADING_HEIGHT]);
    }
    for (i, item) in checklist.items.iter().enumerate() {
        let row = FIRST_ITEM_ROW + i as u32;
        let stt = (i + 1).to_string();
        let clauses = clause_texts
            .get(item.clauses.as_slice())
            .map_or("", String::as_str);
        let procedure = item
            .procedure
            .as_deref()
            .map_or("", |p| ctx.procedure_text.get(p).map_or(p, |t| t.as_str()));
        let guidance = item.guidance.as_deref().unwrap_or_default();
        let locked = [stt.as_str(), clauses, procedure, &item.question, guidance];
        let linked = ctx
            .linked
            .get(&(checklist.id.as_str(), item.id.as_str()))
            .unwrap_or(&no_kinds);
        let rev = metadata::item_revision(item, linked.iter().copied());
        let lock = metadata::lock_fingerprint(&locked);
        ws.write_number(row, col::STT, (i + 1) as f64)?;
        let result = item.result.label(lang);
        let evidence = item.evidence.as_deref().unwrap_or_default();
        let note = item.note.as_deref().unwrap_or_default();
        let kind = linked
            .first()
            .filter(|k| kinds.contains(k))
            .map_or("", |k| k.label(lang));
        for (c, text) in [
            (col::CLAUSE, clauses),
            (col::PROCEDURE, procedure),
            (col::QUESTION, item.question.as_str()),
            (col::GUIDANCE, guidance),
            (col::RESULT, result),
            (col::EVIDENCE, evidence),
            (col::KIND, kind),
            (col::NOTE, note),
        ] {
            // Cheap test first: a text of at most 32,767 bytes has at most that many UTF-16 units.
            if text.len() > MAX_CELL_CHARS {
                check_cell_text(sheet, row, c, &format!("item {}", item.id), text)?;
            }
            if matches!(c, col::RESULT | col::EVIDENCE | col::KIND | col::NOTE) {
                // Input cells carry their own unlocked format, so that only the table's input
                // cells are unlocked (not the whole column below it). Blank ones too.
                ws.write_string_with_format(row, c, text, &s.input)?;
            } else {
                // Locked cells take the column format: one format look-up fewer per cell
                // counts on 100,000-row sheets.
                ws.write_string(row, c, text)?;
            }
        }
        let input = metadata::lock_fingerprint(&[result, evidence, kind, note]);
        ws.write_string(row, col::KEY, metadata::row_key(rev, lock, input, &item.id))?;
        if measure_rows {
            let height = layout::row_height(&[
                (col::CLAUSE, clauses),
                (col::PROCEDURE, procedure),
                (col::QUESTION, &item.question),
                (col::GUIDANCE, guidance),
                (col::EVIDENCE, evidence),
                (col::KIND, kind),
                (col::NOTE, note),
            ]);
            ws.set_row_height(row, height)?;
            heights.push(height);
        }
    }
    let n = checklist.items.len() as u32;
    let last_row = HEADING_ROW + n.max(1);
    if n > 0 {
        let results: Vec<&str> = qms_core::model::ItemResult::ALL
            .iter()
            .map(|r| r.label(lang))
            .collect();
        let kind_labels: Vec<&str> = kinds.iter().map(|k| k.label(lang)).collect();
        let (err_title, err_msg) = (
            lang.pick("Giá trị không hợp lệ", "Invalid value"),
            lang.pick(
                "Hãy chọn một giá trị trong danh sách thả xuống.",
                "Choose a value from the dropdown list.",
            ),
        );
        for (c, list) in [(col::RESULT, results), (col::KIND, kind_labels)] {
            let dv = DataValidation::new()
                .allow_list_strings(&list)?
                .set_error_style(DataValidationErrorStyle::Stop)
                .set_error_title(err_title)?
                .set_error_message(err_msg)?;
            ws.add_data_validation(FIRST_ITEM_ROW, c, last_row, c, &dv)?;
        }
    }
    // The key column is inside the filter range so that sorting moves keys with their rows.
    ws.autofilter(HEADING_ROW, 0, last_row, col::KEY)?;
    ws.set_freeze_panes(FIRST_ITEM_ROW, 0)?;
    ws.set_landscape();
    ws.set_paper_size(9); // A4
    let [left, right, top, bottom, header, footer] = pagination::MARGINS;
    ws.set_margins(left, right, top, bottom, header, footer);
    ws.set_repeat_rows(HEADING_ROW, HEADING_ROW)?;
    ws.set_print_fit_to_pages(1, 0);
    let representative = crate::signatures::unit_representative(d, ctx.audit, checklist);
    let auditor = d.person(&checklist.auditor).map(|p| p.name.as_str());
    if n == 0 {
        // The one empty row under the headings.
        ws.set_row_height(last_row, EMPTY_HEIGHT)?;
        heights.push(EMPTY_HEIGHT);
    }
    let sign_end =
        crate::signatures::checklist_signatures(ws, s, lang, last_row, representative, auditor)?;
    ws.set_print_area(0, 0, sign_end, last)?;
    // A sheet past the budget of measured rows has no item heights to lay pages out from:
    // the spreadsheet paginates it itself.
    if measure_rows {
        heights.extend(crate::signatures::SIGN_HEIGHTS);
        pagination::break_checklist(ws, &heights, (HEADING_ROW, HEADING_HEIGHT), last_row)?;
    }
    ws.set_footer(lang.pick("&CTrang &P/&N", "&CPage &P of &N"));
    if let Some(h) = crate::form_code::page_header(d, qms_core::model::QmsRecord::Checklist, lang) {
        ws.set_header(&h);
    }
    let options = ProtectionOptions {
        use_autofilter: true,
        sort: true,
        format_columns: true,
        format_rows: true,
        ..ProtectionOptions::default()
    };
    ws.protect_with_options(&options);
    if let Some(password) = ctx.password {
        ws.protect_with_password(password);
    }
    Ok(())
}

fn write_meta(
    ws: &mut Worksheet,
    dossier: &Dossier,
    audit: &Audit,
    opts: &ExportOptions,
    written: &[(&str, String, usize)],
) -> Result<(), XlsxError> {
    ws.set_name(META_SHEET)?;
    // Very hidden: Excel's UI cannot show it, so an auditor cannot damage it by accident.
    ws.set_very_hidden(true);
    let rows = [
        (keys::FORMAT, metadata::FORMAT_NAME.to_owned()),
        (keys::VERSION, metadata::FORMAT_VERSION.to_string()),
        (keys::DOSSIER, dossier.id.clone()),
        (keys::AUDIT, audit.id.clone()),
        (keys::LANG, opts.lang.pick("vi", "en").to_owned()),
        (keys::EXPORTED_ON, opts.today.to_string()),
        (
            keys::GRADED,
            if dossier.settings.grade_nonconformities {
                "1"
            } else {
                "0"
            }
            .to_owned(),
        ),
    ];
    let mut row = 0;
    for (k, v) in rows {
        check_cell_text(META_SHEET, row, 1, k, &v)?;
        ws.write_string(row, 0, k)?;
        ws.write_string(row, 1, v)?;
        row += 1;
    }
    for (id, sheet, count) in written {
        check_cell_text(META_SHEET, row, 1, "checklist id", id)?;
        ws.write_string(row, 0, keys::CHECKLIST)?;
        ws.write_string(row, 1, *id)?;
        ws.write_string(row, 2, sheet)?;
        ws.write_number(row, 3, *count as f64)?;
        row += 1;
    }
    ws.protect();
    Ok(())
}
