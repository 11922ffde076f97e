#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! The one JSON shape of `--format json` on every reporting command (docs/cli-json.md): each
//! command is run and its report checked against the shape, and against the qms-api response
//! it carries.

use serde_json::Value;

mod support;
use support::*;

const EXAMPLE: &str = "examples/so-khcn-ninh-binh.json";
const EXAMPLE_2008: &str = "examples/ubnd-xa-tan-thanh-2008.json";

/// Runs a command with `--format json` and checks the report has the documented shape;
/// answers the report.
fn report(command: &str, args: &[&str]) -> Value {
    let o = qms(args);
    let exit = o.status.code().unwrap();
    let v: Value = serde_json::from_slice(&o.stdout).unwrap_or_else(|e| {
        panic!(
            "{args:?}: stdout is not JSON ({e}):\n{}\nstderr: {}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        )
    });
    let keys: Vec<&str> = v.as_object().unwrap().keys().map(String::as_str).collect();
    assert_eq!(
        keys,
        ["command", "data", "error", "exit", "file", "ok", "written"],
        "{args:?}"
    );
    assert_eq!(v["command"], command, "{args:?}");
    assert_eq!(v["exit"], exit, "{args:?}: the exit status is the report's");
    assert_eq!(v["ok"], exit == 0, "{args:?}");
    assert!(v["file"].is_null() || v["file"].is_string(), "{args:?}");
    assert!(v["data"].is_null() || v["data"].is_object(), "{args:?}");
    match &v["error"] {
        Value::Null => assert!(exit <= 1, "{args:?}: a failure names its error"),
        Value::Object(e) => {
            for k in ["code", "message", "path"] {
                assert!(e[k].is_string(), "{args:?}: error.{k}");
            }
            assert_ne!(exit, 0, "{args:?}");
        }
        other => panic!("{args:?}: error is {other}"),
    }
    for w in v["written"].as_array().unwrap() {
        let path = w["path"].as_str().unwrap();
        let size = std::fs::metadata(path).unwrap().len();
        assert_eq!(w["size"], size, "{args:?}: {path}");
    }
    v
}

#[test]
fn every_reporting_command_answers_the_one_json_shape() {
    let dir = scratch("json");
    let out = |n: &str| dir.join(n);
    let v = report("init", &["init", "--format", "json"]);
    assert!(
        v["data"]["dossier"]["units"].is_array(),
        "no -o: the dossier is the data"
    );
    let v = report(
        "init",
        &["init", "-o", s(&out("init.json")), "--format", "json"],
    );
    assert!(
        v["data"].get("dossier").is_none(),
        "written, so not repeated"
    );
    assert_eq!(v["written"][0]["path"], s(&out("init.json")));

    let v = report("validate", &["validate", EXAMPLE, "--format", "json"]);
    assert_eq!(
        (v["ok"].clone(), v["data"]["valid"].clone()),
        (true.into(), true.into())
    );
    assert_eq!(v["file"], EXAMPLE);
    let v = report(
        "validate",
        &[
            "validate",
            "tests/fixtures/so-khcn-5-loi.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(v["data"]["problems"].as_array().unwrap().len(), 5);

    let today = ["--today", "2026-11-23"];
    let mut args = vec!["check", EXAMPLE, "--format", "json"];
    args.extend(today);
    let v = report("check", &args);
    assert_eq!(v["exit"], 1, "the example has planted errors");
    assert!(v["data"]["errors"].as_u64().unwrap() > 0);
    // The data is the qms-api response itself: the same JSON `qms api` answers.
    let api = qms_api::call(
        format!(
            r#"{{"op":"check","today":"2026-11-23","dossier":{}}}"#,
            std::fs::read_to_string(repo().join(EXAMPLE)).unwrap()
        )
        .as_bytes(),
        &[],
    );
    let api: Value = serde_json::from_slice(&api.json).unwrap();
    assert_eq!(
        v["data"]["diagnostics"].as_array().unwrap().len(),
        api["diagnostics"].as_array().unwrap().len()
    );
    assert_eq!(v["data"]["by_rule"], api["by_rule"]);
    let v = report(
        "check",
        &[
            "check",
            "tests/fixtures/so-khcn-5-loi.json",
            "--format",
            "json",
        ],
    );
    assert_eq!(v["error"]["code"], "invalid-dossier");
    assert_eq!(v["error"]["problems"].as_array().unwrap().len(), 5);

    report("rules", &["rules", "--format", "json", "--lang", "en"]);
    let v = report("explain", &["explain", "c002", "--format", "json"]);
    assert_eq!(v["data"]["code"], "QMS-C002");
    let v = report("explain", &["explain", "zz9", "--format", "json"]);
    assert_eq!(
        (v["exit"].clone(), v["error"]["code"].clone()),
        (1.into(), "unknown-code".into())
    );
    report(
        "clauses",
        &["clauses", "--edition", "2008", "--format", "json"],
    );
    let v = report("correlate", &["correlate", "8.2.2", "--format", "json"]);
    assert_eq!(v["data"]["targets"][0]["clause"], "9.2");

    let v = report(
        "convert",
        &[
            "convert",
            EXAMPLE_2008,
            "--to",
            "2015",
            "-o",
            s(&out("2015.json")),
            "--format",
            "json",
        ],
    );
    assert!(!v["data"]["notes"].as_array().unwrap().is_empty());
    assert!(v["data"].get("dossier").is_none());

    let v = report(
        "checklist new",
        &[
            "checklist",
            "new",
            EXAMPLE,
            "--audit",
            "dgnb-2026-1",
            "--unit",
            "motcua",
            "-o",
            s(&out("new.json")),
            "--format",
            "json",
        ],
    );
    assert_eq!(v["data"]["checklist"], "ck-dgnb-2026-1-motcua");
    let wb = out("phieu.xlsx");
    let v = report(
        "checklist export",
        &[
            "checklist",
            "export",
            EXAMPLE,
            "--audit",
            "dgnb-2026-1",
            "-o",
            s(&wb),
            "--today",
            "2026-11-23",
            "--format",
            "json",
        ],
    );
    assert!(v["data"]["file_name"].as_str().unwrap().ends_with(".xlsx"));
    let v = report(
        "checklist import",
        &[
            "checklist",
            "import",
            EXAMPLE,
            s(&wb),
            "-o",
            s(&out("imported.json")),
            "--format",
            "json",
        ],
    );
    assert!(v["data"]["changes"].is_array() && v["data"]["conflicts"].is_array());

    let v = report(
        "render",
        &[
            "render",
            "findings",
            EXAMPLE,
            "--audit",
            "dgnb-2026-1",
            "-o",
            s(&out("f.xlsx")),
            "--format",
            "xlsx,json",
        ],
    );
    assert_eq!(v["written"].as_array().unwrap().len(), 1);
    assert!(
        v["data"]["media_type"]
            .as_str()
            .unwrap()
            .contains("spreadsheet")
    );
    let v = report(
        "render all",
        &[
            "render",
            "all",
            EXAMPLE,
            "-o",
            s(&out("all")),
            "--format",
            "json",
            "--today",
            "2026-11-23",
        ],
    );
    let documents = v["data"]["documents"].as_array().unwrap();
    assert_eq!(documents.len(), v["written"].as_array().unwrap().len());
    assert!(documents.len() > 10);

    let v = report(
        "sample",
        &[
            "sample",
            "--checklist-items",
            "40",
            "--findings",
            "4",
            "--agencies",
            "3",
            "-o",
            s(&out("tinh")),
            "--format",
            "json",
        ],
    );
    assert_eq!(v["data"]["dossiers"].as_array().unwrap().len(), 3);
    let v = report(
        "rollup",
        &[
            "rollup",
            "--dir",
            s(&out("tinh")),
            "-o",
            s(&out("tong-hop.xlsx")),
            "--today",
            "2026-11-23",
            "--year",
            "2026",
            "--format",
            "json",
        ],
    );
    assert!(v["data"]["agencies"].as_u64().unwrap() > 0);
    assert!(v["data"]["rejected"].is_array());

    let v = report(
        "transition",
        &[
            "transition",
            EXAMPLE,
            "--corrective-action",
            "car-09",
            "--to",
            "analysing",
            "--date",
            "2026-11-23",
            "-o",
            s(&out("t.json")),
            "--format",
            "json",
        ],
    );
    assert_eq!(v["data"]["applied"], true);
    let v = report(
        "transition",
        &[
            "transition",
            EXAMPLE,
            "--corrective-action",
            "car-07",
            "--to",
            "closed",
            "--format",
            "json",
        ],
    );
    assert_eq!(
        (v["exit"].clone(), v["data"]["applied"].clone()),
        (1.into(), false.into())
    );

    // Failures of the command line itself have the shape too.
    let v = report(
        "render",
        &["render", "nothing", EXAMPLE, "--format", "json"],
    );
    assert_eq!(
        (v["exit"].clone(), v["error"]["code"].clone()),
        (2.into(), "usage".into())
    );
    let v = report(
        "validate",
        &["validate", "no-such-file.json", "--format", "json"],
    );
    assert_eq!(
        (v["exit"].clone(), v["error"]["code"].clone()),
        (3.into(), "io".into())
    );
    let v = report(
        "render",
        &[
            "render", "plan", EXAMPLE, "--audit", "khong-co", "--format", "json", "--lang", "en",
        ],
    );
    assert_eq!(v["error"]["code"], "unknown-audit");
    assert!(
        v["error"]["known"]
            .as_array()
            .unwrap()
            .contains(&"dgnb-2026-1".into())
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_shape_is_documented_in_both_languages() {
    let doc = std::fs::read_to_string(repo().join("docs/cli-json.md")).unwrap();
    assert!(doc.contains("## Tiếng Việt") && doc.contains("## English"));
    for command in [
        "init",
        "validate",
        "check",
        "rules",
        "explain",
        "clauses",
        "correlate",
        "convert",
        "checklist new|export|import",
        "render",
        "render all",
        "demo",
        "rollup",
        "sample",
        "transition",
    ] {
        assert!(
            doc.matches(&format!("`{command}`")).count() >= 2,
            "{command}"
        );
    }
    for member in ["command", "ok", "exit", "file", "data", "error", "written"] {
        assert!(doc.contains(&format!("| `{member}` |")), "{member}");
    }
}

#[test]
fn demo_reports_its_documents_and_its_rollup() {
    let dir = scratch("demo");
    let v = report(
        "demo",
        &["demo", "-o", s(&dir.join("d")), "--format", "json"],
    );
    assert!(v["data"]["documents"].as_array().unwrap().len() > 10);
    assert_eq!(v["data"]["rollup"]["agencies"], 30);
    let _ = std::fs::remove_dir_all(&dir);
}
