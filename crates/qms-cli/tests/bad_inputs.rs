//! The bad-input corpus: each case is made here (some are megabytes; none is committed as a
//! blob), fed to qms the way a user would (`qms validate FILE`, `qms checklist import`, the
//! JSON API), and must give its typed error code, exit 1, no panic, no output file, in bounded
//! time. `tests/bad-inputs/README.md` lists the cases and what qms does with each.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn qms(args: &[&str], stdin: Option<&[u8]>) -> (Output, Duration) {
    let start = Instant::now();
    let mut child = Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(args)
        .current_dir(repo())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    if let Some(bytes) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(bytes).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    (out, start.elapsed())
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qms-bad-{name}-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

const EXAMPLE: &str = include_str!("../../../examples/so-khcn-ninh-binh.json");

/// A valid dossier with one member replaced (JSON text surgery keeps the rest intact).
fn with(from: &str, to: &str) -> Vec<u8> {
    assert!(EXAMPLE.contains(from), "{from}");
    EXAMPLE.replacen(from, to, 1).into_bytes()
}

/// The dossier cases: (name, bytes, the code `qms validate` must report first).
fn dossier_cases() -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let mut v: Vec<(&'static str, Vec<u8>, &'static str)> = vec![
        ("empty file", vec![], "QMS-V001"),
        ("whitespace only", b"  \n\t ".to_vec(), "QMS-V001"),
        (
            "truncated",
            EXAMPLE.as_bytes()[..EXAMPLE.len() / 2].to_vec(),
            "QMS-V001",
        ),
        (
            "trailing garbage",
            format!("{EXAMPLE} x").into_bytes(),
            "QMS-V001",
        ),
        ("an array, not an object", b"[1, 2, 3]".to_vec(), "QMS-V002"),
        ("a bare string", b"\"ho so\"".to_vec(), "QMS-V002"),
        ("null", b"null".to_vec(), "QMS-V002"),
        (
            "UTF-16 LE with BOM",
            {
                let mut b = vec![0xFF, 0xFE];
                b.extend("{}".encode_utf16().flat_map(u16::to_le_bytes));
                b
            },
            "QMS-V008",
        ),
        (
            "UTF-16 BE with BOM",
            {
                let mut b = vec![0xFE, 0xFF];
                b.extend("{}".encode_utf16().flat_map(u16::to_be_bytes));
                b
            },
            "QMS-V008",
        ),
        (
            "invalid UTF-8 in a string",
            {
                let mut b = EXAMPLE.as_bytes().to_vec();
                b.insert(EXAMPLE.find("Sở Khoa học").unwrap(), 0xFF);
                b
            },
            "QMS-V008",
        ),
        (
            "Latin-1 (TCVN3-era) bytes",
            b"{\"id\": \"h\xf4 s\xe1\"}".to_vec(),
            "QMS-V008",
        ),
        (
            "NUL byte in the text",
            with("\"format_version\"", "\u{0}\"format_version\""),
            "QMS-V001",
        ),
        (
            "raw control character in a string",
            with("\"Sở Khoa học", "\"Sở\u{1}Khoa học"),
            "QMS-V001",
        ),
        (
            "lone surrogate escape",
            with("\"Sở Khoa học", "\"\\ud800Sở Khoa học"),
            "QMS-V001",
        ),
        (
            "reversed surrogate pair",
            with("\"Sở Khoa học", "\"\\udc00\\ud800Sở"),
            "QMS-V001",
        ),
        (
            "number where text is expected",
            with("\"format_version\": 1", "\"format_version\": \"một\""),
            "QMS-V002",
        ),
        (
            "huge number",
            with("\"format_version\": 1", "\"format_version\": 1e400"),
            "QMS-V001",
        ),
        (
            "negative version",
            with("\"format_version\": 1", "\"format_version\": -1"),
            "QMS-V002",
        ),
        (
            "impossible date",
            with(
                "\"raised_on\": \"2026-",
                "\"raised_on\": \"2026-02-30\", \"x\": \"2026-",
            ),
            "QMS-V002",
        ),
        (
            "date with slashes",
            with(
                "\"raised_on\": \"2026-",
                "\"raised_on\": \"30/05/2026\", \"x\": \"2026-",
            ),
            "QMS-V002",
        ),
        (
            "month 13 in a date",
            with(
                "\"raised_on\": \"2026-",
                "\"raised_on\": \"2026-13-01\", \"x\": \"2026-",
            ),
            "QMS-V002",
        ),
        (
            "unknown member",
            with(
                "\"format_version\": 1",
                "\"format_version\": 1, \"ghi_chu\": 1",
            ),
            "QMS-V002",
        ),
        (
            "missing required member",
            b"{\"format_version\": 1}".to_vec(),
            "QMS-V002",
        ),
        (
            "id with a path separator",
            with("\"id\": \"car-01\"", "\"id\": \"../car-01\""),
            "",
        ),
        (
            "id with a newline",
            with("\"id\": \"car-01\"", "\"id\": \"car\\n01\""),
            "",
        ),
        (
            "duplicate id",
            with("\"id\": \"car-02\"", "\"id\": \"car-01\""),
            "QMS-V003",
        ),
        (
            "reference to nobody",
            with("\"by\": \"p-trinh-van-nam\"", "\"by\": \"p-khong-co\""),
            "QMS-V004",
        ),
        (
            "clause of the other edition",
            with("\"clauses\": [\n", "\"clauses\": [\"4.2.3\",\n"),
            "QMS-V005",
        ),
        (
            "unknown enum value",
            with("\"state\": \"closed\"", "\"state\": \"xong\""),
            "QMS-V002",
        ),
        (
            "a member written twice",
            with(
                "\"format_version\": 1",
                "\"format_version\": 1, \"format_version\": 1",
            ),
            "QMS-V009",
        ),
        (
            "a member written twice, once escaped",
            with(
                "\"raised_on\": \"2026-",
                "\"r\\u0061ised_on\": \"2026-05-01\", \"raised_on\": \"2026-",
            ),
            "QMS-V009",
        ),
        (
            "year 0202 (a typo)",
            with("\"raised_on\": \"2026-", "\"raised_on\": \"0202-"),
            "QMS-V007",
        ),
        (
            "year 0",
            with("\"raised_on\": \"2026-", "\"raised_on\": \"0000-"),
            "QMS-V007",
        ),
        (
            "a negative year",
            with("\"raised_on\": \"2026-", "\"raised_on\": \"-0044-"),
            "QMS-V007",
        ),
        (
            "year 1850",
            with("\"raised_on\": \"2026-", "\"raised_on\": \"1850-"),
            "QMS-V007",
        ),
        (
            "year 20260",
            with("\"raised_on\": \"2026-", "\"raised_on\": \"+20260-"),
            "QMS-V007",
        ),
        (
            "cut inside a multi-byte character",
            {
                let at = EXAMPLE.find("Sở Khoa học").unwrap() + 2;
                EXAMPLE.as_bytes()[..at].to_vec()
            },
            "QMS-V008",
        ),
        (
            "ESC and BEL in a name",
            with("\"Sở Khoa học", "\"\\u001b[2J\\u0007Sở Khoa học"),
            "",
        ),
    ];
    // Sizes: every one of these must answer, fast and without a crash.
    v.push((
        "a 50 MB string",
        {
            let mut s = EXAMPLE.to_owned();
            let big = "ạ".repeat(25 * 1024 * 1024 / 2);
            s = s.replacen("\"Sở Khoa học", &format!("\"{big}Sở Khoa học"), 1);
            s.into_bytes()
        },
        "",
    ));
    v.push((
        "nesting 100,000 deep",
        {
            let mut s = "[".repeat(100_000);
            s.push_str(&"]".repeat(100_000));
            format!("{{\"format_version\": {s}}}").into_bytes()
        },
        "QMS-V001",
    ));
    v.push((
        "1,000,000 tiny elements",
        {
            let items = vec!["1"; 1_000_000].join(",");
            format!("{{\"format_version\": 1, \"x\": [{items}]}}").into_bytes()
        },
        "QMS-V002",
    ));
    v.push((
        "2,000 unknown clause ids",
        {
            let ids = vec!["\"99.9\""; 2_000].join(",");
            with("\"clauses\": [\n", &format!("\"clauses\": [{ids},\n"))
        },
        "QMS-V005",
    ));
    v
}

#[test]
fn every_bad_dossier_gets_its_typed_error_fast() {
    let dir = scratch("dossiers");
    let cases = dossier_cases();
    assert!(cases.len() >= 30);
    for (i, (name, bytes, code)) in cases.iter().enumerate() {
        let file = dir.join(format!("case-{i}.json"));
        std::fs::write(&file, bytes).unwrap();
        let (o, took) = qms(
            &["validate", file.to_str().unwrap(), "--format", "json"],
            None,
        );
        let stderr = String::from_utf8_lossy(&o.stderr);
        assert!(!stderr.contains("panicked"), "{name}: {stderr}");
        assert!(took < Duration::from_secs(60), "{name}: {took:?}");
        if code.is_empty() {
            // Accepted or refused, but answered: exit 0 or 1 with a report.
            assert!(matches!(o.status.code(), Some(0 | 1)), "{name}: {stderr}");
            continue;
        }
        assert_eq!(o.status.code(), Some(1), "{name}: {stderr}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout)
            .unwrap_or_else(|e| panic!("{name}: {e}: {}", String::from_utf8_lossy(&o.stdout)));
        let codes: Vec<&str> = v["data"]["problems"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["code"].as_str().unwrap())
            .collect();
        assert!(
            codes.contains(code),
            "{name}: expected {code}, got {codes:?}"
        );
    }
    let _ = std::fs::remove_dir_all(&dir);
}

/// Workbooks to import: (name, bytes, the error code or conflict code expected).
fn workbook_cases(exported: &[u8]) -> Vec<(&'static str, Vec<u8>, &'static str)> {
    let zip_with = |entries: &[(&str, Vec<u8>)]| {
        use std::io::Write;
        let mut w = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
        let opts = zip::write::SimpleFileOptions::default();
        for (name, data) in entries {
            w.start_file(*name, opts).unwrap();
            w.write_all(data).unwrap();
        }
        w.finish().unwrap().into_inner()
    };
    let bomb = vec![b'a'; 64 * 1024 * 1024];
    vec![
        (
            "random bytes",
            (0..4096u32).map(|i| (i * 7919 % 251) as u8).collect(),
            "not-xlsx",
        ),
        ("empty file", vec![], "not-xlsx"),
        ("a PDF", b"%PDF-1.7\n...".to_vec(), "not-xlsx"),
        ("an empty zip", zip_with(&[]), "not-xlsx"),
        (
            "a .docx renamed .xlsx",
            zip_with(&[
                ("word/document.xml", b"<w:document/>".to_vec()),
                ("[Content_Types].xml", b"<Types/>".to_vec()),
            ]),
            "not-xlsx",
        ),
        (
            "an encrypted (OLE2) workbook",
            {
                let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
                b.extend("EncryptionInfo".encode_utf16().flat_map(u16::to_le_bytes));
                b.resize(4096, 0);
                b
            },
            "encrypted-workbook",
        ),
        (
            "a legacy .xls",
            {
                let mut b = vec![0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];
                b.resize(4096, 0);
                b
            },
            "not-xlsx",
        ),
        (
            "a zip bomb (one 64 MB sheet packed 1,000:1)",
            zip_with(&[
                ("xl/workbook.xml", b"<workbook/>".to_vec()),
                ("xl/worksheets/sheet1.xml", bomb),
            ]),
            "too-large",
        ),
        (
            "many entries",
            {
                let names: Vec<String> = (0..10_050).map(|i| format!("x/{i}.xml")).collect();
                let mut entries: Vec<(&str, Vec<u8>)> =
                    names.iter().map(|n| (n.as_str(), vec![])).collect();
                entries.push(("xl/workbook.xml", b"<workbook/>".to_vec()));
                zip_with(&entries)
            },
            "too-large",
        ),
        (
            "the untouched export, truncated",
            exported[..exported.len() / 2].to_vec(),
            "unreadable-workbook",
        ),
    ]
}

#[test]
fn every_bad_workbook_is_refused_with_its_code_and_nothing_is_written() {
    let dir = scratch("workbooks");
    std::fs::create_dir_all(&dir).unwrap();
    let exported = dir.join("phieu.xlsx");
    let (o, _) = qms(
        &[
            "checklist",
            "export",
            "examples/so-khcn-ninh-binh.json",
            "--audit",
            "dgnb-2026-1",
            "-o",
            exported.to_str().unwrap(),
            "--today",
            "2026-11-23",
        ],
        None,
    );
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let exported = std::fs::read(&exported).unwrap();
    for (i, (name, bytes, code)) in workbook_cases(&exported).into_iter().enumerate() {
        let wb = dir.join(format!("case-{i}.xlsx"));
        std::fs::write(&wb, &bytes).unwrap();
        let out = dir.join(format!("out-{i}.json"));
        let request = format!(
            "{{\"op\": \"import-checklist\", \"input_names\": [\"{name}\"], \"dossier\": {EXAMPLE}}}"
        );
        let (o, took) = qms(&["api", wb.to_str().unwrap()], Some(request.as_bytes()));
        let stdout = String::from_utf8_lossy(&o.stdout);
        assert!(took < Duration::from_secs(60), "{name}: {took:?}");
        assert!(
            !String::from_utf8_lossy(&o.stderr).contains("panicked"),
            "{name}"
        );
        assert_eq!(o.status.code(), Some(1), "{name}: {stdout}");
        let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        assert_eq!(v["error"]["code"], *code, "{name}: {stdout}");
        // And through the command: exit 1, no dossier written.
        let (o, _) = qms(
            &[
                "checklist",
                "import",
                "examples/so-khcn-ninh-binh.json",
                wb.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
            None,
        );
        assert_eq!(o.status.code(), Some(1), "{name}");
        assert!(!out.exists(), "{name}: a dossier was written");
    }
    let _ = std::fs::remove_dir_all(&dir);
}
