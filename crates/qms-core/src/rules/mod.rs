//! The rules engine: reads a dossier the way an experienced lead auditor or a Department of
//! Science and Technology inspector would, and says what is missing, late or wrong, citing the
//! requirement.
//!
//! Each rule has a stable code, a default severity, the requirement it comes from and a title in
//! Vietnamese and English. Rules are configured per dossier (`settings.rules`,
//! `settings.thresholds`); "today" is an input, never the system clock.
//!
//! ```
//! use chrono::NaiveDate;
//! use qms_core::rules::{CheckOptions, check};
//! let d = qms_core::starter::starter_dossier("UBND xã Hòa Bình");
//! let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
//! let diags = check(&d, &CheckOptions { today });
//! // A new dossier has no audit programme, no audit and no management review yet.
//! for code in ["QMS-A000", "QMS-A003", "QMS-M001"] {
//!     assert!(diags.iter().any(|x| x.code == code), "{code}");
//! }
//! ```

mod audit;
mod context;
mod corrective;
mod document_text;
mod documents;
mod explain;
mod numbers;
mod objectives;
mod registry;
mod review;
mod scope;
mod source;
mod unit_of;

pub use crate::model::Severity;
pub use document_text::{document_message, document_text};
pub use explain::{Explanation, explain, explanations};
pub use registry::{RULES, Rule, find_rule};
pub(crate) use scope::changes_since_announcement;
pub use source::Source;
pub use unit_of::unit_of;

use crate::load::JsonPath;
use crate::{Dossier, Lang};
use chrono::NaiveDate;
use context::Context;
use serde::Serialize;

/// What a check needs besides the dossier.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CheckOptions {
    /// The date the check is made on.
    pub today: NaiveDate,
}

/// One thing a rule found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diagnostic {
    /// The rule's code, e.g. "QMS-C002".
    pub code: &'static str,
    /// Severity after the dossier's settings.
    pub severity: Severity,
    /// Where in the dossier.
    pub path: JsonPath,
    /// The message in Vietnamese.
    pub message_vi: String,
    /// The message in English.
    pub message_en: String,
    /// The requirement it comes from.
    #[serde(skip)]
    pub source: Source,
    /// The edition the requirement is cited in.
    #[serde(skip)]
    pub edition: crate::Edition,
}

impl Diagnostic {
    /// The message in a language.
    pub fn message(&self, lang: Lang) -> &str {
        lang.pick(&self.message_vi, &self.message_en)
    }

    /// The requirement, e.g. "TCVN ISO 9001:2015, 10.2.1 c".
    pub fn requirement(&self, lang: Lang) -> String {
        self.source.label(self.edition, lang)
    }
}

/// Runs every enabled rule and returns the diagnostics, most serious first, then in rule and
/// dossier order.
pub fn check(dossier: &Dossier, options: &CheckOptions) -> Vec<Diagnostic> {
    let ctx = Context::new(dossier, options.today);
    let mut out = Vec::new();
    for rule in RULES {
        let setting = dossier.settings.rules.get(rule.code);
        if setting.is_some_and(|s| !s.enabled) {
            continue;
        }
        let mut emitter = Emitter {
            rule,
            edition: dossier.scope.edition,
            forced: setting.and_then(|s| s.severity),
            out: &mut out,
        };
        (rule.check)(&ctx, &mut emitter);
    }
    out.sort_by_key(|d| d.severity);
    out
}

/// Collects the diagnostics of one rule.
pub(crate) struct Emitter<'a> {
    rule: &'static Rule,
    edition: crate::Edition,
    forced: Option<Severity>,
    out: &'a mut Vec<Diagnostic>,
}

impl Emitter<'_> {
    /// Reports a finding of the rule at its default severity.
    pub(crate) fn emit(&mut self, path: JsonPath, vi: String, en: String) {
        let severity = self.rule.severity;
        self.emit_as(severity, path, vi, en);
    }

    /// Reports at a given severity (some rules are stricter on one edition); the dossier's
    /// settings still win.
    pub(crate) fn emit_as(&mut self, severity: Severity, path: JsonPath, vi: String, en: String) {
        self.out.push(Diagnostic {
            code: self.rule.code,
            severity: self.forced.unwrap_or(severity),
            path,
            message_vi: vi,
            message_en: en,
            source: self.rule.source,
            edition: self.edition,
        });
    }
}
