//! One module per command; each turns arguments into calls of qms-api / qms-core.

mod catalog;
mod check;
mod checklist;
mod convert;
mod documents;
mod init;
mod rollup;
mod sample;
mod validate;

use crate::Failure;
use crate::cli::{Cli, Command, SchemaArg};
use serde_json::Value;
use std::io::{Read, Write};

pub(crate) fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Init {
            agency,
            output,
            force,
        } => init::run(&agency, output.as_deref(), force),
        Command::Validate { file, format, lang } => validate::run(&file, format, lang.lang()),
        Command::Check {
            file,
            today,
            format,
            lang,
        } => check::run(&file, today, format, lang.lang()),
        Command::Rules { format, lang } => check::rules(format, lang.lang()),
        Command::Clauses {
            edition,
            lang,
            format,
        } => catalog::clauses(edition.edition(), lang.lang(), format),
        Command::Correlate {
            clause,
            from,
            to,
            lang,
            format,
        } => catalog::correlate(&clause, from.edition(), to.edition(), lang.lang(), format),
        Command::Convert {
            file,
            to,
            output,
            force,
            lang,
        } => convert::run(&file, to.edition(), &output, force, lang.lang()),
        Command::Checklist { command } => checklist::run(command),
        Command::Render {
            kind,
            file,
            audit,
            review,
            corrective_action,
            format,
            output,
            force,
            today,
            lang,
        } => {
            let target = qms_api::documents::RenderTarget {
                audit: audit.as_deref(),
                review: review.as_deref(),
                corrective_action: corrective_action.as_deref(),
            };
            let opts = documents::Opts {
                lang: lang.lang(),
                today: today.unwrap_or_else(documents::system_today),
                force,
            };
            documents::render(&kind, &file, &target, format, output.as_deref(), &opts)
        }
        Command::Demo {
            output,
            force,
            today,
            lang,
        } => {
            let today = today.unwrap_or(documents::DEMO_TODAY);
            let opts = documents::Opts {
                lang: lang.lang(),
                today,
                force,
            };
            documents::demo(&output, &opts)?;
            rollup::demo(&output.join("tinh"), lang.lang(), today, force)
        }
        Command::Rollup {
            files,
            dir,
            output,
            year,
            today,
            lang,
            minutes,
            province,
            issuer,
            number,
            signer,
            jobs,
            force,
        } => rollup::run(rollup::Args {
            files,
            dir,
            outputs: output,
            year,
            today: today.unwrap_or_else(documents::system_today),
            lang: lang.lang(),
            minutes,
            province,
            issuer,
            number,
            signer,
            jobs,
            force,
        }),
        Command::Schema { of } => {
            let schema = match of {
                SchemaArg::Dossier => qms_api::schema::dossier(),
                SchemaArg::Request => qms_api::schema::request(),
            };
            print(&qms_api::schema::to_pretty(&schema))
        }
        Command::Api => {
            let mut input = Vec::new();
            std::io::stdin()
                .read_to_end(&mut input)
                .map_err(|e| Failure::Io(anyhow::anyhow!("cannot read standard input: {e}")))?;
            let out = qms_api::handle_json(&input);
            let ok =
                serde_json::from_slice::<Value>(&out).is_ok_and(|v| v["ok"] == Value::Bool(true));
            print(&String::from_utf8_lossy(&out))?;
            print("\n")?;
            if ok { Ok(()) } else { Err(Failure::Invalid) }
        }
        Command::Sample {
            checklist_items,
            findings,
            agencies,
            seed,
            output,
            force,
        } => sample::run(checklist_items, findings, agencies, seed, &output, force),
    }
}

/// Calls the API the way a binding would and returns its result.
pub(crate) fn api(request: Value) -> Result<Value, Failure> {
    let bytes = serde_json::to_vec(&request).map_err(|e| Failure::Io(e.into()))?;
    qms_api::handle(&bytes).map_err(|e| Failure::Usage(e.to_string()))
}

/// Writes to standard output; a closed pipe (`qms clauses | head`) is not an error.
pub(crate) fn print(text: &str) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(text.as_bytes()).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Io(anyhow::anyhow!(
            "cannot write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Pretty JSON with a final newline.
pub(crate) fn print_json(v: &Value) -> Result<(), Failure> {
    print(&qms_api::schema::to_pretty(v))
}
