#![allow(clippy::unwrap_used, clippy::expect_used)]

use super::*;
use std::collections::{HashMap, HashSet};
use unicode_normalization::is_nfc;

fn procedure(id: &str, code: &str, title: &str, kind: ProcedureKind) -> Procedure {
    // Built from JSON so that optional fields added to the model later need no change here.
    serde_json::from_value(serde_json::json!({
        "id": id, "code": code, "title": title, "kind": kind, "owner_unit": "vp"
    }))
    .unwrap()
}

fn strings(ids: &[&str]) -> Vec<String> {
    ids.iter().map(|s| s.to_string()).collect()
}

fn position(edition: Edition, id: &str) -> usize {
    catalog::clauses(edition)
        .iter()
        .position(|c| c.id == id)
        .unwrap()
}

#[test]
fn clauses_are_known_and_ids_consistent() {
    for edition in Edition::ALL {
        let mut numbering: HashMap<&str, usize> = HashMap::new();
        for q in questions(edition) {
            assert!(!q.clauses.is_empty(), "{} has no clause", q.id);
            let distinct: HashSet<&&str> = q.clauses.iter().collect();
            assert_eq!(distinct.len(), q.clauses.len(), "{} repeats a clause", q.id);
            for c in q.clauses {
                assert!(
                    catalog::is_known(edition, c),
                    "{}: unknown clause {c}",
                    q.id
                );
            }
            // "<year>-<clause>-<nn>": the id's clause is known and contains the first clause,
            // and the numbers run 01, 02, ... per id clause.
            let mut parts = q.id.splitn(3, '-');
            let (year, clause, number) = (
                parts.next().unwrap(),
                parts.next().unwrap(),
                parts.next().unwrap(),
            );
            assert_eq!(year, edition.year(), "{}", q.id);
            assert!(catalog::is_known(edition, clause), "{}", q.id);
            assert!(catalog::is_within(clause, q.clauses[0]), "{}", q.id);
            let n = numbering.entry(clause).or_insert(0);
            *n += 1;
            assert_eq!(number, format!("{n:02}"), "numbering of {}", q.id);
        }
    }
}

#[test]
fn ids_are_unique() {
    let mut seen = HashSet::new();
    for edition in Edition::ALL {
        for q in questions(edition) {
            assert!(seen.insert(q.id), "duplicate id {}", q.id);
        }
    }
}

#[test]
fn tables_are_in_clause_order() {
    for edition in Edition::ALL {
        let positions: Vec<usize> = questions(edition)
            .iter()
            .map(|q| position(edition, q.clauses[0]))
            .collect();
        assert!(
            positions.windows(2).all(|w| w[0] <= w[1]),
            "{edition} out of order"
        );
    }
}

#[test]
fn strings_are_nfc_trimmed_and_non_empty() {
    for edition in Edition::ALL {
        for q in questions(edition) {
            for s in [q.question_vi, q.question_en, q.guidance_vi, q.guidance_en] {
                assert!(!s.trim().is_empty(), "{}: empty text", q.id);
                assert_eq!(s.trim(), s, "{}: untrimmed text", q.id);
                assert!(is_nfc(s), "{}: not NFC", q.id);
                assert!(!s.contains("  "), "{}: double space", q.id);
            }
            assert!(q.question_vi.ends_with('?'), "{}", q.id);
            assert!(q.question_en.ends_with('?'), "{}", q.id);
            assert_ne!(q.question_vi, q.question_en, "{}", q.id);
        }
    }
}

#[test]
fn placeholder_only_in_per_procedure_questions() {
    for edition in Edition::ALL {
        for q in questions(edition) {
            let per_procedure = matches!(
                q.scope,
                QuestionScope::PerProcedure | QuestionScope::AdminProcedure
            );
            for s in [q.question_vi, q.question_en] {
                assert_eq!(s.contains(PROCEDURE_PLACEHOLDER), per_procedure, "{}", q.id);
            }
            for s in [q.question_vi, q.question_en, q.guidance_vi, q.guidance_en] {
                // No other braces: the placeholder is the only template syntax.
                let rest = s.replace(PROCEDURE_PLACEHOLDER, "");
                assert!(!rest.contains('{') && !rest.contains('}'), "{}", q.id);
            }
        }
    }
}

#[test]
fn every_level2_clause_of_2015_is_covered() {
    let e = Edition::Iso9001_2015;
    let level2: Vec<&str> = catalog::clauses(e)
        .iter()
        .filter(|c| c.depth() == 2)
        .map(|c| c.id)
        .collect();
    assert_eq!(level2.len(), 28);
    for id in level2 {
        assert!(
            questions(e)
                .iter()
                .any(|q| q.clauses.iter().any(|c| catalog::is_within(id, c))),
            "no question on {id}"
        );
    }
}

#[test]
fn important_level3_clauses_of_2015_are_covered() {
    let e = Edition::Iso9001_2015;
    let wanted = [
        "4.4.1", "4.4.2", "5.1.1", "5.1.2", "5.2.1", "5.2.2", "6.1.1", "6.1.2", "6.2.1", "6.2.2",
        "7.1.1", "7.1.2", "7.1.3", "7.1.4", "7.1.5", "7.1.5.1", "7.1.5.2", "7.1.6", "7.5.1",
        "7.5.2", "7.5.3", "7.5.3.1", "7.5.3.2", "8.2.1", "8.2.2", "8.2.3", "8.2.4", "8.3.2",
        "8.3.6", "8.4.1", "8.4.2", "8.4.3", "8.5.1", "8.5.2", "8.5.3", "8.5.4", "8.5.5", "8.5.6",
        "8.7.1", "8.7.2", "9.1.1", "9.1.2", "9.1.3", "9.2.1", "9.2.2", "9.3.1", "9.3.2", "9.3.3",
        "10.2.1", "10.2.2",
    ];
    for id in wanted {
        assert!(
            questions(e)
                .iter()
                .any(|q| q.clauses.iter().any(|c| catalog::is_within(id, c))),
            "no question on {id}"
        );
    }
}

#[test]
fn every_level2_clause_of_2008_is_covered() {
    let e = Edition::Iso9001_2008;
    let level2: Vec<&str> = catalog::clauses(e)
        .iter()
        .filter(|c| c.depth() == 2)
        .map(|c| c.id)
        .collect();
    assert_eq!(level2.len(), 23);
    for id in level2 {
        assert!(
            questions(e)
                .iter()
                .any(|q| q.clauses.iter().any(|c| catalog::is_within(id, c))),
            "no question on {id}"
        );
    }
    // The 2008 wording the agencies' documents use.
    let all: String = questions(e)
        .iter()
        .map(|q| q.question_vi)
        .collect::<Vec<_>>()
        .join(" ");
    for term in [
        "sổ tay chất lượng",
        "thủ tục dạng văn bản",
        "Đại diện lãnh đạo",
        "hành động phòng ngừa",
        "sản phẩm không phù hợp",
        "chuyên gia đánh giá không đánh giá công việc của mình",
    ] {
        assert!(all.contains(term), "2008 template lacks \"{term}\"");
    }
}

#[test]
fn sizes_and_scopes() {
    let q15 = questions(Edition::Iso9001_2015);
    let q08 = questions(Edition::Iso9001_2008);
    assert!((80..=110).contains(&q15.len()), "2015: {}", q15.len());
    assert!((40..=65).contains(&q08.len()), "2008: {}", q08.len());
    for qs in [q15, q08] {
        for scope in [
            QuestionScope::Agency,
            QuestionScope::EveryUnit,
            QuestionScope::PerProcedure,
            QuestionScope::AdminProcedure,
        ] {
            assert!(qs.iter().any(|q| q.scope == scope), "{scope:?} unused");
        }
    }
    // The one-stop-shop records the inspections found missing are asked for.
    let text: String = q15.iter().map(|q| q.question_vi).collect();
    assert!(text.contains("Giấy tiếp nhận hồ sơ và hẹn trả kết quả"));
    assert!(text.contains("Phiếu kiểm soát quá trình giải quyết hồ sơ"));
    assert!(text.contains("Văn bản xin lỗi và đề nghị gia hạn"));
}

#[test]
fn accessors_pick_the_language() {
    let q = &questions(Edition::Iso9001_2015)[0];
    assert_eq!(q.question(Lang::Vi), q.question_vi);
    assert_eq!(q.question(Lang::En), q.question_en);
    assert_eq!(q.guidance(Lang::Vi), q.guidance_vi);
    assert_eq!(q.guidance(Lang::En), q.guidance_en);
}

#[test]
fn instantiate_filters_by_clause_both_ways() {
    let e = Edition::Iso9001_2015;
    // A requested ancestor matches questions on its sub-clauses.
    let items = instantiate(e, &strings(&["7.5"]), &[], &[], true, Lang::Vi);
    assert!(!items.is_empty());
    for item in &items {
        assert!(
            item.clauses.iter().any(|c| catalog::is_within("7.5", c)),
            "{}",
            item.template
        );
    }
    assert!(items.iter().any(|i| i.template == "2015-7.5.3-01"));
    // A requested descendant matches questions on its ancestors.
    let items = instantiate(e, &strings(&["7.5.3.2"]), &[], &[], true, Lang::Vi);
    assert!(items.iter().any(|i| i.template == "2015-7.5.3-04"));
    assert!(items.iter().all(|i| i.template.starts_with("2015-7.5.3-")));
    let items = instantiate(e, &strings(&["4.4.1"]), &[], &[], true, Lang::Vi);
    let ids: Vec<&str> = items.iter().map(|i| i.template).collect();
    assert_eq!(ids, ["2015-4.4-01", "2015-4.4-02"]); // on "4.4" and on "4.4"/"4.4.1"
    // Empty means all.
    let all = instantiate(e, &[], &[], &[], true, Lang::Vi);
    let no_procedure = questions(e)
        .iter()
        .filter(|q| matches!(q.scope, QuestionScope::Agency | QuestionScope::EveryUnit))
        .count();
    assert_eq!(all.len(), no_procedure);
    // Unknown or blank requests match nothing.
    assert!(instantiate(e, &strings(&["11"]), &[], &[], true, Lang::Vi).is_empty());
    assert!(instantiate(e, &strings(&[""]), &[], &[], true, Lang::Vi).is_empty());
}

#[test]
fn instantiate_drops_excluded_clauses() {
    let e = Edition::Iso9001_2015;
    let all = instantiate(e, &[], &[], &[], true, Lang::Vi);
    assert!(all.iter().any(|i| i.template == "2015-8.3-01"));
    let items = instantiate(e, &[], &strings(&["8.3"]), &[], true, Lang::Vi);
    assert!(items.iter().all(|i| !i.template.starts_with("2015-8.3-")));
    assert_eq!(all.len() - items.len(), 2);
    // A question is dropped only when all its clauses are excluded.
    let ops = procedure("qt9", "QT-09", "Cấp giấy phép", ProcedureKind::Operational);
    let items = instantiate(
        e,
        &strings(&["8.7"]),
        &strings(&["8.7"]),
        &[&ops],
        true,
        Lang::Vi,
    );
    let ids: Vec<&str> = items.iter().map(|i| i.template).collect();
    assert_eq!(ids, ["2015-8.5.1-04"]); // on 8.5.1 and 8.7
    // Excluding a sub-clause does not drop a question on its parent.
    let items = instantiate(
        e,
        &strings(&["7.1.5"]),
        &strings(&["7.1.5.2"]),
        &[],
        true,
        Lang::Vi,
    );
    let ids: Vec<&str> = items.iter().map(|i| i.template).collect();
    assert_eq!(ids, ["2015-7.1.5-01"]);
}

#[test]
fn instantiate_respects_agency_level() {
    let e = Edition::Iso9001_2015;
    let unit = instantiate(e, &[], &[], &[], false, Lang::Vi);
    assert!(!unit.is_empty());
    for item in &unit {
        let q = questions(e).iter().find(|q| q.id == item.template).unwrap();
        assert_eq!(q.scope, QuestionScope::EveryUnit, "{}", q.id);
    }
    // Management review is asked of the leadership only.
    let review = instantiate(e, &strings(&["9.3"]), &[], &[], false, Lang::Vi);
    assert!(review.is_empty());
    let review = instantiate(e, &strings(&["9.3"]), &[], &[], true, Lang::Vi);
    assert_eq!(review.len(), 3);
}

#[test]
fn instantiate_expands_procedures() {
    let e = Edition::Iso9001_2015;
    let ops = procedure(
        "qt05",
        "QT-05",
        "Quy trình cấp giấy chứng nhận quyền sử dụng đất",
        ProcedureKind::Operational,
    );
    let sys = procedure(
        "qt01",
        "QT-01",
        "Quy trình kiểm soát thông tin dạng văn bản",
        ProcedureKind::System,
    );
    let procs = [&ops, &sys];
    let items = instantiate(e, &[], &[], &procs, false, Lang::Vi);

    let per_procedure = questions(e)
        .iter()
        .filter(|q| q.scope == QuestionScope::PerProcedure)
        .count();
    let admin = questions(e)
        .iter()
        .filter(|q| q.scope == QuestionScope::AdminProcedure)
        .count();
    let every_unit = questions(e)
        .iter()
        .filter(|q| q.scope == QuestionScope::EveryUnit)
        .count();
    assert_eq!(items.len(), every_unit + 2 * per_procedure + admin);

    for item in &items {
        assert!(
            !item.question.contains(PROCEDURE_PLACEHOLDER),
            "{}",
            item.template
        );
        assert!(
            !item.guidance.contains(PROCEDURE_PLACEHOLDER),
            "{}",
            item.template
        );
        let q = questions(e).iter().find(|q| q.id == item.template).unwrap();
        match q.scope {
            QuestionScope::Agency => panic!("agency question at unit level"),
            QuestionScope::EveryUnit => assert_eq!(item.procedure, None),
            QuestionScope::PerProcedure => assert!(item.procedure.is_some()),
            QuestionScope::AdminProcedure => {
                assert_eq!(item.procedure.as_deref(), Some("qt05"), "{}", q.id);
            }
        }
        match item.procedure.as_deref() {
            Some("qt05") => assert!(
                item.question
                    .contains("QT-05 Quy trình cấp giấy chứng nhận quyền sử dụng đất")
            ),
            Some("qt01") => assert!(
                item.question
                    .contains("QT-01 Quy trình kiểm soát thông tin dạng văn bản")
            ),
            Some(other) => panic!("unexpected procedure {other}"),
            None => {}
        }
        assert_eq!(
            item.clauses,
            q.clauses.iter().map(|c| c.to_string()).collect::<Vec<_>>()
        );
    }
    let exemplar: Vec<&TemplateItem> = items
        .iter()
        .filter(|i| i.template == "2015-8.5.1-02")
        .collect();
    assert_eq!(exemplar.len(), 1);
    assert_eq!(
        exemplar[0].question,
        "Hồ sơ giải quyết TTHC theo QT-05 Quy trình cấp giấy chứng nhận quyền sử dụng đất có đủ thành phần, đúng trình tự và thời hạn không?"
    );

    // Per-procedure questions follow the order of the procedures given.
    let pp: Vec<(&str, Option<&str>)> = items
        .iter()
        .filter(|i| i.template == "2015-7.5.2-02")
        .map(|i| (i.template, i.procedure.as_deref()))
        .collect();
    assert_eq!(
        pp,
        [
            ("2015-7.5.2-02", Some("qt05")),
            ("2015-7.5.2-02", Some("qt01"))
        ]
    );

    // Without operational procedures, no administrative-procedure question is asked.
    let items = instantiate(e, &[], &[], &[&sys], true, Lang::En);
    assert!(items.iter().all(|i| {
        questions(e)
            .iter()
            .find(|q| q.id == i.template)
            .is_some_and(|q| q.scope != QuestionScope::AdminProcedure)
    }));
    assert!(items.iter().any(|i| {
        i.question
            .contains("QT-01 Quy trình kiểm soát thông tin dạng văn bản")
    }));
}

#[test]
fn instantiate_orders_by_clause_then_template() {
    for edition in Edition::ALL {
        let ops = procedure("a", "QT-10", "Giải quyết TTHC", ProcedureKind::Operational);
        let other = procedure("b", "QT-11", "Quy trình nội bộ", ProcedureKind::Internal);
        let items = instantiate(edition, &[], &[], &[&ops, &other], true, Lang::En);
        let keys: Vec<(usize, usize)> = items
            .iter()
            .map(|i| {
                let index = questions(edition)
                    .iter()
                    .position(|q| q.id == i.template)
                    .unwrap();
                (position(edition, &i.clauses[0]), index)
            })
            .collect();
        assert!(keys.windows(2).all(|w| w[0] <= w[1]), "{edition}");
        // Every template shows up.
        let used: HashSet<&str> = items.iter().map(|i| i.template).collect();
        assert_eq!(used.len(), questions(edition).len());
    }
}

#[test]
fn instantiate_2008_uses_its_own_catalog() {
    let e = Edition::Iso9001_2008;
    let ops = procedure(
        "qt3",
        "QT-03",
        "Đăng ký khai sinh",
        ProcedureKind::Operational,
    );
    let items = instantiate(e, &strings(&["8.2.2"]), &[], &[&ops], true, Lang::Vi);
    assert!(items.len() >= 5);
    assert!(
        items
            .iter()
            .any(|i| i.question.contains("không đánh giá công việc của mình"))
    );
    // 2015 numbering means something else in 2008: "9.2" is not a 2008 clause.
    assert!(instantiate(e, &strings(&["9.2"]), &[], &[&ops], true, Lang::Vi).is_empty());
    let items = instantiate(e, &strings(&["7.5"]), &[], &[&ops], false, Lang::Vi);
    assert!(
        items.iter().any(
            |i| i.template == "2008-7.5.1-01" && i.question.contains("QT-03 Đăng ký khai sinh")
        )
    );
}

#[test]
fn serialises_in_snake_case() {
    let json = serde_json::to_value(QuestionScope::AdminProcedure).unwrap();
    assert_eq!(json, "admin_procedure");
    let json = serde_json::to_value(questions(Edition::Iso9001_2015)[0]).unwrap();
    assert_eq!(json["id"], "2015-4.1-01");
    assert_eq!(json["clauses"][0], "4.1");
    assert_eq!(json["scope"], "agency");
}
