//! # qms-xlsx
//!
//! Excel workbooks for qms, and the checklist round-trip: auditors fill a checklist workbook
//! offline, the lead auditor imports what they typed back into the dossier, exactly.
//!
//! * [`export_checklists`] writes the checklist workbook of an audit (phiếu câu hỏi đánh giá):
//!   one protected sheet per checklist, dropdowns for the result and the finding kind, hidden
//!   metadata that identifies every row even after sorting or filtering.
//! * [`import_checklists`] reads filled workbooks back. Nothing is lost and nothing is guessed:
//!   anything it cannot apply with certainty is a [`Conflict`] naming the workbook, sheet and
//!   cell, and by default nothing is applied while a conflict remains.
//! * [`render`] writes registers and summaries ([`WorkbookKind`]).
//!
//! ## Limits of the importer
//!
//! | limit | value |
//! |---|---|
//! | workbook file size | [`limits::MAX_FILE_BYTES`] (64 MiB) |
//! | parts in the package | [`limits::MAX_ENTRIES`] |
//! | uncompressed size of one part / of all parts | [`limits::MAX_PART_BYTES`] / [`limits::MAX_TOTAL_BYTES`] |
//! | compression ratio of a part over 1 MiB | [`limits::MAX_RATIO`] : 1 |
//!
//! Sizes are checked from the package's central directory before anything is inflated; a part
//! that inflates past its declared size is refused by the zip reader while it is read, so a
//! package that lies about its sizes fails as well.
//!
//! The library does no I/O of its own except the temporary files of rust_xlsxwriter's
//! constant-memory mode while a checklist of [`STREAMED_ITEMS_MIN`] items or more is written;
//! it never reads the clock.

// Nothing that came from outside may panic the library (a panic behind the C ABI would take
// down the host program): no unwrap/expect/panic/indexing outside tests (issue #11).
#![cfg_attr(
    not(test),
    deny(
        clippy::unwrap_used,
        clippy::expect_used,
        clippy::panic,
        clippy::indexing_slicing
    )
)]

mod error;
mod export;
mod form_code;
mod import;
mod layout;
mod measure;
mod metadata;
mod names;
mod pagination;
mod render;
pub mod safety;
mod signatures;
mod style;

pub use error::{NotXlsx, XlsxError};
pub use export::{
    ExportOptions, MEASURED_ROWS_MAX, STREAMED_ITEMS_MIN, export_checklists,
    export_checklists_observed,
};
pub use import::{
    Change, ChangeKind, Conflict, ConflictKind, FilledWorkbooks, ImportOptions, ImportOutcome,
    ReadWorkbooks, Workbook, import_checklists, import_checklists_observed, limits, merge_filled,
    merge_filled_observed, read_filled, read_filled_observed, read_workbooks_observed,
};
pub use render::{RenderOptions, WorkbookKind, render, render_rollup};

/// Document properties with a creation date taken from the input, never from the clock,
/// so the same input gives byte-identical output.
pub(crate) fn props(
    today: chrono::NaiveDate,
    title: &str,
    subject: &str,
) -> rust_xlsxwriter::DocProperties {
    rust_xlsxwriter::DocProperties::new()
        .set_title(title)
        .set_subject(subject)
        .set_author("qms")
        .set_creation_datetime(&today)
}
