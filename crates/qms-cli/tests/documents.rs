#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! `qms render`, `qms demo`, `qms checklist export|import` and the document API ops, end to end.

use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

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

fn tmp(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qms-doc-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir.join(name)
}

const EXAMPLE: &str = "examples/so-khcn-ninh-binh.json";

#[test]
fn demo_writes_every_document_and_refuses_to_overwrite() {
    let dir = tmp("demo");
    let o = qms(&["demo", "-o", dir.to_str().unwrap()]);
    assert!(o.status.success(), "{o:?}");
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    for want in [
        "chuong-trinh-ctdg-2026.docx",
        "ke-hoach-dgnb-2026-1.docx",
        "bao-cao-dgnb-2026-1.docx",
        "phieu-hdkp-dgnb-2026-1.docx",
        "thong-bao-hop-xxld-2026.docx",
        "bao-cao-xem-xet-xxld-2026.docx",
        "bien-ban-hop-xxld-2026.docx",
        "phieu-cau-hoi-danh-gia-dgnb-2026-1.xlsx",
        "so-theo-doi-phat-hien-dgnb-2026-1.xlsx",
        "tong-hop-ket-qua-danh-gia-dgnb-2026-1.xlsx",
        "theo-doi-hanh-dong-khac-phuc.xlsx",
        "ma-tran-chuong-trinh-danh-gia.xlsx",
        "danh-muc-tai-lieu-ho-so.xlsx",
    ] {
        assert!(
            names.iter().any(|n| n == want),
            "{want} missing from {names:?}"
        );
    }
    let before = std::fs::read(dir.join("theo-doi-hanh-dong-khac-phuc.xlsx")).unwrap();
    let again = qms(&["demo", "-o", dir.to_str().unwrap()]);
    assert_eq!(again.status.code(), Some(3));
    // Same input, same bytes.
    let forced = qms(&["demo", "-o", dir.to_str().unwrap(), "--force"]);
    assert!(forced.status.success());
    assert_eq!(
        std::fs::read(dir.join("theo-doi-hanh-dong-khac-phuc.xlsx")).unwrap(),
        before
    );
}

#[test]
fn render_one_workbook_and_reject_unknown_kinds() {
    let out = tmp("actions.xlsx");
    let o = qms(&[
        "render",
        "actions",
        EXAMPLE,
        "--today",
        "2026-11-23",
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{o:?}");
    assert!(std::fs::read(&out).unwrap().starts_with(b"PK"));
    let o = qms(&["render", "bogus", EXAMPLE]);
    assert_eq!(o.status.code(), Some(2));
    let o = qms(&[
        "render",
        "summary",
        EXAMPLE,
        "--audit",
        "khong-co",
        "-o",
        tmp("x.xlsx").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
}

#[test]
fn checklist_export_then_import_of_an_untouched_workbook_changes_nothing() {
    let book = tmp("phieu.xlsx");
    let o = qms(&[
        "checklist",
        "export",
        EXAMPLE,
        "--audit",
        "dgnb-2026-1",
        "--today",
        "2026-05-10",
        "-o",
        book.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{o:?}");
    let out = tmp("merged.json");
    let o = qms(&[
        "checklist",
        "import",
        EXAMPLE,
        book.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{o:?}");
    let before = qms_core::load(&std::fs::read(repo().join(EXAMPLE)).unwrap()).unwrap();
    let after = qms_core::load(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(before, after);
    // A file that is not a workbook is refused with a clear message, and nothing is written.
    let fake = tmp("fake.xlsx");
    std::fs::write(&fake, b"%PDF-1.7 not a workbook").unwrap();
    let out2 = tmp("never.json");
    let o = qms(&[
        "checklist",
        "import",
        EXAMPLE,
        fake.to_str().unwrap(),
        "-o",
        out2.to_str().unwrap(),
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("fake.xlsx"),
        "{o:?}"
    );
    assert!(!out2.exists());
}

fn api(request: &serde_json::Value) -> serde_json::Value {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_qms"))
        .arg("api")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(request.to_string().as_bytes())
        .unwrap();
    serde_json::from_slice(&child.wait_with_output().unwrap().stdout).unwrap()
}

#[test]
fn api_exports_and_imports_checklists_as_base64() {
    let dossier: serde_json::Value =
        serde_json::from_slice(&std::fs::read(repo().join(EXAMPLE)).unwrap()).unwrap();
    let r = api(
        &serde_json::json!({"op": "export-checklist", "dossier": dossier, "audit": "dgnb-2026-1",
                                    "today": "2026-05-10"}),
    );
    assert_eq!(r["ok"], true, "{r}");
    let b64 = r["result"]["base64"].as_str().unwrap().to_owned();
    assert!(
        r["result"]["media_type"]
            .as_str()
            .unwrap()
            .contains("spreadsheetml")
    );
    let r = api(
        &serde_json::json!({"op": "import-checklist", "dossier": dossier,
                                    "workbooks": [{"name": "phieu.xlsx", "base64": b64}]}),
    );
    assert_eq!(r["ok"], true, "{r}");
    assert_eq!(r["result"]["conflicts"].as_array().unwrap().len(), 0);
    assert_eq!(r["result"]["applied"], false);
    let r = api(
        &serde_json::json!({"op": "render", "dossier": dossier, "kind": "registers", "today": "2026-11-23"}),
    );
    assert_eq!(r["result"]["file_name"], "danh-muc-tai-lieu-ho-so.xlsx");
    let r = api(
        &serde_json::json!({"op": "import-checklist", "dossier": dossier,
                                    "workbooks": [{"name": "x.xlsx", "base64": "@@@"}]}),
    );
    assert_eq!(r["error"]["code"], "bad-request");
    assert_eq!(r["error"]["path"], "workbooks[0].base64");
}

#[test]
fn render_all_writes_what_it_can_when_a_text_is_too_long_for_excel() {
    let dir = std::env::temp_dir().join(format!("qms-long-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let text = std::fs::read_to_string(repo().join("examples/so-khcn-ninh-binh.json")).unwrap();
    let mut d: serde_json::Value = serde_json::from_str(&text).unwrap();
    d["audits"][0]["findings"][0]["evidence"] =
        serde_json::Value::String("Hồ sơ trễ hạn. ".repeat(2_500));
    let file = dir.join("long.json");
    std::fs::write(&file, serde_json::to_vec(&d).unwrap()).unwrap();
    let out = dir.join("out");
    let o = qms(&[
        "render",
        "all",
        file.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--today",
        "2026-11-23",
        "--lang",
        "en",
    ]);
    assert_eq!(o.status.code(), Some(1));
    let err = String::from_utf8_lossy(&o.stderr);
    assert!(err.contains("could not make"), "{err}");
    let written: Vec<String> = std::fs::read_dir(&out)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        written.iter().filter(|n| n.ends_with(".docx")).count() >= 7,
        "{written:?}"
    );
    assert!(written.iter().any(|n| n.ends_with(".xlsx")), "{written:?}");
    let _ = std::fs::remove_dir_all(&dir);
}
