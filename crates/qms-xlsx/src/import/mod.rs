//! Importing filled checklist workbooks back into the dossier.

mod apply;
mod cell_refs;
mod conflicts;
mod matching;
mod parts;
mod read;
mod rows;
#[cfg(test)]
mod scaling_tests;
mod scan;
#[cfg(test)]
mod scan_tests;
mod xml_bits;

pub use apply::{Change, ChangeKind};
pub use conflicts::{Conflict, ConflictKind};

use crate::XlsxError;
use qms_core::{Dossier, Lang};

/// Limits of the importer; a workbook beyond any of them is refused with
/// [`XlsxError::PackageLimit`] before it is parsed.
pub mod limits {
    /// Largest workbook file accepted (64 MiB; a filled 100,000-item checklist is about 5 MiB).
    pub const MAX_FILE_BYTES: u64 = 64 * 1024 * 1024;
    /// Most parts (files) in the zip package.
    pub const MAX_ENTRIES: u64 = 10_000;
    /// Largest uncompressed part (512 MiB).
    pub const MAX_PART_BYTES: u64 = 512 * 1024 * 1024;
    /// Most conflicts reported by one import; the rest are counted in
    /// `ImportOutcome::conflicts_omitted` (any conflict still blocks an all-or-nothing import).
    pub const MAX_CONFLICTS: usize = 1_000;
    /// Largest uncompressed package (1 GiB).
    pub const MAX_TOTAL_BYTES: u64 = 1024 * 1024 * 1024;
    /// Highest compression ratio of a part once it has inflated past [`RATIO_FLOOR`];
    /// real worksheets compress 10 to 30 times, zip bombs thousands of times.
    pub const MAX_RATIO: u64 = 200;
    /// Size under which the ratio is not checked (small parts of repeated XML compress well).
    pub const RATIO_FLOOR: u64 = 1024 * 1024;
}

/// Options of [`import_checklists`].
///
/// ```
/// let opts = qms_xlsx::ImportOptions { partial: false, lang: qms_core::Lang::Vi,
///     list_changes: None };
/// assert!(!opts.partial); // all-or-nothing by default
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct ImportOptions {
    /// Apply the rows without conflicts even when other rows have some.
    pub partial: bool,
    /// Language of the messages (conflict texts are produced with [`Conflict::message`]).
    pub lang: Lang,
    /// Record at most this many [`Change`]s (all when `None`); the others are applied all
    /// the same and counted in [`ImportOutcome::changes_omitted`]. 100,000 filled rows make
    /// about 180,000 changes, some 50 MB of records a terminal does not show.
    pub list_changes: Option<usize>,
}

/// One filled workbook: a name for messages (the file name) and its bytes.
#[derive(Debug, Clone, Copy)]
pub struct Workbook<'a> {
    /// Name shown in conflicts, usually the file name.
    pub name: &'a str,
    /// The .xlsx bytes.
    pub bytes: &'a [u8],
}

/// What an import did.
#[derive(Debug, Clone, PartialEq)]
pub struct ImportOutcome {
    /// The dossier after the import; equal to the input when nothing was applied.
    pub dossier: Dossier,
    /// What was applied, in checklist and item order (the first
    /// [`ImportOptions::list_changes`] of it).
    pub changes: Vec<Change>,
    /// Changes applied beyond those recorded in `changes`.
    pub changes_omitted: usize,
    /// What could not be applied; with conflicts and without `partial`, nothing was applied.
    /// At most [`limits::MAX_CONFLICTS`], in workbook, sheet and cell order.
    pub conflicts: Vec<Conflict>,
    /// Conflicts found beyond [`limits::MAX_CONFLICTS`], counted but not listed.
    pub conflicts_omitted: usize,
}

/// Reads filled checklist workbooks and merges what the auditors typed into the dossier.
///
/// Rows are matched by the hidden key of each row, so sorting and filtering do not matter.
/// Results, evidence and notes go to the checklist items; a finding kind picked on a row
/// creates a finding linked to the item (id `f-CHECKLIST-ITEM`), once. Importing the same
/// workbook again changes nothing.
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let d = sample_dossier(&SampleSpec { checklist_items: 20, findings: 0, seed: 3, agency: 0 });
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let bytes = qms_xlsx::export_checklists(&d, "a0000",
///     &qms_xlsx::ExportOptions { lang: qms_core::Lang::Vi, today, auditor: None, password: None }).unwrap();
/// let wb = qms_xlsx::Workbook { name: "phieu.xlsx", bytes: &bytes };
/// let out = qms_xlsx::import_checklists(&d, &[wb], &qms_xlsx::ImportOptions::default()).unwrap();
/// assert!(out.conflicts.is_empty() && out.changes.is_empty()); // unfilled: nothing to do
/// assert_eq!(out.dossier, d);
/// let err = qms_xlsx::import_checklists(&d, &[qms_xlsx::Workbook { name: "x.pdf", bytes: b"%PDF-1.7" }],
///     &qms_xlsx::ImportOptions::default()).unwrap_err();
/// assert_eq!(err.code(), "not-xlsx");
/// ```
pub fn import_checklists(
    dossier: &Dossier,
    workbooks: &[Workbook<'_>],
    opts: &ImportOptions,
) -> Result<ImportOutcome, XlsxError> {
    import_checklists_observed(dossier, workbooks, opts, &|_, _, _| {})
}

/// [`import_checklists`], telling `observe(done, total, now)` before each step (reading each
/// workbook, matching the rows, applying them) and once at the end (`now` empty), so that a
/// command line can draw a progress bar. The outcome is the same.
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let d = sample_dossier(&SampleSpec { checklist_items: 20, findings: 0, seed: 3, agency: 0 });
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let bytes = qms_xlsx::export_checklists(&d, "a0000",
///     &qms_xlsx::ExportOptions { lang: qms_core::Lang::Vi, today, auditor: None, password: None }).unwrap();
/// let wb = [qms_xlsx::Workbook { name: "phieu.xlsx", bytes: &bytes }];
/// let steps = std::sync::Mutex::new(Vec::new());
/// let opts = qms_xlsx::ImportOptions::default();
/// let out = qms_xlsx::import_checklists_observed(&d, &wb, &opts, &|done, total, _| {
///     steps.lock().unwrap().push((done, total));
/// }).unwrap();
/// assert_eq!(steps.into_inner().unwrap(), [(0, 3), (1, 3), (2, 3), (3, 3)]);
/// assert_eq!(out, qms_xlsx::import_checklists(&d, &wb, &opts).unwrap());
/// ```
pub fn import_checklists_observed(
    dossier: &Dossier,
    workbooks: &[Workbook<'_>],
    opts: &ImportOptions,
    observe: &(dyn Fn(usize, usize, &str) + Sync),
) -> Result<ImportOutcome, XlsxError> {
    let filled = read_filled_observed(dossier, workbooks, observe)?;
    Ok(merge_filled_observed(
        dossier.clone(),
        filled,
        opts,
        observe,
    ))
}

/// Filled workbooks read and checked by [`read_filled`], ready for [`merge_filled`].
pub struct FilledWorkbooks<'a> {
    read: Vec<(&'a str, read::WorkbookData)>,
}

/// The first half of [`import_checklists`]: reads the workbooks and checks that they belong to
/// the dossier. Every error of an import comes from here, so that a caller who owns the
/// dossier can still use it in its error report, then hand it to [`merge_filled`] without a
/// copy (a 100,000-item dossier is about 85 MB in memory).
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let d = sample_dossier(&SampleSpec { checklist_items: 20, findings: 0, seed: 3, agency: 0 });
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let bytes = qms_xlsx::export_checklists(&d, "a0000",
///     &qms_xlsx::ExportOptions { lang: qms_core::Lang::Vi, today, auditor: None, password: None }).unwrap();
/// let books = [qms_xlsx::Workbook { name: "phieu.xlsx", bytes: &bytes }];
/// let filled = qms_xlsx::read_filled(&d, &books).unwrap();
/// let out = qms_xlsx::merge_filled(d.clone(), filled, &qms_xlsx::ImportOptions::default());
/// assert_eq!(out.dossier, d); // unfilled: nothing to do
/// ```
pub fn read_filled<'a>(
    dossier: &Dossier,
    workbooks: &[Workbook<'a>],
) -> Result<FilledWorkbooks<'a>, XlsxError> {
    read_filled_observed(dossier, workbooks, &|_, _, _| {})
}

/// [`read_filled`], telling `observe` before reading each workbook (the steps of
/// [`import_checklists_observed`]).
pub fn read_filled_observed<'a>(
    dossier: &Dossier,
    workbooks: &[Workbook<'a>],
    observe: &(dyn Fn(usize, usize, &str) + Sync),
) -> Result<FilledWorkbooks<'a>, XlsxError> {
    read_workbooks_observed(workbooks, observe).for_dossier(dossier)
}

/// Workbooks read before the dossier they belong to is at hand ([`read_workbooks_observed`]):
/// a caller can read them while it loads the dossier, then check them against it with
/// [`ReadWorkbooks::for_dossier`].
pub struct ReadWorkbooks<'a> {
    /// Each workbook read, in order, up to the first one that could not be read.
    read: Vec<Result<(&'a str, read::WorkbookData), XlsxError>>,
}

/// The reading half of [`read_filled_observed`], which needs no dossier: the same steps, the
/// same errors, reported by [`ReadWorkbooks::for_dossier`] in the same order.
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let d = sample_dossier(&SampleSpec { checklist_items: 20, findings: 0, seed: 3, agency: 0 });
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
/// let bytes = qms_xlsx::export_checklists(&d, "a0000",
///     &qms_xlsx::ExportOptions { lang: qms_core::Lang::Vi, today, auditor: None, password: None }).unwrap();
/// let books = [qms_xlsx::Workbook { name: "phieu.xlsx", bytes: &bytes }];
/// // In a real caller, on another thread while the dossier loads.
/// let read = qms_xlsx::read_workbooks_observed(&books, &|_, _, _| {});
/// let filled = read.for_dossier(&d).unwrap();
/// let out = qms_xlsx::merge_filled(d.clone(), filled, &qms_xlsx::ImportOptions::default());
/// assert_eq!(out.dossier, d);
/// ```
pub fn read_workbooks_observed<'a>(
    workbooks: &[Workbook<'a>],
    observe: &(dyn Fn(usize, usize, &str) + Sync),
) -> ReadWorkbooks<'a> {
    // Reading each workbook, matching, applying.
    let total = workbooks.len() + 2;
    let mut read = Vec::with_capacity(workbooks.len());
    for (i, wb) in workbooks.iter().enumerate() {
        observe(i, total, wb.name);
        let data = read::check_package(wb.name, wb.bytes)
            .and_then(|()| read::read_workbook(wb.name, wb.bytes));
        let failed = data.is_err();
        read.push(data.map(|data| (wb.name, data)));
        if failed {
            break;
        }
    }
    ReadWorkbooks { read }
}

impl<'a> ReadWorkbooks<'a> {
    /// Checks that every workbook was read and belongs to `dossier`: the first error in
    /// workbook order, as [`read_filled_observed`] finds it.
    pub fn for_dossier(self, dossier: &Dossier) -> Result<FilledWorkbooks<'a>, XlsxError> {
        let mut read = Vec::with_capacity(self.read.len());
        for book in self.read {
            let (name, data) = book?;
            if data.meta.dossier != dossier.id {
                return Err(XlsxError::OtherDossier {
                    workbook: name.to_owned(),
                    expected: dossier.id.clone(),
                    found: data.meta.dossier.clone(),
                });
            }
            read.push((name, data));
        }
        Ok(FilledWorkbooks { read })
    }
}

/// The second half of [`import_checklists`]: matches the rows read by [`read_filled`] (from
/// the same dossier) and applies them to the dossier in place, taking ownership of it.
pub fn merge_filled(
    dossier: Dossier,
    filled: FilledWorkbooks<'_>,
    opts: &ImportOptions,
) -> ImportOutcome {
    merge_filled_observed(dossier, filled, opts, &|_, _, _| {})
}

/// [`merge_filled`], telling `observe` before matching, before applying and at the end (the
/// last steps of [`import_checklists_observed`]).
pub fn merge_filled_observed(
    mut dossier: Dossier,
    filled: FilledWorkbooks<'_>,
    opts: &ImportOptions,
    observe: &(dyn Fn(usize, usize, &str) + Sync),
) -> ImportOutcome {
    let books = filled.read.len();
    let total = books + 2;
    observe(books, total, "");
    let mut filled = filled;
    let matched = matching::match_rows(&dossier, &mut filled.read);
    // The rows read are no longer needed; free them before the changes are recorded.
    drop(filled);
    let blocked = !matched.conflicts.is_empty();
    let (mut conflicts, conflicts_omitted) = matched.conflicts.into_parts();
    observe(total - 1, total, "");
    let mut log = apply::ChangeLog::new(opts.list_changes);
    if !blocked || opts.partial {
        apply::apply(&mut dossier, matched.answers, &mut log);
    }
    observe(total, total, "");
    conflicts.sort_by(|a, b| {
        (&a.workbook, &a.sheet, cell_order(&a.cell)).cmp(&(
            &b.workbook,
            &b.sheet,
            cell_order(&b.cell),
        ))
    });
    ImportOutcome {
        dossier,
        changes: log.listed,
        changes_omitted: log.omitted,
        conflicts,
        conflicts_omitted,
    }
}

/// Orders "F12" after "J9": by row number, then column.
fn cell_order(cell: &str) -> (u32, String) {
    let split = cell
        .find(|c: char| c.is_ascii_digit())
        .unwrap_or(cell.len());
    let (letters, digits) = cell.split_at(split);
    (digits.parse().unwrap_or(0), letters.to_owned())
}
