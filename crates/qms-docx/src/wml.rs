//! WordprocessingML building blocks: paragraphs, runs and tables, written straight into
//! [`Xml`]. Element order follows the ECMA-376 schemas (the order inside `w:pPr`, `w:rPr`,
//! `w:tblPr` and `w:tcPr` is significant; docx-rs gets it wrong, which is one reason this
//! crate writes its own parts).
//!
//! Almost all formatting lives in named styles (see `styles.rs`), so a table cell costs a
//! style reference and its text: this keeps a 10,000-finding report small and fast.

use crate::xml::Xml;

/// Paragraph properties beyond the style.
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct Para {
    style: &'static str,
    keep_next: bool,
    page_break: bool,
    /// Left and right indents in twips, for the short rules under header lines.
    indent: Option<(u32, u32)>,
    /// A left indent for sub-items, keeping the style's first-line indent.
    left: Option<u32>,
    rule: bool,
}

impl Para {
    /// A paragraph in a named style.
    pub(crate) fn new(style: &'static str) -> Para {
        Para {
            style,
            ..Para::default()
        }
    }

    /// Keeps it on the page of the next paragraph (headings, table captions).
    pub(crate) fn keep(mut self) -> Para {
        self.keep_next = true;
        self
    }

    /// Starts it on a new page.
    pub(crate) fn page_break(mut self) -> Para {
        self.page_break = true;
        self
    }

    /// Indents the whole paragraph by `twips` on the left (sub-items of a list).
    pub(crate) fn indent_left(mut self, twips: u32) -> Para {
        self.left = Some(twips);
        self
    }

    /// A short solid line of `width` twips, centred in `available` twips: the rule under the
    /// agency name and under the motto (Decree 30/2020, Phụ lục I).
    pub(crate) fn rule(width: u32, available: u32) -> Para {
        let side = available.saturating_sub(width) / 2;
        Para {
            style: "Rule",
            indent: Some((side, side)),
            rule: true,
            ..Para::default()
        }
    }
}

/// Character formatting beyond the style.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub(crate) struct Fmt {
    pub(crate) bold: bool,
    pub(crate) italic: bool,
}

/// Plain text.
pub(crate) const PLAIN: Fmt = Fmt {
    bold: false,
    italic: false,
};
/// Bold text.
pub(crate) const BOLD: Fmt = Fmt {
    bold: true,
    italic: false,
};
/// Italic text.
pub(crate) const ITALIC: Fmt = Fmt {
    bold: false,
    italic: true,
};

/// A table's borders.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Borders {
    /// Layout tables (the national header, signature blocks).
    None,
    /// Data tables.
    Grid,
}

impl Xml<'_> {
    /// A small empty paragraph after a table, written only when what follows needs it (a
    /// table, the end of a section, body text). A heading right after a table takes its
    /// place: LibreOffice leaves a heading alone at the foot of a page when an empty
    /// paragraph stands between it and the table above, whatever its keep-with-next says.
    pub(crate) fn spacer_after_table(&mut self) {
        self.spacer_pending = true;
    }

    /// Writes the spacer a table left owed.
    pub(crate) fn flush_spacer(&mut self) {
        if std::mem::take(&mut self.spacer_pending) {
            self.raw("<w:p><w:pPr><w:pStyle w:val=\"Tight\"/></w:pPr></w:p>");
        }
    }

    /// Opens a paragraph.
    pub(crate) fn p_open(&mut self, p: Para) {
        if matches!(p.style, "Heading1" | "Heading2" | "Label") {
            let after_table = std::mem::take(&mut self.spacer_pending);
            self.heading_starts(p.style, after_table);
        } else {
            self.flush_spacer();
            self.paragraph_starts(p.keep_next);
        }
        self.raw(crate::heading_block::PARA_START);
        self.raw(p.style);
        self.raw("\"/>");
        if p.keep_next {
            self.raw("<w:keepNext/>");
        }
        if p.page_break {
            self.raw("<w:pageBreakBefore/>");
        }
        if p.rule {
            self.raw("<w:pBdr><w:top w:val=\"single\" w:sz=\"6\" w:space=\"1\" w:color=\"000000\"/></w:pBdr>");
        }
        if let Some(left) = p.left {
            self.raw("<w:ind w:left=\"");
            self.num(left);
            self.raw("\"/>");
        }
        if let Some((left, right)) = p.indent {
            self.raw("<w:ind w:left=\"");
            self.num(left);
            self.raw("\" w:right=\"");
            self.num(right);
            self.raw("\" w:firstLine=\"0\"/>");
        }
        self.raw("</w:pPr>");
    }

    /// Closes a paragraph.
    pub(crate) fn p_close(&mut self) {
        self.raw("</w:p>");
        self.paragraph_ends();
        self.maybe_flush();
    }

    /// A run of text; line breaks become `w:br`, tabs `w:tab`.
    pub(crate) fn run(&mut self, text: &str, fmt: Fmt) {
        if text.is_empty() {
            return;
        }
        self.raw("<w:r>");
        let vietnamese = self.tag_vietnamese && is_vietnamese(text);
        if fmt != PLAIN || vietnamese {
            self.raw("<w:rPr>");
            if fmt.bold {
                self.raw("<w:b/><w:bCs/>");
            }
            if fmt.italic {
                self.raw("<w:i/><w:iCs/>");
            }
            if vietnamese {
                self.raw("<w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\"/>");
            }
            self.raw("</w:rPr>");
        }
        let text = text.strip_suffix('\n').unwrap_or(text);
        for (i, line) in text.split('\n').enumerate() {
            if i > 0 {
                self.raw("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    self.raw("<w:tab/>");
                }
                if piece.is_empty() {
                    continue;
                }
                // Word trims unmarked edge spaces; keep them where the text has them.
                if piece.starts_with(' ') || piece.ends_with(' ') {
                    self.raw("<w:t xml:space=\"preserve\">");
                } else {
                    self.raw("<w:t>");
                }
                let piece = piece.trim_end_matches('\r');
                if piece.contains("ISO 900") {
                    // "TCVN ISO 9001:2015" is one name: never broken across lines.
                    self.text(&keep_standard_together(piece));
                } else {
                    self.text(piece);
                }
                self.raw("</w:t>");
            }
        }
        self.raw("</w:r>");
    }

    /// A paragraph of one run.
    pub(crate) fn p(&mut self, p: Para, text: &str, fmt: Fmt) {
        self.p_open(p);
        self.run(text, fmt);
        self.p_close();
    }

    /// A paragraph of several runs.
    pub(crate) fn p_runs(&mut self, p: Para, runs: &[(&str, Fmt)]) {
        self.p_open(p);
        for (text, fmt) in runs {
            self.run(text, *fmt);
        }
        self.p_close();
    }

    /// A paragraph "label: value" with the label bold, the usual form line.
    pub(crate) fn field(&mut self, p: Para, label: &str, value: &str) {
        self.p_open(p);
        self.run(label, BOLD);
        self.run(": ", BOLD);
        self.run(value, PLAIN);
        self.p_close();
    }

    /// Opens a table with fixed column widths in twips.
    pub(crate) fn tbl_open(&mut self, widths: &[u32], borders: Borders) {
        self.heading_block_ends();
        self.flush_spacer();
        let total: u32 = widths.iter().sum();
        self.raw("<w:tbl><w:tblPr><w:tblW w:w=\"");
        self.num(total);
        self.raw("\" w:type=\"dxa\"/>");
        match borders {
            Borders::Grid => {
                self.raw("<w:tblBorders>");
                for side in ["top", "left", "bottom", "right", "insideH", "insideV"] {
                    self.raw("<w:");
                    self.raw(side);
                    self.raw(" w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"000000\"/>");
                }
                self.raw("</w:tblBorders>");
            }
            Borders::None => {}
        }
        // Layout tables use the full column for text; data tables keep 1 mm inside the lines.
        let margin = if borders == Borders::Grid { "57" } else { "0" };
        self.raw("<w:tblLayout w:type=\"fixed\"/><w:tblCellMar><w:left w:w=\"");
        self.raw(margin);
        self.raw("\" w:type=\"dxa\"/><w:right w:w=\"");
        self.raw(margin);
        self.raw(
            "\" w:type=\"dxa\"/></w:tblCellMar><w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid>",
        );
        for w in widths {
            self.raw("<w:gridCol w:w=\"");
            self.num(w);
            self.raw("\"/>");
        }
        self.raw("</w:tblGrid>");
    }

    /// Opens a row. Rows never split across pages; a header row repeats on every page.
    pub(crate) fn tr_open(&mut self, header: bool) {
        if header {
            self.raw("<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>");
        } else {
            self.raw("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
        }
    }

    /// Opens a heading row that also keeps with the row after it (Word: "keep with next" on
    /// its paragraphs; LibreOffice never splits a table between its heading rows and the
    /// first row), so a header never ends a page alone.
    pub(crate) fn header_row(&mut self, widths: &[u32], style: &'static str, cells: &[&str]) {
        self.tr_open(true);
        for (w, text) in widths.iter().zip(cells) {
            self.tc_open(*w, 1);
            self.p(Para::new(style).keep(), text, PLAIN);
            self.tc_close();
        }
        self.tr_close();
    }

    /// Ends a section here (a paragraph carrying `sect_pr`): what follows starts on a new
    /// page with its own page numbering.
    pub(crate) fn section_break(&mut self, sect_pr: &str) {
        self.heading_block_ends();
        self.flush_spacer();
        self.raw("<w:p><w:pPr><w:pStyle w:val=\"Break\"/>");
        self.raw(sect_pr);
        self.raw("</w:pPr></w:p>");
        self.maybe_flush();
    }

    /// Closes a row.
    pub(crate) fn tr_close(&mut self) {
        self.raw("</w:tr>");
        self.maybe_flush();
    }

    /// Opens a cell of `width` twips spanning `span` grid columns.
    pub(crate) fn tc_open(&mut self, width: u32, span: usize) {
        self.raw("<w:tc><w:tcPr><w:tcW w:w=\"");
        self.num(width);
        self.raw("\" w:type=\"dxa\"/>");
        if span > 1 {
            self.raw("<w:gridSpan w:val=\"");
            self.num(span);
            self.raw("\"/>");
        }
        self.raw("</w:tcPr>");
    }

    /// Opens a cell merged with the cells below it (`restart`) or with the one above.
    pub(crate) fn tc_merged(&mut self, width: u32, restart: bool) {
        self.raw("<w:tc><w:tcPr><w:tcW w:w=\"");
        self.num(width);
        self.raw(if restart {
            "\" w:type=\"dxa\"/><w:vMerge w:val=\"restart\"/></w:tcPr>"
        } else {
            "\" w:type=\"dxa\"/><w:vMerge/></w:tcPr>"
        });
    }

    /// Closes a cell.
    pub(crate) fn tc_close(&mut self) {
        self.raw("</w:tc>");
    }

    /// A one-paragraph cell.
    pub(crate) fn cell(&mut self, width: u32, style: &'static str, text: &str, fmt: Fmt) {
        self.tc_open(width, 1);
        self.p(Para::new(style), text, fmt);
        self.tc_close();
    }

    /// A row of one-paragraph cells; a running number in the first cell is centred.
    pub(crate) fn row(
        &mut self,
        widths: &[u32],
        style: &'static str,
        cells: &[&str],
        header: bool,
    ) {
        self.tr_open(header);
        for (i, (w, text)) in widths.iter().zip(cells).enumerate() {
            // The STT (running number) column is centred, as offices set it.
            let numbered = i == 0 && !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
            let style = if numbered && style == "Cell" {
                "CellCenter"
            } else {
                style
            };
            self.cell(*w, style, text, PLAIN);
        }
        self.tr_close();
    }

    /// A row of one-paragraph cells that may split across pages (a long entry of a list
    /// whose heading row repeats): the page fills to its foot instead of leaving the room a
    /// tall row needs blank. The running number in the first cell is centred.
    pub(crate) fn row_flowing(&mut self, widths: &[u32], cells: &[&str]) {
        self.raw("<w:tr>");
        for (i, (w, text)) in widths.iter().zip(cells).enumerate() {
            let style = if i == 0 { "CellCenter" } else { "Cell" };
            self.cell(*w, style, text, PLAIN);
        }
        self.tr_close();
    }

    /// Closes a table. A paragraph must follow a table before the section ends, and two
    /// tables in a row would merge, so callers always write one after this.
    pub(crate) fn tbl_close(&mut self) {
        self.raw("</w:tbl>");
    }
}

/// Whether `text` holds a letter English does not use (Vietnamese names and titles quoted in
/// an English document: "Văn phòng Sở", "đợt 1").
pub(crate) fn is_vietnamese(text: &str) -> bool {
    qms_core::Lang::is_vietnamese(text)
}

/// The text with no-break spaces inside "TCVN ISO 9001:2015" and "ISO 9001:2008".
pub(crate) fn keep_standard_together(text: &str) -> String {
    text.replace("TCVN ISO ", "TCVN\u{a0}ISO\u{a0}")
        .replace("ISO 900", "ISO\u{a0}900")
}

/// Splits `total` twips into columns proportional to `parts`; the last column takes the
/// rounding rest so the widths add up exactly.
/// Width `i` of a table's columns (from [`columns`], which gives one per part); 0 past the end
/// rather than a panic.
pub(crate) fn width(w: &[u32], i: usize) -> u32 {
    w.get(i).copied().unwrap_or(0)
}

pub(crate) fn columns(total: u32, parts: &[u32]) -> Vec<u32> {
    let sum: u32 = parts.iter().sum::<u32>().max(1);
    let mut out: Vec<u32> = parts.iter().map(|p| total * p / sum).collect();
    let used: u32 = out.iter().sum();
    if let Some(last) = out.last_mut() {
        *last += total - used;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::xml::render;

    #[test]
    fn runs_keep_breaks_tabs_and_edge_spaces() {
        let s = render(|x| x.run(" a\tb\nc", BOLD));
        assert_eq!(
            s,
            "<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t xml:space=\"preserve\"> a</w:t><w:tab/><w:t>b</w:t><w:br/><w:t>c</w:t></w:r>"
        );
        assert_eq!(render(|x| x.run("", PLAIN)), "");
    }

    #[test]
    fn the_standard_name_never_breaks() {
        let s = render(|x| x.run("theo TCVN ISO 9001:2015 và ISO 9001:2008", PLAIN));
        assert!(s.contains("theo TCVN\u{a0}ISO\u{a0}9001:2015 và ISO\u{a0}9001:2008"));
        assert!(!s.contains("ISO 9001"));
    }

    #[test]
    fn vietnamese_runs_in_english_documents_are_tagged() {
        let s = render(|x| {
            x.tag_vietnamese = true;
            x.run("Văn phòng Sở", PLAIN);
            x.run("Internal audit", BOLD);
        });
        assert!(s.starts_with(
            "<w:r><w:rPr><w:lang w:val=\"vi-VN\" w:eastAsia=\"vi-VN\"/></w:rPr><w:t>Văn"
        ));
        assert!(s.contains("<w:r><w:rPr><w:b/><w:bCs/></w:rPr><w:t>Internal audit"));
        // Vietnamese documents carry the tag once, in the styles.
        assert!(!render(|x| x.run("Văn phòng Sở", PLAIN)).contains("w:lang"));
        assert!(!is_vietnamese("Corrective action – 5 March 2026 ‘x’"));
    }

    #[test]
    fn a_heading_follows_a_table_without_the_spacer_between() {
        let after = |style: &'static str| {
            render(|x| {
                x.tbl_open(&[100], Borders::Grid);
                x.tbl_close();
                x.spacer_after_table();
                x.p(Para::new(style), "x", PLAIN);
            })
        };
        let spacer = "<w:p><w:pPr><w:pStyle w:val=\"Tight\"/></w:pPr></w:p>";
        assert!(after("Heading1").contains("</w:tbl><w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>"));
        assert!(after("Body").contains(&format!(
            "</w:tbl>{spacer}<w:p><w:pPr><w:pStyle w:val=\"Body\"/>"
        )));
        // Two tables in a row keep a paragraph between them (else Word merges them).
        let two = render(|x| {
            x.tbl_open(&[100], Borders::Grid);
            x.tbl_close();
            x.spacer_after_table();
            x.tbl_open(&[100], Borders::Grid);
        });
        assert!(two.contains(&format!("</w:tbl>{spacer}<w:tbl>")));
    }

    #[test]
    fn columns_add_up() {
        let c = columns(9355, &[1, 3, 3]);
        assert_eq!(c.iter().sum::<u32>(), 9355);
        assert_eq!(c[0], 1336);
    }

    #[test]
    fn header_rows_repeat_and_rows_do_not_split() {
        let s = render(|x| {
            x.tr_open(true);
            x.tr_close();
        });
        assert!(s.contains("<w:cantSplit/><w:tblHeader/>"));
    }

    #[test]
    fn a_flowing_row_may_split_and_centres_its_number() {
        let s = render(|x| x.row_flowing(&[500, 4000], &["7", "Một quyết định"]));
        assert!(s.starts_with("<w:tr><w:tc>"), "{s}");
        assert!(!s.contains("<w:trPr>"));
        assert!(
            s.contains("<w:pStyle w:val=\"CellCenter\"/></w:pPr><w:r><w:t>7</w:t>"),
            "{s}"
        );
        assert!(s.contains("<w:pStyle w:val=\"Cell\"/></w:pPr><w:r><w:t>Một quyết định"));
    }
}
