//! How many lines a text takes in a column, so that rows are set tall enough for it.
//!
//! LibreOffice does not measure the rows of an .xlsx it opens: a row without a height prints
//! as one line over the others, and a row set too short prints its text cut at the bottom.
//! Every row is therefore sized here, from the advance widths of Times New Roman (the font
//! of every workbook; LibreOffice's Liberation Serif has the same metrics), wrapped at word
//! boundaries as a spreadsheet wraps it.
//!
//! Checked against LibreOffice's own optimal row heights on every workbook of the three
//! examples in both languages: no row is set shorter than its text needs.

/// Height of one line of 12-point Times New Roman, in points.
pub(crate) const LINE_HEIGHT: f64 = 15.75;

/// Row height for cells given as (column width, text): the tallest cell's lines.
///
/// ```ignore
/// assert_eq!(height_for(&[(24.0, "Văn phòng Sở")]), 18.75);
/// ```
pub(crate) fn height_for(cells: &[(f64, &str)]) -> f64 {
    let lines = cells
        .iter()
        .map(|(width, text)| lines_in(text, room(*width)))
        .max()
        .unwrap_or(1)
        .clamp(1, 400);
    lines as f64 * LINE_HEIGHT + 3.0
}

/// The width a heading column needs so that no word of its (bold) heading is cut in two:
/// the given width, or more when the heading's longest word does not fit in it (LibreOffice
/// and Excel break a word longer than the column: "Nonconformit|ies", "Re-announcemen|t").
///
/// ```ignore
/// assert_eq!(heading_width("Số phiếu", 10.0), 10.0);
/// assert!(heading_width("Nonconformities", 10.0) > 15.0);
/// ```
pub(crate) fn heading_width(heading: &str, width: f64) -> f64 {
    let longest = heading
        .split(|c: char| c.is_whitespace() || c == '/')
        .map(|w| w.chars().map(char_em).sum::<f64>() * BOLD)
        .fold(0.0, f64::max);
    width.max(width_for(longest))
}

/// Height of a heading row whose bold headings wrap within their widths: at least the two
/// lines every register's heading row has.
///
/// ```ignore
/// assert_eq!(heading_height(&[("Kết quả", 15.0)]), 33.0);
/// ```
pub(crate) fn heading_height(headings: &[(&str, f64)]) -> f64 {
    let lines = headings
        .iter()
        .map(|(h, w)| lines_in(h, room(*w) / BOLD))
        .max()
        .unwrap_or(1)
        .clamp(1, 20);
    (lines as f64 * LINE_HEIGHT + 3.0).max(33.0)
}

/// Height of a row holding a sheet's title (bold, 14 points) wrapped in columns `width`
/// wide in all: 24 points for one line, as every title row, and a line more for each wrap.
///
/// ```ignore
/// assert_eq!(title_height("KẾT QUẢ", 40.0), 24.0);
/// assert!(title_height("KẾT QUẢ KIỂM TRA HTQLCL CỦA TỪNG CƠ QUAN NĂM 2026", 46.0) > 40.0);
/// ```
pub(crate) fn title_height(title: &str, width: f64) -> f64 {
    // The text is measured in ems of 12 points: 14-point bold takes 14/12 × BOLD as much.
    let lines = lines_in(title, room(width) / (14.0 / 12.0 * BOLD)).clamp(1, 20);
    TITLE_HEIGHT + (lines - 1) as f64 * TITLE_LINE
}

/// Height of a title row of one line, in points.
pub(crate) const TITLE_HEIGHT: f64 = 24.0;

/// Height of a line of 14-point Times New Roman, in points.
const TITLE_LINE: f64 = 18.5;

/// Bold Times New Roman is about this much wider than the regular face.
const BOLD: f64 = 1.08;

/// Room for text on a line of a column of `width` (Excel's unit: the width of a digit of the
/// default font, 7 pixels, plus 5 pixels of padding), in ems of 12-point text, less the
/// cell's inner margins (measured: 0.55 em).
fn room(width: f64) -> f64 {
    let points = (width * 7.0 + 5.0) * 0.75;
    (points / 12.0 - 0.55).max(0.5)
}

/// The column width whose room is `ems`.
fn width_for(ems: f64) -> f64 {
    ((ems + 0.55) * 12.0 / 0.75 - 5.0) / 7.0
}

/// Lines of a text with line breaks.
fn lines_in(text: &str, room: f64) -> usize {
    text.split('\n').map(|p| wrapped_lines(p, room)).sum()
}

/// Width of a space, in ems.
const SPACE: f64 = 0.25;

/// Lines a paragraph takes when wrapped at word boundaries into lines of `room` ems, as a
/// spreadsheet wraps it: a word that does not fit moves whole to the next line, a word
/// longer than a line is cut, and a comma or full stop ending a word may hang past the edge.
pub(crate) fn wrapped_lines(paragraph: &str, room: f64) -> usize {
    let room = room.max(0.5);
    let mut lines = 1;
    let mut used = 0.0;
    for word in paragraph.split_whitespace() {
        let len: f64 = word.chars().map(char_em).sum();
        let hanging = match word.chars().last() {
            Some(c @ (',' | '.' | ';' | ':')) => char_em(c),
            _ => 0.0,
        };
        let needed = if used == 0.0 { len } else { used + SPACE + len };
        if needed - hanging <= room {
            used = needed;
        } else {
            if used > 0.0 {
                lines += 1;
            }
            let full = ((len / room).ceil() as usize).max(1);
            lines += full - 1;
            used = len - (full - 1) as f64 * room;
        }
    }
    lines
}

/// Advance width of a character of Times New Roman, in ems. Letters with Vietnamese marks
/// take their base letter's width, about half an em (their exact widths differ by a few
/// hundredths); other characters half an em.
fn char_em(c: char) -> f64 {
    match c {
        'i' | 'j' | 'l' | 't' => 0.278,
        'f' | 'r' => 0.333,
        's' => 0.389,
        'a' | 'c' | 'e' | 'z' => 0.444,
        'm' => 0.778,
        'w' => 0.722,
        'I' => 0.333,
        'J' => 0.389,
        'F' | 'P' | 'S' => 0.556,
        'E' | 'L' | 'T' | 'Z' => 0.611,
        'B' | 'C' | 'R' => 0.667,
        'M' => 0.889,
        'W' => 0.944,
        '.' | ',' => 0.25,
        ';' | ':' | '/' => 0.278,
        '-' | '(' | ')' => 0.333,
        '\'' => 0.18,
        '"' => 0.408,
        '&' => 0.778,
        '%' => 0.833,
        c if c.is_uppercase() => 0.722,
        _ => 0.5,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lines(width: f64, text: &str) -> usize {
        lines_in(text, room(width))
    }

    #[test]
    fn texts_take_the_lines_libreoffice_prints_them_in() {
        // Read off LibreOffice's PDF of the examples' workbooks (its optimal row heights
        // for the clipped ones): column width, text, lines.
        let seen: [(f64, &str, usize); 12] = [
            // Clipped at the second line in the internal documents register.
            (44.0, "Quy chế làm việc của Sở Khoa học và Công nghệ", 2),
            (
                44.0,
                "Quy trình phê duyệt kế hoạch ứng phó sự cố bức xạ cơ sở",
                2,
            ),
            (14.0, "Đang áp dụng", 1),
            (24.0, "Văn phòng Sở", 1),
            (17.0, "Giấy và điện tử", 1),
            // Clipped at the fourth line in the records register.
            (
                30.0,
                "Chi cục Tiêu chuẩn Đo lường Chất lượng – Lưu kèm hồ sơ giải quyết TTHC tại đơn vị chủ trì",
                4,
            ),
            // "cửa)" alone on the third line, clipped in the ward's records register.
            (
                30.0,
                "Trung tâm Phục vụ hành chính công phường (Bộ phận một cửa)",
                3,
            ),
            (22.0, "QLKH; QLCN&ĐMST; Thanh tra", 3),
            (
                18.0,
                "Thư mục dùng chung HTQLCL; bản giấy tại đơn vị chủ trì",
                4,
            ),
            // Clipped at the second line in the programme matrix.
            (11.0, "5.3, 7.5.3, 8.1, 8.5.1, QT-22", 3),
            (12.0, "Verification", 1),
            // Cut in two ("Observatio|n") as a roll-up heading.
            (11.0, "Observation", 2),
        ];
        for (width, text, n) in seen {
            assert_eq!(lines(width, text), n, "{text} in {width}");
        }
        // One case errs on the safe side: LibreOffice fits "4.1, 4.2, 5.2," on one line.
        assert!((2..=3).contains(&lines(11.0, "4.1, 4.2, 5.2, 6.1, 6.2, 7.2,")));
    }

    #[test]
    fn words_wrap_whole_and_long_words_are_cut() {
        assert_eq!(wrapped_lines("", 5.0), 1);
        // "nnnnnnnnnn" is 5 ems: a room of 2 ems holds 4 letters a line.
        assert_eq!(wrapped_lines("nnnnnnnnnn", 2.0), 3);
        assert_eq!(wrapped_lines("nn nnnnnnnnnn", 2.0), 4);
        // Long text takes about its length over the line, not a line per word.
        let text = "Hội đồng xác định giá trị tài liệu xem xét, lập biên bản hủy theo quy định";
        let n = wrapped_lines(text, 12.0);
        assert!((3..=4).contains(&n), "{n}");
    }

    #[test]
    fn headings_get_the_width_of_their_longest_word_and_the_height_of_their_lines() {
        assert_eq!(heading_width("Số phiếu", 10.0), 10.0);
        assert_eq!(heading_width("Lần ban hành", 10.0), 10.0);
        assert_eq!(heading_width("Agencies", 13.0), 13.0);
        // Seen cut in two in the English roll-up.
        for word in [
            "Nonconformities",
            "Observation",
            "Improvement",
            "Re-announcement",
        ] {
            let w = heading_width(word, 10.0);
            assert!(w > 11.0, "{word} {w}");
            assert_eq!(wrapped_lines(word, room(w) / BOLD), 1, "{word} {w}");
        }
        assert_eq!(heading_height(&[("Kết quả", 15.0)]), 33.0);
        // "Opportunity for improvement" printed its third line cut in a two-line row.
        let h = heading_height(&[("Kind", 14.0), ("Opportunity for improvement", 14.0)]);
        assert!(h >= 3.0 * LINE_HEIGHT + 3.0, "{h}");
    }

    #[test]
    fn row_height_follows_the_tallest_cell() {
        let one = height_for(&[(40.0, "Ngắn")]);
        let three = height_for(&[(10.0, "một hai ba bốn năm sáu bảy tám chín mười")]);
        assert!(three > 2.5 * one, "{one} {three}");
        assert_eq!(height_for(&[(40.0, "a\nb\nc")]), 3.0 * LINE_HEIGHT + 3.0);
        assert_eq!(one, LINE_HEIGHT + 3.0);
    }
}
