#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! A rule that cannot judge because the data it needs is absent says so with an info
//! diagnostic naming what to add, instead of passing silently.

use chrono::NaiveDate;
use qms_core::rules::{CheckOptions, Severity, check};
use serde_json::{Value, json};

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 23).unwrap()
}

fn base() -> Value {
    json!({
        "format_version": 1, "id": "silent",
        "agency": {"name": "UBND xã An Bình"},
        "scope": {"edition": "2015", "text": "Giải quyết thủ tục hành chính"},
        "units": [{"id": "vp", "name": "Văn phòng HĐND và UBND"}, {"id": "vhxh", "name": "Phòng Văn hóa - Xã hội"}],
        "people": [{"id": "ct", "name": "Nguyễn Văn An", "unit": "vp", "roles": ["head"]}],
        "procedures": [
            {"id": "qt7", "code": "QT-07", "title": "Chứng thực bản sao", "kind": "operational", "owner_unit": "vp", "clauses": ["8.1"]}
        ],
        "announcements": [{"id": "cb1", "date": "2025-09-01", "decision_number": "45/QĐ-UBND", "edition": "2015",
                           "scope_text": "Giải quyết thủ tục hành chính", "procedures": ["qt7"]}],
        "corrective_actions": [{"id": "ca1", "source": "complaint", "unit": "vp", "raised_on": "2026-05-14",
                                "state": "proposed", "description": "Trả kết quả chậm"}]
    })
}

fn infos(v: &Value, code: &str) -> Vec<(String, String)> {
    let d = qms_core::load(v.to_string().as_bytes()).expect("valid");
    check(&d, &CheckOptions { today: today() })
        .into_iter()
        .filter(|x| x.code == code && x.severity == Severity::Info)
        .map(|x| (x.path.to_string(), x.message_en.clone()))
        .collect()
}

#[test]
fn one_stop_rule_without_administrative_procedures_says_so() {
    let v = base();
    let got = infos(&v, "QMS-D004");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].1.contains("admin_procedures"));
    let mut v = base();
    v["procedures"][0]["admin_procedures"] = json!([{"code": "2.000815", "name": "Chứng thực bản sao từ bản chính", "processing_days": 1}]);
    assert!(infos(&v, "QMS-D004").is_empty());
}

#[test]
fn root_cause_rule_on_a_request_proposed_past_its_time_says_so() {
    let got = infos(&base(), "QMS-C006");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.ends_with("root_cause"), "{got:?}");
    // Within its time, nothing to say yet.
    let mut v = base();
    v["corrective_actions"][0]["raised_on"] = json!("2026-11-20");
    assert!(infos(&v, "QMS-C006").is_empty());
    // With a cause, nothing either.
    let mut v = base();
    v["corrective_actions"][0]["root_cause"] = json!("Chưa phân công theo dõi hạn");
    assert!(infos(&v, "QMS-C006").is_empty());
}

#[test]
fn reannouncement_rule_without_announced_units_says_so_and_with_them_sees_a_new_unit() {
    let got = infos(&base(), "QMS-S003");
    assert_eq!(got.len(), 1, "{got:?}");
    assert!(got[0].0.ends_with("units"));
    // With the units announced, a unit that joined the scope is a change to announce.
    let mut v = base();
    v["announcements"][0]["units"] = json!(["vp"]);
    let d = qms_core::load(v.to_string().as_bytes()).unwrap();
    let all = check(&d, &CheckOptions { today: today() });
    let s003: Vec<_> = all.iter().filter(|x| x.code == "QMS-S003").collect();
    assert_eq!(s003.len(), 1);
    assert_eq!(s003[0].severity, Severity::Warning);
    assert!(
        s003[0].message_en.contains("units added: vhxh"),
        "{}",
        s003[0].message_en
    );
}

#[test]
fn a_review_input_presented_without_summary_is_info_not_missing() {
    let mut v = base();
    v["management_reviews"] = json!([{"id": "r1", "title": "Xem xét năm 2026",
        "meeting": {"date": "2026-11-10", "chair": "ct", "secretary": "ct"},
        "inputs": [{"topic": "c3", "presenter": "ct"}]}]);
    let d = qms_core::load(v.to_string().as_bytes()).unwrap();
    let m002: Vec<_> = check(&d, &CheckOptions { today: today() })
        .into_iter()
        .filter(|x| x.code == "QMS-M002")
        .collect();
    let info: Vec<_> = m002
        .iter()
        .filter(|x| x.severity == Severity::Info)
        .collect();
    assert_eq!(info.len(), 1, "{m002:?}");
    assert_eq!(
        info[0].path.to_string(),
        "management_reviews[0].inputs[0].summary"
    );
    // c3 is not also reported missing; the inputs never given still are.
    assert!(
        !m002
            .iter()
            .any(|x| x.severity != Severity::Info && x.message_en.contains("input c3)"))
    );
    assert!(
        m002.iter()
            .any(|x| x.severity == Severity::Warning && x.message_en.contains("input c1)"))
    );
    // With a summary, nothing about c3.
    v["management_reviews"][0]["inputs"][0]["summary"] = json!("Tỷ lệ hồ sơ đúng hạn 99%");
    let d = qms_core::load(v.to_string().as_bytes()).unwrap();
    assert!(
        !check(&d, &CheckOptions { today: today() })
            .iter()
            .any(|x| x.code == "QMS-M002" && x.message_en.contains("input c3)"))
    );
}
