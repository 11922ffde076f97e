//! `qms convert`: 2008 → 2015 through the correlation, ambiguities reported.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{dossier, dossier_text, fail_on, print, write_file};
use crate::output::read;
use crate::report;
use qms_api::OpName;
use qms_api::request::ConvertRequest;
use qms_core::{Edition, Lang};
use std::fmt::Write;
use std::path::Path;

pub(crate) fn run(
    file: &Path,
    to: Edition,
    output: &Path,
    force: bool,
    format: Format,
    lang: Lang,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    let r = ConvertRequest {
        op: OpName::Convert,
        dossier: dossier(bytes),
        to,
        lang,
    };
    let conversion = qms_api::ops::convert(r).map_err(|e| fail_on(file, e, lang))?;
    let text = dossier_text(&conversion.dossier)?;
    write_file(output, text.as_bytes(), force)?;
    if format == Format::Json {
        report::data_without(&conversion, &["dossier"]);
        return Ok(());
    }
    let mut out = String::new();
    for n in &conversion.notes {
        let _ = writeln!(out, "{}: {}: {}", output.display(), n.path, n.message);
    }
    let count = conversion.notes.len();
    let _ = writeln!(
        out,
        "{}",
        match lang {
            Lang::Vi => format!(
                "đã ghi {}: TCVN ISO 9001:2015, {count} ánh xạ cần xem lại (điều khoản 2008 cũ được giữ trong legacy_clauses)",
                output.display()
            ),
            Lang::En => format!(
                "wrote {}: TCVN ISO 9001:2015, {count} mapping(s) to review (the 2008 clauses are kept in legacy_clauses)",
                output.display()
            ),
        }
    );
    print(&out)
}
