//! `render-all`: every document of a dossier, and their zip (one body for the C ABI).

use super::documents::{Document, MEDIA_DOCX, Target, render_document};
use super::valid_dossier;
use crate::boundary;
use crate::error::ApiError;
use crate::file_name::{make_unique, sanitize};
use crate::request::{DocumentKind, Format, RenderAllRequest};
use crate::response::{DocumentEntry, FailedDocument};
use qms_core::{Dossier, Lang};
use std::io::Write;

/// Media type of the zip of `render-all`.
pub const MEDIA_ZIP: &str = "application/zip";

/// A workbook `render-all` could not make (the others are made): its intended name and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocumentFailure {
    /// The file name it would have had.
    pub file_name: String,
    /// Why not (e.g. a text over Excel's 32,767-character cell limit, naming the cell).
    pub error: ApiError,
}

/// Every document a dossier supports, Word then Excel, in a fixed order, with unique file
/// names: what `qms render all` and `qms demo` write. A workbook that cannot be made (a text
/// too long for an Excel cell) is left out and reported; the Word documents and the other
/// workbooks are still made.
///
/// ```
/// let d = qms_core::load(include_bytes!("../../../../examples/so-khcn-ninh-binh.json")).unwrap();
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let (docs, failed) = qms_api::ops::all_documents_partial(&d, qms_core::Lang::Vi, today).unwrap();
/// assert!(failed.is_empty() && docs.iter().any(|x| x.file_name.ends_with(".docx")));
/// ```
pub fn all_documents_partial(
    d: &Dossier,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<(Vec<Document>, Vec<DocumentFailure>), ApiError> {
    all_documents_observed(d, lang, today, &|_| {})
}

/// How far a long op has got: `done` of `total` steps, and the step now starting (a file
/// name). Observing changes nothing in what the op answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step<'a> {
    /// Steps finished.
    pub done: usize,
    /// Steps in all.
    pub total: usize,
    /// What is being made now ("" once everything is done).
    pub now: &'a str,
}

/// [`all_documents_partial`], telling `observe` before each step (the Word documents, then
/// each workbook) and once at the end, so a command line can draw a progress bar.
///
/// ```
/// let d = qms_core::load(include_bytes!("../../../../examples/so-khcn-ninh-binh.json")).unwrap();
/// let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
/// let seen = std::sync::Mutex::new(Vec::new());
/// let (docs, _) = qms_api::ops::all_documents_observed(&d, qms_core::Lang::Vi, today, &|s| {
///     seen.lock().unwrap().push((s.done, s.total));
/// }).unwrap();
/// let seen = seen.into_inner().unwrap();
/// assert_eq!(seen.first(), Some(&(0, seen[0].1)));
/// assert_eq!(seen.last().map(|s| s.0), Some(seen[0].1));
/// assert_eq!(docs, qms_api::ops::all_documents_partial(&d, qms_core::Lang::Vi, today).unwrap().0);
/// ```
pub fn all_documents_observed(
    d: &Dossier,
    lang: Lang,
    today: chrono::NaiveDate,
    observe: &(dyn Fn(Step<'_>) + Sync),
) -> Result<(Vec<Document>, Vec<DocumentFailure>), ApiError> {
    let mut opts = qms_docx::RenderOptions::new(today);
    opts.lang = lang;
    // The workbooks to make, in order: known ahead so that the total is right from the start.
    let mut workbooks: Vec<(DocumentKind, Option<&str>)> = Vec::new();
    if !d.programmes.is_empty() {
        workbooks.push((DocumentKind::Programme, None));
    }
    for a in &d.audits {
        if !a.checklists.is_empty() {
            workbooks.push((DocumentKind::Checklist, Some(&a.id)));
        }
        workbooks.push((DocumentKind::Findings, Some(&a.id)));
        workbooks.push((DocumentKind::Summary, Some(&a.id)));
    }
    workbooks.push((DocumentKind::Actions, None));
    workbooks.push((DocumentKind::Registers, None));
    let total = workbooks.len() + 1;
    observe(Step {
        done: 0,
        total,
        now: "*.docx",
    });
    let mut docs: Vec<Document> = qms_docx::render_all(d, &opts)
        .map_err(|e| boundary::docx(e, d))?
        .into_iter()
        .map(|(name, bytes)| Document {
            file_name: sanitize(&name),
            media_type: MEDIA_DOCX,
            bytes,
        })
        .collect();
    let mut failed = Vec::new();
    for (i, (kind, audit)) in workbooks.into_iter().enumerate() {
        let file_name = crate::file_name::document_file_name(kind.slug(), audit, "xlsx");
        observe(Step {
            done: i + 1,
            total,
            now: &file_name,
        });
        let t = Target {
            audit,
            ..Target::default()
        };
        match render_document(d, kind, Some(Format::Xlsx), &t, lang, today) {
            Ok(doc) => docs.push(doc),
            Err(error) => failed.push(DocumentFailure { file_name, error }),
        }
    }
    observe(Step {
        done: total,
        total,
        now: "",
    });
    let mut names: Vec<String> = docs.iter().map(|x| x.file_name.clone()).collect();
    make_unique(&mut names);
    for (doc, name) in docs.iter_mut().zip(names) {
        doc.file_name = name;
    }
    Ok((docs, failed))
}

/// Every document, or the first failure: for callers that want all or nothing.
pub fn all_documents(
    d: &Dossier,
    lang: Lang,
    today: chrono::NaiveDate,
) -> Result<Vec<Document>, ApiError> {
    let (docs, mut failed) = all_documents_partial(d, lang, today)?;
    match failed.is_empty() {
        true => Ok(docs),
        false => Err(failed.swap_remove(0).error),
    }
}

/// Every document of the request's dossier (what `qms render all` writes into a directory).
pub fn render_all_documents(
    r: RenderAllRequest<'_>,
) -> Result<(Vec<Document>, Vec<DocumentFailure>), ApiError> {
    let d = valid_dossier(r.dossier, r.lang)?;
    all_documents_partial(&d, r.lang, r.today)
}

/// [`render_all_documents`] with a progress observer (see [`all_documents_observed`]).
pub fn render_all_documents_observed(
    r: RenderAllRequest<'_>,
    observe: &(dyn Fn(Step<'_>) + Sync),
) -> Result<(Vec<Document>, Vec<DocumentFailure>), ApiError> {
    let d = valid_dossier(r.dossier, r.lang)?;
    all_documents_observed(&d, r.lang, r.today, observe)
}

/// `render-all`: one zip of every document that could be made; the ones that could not are
/// listed in the description (`failed`) and, so that callers of the raw bytes see them too,
/// in a text entry of the zip, `khong-tao-duoc.txt` ("could not be made").
pub fn render_all(
    r: RenderAllRequest<'_>,
) -> Result<(Document, Vec<DocumentEntry>, Vec<FailedDocument>), ApiError> {
    let lang = r.lang;
    let (mut docs, failures) = render_all_documents(r)?;
    let failed = failure_reports(&failures, lang);
    if !failed.is_empty() {
        let text: String = failed
            .iter()
            .map(|f| format!("{}: {} ({})\n", f.file_name, f.message, f.code))
            .collect();
        docs.push(Document {
            file_name: FAILURES_ENTRY.into(),
            media_type: "text/plain",
            bytes: text.into_bytes(),
        });
    }
    let entries = document_entries(&docs);
    let bytes = zip(&docs).map_err(|e| ApiError::WriteFailed {
        detail: e.to_string(),
    })?;
    let name = crate::file_name::document_file_name("tai-lieu-he-thong-qlcl", None, "zip");
    Ok((
        Document {
            file_name: name,
            media_type: MEDIA_ZIP,
            bytes,
        },
        entries,
        failed,
    ))
}

/// The zip entry listing the documents `render-all` could not make.
pub const FAILURES_ENTRY: &str = "khong-tao-duoc.txt";

/// How `render-all` reports its documents (name, type, size): the same list whether they
/// come back in a zip or the CLI writes them into a folder.
pub fn document_entries(docs: &[Document]) -> Vec<DocumentEntry> {
    docs.iter()
        .map(|x| DocumentEntry {
            file_name: x.file_name.clone(),
            media_type: x.media_type,
            size: x.bytes.len(),
        })
        .collect()
}

/// How `render-all` reports the documents it could not make, in a language.
pub fn failure_reports(failures: &[DocumentFailure], lang: Lang) -> Vec<FailedDocument> {
    failures
        .iter()
        .map(|f| FailedDocument {
            file_name: f.file_name.clone(),
            code: f.error.code(),
            message: f.error.message(lang),
        })
        .collect()
}

fn zip(docs: &[Document]) -> zip::result::ZipResult<Vec<u8>> {
    use zip::write::SimpleFileOptions;
    // .docx and .xlsx are zips already: storing them again costs nothing and saves time.
    let options = SimpleFileOptions::DEFAULT
        .compression_method(zip::CompressionMethod::Stored)
        .last_modified_time(zip::DateTime::DEFAULT)
        .unix_permissions(0o644);
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for doc in docs {
        zip.start_file(doc.file_name.as_str(), options)?;
        zip.write_all(&doc.bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[test]
    fn the_zip_holds_every_document_in_order_and_is_reproducible() {
        let d = qms_core::load(include_bytes!(
            "../../../../examples/so-khcn-ninh-binh.json"
        ))
        .unwrap();
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let docs = all_documents(&d, Lang::Vi, today).unwrap();
        let a = zip(&docs).unwrap();
        assert_eq!(
            a,
            zip(&all_documents(&d, Lang::Vi, today).unwrap()).unwrap()
        );
        let mut archive = zip::ZipArchive::new(std::io::Cursor::new(&a)).unwrap();
        assert_eq!(archive.len(), docs.len());
        for (i, doc) in docs.iter().enumerate() {
            let mut entry = archive.by_index(i).unwrap();
            assert_eq!(entry.name().unwrap(), doc.file_name.as_str());
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut entry, &mut bytes).unwrap();
            assert_eq!(bytes, doc.bytes);
        }
    }

    #[test]
    fn ids_that_fold_to_one_name_get_unique_file_names() {
        let mut d = qms_core::load(include_bytes!(
            "../../../../examples/so-khcn-ninh-binh.json"
        ))
        .unwrap();
        // "DGNB.2026.1" folds to the same file-name part as "dgnb-2026-1".
        let mut twin = d.audits[0].clone();
        twin.id = "DGNB.2026.1".into();
        d.audits.push(twin);
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let docs = all_documents(&d, Lang::Vi, today).unwrap();
        let names: std::collections::HashSet<&str> =
            docs.iter().map(|x| x.file_name.as_str()).collect();
        assert_eq!(names.len(), docs.len(), "{names:?}");
        assert!(names.contains("so-theo-doi-phat-hien-dgnb-2026-1.xlsx"));
        assert!(names.contains("so-theo-doi-phat-hien-dgnb-2026-1-2.xlsx"));
    }

    #[test]
    fn a_document_has_the_same_file_name_from_render_and_render_all() {
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        for example in [
            &include_bytes!("../../../../examples/so-khcn-ninh-binh.json")[..],
            &include_bytes!("../../../../examples/ubnd-phuong-my-tho-2015.json")[..],
            &include_bytes!("../../../../examples/ubnd-xa-tan-thanh-2008.json")[..],
        ] {
            let d = qms_core::load(example).unwrap();
            let all: std::collections::HashSet<String> = all_documents(&d, Lang::Vi, today)
                .unwrap()
                .into_iter()
                .map(|x| x.file_name)
                .collect();
            let one = |kind, t: Target<'_>| {
                render_document(&d, kind, None, &t, Lang::Vi, today)
                    .unwrap()
                    .file_name
            };
            let mut expected = Vec::new();
            for a in &d.audits {
                let t = || Target {
                    audit: Some(&a.id),
                    ..Target::default()
                };
                expected.push(one(DocumentKind::TeamDecision, t()));
                expected.push(one(DocumentKind::Plan, t()));
                expected.push(one(DocumentKind::Findings, t()));
                if a.programme.is_some() {
                    expected.push(one(DocumentKind::Programme, t()));
                }
                if !a.findings.is_empty() {
                    expected.push(one(DocumentKind::Report, t()));
                }
            }
            for r in &d.management_reviews {
                for kind in [
                    DocumentKind::ReviewNotice,
                    DocumentKind::ReviewReport,
                    DocumentKind::Minutes,
                ] {
                    let t = Target {
                        review: Some(&r.id),
                        ..Target::default()
                    };
                    expected.push(one(kind, t));
                }
            }
            assert!(expected.len() > 5);
            for name in expected {
                assert!(all.contains(&name), "{name} not in {all:?}");
            }
        }
    }
}
