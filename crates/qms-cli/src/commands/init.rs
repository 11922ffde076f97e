//! `qms init`: a starter dossier.

use crate::Failure;
use crate::commands::{dossier_text, fail, print};
use crate::output::write_atomic;
use qms_api::OpName;
use qms_api::request::InitRequest;
use qms_core::Lang;
use std::path::Path;

pub(crate) fn run(
    agency: String,
    output: Option<&Path>,
    schema: Option<String>,
    force: bool,
) -> Result<(), Failure> {
    let r = InitRequest {
        op: OpName::Init,
        agency,
        schema,
        lang: Lang::Vi,
    };
    let made = qms_api::ops::init(&r).map_err(|e| fail(e, Lang::Vi))?;
    let text = dossier_text(&made.dossier)?;
    match output {
        Some(path) => {
            write_atomic(path, text.as_bytes(), force)?;
            say!(
                "qms: đã tạo {0}; tiếp theo: qms validate {0} / wrote {0}; next: qms validate {0}",
                path.display()
            );
            Ok(())
        }
        None => print(&text),
    }
}
