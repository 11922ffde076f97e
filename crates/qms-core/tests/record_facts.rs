#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The model facts of issue 13 (qualifications, unit owners, the open state, outside
//! inspections, finding dates, measurements dated by their period) load, validate and are
//! read by the checks; the new checks fire and stay silent where they should.

use chrono::NaiveDate;
use qms_core::model::{CaState, Measurement};
use qms_core::rules::{CheckOptions, Severity, check};
use serde_json::{Value, json};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

fn base() -> Value {
    json!({
        "format_version": 1, "id": "facts",
        "agency": {"name": "Sở Tư pháp tỉnh Ninh Bình", "symbol": "STP"},
        "scope": {"edition": "2015", "text": "Giải quyết thủ tục hành chính"},
        "units": [{"id": "vp", "name": "Văn phòng Sở"}, {"id": "hc", "name": "Phòng Hành chính tư pháp"}],
        "people": [
            {"id": "gd", "name": "Trần Văn Bình", "unit": "vp", "roles": ["head"]},
            {"id": "a1", "name": "Lê Thị Hoa", "unit": "vp", "roles": ["internal_auditor"],
             "qualifications": [{"kind": "lead_auditor", "since": "2023-03-01", "decision": "15/QĐ-STP"}]},
            {"id": "a2", "name": "Phạm Quốc Khánh", "unit": "hc", "roles": ["internal_auditor"],
             "training": [{"kind": "internal_auditor", "date": "2024-04-10", "certificate": "ĐGNB-0012"}]}
        ],
        "procedures": [
            {"id": "qt1", "code": "QT-01", "title": "Kiểm soát thông tin dạng văn bản", "kind": "system", "owner_unit": "vp"},
            {"id": "qt7", "code": "QT-07", "title": "Cấp phiếu lý lịch tư pháp", "kind": "internal", "owner_unit": "hc"}
        ],
        "programmes": [{"id": "ct2026", "year": 2026, "number": "02/CTr-STP", "planned": [
            {"id": "pa1", "unit": "vp", "month": 5, "procedures": ["qt1", "qt7"]}
        ]}],
        "audits": [{
            "id": "dg1", "title": "Đánh giá nội bộ năm 2026", "programme": "ct2026",
            "plan": {"number": "05/KH-STP", "start": "2026-05-12", "end": "2026-05-14",
                     "team": [{"person": "a1", "role": "lead"}, {"person": "a2", "role": "auditor"}]},
            "findings": [{"id": "f1", "kind": "minor_nonconformity", "unit": "vp", "clauses": ["7.5.3"],
                          "statement": "Danh mục chưa cập nhật", "date": "2026-05-13",
                          "acknowledgement": {"by": "gd", "date": "2026-05-13"}}]
        }],
        "inspections": [{"id": "kt2026", "body": "Sở Khoa học và Công nghệ tỉnh Ninh Bình", "kind": "state_inspection",
                         "date": "2026-08-20", "number": "15/BB-SKHCN",
                         "findings": [{"id": "kt-1", "kind": "minor_nonconformity", "unit": "hc", "clauses": ["9.1.3", "9.3.2"],
                                       "statement": "Chưa phân tích dữ liệu đo lường"}]}],
        "corrective_actions": [
            {"id": "ca1", "source": "internal_audit", "finding": "f1", "unit": "vp", "raised_on": "2026-05-14",
             "number": "01/PYC-STP", "state": "open",
             "actions": [{"description": "Phân công theo dõi", "owner_unit": "vp", "due": "2026-12-30"}]},
            {"id": "ca2", "source": "external_inspection", "finding": "kt-1", "unit": "hc", "raised_on": "2026-08-25",
             "state": "proposed"}
        ]
    })
}

fn load(v: &Value) -> qms_core::Dossier {
    qms_core::load(v.to_string().as_bytes())
        .unwrap_or_else(|e| panic!("test dossier invalid: {:#?}", e.problems))
}

fn diags(v: &Value) -> Vec<qms_core::rules::Diagnostic> {
    check(&load(v), &CheckOptions { today: today() })
}

fn of(v: &Value, code: &str) -> Vec<(Severity, String, String)> {
    diags(v)
        .into_iter()
        .filter(|x| x.code == code)
        .map(|x| (x.severity, x.path.to_string(), x.message_en))
        .collect()
}

#[test]
fn the_new_facts_load_and_round_trip() {
    let d = load(&base());
    assert!(d.people[1].is_lead_auditor());
    assert!(d.people[2].training[0].course.is_empty());
    assert_eq!(d.corrective_actions[0].state, CaState::Open);
    assert_eq!(
        d.corrective_actions[0].actions[0].owner_ref(),
        Some(("vp", true))
    );
    assert_eq!(d.inspections[0].findings[0].clauses.len(), 2);
    let again = load(&serde_json::to_value(&d).unwrap());
    assert_eq!(again, d);
    // Absent new members are not written, so an old dossier's text does not change.
    let text = serde_json::to_string(&load(&json!({
        "format_version": 1, "id": "old", "agency": {"name": "UBND xã An Bình"},
        "scope": {"edition": "2015", "text": "TTHC"}
    })))
    .unwrap();
    for member in ["inspections", "qualifications", "owner_unit", "measured_on"] {
        assert!(!text.contains(member), "{member} in {text}");
    }
}

#[test]
fn an_action_needs_a_person_or_a_unit_and_both_must_exist() {
    let mut v = base();
    v["corrective_actions"][0]["actions"][0]
        .as_object_mut()
        .unwrap()
        .remove("owner_unit");
    let err = qms_core::load(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        err.problems[0].path.to_string(),
        "corrective_actions[0].actions[0].owner"
    );
    v["corrective_actions"][0]["actions"][0]["owner_unit"] = json!("khong-co");
    let err = qms_core::load(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(
        err.problems[0].path.to_string(),
        "corrective_actions[0].actions[0].owner_unit"
    );
}

#[test]
fn an_inspection_finding_is_validated_and_answerable() {
    let mut v = base();
    v["inspections"][0]["findings"][0]["clauses"] = json!(["99.9"]);
    let err = qms_core::load(v.to_string().as_bytes()).unwrap_err();
    assert!(
        err.problems[0]
            .path
            .to_string()
            .starts_with("inspections[0].findings[0].clauses"),
        "{:?}",
        err.problems
    );
    // A request pointing at the inspection's finding resolves; one pointing nowhere does not.
    let mut v = base();
    v["corrective_actions"][1]["finding"] = json!("kt-9");
    assert!(qms_core::load(v.to_string().as_bytes()).is_err());
}

#[test]
fn a_standing_qualification_or_a_course_without_title_satisfies_a005() {
    assert!(of(&base(), "QMS-A005").is_empty());
    let mut v = base();
    v["people"][1]["qualifications"] = json!([{"kind": "technical_expert"}]);
    let got = of(&v, "QMS-A005");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.contains("Lê Thị Hoa"));
}

#[test]
fn an_inspection_nonconformity_without_a_request_is_c001() {
    assert!(of(&base(), "QMS-C001").is_empty());
    let mut v = base();
    v["corrective_actions"].as_array_mut().unwrap().remove(1);
    let got = of(&v, "QMS-C001");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "inspections[0].findings[0]");
    assert!(got[0].2.contains("Sở Khoa học"), "{got:?}");
    // Not yet due: within the days allowed after the inspection.
    v["inspections"][0]["date"] = json!("2026-11-20");
    assert!(of(&v, "QMS-C001").is_empty());
}

#[test]
fn acknowledgement_before_the_finding_date_is_a011() {
    assert!(of(&base(), "QMS-A011").is_empty());
    let mut v = base();
    // After the audit began, but before the finding was made.
    v["audits"][0]["findings"][0]["acknowledgement"]["date"] = json!("2026-05-12");
    let got = of(&v, "QMS-A011");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.contains("before the finding was made"), "{got:?}");
    // The same date is fine for a finding with no date of its own (the audit's first day).
    v["audits"][0]["findings"][0]
        .as_object_mut()
        .unwrap()
        .remove("date");
    assert!(of(&v, "QMS-A011").is_empty());
    // Inspection findings too.
    let mut v = base();
    v["inspections"][0]["findings"][0]["acknowledgement"] =
        json!({"by": "gd", "date": "2026-08-19"});
    assert_eq!(of(&v, "QMS-A011").len(), 1);
}

#[test]
fn procedures_left_out_of_the_programme_are_a012_and_an_unnamed_programme_is_info() {
    assert!(of(&base(), "QMS-A012").is_empty());
    let mut v = base();
    v["programmes"][0]["planned"][0]["procedures"] = json!(["qt1"]);
    let got = of(&v, "QMS-A012");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Severity::Warning);
    assert_eq!(got[0].1, "procedures[1]");
    v["programmes"][0]["planned"][0]
        .as_object_mut()
        .unwrap()
        .remove("procedures");
    let got = of(&v, "QMS-A012");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Severity::Info);
    assert!(got[0].2.contains("names no procedure"), "{got:?}");
}

#[test]
fn a_number_with_another_agencys_symbol_is_d005_and_without_a_symbol_info() {
    assert!(of(&base(), "QMS-D005").is_empty());
    let mut v = base();
    v["audits"][0]["plan"]["number"] = json!("05/KH-SNV");
    let got = of(&v, "QMS-D005");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].1, "audits[0].plan.number");
    // The inspection's own minutes carry the inspecting body's symbol: not checked.
    assert!(!got.iter().any(|g| g.1.starts_with("inspections")));
    v["agency"].as_object_mut().unwrap().remove("symbol");
    let got = of(&v, "QMS-D005");
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, Severity::Info);
    assert_eq!(got[0].1, "agency.symbol");
}

#[test]
fn a_closed_request_with_an_unfinished_action_is_c007() {
    let mut v = base();
    let ca = &mut v["corrective_actions"][0];
    ca["state"] = json!("closed");
    ca["correction"] = json!({"description": "Cập nhật danh mục"});
    ca["root_cause"] = json!("Chưa phân công");
    ca["approval"] = json!({"by": "gd", "date": "2026-05-20"});
    ca["verification"] = json!({"date": "2026-08-01", "by": "a1", "effective": true});
    let got = of(&v, "QMS-C007");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].2.contains("completion date"), "{got:?}");
    v["corrective_actions"][0]["actions"][0]["completed_on"] = json!("2026-07-01");
    assert!(of(&v, "QMS-C007").is_empty());
}

#[test]
fn the_open_state_asks_for_nothing_and_moves_to_the_phase_its_records_support() {
    let d = load(&base());
    assert!(of(&base(), "QMS-C007").is_empty());
    let mut ca = d.corrective_actions[0].clone();
    assert!(CaState::Open.requirements().is_empty());
    // Its records support no later phase than analysis yet.
    assert!(ca.transition(CaState::InProgress, today()).is_err());
    ca.root_cause = Some("Chưa phân công".into());
    ca.approval = Some(qms_core::model::Approval {
        by: "gd".into(),
        date: day(2026, 5, 20),
    });
    ca.transition(CaState::InProgress, today()).unwrap();
    assert!(
        ca.history_problems().is_empty(),
        "{:?}",
        ca.history_problems()
    );
    // Nothing goes back to Open.
    assert!(
        !CaState::ALL
            .iter()
            .any(|s| s.next().contains(&CaState::Open))
    );
}

#[test]
fn a_running_measurement_is_shown_in_the_review_period_it_was_taken_in() {
    let mut m = Measurement::new(day(2025, 12, 31), 96.0);
    m.period_start = Some(day(2025, 1, 1));
    m.measured_on = Some(day(2025, 10, 15));
    assert!(m.in_period(Some(day(2024, 11, 1)), day(2025, 10, 31)));
    assert!(!m.in_period(Some(day(2025, 11, 1)), day(2026, 10, 31)));
    assert!(!m.is_final());
    // A running total does not count as the year's measurement (QMS-O002).
    let mut v = base();
    v["quality_objectives"] = json!([{"id": "mt1", "statement": "100% hồ sơ đúng hạn",
        "target": {"value": 100, "unit": "%"}, "period": "yearly", "year": 2025,
        "measurements": [{"period_start": "2025-01-01", "period_end": "2025-12-31", "measured_on": "2025-10-15", "value": 100}]}]);
    let got = of(&v, "QMS-O002");
    assert_eq!(got.len(), 1, "{got:?}");
    v["quality_objectives"][0]["measurements"][0]
        .as_object_mut()
        .unwrap()
        .remove("measured_on");
    assert!(of(&v, "QMS-O002").is_empty());
}
