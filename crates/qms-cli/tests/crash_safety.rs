//! Nothing lost under kill -9: `checklist import -o EXISTING --force`, `render all -o DIR` and
//! `convert -o` are killed at pseudo-random moments, 20 times each. Every target must then be
//! either the old file or the complete new one, and the next run must leave no temporary file.
#![allow(clippy::unwrap_used, clippy::expect_used)]
#![cfg(unix)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const TRIALS: u64 = 20;

fn repo() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn scratch(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("qms-kill-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn run(args: &[&str]) -> Duration {
    let start = Instant::now();
    let o = Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(args)
        .current_dir(repo())
        .output()
        .unwrap();
    assert!(
        o.status.code().is_some_and(|c| c <= 1),
        "{args:?}: {}",
        String::from_utf8_lossy(&o.stderr)
    );
    start.elapsed()
}

/// Starts the command and kills it (SIGKILL) after `after`.
fn kill_after(args: &[&str], after: Duration) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_qms"))
        .args(args)
        .current_dir(repo())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    std::thread::sleep(after);
    let _ = child.kill();
    let _ = child.wait();
}

/// Deterministic pseudo-random moments within `span`.
fn moments(span: Duration) -> impl Iterator<Item = Duration> {
    let mut x: u64 = 0x2545_f491_4f6c_dd1d;
    (0..TRIALS).map(move |_| {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        span.mul_f64((x % 1000) as f64 / 1000.0)
    })
}

fn temporaries(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".qms.tmp"))
        .collect()
}

#[test]
fn a_killed_import_or_convert_leaves_the_old_file_or_the_new_one() {
    let dir = scratch("single");
    let wb = dir.join("phieu.xlsx");
    run(&[
        "checklist",
        "export",
        "examples/so-khcn-ninh-binh.json",
        "--audit",
        "dgnb-2026-1",
        "-o",
        wb.to_str().unwrap(),
        "--today",
        "2026-11-23",
    ]);
    let target = dir.join("ho-so.json");
    let old = b"{\"old\": true}\n".to_vec();
    let import: Vec<String> = [
        "checklist",
        "import",
        "examples/so-khcn-ninh-binh.json",
        wb.to_str().unwrap(),
        "-o",
        target.to_str().unwrap(),
        "--force",
    ]
    .map(String::from)
    .to_vec();
    let convert: Vec<String> = [
        "convert",
        "examples/ubnd-xa-tan-thanh-2008.json",
        "--to",
        "2015",
        "-o",
        target.to_str().unwrap(),
        "--force",
    ]
    .map(String::from)
    .to_vec();
    for cmd in [import, convert] {
        let args: Vec<&str> = cmd.iter().map(String::as_str).collect();
        std::fs::write(&target, &old).unwrap();
        let took = run(&args);
        let new = std::fs::read(&target).unwrap();
        assert_ne!(new, old);
        for at in moments(took) {
            std::fs::write(&target, &old).unwrap();
            kill_after(&args, at);
            let now = std::fs::read(&target).unwrap();
            assert!(
                now == old || now == new,
                "{args:?} killed after {at:?}: a partial file"
            );
            run(&args);
            assert_eq!(std::fs::read(&target).unwrap(), new);
            assert!(temporaries(&dir).is_empty(), "{:?}", temporaries(&dir));
        }
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_killed_render_all_leaves_each_document_old_or_new() {
    let dir = scratch("all");
    let out = dir.join("van-ban");
    let out_s = out.to_str().unwrap().to_owned();
    let render = |today: &str| {
        [
            "render",
            "all",
            "examples/so-khcn-ninh-binh.json",
            "-o",
            &out_s,
            "--force",
            "--today",
            today,
        ]
        .map(String::from)
        .to_vec()
    };
    let snapshot = || -> Vec<(String, Vec<u8>)> {
        let mut v: Vec<(String, Vec<u8>)> = std::fs::read_dir(&out)
            .unwrap()
            .map(|e| e.unwrap())
            .map(|e| {
                (
                    e.file_name().to_string_lossy().into_owned(),
                    std::fs::read(e.path()).unwrap(),
                )
            })
            .collect();
        v.sort();
        v
    };
    // Two dates give two different sets of the same documents.
    let (old_args, new_args) = (render("2026-11-23"), render("2026-12-01"));
    let old_ref: Vec<&str> = old_args.iter().map(String::as_str).collect();
    let new_ref: Vec<&str> = new_args.iter().map(String::as_str).collect();
    run(&old_ref);
    let old = snapshot();
    let took = run(&new_ref);
    let new = snapshot();
    assert_eq!(old.len(), new.len());
    for at in moments(took) {
        run(&old_ref);
        kill_after(&new_ref, at);
        for (i, (name, bytes)) in snapshot()
            .iter()
            .filter(|(n, _)| !n.ends_with(".qms.tmp"))
            .enumerate()
        {
            let _ = i;
            let o = old.iter().find(|x| &x.0 == name).map(|x| &x.1);
            let n = new.iter().find(|x| &x.0 == name).map(|x| &x.1);
            assert!(
                Some(bytes) == o || Some(bytes) == n,
                "{name} killed after {at:?}: partial"
            );
        }
        run(&new_ref);
        assert_eq!(snapshot(), new);
        assert!(temporaries(&out).is_empty());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
