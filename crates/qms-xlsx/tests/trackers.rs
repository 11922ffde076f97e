//! The tracker and registers as issue 13 asks: root cause, extensions, verification and a
//! state dropdown; opt-in overdue highlighting that follows the day the file is opened; "every
//! unit" collapsed; unit and location said once; rows sized from their wrapped text.

#![allow(clippy::unwrap_used, clippy::expect_used)] // helpers outside #[test] fns

mod support;

use calamine::{Data, Reader, Xlsx};
use chrono::NaiveDate;
use qms_core::Lang;
use qms_core::model::{
    ActionStep, CaSource, CaState, CorrectiveAction, DueDateExtension, Verification,
};
use qms_xlsx::{RenderOptions, WorkbookKind, render};
use std::io::Cursor;
use support::*;

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn rows(bytes: &[u8], index: usize) -> Vec<Vec<String>> {
    let mut x: Xlsx<_> = Xlsx::new(Cursor::new(bytes)).unwrap();
    let name = x.sheet_names()[index].clone();
    let range = x.worksheet_range(&name).unwrap();
    range
        .rows()
        .map(|r| r.iter().map(Data::to_string).collect())
        .collect()
}

fn xml(bytes: &[u8], part: &str) -> String {
    String::from_utf8(parts(bytes).into_iter().find(|(p, _)| p == part).unwrap().1).unwrap()
}

fn tracked() -> qms_core::Dossier {
    let mut d = dossier(4);
    let unit = d.units[0].id.clone();
    let owner = d.people[0].id.clone();
    let mut ca = CorrectiveAction::new("car-1", CaSource::ExternalInspection, &unit, day(3, 5));
    ca.number = Some("01/PYC".into());
    ca.state = CaState::InProgress;
    ca.root_cause = Some("Chưa phân công người cập nhật văn bản".into());
    let mut late = ActionStep::new("Cập nhật sổ theo dõi", &owner, day(5, 31));
    late.original_due = Some(day(4, 30));
    late.extensions.push(DueDateExtension {
        from: day(4, 30),
        to: day(5, 31),
        reason: "Chờ văn bản hướng dẫn".into(),
        approved_by: None,
        recorded_on: day(4, 25),
    });
    let mut by_unit = ActionStep::new("Tập huấn lại", "", day(12, 30));
    by_unit.owner_unit = Some(unit.clone());
    ca.actions = vec![late, by_unit];
    d.corrective_actions.push(ca);
    let mut done = CorrectiveAction::new("car-2", CaSource::Complaint, &unit, day(2, 1));
    done.state = CaState::Closed;
    done.actions = vec![ActionStep::new("Niêm yết lại", &owner, day(2, 20))];
    done.actions[0].completed_on = Some(day(2, 18));
    done.verification = Some(Verification {
        date: day(3, 20),
        by: owner.clone(),
        effective: true,
        comment: None,
    });
    d.corrective_actions.push(done);
    d
}

fn opts(live: bool) -> RenderOptions {
    RenderOptions {
        live_overdue: live,
        ..RenderOptions::new(Lang::Vi, day(6, 1))
    }
}

#[test]
fn the_tracker_shows_cause_extensions_verification_and_a_state_dropdown() {
    let d = tracked();
    let bytes = render(WorkbookKind::Actions, &d, None, &opts(false)).unwrap();
    let rows = rows(&bytes, 0);
    let heading = rows.iter().find(|r| r[0] == "STT").unwrap();
    for h in [
        "Nguyên nhân gốc",
        "Gia hạn",
        "Ngày xác minh",
        "Kết quả xác minh",
        "Trạng thái",
    ] {
        assert!(heading.contains(&h.to_owned()), "{h} in {heading:?}");
    }
    let col = |h: &str| heading.iter().position(|x| x == h).unwrap();
    let late = rows
        .iter()
        .find(|r| r.contains(&"Cập nhật sổ theo dõi".to_owned()))
        .unwrap();
    assert_eq!(
        late[col("Nguyên nhân gốc")],
        "Chưa phân công người cập nhật văn bản"
    );
    assert!(late[col("Gia hạn")].contains("30/04/2026 → 31/05/2026: Chờ văn bản hướng dẫn"));
    assert_eq!(late[col("Quá hạn")], "Quá hạn");
    // A unit owns the second action: its name is shown, not an empty person.
    let by_unit = rows
        .iter()
        .find(|r| r.contains(&"Tập huấn lại".to_owned()))
        .unwrap();
    assert_eq!(by_unit[col("Người / đơn vị thực hiện")], d.units[0].name);
    assert_eq!(by_unit[col("Quá hạn")], "");
    let closed = rows
        .iter()
        .find(|r| r.contains(&"Niêm yết lại".to_owned()))
        .unwrap();
    assert_eq!(closed[col("Kết quả xác minh")], "Có hiệu lực");
    assert!(!closed[col("Ngày xác minh")].is_empty());
    assert_eq!(closed[col("Trạng thái")], "Đã đóng");
    // The state column offers every state, in the workbook's language.
    let sheet = xml(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("<dataValidation"), "no dropdown");
    for s in CaState::ALL {
        assert!(sheet.contains(s.label(Lang::Vi)), "{s:?} not offered");
    }
    assert!(sheet.contains("DATE(2026,6,1)") && !sheet.contains("TODAY()"));
}

#[test]
fn live_overdue_highlighting_follows_the_day_the_file_is_opened() {
    let d = tracked();
    let bytes = render(WorkbookKind::Actions, &d, None, &opts(true)).unwrap();
    let sheet = xml(&bytes, "xl/worksheets/sheet1.xml");
    assert!(sheet.contains("TODAY()"), "conditional format uses TODAY()");
    assert!(!sheet.contains("DATE(2026,6,1)"));
    // The overdue column is a formula whose cached value is the render day's answer.
    assert!(sheet.contains("<f>IF(AND("), "{sheet}");
    let rows = rows(&bytes, 0);
    let late = rows
        .iter()
        .find(|r| r.contains(&"Cập nhật sổ theo dõi".to_owned()))
        .unwrap();
    assert_eq!(late.last().unwrap(), "Quá hạn");
}

#[test]
fn registers_collapse_every_unit_and_say_unit_and_location_once() {
    let mut d = dossier(4);
    let all: Vec<String> = d.units.iter().map(|u| u.id.clone()).collect();
    assert!(all.len() > 1);
    let unit_name = d.units[0].name.clone();
    d.registers.external_documents = serde_json::from_value(serde_json::json!([
        {"id": "vb1", "number": "30/2020/NĐ-CP", "title": "Nghị định về công tác văn thư", "applies_to": all},
        {"id": "vb2", "number": "61/2018/NĐ-CP", "title": "Một cửa", "applies_to": [all[0]]}
    ]))
    .unwrap();
    d.registers.records = serde_json::from_value(serde_json::json!([
        {"id": "hs1", "title": "Hồ sơ đánh giá nội bộ", "unit": all[0], "location": format!("{unit_name} - Thư ký ISO")},
        {"id": "hs2", "title": "Hồ sơ xem xét", "unit": all[0], "location": unit_name},
        {"id": "hs3", "title": "Hồ sơ khác", "unit": all[0], "location": "Kho lưu trữ cơ quan"}
    ]))
    .unwrap();
    let bytes = render(WorkbookKind::Registers, &d, None, &opts(false)).unwrap();
    let external = rows(&bytes, 1);
    let applies = |number: &str| {
        external
            .iter()
            .find(|r| r.contains(&number.to_owned()))
            .unwrap()[7]
            .clone()
    };
    assert_eq!(applies("30/2020/NĐ-CP"), "Tất cả các đơn vị");
    assert_eq!(applies("61/2018/NĐ-CP"), unit_name);
    // Several units but not all: short names where given.
    d.units[1].short_name = Some("VP".into());
    d.registers.external_documents[1].applies_to = vec![all[0].clone(), all[1].clone()];
    let bytes2 = render(WorkbookKind::Registers, &d, None, &opts(false)).unwrap();
    let row = rows(&bytes2, 1)
        .into_iter()
        .find(|r| r.contains(&"61/2018/NĐ-CP".to_owned()))
        .unwrap();
    assert!(
        all.len() > 2,
        "the sample has more units than the two listed"
    );
    let first = d.units[0].short_name.clone().unwrap_or(unit_name.clone());
    assert_eq!(row[7], format!("{first}; VP"));
    let records = rows(&bytes, 2);
    let kept = |title: &str| {
        records
            .iter()
            .find(|r| r.contains(&title.to_owned()))
            .unwrap()[3]
            .clone()
    };
    assert_eq!(
        kept("Hồ sơ đánh giá nội bộ"),
        format!("{unit_name} – Thư ký ISO")
    );
    assert_eq!(kept("Hồ sơ xem xét"), unit_name);
    assert_eq!(
        kept("Hồ sơ khác"),
        format!("{unit_name} – Kho lưu trữ cơ quan")
    );
}

/// Row heights in the sheet XML, by 1-based row number.
fn heights(sheet: &str) -> Vec<(u32, f64)> {
    sheet
        .split("<row ")
        .skip(1)
        .filter_map(|r| {
            let attr = |name: &str| {
                let at = r.find(&format!("{name}=\""))? + name.len() + 2;
                let end = r[at..].find('"')? + at;
                Some(r[at..end].to_owned())
            };
            Some((attr("r")?.parse().ok()?, attr("ht")?.parse().ok()?))
        })
        .collect()
}

#[test]
fn register_rows_are_sized_from_their_wrapped_text() {
    let mut d = dossier(4);
    let long = "Nghị định quy định chi tiết một số điều và biện pháp thi hành Luật Tổ chức chính quyền địa phương về phân cấp, phân quyền, ủy quyền trong quản lý nhà nước";
    d.registers.external_documents = serde_json::from_value(serde_json::json!([
        {"id": "vb1", "number": "1/2025/NĐ-CP", "title": "Ngắn"},
        {"id": "vb2", "number": "2/2025/NĐ-CP", "title": long}
    ]))
    .unwrap();
    let bytes = render(WorkbookKind::Registers, &d, None, &opts(false)).unwrap();
    let h = heights(&xml(&bytes, "xl/worksheets/sheet2.xml"));
    let short = h.iter().find(|(r, _)| *r == 6).unwrap().1;
    let tall = h.iter().find(|(r, _)| *r == 7).unwrap().1;
    // 150 characters in a 44-wide column: three or four lines, not one and not ten.
    assert!(tall >= 2.5 * short && tall <= 4.5 * short, "{short} {tall}");
}

/// Row numbers (1-based) of the manual page breaks of a sheet.
fn breaks(sheet: &str) -> Vec<u32> {
    sheet
        .split("<brk ")
        .skip(1)
        .filter_map(|b| {
            let at = b.find("id=\"")? + 4;
            b[at..at + b[at..].find('"')?].parse().ok()
        })
        .collect()
}

fn with_clauses(n: usize) -> qms_core::Dossier {
    let mut d = dossier(4);
    let unit = d.units[0].id.clone();
    let clauses: Vec<&str> = qms_core::catalog::clauses(d.scope.edition)
        .iter()
        .filter(|c| c.depth() >= 3)
        .map(|c| c.id)
        .take(n)
        .collect();
    for (i, c) in clauses.iter().enumerate() {
        let f: qms_core::model::Finding = serde_json::from_value(serde_json::json!({
            "id": format!("f{i}"), "kind": "observation", "unit": unit, "clauses": [c],
            "statement": "Phát hiện"
        }))
        .unwrap();
        d.audits[0].findings.push(f);
    }
    d
}

#[test]
fn the_summary_starts_the_clause_table_on_a_new_page_only_when_both_do_not_fit() {
    let few = render(WorkbookKind::Summary, &with_clauses(3), None, &opts(false)).unwrap();
    // Only the chart's page break.
    assert_eq!(breaks(&xml(&few, "xl/worksheets/sheet1.xml")).len(), 1);
    let many = render(WorkbookKind::Summary, &with_clauses(24), None, &opts(false)).unwrap();
    let b = breaks(&xml(&many, "xl/worksheets/sheet1.xml"));
    assert_eq!(b.len(), 2, "{b:?}");
    // The first break falls just above the clause table's heading (the unit table: heading
    // on row 5, one unit, totals on row 7, two blank rows).
    assert_eq!(b[0], 9, "{b:?}");
}
