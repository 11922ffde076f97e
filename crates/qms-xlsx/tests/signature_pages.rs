//! The signature block of a checklist (captions, room to sign, names) prints on one page with
//! the last question: it was split, captions at the foot of one page and the names alone on
//! the next (issue #13, "Signatures").
//!
//! The pages are recomputed here from the package XML the way a spreadsheet paginates: rows of
//! their set heights, the page's printable height at the scale "fit to one page wide" gives,
//! the heading row repeated, a new page at each manual break and wherever a row does not fit.
//! No font is involved (the scale comes from the column widths). A LibreOffice test then reads
//! which text is on which page of the PDF, skipped with a notice when the tools are missing
//! (failing under CI=true).

#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use qms_core::{Dossier, Lang};
use qms_testkit::{convert, pdf_pages, pdftotext_available, scratch, soffice_available};
use std::collections::BTreeMap;
use support::{example, parts};

const EXAMPLES: [&str; 3] = [
    "so-khcn-ninh-binh.json",
    "ubnd-phuong-my-tho-2015.json",
    "ubnd-xa-tan-thanh-2008.json",
];

fn export(d: &Dossier, audit: &str, lang: Lang) -> Vec<u8> {
    let opts = qms_xlsx::ExportOptions {
        lang,
        today: support::today(),
        auditor: None,
        password: None,
    };
    qms_xlsx::export_checklists(d, audit, &opts).unwrap()
}

/// Every checklist workbook of the examples, in both languages, with what it is.
fn example_workbooks() -> Vec<(String, Dossier, String, Lang, Vec<u8>)> {
    let mut out = Vec::new();
    for name in EXAMPLES {
        let d = example(name);
        for a in d.audits.iter().filter(|a| !a.checklists.is_empty()) {
            for lang in [Lang::Vi, Lang::En] {
                let bytes = export(&d, &a.id, lang);
                out.push((name.to_owned(), d.clone(), a.id.clone(), lang, bytes));
            }
        }
    }
    out
}

/// Value of attribute `name` in an XML tag.
fn attr<'x>(tag: &'x str, name: &str) -> Option<&'x str> {
    let key = format!(" {name}=\"");
    let s = tag.find(&key)? + key.len();
    let e = tag[s..].find('"')?;
    Some(&tag[s..s + e])
}

/// Every `<name ...>` tag of an XML text.
fn tags<'x>(xml: &'x str, name: &str) -> Vec<&'x str> {
    let open = format!("<{name} ");
    xml.match_indices(&open)
        .map(|(s, _)| &xml[s..s + xml[s..].find('>').unwrap()])
        .collect()
}

/// What printing needs of one checklist sheet.
struct Printed {
    /// Row heights by 1-based row.
    heights: BTreeMap<u32, f64>,
    /// Manual row breaks: a break `id` ends a page after 1-based row `id`.
    breaks: Vec<u32>,
    /// Last row and column (1-based) of the print area.
    last_row: u32,
    last_col: u32,
    /// The repeated heading row (1-based).
    title_row: u32,
    /// Column widths by 1-based column, in Excel's units.
    widths: BTreeMap<u32, f64>,
    /// Top and bottom margins, inches.
    top: f64,
    bottom: f64,
    /// Left and right margins, inches.
    sides: f64,
    /// The text in column A, by 1-based row.
    column_a: BTreeMap<u32, String>,
}

/// The checklist sheets of a workbook (all but the hidden metadata sheet), in order.
fn printed(bytes: &[u8]) -> Vec<Printed> {
    let all = parts(bytes);
    let text = |name: &str| {
        String::from_utf8(all.iter().find(|(p, _)| p == name).unwrap().1.clone()).unwrap()
    };
    let workbook = text("xl/workbook.xml");
    // Streamed sheets write their strings inline; others share them.
    let shared: Vec<String> = all
        .iter()
        .find(|(p, _)| p == "xl/sharedStrings.xml")
        .map(|(_, x)| {
            let x = String::from_utf8(x.clone()).unwrap();
            x.split("<si>").skip(1).map(first_text).collect()
        })
        .unwrap_or_default();
    let names: Vec<(&str, &str)> = workbook
        .match_indices("<definedName ")
        .map(|(s, _)| {
            let tag = &workbook[s..s + workbook[s..].find('>').unwrap()];
            let body_end = s + workbook[s..].find("</definedName>").unwrap();
            let body = &workbook[s + tag.len() + 1..body_end];
            (tag, body)
        })
        .collect();
    let defined = |kind: &str, sheet: usize| -> &str {
        let (_, body) = names
            .iter()
            .find(|(t, _)| {
                attr(t, "name") == Some(kind) && attr(t, "localSheetId") == Some(&sheet.to_string())
            })
            .unwrap_or_else(|| panic!("{kind} of sheet {sheet}"));
        &body[body.rfind('!').unwrap() + 1..]
    };
    let sheets = tags(&workbook, "sheet").len() - 1; // the last is the metadata
    (0..sheets)
        .map(|i| {
            let xml = text(&format!("xl/worksheets/sheet{}.xml", i + 1));
            let mut heights = BTreeMap::new();
            let mut column_a = BTreeMap::new();
            for row in tags(&xml, "row") {
                let r: u32 = attr(row, "r").unwrap().parse().unwrap();
                if let Some(h) = attr(row, "ht") {
                    heights.insert(r, h.parse().unwrap());
                }
            }
            for c in tags(&xml, "c") {
                let r = attr(c, "r").unwrap();
                let Some(row) = r.strip_prefix('A') else {
                    continue;
                };
                let body = &xml[xml.find(&format!("{c}>")).unwrap() + c.len() + 1..];
                let body = &body[..body.find("</c>").unwrap_or(0)];
                let text = match attr(c, "t") {
                    Some("s") => {
                        let v = &body[body.find("<v>").unwrap() + 3..body.find("</v>").unwrap()];
                        shared[v.parse::<usize>().unwrap()].clone()
                    }
                    Some("inlineStr") => first_text(body),
                    _ => continue,
                };
                column_a.insert(row.parse().unwrap(), text);
            }
            let breaks = tags(&xml, "brk")
                .iter()
                .map(|b| attr(b, "id").unwrap().parse().unwrap())
                .collect();
            let mut widths = BTreeMap::new();
            for col in tags(&xml, "col") {
                let min: u32 = attr(col, "min").unwrap().parse().unwrap();
                let max: u32 = attr(col, "max").unwrap().parse().unwrap();
                for c in min..=max {
                    widths.insert(c, attr(col, "width").unwrap().parse().unwrap());
                }
            }
            let margins = tags(&xml, "pageMargins")[0];
            let inch = |k: &str| -> f64 { attr(margins, k).unwrap().parse().unwrap() };
            // Fit to one page wide, as tall as it takes: the reader chooses the scale.
            assert!(
                xml.contains("<pageSetUpPr fitToPage=\"1\"/>"),
                "not fit to width"
            );
            assert_eq!(attr(tags(&xml, "pageSetup")[0], "fitToHeight"), Some("0"));
            // "$A$1:$I$22" and "$8:$8".
            let area = defined("_xlnm.Print_Area", i);
            let end = area.rsplit(':').next().unwrap().trim_start_matches('$');
            let (col, row) = end.split_once('$').unwrap();
            let title = defined("_xlnm.Print_Titles", i);
            Printed {
                heights,
                breaks,
                last_row: row.parse().unwrap(),
                last_col: col.bytes().fold(0, |n, b| n * 26 + u32::from(b - b'A' + 1)),
                title_row: title
                    .trim_start_matches('$')
                    .split(':')
                    .next()
                    .unwrap()
                    .parse()
                    .unwrap(),
                widths,
                top: inch("top"),
                bottom: inch("bottom"),
                sides: inch("left") + inch("right"),
                column_a,
            }
        })
        .collect()
}

impl Printed {
    /// The scale Excel prints at when it fits the columns to the width of landscape A4 with
    /// the digits of its default font (Calibri 11: 7 pixels): a whole percent, cut down.
    fn excel_scale(&self) -> f64 {
        let pixels: f64 = (1..=self.last_col)
            .map(|c| (self.widths.get(&c).copied().unwrap_or(8.43) * 7.0).round())
            .sum();
        let printable = 841.89 - self.sides * 72.0;
        (printable / (pixels * 0.75) * 100.0).floor() / 100.0
    }

    /// The page (from 0) each row of the print area prints on at `scale`, and whether any page
    /// ended by itself (a row that did not fit) rather than at a manual break.
    fn pages(&self, scale: f64) -> (BTreeMap<u32, usize>, bool) {
        let room = (595.28 - (self.top + self.bottom) * 72.0) / scale;
        let height = |r: u32| {
            *self
                .heights
                .get(&r)
                .unwrap_or_else(|| panic!("row {r} has no height of its own"))
        };
        let mut page = 0;
        let mut used = 0.0;
        let mut automatic = false;
        let mut on = BTreeMap::new();
        for r in 1..=self.last_row {
            let h = height(r);
            let manual = r > 1 && self.breaks.contains(&(r - 1));
            if manual || (r > 1 && used + h > room) {
                automatic |= !manual;
                page += 1;
                used = if r > self.title_row {
                    height(self.title_row)
                } else {
                    0.0
                };
            }
            used += h;
            on.insert(r, page);
        }
        (on, automatic)
    }

    /// The row (1-based) whose column A holds `text`.
    fn row_of(&self, text: &str) -> Option<u32> {
        self.column_a
            .iter()
            .find(|(_, t)| *t == text)
            .map(|(r, _)| *r)
    }
}

/// The text of the first `<t>` element in an XML fragment (the examples' texts need no
/// unescaping to be compared: they hold no "&", "<" or ">").
fn first_text(xml: &str) -> String {
    let s = xml.find("<t").map(|s| s + xml[s..].find('>').unwrap() + 1);
    let e = xml.find("</t>");
    match (s, e) {
        (Some(s), Some(e)) if s <= e => xml[s..e].to_owned(),
        _ => String::new(),
    }
}

/// Checks every sheet of a checklist workbook: the block prints on one page with the last
/// question, at Excel's scale and at smaller ones (a reader with wider digits, such as
/// LibreOffice with Carlito at 69%), and Excel adds no page break of its own.
fn assert_block_kept(what: &str, bytes: &[u8], lang: Lang, items: &[usize]) {
    let caption = lang.pick("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ", "FOR THE UNIT AUDITED");
    let sheets = printed(bytes);
    assert_eq!(sheets.len(), items.len(), "{what}");
    for (i, (sheet, n)) in sheets.iter().zip(items).enumerate() {
        let what = format!("{what}, sheet {}", i + 1);
        let caption_row = sheet
            .row_of(caption)
            .unwrap_or_else(|| panic!("{what}: no {caption} in column A"));
        let last_item = sheet.title_row + (*n as u32).max(1);
        // Captions, "(Ký, ghi rõ họ tên)", the room to sign and the names (the print area's
        // last row), under the last item.
        assert!(caption_row > last_item, "{what}");
        assert!(sheet.last_row >= caption_row + 5, "{what}");
        let excel = sheet.excel_scale();
        assert!((0.5..=1.0).contains(&excel), "{what}: scale {excel}");
        for scale in [excel, excel - 0.03, excel - 0.08] {
            let (on, automatic) = sheet.pages(scale);
            let page = on[&last_item];
            for r in last_item..=sheet.last_row {
                assert_eq!(
                    on[&r], page,
                    "{what}: row {r} of the block prints on page {} and the last item (row \
                     {last_item}) on page {page}, at {scale:.2}",
                    on[&r]
                );
            }
            if scale == excel {
                assert!(!automatic, "{what}: a page breaks by itself at {scale:.2}");
            }
        }
    }
}

#[test]
fn every_example_checklist_prints_its_signature_block_whole_with_its_last_item() {
    let mut seen = 0;
    for (name, d, audit, lang, bytes) in example_workbooks() {
        let a = d.audits.iter().find(|a| a.id == audit).unwrap();
        let items: Vec<usize> = a.checklists.iter().map(|c| c.items.len()).collect();
        assert_block_kept(&format!("{name} {audit} {lang:?}"), &bytes, lang, &items);
        seen += items.len();
    }
    // Five checklists in the Sở's audit and two in each People's Committee's, in two languages.
    assert_eq!(seen, 2 * (5 + 2 + 2));
}

/// Checklists of every length from one item to several pages: wherever the last item falls,
/// the block goes with it, or both move to a new page together.
#[test]
fn checklists_of_any_length_keep_the_block_with_the_last_item() {
    for n in [0, 1, 2, 5, 9, 14, 20, 27, 33, 41, 60] {
        let d = support::dossier(n);
        let bytes = support::export(&d);
        assert_block_kept(&format!("{n} items"), &bytes, Lang::Vi, &[n, n]);
    }
}

/// A checklist large enough to be streamed (constant-memory mode) is laid out the same way.
#[test]
fn a_streamed_checklist_keeps_the_block_with_the_last_item() {
    let n = qms_xlsx::STREAMED_ITEMS_MIN;
    let bytes = support::export(&support::dossier(n));
    assert_block_kept("streamed", &bytes, Lang::Vi, &[n, n]);
    let breaks = printed(&bytes)[0].breaks.len();
    assert!((20..=1023).contains(&breaks), "{breaks} breaks");
}

/// LibreOffice prints each checklist's captions, "(Ký, ghi rõ họ tên)" lines and names on the
/// page of its last item. Read with pdftotext: which text is on which page, nothing of layout.
#[test]
fn libreoffice_prints_the_signatures_on_the_page_of_the_last_item() {
    if !(soffice_available() && pdftotext_available()) {
        return;
    }
    let dir = scratch("signatures");
    let books = example_workbooks();
    let mut files = Vec::new();
    for (i, (_, _, _, _, bytes)) in books.iter().enumerate() {
        let name = format!("checklist-{i}.xlsx");
        std::fs::write(dir.join(&name), bytes).unwrap();
        files.push(name);
    }
    let pdfs = convert(&dir, &files, "pdf");
    for ((name, d, audit, lang, _), pdf) in books.iter().zip(&pdfs) {
        let pages = pdf_pages(pdf);
        let (rep, aud) = (
            lang.pick("ĐẠI DIỆN ĐƠN VỊ ĐƯỢC ĐÁNH GIÁ", "FOR THE UNIT AUDITED"),
            lang.pick("CHUYÊN GIA ĐÁNH GIÁ", "AUDITOR"),
        );
        let note = lang.pick("(Ký, ghi rõ họ tên)", "(Signature and full name)");
        let signed: Vec<usize> = (0..pages.len())
            .filter(|p| pages[*p].contains(rep))
            .collect();
        let a = d.audits.iter().find(|a| a.id == *audit).unwrap();
        assert_eq!(signed.len(), a.checklists.len(), "{name} {lang:?}");
        for (c, p) in a.checklists.iter().zip(signed) {
            let page = &pages[p];
            let what = format!("{name} {lang:?} {}: page {}", c.id, p + 1);
            assert!(page.contains(aud), "{what}: auditor's caption elsewhere");
            assert_eq!(page.matches(note).count(), 2, "{what}");
            let auditor = &d.person(&c.auditor).unwrap().name;
            assert!(page.contains(auditor.as_str()), "{what}: no {auditor}");
            // The unit's representative named in the plan (every example names one).
            let rep = a
                .plan
                .schedule
                .iter()
                .find(|r| r.unit.as_deref() == Some(c.unit.as_str()))
                .and_then(|r| d.person(r.auditee_representative.as_deref()?))
                .unwrap();
            assert!(page.contains(rep.name.as_str()), "{what}: no {}", rep.name);
            // The last item's number opens a line of its row in the first column.
            let last = format!("{} ", c.items.len());
            assert!(
                page.lines().any(|l| l.trim_start().starts_with(&last)),
                "{what}: item {} is on another page\n{page}",
                c.items.len()
            );
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
