//! Where the printed pages of a checklist end, decided here rather than by the spreadsheet.
//!
//! A spreadsheet has no "keep with next": left to itself, Excel or LibreOffice breaks a page
//! wherever the rows run out of room, and the signature block under a checklist was printed
//! with its captions at the foot of one page and the signing room and names on the next.
//! So every row has an explicit height, and the pages are laid out here from those heights
//! with a manual break at the end of each one; a page laid out with room to spare never gets
//! an automatic break of its own, so the pages printed are the pages computed.
//!
//! The sheet stays "fit to one page wide" (height automatic), where both applications honour
//! manual row breaks. The scale is then the reader's: it depends on how wide it draws a
//! column, which depends on the default font's digits (LibreOffice with Carlito prints the
//! checklist at 69%, Excel with Calibri at 73%). Pages are laid out for the largest scale a
//! reader gives (Excel's, plus a margin), so that at any smaller one they only have more
//! room. A fixed print scale was tried instead: LibreOffice then printed the last column
//! on pages of its own, the columns being wider than Excel's.
//!
//! ```ignore
//! let p = Pages { room: 100.0, repeat: Some((1, 10.0)), keep: vec![4] };
//! // Rows 0 and 1 (the repeated heading) open the sheet; row 4 and its tail stay together.
//! assert_eq!(p.breaks(&[20.0, 10.0, 50.0, 10.0, 30.0, 20.0]), vec![4]);
//! ```

/// A4 in points, landscape: (width, height).
pub(crate) const A4_LANDSCAPE: (f64, f64) = (841.89, 595.28);

/// Page margins in inches, in rust_xlsxwriter's order: left, right, top, bottom, header,
/// footer. The header and footer print inside the top and bottom margins.
pub(crate) const MARGINS: [f64; 6] = [0.5, 0.4, 0.6, 0.6, 0.3, 0.3];

/// Excel's limit on manual row breaks in a sheet.
const MAX_BREAKS: usize = 1023;

/// Room kept free at the foot of every page, in printed points: LibreOffice gives the page
/// header a little more than its margin when the header's text is taller than the gap, and
/// rounds row heights to its own units; a page laid out full to the point could overflow.
const SLACK: f64 = 18.0;

/// Width of a column in points as Excel and LibreOffice draw it: a width of `w` characters
/// is `w` digits of the default font (7 pixels each) plus 5 pixels of padding.
pub(crate) fn column_points(width: f64) -> f64 {
    ((width * 7.0 + 0.5).floor() + 5.0) * 0.75
}

/// The largest print scale, in percent, at which a reader fits columns of these widths on
/// the width of a landscape A4 page with [`MARGINS`]: Excel's fit (a whole percent, cut
/// down) with the digits of Calibri 11, plus two percent for a reader whose digits are
/// narrower still. Never above 100: fitting does not enlarge.
///
/// ```ignore
/// assert_eq!(largest_fit_scale(&[100.0]), 100);
/// assert_eq!(largest_fit_scale(&crate::layout::WIDTHS), 75);
/// ```
pub(crate) fn largest_fit_scale(widths: &[f64]) -> u16 {
    let [left, right, ..] = MARGINS;
    let printable = A4_LANDSCAPE.0 - (left + right) * 72.0;
    let sheet: f64 = widths.iter().map(|w| column_points(*w)).sum();
    if sheet <= 0.0 {
        return 100;
    }
    let percent = (printable / sheet * 100.0).floor() + 2.0;
    percent.clamp(10.0, 100.0) as u16
}

/// The height of sheet rows that fits on one printed page at `scale` percent.
pub(crate) fn page_room(scale: u16) -> f64 {
    let [_, _, top, bottom, ..] = MARGINS;
    let printable = A4_LANDSCAPE.1 - (top + bottom) * 72.0 - SLACK;
    printable * 100.0 / f64::from(scale.max(10))
}

/// How the rows of a sheet are laid out on pages.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Pages {
    /// Height of sheet rows that fits on a page (see [`page_room`]).
    pub(crate) room: f64,
    /// The row printed again at the top of every page after the one it is on (the column
    /// headings), and its height.
    pub(crate) repeat: Option<(usize, f64)>,
    /// Rows from which the rest of the sheet stays on one page, tried in order: the first
    /// whose tail fits on a page is kept whole (e.g. the last item with the signature block,
    /// then the signature block alone when the last item is too tall to go with it).
    pub(crate) keep: Vec<usize>,
}

impl Pages {
    /// The rows (zero-based) that start a new page, for rows of these heights, at most
    /// Excel's 1,023: when there are more, the last ones, so that the end of the sheet is
    /// still laid out as computed.
    pub(crate) fn breaks(&self, heights: &[f64]) -> Vec<u32> {
        let repeat_height = |row: usize| match self.repeat {
            Some((r, h)) if row > r => h,
            _ => 0.0,
        };
        let tail = |from: usize| heights.iter().skip(from).sum::<f64>();
        let keep = self
            .keep
            .iter()
            .copied()
            .find(|k| *k < heights.len() && repeat_height(*k) + tail(*k) <= self.room);
        let mut breaks = Vec::new();
        let mut used = 0.0;
        for (row, h) in heights.iter().copied().enumerate() {
            let needed = if Some(row) == keep { tail(row) } else { h };
            // The row that does not fit starts the next page, so no page is left holding
            // only the repeated heading.
            if row > 0 && used + needed > self.room {
                breaks.push(row as u32);
                used = repeat_height(row);
            }
            used += h;
        }
        let extra = breaks.len().saturating_sub(MAX_BREAKS);
        breaks.drain(..extra);
        breaks
    }
}

/// The rows that start a new page when a sheet is made of blocks, each kept whole on one
/// page: `blocks` are (first row, height) in order, a block running to the next one's first
/// row. A block that does not fit under the ones before starts a page; one taller than a page
/// starts a page and runs over, and the block after it starts the next.
///
/// ```ignore
/// // Two tables of 60 and a chart of 50 on pages of 100: the chart starts page two.
/// assert_eq!(block_breaks(100.0, &[(0, 30.0), (3, 60.0), (12, 50.0)]), vec![12]);
/// ```
pub(crate) fn block_breaks(room: f64, blocks: &[(u32, f64)]) -> Vec<u32> {
    let mut breaks = Vec::new();
    let mut used = 0.0;
    for (first, h) in blocks.iter().copied() {
        if used > 0.0 && used + h > room {
            breaks.push(first);
            used = 0.0;
        }
        used += h;
        if used > room {
            // Ran over a page: what follows starts the next one.
            used = room;
        }
    }
    breaks.truncate(MAX_BREAKS);
    breaks
}

/// Sets the page breaks of a checklist sheet whose rows, from the top through the signature
/// block, have these `heights`; `heading` is the repeated heading row and its height,
/// `last_item` the row of the last item. The last item prints with the signature block under
/// it, on one page, so that the signatures sign what is above them; when the two are too tall
/// for a page, the block alone is kept whole.
///
/// ```ignore
/// break_checklist(ws, &heights, (HEADING_ROW, HEADING_HEIGHT), last_row)?;
/// ```
pub(crate) fn break_checklist(
    ws: &mut rust_xlsxwriter::Worksheet,
    heights: &[f64],
    heading: (u32, f64),
    last_item: u32,
) -> Result<(), crate::XlsxError> {
    let pages = Pages {
        room: page_room(largest_fit_scale(&crate::layout::WIDTHS)),
        repeat: Some((heading.0 as usize, heading.1)),
        // The block's captions are two rows under the last item (a blank row between).
        keep: vec![last_item as usize, last_item as usize + 2],
    };
    ws.set_page_breaks(&pages.breaks(heights))?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn pages(room: f64, keep: Vec<usize>) -> Pages {
        Pages {
            room,
            repeat: Some((1, 10.0)),
            keep,
        }
    }

    #[test]
    fn rows_fill_pages_and_the_heading_repeats_on_each() {
        let p = pages(100.0, vec![]);
        // 20 + 10 + 30 + 30 = 90; then 10 (heading) + 40 + 40 = 90; then 10 + 40.
        let h = [20.0, 10.0, 30.0, 30.0, 40.0, 40.0, 40.0];
        assert_eq!(p.breaks(&h), vec![4, 6]);
        // Everything on one page: no break.
        assert_eq!(p.breaks(&[20.0, 10.0, 30.0]), Vec::<u32>::new());
    }

    #[test]
    fn the_kept_tail_moves_whole_to_the_next_page() {
        // Without keeping, rows 0-4 fill the page (100) and row 5 starts the next.
        let h = [20.0, 10.0, 50.0, 10.0, 10.0, 30.0];
        assert_eq!(pages(100.0, vec![]).breaks(&h), vec![5]);
        // Keeping rows 4.. together moves row 4 over with them.
        assert_eq!(pages(100.0, vec![4]).breaks(&h), vec![4]);
        // A tail that fits where it is stays there.
        assert_eq!(pages(200.0, vec![4]).breaks(&h), Vec::<u32>::new());
    }

    #[test]
    fn a_tail_taller_than_a_page_falls_back_to_the_next_candidate() {
        // Rows 3.. need 10 + 60 + 40 = 110 > 100: the block from row 4 is kept instead.
        let h = [20.0, 10.0, 50.0, 60.0, 20.0, 20.0];
        assert_eq!(pages(100.0, vec![3, 4]).breaks(&h), vec![3, 4]);
    }

    #[test]
    fn a_row_taller_than_a_page_gets_a_page_of_its_own() {
        let h = [20.0, 10.0, 150.0, 10.0];
        assert_eq!(pages(100.0, vec![]).breaks(&h), vec![2, 3]);
    }

    #[test]
    fn blocks_stay_whole_and_fill_pages_in_order() {
        // 30 + 60 fit; the chart (50) starts page two.
        assert_eq!(
            block_breaks(100.0, &[(0, 30.0), (3, 60.0), (12, 50.0)]),
            vec![12]
        );
        // Everything fits: no break.
        assert_eq!(
            block_breaks(100.0, &[(0, 30.0), (3, 70.0)]),
            Vec::<u32>::new()
        );
        // Each block alone: a break before every one after the first.
        assert_eq!(
            block_breaks(100.0, &[(0, 60.0), (5, 60.0), (9, 60.0)]),
            vec![5, 9]
        );
    }

    #[test]
    fn a_block_taller_than_a_page_runs_over_and_the_next_starts_a_page() {
        assert_eq!(
            block_breaks(100.0, &[(0, 20.0), (2, 250.0), (40, 10.0)]),
            vec![2, 40]
        );
        // First on its page, it gets no break before it.
        assert_eq!(block_breaks(100.0, &[(0, 250.0), (40, 10.0)]), vec![40]);
    }

    #[test]
    fn breaks_stay_within_excels_limit() {
        let h = vec![60.0; 3000];
        let b = pages(100.0, vec![2999]).breaks(&h);
        assert_eq!(b.len(), MAX_BREAKS);
        assert_eq!(b.last(), Some(&2999));
    }

    #[test]
    fn pages_are_laid_out_for_no_smaller_a_scale_than_excel_prints_at() {
        // The checklist's columns: 1,410 pixels, 1,057.5 points; 777 points of paper.
        let widths = crate::layout::WIDTHS;
        assert_eq!(
            widths.iter().map(|w| column_points(*w)).sum::<f64>(),
            1057.5
        );
        let scale = largest_fit_scale(&widths);
        assert_eq!(scale, 73 + 2);
        // At that scale a page holds less than at Excel's 73% or LibreOffice's 69%.
        assert!(page_room(scale) < page_room(73) && page_room(73) < page_room(69));
        assert_eq!(largest_fit_scale(&[100.0]), 100);
        assert_eq!(largest_fit_scale(&[]), 100);
    }
}
