//! # qms-core
//!
//! The domain of qms: the dossier model of an agency's quality management system (HTQLCL) under
//! TCVN ISO 9001:2015 or :2008, the clause catalogs and their correlation, and the loader that
//! turns JSON text into a checked [`Dossier`] or a list of every problem with its JSON path.
//!
//! No I/O, no clock, no unsafe: callers pass bytes in and "today" as a value.
//!
//! ```
//! let text = r#"{"format_version": 1, "id": "x", "agency": {"name": "UBND xã Tân Lập"},
//!   "scope": {"edition": "2015", "text": "TTHC"},
//!   "procedures": [{"id": "qt1", "code": "QT-01", "title": "Kiểm soát tài liệu",
//!                   "kind": "system", "owner_unit": "vp", "clauses": ["9.9"]}]}"#;
//! let err = qms_core::load(text.as_bytes()).unwrap_err();
//! let messages: Vec<String> = err.problems.iter().map(|p| p.to_string()).collect();
//! assert_eq!(messages.len(), 2); // unknown unit "vp", unknown clause "9.9"
//! ```

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

pub mod catalog;
pub mod convert;
mod edition;
mod lang;
pub mod load;
pub mod model;
pub mod numbers;
pub mod plan_checklist;
pub mod rollup;
pub mod rules;
pub mod sample;
pub mod sample_agencies;
pub mod starter;
pub mod templates;
mod validate;

pub use edition::Edition;
pub use lang::{Lang, noun_en, plural_en};
pub use load::{InvalidDossier, JsonPath, Problem, ProblemKind, load, load_report};
pub use model::Dossier;
pub use validate::{PLAUSIBLE_YEARS, validate};
