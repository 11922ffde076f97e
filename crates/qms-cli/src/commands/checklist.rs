//! `qms checklist ...`: checklists built from the templates, exported to Excel and imported back.

use crate::Failure;
use crate::cli::{ChecklistCommand, Format};
use crate::commands::{dossier, dossier_text, fail_on, print};
use crate::output::{read, write_atomic};
use qms_api::OpName;
use qms_api::request::{ChecklistNewRequest, ExportChecklistRequest, ImportChecklistRequest};
use qms_core::Lang;
use std::path::{Path, PathBuf};

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
            let r = ExportChecklistRequest {
                op: OpName::ExportChecklist,
                dossier: dossier(&bytes),
                audit,
                base64: false,
                auditor,
                password,
                today: today.unwrap_or_else(super::documents::system_today),
                lang,
            };
            let doc = qms_api::ops::export_checklist(&r)
                .map_err(|e| fail_on(&file, Format::Text, e, lang))?;
            let path = output.unwrap_or_else(|| doc.file_name.into());
            write_atomic(&path, &doc.bytes, force)?;
            say!(
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
            let r = ChecklistNewRequest {
                op: OpName::ChecklistNew,
                dossier: dossier(&bytes),
                audit,
                unit,
                clauses,
                auditor,
                lang,
            };
            let added = qms_api::ops::checklist_new(&r)
                .map_err(|e| fail_on(&file, Format::Text, e, lang))?;
            let text = dossier_text(&added.dossier)?;
            let (id, items) = (added.checklist, added.items);
            match output {
                Some(path) => {
                    write_atomic(&path, text.as_bytes(), force)?;
                    say!(
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
    file: &Path,
    workbooks: &[PathBuf],
    output: Option<&Path>,
    partial: bool,
    force: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    let mut books = Vec::with_capacity(workbooks.len());
    for w in workbooks {
        books.push(read(w)?);
    }
    let inputs: Vec<&[u8]> = books.iter().map(Vec::as_slice).collect();
    let r = ImportChecklistRequest {
        op: OpName::ImportChecklist,
        dossier: dossier(&bytes),
        workbooks: Vec::new(),
        input_names: workbooks.iter().map(|w| w.display().to_string()).collect(),
        partial,
        lang,
    };
    let mut outcome = qms_api::ops::import_checklist(&r, &inputs)
        .map_err(|e| fail_on(file, Format::Text, e, lang))?;
    // The file's text and the workbooks are no longer needed: free them before the dossier
    // is written out, when memory peaks.
    drop(r);
    drop(inputs);
    drop(books);
    drop(bytes);
    // What an auditor typed can be a whole page: the terminal gets the first 80 characters of
    // each quoted value (the JSON output and the workbook keep all of it).
    let short = |m: &str| super::check_text::shorten_quotes(m, 80);
    let changed = outcome.changes.len();
    for c in &outcome.conflicts {
        say!(
            "{}: {}",
            lang.pick("xung đột", "conflict"),
            short(&c.message)
        );
    }
    if outcome.conflicts_omitted > 0 {
        say!(
            "{}",
            match lang {
                Lang::Vi => format!(
                    "… và {} xung đột khác không liệt kê (hãy sửa các xung đột trên trước)",
                    outcome.conflicts_omitted
                ),
                Lang::En => format!(
                    "… and {} more conflicts not listed (fix the ones above first)",
                    outcome.conflicts_omitted
                ),
            }
        );
    }
    // 100,000 rows make 200,000 lines: one write each would cost more than the import.
    {
        use std::io::Write;
        let mut err = std::io::BufWriter::with_capacity(1 << 16, std::io::stderr().lock());
        for c in std::mem::take(&mut outcome.changes) {
            // Closed stderr: the messages are lost, the import itself still counts.
            let _ = writeln!(err, "{}", crate::output::terminal_safe(&short(&c.message)));
        }
        let _ = err.flush();
    }
    let (n, k) = (changed, outcome.conflicts.len() + outcome.conflicts_omitted);
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
    say!("{summary}");
    if k > 0 && !partial {
        return Err(Failure::Invalid);
    }
    let text = dossier_text(&outcome.dossier)?;
    // The process ends after this command: the system takes the memory back at once, where
    // freeing a 100,000-item dossier string by string costs about a tenth of the import.
    std::mem::forget(outcome);
    match output {
        Some(path) => write_atomic(path, text.as_bytes(), force)?,
        None => print(&text)?,
    }
    if k > 0 { Err(Failure::Invalid) } else { Ok(()) }
}
