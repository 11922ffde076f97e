#![allow(clippy::unwrap_used, clippy::expect_used)] // tests fail loudly on purpose
//! Property tests over random valid dossiers (see `tests/property/dossiers.rs`): the checks
//! never panic and name real places, and the 2008→2015 conversion keeps every finding with
//! every property. `PROPTEST_CASES` sets the number of cases (32 by default).

#[path = "../../../tests/property/dossiers.rs"]
mod dossiers;

use chrono::NaiveDate;
use proptest::prelude::*;
use qms_core::rules::{CheckOptions, check};
use qms_core::{Edition, catalog, convert, validate};

fn cases() -> u32 {
    std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(32)
}

/// The 2015 clauses a 2008 clause becomes, in the conversion's order.
fn mapped(clauses: &[String]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for c in clauses {
        let rows =
            catalog::correlate(c, Edition::Iso9001_2008, Edition::Iso9001_2015).unwrap_or_default();
        let targets: Vec<String> = if rows.is_empty() {
            vec![c.clone()]
        } else {
            rows.iter().map(|r| r.to_2015.to_owned()).collect()
        };
        for t in targets {
            if !out.contains(&t) {
                out.push(t);
            }
        }
    }
    out
}

proptest! {
    #![proptest_config(ProptestConfig { cases: cases(), ..ProptestConfig::default() })]

    #[test]
    fn random_dossiers_are_valid_and_checks_never_panic(c in dossiers::changes(None)) {
        let d = dossiers::apply(&c);
        prop_assert_eq!(validate(&d), vec![]);
        // Round trip through the file format: what is saved loads again, equal (NFC aside).
        let text = serde_json::to_vec(&d).unwrap();
        prop_assert!(qms_core::load(&text).is_ok());
        for today in [NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(), NaiveDate::from_ymd_opt(2031, 1, 1).unwrap()] {
            let found = check(&d, &CheckOptions { today });
            for diag in &found {
                prop_assert!(diag.code.starts_with("QMS-"));
                prop_assert!(!diag.message_vi.is_empty() && !diag.message_en.is_empty());
                // Every diagnostic names a place that exists in the saved dossier.
                let at = qms_core::load::positions(&text, &[&diag.path]);
                prop_assert!(at[0].is_some(), "{}", diag.path);
            }
        }
    }

    #[test]
    fn conversion_keeps_every_finding(c in dossiers::changes(Some(dossiers::EXAMPLE_2008))) {
        let src = dossiers::apply(&c);
        prop_assert_eq!(src.scope.edition, Edition::Iso9001_2008);
        prop_assert_eq!(validate(&src), vec![]);
        let out = convert::to_2015(&src).unwrap().dossier;
        prop_assert_eq!(out.scope.edition, Edition::Iso9001_2015);
        prop_assert_eq!(validate(&out), vec![]);
        prop_assert_eq!(out.audits.len(), src.audits.len());
        let mut n = 0;
        for (a, b) in src.audits.iter().zip(&out.audits) {
            prop_assert_eq!(a.findings.len(), b.findings.len());
            for (f, g) in a.findings.iter().zip(&b.findings) {
                n += 1;
                // The clauses are mapped, the 2008 ones kept beside them ...
                prop_assert_eq!(&g.clauses, &mapped(&f.clauses));
                prop_assert_eq!(&g.legacy_clauses, &f.clauses);
                for cl in &g.clauses {
                    prop_assert!(catalog::is_known(Edition::Iso9001_2015, cl), "{}", cl);
                }
                // ... and everything else (id, kind, unit, texts, evidence, links to the
                // checklist item, acknowledgement and its date) is unchanged.
                let mut same = g.clone();
                same.clauses = f.clauses.clone();
                same.legacy_clauses = f.legacy_clauses.clone();
                prop_assert_eq!(&same, f);
            }
        }
        prop_assert!(n > 0);
        // Corrective actions (their links to findings, dates, steps) are unchanged, and every
        // one that named a finding still finds it.
        prop_assert_eq!(&out.corrective_actions, &src.corrective_actions);
        for ca in &out.corrective_actions {
            if let Some(f) = &ca.finding {
                prop_assert!(out.audits.iter().any(|a| a.findings.iter().any(|x| &x.id == f)));
            }
        }
    }
}
