//! The checklist workbook importer on arbitrary bytes (seeded with real exported workbooks):
//! a typed refusal, conflicts or a clean import, never a panic.
//!
//! The importer is called directly on a dossier loaded once: through `qms_api::call` nine
//! tenths of each run went into parsing the same request and dossier again (800 runs a second
//! against several thousand), and the `api_call` target already fuzzes that door, import
//! requests included.
#![no_main]

use libfuzzer_sys::fuzz_target;
use qms_core::{Dossier, Lang};
use qms_xlsx::{ImportOptions, Workbook, XlsxError};
use std::sync::LazyLock;

/// A small dossier (`qms sample --checklist-items 30 --findings 5 --seed 11`), so that the
/// time goes into the workbook; the seed workbooks are its export.
static DOSSIER: LazyLock<Dossier> =
    LazyLock::new(|| qms_core::load(include_bytes!("../dossier.json")).expect("the seed loads"));

fuzz_target!(|data: &[u8]| {
    let d = &*DOSSIER;
    let books = [Workbook {
        name: "phieu.xlsx",
        bytes: data,
    }];
    match qms_xlsx::read_filled(d, &books) {
        Ok(filled) => {
            // Both ways of importing: all or nothing, and what does not conflict.
            let opts = ImportOptions {
                partial: data.len() % 2 == 1,
                lang: Lang::Vi, list_changes: Some(3),
            };
            let out = qms_xlsx::merge_filled(d.clone(), filled, &opts);
            for lang in [Lang::Vi, Lang::En] {
                out.changes.iter().for_each(|c| drop(c.message(lang)));
                out.conflicts.iter().for_each(|c| drop(c.message(lang)));
            }
            serde_json::to_vec(&out.dossier).expect("the imported dossier serialises");
        }
        Err(e) => {
            // Only the writer's failure is a bug in qms; reading fails with a typed refusal.
            assert!(!matches!(e, XlsxError::Write { .. }), "{e}");
            drop((e.code(), e.message(Lang::Vi), e.message(Lang::En)));
        }
    }
});
