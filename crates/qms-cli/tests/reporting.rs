#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! How qms talks to people: `--quiet`, progress bars only on a terminal, help texts in both
//! languages, and messages a newcomer understands (the JSON reports: json_report.rs).

use qms_testkit::{has_program, require};
use serde_json::Value;
use std::process::Command;
mod support;
use support::*;

const EXAMPLE: &str = "examples/so-khcn-ninh-binh.json";

#[test]
fn quiet_silences_information_not_errors_and_pipes_never_see_progress() {
    let dir = scratch("quiet");
    let all = dir.join("all");
    let args = [
        "render",
        "all",
        EXAMPLE,
        "-o",
        s(&all),
        "--today",
        "2026-11-23",
    ];
    let o = qms(&args);
    let stderr = String::from_utf8(o.stderr).unwrap();
    assert!(stderr.contains("đã ghi"), "{stderr}");
    // No bar on a pipe: every line is a message, none a bar or a carriage return.
    assert!(
        !stderr.contains('\r') && !stderr.contains("[=") && !stderr.contains("\u{1b}["),
        "{stderr:?}"
    );
    let mut quiet = args.to_vec();
    quiet.extend(["--force", "-q"]);
    let o = qms(&quiet);
    assert!(o.status.success());
    assert!(
        o.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(o.stdout.is_empty());
    // Errors are still printed.
    let o = qms(&["--quiet", "render", "plan", EXAMPLE, "--audit", "khong-co"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("khong-co"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_terminal_sees_the_progress_bar_and_quiet_hides_it() {
    // `script` gives qms a terminal for its standard error.
    if !require("script (util-linux)", has_program("script", "--version")) {
        return;
    }
    let dir = scratch("tty");
    let bin = env!("CARGO_BIN_EXE_qms");
    let run = |extra: &str| {
        let cmd = format!(
            "{bin} {extra} render all {} -o {} --today 2026-11-23 --force",
            repo().join(EXAMPLE).display(),
            dir.join("all").display()
        );
        let o = Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .env("TERM", "xterm")
            .output()
            .unwrap();
        assert!(o.status.success(), "{o:?}");
        String::from_utf8_lossy(&o.stdout).into_owned()
    };
    let shown = run("");
    assert!(
        shown.contains("Văn bản") || shown.contains("Ghi tệp"),
        "{shown:?}"
    );
    let hidden = run("--quiet");
    assert!(
        !hidden.contains("Văn bản") && !hidden.contains("Ghi tệp"),
        "{hidden:?}"
    );
    // The checklist export's bar comes from the op's steps.
    let cmd = format!(
        "{bin} checklist export {} --audit dgnb-2026-1 -o {} --today 2026-11-23 --force --lang en",
        repo().join(EXAMPLE).display(),
        dir.join("phieu.xlsx").display()
    );
    let o = Command::new("script")
        .args(["-qec", &cmd, "/dev/null"])
        .env("TERM", "xterm")
        .output()
        .unwrap();
    let shown = String::from_utf8_lossy(&o.stdout);
    assert!(shown.contains("Checklists"), "{shown:?}");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn help_speaks_the_language_asked_for() {
    let help =
        |args: &[&str], env: &[(&str, &str)]| String::from_utf8(qms_env(args, env).stdout).unwrap();
    let vi = help(&["--help"], &[]);
    assert!(
        vi.contains("Cách dùng: qms") && vi.contains("Lệnh:") && vi.contains("Tạo hồ sơ khởi tạo"),
        "{vi}"
    );
    let en = help(&["--help"], &[("LANG", "en_US.UTF-8")]);
    assert!(
        en.contains("Usage: qms") && en.contains("Write a starter dossier"),
        "{en}"
    );
    assert!(!en.contains("Tạo hồ sơ"), "{en}");
    let vi = help(
        &["check", "--help"],
        &[("LC_ALL", "vi_VN.UTF-8"), ("LANG", "en_US.UTF-8")],
    );
    assert!(
        vi.contains("Chỉ các quy tắc này") && vi.contains("Tùy chọn:") && vi.contains("Đối số:"),
        "{vi}"
    );
    let en = help(
        &["check", "--lang", "en", "--help"],
        &[("LANG", "vi_VN.UTF-8")],
    );
    assert!(
        en.contains("Only these rules"),
        "--lang wins over the environment: {en}"
    );
    let en = help(&["help", "checklist", "export", "--lang", "en"], &[]);
    assert!(
        en.contains("Usage: qms checklist export")
            && en.contains("Password of the sheet protection"),
        "{en}"
    );
    let man = help(&["man", "--lang", "en"], &[]);
    assert!(
        man.contains("Write a starter dossier"),
        "the man page follows the language"
    );
    let man = help(&["man"], &[]);
    assert!(man.contains("Tạo hồ sơ khởi tạo"));
}

#[test]
fn wrong_types_are_named_in_plain_words_in_both_languages() {
    let dir = scratch("types");
    let mut d: Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join(EXAMPLE)).unwrap()).unwrap();
    d["quality_objectives"][0]["measurements"][0]["value"] = "chín mươi".into();
    d["settings"]["grade_nonconformities"] = "có".into();
    let file = dir.join("sai-kieu.json");
    std::fs::write(&file, serde_json::to_string_pretty(&d).unwrap()).unwrap();
    let vi = String::from_utf8(qms(&["validate", s(&file)]).stdout).unwrap();
    assert!(vi.contains("gặp chuỗi \"chín mươi\", cần một số"), "{vi}");
    assert!(vi.contains("cần true hoặc false"), "{vi}");
    let en = String::from_utf8(qms(&["validate", s(&file), "--lang", "en"]).stdout).unwrap();
    assert!(
        en.contains("found the string \"chín mươi\", expected a number"),
        "{en}"
    );
    for text in [&vi, &en] {
        assert!(
            !text.contains("f64") && !text.contains("a boolean`"),
            "{text}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn numbers_are_written_the_languages_way() {
    let dir = scratch("numbers");
    let out = dir.join("plan.docx");
    let o = qms(&[
        "render",
        "plan",
        EXAMPLE,
        "--audit",
        "dgnb-2026-1",
        "-o",
        s(&out),
    ]);
    let grouped = |sep: char| {
        let size = std::fs::metadata(&out).unwrap().len();
        assert!(size > 1000);
        let digits = size.to_string();
        let mut g = String::new();
        for (i, c) in digits.chars().enumerate() {
            if i > 0 && (digits.len() - i).is_multiple_of(3) {
                g.push(sep);
            }
            g.push(c);
        }
        g
    };
    let vi = String::from_utf8(o.stderr).unwrap();
    assert!(vi.contains(&format!("({} byte)", grouped('.'))), "{vi}");
    let o = qms(&[
        "render",
        "plan",
        EXAMPLE,
        "--audit",
        "dgnb-2026-1",
        "-o",
        s(&out),
        "--force",
        "--lang",
        "en",
    ]);
    let en = String::from_utf8(o.stderr).unwrap();
    assert!(en.contains(&format!("({} bytes)", grouped(','))), "{en}");
    // A missed objective in a check message: "90,5 %" in Vietnamese, "90.5%" in English.
    let mut d: Value =
        serde_json::from_str(&std::fs::read_to_string(repo().join(EXAMPLE)).unwrap()).unwrap();
    let objectives = d["quality_objectives"].as_array_mut().unwrap();
    let o = objectives
        .iter_mut()
        .find(|o| o["id"] == "mt-2026-02")
        .unwrap();
    o["measurements"][0]["value"] = 90.5.into();
    o.as_object_mut().unwrap().remove("actions");
    let file = dir.join("muc-tieu.json");
    std::fs::write(&file, serde_json::to_string_pretty(&d).unwrap()).unwrap();
    let check = |lang: &str| {
        String::from_utf8(
            qms(&[
                "check",
                s(&file),
                "--today",
                "2026-11-23",
                "--full",
                "--lang",
                lang,
            ])
            .stdout,
        )
        .unwrap()
    };
    let vi = check("vi");
    assert!(vi.contains("(90,5 % so với chỉ tiêu 95 %"), "{vi}");
    let en = check("en");
    assert!(en.contains("(90.5% against 95%"), "{en}");
    let _ = std::fs::remove_dir_all(&dir);
}
