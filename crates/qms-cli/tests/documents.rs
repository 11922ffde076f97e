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

/// `qms checklist export` of one audit of `dossier` into a temporary workbook `name`.
fn export(dossier: &str, audit: &str, name: &str) -> PathBuf {
    let book = tmp(name);
    let o = qms(&[
        "checklist",
        "export",
        dossier,
        "--audit",
        audit,
        "--today",
        "2026-05-10",
        "-o",
        book.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{o:?}");
    book
}

#[test]
fn checklist_export_then_import_of_an_untouched_workbook_changes_nothing() {
    let book = export(EXAMPLE, "dgnb-2026-1", "phieu.xlsx");
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

/// Types `text` into every evidence cell (column G) of rows `rows` of the first worksheet, as
/// an auditor filling the workbook would.
fn fill_evidence(book: &[u8], rows: std::ops::RangeInclusive<u32>) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zin = zip::ZipArchive::new(std::io::Cursor::new(book)).unwrap();
    let mut zout = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for k in 0..zin.len() {
        let mut f = zin.by_index(k).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = Vec::new();
        f.read_to_end(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let mut xml = String::from_utf8(data).unwrap();
            for r in rows.clone() {
                let start = xml
                    .find(&format!("<c r=\"G{r}\""))
                    .expect("an evidence cell");
                let open_end = start + xml[start..].find('>').unwrap();
                let end = if xml.as_bytes()[open_end - 1] == b'/' {
                    open_end + 1
                } else {
                    open_end + xml[open_end..].find("</c>").unwrap() + 4
                };
                let style = xml[start..open_end]
                    .split(' ')
                    .find(|a| a.starts_with("s="))
                    .unwrap_or("")
                    .trim_end_matches('/')
                    .to_owned();
                let cell = format!(
                    "<c r=\"G{r}\" {style} t=\"inlineStr\"><is><t>Đã xem hồ sơ số {r}</t></is></c>"
                );
                xml.replace_range(start..end, &cell);
            }
            data = xml.into_bytes();
        }
        zout.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        zout.write_all(&data).unwrap();
    }
    zout.finish().unwrap().into_inner()
}

/// A large import lists its first 200 changes on the terminal and counts the rest, its
/// conflicts after them next to the summary; `--all-changes` and JSON list every change; the
/// dossier written is the same either way.
#[test]
fn a_large_import_lists_the_first_changes_and_counts_the_rest() {
    let dossier = tmp("many-changes.json");
    let o = qms(&[
        "sample",
        "--checklist-items",
        "300",
        "--findings",
        "0",
        "--checklist-size",
        "300",
        "-o",
        dossier.to_str().unwrap(),
        "--force",
    ]);
    assert!(o.status.success(), "{o:?}");
    let book = export(dossier.to_str().unwrap(), "a0000", "many-changes.xlsx");
    let filled = tmp("many-changes-filled.xlsx");
    // Rows 9 to 258: 250 items of the checklist's 300 get new evidence.
    std::fs::write(
        &filled,
        fill_evidence(&std::fs::read(&book).unwrap(), 9..=258),
    )
    .unwrap();
    let import = |out: &str, extra: &[&str]| {
        let out = tmp(out);
        let mut args = vec![
            "checklist",
            "import",
            dossier.to_str().unwrap(),
            filled.to_str().unwrap(),
            "-o",
            out.to_str().unwrap(),
            "--force",
        ];
        args.extend_from_slice(extra);
        let o = qms(&args);
        assert!(o.status.success(), "{o:?}");
        (
            String::from_utf8(o.stderr).unwrap(),
            std::fs::read(out).unwrap(),
        )
    };
    let (text, short) = import("short.json", &[]);
    let listed = text
        .lines()
        .filter(|l| l.contains("bằng chứng câu hỏi"))
        .count();
    assert_eq!(listed, 200, "{text}");
    assert!(
        text.contains("… và 50 thay đổi khác không liệt kê (--all-changes"),
        "{text}"
    );
    assert!(
        text.contains("đã áp dụng 250 thay đổi, 0 xung đột"),
        "{text}"
    );
    let (text, all) = import("all.json", &["--all-changes", "--lang", "en"]);
    let listed = text
        .lines()
        .filter(|l| l.contains("evidence of item"))
        .count();
    assert_eq!(listed, 250, "{text}");
    assert!(!text.contains("more changes not listed"), "{text}");
    assert_eq!(short, all);
    let o = qms(&[
        "checklist",
        "import",
        dossier.to_str().unwrap(),
        filled.to_str().unwrap(),
        "--format",
        "json",
    ]);
    let report: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(report["data"]["changes"].as_array().unwrap().len(), 250);
    assert_eq!(report["data"]["changes_omitted"], 0);
}
