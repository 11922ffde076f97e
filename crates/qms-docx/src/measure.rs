//! A deterministic estimate of how wide a word set in bold Times New Roman (or its metric
//! twin Liberation Serif) is, and column widths that let every word of a table heading stand
//! on one line ("Observations" broken as "Observati / ons" reads as a mistake).
//!
//! The estimate uses the Times Bold advance widths of the ASCII letters (thousandths of an
//! em); a letter with a diacritic counts as wide as the widest plain letter of its case, so
//! Vietnamese words are never underestimated. No font is read: same input, same widths.

/// Cell margin on each side of a grid table's cell, in twips (see `Xml::tbl_open`).
pub const CELL_MARGIN: u32 = 57;

/// Advance width of a character in thousandths of an em (Times Bold metrics).
fn advance(c: char) -> u32 {
    const LOWER: [u32; 26] = [
        500, 556, 444, 556, 444, 333, 500, 556, 278, 333, 556, 278, 833, 556, 500, 556, 556, 444,
        389, 333, 556, 500, 722, 500, 500, 444,
    ];
    const UPPER: [u32; 26] = [
        722, 667, 722, 722, 667, 611, 778, 778, 389, 500, 778, 667, 944, 722, 778, 611, 778, 722,
        556, 667, 722, 722, 1000, 722, 722, 667,
    ];
    match c {
        'a'..='z' => LOWER
            .get(usize::from(c as u8 - b'a'))
            .copied()
            .unwrap_or(556),
        'A'..='Z' => UPPER
            .get(usize::from(c as u8 - b'A'))
            .copied()
            .unwrap_or(778),
        '0'..='9' => 500,
        '.' | ',' | ' ' => 250,
        '/' => 278,
        '%' | '&' | '—' => 1000,
        '–' | '?' => 500,
        c if c.is_uppercase() => 1000,
        c if c.is_alphabetic() => 556,
        _ => 333,
    }
}

/// Width of `word` in twips at `half_points` (the `w:sz` unit), rounded up.
///
/// ```
/// // "Month" in bold 13 pt: 944 + 500 + 556 + 333 + 556 thousandths of 13 pt.
/// assert_eq!(qms_docx::measure::word_width("Month", 26), 752);
/// assert!(qms_docx::measure::word_width("Nonconformity", 26) > 1600);
/// ```
pub fn word_width(word: &str, half_points: u32) -> u32 {
    let units: u32 = word.chars().map(advance).sum();
    // units/1000 em × half_points/2 pt × 20 twips/pt.
    (units * half_points * 10).div_ceil(1000)
}

/// Width of the longest word of `text` in twips.
///
/// ```
/// assert_eq!(
///     qms_docx::measure::longest_word("Auditee representative", 26),
///     qms_docx::measure::word_width("representative", 26)
/// );
/// ```
pub fn longest_word(text: &str, half_points: u32) -> u32 {
    text.split_whitespace()
        .map(|w| word_width(w, half_points))
        .max()
        .unwrap_or(0)
}

/// Moves width between columns so that each column is at least as wide as the longest word
/// of its texts (`texts[i]` for column `i`) plus the cell margins. The width comes from the
/// columns with the most room to spare, widest spare first; the total never changes. Widths
/// that already fit are returned as they are, so Vietnamese layouts keep their proportions.
pub(crate) fn fit_columns(mut widths: Vec<u32>, texts: &[&[&str]], half_points: u32) -> Vec<u32> {
    let need: Vec<u32> = widths
        .iter()
        .enumerate()
        .map(|(i, _)| {
            texts.get(i).map_or(0, |t| {
                t.iter()
                    .map(|s| longest_word(s, half_points))
                    .max()
                    .unwrap_or(0)
            }) + 2 * CELL_MARGIN
                + 20
        })
        .collect();
    for i in 0..widths.len() {
        let have = widths.get(i).copied().unwrap_or(0);
        let want = need.get(i).copied().unwrap_or(0);
        let mut deficit = want.saturating_sub(have);
        // Take from the column with the most spare width, a slice at a time, until covered.
        while deficit > 0 {
            let spare = |j: usize| {
                let w = widths.get(j).copied().unwrap_or(0);
                w.saturating_sub(need.get(j).copied().unwrap_or(0))
            };
            let donor = (0..widths.len())
                .filter(|&j| j != i && spare(j) > 0)
                .max_by_key(|&j| (spare(j), std::cmp::Reverse(j)));
            let Some(j) = donor else { break };
            let give = deficit.min(spare(j)).min(deficit.div_ceil(2).max(20));
            if let Some(w) = widths.get_mut(j) {
                *w -= give;
            }
            if let Some(w) = widths.get_mut(i) {
                *w += give;
            }
            deficit -= give;
        }
    }
    widths
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wider_words_and_diacritics_measure_wider() {
        assert!(word_width("mmm", 26) > word_width("iii", 26));
        assert!(word_width("Điều", 26) >= word_width("Dieu", 26));
        assert_eq!(word_width("", 26), 0);
        assert_eq!(longest_word("a   bb", 26), word_width("bb", 26));
    }

    #[test]
    fn fitting_widens_a_narrow_column_and_keeps_the_total() {
        let w = vec![800, 6000, 800];
        let out = fit_columns(w.clone(), &[&["No."], &["Unit"], &["Observations"]], 26);
        assert_eq!(out.iter().sum::<u32>(), w.iter().sum::<u32>());
        assert!(out[2] >= word_width("Observations", 26) + 2 * CELL_MARGIN);
        assert_eq!(out[0], 800);
        // Already fitting: unchanged.
        assert_eq!(
            fit_columns(w.clone(), &[&["No."], &["Unit"], &["NC"]], 26),
            w
        );
    }
}
