//! The styles part: Times New Roman throughout, body size from the layout, the Vietnamese
//! (or English) language tag, and one named style per kind of paragraph the documents use.

use crate::layout::Layout;
use qms_core::Lang;
use std::fmt::Write as _;

/// A paragraph style: id, based-on, paragraph properties, run properties.
struct Style {
    id: &'static str,
    name: &'static str,
    ppr: &'static str,
    rpr: String,
}

/// `w:sz` and `w:szCs` for a size in half-points.
fn size(half_points: u32) -> String {
    format!("<w:sz w:val=\"{half_points}\"/><w:szCs w:val=\"{half_points}\"/>")
}

const BOLD: &str = "<w:b/><w:bCs/>";
const ITALIC: &str = "<w:i/><w:iCs/>";
/// Body paragraphs: justified, 1 cm first-line indent, 6 pt after, 1.15 lines.
const BODY_PPR: &str = "<w:spacing w:before=\"0\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>";
const CENTER_TIGHT: &str = "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>";
const FORM_CELL_PPR: &str = "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>";
const CELL_PPR: &str = "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>";

/// Font size of table cells and their headings, in half-points: one point below the body.
pub(crate) fn cell_half_points(layout: &Layout) -> u32 {
    layout.body_half_points().saturating_sub(2)
}

/// The styles part for a layout and language.
pub(crate) fn styles_xml(layout: &Layout, lang: Lang) -> String {
    let body = layout.body_half_points();
    let cell = cell_half_points(layout);
    let tag = lang.pick("vi-VN", "en-GB");
    let styles = [
        Style {
            id: "Body",
            name: "Body Text",
            ppr: BODY_PPR,
            rpr: String::new(),
        },
        Style {
            id: "Note",
            name: "Table Note",
            ppr: "<w:spacing w:before=\"60\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            rpr: format!("{ITALIC}{}", size(24)),
        },
        // The caption over a group's table ("a) Các cơ hội cải tiến"): bold body text kept with
        // its table, with air above so it does not sit on the table before.
        Style {
            id: "GroupCaption",
            name: "Group Caption",
            ppr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"60\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>",
            rpr: BOLD.into(),
        },
        // A bold label over a short list ("4. Khách mời:"): body text kept with its first
        // item; the writer puts the two in one block, as it does a heading (heading_block.rs).
        Style {
            id: "Label",
            name: "List Label",
            ppr: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/>",
            rpr: BOLD.into(),
        },
        Style {
            id: "Heading1",
            name: "heading 1",
            ppr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"120\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/><w:outlineLvl w:val=\"0\"/>",
            rpr: BOLD.into(),
        },
        Style {
            id: "Heading2",
            name: "heading 2",
            ppr: "<w:keepNext/><w:keepLines/><w:spacing w:before=\"60\" w:after=\"120\" w:line=\"276\" w:lineRule=\"auto\"/><w:ind w:firstLine=\"567\"/><w:jc w:val=\"both\"/><w:outlineLvl w:val=\"1\"/>",
            rpr: BOLD.into(),
        },
        Style {
            id: "DocType",
            name: "Document Type",
            ppr: "<w:keepNext/><w:spacing w:before=\"240\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: format!("{BOLD}{}", size(28)),
        },
        // A form's title: the document type's look with half its air above, as a form must
        // leave its page to its parts.
        Style {
            id: "FormTitle",
            name: "Form Title",
            ppr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: format!("{BOLD}{}", size(28)),
        },
        Style {
            id: "Summary",
            name: "Document Summary",
            ppr: "<w:keepNext/><w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: format!("{BOLD}{}", size(28)),
        },
        // "Kính gửi:" of a report: centred, not bold (Decree 30/2020, Phụ lục I).
        Style {
            id: "Addressee",
            name: "Addressee",
            ppr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"240\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: size(28),
        },
        // "QUYẾT ĐỊNH:" of a decision and its issuing authority: centred, bold.
        Style {
            id: "Decides",
            name: "Decision Line",
            ppr: "<w:keepNext/><w:spacing w:before=\"120\" w:after=\"120\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: format!("{BOLD}{}", size(28)),
        },
        Style {
            id: "Hdr12",
            name: "Header 12",
            ppr: CENTER_TIGHT,
            rpr: size(24),
        },
        Style {
            id: "Hdr13",
            name: "Header 13",
            ppr: CENTER_TIGHT,
            rpr: size(26),
        },
        Style {
            id: "Hdr14",
            name: "Header 14",
            ppr: CENTER_TIGHT,
            rpr: size(28),
        },
        Style {
            id: "HdrNumber",
            name: "Number and Symbol",
            ppr: "<w:spacing w:before=\"120\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: size(26),
        },
        Style {
            id: "HdrDate",
            name: "Place and Date",
            ppr: "<w:spacing w:before=\"120\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: format!("{ITALIC}{}", size(28)),
        },
        Style {
            id: "Rule",
            name: "Rule",
            ppr: "<w:spacing w:before=\"80\" w:after=\"0\" w:line=\"120\" w:lineRule=\"exact\"/><w:jc w:val=\"center\"/>",
            rpr: size(4),
        },
        Style {
            id: "Cell",
            name: "Table Text",
            ppr: CELL_PPR,
            rpr: size(cell),
        },
        Style {
            id: "CellCenter",
            name: "Table Text Centred",
            ppr: "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: size(cell),
        },
        Style {
            id: "CellHead",
            name: "Table Heading",
            ppr: "<w:spacing w:before=\"40\" w:after=\"40\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: format!("{BOLD}{}", size(cell)),
        },
        // The action table of a corrective-action request: the form's 12 pt (one point under
        // the other tables) and less air in its rows, so a filled request keeps to one page.
        Style {
            id: "FormCell",
            name: "Form Table Text",
            ppr: FORM_CELL_PPR,
            rpr: size(24),
        },
        Style {
            id: "FormCellCenter",
            name: "Form Table Text Centred",
            ppr: "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: size(24),
        },
        Style {
            id: "FormCellHead",
            name: "Form Table Heading",
            ppr: "<w:spacing w:before=\"20\" w:after=\"20\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"center\"/>",
            rpr: format!("{BOLD}{}", size(24)),
        },
        Style {
            id: "Form",
            name: "Form Text",
            // Left-aligned: justified lines would spread the dotted blanks across the cell. No
            // space between lines: a short request must fit one page.
            ppr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            rpr: size(24),
        },
        // A part's caption in a form, a point under the line above (room for the marks over
        // Vietnamese capitals, and no more: a request must keep to one page). It stays with its
        // text through the unsplittable row that holds both, not keep-with-next: LibreOffice
        // 7.4 drops rows after a keep-with-next paragraph inside a table crossing a page.
        Style {
            id: "FormPart",
            name: "Form Part",
            ppr: "<w:spacing w:before=\"20\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"left\"/>",
            // Bold comes with the caption's run: the approval's opinion follows it plain.
            rpr: size(24),
        },
        Style {
            id: "FormSign",
            name: "Form Signature",
            ppr: CENTER_TIGHT,
            rpr: format!("{BOLD}{}", size(24)),
        },
        Style {
            id: "FormNote",
            name: "Form Signature Note",
            ppr: CENTER_TIGHT,
            rpr: format!("{ITALIC}{}", size(22)),
        },
        // The room to sign in a form (form_sign::SIGN_ROOM_TWIPS), one exact-height line.
        Style {
            id: "SignRoom",
            name: "Form Signature Room",
            ppr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"567\" w:lineRule=\"exact\"/>",
            rpr: String::new(),
        },
        Style {
            id: "FormCode",
            name: "Form Code",
            ppr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/><w:jc w:val=\"right\"/>",
            rpr: size(22),
        },
        Style {
            id: "Sign",
            name: "Signature",
            ppr: CENTER_TIGHT,
            rpr: format!("{BOLD}{}", size(body)),
        },
        Style {
            id: "RecvHead",
            name: "Recipients Heading",
            ppr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
            rpr: format!("{BOLD}{ITALIC}{}", size(24)),
        },
        Style {
            id: "Recv",
            name: "Recipients",
            ppr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
            rpr: size(22),
        },
        Style {
            id: "Tight",
            name: "Spacer",
            ppr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/>",
            rpr: String::new(),
        },
        Style {
            id: "Header",
            name: "header",
            ppr: CENTER_TIGHT,
            rpr: size(26),
        },
        Style {
            id: "Break",
            name: "Page Break",
            ppr: "<w:spacing w:before=\"0\" w:after=\"0\" w:line=\"20\" w:lineRule=\"exact\"/>",
            rpr: size(2),
        },
    ];

    let mut s = String::with_capacity(8192);
    s.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n<w:styles xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\">");
    let _ = write!(
        s,
        "<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii=\"Times New Roman\" w:hAnsi=\"Times New Roman\" w:eastAsia=\"Times New Roman\" w:cs=\"Times New Roman\"/><w:color w:val=\"000000\"/>{}<w:lang w:val=\"{tag}\" w:eastAsia=\"{tag}\" w:bidi=\"ar-SA\"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:after=\"0\" w:line=\"240\" w:lineRule=\"auto\"/></w:pPr></w:pPrDefault></w:docDefaults>",
        size(body)
    );
    s.push_str("<w:style w:type=\"paragraph\" w:default=\"1\" w:styleId=\"Normal\"><w:name w:val=\"Normal\"/><w:qFormat/></w:style>");
    for st in &styles {
        let _ = write!(
            s,
            "<w:style w:type=\"paragraph\" w:styleId=\"{}\"><w:name w:val=\"{}\"/><w:basedOn w:val=\"Normal\"/><w:qFormat/><w:pPr>{}</w:pPr>",
            st.id, st.name, st.ppr
        );
        if !st.rpr.is_empty() {
            let _ = write!(s, "<w:rPr>{}</w:rPr>", st.rpr);
        }
        s.push_str("</w:style>");
    }
    s.push_str("<w:style w:type=\"table\" w:default=\"1\" w:styleId=\"TableNormal\"><w:name w:val=\"Normal Table\"/><w:uiPriority w:val=\"99\"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w=\"0\" w:type=\"dxa\"/><w:tblCellMar><w:top w:w=\"0\" w:type=\"dxa\"/><w:left w:w=\"108\" w:type=\"dxa\"/><w:bottom w:w=\"0\" w:type=\"dxa\"/><w:right w:w=\"108\" w:type=\"dxa\"/></w:tblCellMar></w:tblPr></w:style>");
    s.push_str("</w:styles>");
    s
}
