//! `qms init`: a starter dossier.

use crate::Failure;
use crate::cli::Format;
use crate::commands::{dossier_text, fail, print, write_file};
use crate::report::{self, note};
use qms_api::OpName;
use qms_api::request::InitRequest;
use qms_core::Lang;
use std::path::Path;

pub(crate) fn run(
    agency: String,
    output: Option<&Path>,
    schema: Option<String>,
    force: bool,
    format: Format,
    lang: Lang,
) -> Result<(), Failure> {
    let r = InitRequest {
        op: OpName::Init,
        agency,
        schema,
        lang,
    };
    let made = qms_api::ops::init(&r).map_err(|e| fail(e, lang))?;
    let text = dossier_text(&made.dossier)?;
    match output {
        Some(path) => {
            write_file(path, text.as_bytes(), force)?;
            report::data_without(&made, &["dossier"]);
            note!(
                "{}",
                match lang {
                    Lang::Vi => format!(
                        "qms: đã tạo {0}; tiếp theo: qms validate {0}",
                        path.display()
                    ),
                    Lang::En => format!("qms: wrote {0}; next: qms validate {0}", path.display()),
                }
            );
            Ok(())
        }
        // In JSON the dossier is the report's data; in text it is the output.
        None if format == Format::Json => {
            report::data(&made);
            Ok(())
        }
        None => print(&text),
    }
}
