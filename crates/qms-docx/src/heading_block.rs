//! Keeps a heading on the page of the paragraph after it, in LibreOffice as in Word.
//!
//! Headings carry keep-with-next (Word honours it), but LibreOffice 7.4 leaves some of them
//! alone at the foot of a page: the audit programme's "IV. CHUẨN MỰC ĐÁNH GIÁ" stayed there
//! at every position where the heading fits and the first line after it does not (swept in
//! 1-pt steps), whatever the heading's own spacing, keep-lines, widow control, compatibility
//! settings or the keep chains above it, and a one-page synthetic document with the same
//! styles kept it correctly. LibreOffice only checks keep-with-next again when the heading
//! is laid out anew after its follower has moved (`SwFlowFrame::CheckMoveFwd` needs the
//! follower's position to be valid at that moment), so whether it holds depends on the
//! order in which the page was laid out. What LibreOffice never breaks is a table row that
//! may not split: so a heading and the paragraph after it are written as one borderless,
//! unsplittable row of a one-column table that spans the text width. Word lays the page out
//! as before (same paragraphs, same styles, no borders, no cell margins).
//!
//! Only a short follower is taken in (see [`MAX_FOLLOWER`]): a long one would drag a large
//! gap behind the heading. A heading followed by a table, or by a paragraph that keeps with
//! what follows it (a caption, the sentence before the signature), stays a plain paragraph.
//!
//! ```text
//! <w:tbl>…<w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc>
//!   <w:p>Heading1: IV. CHUẨN MỰC ĐÁNH GIÁ</w:p><w:p>Body: - TCVN ISO 9001:2015 …</w:p>
//! </w:tc></w:tr></w:tbl>
//! ```

use crate::xml::Xml;

/// Longest paragraph after a heading, in bytes of markup (about nine lines of Vietnamese
/// text at 14 pt), that is kept in one block with it.
pub(crate) const MAX_FOLLOWER: usize = 2000;

/// How `Xml::p_open` starts a paragraph, up to its style name.
pub(crate) const PARA_START: &str = "<w:p><w:pPr><w:pStyle w:val=\"";

/// A one-point empty paragraph: keeps Word from merging a block with a table right before it.
const SEPARATOR: &str = "<w:p><w:pPr><w:pStyle w:val=\"Break\"/></w:pPr></w:p>";

/// Where the heading(s) waiting for their paragraph start in the writer's buffer.
#[derive(Debug, Default, Clone, Copy)]
pub(crate) struct Pending {
    heading_at: Option<usize>,
    /// Where the first heading's style reference ends (its spacing goes there).
    style_end: usize,
    after_table: bool,
    /// Another block ends right before (its last paragraph's space below comes first).
    after_block: bool,
    follower_at: Option<usize>,
    /// A block was the last thing written: a table or a block that follows needs a separator.
    block_closed: bool,
}

impl Pending {
    /// Whether markup already written may still be wrapped (the buffer must not be flushed).
    pub(crate) fn holds(&self) -> bool {
        self.heading_at.is_some()
    }
}

impl Xml<'_> {
    /// A heading paragraph in `style` starts; `after_table` when a table ends right before it.
    pub(crate) fn heading_starts(&mut self, style: &str, after_table: bool) {
        if self.heading.heading_at.is_none() {
            self.heading.style_end = self.mark() + PARA_START.len() + style.len() + 3;
            self.heading.after_block = std::mem::take(&mut self.heading.block_closed);
            self.heading.heading_at = Some(self.mark());
            self.heading.after_table = after_table;
        }
    }

    /// Another paragraph starts; `keep` when it keeps with the next itself.
    pub(crate) fn paragraph_starts(&mut self, keep: bool) {
        self.heading.block_closed = false;
        if keep && self.heading.follower_at.is_none() {
            // A paragraph that keeps with what follows (the closing sentence before the
            // signature, a caption) would lose that inside a table cell: LibreOffice ignores
            // keep-with-next there. Heading and paragraph stay a plain keep chain.
            self.heading.heading_at = None;
            return;
        }
        if self.heading.heading_at.is_some() && self.heading.follower_at.is_none() {
            self.heading.follower_at = Some(self.mark());
        }
    }

    /// A paragraph ends: when it is the one after a heading, the two become one block.
    pub(crate) fn paragraph_ends(&mut self) {
        let Pending {
            heading_at: Some(at),
            style_end,
            after_table,
            after_block,
            follower_at: Some(follower),
            ..
        } = self.heading
        else {
            return;
        };
        self.heading = Pending::default();
        if self.mark().saturating_sub(follower) > MAX_FOLLOWER {
            return;
        }
        // The space above a heading inside the block would add to the space under the
        // paragraph before the table (or at the foot of the block before) instead of
        // overlapping it: the block starts flush. Under a data table it keeps its space.
        if !after_table {
            self.insert_at(style_end, "<w:spacing w:before=\"0\"/>");
        }
        let w = self.text_width;
        let mut open = String::with_capacity(512);
        if after_table || after_block {
            open.push_str(SEPARATOR);
        }
        open.push_str(&format!(
            "<w:tbl><w:tblPr><w:tblW w:w=\"{w}\" w:type=\"dxa\"/><w:tblLayout w:type=\"fixed\"/>\
             <w:tblCellMar><w:left w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"0\" w:type=\"dxa\"/></w:tblCellMar>\
             <w:tblLook w:val=\"0000\"/></w:tblPr><w:tblGrid><w:gridCol w:w=\"{w}\"/></w:tblGrid>\
             <w:tr><w:trPr><w:cantSplit/></w:trPr><w:tc><w:tcPr><w:tcW w:w=\"{w}\" w:type=\"dxa\"/></w:tcPr>"
        ));
        self.insert_at(at, &open);
        self.raw("</w:tc></w:tr></w:tbl>");
        self.heading.block_closed = true;
    }

    /// A table or a section break comes next: a waiting heading stays a plain paragraph, and
    /// a block right before a table gets its separator.
    pub(crate) fn heading_block_ends(&mut self) {
        self.heading.heading_at = None;
        self.heading.follower_at = None;
        if std::mem::take(&mut self.heading.block_closed) {
            self.raw(SEPARATOR);
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::header::heading;
    use crate::wml::{Borders, PLAIN, Para};
    use crate::xml::render;

    #[test]
    fn a_heading_and_its_first_paragraph_share_an_unsplittable_row() {
        let s = render(|x| {
            x.p(Para::new("Body"), "preceding", PLAIN);
            heading(x, "I. ONE");
            x.p(Para::new("Body"), "first", PLAIN);
            x.p(Para::new("Body"), "second", PLAIN);
        });
        let block = &s[s.find("<w:tbl>").unwrap()..s.find("</w:tbl>").unwrap()];
        assert!(block.contains("<w:cantSplit/>"));
        assert!(block.contains("I. ONE") && block.contains("first"));
        assert!(!block.contains("second") && !block.contains("preceding"));
        // No borders: the page looks as it did with plain paragraphs; the heading's space
        // above gives way to the space under the paragraph before.
        assert!(!block.contains("tblBorders"));
        assert!(block.contains("<w:pStyle w:val=\"Heading1\"/><w:spacing w:before=\"0\"/>"));
    }

    #[test]
    fn two_headings_go_with_the_first_paragraph_and_tables_stay_apart() {
        let s = render(|x| {
            heading(x, "I. ONE");
            heading(x, "1. Sub");
            x.p(Para::new("Body"), "text", PLAIN);
            x.tbl_open(&[100], Borders::Grid);
            x.tbl_close();
            x.spacer_after_table();
            heading(x, "II. TWO");
            x.p(Para::new("Body"), "more", PLAIN);
            heading(x, "III. THREE");
            x.p(Para::new("Body"), "last", PLAIN);
        });
        assert_eq!(s.matches("<w:cantSplit/>").count(), 3);
        let first = &s[..s.find("</w:tbl>").unwrap()];
        assert!(first.contains("I. ONE") && first.contains("1. Sub") && first.contains("text"));
        // A table never touches the next: Word would merge them.
        assert!(!s.contains("</w:tbl><w:tbl>"), "{s}");
    }

    #[test]
    fn a_heading_before_a_table_or_a_long_or_kept_paragraph_stays_a_paragraph() {
        let s = render(|x| {
            heading(x, "0. LAST");
            x.p(Para::new("Body").keep(), "kept with the signature", PLAIN);
            heading(x, "I. ONE");
            x.tbl_open(&[100], Borders::Grid);
            x.tbl_close();
            heading(x, "II. TWO");
            x.p(
                Para::new("Body"),
                &"x".repeat(super::MAX_FOLLOWER + 1),
                PLAIN,
            );
        });
        assert_eq!(s.matches("<w:tbl>").count(), 1);
        assert!(s.starts_with("<w:p><w:pPr><w:pStyle w:val=\"Heading1\"/>"));
    }
}
