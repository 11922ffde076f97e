#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! End-to-end tests of the `qms` command line: arguments, outputs and exit codes.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn qms(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(args)
        .output()
        .expect("qms runs")
}

fn qms_stdin(args: &[&str], input: &[u8]) -> Output {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .expect("qms runs");
    child.stdin.take().unwrap().write_all(input).unwrap();
    child.wait_with_output().unwrap()
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn repo() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qms-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

fn path(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn init_writes_a_dossier_that_validates_and_refuses_to_overwrite() {
    let out = tmp("init.json");
    let _ = std::fs::remove_file(&out);
    let o = qms(&[
        "init",
        "--agency",
        "Ủy ban nhân dân xã Hòa Bình",
        "-o",
        path(&out),
    ]);
    assert!(o.status.success(), "{o:?}");
    let o = qms(&["validate", path(&out)]);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(stdout(&o).contains("hợp lệ"));
    let before = std::fs::read(&out).unwrap();
    let o = qms(&["init", "-o", path(&out)]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--force"));
    assert_eq!(
        std::fs::read(&out).unwrap(),
        before,
        "an existing file is never overwritten silently"
    );
    assert!(qms(&["init", "-o", path(&out), "--force"]).status.success());
}

#[test]
fn bundled_examples_validate() {
    for name in ["so-khcn-ninh-binh.json", "ubnd-xa-tan-thanh-2008.json"] {
        let file = repo().join("examples").join(name);
        let o = qms(&["validate", path(&file), "--lang", "en"]);
        assert_eq!(o.status.code(), Some(0), "{name}: {}", stdout(&o));
    }
}

#[test]
fn five_seeded_mistakes_are_all_reported_with_paths() {
    let file = repo().join("tests/fixtures/so-khcn-5-loi.json");
    let o = qms(&["validate", path(&file), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    let lines: Vec<&str> = text
        .lines()
        .filter(|l| l.contains(": error[QMS-V"))
        .collect();
    assert_eq!(lines.len(), 5, "{text}");
    for want in [
        "error[QMS-V005] audits[0].findings[2].clauses[0]: unknown clause \"9.9\" in TCVN ISO 9001:2015",
        "error[QMS-V004] audits[0].checklists[1].auditor: unknown person",
        "error[QMS-V003] registers.external_documents[3].id: duplicate id",
        "error[QMS-V006] audits[0].plan.end: \"end\" is before \"start\"",
        "error[QMS-V004] corrective_actions[1].finding: unknown finding",
    ] {
        assert!(
            lines.iter().any(|l| l.contains(want)),
            "missing {want} in\n{text}"
        );
    }
    // Every line names the file, line and column.
    for l in &lines {
        let mut parts = l.splitn(4, ':');
        let (f, line, col) = (parts.next(), parts.next(), parts.next());
        assert!(f.unwrap().ends_with("so-khcn-5-loi.json"));
        assert!(
            line.unwrap().parse::<usize>().is_ok() && col.unwrap().parse::<usize>().is_ok(),
            "{l}"
        );
    }
    let vi = stdout(&qms(&["validate", path(&file)]));
    assert!(vi.contains("5 lỗi"), "{vi}");
    assert!(
        vi.contains("điều khoản \"9.9\" không có trong TCVN ISO 9001:2015"),
        "{vi}"
    );
    let json: serde_json::Value =
        serde_json::from_slice(&qms(&["validate", path(&file), "--format", "json"]).stdout)
            .unwrap();
    assert_eq!(json["data"]["valid"], false);
    assert_eq!(json["ok"], false);
    assert_eq!(json["data"]["problems"].as_array().unwrap().len(), 5);
}

#[test]
fn a_truncated_file_names_line_and_column() {
    let full = std::fs::read_to_string(repo().join("examples/so-khcn-ninh-binh.json")).unwrap();
    let cut: String = full.lines().take(40).collect::<Vec<_>>().join("\n");
    let file = tmp("truncated.json");
    std::fs::write(&file, &cut).unwrap();
    let o = qms(&["validate", path(&file), "--lang", "en"]);
    assert_eq!(o.status.code(), Some(1));
    let text = stdout(&o);
    assert!(text.contains(&format!("truncated.json:{}:", 40)), "{text}");
    assert!(
        text.contains("error[QMS-V001]") && text.contains("ends too early"),
        "{text}"
    );
}

/// At the loader's limit of 500 problems, the count line says they are the first ones: "500
/// lỗi" read as all there were.
#[test]
fn a_count_at_the_problem_limit_says_more_may_follow() {
    let full = std::fs::read_to_string(repo().join("examples/so-khcn-ninh-binh.json")).unwrap();
    let mut v: serde_json::Value = serde_json::from_str(&full).unwrap();
    // 600 units that each name an unknown head.
    let units = v["units"].as_array_mut().unwrap();
    let kept = units.len();
    for i in 0..600 {
        units.push(serde_json::json!({"id": format!("u{i}"), "name": format!("Phòng {i}"), "head": "nobody"}));
    }
    let file = tmp("many-problems.json");
    std::fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
    for (lang, limited, plain) in [
        (
            "vi",
            "đã liệt kê 500 lỗi đầu tiên, mức tối đa mỗi lần",
            "500 lỗi;",
        ),
        ("en", "the first 500 problems are listed", "500 problem(s)"),
    ] {
        let o = qms(&["validate", path(&file), "--lang", lang]);
        assert_eq!(o.status.code(), Some(1));
        let text = stdout(&o);
        let last = text.lines().last().unwrap_or_default();
        assert!(last.contains(limited), "{last}");
        assert!(!last.contains(plain), "{last}");
    }
    // Under the limit the count is the whole of it.
    v["units"].as_array_mut().unwrap().truncate(kept + 10);
    std::fs::write(&file, serde_json::to_string(&v).unwrap()).unwrap();
    let text = stdout(&qms(&["validate", path(&file), "--lang", "en"]));
    assert!(
        text.trim_end()
            .ends_with("problem(s); the dossier is not valid"),
        "{text}"
    );
}

#[test]
fn clauses_2015_lists_every_clause_with_both_titles() {
    let o = qms(&["clauses", "--edition", "2015", "--format", "json"]);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let clauses = v["data"]["clauses"].as_array().unwrap();
    let ids: Vec<&str> = clauses.iter().map(|c| c["id"].as_str().unwrap()).collect();
    for id in [
        "4", "4.1", "4.4.2", "7.1.5.2", "8.5.6", "9.2.2", "9.3.3", "10.3",
    ] {
        assert!(ids.contains(&id), "{id}");
    }
    assert_eq!(ids.first(), Some(&"4"));
    assert_eq!(ids.last(), Some(&"10.3"));
    for c in clauses {
        assert!(
            !c["title_vi"].as_str().unwrap().is_empty()
                && !c["title_en"].as_str().unwrap().is_empty()
        );
    }
    let text = stdout(&qms(&["clauses", "--edition", "2008", "--lang", "en"]));
    assert!(
        text.contains("8.2.2") && text.contains("Internal audit"),
        "{text}"
    );
}

#[test]
fn correlate_maps_2008_internal_audit_to_9_2() {
    let o = qms(&["correlate", "8.2.2", "--from", "2008", "--to", "2015"]);
    assert!(o.status.success());
    assert_eq!(
        stdout(&o).lines().next().unwrap().split_whitespace().next(),
        Some("9.2")
    );
    let o = qms(&["correlate", "4.2.3", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["data"]["ambiguous"], true);
    let o = qms(&["correlate", "9.9"]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn usage_and_io_errors_have_their_exit_codes() {
    assert_eq!(qms(&["validate"]).status.code(), Some(2));
    assert_eq!(qms(&["frobnicate"]).status.code(), Some(2));
    assert_eq!(
        qms(&["clauses", "--edition", "2026"]).status.code(),
        Some(2)
    );
    let o = qms(&["validate", "/nonexistent/dossier.json"]);
    assert_eq!(o.status.code(), Some(3));
    assert!(String::from_utf8_lossy(&o.stderr).contains("/nonexistent/dossier.json"));
}

#[test]
fn api_answers_envelopes_on_stdin() {
    let o = qms_stdin(&["api"], br#"{"op": "correlate", "clause": "8.2.2"}"#);
    assert!(o.status.success());
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["result"]["targets"][0]["clause"], "9.2");
    let o = qms_stdin(&["api"], b"{\"op\": \"validate\"}");
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(v["error"]["code"], "bad-request");
    // An inline dossier's problems are located in the request's own lines.
    let request = "{\"op\": \"validate\",\n \"dossier\": {\"format_version\": 1, \"id\": \"x\",\n  \"agency\": {\"name\": \"A\"},\n  \"scope\": {\"edition\": \"2015\", \"text\": \"t\", \"units\": [\"zz\"]}}}";
    let v: serde_json::Value =
        serde_json::from_slice(&qms_stdin(&["api"], request.as_bytes()).stdout).unwrap();
    assert_eq!(v["result"]["problems"][0]["line"], 4, "{v}");
    assert_eq!(v["result"]["problems"][0]["path"], "scope.units[0]");
}

#[test]
fn sample_is_deterministic_and_valid() {
    let a = tmp("sample-a.json");
    let b = tmp("sample-b.json");
    for f in [&a, &b] {
        let o = qms(&[
            "sample",
            "--checklist-items",
            "300",
            "--findings",
            "40",
            "-o",
            path(f),
            "--force",
        ]);
        assert!(o.status.success(), "{o:?}");
    }
    assert_eq!(std::fs::read(&a).unwrap(), std::fs::read(&b).unwrap());
    assert!(qms(&["validate", path(&a)]).status.success());
    let dir = tmp("agencies");
    let o = qms(&[
        "sample",
        "--checklist-items",
        "10",
        "--findings",
        "2",
        "--agencies",
        "3",
        "-o",
        path(&dir),
        "--force",
    ]);
    assert!(o.status.success());
    assert_eq!(std::fs::read_dir(&dir).unwrap().count(), 3);
}

/// The shapes the benchmarks use: one checklist, pretty and escaped text, problems, broken items.
#[test]
fn sample_shapes_for_the_benchmarks() {
    let make = |name: &str, extra: &[&str]| {
        let f = tmp(name);
        let mut args = vec!["sample", "--checklist-items", "400", "--findings", "20"];
        args.extend_from_slice(extra);
        args.extend_from_slice(&["-o", path(&f), "--force"]);
        let o = qms(&args);
        assert!(o.status.success(), "{o:?}");
        f
    };
    let one = make(
        "shape-one.json",
        &["--checklist-size", "400", "--pretty", "--escaped"],
    );
    let text = std::fs::read_to_string(&one).unwrap();
    assert!(
        text.is_ascii() && text.lines().count() > 400,
        "escaped and pretty"
    );
    let d: serde_json::Value = serde_json::from_str(&text).unwrap();
    assert_eq!(d["audits"].as_array().unwrap().len(), 1);
    assert_eq!(d["audits"][0]["checklists"].as_array().unwrap().len(), 1);
    assert!(qms(&["validate", path(&one)]).status.success());
    let count = |f: &std::path::PathBuf| {
        let o = qms(&["validate", path(f), "--format", "json"]);
        assert_eq!(o.status.code(), Some(1), "{o:?}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        v["data"]["problems"].as_array().unwrap().len()
    };
    assert_eq!(count(&make("shape-problems.json", &["--problems", "7"])), 7);
    assert_eq!(count(&make("shape-broken.json", &["--broken", "4"])), 4);
}

#[test]
fn schema_prints_the_committed_schema() {
    let o = qms(&["schema"]);
    let committed = std::fs::read(repo().join("docs/schema/dossier.schema.json")).unwrap();
    assert_eq!(o.stdout, committed);
}

#[test]
fn completions_and_man_pages_come_from_the_command_definitions() {
    for shell in ["bash", "zsh", "fish", "powershell"] {
        let o = qms(&["completions", shell]);
        assert!(o.status.success(), "{shell}");
        let script = String::from_utf8(o.stdout).unwrap();
        for sub in ["validate", "checklist", "render", "explain"] {
            assert!(script.contains(sub), "{shell} completion lacks {sub}");
        }
    }
    let o = qms(&["man"]);
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(page.contains(".TH qms 1"), "{page}");
    assert!(page.contains("xem xét của lãnh đạo"), "{page}");
    let o = qms(&["man", "check"]);
    let page = String::from_utf8(o.stdout).unwrap();
    assert!(
        page.contains(".TH qms-check 1") && page.contains("severity"),
        "{page}"
    );
    let o = qms(&["man", "nope"]);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn control_characters_from_a_dossier_never_reach_the_terminal() {
    let dir = std::env::temp_dir().join(format!("qms-esc-{}", std::process::id()));
    let _ = std::fs::create_dir_all(&dir);
    let file = dir.join("esc.json");
    let _ = std::fs::remove_file(&file);
    // A name that would clear the screen and ring the bell, then fake a line of output.
    let name = "Sở X\u{1b}[2J\u{7}\rqms: hợp lệ";
    let o = qms(&["init", "--agency", name, "-o", file.to_str().unwrap()]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    for args in [
        vec!["validate", file.to_str().unwrap()],
        vec!["check", file.to_str().unwrap(), "--today", "2026-11-23"],
    ] {
        let o = qms(&args);
        for stream in [&o.stdout, &o.stderr] {
            let text = String::from_utf8_lossy(stream);
            assert!(
                !text.contains(['\u{1b}', '\u{7}', '\r']),
                "{args:?}: {text:?}"
            );
        }
        let all = format!(
            "{}{}",
            String::from_utf8_lossy(&o.stdout),
            String::from_utf8_lossy(&o.stderr)
        );
        if args[0] == "validate" {
            assert!(all.contains("\\u{1b}[2J"), "{args:?}: {all}");
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}
