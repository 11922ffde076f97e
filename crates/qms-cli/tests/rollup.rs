#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! `qms rollup` end to end: twelve dossiers of a province (one broken, one duplicate agency,
//! one of another year) rolled up into the workbook, the report and the minutes; every number
//! checked against what the dossiers hold, computed here without the roll-up module.

use calamine::{Data, Reader, Xlsx, open_workbook};
use chrono::{Months, NaiveDate};
use qms_core::Dossier;
use qms_core::model::{AgencyKind, CaState, FindingKind};
use qms_core::rules::{CheckOptions, Severity, check};
use qms_core::sample_agencies::{AgencySampleSpec, sample_agency};
use qms_testkit::{convert, ooxml_check, ooxml_check_available, scratch, soffice_available};
use std::collections::BTreeMap;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::{Command, Output};

const TODAY: &str = "2026-11-30";

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 30).unwrap()
}

fn qms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(args)
        .output()
        .expect("qms runs")
}

/// The same dossier two years earlier: every dated activity moved back.
fn two_years_back(mut d: Dossier) -> Dossier {
    let back = |x: NaiveDate| x.checked_sub_months(Months::new(24)).unwrap();
    for a in &mut d.audits {
        a.plan.start = back(a.plan.start);
        a.plan.end = back(a.plan.end);
    }
    for r in &mut d.management_reviews {
        r.meeting.date = back(r.meeting.date);
    }
    for p in &mut d.programmes {
        p.year -= 2;
    }
    d
}

fn agency(index: usize) -> Dossier {
    sample_agency(&AgencySampleSpec {
        checklist_items: 40,
        findings: 9,
        seed: 77,
        index,
    })
}

/// Writes the province: ten good agencies, a duplicate of the fourth, one of 2024, a broken
/// file. Returns the directory and the dossiers that must be counted, in file-name order.
fn province() -> (PathBuf, Vec<Dossier>) {
    let dir = scratch("in");
    let mut counted = Vec::new();
    for i in 0..10 {
        let d = agency(i);
        std::fs::write(
            dir.join(format!("a{i:02}.json")),
            serde_json::to_vec(&d).unwrap(),
        )
        .unwrap();
        counted.push(d);
    }
    // "b-..." sorts after the original: the original is the one counted.
    std::fs::write(
        dir.join("b-trung-lap.json"),
        serde_json::to_vec(&agency(3)).unwrap(),
    )
    .unwrap();
    let mut old = two_years_back(agency(10));
    old.id = "xa-nam-cu".into();
    std::fs::write(dir.join("c-nam-cu.json"), serde_json::to_vec(&old).unwrap()).unwrap();
    std::fs::write(dir.join("d-hong.json"), b"{\"format_version\": 1, \"id\": ").unwrap();
    (dir, counted)
}

/// What the roll-up must say about one agency, computed from its dossier.
#[derive(Debug)]
struct Expected {
    name: String,
    kind: AgencyKind,
    audit_ok: bool,
    review_ok: bool,
    nonconformities: u32,
    open: u32,
    overdue: u32,
    errors: u32,
    codes: Vec<&'static str>,
}

fn expected(d: &Dossier) -> Expected {
    let year_ago = NaiveDate::from_ymd_opt(2025, 11, 30).unwrap();
    let last_audit = d.audits.iter().map(|a| a.plan.end).max();
    let last_review = d.management_reviews.iter().map(|r| r.meeting.date).max();
    let nonconformities = d
        .audits
        .iter()
        .filter(|a| a.plan.end.format("%Y").to_string() == "2026")
        .flat_map(|a| &a.findings)
        .filter(|f| {
            matches!(
                f.kind,
                FindingKind::MajorNonconformity
                    | FindingKind::MinorNonconformity
                    | FindingKind::Nonconformity
            )
        })
        .count() as u32;
    let open: Vec<_> = d
        .corrective_actions
        .iter()
        .filter(|c| !matches!(c.state, CaState::Closed | CaState::CarriedOver))
        .collect();
    let overdue = open
        .iter()
        .filter(|c| {
            c.actions
                .iter()
                .any(|s| s.completed_on.is_none() && s.due < today())
        })
        .count() as u32;
    let diags = check(d, &CheckOptions { today: today() });
    let mut codes: Vec<&'static str> = diags.iter().map(|x| x.code).collect();
    codes.sort();
    codes.dedup();
    Expected {
        name: d.agency.name.clone(),
        kind: d.agency.kind.unwrap(),
        audit_ok: last_audit.is_some_and(|x| x >= year_ago),
        review_ok: last_review.is_some_and(|x| x >= year_ago),
        nonconformities,
        open: open.len() as u32,
        overdue,
        errors: diags
            .iter()
            .filter(|x| x.severity == Severity::Error)
            .count() as u32,
        codes,
    }
}

fn cell_text(c: &Data) -> String {
    match c {
        Data::String(s) => s.clone(),
        Data::Float(f) => format!("{f}"),
        Data::Int(i) => i.to_string(),
        Data::Empty => String::new(),
        other => other.to_string(),
    }
}

fn number(c: &Data) -> u32 {
    match c {
        Data::Float(f) => *f as u32,
        Data::Int(i) => *i as u32,
        other => panic!("not a number: {other:?}"),
    }
}

/// A sheet as rows of cells, and the column of each heading (row 4 of agency sheets).
fn sheet(wb: &mut Xlsx<std::io::BufReader<std::fs::File>>, name: &str) -> Vec<Vec<Data>> {
    let range = wb.worksheet_range(name).unwrap();
    range.rows().map(<[Data]>::to_vec).collect()
}

fn column(rows: &[Vec<Data>], heading: &str) -> usize {
    rows[3]
        .iter()
        .position(|c| cell_text(c) == heading)
        .unwrap_or_else(|| panic!("no column {heading}"))
}

/// The text of a .docx, a line per paragraph.
fn docx_text(path: &Path) -> String {
    let mut zip = zip::ZipArchive::new(std::fs::File::open(path).unwrap()).unwrap();
    let mut xml = String::new();
    zip.by_name("word/document.xml")
        .unwrap()
        .read_to_string(&mut xml)
        .unwrap();
    let xml = xml.replace("</w:p>", "\n");
    let mut out = String::new();
    let mut in_tag = false;
    for ch in xml.chars() {
        match ch {
            '<' => in_tag = true,
            '>' => in_tag = false,
            c if !in_tag => out.push(c),
            _ => {}
        }
    }
    out.replace("&quot;", "\"")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&amp;", "&")
}

#[test]
fn rollup_counts_what_the_dossiers_hold_and_reports_what_it_left_out() {
    let (input, counted) = province();
    let out = scratch("out");
    let (xlsx, docx, minutes) = (
        out.join("tong-hop.xlsx"),
        out.join("bao-cao.docx"),
        out.join("bien-ban"),
    );
    let o = qms(&[
        "rollup",
        "--dir",
        input.to_str().unwrap(),
        "-o",
        xlsx.to_str().unwrap(),
        "-o",
        docx.to_str().unwrap(),
        "--today",
        TODAY,
        "--minutes",
        minutes.to_str().unwrap(),
    ]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    // A broken input is named, the rest is still written, and the exit status says so.
    assert_eq!(o.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("lỗi: d-hong.json"), "{stderr}");
    assert!(stderr.contains("b-trung-lap.json"), "{stderr}");
    assert!(stderr.contains("c-nam-cu.json"), "{stderr}");
    assert!(xlsx.is_file() && docx.is_file());

    let want: Vec<Expected> = counted.iter().map(expected).collect();
    let mut wb: Xlsx<_> = open_workbook(&xlsx).unwrap();

    // One row per counted agency, with its own numbers.
    let rows = sheet(&mut wb, "Cơ quan");
    let data = &rows[4..];
    assert_eq!(data.len(), want.len());
    let (audit_col, review_col, errors_col) = (
        column(&rows, "ĐGNB trong 12 tháng"),
        column(&rows, "XXCLĐ trong 12 tháng"),
        column(&rows, "Lỗi khi rà soát hồ sơ"),
    );
    let ok = |b: bool| if b { "Đạt" } else { "Không đạt" };
    for (row, w) in data.iter().zip(&want) {
        assert_eq!(cell_text(&row[1]), w.name);
        assert_eq!(cell_text(&row[audit_col]), ok(w.audit_ok), "{}", w.name);
        assert_eq!(cell_text(&row[review_col]), ok(w.review_ok), "{}", w.name);
        assert_eq!(number(&row[errors_col]), w.errors, "{}", w.name);
    }

    let rows = sheet(&mut wb, "Phát hiện, HĐKP");
    let (nc, open, overdue) = (
        column(&rows, "Tổng số sự KPH"),
        column(&rows, "HĐKP chưa đóng"),
        column(&rows, "HĐKP quá hạn"),
    );
    for (row, w) in rows[4..].iter().zip(&want) {
        assert_eq!(
            (number(&row[nc]), number(&row[open]), number(&row[overdue])),
            (w.nonconformities, w.open, w.overdue),
            "{}",
            w.name
        );
    }

    // Totals by kind on the summary sheet.
    let rows = sheet(&mut wb, "Tổng hợp");
    let mut by_kind: BTreeMap<String, u32> = BTreeMap::new();
    for w in &want {
        *by_kind
            .entry(w.kind.label(qms_core::Lang::Vi).to_owned())
            .or_default() += 1;
    }
    for (label, n) in &by_kind {
        let row = rows
            .iter()
            .find(|r| cell_text(&r[0]) == *label)
            .unwrap_or_else(|| panic!("no row {label}"));
        assert_eq!(number(&row[1]), *n, "{label}");
    }
    let total = rows
        .iter()
        .find(|r| cell_text(&r[0]) == "Tổng cộng")
        .unwrap();
    assert_eq!(number(&total[1]), want.len() as u32);
    let received = rows
        .iter()
        .find(|r| cell_text(&r[0]) == "Hồ sơ nhận được")
        .unwrap();
    assert_eq!(number(&received[1]), 13);

    // Each rule: how many agencies break it.
    let rows = sheet(&mut wb, "Tồn tại, hạn chế");
    let mut per_rule: BTreeMap<&str, u32> = BTreeMap::new();
    for w in &want {
        for c in &w.codes {
            *per_rule.entry(c).or_default() += 1;
        }
    }
    let listed: BTreeMap<String, u32> = rows[4..]
        .iter()
        .map(|r| (cell_text(&r[1]), number(&r[3])))
        .collect();
    let per_rule: BTreeMap<String, u32> = per_rule
        .into_iter()
        .map(|(k, v)| (k.to_owned(), v))
        .collect();
    assert_eq!(listed, per_rule);
    let counts: Vec<u32> = rows[4..].iter().map(|r| number(&r[3])).collect();
    assert!(
        counts.windows(2).all(|w| w[0] >= w[1]),
        "ranked: {counts:?}"
    );

    // What was left out, and why.
    let rows = sheet(&mut wb, "Hồ sơ không tổng hợp");
    let left: Vec<(String, String)> = rows[4..]
        .iter()
        .map(|r| (cell_text(&r[1]), cell_text(&r[2])))
        .collect();
    // Agencies by short name, as the report lists them (an official list names no dossier
    // file); only the unreadable file, which names no agency, is listed by its file name.
    let short = |d: Dossier| {
        d.agency
            .name
            .replace("Ủy ban nhân dân ", "UBND ")
            .replace(" tỉnh Ninh Bình", "")
    };
    assert_eq!(
        left,
        vec![
            (short(agency(3)), "Trùng cơ quan".into()),
            (short(agency(10)), "Không thuộc năm kiểm tra".into()),
            ("d-hong.json".into(), "Lỗi, không đọc được".into()),
        ]
    );

    // The annex: one table per agency type, its caption kept with it and its heading row
    // repeated, so no group label ends a page alone.
    let xml = {
        let mut zip = zip::ZipArchive::new(std::fs::File::open(&docx).unwrap()).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    };
    let annex = &xml[xml.find("Phụ lục").unwrap()..];
    for label in ["Sở, ban, ngành", "UBND xã"] {
        let at = annex
            .find(&format!(">{label}<"))
            .unwrap_or_else(|| panic!("{label}"));
        let para = &annex[annex[..at]
            .rfind("<w:p>")
            .or(annex[..at].rfind("<w:p "))
            .unwrap()..at];
        assert!(para.contains("<w:keepNext/>"), "{label}: {para}");
        let next = &annex[at..];
        let tbl = next.find("<w:tbl>").unwrap();
        assert!(next[..tbl].matches("<w:p>").count() + next[..tbl].matches("<w:p ").count() == 0);
        assert!(next[tbl..].find("<w:tblHeader/>").is_some());
    }

    // The report says the same, with names.
    let text = docx_text(&docx);
    assert!(
        text.contains("Kính gửi: Ủy ban nhân dân tỉnh Ninh Bình."),
        "{text}"
    );
    let n = want.len();
    let audits = want.iter().filter(|w| w.audit_ok).count();
    assert!(text.contains(&format!("{audits}/{n} cơ quan")), "{text}");
    let (code, count) = listed
        .iter()
        .max_by_key(|(c, n)| (**n, std::cmp::Reverse((*c).clone())))
        .unwrap();
    let rule = qms_core::rules::find_rule(code).unwrap();
    // Cited by the requirement it checks, not by the tool's rule code.
    let basis = rule
        .source
        .label(qms_core::Edition::Iso9001_2015, qms_core::Lang::Vi);
    // "TCVN ISO 9001" is written with no-break spaces so it never breaks across lines.
    assert!(
        text.replace('\u{a0}', " ")
            .contains(&format!("{} ({basis})", rule.title_vi)),
        "{code}: {text}"
    );
    assert!(!text.contains(&format!("({code})")), "{code}: {text}");
    if (*count as usize) < n {
        let first = want.iter().find(|w| w.codes.contains(&rule.code)).unwrap();
        let short = first
            .name
            .replace("Ủy ban nhân dân ", "")
            .replace(" tỉnh Ninh Bình", "");
        assert!(text.contains(&short), "{short}");
    }
    // The report lists what was left out: the unreadable file by its name (nothing else
    // names it), the others by their agency, never by file.
    assert!(text.contains("d-hong.json"), "{text}");
    for file in ["b-trung-lap.json", "c-nam-cu.json"] {
        assert!(!text.contains(file), "{file}");
    }
    assert!(text.contains(&short(agency(10))), "{text}");

    // Minutes for every readable dossier of the year (the duplicate's file too).
    let mut written: Vec<String> = std::fs::read_dir(&minutes)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    written.sort();
    assert_eq!(written.len(), 11, "{written:?}");
    assert!(written.contains(&"bien-ban-kiem-tra-a00.docx".to_owned()));
    let m = docx_text(&minutes.join("bien-ban-kiem-tra-a00.docx"));
    assert!(m.contains(&counted[0].agency.name));
    assert!(m.contains("TRƯỞNG ĐOÀN KIỂM TRA"));

    // Same inputs, same bytes, however many threads read them.
    let again = out.join("mot-luong.xlsx");
    let o = qms(&[
        "rollup",
        "--dir",
        input.to_str().unwrap(),
        "-o",
        again.to_str().unwrap(),
        "--today",
        TODAY,
        "--jobs",
        "1",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(std::fs::read(&again).unwrap() == std::fs::read(&xlsx).unwrap());

    readers_accept(&[&xlsx, &docx, &minutes.join("bien-ban-kiem-tra-a00.docx")]);
    let _ = std::fs::remove_dir_all(&input);
    let _ = std::fs::remove_dir_all(&out);
}

/// The schema check and a LibreOffice conversion of the outputs.
fn readers_accept(files: &[&Path]) {
    if ooxml_check_available() {
        ooxml_check(Path::new(env!("CARGO_MANIFEST_DIR")), files);
    }
    if soffice_available() {
        let dir = scratch("rollup-pdf");
        convert(&dir, files, "pdf");
        let _ = std::fs::remove_dir_all(&dir);
    }
}

#[test]
fn rollup_op_takes_inline_dossiers_and_lists_what_it_left_out() {
    let good = serde_json::to_value(agency(1)).unwrap();
    let request = serde_json::json!({
        "op": "rollup",
        "dossiers": [good, "{not json", good],
        "names": ["mot.json", "hai.json", "ba.json"],
        "today": TODAY,
        "format": "docx",
        "base64": true,
    });
    let resp = qms_api::call(&serde_json::to_vec(&request).unwrap(), &[]);
    assert_eq!(resp.status, qms_api::Status::Ok);
    let r: serde_json::Value = serde_json::from_slice(&resp.json).unwrap();
    assert_eq!(r["agencies"], 1);
    let rejected = r["rejected"].as_array().unwrap();
    assert_eq!(rejected.len(), 2);
    assert_eq!(rejected[0]["source"], "hai.json");
    assert_eq!(rejected[0]["reason"], "unreadable");
    assert_eq!(rejected[1]["reason"], "duplicate");
    assert!(r["file_name"].as_str().unwrap().ends_with(".docx"));
    // Without base64, the document comes back as raw bytes, described by the JSON.
    let mut raw = request.clone();
    raw["base64"] = false.into();
    raw["format"] = "xlsx".into();
    let resp = qms_api::call(&serde_json::to_vec(&raw).unwrap(), &[]);
    assert!(resp.bytes.as_deref().unwrap().starts_with(b"PK"));
    let info: serde_json::Value = serde_json::from_slice(&resp.json).unwrap();
    assert_eq!(info["rejected"].as_array().unwrap().len(), 2);
}
