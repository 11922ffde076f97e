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
    /// Overdue highlighting follows the day the file is opened (TODAY()), not `today`.
    pub(super) live_overdue: bool,
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
            live_overdue: opts.live_overdue,
            styles: Styles::new("dd/mm/yyyy"),
            names: std::cell::RefCell::new(SheetNames::default()),
            record: None,
        }
    }

    pub(super) fn pick(&self, vi: &'static str, en: &'static str) -> &'static str {
        self.lang.pick(vi, en)
    }

    /// A unit's name in the workbook's language: the English name the dossier gives in an
    /// English workbook, else the recorded one (the id when the unit is unknown).
    pub(super) fn unit_name(&self, id: &'a str) -> &'a str {
        crate::names::unit_name(self.dossier, id, self.lang)
    }

    /// A unit's name as recorded (Vietnamese), for comparing with other recorded texts.
    fn recorded_unit_name(&self, id: &'a str) -> &'a str {
        self.dossier.unit(id).map_or(id, |u| u.name.as_str())
    }

    /// The agency's name in the workbook's language.
    pub(super) fn agency_name(&self) -> &'a str {
        crate::names::agency_name(self.dossier, self.lang)
    }

    pub(super) fn person_name(&self, id: &'a str) -> &'a str {
        self.dossier.person(id).map_or(id, |p| p.name.as_str())
    }

    /// Units for a cell: "every unit" when the list covers every unit of the agency (a
    /// register row listing them all prints a page of names), else the names joined by "; ".
    pub(super) fn units_text(&self, ids: &[String]) -> String {
        let all = &self.dossier.units;
        let covers_all = all.len() > 1 && all.iter().all(|u| ids.contains(&u.id));
        if covers_all {
            return self.pick("Tất cả các đơn vị", "Every unit").to_owned();
        }
        if let [one] = ids {
            return self.unit_name(one).to_owned();
        }
        // Several units: their short names where the dossier gives them, so the row stays
        // a line or two rather than a column of full names.
        ids.iter()
            .map(|id| {
                // An English workbook has no English short names: the English names.
                let short = match self.lang {
                    Lang::Vi => self.dossier.unit(id).and_then(|u| u.short_name.as_deref()),
                    Lang::En => None,
                };
                short
                    .filter(|n| !n.trim().is_empty())
                    .unwrap_or_else(|| self.unit_name(id))
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    /// Where a record is kept: the unit and the location, each said once ("Văn phòng Sở –
    /// Thư ký ISO", never "Văn phòng Sở – Văn phòng Sở - Thư ký ISO").
    pub(super) fn place_text(&self, unit: Option<&'a str>, location: Option<&'a str>) -> String {
        // The location is compared with the recorded name (both typed by the agency) and
        // the unit printed in the workbook's language.
        let unit = unit
            .map(|u| (self.recorded_unit_name(u), self.unit_name(u)))
            .filter(|(u, _)| !u.trim().is_empty());
        let location = location.map(str::trim).filter(|l| !l.is_empty());
        match (unit, location) {
            (Some((recorded, u)), Some(l)) => match beyond_unit(recorded, l) {
                Beyond::Nothing => u.to_owned(),
                Beyond::Rest(rest) => format!("{u} – {rest}"),
                Beyond::NamesIt => l.to_owned(),
                Beyond::Other => format!("{u} – {l}"),
            },
            (Some((_, u)), None) => u.to_owned(),
            (None, Some(l)) => l.to_owned(),
            (None, None) => String::new(),
        }
    }

    /// A location for a column beside the unit's own column: what it says beyond the unit.
    pub(super) fn location_beside(
        &self,
        unit: Option<&'a str>,
        location: Option<&'a str>,
    ) -> String {
        let Some(l) = location.map(str::trim).filter(|l| !l.is_empty()) else {
            return String::new();
        };
        let Some(u) = unit.map(|u| self.recorded_unit_name(u)) else {
            return l.to_owned();
        };
        match beyond_unit(u, l) {
            Beyond::Nothing => String::new(),
            Beyond::Rest(rest) => rest.to_owned(),
            Beyond::NamesIt | Beyond::Other => l.to_owned(),
        }
    }

    /// A valid, unique sheet name.
    pub(super) fn sheet_name(&self, wanted: &str) -> String {
        self.names.borrow_mut().claim(wanted)
    }
}

/// Lower case with spaces squeezed, for comparing names typed differently.
fn fold(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// What a location says beside a unit's name.
enum Beyond<'l> {
    /// Nothing more: it is the unit, or part of its name.
    Nothing,
    /// The unit's name, then this ("Văn phòng Sở - Thư ký ISO" → "Thư ký ISO").
    Rest(&'l str),
    /// It names the unit elsewhere in its text.
    NamesIt,
    /// Something else.
    Other,
}

fn beyond_unit<'l>(unit: &str, location: &'l str) -> Beyond<'l> {
    let (uf, lf) = (fold(unit), fold(location));
    if uf.contains(&lf) {
        return Beyond::Nothing;
    }
    // The location opens with the start of the unit's name, then says more after a
    // separator ("Bộ phận tiếp nhận và trả kết quả; lưu kèm hồ sơ tại phòng chủ trì").
    if let Some((head, rest)) = split_first_part(location) {
        let hf = fold(head);
        let words = hf.split(' ').count();
        if words >= 2 && (uf == hf || uf.starts_with(&format!("{hf} "))) {
            return if rest.is_empty() {
                Beyond::Nothing
            } else {
                Beyond::Rest(rest)
            };
        }
    }
    if let Some(rest) = after_prefix(&uf, location) {
        let rest = rest.trim_start_matches(|c: char| c.is_whitespace() || "-–—,:;/".contains(c));
        return if rest.is_empty() {
            Beyond::Nothing
        } else {
            Beyond::Rest(rest)
        };
    }
    if lf.contains(&uf) {
        Beyond::NamesIt
    } else {
        Beyond::Other
    }
}

/// A location split at its first separator ("; ", " - ", " – ", ", "): the part before and
/// the rest after, both trimmed; `None` without a separator.
fn split_first_part(location: &str) -> Option<(&str, &str)> {
    [";", " - ", " – ", ","]
        .iter()
        .filter_map(|sep| location.find(sep).map(|at| (at, sep.len())))
        .min()
        .map(|(at, len)| (location[..at].trim(), location[at + len..].trim()))
}

/// The text of `location` after a prefix equal to `folded` (lower case, spaces squeezed).
fn after_prefix<'l>(folded: &str, location: &'l str) -> Option<&'l str> {
    let target: Vec<char> = folded.chars().collect();
    let mut ti = 0;
    let mut in_space = true;
    for (at, c) in location.char_indices() {
        if ti == target.len() {
            // The prefix must end at a word's end.
            return (!c.is_alphanumeric()).then_some(&location[at..]);
        }
        if c.is_whitespace() {
            if !in_space {
                in_space = true;
                if target.get(ti) != Some(&' ') {
                    return None;
                }
                ti += 1;
            }
            continue;
        }
        in_space = false;
        for lc in c.to_lowercase() {
            if target.get(ti) != Some(&lc) {
                return None;
            }
            ti += 1;
        }
    }
    (ti == target.len()).then_some("")
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
        ws.merge_range(1, 0, 1, last, ctx.agency_name(), &s.value)?;
        ws.merge_range(2, 0, 2, last, subtitle, &s.note)?;
        for (c, (h, w)) in headings.iter().enumerate() {
            ws.set_column_width(c as u16, crate::layout::heading_width(h, *w))?;
            ws.write_string_with_format(4, c as u16, *h, &s.heading)?;
        }
        // Tall enough for every line of the longest heading (a fixed two-line row cut the
        // third line of "Opportunity for improvement").
        ws.set_row_height(4, crate::layout::heading_height(headings))?;
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

    /// Freeze, filter and print setup: A4 landscape, heading repeated, fit to width, the
    /// workbook's form code in the page header.
    pub(super) fn finish(self, ctx: &Ctx<'_>) -> Result<u32, XlsxError> {
        let header = ctx
            .record
            .and_then(|r| crate::form_code::page_header(ctx.dossier, r, ctx.lang));
        self.finish_with_header(ctx, header)
    }

    /// [`Table::finish`] with the sheet's own page header (a sheet made on another form than
    /// the workbook's), none when `None`.
    pub(super) fn finish_with_header(
        self,
        ctx: &Ctx<'_>,
        header: Option<String>,
    ) -> Result<u32, XlsxError> {
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
        if let Some(h) = header {
            self.ws.set_header(&h);
        }
        Ok(self.row)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rest(unit: &str, location: &str) -> String {
        match beyond_unit(unit, location) {
            Beyond::Nothing => "·".into(),
            Beyond::Rest(r) => format!("rest:{r}"),
            Beyond::NamesIt => "names".into(),
            Beyond::Other => "other".into(),
        }
    }

    #[test]
    fn a_location_is_read_beside_its_unit() {
        assert_eq!(
            rest("Văn phòng Sở", "Văn phòng Sở - Thư ký ISO"),
            "rest:Thư ký ISO"
        );
        assert_eq!(rest("Văn phòng Sở", "văn  phòng sở"), "·");
        assert_eq!(rest("Văn phòng Sở", "Văn phòng"), "·");
        assert_eq!(
            rest("Văn phòng Sở", "Kho lưu trữ của Văn phòng Sở"),
            "names"
        );
        assert_eq!(rest("Văn phòng Sở", "Kho lưu trữ cơ quan"), "other");
        // A longer word that merely starts like the unit is not the unit followed by more.
        assert_eq!(rest("Phòng Kinh tế", "Phòng Kinh tếX"), "names");
        assert_eq!(rest("Phòng Kinh tế", "Phòng Kinh tế: tủ 2"), "rest:tủ 2");
        // A shortened unit name before a separator is the unit.
        assert_eq!(
            rest(
                "Bộ phận tiếp nhận và trả kết quả của Sở tại Trung tâm Phục vụ hành chính công tỉnh",
                "Bộ phận tiếp nhận và trả kết quả; lưu kèm hồ sơ tại phòng chủ trì"
            ),
            "rest:lưu kèm hồ sơ tại phòng chủ trì"
        );
        // One word in common is not enough.
        assert_eq!(rest("Phòng Kinh tế", "Phòng; tủ 2"), "other");
    }
}
