//! A titled, filterable, printable table: the shape every register shares.

use crate::XlsxError;
use crate::safety::{SheetNames, check_cell_text};
use crate::style::Styles;
use qms_core::model::Audit;
use qms_core::{Dossier, Lang};
use rust_xlsxwriter::{Format, Worksheet};

use super::RenderOptions;

/// What every renderer needs.
pub(super) struct Ctx<'a> {
    pub(super) dossier: &'a Dossier,
    /// The audits in scope: one when asked for, else all.
    pub(super) audits: Vec<&'a Audit>,
    pub(super) lang: Lang,
    pub(super) today: chrono::NaiveDate,
    pub(super) styles: Styles,
    pub(super) names: std::cell::RefCell<SheetNames>,
    /// The record the workbook is, for its form code.
    pub(super) record: Option<qms_core::model::QmsRecord>,
}

impl<'a> Ctx<'a> {
    pub(super) fn new(dossier: &'a Dossier, audit: Option<&str>, opts: &RenderOptions) -> Ctx<'a> {
        Ctx {
            dossier,
            audits: dossier
                .audits
                .iter()
                .filter(|a| audit.is_none_or(|id| a.id == id))
                .collect(),
            lang: opts.lang,
            today: opts.today,
            styles: Styles::new("dd/mm/yyyy"),
            names: std::cell::RefCell::new(SheetNames::default()),
            record: None,
        }
    }

    pub(super) fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(vi, en)
    }

    pub(super) fn unit_name(&self, id: &'a str) -> &'a str {
        self.dossier.unit(id).map_or(id, |u| u.name.as_str())
    }

    pub(super) fn person_name(&self, id: &'a str) -> &'a str {
        self.dossier.person(id).map_or(id, |p| p.name.as_str())
    }

    /// A valid, unique sheet name.
    pub(super) fn sheet_name(&self, wanted: &str) -> String {
        self.names.borrow_mut().claim(wanted)
    }
}

/// A table being written on one sheet.
pub(super) struct Table<'w> {
    pub(super) ws: &'w mut Worksheet,
    pub(super) sheet: String,
    pub(super) heading_row: u32,
    pub(super) row: u32,
    pub(super) cols: u16,
}

impl<'w> Table<'w> {
    /// Title, a subtitle line, then the column headings with their widths.
    pub(super) fn start(
        ws: &'w mut Worksheet,
        ctx: &Ctx<'_>,
        sheet: String,
        title: &str,
        subtitle: &str,
        headings: &[(&str, f64)],
    ) -> Result<Table<'w>, XlsxError> {
        ws.set_name(&sheet)?;
        let s = &ctx.styles;
        let last = (headings.len().max(1) - 1) as u16;
        ws.merge_range(0, 0, 0, last, title, &s.title)?;
        ws.set_row_height(0, 24)?;
        ws.merge_range(1, 0, 1, last, &ctx.dossier.agency.name, &s.value)?;
        ws.merge_range(2, 0, 2, last, subtitle, &s.note)?;
        for (c, (h, w)) in headings.iter().enumerate() {
            ws.set_column_width(c as u16, *w)?;
            ws.write_string_with_format(4, c as u16, *h, &s.heading)?;
        }
        ws.set_row_height(4, 33)?;
        Ok(Table {
            ws,
            sheet,
            heading_row: 4,
            row: 5,
            cols: headings.len() as u16,
        })
    }

    /// Writes one text cell of the current row, always as text (never a formula).
    pub(super) fn text(&mut self, c: u16, text: &str, f: &Format) -> Result<(), XlsxError> {
        check_cell_text(&self.sheet, self.row, c, "text", text)?;
        self.ws.write_string_with_format(self.row, c, text, f)?;
        Ok(())
    }

    pub(super) fn number(&mut self, c: u16, n: f64, f: &Format) -> Result<(), XlsxError> {
        self.ws.write_number_with_format(self.row, c, n, f)?;
        Ok(())
    }

    pub(super) fn date(
        &mut self,
        c: u16,
        d: Option<chrono::NaiveDate>,
        ctx: &Ctx<'_>,
    ) -> Result<(), XlsxError> {
        match d {
            Some(d) => crate::style::write_date(
                self.ws,
                self.row,
                c,
                d,
                &ctx.styles.date,
                &ctx.styles.locked,
            )?,
            None => self.ws.write_blank(self.row, c, &ctx.styles.locked)?,
        };
        Ok(())
    }

    /// Ends the current row, sizing it to its tallest wrapped cell.
    pub(super) fn end_row(&mut self, texts: &[(f64, &str)]) -> Result<(), XlsxError> {
        self.ws
            .set_row_height(self.row, crate::layout::height_for(texts))?;
        self.row += 1;
        Ok(())
    }

    /// Freeze, filter and print setup: A4 landscape, heading repeated, fit to width.
    pub(super) fn finish(self, ctx: &Ctx<'_>) -> Result<u32, XlsxError> {
        let last_row = self.row.saturating_sub(1).max(self.heading_row);
        let last_col = self.cols.saturating_sub(1);
        self.ws
            .autofilter(self.heading_row, 0, last_row, last_col)?;
        self.ws.set_freeze_panes(self.heading_row + 1, 0)?;
        self.ws.set_landscape();
        self.ws.set_paper_size(9);
        self.ws.set_margins(0.5, 0.4, 0.6, 0.6, 0.3, 0.3);
        self.ws
            .set_repeat_rows(self.heading_row, self.heading_row)?;
        self.ws.set_print_fit_to_pages(1, 0);
        self.ws
            .set_footer(ctx.pick("&CTrang &P/&N", "&CPage &P of &N"));
        if let Some(h) = ctx
            .record
            .and_then(|r| crate::form_code::page_header(ctx.dossier, r, ctx.lang))
        {
            self.ws.set_header(&h);
        }
        Ok(self.row)
    }
}
