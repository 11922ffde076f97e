//! Built-in checklist question templates (bộ câu hỏi đánh giá mẫu) for the internal audit of a
//! Vietnamese state administrative agency, for TCVN ISO 9001:2015 (clauses 4–10) and
//! TCVN ISO 9001:2008 (clauses 4–8).
//!
//! Each [`TemplateQuestion`] is bilingual (Vietnamese first), names the clauses of its edition
//! that it tests, tells the auditor which evidence to look for, and says whom it is asked of
//! ([`QuestionScope`]). [`instantiate`] turns the templates into [`TemplateItem`]s for one
//! audited unit: filtered by the clauses of the audit plan and the clauses declared not
//! applicable, and expanded once per procedure of the unit.
//!
//! The guidance names the records agencies usually keep (Quyết định công bố HTQLCL, danh mục
//! tài liệu, Giấy tiếp nhận hồ sơ và hẹn trả kết quả, Phiếu kiểm soát quá trình giải quyết hồ
//! sơ, …). It describes common practice, not regulation, unless a regulation is named.
//!
//! ```
//! use qms_core::templates::{QuestionScope, questions};
//! use qms_core::{Edition, Lang};
//!
//! let audit = questions(Edition::Iso9001_2015)
//!     .iter()
//!     .find(|q| q.clauses.contains(&"9.2.2") && q.scope == QuestionScope::Agency);
//! assert!(audit.is_some_and(|q| q.question(Lang::Vi).contains("đánh giá")));
//! ```

use serde::Serialize;

use crate::catalog;
use crate::model::{Procedure, ProcedureKind};
use crate::{Edition, Lang};

mod iso9001_2008;
mod iso9001_2015;
mod iso9001_2015_8_10;

/// The placeholder that [`instantiate`] replaces with `"<code> <title>"` of a procedure in the
/// questions and guidance of [`QuestionScope::PerProcedure`] and
/// [`QuestionScope::AdminProcedure`] templates.
pub const PROCEDURE_PLACEHOLDER: &str = "{procedure}";

/// One template question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct TemplateQuestion {
    /// Stable identifier: edition year, first clause and a number, e.g. "2015-7.5.3-01".
    pub id: &'static str,
    /// Clause ids of the edition the question tests (at least one, all in the catalog); the
    /// first one places the question in clause order.
    pub clauses: &'static [&'static str],
    /// The question in Vietnamese (nội dung câu hỏi).
    pub question_vi: &'static str,
    /// The question in English.
    pub question_en: &'static str,
    /// The evidence to look for, in Vietnamese (hướng dẫn, bằng chứng cần xem).
    pub guidance_vi: &'static str,
    /// The evidence to look for, in English.
    pub guidance_en: &'static str,
    /// Whom the question is asked of, and whether it is repeated per procedure.
    pub scope: QuestionScope,
}

/// Whom a template question is asked of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum QuestionScope {
    /// Asked once, of the agency's leadership or the ISO secretary (thư ký ISO): context,
    /// leadership, policy, objectives, audit programme, management review.
    Agency,
    /// Asked in every unit audited.
    EveryUnit,
    /// Asked once per procedure of the unit; the text contains [`PROCEDURE_PLACEHOLDER`].
    PerProcedure,
    /// Asked once per procedure of kind [`ProcedureKind::Operational`] (the procedures that
    /// carry out administrative procedures, TTHC); the text contains [`PROCEDURE_PLACEHOLDER`].
    AdminProcedure,
}

impl TemplateQuestion {
    /// The question in a language.
    ///
    /// ```
    /// use qms_core::templates::questions;
    /// use qms_core::{Edition, Lang};
    /// let q = &questions(Edition::Iso9001_2015)[0];
    /// assert_eq!(q.question(Lang::En), q.question_en);
    /// ```
    pub fn question(&self, lang: Lang) -> &'static str {
        lang.pick(self.question_vi, self.question_en)
    }

    /// The guidance (evidence to look for) in a language.
    ///
    /// ```
    /// use qms_core::templates::questions;
    /// use qms_core::{Edition, Lang};
    /// let q = &questions(Edition::Iso9001_2008)[0];
    /// assert_eq!(q.guidance(Lang::Vi), q.guidance_vi);
    /// ```
    pub fn guidance(&self, lang: Lang) -> &'static str {
        lang.pick(self.guidance_vi, self.guidance_en)
    }
}

/// One question of a checklist produced by [`instantiate`], ready to become a
/// [`ChecklistItem`](crate::model::ChecklistItem) (not yet audited).
#[derive(Debug, Clone, PartialEq)]
pub struct TemplateItem {
    /// The id of the template question it comes from.
    pub template: &'static str,
    /// The clauses the question tests.
    pub clauses: Vec<String>,
    /// The procedure the question is about (a procedure id), for per-procedure questions.
    pub procedure: Option<String>,
    /// The question, with the procedure filled in.
    pub question: String,
    /// The evidence to look for, with the procedure filled in.
    pub guidance: String,
}

const LEN_2015: usize = iso9001_2015::QUESTIONS.len() + iso9001_2015_8_10::QUESTIONS.len();

/// The 2015 template: clauses 4–7 then 8–10, joined at compile time.
static QUESTIONS_2015: [TemplateQuestion; LEN_2015] =
    concat(iso9001_2015::QUESTIONS, iso9001_2015_8_10::QUESTIONS);

/// Joins two non-empty tables into an array of exactly their combined length.
// Only evaluated at compile time (a static's initialiser): an index out of range is a build
// error, never a panic at run time; `slice::get` is not usable in a const fn.
#[allow(clippy::indexing_slicing)]
const fn concat<const N: usize>(
    a: &[TemplateQuestion],
    b: &[TemplateQuestion],
) -> [TemplateQuestion; N] {
    assert!(!a.is_empty() && a.len() + b.len() == N);
    let mut out = [a[0]; N];
    let mut i = 0;
    while i < a.len() {
        out[i] = a[i];
        i += 1;
    }
    let mut j = 0;
    while j < b.len() {
        out[a.len() + j] = b[j];
        j += 1;
    }
    out
}

/// Every template question of an edition, in clause order.
///
/// ```
/// use qms_core::templates::questions;
/// use qms_core::{Edition, catalog};
/// for edition in Edition::ALL {
///     for q in questions(edition) {
///         assert!(q.clauses.iter().all(|c| catalog::is_known(edition, c)));
///     }
/// }
/// ```
pub fn questions(edition: Edition) -> &'static [TemplateQuestion] {
    match edition {
        Edition::Iso9001_2008 => iso9001_2008::QUESTIONS,
        Edition::Iso9001_2015 => &QUESTIONS_2015,
    }
}

/// The questions for one audited unit.
///
/// - `clauses`: the clauses of the audit plan for the unit. A question is kept when one of its
///   clauses lies within a requested clause or contains it ([`catalog::is_within`] both ways:
///   a question on 7.5.3 matches "7.5", a question on 7.5 matches "7.5.3"). Empty means all;
///   an entry that is blank or not a clause of the edition matches nothing.
/// - `excluded`: the clauses declared not applicable; a question is dropped when every one of
///   its clauses lies within an excluded clause.
/// - `procedures`: the unit's procedures. A [`QuestionScope::PerProcedure`] question is
///   repeated for each of them, a [`QuestionScope::AdminProcedure`] one for each of kind
///   [`ProcedureKind::Operational`], with [`PROCEDURE_PLACEHOLDER`] replaced by
///   `"<code> <title>"`.
/// - `agency_level`: whether [`QuestionScope::Agency`] questions are asked (the unit is the
///   leadership or the ISO office).
///
/// Items come in clause order (by each question's first clause), then template order, then
/// the order of `procedures`.
///
/// ```
/// use qms_core::model::{Procedure, ProcedureKind};
/// use qms_core::templates::instantiate;
/// use qms_core::{Edition, Lang};
///
/// let qt: Procedure = serde_json::from_str(r#"{"id": "qt05", "code": "QT-05",
///     "title": "Quy trình cấp giấy phép xây dựng", "kind": "operational",
///     "owner_unit": "qldt"}"#).unwrap();
/// assert_eq!(qt.kind, ProcedureKind::Operational);
/// let items = instantiate(Edition::Iso9001_2015, &["8.5.1".into()], &[], &[&qt], false, Lang::Vi);
/// assert!(items.iter().any(|i| i.procedure.as_deref() == Some("qt05")
///     && i.question.contains("QT-05 Quy trình cấp giấy phép xây dựng")));
/// assert!(items.iter().all(|i| !i.question.contains("{procedure}")));
/// ```
pub fn instantiate(
    edition: Edition,
    clauses: &[String],
    excluded: &[String],
    procedures: &[&Procedure],
    agency_level: bool,
    lang: Lang,
) -> Vec<TemplateItem> {
    let mut selected: Vec<(usize, usize, &'static TemplateQuestion)> = questions(edition)
        .iter()
        .enumerate()
        .filter(|(_, q)| agency_level || q.scope != QuestionScope::Agency)
        .filter(|(_, q)| is_requested(q, clauses) && !is_excluded(q, excluded))
        .map(|(i, q)| (clause_position(edition, q), i, q))
        .collect();
    selected.sort_by_key(|&(position, index, _)| (position, index));

    let mut items = Vec::new();
    for (_, _, q) in selected {
        match q.scope {
            QuestionScope::Agency | QuestionScope::EveryUnit => items.push(item(q, None, lang)),
            QuestionScope::PerProcedure => {
                items.extend(procedures.iter().map(|p| item(q, Some(p), lang)));
            }
            QuestionScope::AdminProcedure => items.extend(
                procedures
                    .iter()
                    .filter(|p| p.kind == ProcedureKind::Operational)
                    .map(|p| item(q, Some(p), lang)),
            ),
        }
    }
    items
}

/// Whether one of the question's clauses is within a requested clause, or contains one.
fn is_requested(q: &TemplateQuestion, requested: &[String]) -> bool {
    requested.is_empty()
        || q.clauses.iter().any(|c| {
            requested
                .iter()
                .map(|r| r.trim())
                .any(|r| catalog::is_within(r, c) || catalog::is_within(c, r))
        })
}

/// Whether every clause of the question lies within an excluded clause.
fn is_excluded(q: &TemplateQuestion, excluded: &[String]) -> bool {
    !excluded.is_empty()
        && q.clauses
            .iter()
            .all(|c| excluded.iter().any(|e| catalog::is_within(e.trim(), c)))
}

/// The catalog position of the question's first clause (unknown clauses sort last).
fn clause_position(edition: Edition, q: &TemplateQuestion) -> usize {
    q.clauses
        .first()
        .and_then(|first| {
            catalog::clauses(edition)
                .iter()
                .position(|c| c.id == *first)
        })
        .unwrap_or(usize::MAX)
}

/// One item, with the procedure's code and title in place of the placeholder.
fn item(q: &'static TemplateQuestion, procedure: Option<&Procedure>, lang: Lang) -> TemplateItem {
    let fill = |text: &str| match procedure {
        Some(p) => {
            let name = format!("{} {}", p.code.trim(), p.title.trim());
            text.replace(PROCEDURE_PLACEHOLDER, name.trim())
        }
        None => text.to_string(),
    };
    TemplateItem {
        template: q.id,
        clauses: q.clauses.iter().map(|c| c.to_string()).collect(),
        procedure: procedure.map(|p| p.id.clone()),
        question: fill(q.question(lang)),
        guidance: fill(q.guidance(lang)),
    }
}

#[cfg(test)]
mod tests;
