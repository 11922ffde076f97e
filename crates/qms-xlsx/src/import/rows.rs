//! Turning a sheet's cells, in stream order, into compact item rows.
//!
//! Kept apart from the reading of the cells (calamine's cell reader today), so that another
//! reader of the worksheet XML can feed the same rows and mean the same sheet.

use super::read::{RowData, SheetData};
use crate::layout::{FIRST_ITEM_ROW, col};
use crate::metadata;

/// Collects the cells of one sheet into [`SheetData`].
pub(crate) struct SheetBuilder {
    sheet: SheetData,
    /// Content that would be foreign if the sheet turns out not to be a checklist sheet.
    first_content: Option<(u32, u16, String)>,
    current: Option<u32>,
    cells: [String; 10],
    formulas: Vec<(u16, String, String)>,
}

impl SheetBuilder {
    pub(crate) fn new(name: &str) -> Self {
        SheetBuilder {
            sheet: SheetData {
                name: name.to_owned(),
                checklist: None,
                rows: Vec::new(),
                foreign: Vec::new(),
                header_edits: Vec::new(),
            },
            first_content: None,
            current: None,
            cells: Default::default(),
            formulas: Vec::new(),
        }
    }

    /// One cell at zero-based row `r`, column `c`: its text as a person sees it (`None` for
    /// a cell without a value) and its formula, if any (without the leading "=").
    pub(crate) fn cell(&mut self, r: u32, c: u32, text: Option<String>, formula: Option<&str>) {
        if self.current != Some(r) {
            if let Some(prev) = self.current {
                self.finish_row(prev);
            }
            self.current = Some(r);
        }
        if let Some(f) = formula.filter(|f| !f.trim().is_empty()) {
            let formula = format!("={}", super::read::normalise(f.trim_start_matches('=')));
            if (u32::from(col::RESULT)..u32::from(col::KEY)).contains(&c) {
                // The cell shows the formula's text so that the row is never taken as untouched.
                if let Some(slot) = self.cells.get_mut(c as usize) {
                    *slot = formula.clone();
                }
                self.formulas
                    .push((c as u16, formula, text.unwrap_or_default()));
                return;
            }
        }
        let Some(text) = text else {
            return;
        };
        if c > u32::from(col::KEY) && text.trim().is_empty() {
            return;
        }
        let c16 = c.min(u32::from(u16::MAX)) as u16;
        if self.first_content.is_none() && !text.trim().is_empty() {
            self.first_content = Some((r, c16, text.clone()));
        }
        if c > u32::from(col::KEY) {
            self.sheet.foreign.push((r, c16, text));
        } else if let Some(slot) = self.cells.get_mut(c as usize) {
            *slot = text;
        }
    }

    /// The sheet, once every cell was given.
    pub(crate) fn finish(mut self) -> SheetData {
        if let Some(prev) = self.current {
            self.finish_row(prev);
        }
        let mut sheet = self.sheet;
        if sheet.checklist.is_none() {
            sheet.foreign = self.first_content.into_iter().collect();
            sheet.rows.clear();
        }
        sheet
    }

    fn finish_row(&mut self, r: u32) {
        let sheet = &mut self.sheet;
        let cells = std::mem::take(&mut self.cells);
        let formulas = std::mem::take(&mut self.formulas);
        let key_cell = cells.get(usize::from(col::KEY)).map_or("", String::as_str);
        if r == 0 {
            sheet.checklist = key_cell
                .strip_prefix(metadata::SHEET_KEY_PREFIX)
                .map(str::to_owned);
        }
        if r < FIRST_ITEM_ROW && key_cell.starts_with(metadata::HEADER_KEY_PREFIX) {
            let visible: Vec<&str> = cells
                .iter()
                .take(usize::from(col::KEY))
                .map(String::as_str)
                .collect();
            if metadata::header_key(&visible) != key_cell {
                // Report the value cell (C) of label/value rows, the first cell otherwise.
                let c = if cells[2].trim().is_empty() && !cells[0].trim().is_empty() {
                    0
                } else {
                    2
                };
                let c = if r == 6 { 0 } else { c };
                sheet.header_edits.push((
                    r,
                    c,
                    cells.get(usize::from(c)).cloned().unwrap_or_default(),
                ));
            }
        }
        if r < FIRST_ITEM_ROW
            || cells.iter().all(|t| t.trim().is_empty())
            || key_cell == metadata::SIGN_KEY
        {
            return;
        }
        let [a, b, c, d, e, f, g, h, i, key] = cells;
        let locked = [a, b, c, d, e];
        let locked_fp = metadata::lock_fingerprint(&locked.each_ref().map(String::as_str));
        let expected = metadata::parse_row_key(&key).map(|k| k.lock);
        sheet.rows.push(RowData {
            row: r,
            key,
            locked_fp,
            locked: (expected != Some(locked_fp)).then(|| Box::new(locked)),
            inputs: [f, g, h, i],
            formulas,
        });
    }
}
