//! `qms checklist ...`: checklists built from the templates, exported to Excel and imported back.

use crate::Failure;
use crate::cli::{ChecklistCommand, Format};
use crate::commands::{
    dossier, dossier_text, fail_on, print, write_dossier_file, write_file, wrote,
};
use crate::output::read;
use crate::progress::Progress;
use crate::report::{self, note};
use qms_api::OpName;
use qms_api::request::{
    ChecklistNewRequest, DossierArg, ExportChecklistRequest, ImportChecklistRequest,
};
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
            format: _,
            lang,
        } => {
            let lang = lang.lang();
            let bytes = read(&file)?;
            let r = ExportChecklistRequest {
                op: OpName::ExportChecklist,
                dossier: dossier(bytes),
                audit,
                base64: false,
                auditor,
                password,
                today: today.unwrap_or_else(super::documents::system_today),
                lang,
            };
            // The op tells each step: one sheet per checklist, then packing the workbook.
            let progress = Progress::bar(0, lang.pick("Phiếu câu hỏi", "Checklists"));
            let observe = |s: qms_api::ops::Step<'_>| {
                progress.length(s.total);
                progress.set(s.done, s.now);
            };
            let doc = qms_api::ops::export_checklist_observed(r, &observe)
                .map_err(|e| fail_on(&file, e, lang))?;
            drop(progress);
            let path = output.unwrap_or_else(|| doc.file_name.clone().into());
            write_file(&path, &doc.bytes, force)?;
            report::data(&super::documents::describe(&doc));
            note!("{}", wrote(&path, doc.bytes.len(), lang));
            Ok(())
        }
        ChecklistCommand::Import {
            file,
            workbooks,
            output,
            partial,
            force,
            all_changes,
            format,
            lang,
        } => import(
            &file,
            &workbooks,
            output.as_deref(),
            (partial, force, all_changes),
            format,
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
            format,
            lang,
        } => {
            let lang = lang.lang();
            let bytes = read(&file)?;
            let r = ChecklistNewRequest {
                op: OpName::ChecklistNew,
                dossier: dossier(bytes),
                audit,
                unit,
                clauses,
                auditor,
                lang,
            };
            let added = qms_api::ops::checklist_new(r).map_err(|e| fail_on(&file, e, lang))?;
            let text = dossier_text(&added.dossier)?;
            let (id, items) = (&added.checklist, added.items);
            match output {
                Some(path) => {
                    write_file(&path, text.as_bytes(), force)?;
                    report::data_without(&added, &["dossier"]);
                    note!(
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
                None if format == Format::Json => {
                    report::data(&added);
                    Ok(())
                }
                None => print(&text),
            }
        }
    }
}

/// How many changes an import lists on the terminal unless `--all-changes` is given.
const LISTED_CHANGES: usize = 200;

fn import(
    file: &Path,
    workbooks: &[PathBuf],
    output: Option<&Path>,
    (partial, force, all_changes): (bool, bool, bool),
    format: Format,
    lang: Lang,
) -> Result<(), Failure> {
    let json = format == Format::Json;
    let bytes = read(file)?;
    let mut books = Vec::with_capacity(workbooks.len());
    let progress = Progress::bar(workbooks.len(), lang.pick("Đọc phiếu", "Reading workbooks"));
    for w in workbooks {
        progress.step(&w.display().to_string());
        books.push(read(w)?);
    }
    drop(progress);
    // The op tells each step: reading each workbook, matching the rows, applying them.
    let progress = Progress::bar(0, lang.pick("Nhập phiếu", "Importing"));
    let observe = |s: qms_api::ops::Step<'_>| {
        progress.length(s.total);
        progress.set(s.done, s.now);
    };
    let inputs: Vec<&[u8]> = books.iter().map(Vec::as_slice).collect();
    // The dossier's bytes are handed over: the op frees them once it has loaded them.
    let r = ImportChecklistRequest {
        op: OpName::ImportChecklist,
        dossier: DossierArg::Owned(bytes),
        workbooks: Vec::new(),
        input_names: workbooks.iter().map(|w| w.display().to_string()).collect(),
        partial,
        // The terminal shows the first changes; JSON and `--all-changes` list them all.
        list_changes: (!json && !all_changes).then_some(LISTED_CHANGES),
        lang,
    };
    let mut outcome = qms_api::ops::import_checklist_observed(r, &inputs, &observe)
        .map_err(|e| fail_on(file, e, lang))?;
    drop(progress);
    // The workbooks are no longer needed (the op freed the dossier's text once loaded): free
    // them before the dossier is serialised.
    drop(inputs);
    drop(books);
    let (n, k) = (
        outcome.changes.len() + outcome.changes_omitted,
        outcome.conflicts.len() + outcome.conflicts_omitted,
    );
    let blocked = k > 0 && !partial;
    if json {
        // The dossier is data only when it is the command's output (no -o, nothing blocked).
        if output.is_none() && !blocked {
            report::data(&outcome);
        } else {
            report::data_without(&outcome, &["dossier"]);
        }
        if !blocked && let Some(path) = output {
            write_dossier_file(path, &outcome.dossier, force)?;
        }
        return if k > 0 { Err(Failure::Invalid) } else { Ok(()) };
    }
    // What an auditor typed can be a whole page: the terminal gets the first 80 characters of
    // each quoted value (the JSON output and the workbook keep all of it).
    fn short(m: &str) -> std::borrow::Cow<'_, str> {
        super::check_text::shorten_quotes(m, 80)
    }
    // The changes first and the conflicts after them, next to the summary: a screenful of
    // changes must not push the conflicts out of sight. A workbook of 100,000 filled rows
    // makes 180,000 changes, which no one reads on a terminal (and printing them was a tenth
    // of the import): the first ones show what happened, the JSON output has them all.
    let listed = outcome.changes.len();
    if !crate::report::quiet() && !crate::report::json() {
        use std::io::Write;
        let mut err = std::io::BufWriter::with_capacity(1 << 16, std::io::stderr().lock());
        for c in &outcome.changes {
            // Closed stderr: the lines are lost, the import itself still counts (as `say!`).
            let _ = writeln!(err, "{}", crate::output::terminal_safe(&short(&c.message)));
        }
        let _ = err.flush();
    }
    if listed < n {
        note!(
            "{}",
            match lang {
                Lang::Vi => format!(
                    "… và {} thay đổi khác không liệt kê (--all-changes hoặc --format json để xem tất cả)",
                    super::n(n - listed, lang)
                ),
                Lang::En => format!(
                    "… and {} more changes not listed (--all-changes or --format json lists them all)",
                    super::n(n - listed, lang)
                ),
            }
        );
    }
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
    // Printed: free the 180,000 change reports before the dossier is serialised.
    outcome.changes = Vec::new();
    let (n, k) = (super::n(n, lang), super::n(k, lang));
    let summary = match (lang, blocked) {
        (Lang::Vi, true) => format!(
            "{k} xung đột; chưa áp dụng thay đổi nào (dùng --partial để áp dụng phần không xung đột)"
        ),
        (Lang::En, true) => format!(
            "{k} conflict(s); nothing was applied (use --partial to apply what does not conflict)"
        ),
        (Lang::Vi, false) => format!("đã áp dụng {n} thay đổi, {k} xung đột"),
        (Lang::En, false) => format!("applied {n} change(s), {k} conflict(s)"),
    };
    if blocked || outcome.conflicts_omitted + outcome.conflicts.len() > 0 {
        say!("{summary}");
    } else {
        note!("{summary}");
    }
    if blocked {
        return Err(Failure::Invalid);
    }
    let k = outcome.conflicts.len() + outcome.conflicts_omitted;
    match output {
        Some(path) => write_dossier_file(path, &outcome.dossier, force)?,
        None => print(&dossier_text(&outcome.dossier)?)?,
    }
    if k > 0 { Err(Failure::Invalid) } else { Ok(()) }
}
