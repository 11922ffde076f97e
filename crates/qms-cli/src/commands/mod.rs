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
mod transition;
mod validate;

use crate::Failure;
use crate::cli::{ChecklistCommand, Cli, Command, Format, RenderFormat, SchemaArg};
use crate::report;
use qms_api::request::{DossierArg, SchemaOf, SchemaRequest};
use qms_api::{ApiError, OpName, Status};
use qms_core::Lang;
use std::io::{Read, Write};
use std::path::{Path, PathBuf};

/// The command's name as the JSON report gives it ("check", "checklist export", "render all"),
/// the file it is about, and whether it reports in JSON.
fn describe(c: &Command) -> (String, Option<&Path>, bool) {
    use ChecklistCommand as C;
    let json = |f: &Format| *f == Format::Json;
    let (name, file, json) = match c {
        Command::Init { format, .. } => ("init", None, json(format)),
        Command::Validate { file, format, .. } => ("validate", Some(file), json(format)),
        Command::Check { file, format, .. } => ("check", Some(file), json(format)),
        Command::Rules { format, .. } => ("rules", None, json(format)),
        Command::Explain { format, .. } => ("explain", None, json(format)),
        Command::Completions { .. } => ("completions", None, false),
        Command::Man { .. } => ("man", None, false),
        Command::Clauses { format, .. } => ("clauses", None, json(format)),
        Command::Correlate { format, .. } => ("correlate", None, json(format)),
        Command::Convert { file, format, .. } => ("convert", Some(file), json(format)),
        Command::Checklist { command } => match command {
            C::Export { file, format, .. } => ("checklist export", Some(file), json(format)),
            C::Import { file, format, .. } => ("checklist import", Some(file), json(format)),
            C::New { file, format, .. } => ("checklist new", Some(file), json(format)),
        },
        Command::Render {
            kind, file, format, ..
        } => (
            if kind == "all" {
                "render all"
            } else {
                "render"
            },
            Some(file),
            format.contains(&RenderFormat::Json),
        ),
        Command::Demo { format, .. } => ("demo", None, json(format)),
        Command::Schema { .. } => ("schema", None, false),
        Command::Api { .. } => ("api", None, false),
        Command::Rollup { format, .. } => ("rollup", None, json(format)),
        Command::Sample { format, .. } => ("sample", None, json(format)),
        Command::Transition { file, format, .. } => ("transition", Some(file), json(format)),
    };
    (name.to_owned(), file.map(PathBuf::as_path), json)
}

pub(crate) fn run(cli: Cli) -> Result<(), Failure> {
    let (name, file, json) = describe(&cli.command);
    report::start(name, cli.quiet, json);
    if let Some(f) = file {
        report::file(f);
    }
    match cli.command {
        Command::Init {
            agency,
            output,
            schema,
            force,
            format,
            lang,
        } => init::run(
            agency,
            output.as_deref(),
            schema,
            force,
            format,
            lang.lang(),
        ),
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
        Command::Completions { shell, lang } => shell_integration::completions(shell, help(lang)),
        Command::Man { command, lang } => shell_integration::man(command.as_deref(), help(lang)),
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
            format,
            lang,
        } => convert::run(&file, to.edition(), &output, force, format, lang.lang()),
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
            let doc_format = format.iter().rev().find_map(|f| match f {
                RenderFormat::Docx => Some(qms_api::request::Format::Docx),
                RenderFormat::Xlsx => Some(qms_api::request::Format::Xlsx),
                RenderFormat::Text | RenderFormat::Json => None,
            });
            let target = documents::Target {
                audit,
                review,
                corrective_action,
                format: doc_format,
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
            format: _,
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
            format: _,
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
            nested: false,
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
            std::io::stdin().read_to_end(&mut input).map_err(|e| {
                Failure::Io(crate::output::io_failure(
                    "không đọc được đầu vào chuẩn",
                    "cannot read standard input",
                    &e,
                ))
            })?;
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
            format: _,
        } => sample::run(
            checklist_items,
            findings,
            agencies,
            seed,
            &output,
            force,
            &shape,
        ),
        Command::Transition {
            file,
            corrective_action,
            to,
            date,
            output,
            force,
            format,
            lang,
        } => transition::run(
            &transition::Args {
                file,
                corrective_action,
                to,
                date: date.unwrap_or_else(documents::system_today),
                output,
                force,
            },
            format,
            lang.lang(),
        ),
    }
}

/// The language of help texts: `--lang`, else the environment's.
fn help(lang: Option<crate::cli::LangArg>) -> Lang {
    lang.map_or_else(crate::localize::env_lang, |l| l.lang())
}

/// Reports an API error in the user's language and maps it to an exit code: a request the
/// arguments made wrong is a usage error (2), anything else is invalid input (1).
pub(crate) fn fail(e: ApiError, lang: Lang) -> Failure {
    report::error(&e.to_response(lang));
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
pub(crate) fn fail_on(file: &Path, e: ApiError, lang: Lang) -> Failure {
    match e {
        ApiError::InvalidDossier { ref problems } => {
            report::error(&e.to_response(lang));
            if report::json() {
                return Failure::Invalid;
            }
            match validate::report_text(file, problems, None, lang) {
                Ok(()) => Failure::Invalid,
                Err(f) => f,
            }
        }
        e => fail(e, lang),
    }
}

/// The bytes of a dossier file, handed over to the API: it loads them in place and frees them
/// once loaded (see `DossierArg::Owned`).
pub(crate) fn dossier(bytes: Vec<u8>) -> DossierArg<'static> {
    DossierArg::Owned(bytes)
}

/// Writes to standard output; a closed pipe (`qms clauses | head`) is not an error.
pub(crate) fn print(text: &str) -> Result<(), Failure> {
    print_bytes(crate::output::terminal_safe(text).as_bytes())
}

fn print_bytes(bytes: &[u8]) -> Result<(), Failure> {
    let mut out = std::io::stdout().lock();
    match out.write_all(bytes).and_then(|()| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure::Io(crate::output::io_failure(
                "không ghi được ra đầu ra chuẩn",
                "cannot write to standard output",
                &e,
            )))
        }
        _ => Ok(()),
    }
}

/// A dossier as the CLI writes it: pretty JSON with a final newline.
pub(crate) fn dossier_text(d: &qms_core::Dossier) -> Result<String, Failure> {
    let mut text = serde_json::to_string_pretty(d).map_err(|e| Failure::Io(e.into()))?;
    text.push('\n');
    Ok(text)
}

/// Writes a dossier as [`dossier_text`] makes it to a file, atomically, streaming the JSON
/// to the file instead of building it in memory first; records it for the JSON report.
pub(crate) fn write_dossier_file(
    path: &Path,
    d: &qms_core::Dossier,
    force: bool,
) -> Result<(), Failure> {
    let mut size = 0usize;
    crate::output::write_atomic_with(path, force, &mut |file| {
        // serde_json writes many small pieces: buffer them before anything else sees them.
        let mut out = std::io::BufWriter::with_capacity(
            1 << 20,
            Counted {
                inner: file,
                bytes: 0,
            },
        );
        serde_json::to_writer_pretty(&mut out, d)?;
        out.write_all(b"\n")?;
        out.flush()?;
        size = out.get_ref().bytes;
        Ok(())
    })?;
    report::written(path, size);
    Ok(())
}

/// A writer that counts what goes through it.
struct Counted<'a> {
    inner: &'a mut dyn Write,
    bytes: usize,
}

impl Write for Counted<'_> {
    fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
        let n = self.inner.write(buf)?;
        self.bytes += n;
        Ok(n)
    }
    fn flush(&mut self) -> std::io::Result<()> {
        self.inner.flush()
    }
}

/// Writes a file atomically (never over an existing one without `force`) and records it for
/// the JSON report.
pub(crate) fn write_file(path: &Path, bytes: &[u8], force: bool) -> anyhow::Result<()> {
    crate::output::write_atomic(path, bytes, force)?;
    report::written(path, bytes.len());
    Ok(())
}

/// A count for people: "12.345" in Vietnamese, "12,345" in English.
pub(crate) fn n(count: usize, lang: Lang) -> String {
    qms_core::numbers::count(count as u64, lang)
}

/// "đã ghi X (12.345 byte)" / "wrote X (12,345 bytes)".
pub(crate) fn wrote(path: &Path, size: usize, lang: Lang) -> String {
    let n = qms_core::numbers::count(size as u64, lang);
    match lang {
        Lang::Vi => format!("đã ghi {} ({n} byte)", path.display()),
        Lang::En => format!("wrote {} ({n} bytes)", path.display()),
    }
}
