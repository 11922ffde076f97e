//! `qms init`: a starter dossier.

use crate::Failure;
use crate::commands::print;
use crate::output::write_atomic;
use std::path::Path;

pub(crate) fn run(agency: &str, output: Option<&Path>, force: bool) -> Result<(), Failure> {
    let mut dossier = qms_core::starter::starter_dossier(agency);
    dossier.schema = Some("https://qms.invalid/schema/dossier.schema.json".into());
    let mut text = serde_json::to_string_pretty(&dossier).map_err(|e| Failure::Io(e.into()))?;
    text.push('\n');
    match output {
        Some(path) => {
            write_atomic(path, text.as_bytes(), force)?;
            eprintln!(
                "qms: đã tạo {0}; tiếp theo: qms validate {0} / wrote {0}; next: qms validate {0}",
                path.display()
            );
            Ok(())
        }
        None => print(&text),
    }
}
