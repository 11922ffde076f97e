//! The op functions: each takes its typed request and answers its typed response. [`crate::call`]
//! dispatches to them, and Rust callers (the CLI) call them directly: one code path.

mod analysis;
mod documents;
mod dossiers;
mod render_all;
mod transition;

pub use analysis::{check, clauses, convert, correlate, explain, rules, validate};
pub use documents::{
    Document, MEDIA_DOCX, MEDIA_XLSX, export_checklist, export_checklist_observed,
    import_checklist, import_checklist_observed, render,
};
pub use dossiers::{SAMPLE_MAX, checklist_new, init, sample, schema};
pub use render_all::{
    DocumentFailure, FAILURES_ENTRY, MEDIA_ZIP, Step, all_documents, all_documents_observed,
    all_documents_partial, document_entries, failure_reports, render_all, render_all_documents,
    render_all_documents_observed,
};
pub use transition::transition;

use crate::error::ApiError;
use crate::request::DossierArg;
use crate::request::dossier_arg_shift as shift;
use crate::response::ProblemReport;
use qms_core::load::LoadReport;
use qms_core::{Dossier, Lang, Problem};

/// A load problem as the API reports it, located in the request for an inline dossier.
pub(crate) fn problem_report(
    p: &Problem,
    lang: Lang,
    offset: Option<(usize, usize)>,
) -> ProblemReport {
    let (line, column) = shift(p.line, p.column, offset);
    ProblemReport {
        code: p.code(),
        severity: "error",
        path: p.path.to_string(),
        pointer: p.path.pointer(),
        line,
        column,
        message: p.message(lang),
    }
}

/// Parses a dossier and reports every problem. Bytes handed over ([`DossierArg::Owned`], a
/// dossier given as a JSON string) are loaded in place, which reads an escaped dossier as fast
/// as an unescaped one, and are freed once loaded.
pub(crate) fn load(arg: DossierArg<'_>) -> LoadReport {
    match arg {
        DossierArg::Owned(bytes) => qms_core::load::load_report_owned(bytes),
        DossierArg::Text(text) => qms_core::load::load_report_owned(text.into_bytes()),
        borrowed => qms_core::load_report(borrowed.bytes()),
    }
}

/// A dossier the op can run on, or `invalid-dossier` with every problem (see [`load`]).
pub(crate) fn valid_dossier(arg: DossierArg<'_>, lang: Lang) -> Result<Dossier, ApiError> {
    let offset = arg.offset();
    valid(load(arg), lang, offset)
}

/// [`valid_dossier`] for an op that reads the dossier's text again afterwards (to place its
/// diagnostics): the text is left as it is.
pub(crate) fn valid_dossier_kept(arg: &DossierArg<'_>, lang: Lang) -> Result<Dossier, ApiError> {
    valid(qms_core::load_report(arg.bytes()), lang, arg.offset())
}

fn valid(
    report: LoadReport,
    lang: Lang,
    offset: Option<(usize, usize)>,
) -> Result<Dossier, ApiError> {
    match report.dossier {
        Some(d) if report.problems.is_empty() => Ok(d),
        _ => Err(ApiError::InvalidDossier {
            problems: report
                .problems
                .iter()
                .map(|p| problem_report(p, lang, offset))
                .collect(),
        }),
    }
}
