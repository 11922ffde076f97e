//! `qms transition`: one step of a corrective action's workflow, through the API's
//! `transition` op (the same definition of what each state requires that the rules use).

use crate::Failure;
use crate::cli::Format;
use crate::commands::{dossier, dossier_text, fail_on, print, write_file};
use crate::output::read;
use crate::report::{self, note};
use qms_api::OpName;
use qms_api::request::TransitionRequest;
use qms_core::Lang;
use qms_core::model::CaState;
use std::path::PathBuf;

pub(crate) struct Args {
    pub(crate) file: PathBuf,
    pub(crate) corrective_action: String,
    pub(crate) to: String,
    pub(crate) date: chrono::NaiveDate,
    pub(crate) output: Option<PathBuf>,
    pub(crate) force: bool,
}

/// A state as the dossier writes it ("in_progress"); a usage error lists them.
fn state(word: &str) -> Result<CaState, Failure> {
    serde_json::from_value(serde_json::Value::String(word.trim().to_owned())).map_err(|_| {
        let names: Vec<String> = CaState::ALL
            .iter()
            .filter_map(|s| serde_json::to_value(s).ok())
            .filter_map(|v| v.as_str().map(str::to_owned))
            .collect();
        Failure::Usage(format!(
            "--to {word}: {} / not a state; {}",
            "không phải trạng thái",
            names.join(", ")
        ))
    })
}

pub(crate) fn run(a: &Args, format: Format, lang: Lang) -> Result<(), Failure> {
    let to = state(&a.to)?;
    let bytes = read(&a.file)?;
    let r = TransitionRequest {
        op: OpName::Transition,
        dossier: dossier(bytes),
        corrective_action: a.corrective_action.clone(),
        to,
        date: a.date,
        lang,
    };
    let t = qms_api::ops::transition(r).map_err(|e| fail_on(&a.file, e, lang))?;
    let Some(d) = &t.dossier else {
        // Refused: nothing changes, the reason is the answer (exit 1, like a failed check).
        if format == Format::Json {
            report::data(&t);
        } else if let Some(reason) = &t.reason {
            say!("qms: {reason}");
        }
        return Err(Failure::Invalid);
    };
    let text = dossier_text(d)?;
    match &a.output {
        Some(path) => {
            write_file(path, text.as_bytes(), a.force)?;
            report::data_without(&t, &["dossier"]);
            note!(
                "{}",
                match lang {
                    Lang::Vi => format!(
                        "{}: \"{}\" → \"{}\"; đã ghi {}",
                        t.corrective_action,
                        t.from.label(lang),
                        t.to.label(lang),
                        path.display()
                    ),
                    Lang::En => format!(
                        "{}: \"{}\" → \"{}\"; wrote {}",
                        t.corrective_action,
                        t.from.label(lang),
                        t.to.label(lang),
                        path.display()
                    ),
                }
            );
            Ok(())
        }
        None if format == Format::Json => {
            report::data(&t);
            Ok(())
        }
        None => print(&text),
    }
}
