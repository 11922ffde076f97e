//! What a printed workbook shows, read from the package XML (never from fonts or a PDF):
//! names in the workbook's language, headings neither cut nor clipped, the roll-up's dates,
//! whole-number chart ticks, and its chart page set up like the others.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use qms_core::Lang;
use support::{example, parts};

fn day() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

/// The text of every part whose name starts with `prefix`, in package order.
fn texts(bytes: &[u8], prefix: &str) -> Vec<String> {
    parts(bytes)
        .into_iter()
        .filter(|(p, _)| p.starts_with(prefix))
        .map(|(_, x)| String::from_utf8(x).unwrap())
        .collect()
}

fn shared_strings(bytes: &[u8]) -> String {
    texts(bytes, "xl/sharedStrings.xml").concat()
}

/// Value of attribute `name` in an XML tag.
fn attr<'x>(tag: &'x str, name: &str) -> Option<&'x str> {
    let key = format!(" {name}=\"");
    let s = tag.find(&key)? + key.len();
    let e = tag[s..].find('"')?;
    Some(&tag[s..s + e])
}

/// The `ht` of 1-based row `r` of a sheet.
fn row_height(sheet: &str, r: u32) -> Option<f64> {
    let key = format!("<row r=\"{r}\"");
    let s = sheet.find(&key)?;
    let tag = &sheet[s..s + sheet[s..].find('>')?];
    attr(tag, "ht")?.parse().ok()
}

/// Width of 1-based column `c` of a sheet.
fn col_width(sheet: &str, c: u32) -> Option<f64> {
    sheet.match_indices("<col ").find_map(|(s, _)| {
        let tag = &sheet[s..s + sheet[s..].find('>')?];
        let min: u32 = attr(tag, "min")?.parse().ok()?;
        let max: u32 = attr(tag, "max")?.parse().ok()?;
        (min..=max)
            .contains(&c)
            .then(|| attr(tag, "width")?.parse().ok())?
    })
}

fn render(d: &qms_core::Dossier, kind: qms_xlsx::WorkbookKind, lang: Lang) -> Vec<u8> {
    qms_xlsx::render(kind, d, None, &qms_xlsx::RenderOptions::new(lang, day())).unwrap()
}

#[test]
fn english_workbooks_print_the_english_names_the_dossier_gives() {
    use qms_xlsx::WorkbookKind;
    let d = example("ubnd-phuong-my-tho-2015.json");
    let agency_en = d.english.agency.clone().unwrap();
    let (unit, unit_en) = d
        .english
        .units
        .iter()
        .find(|(id, _)| {
            d.audits
                .iter()
                .flat_map(|a| &a.findings)
                .any(|f| f.unit == **id)
        })
        .map(|(id, n)| (id.clone(), n.clone()))
        .unwrap();
    let unit_vi = d.unit(&unit).unwrap().name.clone();
    // Shared strings escape "&" (and "<", ">"), not apostrophes.
    let xml = |s: &str| s.replace('&', "&amp;");
    for kind in [
        WorkbookKind::Findings,
        WorkbookKind::Actions,
        WorkbookKind::Summary,
    ] {
        let en = shared_strings(&render(&d, kind, Lang::En));
        assert!(en.contains(&xml(&agency_en)), "{kind:?}: no English agency");
        assert!(en.contains(&xml(&unit_en)), "{kind:?}: no English unit");
        assert!(
            !en.contains(&xml(&unit_vi)),
            "{kind:?}: Vietnamese unit name"
        );
        let vi = shared_strings(&render(&d, kind, Lang::Vi));
        assert!(vi.contains(&xml(&d.agency.name)), "{kind:?}");
        assert!(
            vi.contains(&xml(&unit_vi)) && !vi.contains(&xml(&unit_en)),
            "{kind:?}"
        );
    }
    // The checklist's header block names the agency and the unit audited in English.
    let a = d.audits.iter().find(|a| !a.checklists.is_empty()).unwrap();
    let opts = qms_xlsx::ExportOptions {
        lang: Lang::En,
        today: day(),
        auditor: None,
        password: None,
    };
    let bytes = qms_xlsx::export_checklists(&d, &a.id, &opts).unwrap();
    let s = shared_strings(&bytes);
    assert!(s.contains(&xml(&agency_en)), "checklist agency");
    let c = &a.checklists[0];
    if let Some(n) = d.english.unit(&c.unit) {
        assert!(s.contains(&xml(n)), "checklist unit");
    }
}

#[test]
fn header_labels_of_the_checklist_shrink_rather_than_run_into_their_values() {
    let d = example("so-khcn-ninh-binh.json");
    let a = d.audits.iter().find(|a| !a.checklists.is_empty()).unwrap();
    let opts = qms_xlsx::ExportOptions {
        lang: Lang::Vi,
        today: day(),
        auditor: None,
        password: None,
    };
    let bytes = qms_xlsx::export_checklists(&d, &a.id, &opts).unwrap();
    let styles = texts(&bytes, "xl/styles.xml").concat();
    let xfs = &styles[styles.find("<cellXfs").unwrap()..];
    let xf: Vec<&str> = xfs
        .split("<xf ")
        .skip(1)
        .map(|x| &x[..x.find("</xf>").or_else(|| x.find("/>")).unwrap()])
        .collect();
    let sheet = texts(&bytes, "xl/worksheets/sheet1.xml").concat();
    // Row 4 (1-based) is "Đơn vị được đánh giá:" in A4 and the unit in C4.
    let style_of = |cell: &str| -> &str {
        let s = sheet.find(&format!("<c r=\"{cell}\"")).unwrap();
        let tag = &sheet[s..s + sheet[s..].find('>').unwrap()];
        let i: usize = attr(tag, "s").unwrap().parse().unwrap();
        xf[i]
    };
    assert!(
        style_of("A4").contains("shrinkToFit=\"1\""),
        "{}",
        style_of("A4")
    );
    assert!(
        style_of("C4").contains("indent=\"1\""),
        "{}",
        style_of("C4")
    );
}

#[test]
fn every_line_of_a_heading_has_room() {
    let d = example("ubnd-phuong-my-tho-2015.json");
    // "Opportunity for improvement" takes three lines in a count column of the summary.
    let bytes = render(&d, qms_xlsx::WorkbookKind::Summary, Lang::En);
    let sheet = texts(&bytes, "xl/worksheets/sheet1.xml").concat();
    let h = row_height(&sheet, 5).unwrap();
    assert!(h >= 3.0 * 15.75, "heading row of {h} pt");
}

fn province(dossiers: &[&str]) -> qms_core::rollup::Province {
    use qms_core::rollup::{Province, RollupOptions, summarize};
    let opts = RollupOptions {
        year: 2025,
        today: day(),
    };
    let mut p = Province::new(opts);
    for name in dossiers {
        let d = example(name);
        let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today: day() });
        p.add(summarize(name, &d, &diags, &opts));
    }
    p
}

#[test]
fn the_rollup_prints_like_the_other_workbooks() {
    let p = province(&[
        "ubnd-phuong-my-tho-2015.json",
        "ubnd-xa-tan-thanh-2008.json",
    ]);
    let bytes = qms_xlsx::render_rollup(&p, Lang::En).unwrap();
    let strings = shared_strings(&bytes);
    // One date style: dd/mm/yyyy as in every date cell, not 2026-11-30.
    assert!(strings.contains("rolled up on 30/11/2026"), "{strings}");
    assert!(!strings.contains("2026-11-30"));
    // The agencies by their English names where the dossier gives one.
    assert!(
        strings.contains("People's Committee of My Tho Ward"),
        "{strings}"
    );
    assert!(
        !strings.contains("Ủy ban nhân dân phường Mỹ Tho"),
        "{strings}"
    );
    let sheets = texts(&bytes, "xl/worksheets/sheet");
    // The chart sheet (the last) has a title, margins and page numbers like the others.
    let charts = sheets.last().unwrap();
    assert!(strings.contains("QMS INSPECTION CHARTS 2025"));
    assert!(charts.contains("<oddFooter>&amp;CPage &amp;P of &amp;N</oddFooter>"));
    assert!(charts.contains("<pageMargins left=\"0.5\""), "{charts}");
    // Every chart counts whole things: ticks from 0 in steps of whole numbers.
    let drawn = texts(&bytes, "xl/charts/chart");
    assert_eq!(drawn.len(), 3);
    for c in &drawn {
        assert!(c.contains("<c:majorUnit val=\"1\"/>"), "{c}");
        assert!(c.contains("<c:min val=\"0\"/>"), "{c}");
        assert!(c.contains("formatCode=\"0\""), "{c}");
    }
    // The findings sheet (the fourth): no heading word cut in two ("Nonconformit|ies"),
    // and the kind "Commune People's Committee" wraps into rows tall enough for it.
    let findings = &sheets[3];
    assert!(strings.contains(">Nonconformities<"));
    let nc_col = 4 + 6 + 1; // STT, agency, kind, grouping, six kinds, then the total
    let w = col_width(findings, nc_col).unwrap();
    assert!(w >= 16.0, "Nonconformities in a column of width {w}");
    for r in [5, 6] {
        let h = row_height(findings, r).unwrap();
        assert!(h >= 2.0 * 15.75, "row {r} of {h} pt");
    }
    // The totals heading row of the summary has room for its longest heading.
    let summary = &sheets[0];
    let heading = summary
        .match_indices("<row ")
        .filter_map(|(s, _)| attr(&summary[s..s + summary[s..].find('>')?], "ht"))
        .filter_map(|h| h.parse::<f64>().ok())
        .fold(0.0, f64::max);
    assert!(heading >= 3.0 * 15.75, "{heading}");
    // The dossier left out (another year): "Không thuộc năm kiểm tra" wraps in its column.
    let p = province(&["so-khcn-ninh-binh.json", "ubnd-xa-tan-thanh-2008.json"]);
    let bytes = qms_xlsx::render_rollup(&p, Lang::Vi).unwrap();
    let sheets = texts(&bytes, "xl/worksheets/sheet");
    let rejected = &sheets[6];
    assert!(shared_strings(&bytes).contains("Không thuộc năm kiểm tra"));
    let h = row_height(rejected, 5).unwrap();
    assert!(h >= 2.0 * 15.75, "{h}");
}

/// The roll-up's wide sheets print at a readable size (two pages wide, the agency column
/// repeated) instead of one page shrunk to 5–6 pt; no dossier
/// file name, tool command or chart title that does not match its data.
#[test]
fn the_rollup_sheets_print_readably_and_speak_as_the_inspector() {
    let p = province(&[
        "ubnd-phuong-my-tho-2015.json",
        "ubnd-xa-tan-thanh-2008.json",
    ]);
    for lang in [Lang::Vi, Lang::En] {
        let bytes = qms_xlsx::render_rollup(&p, lang).unwrap();
        let strings = shared_strings(&bytes);
        assert!(!strings.contains("qms check"), "{strings}");
        assert!(!strings.contains(".json"), "{strings}");
        assert!(!strings.contains("Open nonconformities"), "{strings}");
        let sheets = texts(&bytes, "xl/worksheets/sheet");
        // The summary (first): its counts in tables eight wide, one page wide, the title
        // over all of it.
        let summary = &sheets[0];
        // (fitToWidth 1 is the default, which is not written.)
        assert!(summary.contains("fitToPage=\"1\""), "{summary}");
        assert!(!summary.contains("fitToWidth="), "{summary}");
        assert!(summary.contains("<mergeCell ref=\"A1:I1\"/>"), "{summary}");
        assert!(!summary.contains("<c r=\"J"), "{summary}");
        // The agencies (second): two pages wide, number and agency printed again on the
        // second; the title wrapped over those two columns, so that it prints whole on
        // both pages (run on from A1 it was cut at their edge, merged over the whole width
        // it printed as a fragment), and each agency's halves on consecutive pages.
        let agencies = &sheets[1];
        assert!(agencies.contains("fitToWidth=\"2\""), "{agencies}");
        assert!(
            agencies.contains("<mergeCell ref=\"A1:B1\"/>"),
            "{agencies}"
        );
        assert!(
            agencies.contains("pageOrder=\"overThenDown\""),
            "{agencies}"
        );
        let title_height: f64 = row_height(agencies, 1).unwrap();
        assert!(
            title_height > 24.0,
            "a title of one line in {title_height} pt"
        );
        let workbook = texts(&bytes, "xl/workbook.xml").concat();
        assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    }
}
