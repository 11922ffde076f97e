//! `qms checklist ...`: checklists built from the templates.

use crate::Failure;
use crate::cli::ChecklistCommand;
use crate::commands::print;
use crate::output::{read, write_atomic};
use qms_core::Lang;
use qms_core::plan_checklist::{ChecklistRequest, add_checklist};

pub(crate) fn run(command: ChecklistCommand) -> Result<(), Failure> {
    match command {
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
