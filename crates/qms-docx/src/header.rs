//! The fixed parts of a Decree 30/2020/NĐ-CP document: the header table (agency names on the
//! left, Quốc hiệu and Tiêu ngữ on the right, each with its rule; number and symbol; place
//! and date), the document type and summary, the signature block and "Nơi nhận".

use crate::ctx::{Ctx, role_title};
use crate::wml::{BOLD, Borders, ITALIC, PLAIN, Para, columns, width};
use crate::xml::Xml;
use chrono::NaiveDate;
use qms_core::model::{Person, QmsRecord, Role};

/// Estimated printed width in twips of `text` at `pt` points, for rule lengths. Times New
/// Roman averages about half an em per character (capitals about 0.7).
fn text_width(text: &str, pt: u32, capitals: bool) -> u32 {
    let em = if capitals { 68 } else { 50 };
    let chars = text.chars().count() as u32;
    chars * pt * 20 * em / 100
}

/// Printed width in twips of upper-case `text` at `pt` points: Times New Roman capitals
/// average about 0.72 em, spaces 0.25 em.
fn caps_width(text: &str, pt: u32) -> u32 {
    let units: u32 = text.chars().map(|c| if c == ' ' { 25 } else { 72 }).sum();
    units * pt * 20 / 100
}

/// Words that start the place part of an agency name; offices break the name before them
/// ("SỞ KHOA HỌC VÀ CÔNG NGHỆ / TỈNH NINH BÌNH").
const PLACE_WORDS: [&str; 9] = [
    "TỈNH ",
    "THÀNH PHỐ ",
    "HUYỆN ",
    "QUẬN ",
    "THỊ XÃ ",
    "THỊ TRẤN ",
    "XÃ ",
    "PHƯỜNG ",
    "ĐẶC KHU ",
];

/// The name broken before its place part, when both lines fit.
fn place_break(text: &str, width: u32, pt: u32) -> Option<String> {
    let fits = |a: &str, b: &str| caps_width(a, pt) <= width && caps_width(b, pt) <= width;
    PLACE_WORDS.iter().find_map(|word| {
        let i = text.find(word).filter(|&i| i > 0)?;
        let (a, b) = (text[..i].trim_end(), &text[i..]);
        fits(a, b).then(|| format!("{a}\n{b}"))
    })
}

/// The header lines of an agency name and their style: 13 pt, or 12 pt (the decree allows
/// 12–13) when only that keeps the name on one line or broken before its place part.
fn agency_lines(text: &str, width: u32) -> (String, &'static str) {
    for (pt, style) in [(13, "Hdr13"), (12, "Hdr12")] {
        if caps_width(text, pt) <= width {
            return (text.to_owned(), style);
        }
        if let Some(lines) = place_break(text, width, pt) {
            return (lines, style);
        }
    }
    (balance(text, width, 13), "Hdr13")
}

/// Lays out an upper-case name in a column `width` twips wide at `pt` points: one line when it
/// fits; else two lines broken before the place part when both fit; else two lines of about
/// equal length; else as it is (the column wraps it).
fn balance(text: &str, width: u32, pt: u32) -> String {
    if caps_width(text, pt) <= width {
        return text.to_owned();
    }
    if let Some(lines) = place_break(text, width, pt) {
        return lines;
    }
    let mut best: Option<(usize, u32)> = None;
    for (i, c) in text.char_indices() {
        if c == ' ' {
            let (a, b) = (&text[..i], &text[i + 1..]);
            let longer = caps_width(a, pt).max(caps_width(b, pt));
            if longer <= width && best.is_none_or(|(_, w)| longer < w) {
                best = Some((i, longer));
            }
        }
    }
    match best {
        Some((i, _)) => format!("{}\n{}", &text[..i], &text[i + 1..]),
        None => text.to_owned(),
    }
}

/// The managing body printed above the agency's name, if any.
///
/// A People's Committee of a commune, ward or special zone prints none: it is the state
/// administrative body of its own administrative unit, not an agency under a managing body,
/// so its header is "ỦY BAN NHÂN DÂN / XÃ TÂN THÀNH" alone, like the provincial People's
/// Committee's. Source: Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.2 (the managing body is
/// printed only "nếu có", and "UBND" abbreviates it for agencies *under* a People's
/// Committee, e.g. "UBND TỈNH NINH BÌNH / SỞ KHOA HỌC VÀ CÔNG NGHỆ") and the People's
/// Committee samples of Phụ lục III; see also REFERENCE.md §7.1, row "Parent (managing)
/// agency name (2)". A dossier that records a parent for a commune (e.g. "UBND TỈNH ĐỒNG
/// THÁP") keeps it in the data; only the header leaves it out.
fn header_parent<'a>(ctx: &'a Ctx<'_>) -> Option<&'a str> {
    use qms_core::model::AgencyKind;
    let parent = ctx.agency_parent().filter(|p| !p.trim().is_empty())?;
    let people_committee = matches!(
        ctx.d.agency.kind_or_inferred(),
        AgencyKind::Commune | AgencyKind::Ward | AgencyKind::SpecialZone
    );
    (!people_committee).then_some(parent)
}

/// The agency's name under its managing body, without the place the managing body already
/// names: "UBND TỈNH NINH BÌNH / SỞ KHOA HỌC VÀ CÔNG NGHỆ", not "... / SỞ KHOA HỌC VÀ CÔNG
/// NGHỆ TỈNH NINH BÌNH" (Nghị định 30/2020/NĐ-CP, Phụ lục I, mục II.2, and its samples).
/// Both arguments are in capitals.
fn without_parents_place<'a>(name: &'a str, parent: Option<&str>) -> &'a str {
    let Some(parent) = parent else { return name };
    ["TỈNH ", "THÀNH PHỐ "]
        .iter()
        .filter_map(|level| name.rfind(level))
        .max()
        .filter(|&at| at > 0 && parent.trim_end().ends_with(name[at..].trim_end()))
        .map_or(name, |at| name[..at].trim_end())
}

/// The header table at the top of page 1.
///
/// `number_line` is "Số: 05/KH-SKHCN"; `date` gives the place and date line.
pub(crate) fn national_header(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    record: QmsRecord,
    number_line: &str,
    date: NaiveDate,
) {
    form_code(x, ctx, record);
    national_header_with(x, ctx, number_line, &ctx.date_line(date));
}

/// The header table with a date line given as text (forms dated by hand: "ngày ... tháng ..."),
/// without a form code (documents that are not records of the agency's QMS, e.g. the
/// provincial roll-up report).
pub(crate) fn national_header_with(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    number_line: &str,
    date_line: &str,
) {
    let widths = columns(ctx.width(), &[42, 58]);
    let inner = |w: u32| w;
    x.tbl_open(&widths, Borders::None);

    x.tr_open(false);
    x.tc_open(width(&widths, 0), 1);
    // Offices break a long name into two balanced lines by hand ("ỦY BAN NHÂN DÂN / TỈNH
    // NINH BÌNH") rather than let a single word wrap: do the same.
    // The cell's own margins (108 twips each side) are not printable.
    let room = width(&widths, 0).saturating_sub(216);
    let parent = header_parent(ctx).map(str::to_uppercase);
    if let Some(parent) = &parent {
        let (parent, style) = agency_lines(parent, room);
        x.p(Para::new(style), &parent, PLAIN);
    }
    let name = ctx.agency_name().to_uppercase();
    let name = without_parents_place(&name, parent.as_deref()).to_owned();
    let (lines, style) = agency_lines(&name, room);
    x.p(Para::new(style), &lines, BOLD);
    // The rule is a third to a half of the name; long names wrap, so cap it at the column.
    let rule = (text_width(&name, 13, true) * 2 / 5).clamp(1000, inner(width(&widths, 0)) * 3 / 5);
    x.p(Para::rule(rule, inner(width(&widths, 0))), "", PLAIN);
    x.tc_close();
    x.tc_open(width(&widths, 1), 1);
    // 12 pt (the decree allows 12–13) keeps the Quốc hiệu on one line beside a long name.
    x.p(
        Para::new("Hdr12"),
        ctx.t(
            "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
            "SOCIALIST REPUBLIC OF VIET NAM",
        ),
        BOLD,
    );
    let motto = ctx.t(
        "Độc lập - Tự do - Hạnh phúc",
        "Independence - Freedom - Happiness",
    );
    x.p(Para::new("Hdr14"), motto, BOLD);
    // The rule under the motto is as long as the motto.
    let rule = text_width(motto, 14, false).min(inner(width(&widths, 1)));
    x.p(Para::rule(rule, inner(width(&widths, 1))), "", PLAIN);
    x.tc_close();
    x.tr_close();

    x.tr_open(false);
    x.cell(width(&widths, 0), "HdrNumber", number_line, PLAIN);
    x.cell(width(&widths, 1), "HdrDate", date_line, PLAIN);
    x.tr_close();
    x.tbl_close();
}

/// The form the record is made on, right-aligned above the header, as agencies print it:
/// "BM.QT05.01 – Lần ban hành: 04 – Ngày ban hành: 01/06/2023". Nothing when the records
/// register names no form for it.
pub(crate) fn form_code(x: &mut Xml<'_>, ctx: &Ctx<'_>, record: QmsRecord) {
    if let Some(line) = form_line(ctx, record) {
        x.p(Para::new("FormCode"), &line, PLAIN);
    }
}

/// The text of the form line, when the dossier knows the form.
pub(crate) fn form_line(ctx: &Ctx<'_>, record: QmsRecord) -> Option<String> {
    let f = ctx.d.registers.form_of(record)?;
    let mut s = match ctx.lang {
        qms_core::Lang::Vi => f.code.to_owned(),
        qms_core::Lang::En => format!("Form {}", f.code),
    };
    if let Some(r) = f.revision.map(str::trim).filter(|r| !r.is_empty()) {
        s.push_str(&format!(" – {} {r}", ctx.t("Lần ban hành:", "Issue")));
    }
    if let Some(d) = f.issued_on {
        s.push_str(&format!(
            " – {} {}",
            ctx.t("Ngày ban hành:", "issued"),
            ctx.short_date(d)
        ));
    }
    Some(s)
}

/// The document type ("KẾ HOẠCH") and its summary (trích yếu) with the rule below.
pub(crate) fn title(x: &mut Xml<'_>, ctx: &Ctx<'_>, doc_type: &str, summary: &[&str]) {
    title_lines(x, ctx, doc_type, summary);
    x.p(Para::new("Tight"), "", PLAIN);
}

/// [`title`] without the blank line under its rule, for a form that needs its page.
pub(crate) fn title_lines(x: &mut Xml<'_>, ctx: &Ctx<'_>, doc_type: &str, summary: &[&str]) {
    title_lines_in(x, ctx, "DocType", doc_type, summary);
}

/// [`title_lines`] with the document type in paragraph style `style` (a form's title, less
/// air above it: "FormTitle").
pub(crate) fn title_lines_in(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    style: &'static str,
    doc_type: &str,
    summary: &[&str],
) {
    x.p(Para::new(style).keep(), &doc_type.to_uppercase(), PLAIN);
    let mut longest = 0;
    for line in summary {
        x.p(Para::new("Summary").keep(), line, PLAIN);
        longest = longest.max(text_width(line, 14, false));
    }
    let rule = (longest / 3).clamp(1200, 3000);
    x.p(Para::rule(rule, ctx.width()).keep(), "", PLAIN);
}

/// Who signs, as printed: the authority lines (e.g. "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC") and the
/// name. The name is left blank when the dossier names nobody, to be written by hand.
#[derive(Debug, Clone, Default)]
pub(crate) struct Signer {
    pub(crate) lines: Vec<String>,
    pub(crate) name: String,
}

impl Signer {
    /// A fixed title (e.g. "TRƯỞNG ĐOÀN ĐÁNH GIÁ") and a person id.
    pub(crate) fn titled(ctx: &Ctx<'_>, title: &str, person: Option<&str>) -> Signer {
        Signer {
            lines: vec![title.to_uppercase()],
            name: person.map(|id| ctx.person(id)).unwrap_or_default(),
        }
    }

    /// A person who signs for the agency: their position, with "KT." (ký thay) under the
    /// head's title when they are a deputy.
    pub(crate) fn official(ctx: &Ctx<'_>, person: Option<&Person>, fallback: Role) -> Signer {
        let Some(p) = person else {
            return Signer {
                lines: vec![role_title(fallback, ctx.lang).to_owned()],
                name: String::new(),
            };
        };
        let own = ctx
            .office_of(p)
            .map(str::to_uppercase)
            .unwrap_or_else(|| role_title(fallback, ctx.lang).to_owned());
        let head = ctx.with_role(Role::Head).filter(|h| h.id != p.id);
        let mut lines = Vec::new();
        if p.has_role(Role::DeputyHead)
            && let Some(head_pos) = head.and_then(|h| ctx.office_of(h))
        {
            lines.push(format!(
                "{} {}",
                ctx.t("KT.", "p.p."),
                head_pos.to_uppercase()
            ));
        }
        lines.push(own);
        Signer {
            lines,
            name: p.name.clone(),
        }
    }
}

/// Signature lines and blank space for the signature and seal.
fn signer_cell(x: &mut Xml<'_>, width: u32, signer: &Signer) {
    x.tc_open(width, 1);
    signer_lines(x, signer);
    x.tc_close();
}

/// The paragraphs of a signature: authority lines, room to sign, the name.
fn signer_lines(x: &mut Xml<'_>, signer: &Signer) {
    for line in &signer.lines {
        x.p(Para::new("Sign"), line, PLAIN);
    }
    for _ in 0..4 {
        x.p(Para::new("Tight"), "", PLAIN);
    }
    if signer.name.is_empty() {
        x.p(Para::new("Tight"), "", PLAIN);
    } else {
        x.p(Para::new("Sign"), &signer.name, PLAIN);
    }
}

/// "Nơi nhận:" with its list: one item a line, "-" before, ";" after, "." after the last.
fn recipients_cell(x: &mut Xml<'_>, ctx: &Ctx<'_>, width: u32, recipients: &[String]) {
    x.tc_open(width, 1);
    recipient_lines(x, ctx, recipients);
    x.tc_close();
}

/// The paragraphs of "Nơi nhận:" and its list (a blank line when there is none).
fn recipient_lines(x: &mut Xml<'_>, ctx: &Ctx<'_>, recipients: &[String]) {
    if recipients.is_empty() {
        x.p(Para::new("Tight"), "", PLAIN);
    } else {
        x.p(
            Para::new("RecvHead"),
            ctx.t("Nơi nhận:", "Recipients:"),
            PLAIN,
        );
        let last = recipients.len() - 1;
        for (i, r) in recipients.iter().enumerate() {
            // Entries typed as "- Giám đốc Sở;" get their dash and semicolon once, not twice.
            let r = r
                .trim()
                .trim_start_matches(['-', ' '])
                .trim_end_matches([';', '.', ' ']);
            let end = if i == last { "." } else { ";" };
            x.p(Para::new("Recv"), &format!("- {r}{end}"), PLAIN);
        }
    }
}

/// The closing block: recipients on the left, the signer on the right.
pub(crate) fn signature(x: &mut Xml<'_>, ctx: &Ctx<'_>, recipients: &[String], signer: &Signer) {
    signature_table(x, ctx, recipients, signer);
    // The paragraph a document must end with is 1 pt high, so a closing block that fills its
    // page does not push an empty last page.
    x.p(Para::new("Break"), "", PLAIN);
}

/// The closing block without the paragraph after it, for a document that goes on with a
/// paragraph breaking to a new page (an annex): an empty paragraph there could make a blank page.
pub(crate) fn signature_table(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    recipients: &[String],
    signer: &Signer,
) {
    let widths = columns(ctx.width(), &[45, 55]);
    x.p(Para::new("Tight").keep(), "", PLAIN);
    x.tbl_open(&widths, Borders::None);
    x.tr_open(false);
    recipients_cell(x, ctx, width(&widths, 0), recipients);
    signer_cell(x, width(&widths, 1), signer);
    x.tr_close();
    x.tbl_close();
}

/// Two signers side by side (minutes: THƯ KÝ left, CHỦ TRÌ right), the recipients under the
/// left one. One row that never splits: the recipients never end up alone on a page.
pub(crate) fn two_signatures(
    x: &mut Xml<'_>,
    ctx: &Ctx<'_>,
    left: &Signer,
    right: &Signer,
    recipients: &[String],
) {
    let widths = columns(ctx.width(), &[50, 50]);
    x.p(Para::new("Tight").keep(), "", PLAIN);
    x.tbl_open(&widths, Borders::None);
    x.tr_open(false);
    x.tc_open(width(&widths, 0), 1);
    signer_lines(x, left);
    x.p(Para::new("Tight"), "", PLAIN);
    recipient_lines(x, ctx, recipients);
    x.tc_close();
    signer_cell(x, width(&widths, 1), right);
    x.tr_close();
    x.tbl_close();
    x.p(Para::new("Break"), "", PLAIN);
}

/// The usual last line of a recipient list: "Lưu: VT, ISO".
pub(crate) fn archive_line(ctx: &Ctx<'_>) -> String {
    ctx.t("Lưu: VT, ISO", "File: Records, ISO").to_owned()
}

/// A section heading "I. MỤC TIÊU".
pub(crate) fn heading(x: &mut Xml<'_>, text: &str) {
    x.p(Para::new("Heading1"), text, PLAIN);
}

/// A sub-heading "1. Tổng hợp".
pub(crate) fn subheading(x: &mut Xml<'_>, text: &str) {
    x.p(Para::new("Heading2"), text, PLAIN);
}

/// Body paragraphs, one per item, each starting with "- " (the usual list style of
/// administrative documents); a note in italics when there is nothing.
pub(crate) fn bullets(x: &mut Xml<'_>, items: &[String], none: &str) {
    if items.is_empty() {
        x.p(Para::new("Body"), none, ITALIC);
    }
    for item in items {
        x.p(Para::new("Body"), &format!("- {}", item.trim()), PLAIN);
    }
}

/// A body paragraph.
pub(crate) fn body(x: &mut Xml<'_>, text: &str) {
    x.p(Para::new("Body"), text, PLAIN);
}

/// The last body paragraph before the signature: kept with it, so the signature never
/// stands alone on a page.
pub(crate) fn body_last(x: &mut Xml<'_>, text: &str) {
    x.p(Para::new("Body").keep(), text, PLAIN);
}

/// A body paragraph, or an italic note when the text is missing or blank.
pub(crate) fn body_or(x: &mut Xml<'_>, text: Option<&str>, none: &str) {
    match text.map(str::trim).filter(|t| !t.is_empty()) {
        Some(t) => {
            for para in t.split("\n\n") {
                body(x, para);
            }
        }
        None => x.p(Para::new("Body"), none, ITALIC),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_name_under_a_managing_body_leaves_out_the_place_it_names() {
        let parent = Some("UBND TỈNH NINH BÌNH");
        let name = "SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH NINH BÌNH";
        assert_eq!(
            without_parents_place(name, parent),
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ"
        );
        // Another province, no managing body, or a name that is only the place: kept whole.
        assert_eq!(
            without_parents_place(name, Some("BỘ KHOA HỌC VÀ CÔNG NGHỆ")),
            name
        );
        assert_eq!(without_parents_place(name, None), name);
        assert_eq!(
            without_parents_place("TỈNH NINH BÌNH", parent),
            "TỈNH NINH BÌNH"
        );
        assert_eq!(
            without_parents_place("SỞ TƯ PHÁP THÀNH PHỐ HUẾ", Some("UBND THÀNH PHỐ HUẾ")),
            "SỞ TƯ PHÁP"
        );
    }

    #[test]
    fn long_names_break_into_balanced_lines() {
        let room = 3900; // the left column of the header, in twips
        assert_eq!(
            balance("ỦY BAN NHÂN DÂN TỈNH NINH BÌNH", room, 13),
            "ỦY BAN NHÂN DÂN\nTỈNH NINH BÌNH"
        );
        assert_eq!(
            balance("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH NINH BÌNH", room, 13),
            "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nTỈNH NINH BÌNH"
        );
        assert_eq!(
            balance("ỦY BAN NHÂN DÂN XÃ TÂN THÀNH", room, 13),
            "ỦY BAN NHÂN DÂN\nXÃ TÂN THÀNH"
        );
        assert_eq!(balance("SỞ TƯ PHÁP", room, 13), "SỞ TƯ PHÁP");
        // In the real column (3713 twips) the department's name needs 12 pt to stay whole.
        assert_eq!(
            agency_lines("SỞ KHOA HỌC VÀ CÔNG NGHỆ TỈNH NINH BÌNH", 3713),
            (
                "SỞ KHOA HỌC VÀ CÔNG NGHỆ\nTỈNH NINH BÌNH".to_owned(),
                "Hdr12"
            )
        );
        assert_eq!(
            agency_lines("UBND TỈNH NINH BÌNH", 3713),
            ("UBND TỈNH NINH BÌNH".to_owned(), "Hdr13")
        );
        assert_eq!(
            balance("SỞKHOAHỌCVÀCÔNGNGHỆ", 500, 13),
            "SỞKHOAHỌCVÀCÔNGNGHỆ"
        );
    }
}
