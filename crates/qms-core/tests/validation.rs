#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The loader reports every problem at once, with paths into the user's file.

use qms_core::{Lang, load, load_report};
use serde_json::{Value, json};

fn base() -> Value {
    json!({
        "format_version": 1,
        "id": "test",
        "agency": {"name": "Sở Tư pháp tỉnh Ninh Bình"},
        "scope": {"edition": "2015", "text": "Giải quyết TTHC", "exclusions": [{"clause": "8.3", "reason": "Không thiết kế"}]},
        "units": [{"id": "vp", "name": "Văn phòng", "head": "p1"}, {"id": "hc", "name": "Phòng Hành chính tư pháp"}],
        "people": [
            {"id": "p1", "name": "Trần Văn Bình", "unit": "vp", "roles": ["head"]},
            {"id": "p2", "name": "Lê Thị Hoa", "unit": "hc", "roles": ["internal_auditor"]}
        ],
        "procedures": [{"id": "qt1", "code": "QT-01", "title": "Kiểm soát tài liệu", "kind": "system", "owner_unit": "vp", "clauses": ["7.5"]}],
        "audits": [{
            "id": "a1", "title": "Đánh giá nội bộ 2026",
            "plan": {"start": "2026-05-12", "end": "2026-05-13", "team": [{"person": "p2", "role": "lead"}]},
            "checklists": [{"id": "c1", "unit": "vp", "auditor": "p2", "items": [
                {"id": "i1", "clauses": ["7.5.3"], "question": "Tài liệu có được kiểm soát?", "result": "nonconform"},
                {"id": "i2", "clauses": ["9.2.2"], "question": "Có chương trình đánh giá?"}
            ]}],
            "findings": [{"id": "f1", "kind": "minor_nonconformity", "unit": "vp", "clauses": ["7.5.3"],
                          "checklist": "c1", "item": "i1", "statement": "Danh mục tài liệu chưa cập nhật"}]
        }],
        "corrective_actions": [{"id": "ca1", "source": "internal_audit", "finding": "f1", "unit": "vp",
                                "raised_on": "2026-05-14", "state": "proposed"}]
    })
}

fn text(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap()
}

fn problems(v: &Value) -> Vec<(String, String, String)> {
    load_report(text(v).as_bytes())
        .problems
        .iter()
        .map(|p| (p.code().to_owned(), p.path.to_string(), p.message(Lang::En)))
        .collect()
}

#[test]
fn the_base_dossier_is_valid() {
    assert_eq!(problems(&base()), vec![]);
    assert!(load(text(&base()).as_bytes()).is_ok());
}

#[test]
fn every_kind_of_reference_problem_is_reported_at_once() {
    let mut v = base();
    v["units"][1]["id"] = json!("vp"); // duplicate
    v["people"][1]["unit"] = json!("ktx"); // dangling unit
    v["audits"][0]["findings"][0]["clauses"] = json!(["7.5.3", "9.9"]); // unknown clause
    v["audits"][0]["plan"]["end"] = json!("2026-05-01"); // end before start
    v["corrective_actions"][0]["finding"] = json!("f9"); // dangling finding
    v["audits"][0]["findings"][0]["item"] = json!("i7"); // dangling item
    let got = problems(&v);
    let paths: Vec<&str> = got.iter().map(|p| p.1.as_str()).collect();
    // Problems come in file order (serde_json writes keys sorted, so "audits" comes first).
    assert_eq!(
        paths,
        [
            "audits[0].findings[0].clauses[1]",
            "audits[0].findings[0].item",
            "audits[0].plan.end",
            "corrective_actions[0].finding",
            "people[1].unit", // "hc" was renamed to the duplicate "vp", so p2's unit dangles
            "units[1].id",
        ]
    );
    let codes: Vec<&str> = got.iter().map(|p| p.0.as_str()).collect();
    for code in ["QMS-V003", "QMS-V004", "QMS-V005", "QMS-V006"] {
        assert!(codes.contains(&code), "{code} missing from {got:?}");
    }
    assert!(got.iter().any(|p| p.1 == "audits[0].findings[0].clauses[1]"
        && p.2 == "unknown clause \"9.9\" in TCVN ISO 9001:2015"));
    assert_eq!(got.len(), 6, "{got:#?}");
}

#[test]
fn structure_problems_in_several_elements_are_all_reported_with_original_indices() {
    let mut v = base();
    v["units"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "x", "name": "X", "colour": "đỏ"}));
    v["units"].as_array_mut().unwrap().push(json!({"id": "y"}));
    v["units"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": "z", "name": "Z"}));
    v["units"]
        .as_array_mut()
        .unwrap()
        .push(json!({"id": 5, "name": "W"}));
    v["audits"][0]["checklists"][0]["items"][1]["result"] = json!("phù hợp");
    v["corrective_actions"][0]["raised_on"] = json!("2026-02-30");
    let got = problems(&v);
    let want = [
        ("QMS-V002", "units[2].colour"),
        ("QMS-V002", "units[3]"),
        ("QMS-V002", "units[5].id"),
        ("QMS-V002", "audits[0].checklists[0].items[1].result"),
        ("QMS-V002", "corrective_actions[0].raised_on"),
    ];
    for (code, path) in want {
        assert!(
            got.iter().any(|p| p.0 == code && p.1 == path),
            "{path} missing from {got:#?}"
        );
    }
    // The set-aside records keep their ids known: nothing else is reported as dangling.
    assert_eq!(got.len(), want.len(), "{got:#?}");
    let msgs: Vec<&str> = got.iter().map(|p| p.2.as_str()).collect();
    assert!(msgs.iter().any(|m| m.contains("unknown field \"colour\"")));
    assert!(
        msgs.iter()
            .any(|m| m.contains("missing required field \"name\""))
    );
    assert!(msgs.iter().any(|m| m.contains("invalid date")));
}

#[test]
fn lines_and_columns_point_into_the_file() {
    let mut v = base();
    v["procedures"][0]["owner_unit"] = json!("ktx");
    let t = text(&v);
    let line = t
        .lines()
        .position(|l| l.contains("\"owner_unit\": \"ktx\""))
        .unwrap()
        + 1;
    let report = load_report(t.as_bytes());
    assert_eq!(report.problems.len(), 1);
    assert_eq!(report.problems[0].line, Some(line));
}

#[test]
fn a_truncated_file_names_line_and_column() {
    let t = text(&base());
    let cut = &t[..t.len() / 2];
    let report = load_report(cut.as_bytes());
    assert_eq!(report.problems.len(), 1);
    let p = &report.problems[0];
    assert_eq!(p.code(), "QMS-V001");
    assert_eq!(p.line, Some(cut.lines().count()));
    assert!(p.message(Lang::Vi).contains("cắt cụt"));
}

#[test]
fn text_is_nfc_normalised_with_or_without_escapes_and_bom() {
    let decomposed = "Nguye\u{302}\u{303}n Thi\u{323} Hoa"; // Nguyễn Thị Hoa, typed with combining marks
    let mut v = base();
    v["people"][1]["name"] = json!(decomposed);
    let plain = text(&v);
    let escaped = plain.replace('\u{302}', "\\u0302");
    let mut bom = b"\xEF\xBB\xBF".to_vec();
    bom.extend_from_slice(plain.as_bytes());
    for bytes in [plain.as_bytes().to_vec(), escaped.into_bytes(), bom] {
        let d = load(&bytes).unwrap();
        assert_eq!(d.people[1].name, "Nguyễn Thị Hoa");
    }
}

#[test]
fn not_utf8_and_unknown_version_are_reported() {
    let report = load_report(b"{\"id\": \"\xff\"}");
    assert_eq!(report.problems[0].code(), "QMS-V008");
    let mut v = base();
    v["format_version"] = json!(2);
    assert_eq!(problems(&v)[0].1, "format_version");
}

#[test]
fn grading_setting_governs_nonconformity_kinds() {
    let mut v = base();
    v["audits"][0]["findings"][0]["kind"] = json!("nonconformity");
    assert_eq!(problems(&v)[0].1, "audits[0].findings[0].kind");
    v["settings"] = json!({"grade_nonconformities": false});
    assert_eq!(problems(&v), vec![]);
    v["audits"][0]["findings"][0]["kind"] = json!("major_nonconformity");
    assert_eq!(problems(&v).len(), 1);
}

#[test]
fn review_topics_follow_the_edition() {
    let mut v = base();
    v["management_reviews"] = json!([{
        "id": "r1", "title": "Họp xem xét của lãnh đạo năm 2026",
        "meeting": {"date": "2026-11-10", "chair": "p1", "secretary": "p2"},
        "inputs": [{"topic": "c3", "summary": "Tỷ lệ đúng hạn 98,7%"}, {"topic": "g", "summary": "?"}],
        "decisions": [{"id": "d1", "output": "d", "content": "Bổ sung nhân lực"}]
    }]);
    let got = problems(&v);
    let paths: Vec<&str> = got.iter().map(|p| p.1.as_str()).collect();
    assert_eq!(
        paths,
        [
            "management_reviews[0].decisions[0].output",
            "management_reviews[0].inputs[1].topic"
        ]
    );
    v["scope"]["edition"] = json!("2008");
    v["scope"]["exclusions"] = json!([{"clause": "7.3", "reason": "Không thiết kế"}]);
    v["procedures"][0]["clauses"] = json!(["4.2.3"]);
    v["audits"][0]["checklists"][0]["items"][0]["clauses"] = json!(["4.2.3"]);
    v["audits"][0]["checklists"][0]["items"][1]["clauses"] = json!(["8.2.2"]);
    v["audits"][0]["findings"][0]["clauses"] = json!(["4.2.3"]);
    let got = problems(&v);
    let paths: Vec<&str> = got.iter().map(|p| p.1.as_str()).collect();
    // "c3" is not a 2008 input; "g" is; "d" is not a 2008 output.
    assert_eq!(
        paths,
        [
            "management_reviews[0].decisions[0].output",
            "management_reviews[0].inputs[0].topic"
        ]
    );
}

/// A number where one of a list of words is wanted says so in plain words, in both
/// languages: serde's "expected string or map" (an enum read from a buffered value) reached
/// the user as "cần string or map".
#[test]
fn a_wrong_type_for_a_word_list_is_said_in_plain_words() {
    let mut v = base();
    v["audits"][0]["checklists"][0]["items"][0]["result"] = json!(12345);
    // Two broken elements: the loader then reads the items from a buffered value.
    v["audits"][0]["checklists"][0]["items"][1]["result"] = json!(true);
    let report = load_report(text(&v).as_bytes());
    assert_eq!(report.problems.len(), 2, "{:?}", report.problems);
    for p in &report.problems {
        let (vi, en) = (p.message(Lang::Vi), p.message(Lang::En));
        assert!(vi.contains("một trong các giá trị cho phép"), "{vi}");
        assert!(en.contains("one of the allowed words"), "{en}");
        assert!(!vi.contains("string or map") && !en.contains("string or map"));
    }
}

/// Syntax errors speak Vietnamese in the Vietnamese message: serde_json's own words
/// ("expected `,` or `}`", "EOF while parsing a value") reached the secretary as they were.
#[test]
fn syntax_errors_are_worded_in_vietnamese() {
    for (text, words) in [
        (r#"{"id": "a" "x": 1}"#, "cần dấu `,` hoặc `}`"),
        (r#"{"id": "a",}"#, "dấu phẩy thừa"),
        (r#"{"id": "#, "tệp hết khi còn chờ một giá trị"),
        (r#"{"id": "abc"#, "tệp hết giữa một chuỗi"),
        (r#"{"id" "a"}"#, "thiếu dấu `:`"),
        (r#"{"id": tru}"#, "từ không hợp lệ"),
        (r#"{"id": "a"} x"#, "còn ký tự sau khi hồ sơ đã kết thúc"),
        ("{\"id\": \"a\tb\"}", "ký tự điều khiển trong chuỗi"),
        (r#"{id: 1}"#, "tên trường phải là chuỗi"),
    ] {
        let report = load_report(text.as_bytes());
        let p = &report.problems[0];
        let vi = p.message(Lang::Vi);
        assert!(vi.contains(words), "{text}: {vi}");
        for english in ["expected", "EOF", "trailing", "while parsing", "must be"] {
            assert!(!vi.contains(english), "{text}: {vi}");
        }
        // The English message keeps serde_json's words.
        assert!(!p.message(Lang::En).contains(words), "{text}");
    }
}

/// A file holding a list, a string or a number instead of the dossier gets one problem at its
/// start, in plain words: a list gave "invalid length 1, expected struct Dossier with 18
/// elements" and then a problem for each of its elements.
#[test]
fn a_file_that_is_not_an_object_gets_one_plain_problem() {
    for (text, vi, en) in [
        (
            "[1, 2, 3]",
            "gặp một danh sách [ … ], cần một đối tượng { … }",
            "found a list [ … ], expected an object { … }",
        ),
        (
            "\n  \"Sở Tư pháp\"",
            "gặp chuỗi \"Sở Tư pháp\"",
            "found the string \"Sở Tư pháp\"",
        ),
        ("42", "gặp số 42", "found the number 42"),
        ("null", "gặp null", "found null"),
    ] {
        let report = load_report(text.as_bytes());
        assert!(report.dossier.is_none());
        assert_eq!(report.problems.len(), 1, "{text}: {:?}", report.problems);
        let p = &report.problems[0];
        assert_eq!(p.code(), "QMS-V002");
        assert!(p.message(Lang::Vi).contains(vi), "{}", p.message(Lang::Vi));
        assert!(p.message(Lang::En).contains(en), "{}", p.message(Lang::En));
        // At the value, past leading blank lines.
        let expected = if text.starts_with('\n') {
            (2, 3)
        } else {
            (1, 1)
        };
        assert_eq!(
            (p.line, p.column),
            (Some(expected.0), Some(expected.1)),
            "{text}"
        );
    }
}
