//! The roll-up workbook's list sheets as printed: the agencies by the short names the report
//! uses, and no column that runs off the paper beside the columns repeated on every page.
#![allow(clippy::unwrap_used, clippy::expect_used)]

mod support;

use qms_core::Lang;
use qms_core::rollup::{Province, RollupOptions, summarize};
use support::parts;

/// About this many characters of column width fit across a landscape A4 page at 100 % with
/// the roll-up's margins (see `ONE_PAGE_WIDTH` in the writer).
const PAGE_CHARS: f64 = 135.0;

fn province() -> Province {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
    let opts = RollupOptions { year: 2025, today };
    let mut p = Province::new(opts);
    for name in [
        "ubnd-phuong-my-tho-2015.json",
        "ubnd-xa-tan-thanh-2008.json",
    ] {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples")
            .join(name);
        let d = qms_core::load(&std::fs::read(path).unwrap()).unwrap();
        let diags = qms_core::rules::check(&d, &qms_core::rules::CheckOptions { today });
        p.add(summarize(name, &d, &diags, &opts));
    }
    p
}

fn part(bytes: &[u8], name: &str) -> String {
    let (_, x) = parts(bytes).into_iter().find(|(p, _)| p == name).unwrap();
    String::from_utf8(x).unwrap()
}

/// 1-based column number of a column's letters ("C" → 3).
fn column(letters: &str) -> u32 {
    letters
        .bytes()
        .fold(0, |n, b| n * 26 + u32::from(b - b'A' + 1))
}

/// Width of every column of a sheet, by 1-based number.
fn widths(sheet: &str) -> Vec<(u32, f64)> {
    let mut out = Vec::new();
    for (s, _) in sheet.match_indices("<col ") {
        let tag = &sheet[s..s + sheet[s..].find('>').unwrap()];
        let attr = |k: &str| {
            let key = format!(" {k}=\"");
            let a = tag.find(&key).unwrap() + key.len();
            tag[a..a + tag[a..].find('"').unwrap()].to_owned()
        };
        let (min, max): (u32, u32) = (attr("min").parse().unwrap(), attr("max").parse().unwrap());
        let w: f64 = attr("width").parse().unwrap();
        out.extend((min..=max).map(|c| (c, w)));
    }
    out
}

#[test]
fn no_column_runs_off_the_page_beside_the_repeated_ones() {
    let p = province();
    for lang in [Lang::Vi, Lang::En] {
        let bytes = qms_xlsx::render_rollup(&p, lang).unwrap();
        let workbook = part(&bytes, "xl/workbook.xml");
        let mut checked = 0;
        for (s, _) in workbook.match_indices("<definedName name=\"_xlnm.Print_Titles\"") {
            let def = &workbook[s..s + workbook[s..].find("</definedName>").unwrap()];
            // "'Sheet'!$A:$C,'Sheet'!$4:$4": only sheets that repeat columns.
            let Some(cols) = def.split('!').find_map(|r| {
                let r = r.split(',').next()?;
                let (a, b) = r.split_once(':')?;
                let (a, b) = (a.trim_start_matches('$'), b.trim_start_matches('$'));
                (a.bytes().all(|c| c.is_ascii_uppercase()) && !a.is_empty())
                    .then(|| (column(a), column(b)))
            }) else {
                continue;
            };
            let id: usize = {
                let key = "localSheetId=\"";
                let a = def.find(key).unwrap() + key.len();
                def[a..a + def[a..].find('"').unwrap()].parse().unwrap()
            };
            let sheet = part(&bytes, &format!("xl/worksheets/sheet{}.xml", id + 1));
            let w = widths(&sheet);
            let repeated: f64 = w
                .iter()
                .filter(|(c, _)| (cols.0..=cols.1).contains(c))
                .map(|(_, w)| w)
                .sum();
            for (c, width) in w.iter().filter(|(c, _)| *c > cols.1) {
                assert!(
                    repeated + width <= PAGE_CHARS,
                    "{lang:?} sheet {}: column {c} ({width}) beside {repeated} repeated",
                    id + 1
                );
            }
            checked += 1;
        }
        assert!(checked >= 3, "{checked} sheets repeat columns");
    }
}

#[test]
fn the_shortcomings_sheet_names_the_agencies_as_the_report_does() {
    let p = province();
    for (lang, short, full) in [
        (
            Lang::Vi,
            "UBND phường Mỹ Tho",
            "Ủy ban nhân dân phường Mỹ Tho",
        ),
        (Lang::En, "My Tho Ward", "People's Committee of My Tho Ward"),
    ] {
        let bytes = qms_xlsx::render_rollup(&p, lang).unwrap();
        let strings = part(&bytes, "xl/sharedStrings.xml");
        // The list cells of the shortcomings sheet join names with "; ".
        let lists: Vec<&str> = strings
            .split("<t>")
            .skip(1)
            .filter_map(|t| t.split("</t>").next())
            .filter(|t| t.contains("; "))
            .filter(|t| t.contains("Mỹ Tho") || t.contains("My Tho"))
            .collect();
        assert!(!lists.is_empty(), "{lang:?}: {strings}");
        for l in lists {
            assert!(l.contains(short), "{lang:?}: {l}");
            assert!(!l.contains(full), "{lang:?}: {l}");
        }
    }
}

/// Last column letter of a sheet's `<cols>`.
fn last_column(sheet: &str) -> u32 {
    widths(sheet).iter().map(|(c, _)| *c).max().unwrap()
}

/// A sheet printed one page wide has its title merged over all its columns: over only the
/// first 58 characters, "HỒ SƠ KHÔNG ĐƯỢC ĐƯA VÀO TỔNG HỢP NĂM 2026" was cut at both ends.
/// A sheet two pages wide has it over the columns that print on both pages.
#[test]
fn a_merged_title_spans_the_whole_sheet() {
    let mut p = province();
    // The sheet of dossiers left out is narrow: give it a row.
    p.reject("hong.json", "not JSON".into());
    for lang in [Lang::Vi, Lang::En] {
        let bytes = qms_xlsx::render_rollup(&p, lang).unwrap();
        let mut merged = 0;
        for (name, x) in parts(&bytes) {
            if !name.starts_with("xl/worksheets/sheet") {
                continue;
            }
            let sheet = String::from_utf8(x).unwrap();
            let key = "<mergeCell ref=\"A1:";
            let Some(s) = sheet.find(key) else { continue };
            let end = &sheet[s + key.len()..];
            let end = &end[..end.find('"').unwrap()];
            let letters: String = end.chars().take_while(char::is_ascii_uppercase).collect();
            if sheet.contains("fitToWidth=\"2\"") {
                // Two pages wide: over the columns printed again on each page (number,
                // agency; number, code, shortcoming), so that it prints whole on both.
                assert!(
                    (2..=3).contains(&column(&letters)),
                    "{lang:?} {name}: title merged to {end}"
                );
                continue;
            }
            // At least over every column given a width (the chart sheet's runs on over its
            // charts).
            assert!(
                column(&letters) >= last_column(&sheet),
                "{lang:?} {name}: title merged to {end}"
            );
            merged += 1;
        }
        assert!(merged >= 2, "{lang:?}: {merged} merged titles");
    }
}
