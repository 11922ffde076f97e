//! The provincial roll-up workbook (bảng tổng hợp kết quả kiểm tra HTQLCL): a summary sheet
//! with totals by agency kind and grouping and the compliance chart, then one sheet per topic
//! with a row per agency that the inspector can sort and filter.

use super::rollup_lists as lists;
use super::rollup_sheets as sheets;
use crate::XlsxError;
use crate::safety::SheetNames;
use crate::style::Styles;
use qms_core::Lang;
use qms_core::rollup::Province;
use rust_xlsxwriter::Workbook;

/// What every sheet of the roll-up needs.
pub(super) struct RollupCtx<'a> {
    pub(super) p: &'a Province,
    pub(super) lang: Lang,
    pub(super) styles: Styles,
    names: std::cell::RefCell<SheetNames>,
    /// The width of the sheet being written (its columns' sum), for its print setup.
    pub(super) width: std::cell::Cell<f64>,
    /// How many first columns of the sheet being written print on every page when it is two
    /// pages wide (number and agency), frozen on screen.
    pub(super) repeated: std::cell::Cell<u16>,
}

impl RollupCtx<'_> {
    pub(super) fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(vi, en)
    }

    pub(super) fn sheet_name(&self, wanted: &str) -> String {
        self.names.borrow_mut().claim(wanted)
    }

    /// "Năm 2026 – tổng hợp ngày 30/11/2026".
    pub(super) fn subtitle(&self) -> String {
        match self.lang {
            Lang::Vi => format!(
                "Năm {} – số liệu tổng hợp ngày {}",
                self.p.year,
                self.p.today.format("%d/%m/%Y")
            ),
            // The date as every date of the workbook: dd/mm/yyyy, never 2026-11-30.
            Lang::En => format!(
                "Year {} – rolled up on {}",
                self.p.year,
                self.p.today.format("%d/%m/%Y")
            ),
        }
    }
}

/// Writes the roll-up workbook of a province.
///
/// ```
/// use qms_core::rollup::{Province, RollupOptions, summarize};
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
/// let opts = RollupOptions { year: 2026, today };
/// let mut p = Province::new(opts);
/// let d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
/// let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
/// p.add(summarize("hoa-binh.json", &d, &diags, &opts));
/// let bytes = qms_xlsx::render_rollup(&p, qms_core::Lang::Vi).unwrap();
/// assert_eq!(&bytes[..2], b"PK");
/// assert_eq!(bytes, qms_xlsx::render_rollup(&p, qms_core::Lang::Vi).unwrap());
/// ```
pub fn render_rollup(province: &Province, lang: Lang) -> Result<Vec<u8>, XlsxError> {
    let mut wb = Workbook::new();
    let title = match lang {
        Lang::Vi => format!("Tổng hợp kết quả kiểm tra HTQLCL năm {}", province.year),
        Lang::En => format!("QMS inspection roll-up {}", province.year),
    };
    wb.set_properties(&crate::props(province.today, &title, &title));
    let ctx = RollupCtx {
        p: province,
        lang,
        styles: Styles::new("dd/mm/yyyy"),
        names: std::cell::RefCell::new(SheetNames::default()),
        width: std::cell::Cell::new(0.0),
        repeated: std::cell::Cell::new(0),
    };
    super::rollup_summary::summary(&mut wb, &ctx)?;
    sheets::agencies(&mut wb, &ctx)?;
    sheets::requirements(&mut wb, &ctx)?;
    sheets::findings(&mut wb, &ctx)?;
    sheets::objectives(&mut wb, &ctx)?;
    lists::shortcomings(&mut wb, &ctx)?;
    lists::rejected(&mut wb, &ctx)?;
    lists::charts(&mut wb, &ctx)?;
    Ok(wb.save_to_buffer()?)
}
