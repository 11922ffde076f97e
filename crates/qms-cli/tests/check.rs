#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! `qms check`, `qms rules` and `qms convert` end to end, with reviewed snapshots of what the
//! example dossiers get. `QMS_UPDATE_SNAPSHOTS=1 cargo test -p qms-cli --test check` rewrites
//! the snapshots; review the diff before committing.

use std::path::PathBuf;
use std::process::{Command, Output};

fn qms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qms"))
        .current_dir(repo())
        .args(args)
        .output()
        .expect("qms runs")
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn snapshot(name: &str, actual: &str) {
    let path = repo().join("tests/snapshots").join(name);
    if std::env::var_os("QMS_UPDATE_SNAPSHOTS").is_some() {
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_default();
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(a, b)| a != b)
            .unwrap_or(expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the snapshot at line {}:\n  snapshot: {:?}\n  actual:   {:?}\nrun QMS_UPDATE_SNAPSHOTS=1 cargo test -p qms-cli --test check and review the diff",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first)
        );
    }
}

#[test]
fn example_diagnostics_match_the_reviewed_snapshots() {
    for (file, name) in [
        ("examples/so-khcn-ninh-binh.json", "so-khcn-ninh-binh"),
        (
            "examples/ubnd-xa-tan-thanh-2008.json",
            "ubnd-xa-tan-thanh-2008",
        ),
    ] {
        for lang in ["vi", "en"] {
            let o = qms(&["check", file, "--today", "2026-11-23", "--lang", lang]);
            assert_eq!(o.status.code(), Some(1), "the examples have planted errors");
            let grouped = String::from_utf8(o.stdout).unwrap();
            // The default view of a real dossier fits on one screen.
            assert!(grouped.lines().count() <= 60, "{name} {lang}: {grouped}");
            snapshot(&format!("{name}.check.{lang}.txt"), &grouped);
            let o = qms(&[
                "check",
                file,
                "--today",
                "2026-11-23",
                "--lang",
                lang,
                "--full",
            ]);
            assert_eq!(o.status.code(), Some(1));
            snapshot(
                &format!("{name}.check-full.{lang}.txt"),
                &String::from_utf8(o.stdout).unwrap(),
            );
        }
    }
}

#[test]
fn time_based_rules_fire_five_years_later() {
    let o = qms(&[
        "check",
        "examples/so-khcn-ninh-binh.json",
        "--today",
        "2031-11-24",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let codes: Vec<&str> = v["data"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for code in [
        "QMS-A000", "QMS-A003", "QMS-M001", "QMS-C002", "QMS-D003", "QMS-O002",
    ] {
        assert!(codes.contains(&code), "{code} missing from {codes:?}");
    }
    let now = qms(&[
        "check",
        "examples/so-khcn-ninh-binh.json",
        "--today",
        "2026-11-23",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&now.stdout).unwrap();
    let codes: Vec<&str> = v["data"]["diagnostics"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["code"].as_str().unwrap())
        .collect();
    for code in ["QMS-A000", "QMS-A003", "QMS-M001"] {
        assert!(!codes.contains(&code), "{code} should not fire in 2026");
    }
    // JSON diagnostics point into the file.
    let first = &v["data"]["diagnostics"][0];
    assert!(
        first["line"].as_u64().unwrap() > 1 && !first["requirement"].as_str().unwrap().is_empty()
    );
}

#[test]
fn check_on_an_invalid_dossier_reports_its_problems() {
    let o = qms(&[
        "check",
        "tests/fixtures/so-khcn-5-loi.json",
        "--today",
        "2026-11-23",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stdout).contains("5 problem(s)"));
}

#[test]
fn rules_lists_every_rule() {
    let o = qms(&["rules", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let rules = v["data"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), qms_core::rules::RULES.len());
    assert!(
        rules
            .iter()
            .all(|r| !r["title_vi"].as_str().unwrap().is_empty())
    );
    let text = String::from_utf8(qms(&["rules"]).stdout).unwrap();
    assert!(
        text.contains("QMS-A004") && text.contains("Chuyên gia đánh giá chính đơn vị của mình")
    );
}

#[test]
fn convert_migrates_the_2008_example_and_reports_ambiguities() {
    let out = std::env::temp_dir().join(format!("qms-convert-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let o = qms(&[
        "convert",
        "examples/ubnd-xa-tan-thanh-2008.json",
        "--to",
        "2015",
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert!(o.status.success(), "{o:?}");
    let text = String::from_utf8(o.stdout).unwrap();
    assert!(
        text.contains("clause 4.2.3 (2008) corresponds to several 2015 clauses: 7.5.2, 7.5.3"),
        "{text}"
    );
    assert!(qms(&["validate", out.to_str().unwrap()]).status.success());
    let d = qms_core::load(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(d.scope.edition, qms_core::Edition::Iso9001_2015);
    let f = &d.audits[0].findings[2];
    assert_eq!(f.legacy_clauses, ["4.2.3"]);
    assert_eq!(f.clauses, ["7.5.2", "7.5.3"]);
    let o = qms(&[
        "check",
        out.to_str().unwrap(),
        "--today",
        "2026-11-23",
        "--format",
        "json",
    ]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(
        !v["data"]["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .any(|d| d["code"] == "QMS-S004")
    );
    // Converting twice is refused; the first output is never overwritten silently.
    let again = qms(&[
        "convert",
        out.to_str().unwrap(),
        "--to",
        "2015",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(again.status.code(), Some(1));
}

#[test]
fn checklist_new_builds_from_the_template_and_the_units_procedures() {
    let out = std::env::temp_dir().join(format!("qms-ck-{}.json", std::process::id()));
    let _ = std::fs::remove_file(&out);
    let o = qms(&[
        "checklist",
        "new",
        "examples/so-khcn-ninh-binh.json",
        "--audit",
        "dgnb-2026-1",
        "--unit",
        "motcua",
        "-o",
        out.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{o:?}");
    let d = qms_core::load(&std::fs::read(&out).unwrap()).unwrap();
    let c = d.audits[0]
        .checklists
        .iter()
        .find(|c| c.id == "ck-dgnb-2026-1-motcua")
        .unwrap();
    assert!(c.items.len() > 10);
    // Every operational procedure of the unit gets its one-stop-shop questions.
    let procs: Vec<&str> = d
        .procedures
        .iter()
        .filter(|p| p.owner_unit == "motcua")
        .map(|p| p.id.as_str())
        .collect();
    for p in &procs {
        assert!(
            c.items.iter().any(|i| i.procedure.as_deref() == Some(*p)),
            "{p}"
        );
    }
    assert!(c.items.iter().all(|i| !i.question.contains("{procedure}")));
    assert!(c.items.iter().any(|i| {
        i.guidance
            .as_deref()
            .unwrap_or("")
            .contains("Giấy tiếp nhận hồ sơ")
    }));
    let o = qms(&[
        "checklist",
        "new",
        "examples/so-khcn-ninh-binh.json",
        "--audit",
        "khong-co",
        "--unit",
        "vp",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("không có cuộc đánh giá \"khong-co\""));
}

#[test]
fn explain_prints_why_and_how_to_fix_in_both_languages() {
    let out = qms(&["explain", "c002"]);
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.starts_with("QMS-C002 — Hành động khắc phục quá hạn (lỗi)\n"),
        "{text}"
    );
    assert!(
        text.contains("Căn cứ: TCVN ISO 9001:2015, 10.2.1 c"),
        "{text}"
    );
    assert!(text.contains("Vì sao quan trọng:") && text.contains("Cách khắc phục:"));
    let out = qms(&["explain", "QMS-V008", "--lang", "en"]);
    let text = String::from_utf8(out.stdout).unwrap();
    assert!(
        text.contains("How to fix it:") && text.contains("UTF-8"),
        "{text}"
    );
    let out = qms(&["explain", "QMS-Z999", "--lang", "en"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("QMS-A000…QMS-S005"));
    let out = qms(&["explain", "a004", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    let v = &v["data"];
    assert_eq!(v["code"], "QMS-A004");
    assert!(v["fix"].as_str().unwrap().contains("auditor"));
}

#[test]
fn check_filters_by_rule_severity_unit_and_limit() {
    let base = [
        "check",
        "examples/so-khcn-ninh-binh.json",
        "--today",
        "2026-11-23",
    ];
    let json = |extra: &[&str]| {
        let mut args = base.to_vec();
        args.extend_from_slice(extra);
        args.extend_from_slice(&["--format", "json"]);
        let o = qms(&args);
        serde_json::from_slice::<serde_json::Value>(&o.stdout).unwrap()["data"].take()
    };
    let all = json(&[]);
    let total = all["diagnostics"].as_array().unwrap().len();
    assert_eq!(all["matched"], total);
    let d003 = json(&["--rule", "d003"]);
    assert!(
        d003["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["code"] == "QMS-D003")
    );
    assert_eq!(d003["by_rule"][0]["count"], d003["matched"]);
    // Counts of the whole check stay, whatever the view.
    assert_eq!(d003["errors"], all["errors"]);
    let errors = json(&["--severity", "error"]);
    assert_eq!(errors["matched"], all["errors"]);
    let two = json(&["--rule", "QMS-D003,QMS-A004", "--limit", "2"]);
    assert_eq!(two["diagnostics"].as_array().unwrap().len(), 2);
    assert_eq!(two["omitted"], two["matched"].as_u64().unwrap() - 2);
    let unit = all["by_unit"]
        .as_array()
        .unwrap()
        .iter()
        .find_map(|u| u["unit"].as_str())
        .unwrap()
        .to_owned();
    let only = json(&["--unit", &unit]);
    assert!(
        only["diagnostics"]
            .as_array()
            .unwrap()
            .iter()
            .all(|d| d["unit"] == unit.as_str())
    );
    assert!(only["matched"].as_u64().unwrap() < total as u64);
    // The text view says what was filtered and how to see everything.
    let mut args = base.to_vec();
    args.extend_from_slice(&["--rule", "QMS-D003", "--lang", "en"]);
    let text = String::from_utf8(qms(&args).stdout).unwrap();
    assert!(text.contains(&format!("filtered: 6 of {total}")), "{text}");
    assert!(text.contains("and 3 more: qms check"), "{text}");
}
