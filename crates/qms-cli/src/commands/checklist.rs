//! `qms checklist ...`: checklists built from the templates.

use crate::Failure;
use crate::cli::ChecklistCommand;
use crate::commands::print;
use crate::output::{read, write_atomic};
use qms_core::Lang;
use qms_core::plan_checklist::{ChecklistRequest, add_checklist};

pub(crate) fn run(command: ChecklistCommand) -> Result<(), Failure> {
    match command {
        ChecklistCommand::Export {
            file,
            audit,
            auditor,
            password,
            output,
            force,
            today,
            lang,
        } => {
            let lang = lang.lang();
            let bytes = read(&file)?;
            let Ok(dossier) = qms_core::load(&bytes) else {
                return super::validate::run(&file, crate::cli::Format::Text, lang);
            };
            let opts = qms_xlsx::ExportOptions {
                lang,
                today: today.unwrap_or_else(super::documents::system_today),
                auditor: auditor.clone(),
                password,
            };
            let book = qms_xlsx::export_checklists(&dossier, &audit, &opts)
                .map_err(|e| super::documents::fail(e.into(), lang))?;
            let who = auditor.map(|a| format!("-{a}")).unwrap_or_default();
            let path = output
                .unwrap_or_else(|| format!("phieu-cau-hoi-danh-gia-{audit}{who}.xlsx").into());
            write_atomic(&path, &book, force)?;
            eprintln!(
                "{}",
                match lang {
                    Lang::Vi => format!("đã ghi {}", path.display()),
                    Lang::En => format!("wrote {}", path.display()),
                }
            );
            Ok(())
        }
        ChecklistCommand::Import {
            file,
            workbooks,
            output,
            partial,
            force,
            lang,
        } => import(
            &file,
            &workbooks,
            output.as_deref(),
            partial,
            force,
            lang.lang(),
        ),
        ChecklistCommand::New {
            file,
            audit,
            unit,
            clauses,
            auditor,
            output,
            force,
            lang,
        } => {
            let lang = lang.lang();
            let bytes = read(&file)?;
            let Ok(mut dossier) = qms_core::load(&bytes) else {
                return super::validate::run(&file, crate::cli::Format::Text, lang);
            };
            let req = ChecklistRequest {
                audit: &audit,
                unit: &unit,
                clauses,
                auditor: auditor.as_deref(),
                lang,
            };
            let id = match add_checklist(&mut dossier, &req) {
                Ok(id) => id,
                Err(e) => {
                    let msg = match lang {
                        Lang::Vi => e.message_vi(),
                        Lang::En => e.to_string(),
                    };
                    eprintln!("qms: {msg}");
                    return Err(Failure::Invalid);
                }
            };
            let mut text =
                serde_json::to_string_pretty(&dossier).map_err(|e| Failure::Io(e.into()))?;
            text.push('\n');
            let items = dossier
                .audits
                .iter()
                .flat_map(|a| &a.checklists)
                .find(|c| c.id == id)
                .map_or(0, |c| c.items.len());
            match output {
                Some(path) => {
                    write_atomic(&path, text.as_bytes(), force)?;
                    eprintln!(
                        "{}",
                        match lang {
                            Lang::Vi => format!(
                                "đã thêm phiếu {id} ({items} câu hỏi) vào {}",
                                path.display()
                            ),
                            Lang::En => format!(
                                "added checklist {id} ({items} items) to {}",
                                path.display()
                            ),
                        }
                    );
                    Ok(())
                }
                None => print(&text),
            }
        }
    }
}

fn import(
    file: &std::path::Path,
    workbooks: &[std::path::PathBuf],
    output: Option<&std::path::Path>,
    partial: bool,
    force: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    let Ok(dossier) = qms_core::load(&bytes) else {
        return super::validate::run(file, crate::cli::Format::Text, lang);
    };
    let mut read_books = Vec::with_capacity(workbooks.len());
    for w in workbooks {
        read_books.push((w.display().to_string(), read(w)?));
    }
    let books: Vec<qms_xlsx::Workbook<'_>> = read_books
        .iter()
        .map(|(name, bytes)| qms_xlsx::Workbook { name, bytes })
        .collect();
    let outcome =
        qms_xlsx::import_checklists(&dossier, &books, &qms_xlsx::ImportOptions { partial, lang })
            .map_err(|e| super::documents::fail(e.into(), lang))?;
    for c in &outcome.conflicts {
        eprintln!("{}: {}", lang.pick("xung đột", "conflict"), c.message(lang));
    }
    for c in &outcome.changes {
        eprintln!("{}", c.message(lang));
    }
    let (n, k) = (outcome.changes.len(), outcome.conflicts.len());
    let summary = match (lang, k > 0 && !partial) {
        (Lang::Vi, true) => format!(
            "{k} xung đột; chưa áp dụng thay đổi nào (dùng --partial để áp dụng phần không xung đột)"
        ),
        (Lang::En, true) => format!(
            "{k} conflict(s); nothing was applied (use --partial to apply what does not conflict)"
        ),
        (Lang::Vi, false) => format!("đã áp dụng {n} thay đổi, {k} xung đột"),
        (Lang::En, false) => format!("applied {n} change(s), {k} conflict(s)"),
    };
    eprintln!("{summary}");
    if k > 0 && !partial {
        return Err(Failure::Invalid);
    }
    let mut text =
        serde_json::to_string_pretty(&outcome.dossier).map_err(|e| Failure::Io(e.into()))?;
    text.push('\n');
    match output {
        Some(path) => write_atomic(path, text.as_bytes(), force)?,
        None => print(&text)?,
    }
    if k > 0 { Err(Failure::Invalid) } else { Ok(()) }
}
