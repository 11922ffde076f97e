//! Benchmark: the checklist workbook with 100,000 items (export) and importing 100,000 filled
//! rows, with peak memory, compared in the same run with the XlsxWriter peer when available.
//!
//! ```text
//! cargo bench -p qms-xlsx --bench checklist            # N = 100000, 5 runs each
//! QMS_BENCH_N=10000 cargo bench -p qms-xlsx --bench checklist
//! ```
//!
//! Peak memory is measured by running this binary again as a child under `/usr/bin/time -v`
//! doing one export (or one import) only. The child also holds the 100,000-item dossier it
//! exports; that baseline is measured separately and printed too.

#![allow(clippy::unwrap_used, clippy::expect_used)] // a benchmark, not library code

use qms_core::model::ItemResult;
use qms_core::sample::{SampleSpec, sample_dossier};
use std::path::Path;
use std::process::Command;
use std::time::Instant;

fn today() -> chrono::NaiveDate {
    chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap()
}

/// One audit with one checklist of `n` blank items (the peer's shape: one sheet, n rows).
fn dossier(n: usize) -> qms_core::Dossier {
    let mut d = sample_dossier(&SampleSpec {
        checklist_items: n.min(100),
        findings: 0,
        seed: 1,
        agency: 0,
    });
    let proto = d.audits[0].checklists[0].items.clone();
    d.audits.truncate(1);
    d.audits[0].checklists.truncate(1);
    d.audits[0].checklists[0].items = (0..n)
        .map(|k| {
            let mut it = proto[k % proto.len()].clone();
            it.id = format!("i{k:06}");
            it.result = ItemResult::NotAudited;
            it.evidence = None;
            it
        })
        .collect();
    d
}

fn export(d: &qms_core::Dossier) -> Vec<u8> {
    let opts = qms_xlsx::ExportOptions {
        lang: qms_core::Lang::Vi,
        today: today(),
        auditor: None,
        password: None,
    };
    qms_xlsx::export_checklists(d, "a0000", &opts).unwrap()
}

/// Fills every row the way an auditor would: a result and a line of evidence.
fn fill(bytes: &[u8]) -> Vec<u8> {
    use std::io::{Read, Write};
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    for i in 0..zip.len() {
        let mut f = zip.by_index(i).unwrap();
        let name = f.name().unwrap().to_string();
        let mut data = String::new();
        f.read_to_string(&mut data).unwrap();
        if name == "xl/worksheets/sheet1.xml" {
            let mut filled = String::with_capacity(data.len() * 11 / 10);
            let mut parts = data.split("<c r=\"F");
            filled.push_str(parts.next().unwrap());
            for part in parts {
                let row: String = part.chars().take_while(char::is_ascii_digit).collect();
                let end = part.find("</c>").map(|e| e + 4).unwrap_or(0);
                if row.parse::<u32>().unwrap_or(0) >= 9 && end > 0 {
                    filled.push_str(&format!(
                        "<c r=\"F{row}\" t=\"inlineStr\"><is><t>Phù hợp</t></is></c><c r=\"G{row}\" t=\"inlineStr\"><is><t>Đã kiểm tra hồ sơ số {row}, đầy đủ</t></is></c>"
                    ));
                    filled.push_str(&part[end..]);
                } else {
                    filled.push_str("<c r=\"F");
                    filled.push_str(part);
                }
            }
            data = filled;
        }
        out.start_file(name, opts).unwrap();
        out.write_all(data.as_bytes()).unwrap();
    }
    out.finish().unwrap().into_inner()
}

fn median(mut v: Vec<f64>) -> f64 {
    v.sort_by(f64::total_cmp);
    v[v.len() / 2]
}

fn peak_rss_mb(args: &[&str], env: (&str, &str)) -> Option<f64> {
    let exe = std::env::current_exe().ok()?;
    let out = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(exe)
        .args(args)
        .env(env.0, env.1)
        .output()
        .ok()?;
    let err = String::from_utf8_lossy(&out.stderr);
    let line = err
        .lines()
        .find(|l| l.contains("Maximum resident set size"))?;
    let kb: f64 = line.rsplit(':').next()?.trim().parse().ok()?;
    Some(kb / 1024.0)
}

fn main() {
    let n: usize = std::env::var("QMS_BENCH_N")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(100_000);
    // Child modes, for peak memory.
    if let Ok(mode) = std::env::var("QMS_BENCH_CHILD") {
        let d = dossier(n);
        match mode.as_str() {
            "export" => drop(std::hint::black_box(export(&d))),
            "import" => {
                let bytes = std::fs::read(std::env::var("QMS_BENCH_FILE").unwrap()).unwrap();
                let wb = qms_xlsx::Workbook {
                    name: "filled.xlsx",
                    bytes: &bytes,
                };
                let out = qms_xlsx::import_checklists(&d, &[wb], &Default::default()).unwrap();
                assert_eq!(out.changes.len(), 2 * n);
            }
            _ => drop(std::hint::black_box(&d)),
        }
        return;
    }
    if std::env::args().any(|a| a == "--list") {
        return;
    }
    let runs = 5;
    let d = dossier(n);
    let mut times = Vec::new();
    let mut bytes = Vec::new();
    for _ in 0..runs {
        let t = Instant::now();
        bytes = export(&d);
        times.push(t.elapsed().as_secs_f64());
    }
    let export_s = median(times);
    println!(
        "export_checklists, {n} items: median {export_s:.3} s over {runs} runs, {} KB",
        bytes.len() / 1024
    );

    let filled = fill(&bytes);
    if let Ok(keep) = std::env::var("QMS_BENCH_KEEP") {
        std::fs::write(keep, &filled).unwrap();
    }
    let mut times = Vec::new();
    for _ in 0..runs {
        let wb = qms_xlsx::Workbook {
            name: "filled.xlsx",
            bytes: &filled,
        };
        let t = Instant::now();
        let out = qms_xlsx::import_checklists(&d, &[wb], &Default::default()).unwrap();
        times.push(t.elapsed().as_secs_f64());
        assert!(out.conflicts.is_empty());
        assert_eq!(out.changes.len(), 2 * n);
    }
    println!(
        "import_checklists, {n} filled rows: median {:.3} s over {runs} runs",
        median(times)
    );

    let dir = std::env::temp_dir().join(format!("qms-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let filled_path = dir.join("filled.xlsx");
    std::fs::write(&filled_path, &filled).unwrap();
    let base = peak_rss_mb(&[], ("QMS_BENCH_CHILD", "dossier"));
    let exp = peak_rss_mb(&[], ("QMS_BENCH_CHILD", "export"));
    // SAFETY-free env passing: the child reads the file path from its own environment.
    let imp = Command::new("/usr/bin/time")
        .arg("-v")
        .arg(std::env::current_exe().unwrap())
        .env("QMS_BENCH_CHILD", "import")
        .env("QMS_BENCH_FILE", &filled_path)
        .output()
        .ok()
        .and_then(|o| {
            let err = String::from_utf8_lossy(&o.stderr).to_string();
            err.lines()
                .find(|l| l.contains("Maximum resident set size"))
                .and_then(|l| l.rsplit(':').next()?.trim().parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0);
    match (base, exp, imp) {
        (Some(b), Some(e), Some(i)) => println!(
            "peak RSS: dossier alone {b:.1} MB; dossier + export {e:.1} MB (export adds {:.1} MB); dossier + import {i:.1} MB",
            e - b
        ),
        _ => println!("peak RSS: /usr/bin/time not available"),
    }

    // The peer, in the same run, when python3 with XlsxWriter and the peer scripts are here.
    let peers = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/bench-peers");
    let script = peers.join("xlsx_checklist_xlsxwriter.py");
    if script.exists() {
        let out_file = dir.join("peer.xlsx");
        let (mut wall, mut inner, mut peer_rss) = (Vec::new(), Vec::new(), 0.0f64);
        for _ in 0..3 {
            let t = Instant::now();
            let Ok(out) = Command::new("/usr/bin/time")
                .arg("-v")
                .arg("python3")
                .arg(&script)
                .arg(n.to_string())
                .arg(&out_file)
                .current_dir(&peers)
                .output()
            else {
                break;
            };
            if !out.status.success() {
                break;
            }
            wall.push(t.elapsed().as_secs_f64());
            let err = String::from_utf8_lossy(&out.stderr);
            if let Some(kb) = err
                .lines()
                .find(|l| l.contains("Maximum resident set size"))
                .and_then(|l| l.rsplit(':').next()?.trim().parse::<f64>().ok())
            {
                peer_rss = peer_rss.max(kb / 1024.0);
            }
            // The script prints {"total_s": ...}: its own build + save time, without start-up.
            let text = String::from_utf8_lossy(&out.stdout);
            if let Some(v) = text
                .split("\"total_s\": ")
                .nth(1)
                .and_then(|r| r.split(['}', ',']).next())
                .and_then(|v| v.trim().parse::<f64>().ok())
            {
                inner.push(v);
            }
        }
        if wall.is_empty() {
            println!("peer XlsxWriter: not runnable (pip install XlsxWriter==3.3.1)");
        } else {
            let (w, i) = (median(wall), median(inner));
            println!(
                "peer XlsxWriter, {n} rows: median wall {w:.3} s (in-process {i:.3} s), peak RSS {peer_rss:.1} MB; ratio {:.1}x wall, {:.1}x in-process",
                w / export_s,
                i / export_s
            );
        }
    } else {
        println!("peer XlsxWriter: {} not found", script.display());
    }
    let _ = std::fs::remove_dir_all(&dir);
}
