//! One module per command; each turns arguments into calls of qms-api / qms-core.

mod catalog;
mod check;
mod check_text;
mod checklist;
mod convert;
mod documents;
mod init;
mod rollup;
mod sample;
mod shell_integration;
mod validate;

use crate::Failure;
use crate::cli::{Cli, Command, Format, SchemaArg};
use qms_api::request::{DossierArg, SchemaOf, SchemaRequest};
use qms_api::{ApiError, OpName, Status};
use qms_core::Lang;
use serde_json::Value;
use std::io::{Read, Write};
use std::path::Path;

pub(crate) fn run(cli: Cli) -> Result<(), Failure> {
    match cli.command {
        Command::Init {
            agency,
            output,
            schema,
            force,
        } => init::run(agency, output.as_deref(), schema, force),
        Command::Validate { file, format, lang } => validate::run(&file, format, lang.lang()),
        Command::Check {
            file,
            today,
            format,
            lang,
            rules,
            severity,
            unit,
            limit,
            full,
        } => {
            let filter = qms_api::request::CheckFilter {
                rules,
                severity: severity.map(|s| s.severity()),
                unit,
                limit,
            };
            check::run(&file, today, format, lang.lang(), filter, full)
        }
        Command::Rules { format, lang } => check::rules(format, lang.lang()),
        Command::Explain { code, format, lang } => check::explain(&code, format, lang.lang()),
        Command::Completions { shell } => shell_integration::completions(shell),
        Command::Man { command } => shell_integration::man(command.as_deref()),
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
            live_overdue,
        } => {
            let target = documents::Target {
                audit,
                review,
                corrective_action,
                format,
                live_overdue,
            };
            let opts = documents::Opts {
                lang: lang.lang(),
                today: today.unwrap_or_else(documents::system_today),
                force,
            };
            documents::render(&kind, &file, target, output.as_deref(), &opts)
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
            let of = match of {
                SchemaArg::Dossier => SchemaOf::Dossier,
                SchemaArg::Request => SchemaOf::Request,
                SchemaArg::Response => SchemaOf::Response,
            };
            let r = SchemaRequest {
                op: OpName::Schema,
                of,
                lang: Lang::Vi,
            };
            let schema = qms_api::ops::schema(&r).map_err(|e| fail(e, Lang::Vi))?;
            print(&qms_api::schema::to_pretty(&schema))
        }
        Command::Api { inputs } => {
            let mut input = Vec::new();
            std::io::stdin()
                .read_to_end(&mut input)
                .map_err(|e| Failure::Io(anyhow::anyhow!("cannot read standard input: {e}")))?;
            let files = inputs
                .iter()
                .map(|p| crate::output::read(p))
                .collect::<Result<Vec<_>, _>>()?;
            let files: Vec<&[u8]> = files.iter().map(Vec::as_slice).collect();
            // A JSON-only transport: documents come back as base64 inside the JSON.
            let r = qms_api::call_json_only(&input, &files);
            let ok = r.status == Status::Ok;
            // The envelope is assembled around the body, which is already JSON.
            let mut out = Vec::with_capacity(r.json.len() + 32);
            out.extend_from_slice(if ok {
                br#"{"ok":true,"result":"#
            } else {
                br#"{"ok":false,"error":"#
            });
            out.extend_from_slice(&r.json);
            out.extend_from_slice(b"}\n");
            print_bytes(&out)?;
            if ok { Ok(()) } else { Err(Failure::Invalid) }
        }
        Command::Sample {
            checklist_items,
            findings,
            agencies,
            seed,
            output,
            force,
            shape,
        } => sample::run(
            checklist_items,
            findings,
            agencies,
            seed,
            &output,
            force,
            &shape,
        ),
    }
}

/// Reports an API error in the user's language and maps it to an exit code: a request the
/// arguments made wrong is a usage error (2), anything else is invalid input (1).
pub(crate) fn fail(e: ApiError, lang: Lang) -> Failure {
    let msg = e.message(lang);
    match e.status() {
        Status::BadRequest | Status::UnknownOp => Failure::Usage(msg),
        _ => {
            say!("qms: {msg}");
            Failure::Invalid
        }
    }
}

/// Like [`fail`], but a dossier that does not load is reported the way `qms validate` reports
/// it (nothing can be done with it before it loads).
pub(crate) fn fail_on(file: &Path, format: Format, e: ApiError, lang: Lang) -> Failure {
    match e {
        ApiError::InvalidDossier { problems } => {
            match validate::report(file, &problems, None, format, lang) {
                Ok(()) => Failure::Invalid,
                Err(f) => f,
            }
        }
        e => fail(e, lang),
    }
}

/// The bytes of a dossier file, as the API takes them.
pub(crate) fn dossier(bytes: &[u8]) -> DossierArg<'_> {
    DossierArg::Bytes(bytes)
}

/// Writes to standard output; a closed pipe (`qms clauses | head`) is not an error.
pub(crate) fn print(text: &str) -> Result<(), Failure> {
    print_bytes(crate::output::terminal_safe(text).as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => Err(Failure::Io(anyhow::anyhow!(
            "cannot write to standard output: {e}"
        ))),
        _ => Ok(()),
    }
}

/// Pretty JSON with a final newline, members in alphabetical order (as the CLI always
/// printed them).
pub(crate) fn print_json(v: &impl serde::Serialize) -> Result<(), Failure> {
    let v = serde_json::to_value(v).map_err(|e| Failure::Io(e.into()))?;
    print(&qms_api::schema::to_pretty(&v))
}

/// A response as a JSON object with one more member (the file it is about).
pub(crate) fn with_file(v: &impl serde::Serialize, file: &Path) -> Result<Value, Failure> {
    let mut v = serde_json::to_value(v).map_err(|e| Failure::Io(e.into()))?;
    if let Value::Object(o) = &mut v {
        o.insert("file".into(), file.display().to_string().into());
    }
    Ok(v)
}

/// A dossier as the CLI writes it: pretty JSON with a final newline.
pub(crate) fn dossier_text(d: &qms_core::Dossier) -> Result<String, Failure> {
    let mut text = serde_json::to_string_pretty(d).map_err(|e| Failure::Io(e.into()))?;
    text.push('\n');
    Ok(text)
}
