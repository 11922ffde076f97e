//! Writes every workbook of a dossier file into a directory, for looking at them.
//!
//! ```text
//! cargo run -p qms-xlsx --example dossier -- DOSSIER.json OUTDIR [TODAY]
//! ```

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(file), Some(dir)) = (args.get(1), args.get(2)) else {
        return Err("usage: dossier DOSSIER.json OUTDIR [YYYY-MM-DD]".into());
    };
    let today = match args.get(3) {
        Some(t) => t.parse()?,
        None => chrono::NaiveDate::from_ymd_opt(2026, 11, 23).ok_or("date")?,
    };
    let d = qms_core::load(&std::fs::read(file)?).map_err(|e| format!("{e:?}"))?;
    std::fs::create_dir_all(dir)?;
    for lang in [qms_core::Lang::Vi, qms_core::Lang::En] {
        let suffix = lang.pick("vi", "en");
        for a in &d.audits {
            if a.checklists.is_empty() {
                continue;
            }
            let opts = qms_xlsx::ExportOptions {
                lang,
                today,
                auditor: None,
                password: None,
            };
            std::fs::write(
                format!("{dir}/checklist-{}-{suffix}.xlsx", a.id),
                qms_xlsx::export_checklists(&d, &a.id, &opts)?,
            )?;
        }
        for kind in qms_xlsx::WorkbookKind::ALL {
            let opts = qms_xlsx::RenderOptions::new(lang, today);
            std::fs::write(
                format!("{dir}/{}-{suffix}.xlsx", kind.slug()),
                qms_xlsx::render(kind, &d, None, &opts)?,
            )?;
        }
    }
    Ok(())
}
