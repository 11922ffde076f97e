#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! Property test: random valid dossiers (see `tests/property/dossiers.rs`: random texts, long,
//! NFD and any printable Unicode, random numbers of findings, units and action steps) render
//! every document kind, Word and Excel, into packages that pass the ECMA-376 schema check of
//! `shared/tools/ooxml_check.py`.
//!
//! A sample runs in CI: `PROPTEST_CASES` cases (8 by default). Without python3 and lxml the
//! schema check is skipped with a NOTICE (the documents are still rendered), except under
//! `CI=true`, where it fails.

#[path = "../../../tests/property/dossiers.rs"]
mod dossiers;

use proptest::prelude::*;
use qms_core::Lang;
use qms_testkit::{ooxml_check, ooxml_check_available, scratch};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(8)
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn every_document_of_a_random_dossier_passes_the_schema_check(
        c in dossiers::changes(None),
        english in any::<bool>(),
    ) {
        let d = dossiers::apply(&c);
        prop_assert_eq!(qms_core::validate(&d), vec![]);
        let lang = if english { Lang::En } else { Lang::Vi };
        let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
        let (docs, failed) = qms_api::ops::all_documents_partial(&d, lang, today).unwrap();
        prop_assert!(failed.is_empty(), "{:?}", failed);
        prop_assert!(docs.iter().any(|x| x.file_name.ends_with(".docx")));
        prop_assert!(docs.iter().any(|x| x.file_name.ends_with(".xlsx")));
        if !ooxml_check_available() {
            return Ok(());
        }
        let dir = scratch("random-render");
        let mut files = Vec::new();
        for doc in &docs {
            let path = dir.join(&doc.file_name);
            std::fs::write(&path, &doc.bytes).unwrap();
            files.push(path);
        }
        // Fails the case (proptest catches the panic and shrinks) unless every file is OK.
        ooxml_check(&dir, &files);
        let _ = std::fs::remove_dir_all(&dir);
    }
}
