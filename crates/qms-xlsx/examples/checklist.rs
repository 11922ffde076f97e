//! Writes or reads a synthetic checklist workbook; used for the benchmark's peak-memory
//! measurement under `/usr/bin/time -v` and for looking at the output.
//!
//! ```text
//! cargo run --release -p qms-xlsx --example checklist -- export N OUT.xlsx
//! cargo run --release -p qms-xlsx --example checklist -- import N FILLED.xlsx
//! cargo run --release -p qms-xlsx --example checklist -- render KIND OUT.xlsx
//! ```

use qms_core::sample::{SampleSpec, sample_dossier};
use std::time::Instant;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(cmd), Some(n), Some(path)) = (args.get(1), args.get(2), args.get(3)) else {
        return Err("usage: checklist export|import N FILE | render KIND FILE".into());
    };
    let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).ok_or("date")?;
    if cmd == "render" {
        let kind = qms_xlsx::WorkbookKind::parse(n).ok_or("unknown kind")?;
        let d = sample_dossier(&SampleSpec {
            checklist_items: 400,
            findings: 60,
            seed: 1,
            agency: 0,
        });
        let opts = qms_xlsx::RenderOptions {
            lang: qms_core::Lang::Vi,
            today,
            live_overdue: false,
        };
        std::fs::write(path, qms_xlsx::render(kind, &d, None, &opts)?)?;
        return Ok(());
    }
    let n: usize = n.parse()?;
    let d = one_audit(n);
    let t = Instant::now();
    match cmd.as_str() {
        "export" => {
            let opts = qms_xlsx::ExportOptions {
                lang: qms_core::Lang::Vi,
                today,
                auditor: None,
                password: None,
            };
            let bytes = qms_xlsx::export_checklists(&d, "a0000", &opts)?;
            std::fs::write(path, bytes)?;
        }
        "import" => {
            let bytes = std::fs::read(path)?;
            let wb = qms_xlsx::Workbook {
                name: path,
                bytes: &bytes,
            };
            let out = qms_xlsx::import_checklists(&d, &[wb], &qms_xlsx::ImportOptions::default())?;
            println!(
                "changes {} conflicts {}",
                out.changes.len(),
                out.conflicts.len()
            );
        }
        "build" => println!("items {}", d.audits[0].checklists[0].items.len()),
        _ => return Err("unknown command".into()),
    }
    println!("{{\"total_s\": {:.3}}}", t.elapsed().as_secs_f64());
    Ok(())
}

/// A dossier whose first audit has one checklist of `n` items (the benchmark's shape: one sheet).
fn one_audit(n: usize) -> qms_core::Dossier {
    let mut d = sample_dossier(&SampleSpec {
        checklist_items: n.min(100),
        findings: 0,
        seed: 1,
        agency: 0,
    });
    let proto = d.audits[0].checklists[0].items.clone();
    let checklist = &mut d.audits[0].checklists[0];
    checklist.items = (0..n)
        .map(|k| {
            let mut it = proto[k % proto.len()].clone();
            it.id = format!("i{k:06}");
            it
        })
        .collect();
    d.audits[0].checklists.truncate(1);
    d
}
