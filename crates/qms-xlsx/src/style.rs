//! Formats shared by every workbook: Times New Roman, the usual face of agency records.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder};

pub(crate) const FONT: &str = "Times New Roman";

/// The formats one workbook uses.
pub(crate) struct Styles {
    pub(crate) title: Format,
    pub(crate) label: Format,
    /// A label in a fixed-width cell beside its value (the checklist's header block): shrunk
    /// to fit rather than run into the value ("Đơn vị được đánh giá:Văn phòng Sở").
    pub(crate) field_label: Format,
    /// The value beside a field label, set off from it by an indent.
    pub(crate) field_value: Format,
    pub(crate) value: Format,
    pub(crate) heading: Format,
    pub(crate) locked: Format,
    pub(crate) locked_center: Format,
    pub(crate) input: Format,
    pub(crate) date: Format,
    pub(crate) number: Format,
    pub(crate) note: Format,
    pub(crate) sign: Format,
    pub(crate) sign_note: Format,
}

impl Styles {
    pub(crate) fn new(date_pattern: &str) -> Styles {
        let base = Format::new().set_font_name(FONT).set_font_size(12);
        let cell = base
            .clone()
            .set_text_wrap()
            .set_align(FormatAlign::Top)
            .set_border(FormatBorder::Thin);
        Styles {
            title: base
                .clone()
                .set_bold()
                .set_font_size(14)
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter),
            label: base.clone().set_bold(),
            field_label: base.clone().set_bold().set_shrink(),
            field_value: base.clone().set_indent(1),
            value: base.clone(),
            heading: base
                .clone()
                .set_bold()
                .set_text_wrap()
                .set_align(FormatAlign::Center)
                .set_align(FormatAlign::VerticalCenter)
                .set_background_color("#DDEBF7")
                .set_border(FormatBorder::Thin),
            locked: cell.clone(),
            locked_center: cell.clone().set_align(FormatAlign::Center),
            // Input cells: unlocked under sheet protection, tinted so the auditor sees where to type.
            input: cell.clone().set_unlocked().set_background_color("#FFF9E5"),
            date: cell.clone().set_num_format(date_pattern),
            number: cell.clone().set_align(FormatAlign::Right),
            sign: base.clone().set_bold().set_align(FormatAlign::Center),
            sign_note: base
                .clone()
                .set_italic()
                .set_font_size(11)
                .set_align(FormatAlign::Center),
            note: base.set_italic().set_font_size(11).set_text_wrap(),
        }
    }
}

/// Writes a date as a date cell when Excel can show it, and as text (`dd/mm/yyyy`) otherwise:
/// Excel has no serial for a day before 1900-01-01 or after 9999-12-31, and would show
/// `#####` for the negative number such a date becomes. (Loading refuses years outside
/// 1900–2200, but a dossier built in code reaches here without a load.)
///
/// ```ignore
/// write_date(ws, 3, 2, d, &styles.date, &styles.locked)?;
/// ```
pub(crate) fn write_date<'w>(
    ws: &'w mut rust_xlsxwriter::Worksheet,
    row: u32,
    col: u16,
    d: chrono::NaiveDate,
    date: &Format,
    text: &Format,
) -> Result<&'w mut rust_xlsxwriter::Worksheet, rust_xlsxwriter::XlsxError> {
    use chrono::Datelike;
    if (1900..=9999).contains(&d.year()) {
        ws.write_date_with_format(row, col, d, date)
    } else {
        ws.write_string_with_format(row, col, d.format("%d/%m/%Y").to_string(), text)
    }
}
