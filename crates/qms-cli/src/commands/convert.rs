//! `qms convert`: 2008 → 2015 through the correlation, ambiguities reported.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{dossier, dossier_text, fail_on};
use crate::output::{read, write_atomic};
use qms_api::OpName;
use qms_api::request::ConvertRequest;
use qms_core::{Edition, Lang};
use std::path::Path;

pub(crate) fn run(
    file: &Path,
    to: Edition,
    output: &Path,
    force: bool,
    lang: Lang,
) -> Result<(), Failure> {
    let bytes = read(file)?;
    let r = ConvertRequest {
        op: OpName::Convert,
        dossier: dossier(&bytes),
        to,
        lang,
    };
    let conversion = qms_api::ops::convert(&r).map_err(|e| fail_on(file, Format::Text, e, lang))?;
    let text = dossier_text(&conversion.dossier)?;
    write_atomic(output, text.as_bytes(), force)?;
    for n in &conversion.notes {
        println!("{}: {}: {}", output.display(), n.path, n.message);
    }
    let count = conversion.notes.len();
    println!(
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
    Ok(())
}
