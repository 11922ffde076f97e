//! `qms convert`: 2008 → 2015 through the correlation, ambiguities reported.

use crate::Failure;
use crate::output::{read, write_atomic};
use qms_core::{Edition, Lang};
use std::path::Path;

pub(crate) fn run(
    file: &Path,
    to: Edition,
    output: &Path,
    force: bool,
    lang: Lang,
) -> Result<(), Failure> {
    if to != Edition::Iso9001_2015 {
        return Err(Failure::Usage(
            "chỉ chuyển đổi được sang 2015 / only --to 2015 is supported".into(),
        ));
    }
    let bytes = read(file)?;
    let Ok(dossier) = qms_core::load(&bytes) else {
        return super::validate::run(file, crate::cli::Format::Text, lang);
    };
    let conversion = match qms_core::convert::to_2015(&dossier) {
        Ok(c) => c,
        Err(e) => {
            eprintln!(
                "qms: {}",
                lang.pick("hồ sơ đã theo TCVN ISO 9001:2015", &e.to_string())
            );
            return Err(Failure::Invalid);
        }
    };
    let problems = qms_core::validate(&conversion.dossier);
    if let Some(p) = problems.first() {
        // A 2008 clause the correlation does not know stays as it was and fails validation.
        eprintln!("qms: {}: {}", p.path, p.message(lang));
        return Err(Failure::Invalid);
    }
    let mut text =
        serde_json::to_string_pretty(&conversion.dossier).map_err(|e| Failure::Io(e.into()))?;
    text.push('\n');
    write_atomic(output, text.as_bytes(), force)?;
    for n in &conversion.notes {
        println!("{}: {}: {}", output.display(), n.path, n.message(lang));
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
