//! Page layout of Decree 30/2020/NĐ-CP (Phụ lục I): A4 portrait, margins within the decree's
//! ranges, Times New Roman 13–14 pt.

use crate::DocxError;

/// A4 width in twips (210 mm).
pub(crate) const PAGE_WIDTH: u32 = 11906;
/// A4 height in twips (297 mm).
pub(crate) const PAGE_HEIGHT: u32 = 16838;

/// Page margins and body font size.
///
/// The default is the decree's minimum margins (top and bottom 20 mm, left 30 mm, right
/// 15 mm) and a 14 pt body. [`Layout::check`] refuses values outside the decree's ranges.
///
/// ```
/// use qms_docx::Layout;
/// let wide = Layout { margin_top_mm: 25, margin_bottom_mm: 25, margin_left_mm: 35,
///                     margin_right_mm: 20, font_size_pt: 13 };
/// assert!(wide.check().is_ok());
/// assert!(Layout { margin_left_mm: 20, ..Layout::default() }.check().is_err());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Layout {
    /// Top margin, 20–25 mm.
    pub margin_top_mm: u32,
    /// Bottom margin, 20–25 mm.
    pub margin_bottom_mm: u32,
    /// Left margin, 30–35 mm.
    pub margin_left_mm: u32,
    /// Right margin, 15–20 mm.
    pub margin_right_mm: u32,
    /// Body font size, 13 or 14 pt.
    pub font_size_pt: u32,
}

impl Default for Layout {
    fn default() -> Self {
        Layout {
            margin_top_mm: 20,
            margin_bottom_mm: 20,
            margin_left_mm: 30,
            margin_right_mm: 15,
            font_size_pt: 14,
        }
    }
}

impl Layout {
    /// Checks every value against the decree's range.
    pub fn check(&self) -> Result<(), DocxError> {
        let fields = [
            ("margin_top_mm", self.margin_top_mm, 20, 25),
            ("margin_bottom_mm", self.margin_bottom_mm, 20, 25),
            ("margin_left_mm", self.margin_left_mm, 30, 35),
            ("margin_right_mm", self.margin_right_mm, 15, 20),
            ("font_size_pt", self.font_size_pt, 13, 14),
        ];
        for (field, value, min, max) in fields {
            if !(min..=max).contains(&value) {
                return Err(DocxError::Layout {
                    field,
                    value,
                    min,
                    max,
                });
            }
        }
        Ok(())
    }

    /// Width of the text area in twips.
    pub(crate) fn text_width(&self) -> u32 {
        PAGE_WIDTH - mm(self.margin_left_mm) - mm(self.margin_right_mm)
    }

    /// The section properties: A4 portrait, margins, page number header from page 2.
    pub(crate) fn sect_pr(&self) -> String {
        format!(
            "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHdrDefault\"/>\
             <w:headerReference w:type=\"first\" r:id=\"rIdHdrFirst\"/>\
             <w:pgSz w:w=\"{PAGE_WIDTH}\" w:h=\"{PAGE_HEIGHT}\"/>\
             <w:pgMar w:top=\"{}\" w:right=\"{}\" w:bottom=\"{}\" w:left=\"{}\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>\
             <w:pgNumType w:start=\"1\"/><w:cols w:space=\"720\"/><w:titlePg/></w:sectPr>",
            mm(self.margin_top_mm),
            mm(self.margin_right_mm),
            mm(self.margin_bottom_mm),
            mm(self.margin_left_mm),
        )
    }

    /// Body size in half-points.
    pub(crate) fn body_half_points(&self) -> u32 {
        self.font_size_pt * 2
    }
}

/// Millimetres to twips, rounded (20 mm = 1134, 30 mm = 1701, 15 mm = 850).
pub(crate) fn mm(v: u32) -> u32 {
    (v * 14400 + 127) / 254
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn twips_match_the_reference_table() {
        assert_eq!(
            [mm(15), mm(20), mm(25), mm(30), mm(35)],
            [850, 1134, 1417, 1701, 1984]
        );
        assert_eq!(Layout::default().text_width(), 11906 - 1701 - 850);
    }

    #[test]
    fn out_of_range_is_refused_with_the_field() {
        let err = Layout {
            font_size_pt: 12,
            ..Layout::default()
        }
        .check()
        .unwrap_err();
        assert_eq!(err.code(), "docx-layout-out-of-range");
        assert!(err.to_string().contains("font_size_pt"));
    }
}
