#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! Every rule fires on a dossier made to break it, and stays silent on a clean one.

use chrono::NaiveDate;
use qms_core::rules::{CheckOptions, RULES, Severity, check};
use serde_json::{Value, json};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

/// A small dossier that satisfies every rule on 2026-11-23.
fn clean() -> Value {
    json!({
        "format_version": 1, "id": "clean",
        "agency": {"name": "Sở Tư pháp tỉnh Ninh Bình", "parent": "UBND tỉnh Ninh Bình", "symbol": "STP"},
        "scope": {"edition": "2015", "text": "Giải quyết thủ tục hành chính",
                  "exclusions": [{"clause": "8.3", "reason": "Không thiết kế sản phẩm, dịch vụ"}]},
        "units": [{"id": "vp", "name": "Văn phòng Sở"}, {"id": "hc", "name": "Phòng Hành chính tư pháp"}],
        "people": [
            {"id": "gd", "name": "Trần Văn Bình", "unit": "vp", "roles": ["head"]},
            {"id": "a1", "name": "Lê Thị Hoa", "unit": "vp", "roles": ["internal_auditor"],
             "training": [{"kind": "internal_auditor", "course": "Chuyên gia đánh giá nội bộ", "date": "2024-04-10"}]},
            {"id": "a2", "name": "Phạm Quốc Khánh", "unit": "hc", "roles": ["internal_auditor"],
             "training": [{"kind": "internal_auditor", "course": "Chuyên gia đánh giá nội bộ", "date": "2024-04-10"}]}
        ],
        "procedures": [
            {"id": "qt1", "code": "QT-01", "title": "Kiểm soát thông tin dạng văn bản", "kind": "system", "owner_unit": "vp",
             "clauses": ["7.5"], "forms": [{"code": "BM.01.01", "title": "Danh mục tài liệu"}]},
            {"id": "qt7", "code": "QT-07", "title": "Cấp phiếu lý lịch tư pháp", "kind": "operational", "owner_unit": "hc",
             "clauses": ["8.1"], "admin_procedures": [{"code": "1.000001", "name": "Cấp Phiếu lý lịch tư pháp", "processing_days": 10}]}
        ],
        "announcements": [{"id": "cb1", "date": "2020-03-01", "decision_number": "12/QĐ-STP", "edition": "2015",
                           "scope_text": "Giải quyết thủ tục hành chính", "exclusions": ["8.3"], "procedures": ["qt1", "qt7"],
                           "units": ["vp", "hc"]}],
        "programmes": [{"id": "ct2026", "year": 2026, "objectives": ["Đánh giá HTQLCL"], "planned": [
            {"id": "pa1", "unit": "vp", "month": 5, "clauses": ["4", "5", "6", "7", "9", "10"], "procedures": ["qt1"]},
            {"id": "pa2", "unit": "hc", "month": 5, "clauses": ["8"], "procedures": ["qt7"]}
        ]}],
        "audits": [{
            "id": "dg1", "title": "Đánh giá nội bộ năm 2026", "programme": "ct2026", "planned": ["pa1", "pa2"],
            "plan": {"objectives": ["Xác định sự phù hợp"], "scope": "Toàn bộ HTQLCL", "criteria": ["TCVN ISO 9001:2015"],
                     "start": "2026-05-12", "end": "2026-05-13",
                     "team": [{"person": "a1", "role": "lead"}, {"person": "a2", "role": "auditor"}],
                     "schedule": [{"date": "2026-05-12", "start": "08:00", "end": "11:00", "unit": "vp", "auditors": ["a2"]},
                                  {"date": "2026-05-12", "start": "13:30", "end": "16:30", "unit": "hc", "auditors": ["a1"]}]},
            "checklists": [
                {"id": "ck-vp", "unit": "vp", "auditor": "a2", "items": [
                    {"id": "i1", "clauses": ["7.5.3"], "question": "Danh mục tài liệu có cập nhật?", "result": "nonconform", "evidence": "Danh mục 2024"}]},
                {"id": "ck-hc", "unit": "hc", "auditor": "a1", "items": [
                    {"id": "i1", "clauses": ["8.1"], "question": "Hồ sơ có đúng hạn?", "result": "conform"}]}
            ],
            "findings": [{"id": "f1", "kind": "minor_nonconformity", "unit": "vp", "clauses": ["7.5.3"], "checklist": "ck-vp",
                          "item": "i1", "evidence": "Danh mục tài liệu bên ngoài lập năm 2024", "statement": "Danh mục chưa cập nhật"}]
        }],
        "corrective_actions": [{
            "id": "ca1", "source": "internal_audit", "finding": "f1", "unit": "vp", "raised_on": "2026-05-14", "state": "closed",
            "correction": {"description": "Cập nhật danh mục"}, "root_cause": "Chưa phân công người theo dõi văn bản",
            "actions": [{"description": "Phân công theo dõi", "owner": "gd", "due": "2026-06-30", "completed_on": "2026-06-20"}],
            "approval": {"by": "gd", "date": "2026-05-20"},
            "verification": {"date": "2026-08-01", "by": "a1", "effective": true}
        }],
        "management_reviews": [
            {"id": "r2025", "title": "Xem xét của lãnh đạo năm 2025", "meeting": {"date": "2025-11-20", "chair": "gd", "secretary": "a1"},
             "inputs": [{"topic": "a", "summary": "x"}, {"topic": "b", "summary": "x"}, {"topic": "c1", "summary": "x"},
                        {"topic": "c2", "summary": "x"}, {"topic": "c3", "summary": "x"}, {"topic": "c4", "summary": "x"},
                        {"topic": "c5", "summary": "x"}, {"topic": "c6", "summary": "x"}, {"topic": "c7", "summary": "x"},
                        {"topic": "d", "summary": "x"}, {"topic": "e", "summary": "x"}, {"topic": "f", "summary": "x"}],
             "decisions": [{"id": "d25", "output": "a", "content": "Cập nhật quy trình", "owner": "gd", "due": "2026-03-31", "state": "done"}]},
            {"id": "r2026", "title": "Xem xét của lãnh đạo năm 2026", "previous": "r2025",
             "meeting": {"date": "2026-11-10", "chair": "gd", "secretary": "a1"},
             "inputs": [{"topic": "a", "summary": "x"}, {"topic": "b", "summary": "x"}, {"topic": "c1", "summary": "x"},
                        {"topic": "c2", "summary": "x"}, {"topic": "c3", "summary": "x"}, {"topic": "c4", "summary": "x"},
                        {"topic": "c5", "summary": "x"}, {"topic": "c6", "summary": "x"}, {"topic": "c7", "summary": "x"},
                        {"topic": "d", "summary": "x"}, {"topic": "e", "summary": "x"}, {"topic": "f", "summary": "x"}],
             "follow_ups": [{"decision": "d25", "state": "done"}],
             "decisions": [{"id": "d26", "output": "c", "content": "Bổ sung máy tính", "unit": "vp", "due": "2027-03-31"}]}
        ],
        "quality_objectives": [{"id": "mt1", "statement": "100% hồ sơ đúng hạn", "target": {"value": 100, "unit": "%"},
                                "period": "quarterly", "year": 2026,
                                "measurements": [{"period_end": "2026-09-30", "value": 100}]},
                               {"id": "mt0", "statement": "100% hồ sơ đúng hạn năm 2025", "target": {"value": 100, "unit": "%"},
                                "period": "yearly", "year": 2025,
                                "measurements": [{"period_end": "2025-12-31", "value": 100}]}],
        "registers": {
            "internal_documents": [{"id": "tl1", "code": "BM.01.01", "title": "Danh mục tài liệu", "kind": "form"}],
            "external_documents": [{"id": "vb1", "number": "19/2014/QĐ-TTg", "title": "Áp dụng HTQLCL", "reviewed_on": "2026-01-15"}],
            "records": [
                {"id": "hs1", "title": "Giấy tiếp nhận hồ sơ và hẹn trả kết quả", "procedure": "qt7", "retention": {"years": 5}},
                {"id": "hs2", "title": "Phiếu kiểm soát quá trình giải quyết hồ sơ", "procedure": "qt7", "retention": {"years": 5}}
            ]
        }
    })
}

fn codes(v: &Value, today: NaiveDate) -> Vec<&'static str> {
    let d = qms_core::load(serde_json::to_string(v).unwrap().as_bytes())
        .unwrap_or_else(|e| panic!("test dossier invalid: {:#?}", e.problems));
    check(&d, &CheckOptions { today })
        .iter()
        .map(|x| x.code)
        .collect()
}

type Mutation = fn(&mut Value);

/// One mutation per rule that makes exactly that rule fire.
fn cases() -> Vec<(&'static str, Mutation)> {
    vec![
        ("QMS-A000", |v| v["programmes"][0]["year"] = json!(2025)),
        ("QMS-A001", |v| {
            v["programmes"][0]["planned"][1]["unit"] = json!("vp");
        }),
        ("QMS-A002", |v| {
            v["programmes"][0]["planned"][0]["clauses"] = json!(["4", "5", "6", "7", "9"])
        }),
        ("QMS-A003", |v| {
            v["audits"][0]["plan"]["start"] = json!("2025-10-01");
            v["audits"][0]["plan"]["end"] = json!("2025-10-02");
        }),
        ("QMS-A004", |v| {
            v["audits"][0]["checklists"][0]["auditor"] = json!("a1")
        }),
        ("QMS-A005", |v| v["people"][2]["training"] = json!([])),
        ("QMS-A006", |v| {
            v["audits"][0]["plan"]["criteria"] = json!([])
        }),
        ("QMS-A007", |v| {
            v["audits"][0]["checklists"][1]["items"][0]["result"] = json!("nonconform")
        }),
        ("QMS-A008", |v| {
            v["audits"][0]["findings"][0]
                .as_object_mut()
                .unwrap()
                .remove("evidence")
                .map(|_| ())
                .unwrap_or(())
        }),
        ("QMS-A009", |v| {
            v["audits"][0]["findings"][0]["clauses"] = json!([])
        }),
        ("QMS-A010", |v| {
            v["audits"][0]["checklists"][1]["unit"] = json!("vp");
            v["audits"][0]["checklists"][1]["auditor"] = json!("a2");
        }),
        ("QMS-C001", |v| {
            v["corrective_actions"][0]["finding"] = Value::Null;
            v["corrective_actions"][0]["source"] = json!("complaint");
        }),
        ("QMS-C002", |v| {
            v["corrective_actions"][0]["state"] = json!("in_progress");
            v["corrective_actions"][0]["actions"][0]["completed_on"] = Value::Null;
        }),
        ("QMS-C003", |v| {
            v["corrective_actions"][0]["actions"][0]["original_due"] = json!("2026-06-15")
        }),
        ("QMS-C004", |v| {
            v["corrective_actions"][0]["verification"]["effective"] = json!(false)
        }),
        ("QMS-C005", |v| {
            v["corrective_actions"][0]["correction"] = Value::Null
        }),
        ("QMS-C006", |v| {
            v["corrective_actions"][0]["root_cause"] = json!(" ")
        }),
        ("QMS-C007", |v| {
            v["corrective_actions"][0]["approval"] = Value::Null
        }),
        ("QMS-M001", |v| {
            v["management_reviews"][1]["meeting"]["date"] = json!("2025-11-21")
        }),
        ("QMS-M002", |v| {
            v["management_reviews"][1]["inputs"]
                .as_array_mut()
                .unwrap()
                .remove(7);
        }),
        ("QMS-M003", |v| {
            v["management_reviews"][1]["decisions"][0]["due"] = Value::Null
        }),
        ("QMS-M004", |v| {
            v["management_reviews"][1]["follow_ups"] = json!([])
        }),
        ("QMS-O001", |v| {
            v["quality_objectives"][0]["target"]["unit"] = Value::Null
        }),
        ("QMS-O002", |v| {
            v["quality_objectives"][0]["measurements"][0]["period_end"] = json!("2026-06-30")
        }),
        ("QMS-O003", |v| {
            v["quality_objectives"][0]["measurements"][0]["value"] = json!(97.5)
        }),
        ("QMS-O004", |v| v["quality_objectives"] = json!([])),
        ("QMS-A011", |v| {
            v["audits"][0]["findings"][0]["acknowledgement"] =
                json!({"by": "gd", "date": "2026-05-01"})
        }),
        ("QMS-A012", |v| {
            v["programmes"][0]["planned"][1]["procedures"] = json!([])
        }),
        ("QMS-D005", |v| {
            v["announcements"][0]["decision_number"] = json!("12/QĐ-SNV")
        }),
        ("QMS-D001", |v| {
            v["procedures"][0]["forms"][0]["code"] = json!("BM.01.09")
        }),
        ("QMS-D002", |v| {
            v["registers"]["records"][0]["retention"] = Value::Null
        }),
        ("QMS-D003", |v| {
            v["registers"]["external_documents"][0]["reviewed_on"] = json!("2025-10-01")
        }),
        ("QMS-D004", |v| {
            v["registers"]["records"].as_array_mut().unwrap().remove(1);
        }),
        ("QMS-S001", |v| {
            v["scope"]["exclusions"][0]["reason"] = Value::Null
        }),
        ("QMS-S002", |v| {
            v["scope"]["exclusions"] =
                json!([{"clause": "7.1.5", "reason": "Không dùng thiết bị đo"}]);
            v["announcements"][0]["exclusions"] = json!(["7.1.5"]);
        }),
        ("QMS-S003", |v| {
            v["scope"]["text"] = json!("Giải quyết thủ tục hành chính và hoạt động nội bộ")
        }),
        ("QMS-S004", |_| {}), // see legacy_edition_is_an_error_after_the_deadline
        ("QMS-S005", |v| v["announcements"] = json!([])),
    ]
}

#[test]
fn the_clean_dossier_triggers_nothing() {
    assert_eq!(codes(&clean(), today()), Vec::<&str>::new());
}

#[test]
fn every_rule_fires_on_its_mutation_and_only_it() {
    for (code, mutate) in cases() {
        if code == "QMS-S004" {
            continue;
        }
        let mut v = clean();
        mutate(&mut v);
        let got = codes(&v, today());
        assert!(got.contains(&code), "{code} did not fire: {got:?}");
        assert!(
            got.iter().all(|c| *c == code),
            "{code}: others fired too: {got:?}"
        );
    }
}

#[test]
fn every_rule_has_a_case() {
    let tested: Vec<&str> = cases().iter().map(|c| c.0).collect();
    for r in RULES {
        assert!(tested.contains(&r.code), "{} has no test case", r.code);
    }
}

#[test]
fn legacy_edition_is_an_error_after_the_deadline() {
    let v = json!({"format_version": 1, "id": "x", "agency": {"name": "UBND xã"},
                   "scope": {"edition": "2008", "text": "TTHC"}});
    let d = qms_core::load(v.to_string().as_bytes()).unwrap();
    let after = check(&d, &CheckOptions { today: today() });
    assert!(
        after
            .iter()
            .any(|x| x.code == "QMS-S004" && x.severity == Severity::Error)
    );
    let before = check(
        &d,
        &CheckOptions {
            today: NaiveDate::from_ymd_opt(2021, 6, 1).unwrap(),
        },
    );
    assert!(!before.iter().any(|x| x.code == "QMS-S004"));
}

#[test]
fn own_unit_is_an_error_on_2008_and_a_warning_on_2015() {
    let mut v = clean();
    v["audits"][0]["checklists"][0]["auditor"] = json!("a1");
    let d = qms_core::load(v.to_string().as_bytes()).unwrap();
    let diags = check(&d, &CheckOptions { today: today() });
    let a004 = diags.iter().find(|x| x.code == "QMS-A004").unwrap();
    assert_eq!(a004.severity, Severity::Warning);
    assert_eq!(a004.path.to_string(), "audits[0].checklists[0].auditor");
    assert!(
        a004.message_vi.contains("Lê Thị Hoa"),
        "{}",
        a004.message_vi
    );
    assert_eq!(
        a004.requirement(qms_core::Lang::Vi),
        "TCVN ISO 9001:2015, 9.2.2 c"
    );
}

#[test]
fn settings_disable_rules_change_severity_and_thresholds() {
    let mut v = clean();
    v["management_reviews"][1]["meeting"]["date"] = json!("2026-01-10");
    v["management_reviews"][0]["meeting"]["date"] = json!("2025-01-10");
    let base = codes(&v, today());
    assert!(base.is_empty(), "{base:?}");
    v["settings"] = json!({"thresholds": {"review_interval_months": 6}});
    assert_eq!(codes(&v, today()), ["QMS-M001"]);
    v["settings"]["rules"] = json!({"QMS-M001": {"severity": "info"}});
    let d = qms_core::load(v.to_string().as_bytes()).unwrap();
    assert_eq!(
        check(&d, &CheckOptions { today: today() })[0].severity,
        Severity::Info
    );
    v["settings"]["rules"] = json!({"QMS-M001": {"enabled": false}});
    assert!(codes(&v, today()).is_empty());
    v["settings"]["rules"] = json!({"QMS-Z999": {"enabled": false}});
    let err = qms_core::load(v.to_string().as_bytes()).unwrap_err();
    assert_eq!(err.problems[0].path.to_string(), "settings.rules.QMS-Z999");
}

#[test]
fn time_based_rules_fire_five_years_later() {
    let later = NaiveDate::from_ymd_opt(2031, 11, 23).unwrap();
    let got = codes(&clean(), later);
    for code in ["QMS-A000", "QMS-A003", "QMS-M001", "QMS-D003"] {
        assert!(got.contains(&code), "{code} missing from {got:?}");
    }
}
