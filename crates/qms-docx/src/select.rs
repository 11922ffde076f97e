//! Which records a document draws on: the requests of an audit, the documents of a dossier
//! and their file names.

use crate::{DocumentKind, Target};
use qms_core::Dossier;
use qms_core::model::{Audit, CorrectiveAction, Finding, Inspection};
use std::collections::HashMap;
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// One request to print: a recorded corrective action, a nonconformity still without one
/// (printed as a blank form to fill by hand), or both.
pub(crate) struct CarItem<'a> {
    pub(crate) finding: Option<&'a Finding>,
    pub(crate) ca: Option<&'a CorrectiveAction>,
}

/// The requests of an audit, in finding order: every recorded corrective action of each
/// finding, and a blank request for each nonconformity that has none yet.
pub(crate) fn audit_cars<'a>(d: &'a Dossier, audit: &'a Audit) -> Vec<CarItem<'a>> {
    // The actions indexed once by the finding they answer (a scan per finding made this
    // findings × actions on large audits).
    let mut by_finding: HashMap<&str, Vec<&'a CorrectiveAction>> = HashMap::new();
    for ca in &d.corrective_actions {
        if let Some(f) = ca.finding.as_deref() {
            by_finding.entry(f).or_default().push(ca);
        }
    }
    let mut out = Vec::new();
    for f in &audit.findings {
        let cas = by_finding.get(f.id.as_str()).map_or(&[][..], Vec::as_slice);
        for &ca in cas {
            out.push(CarItem {
                finding: Some(f),
                ca: Some(ca),
            });
        }
        if cas.is_empty() && f.kind.is_nonconformity() {
            out.push(CarItem {
                finding: Some(f),
                ca: None,
            });
        }
    }
    // The bundle is filed in number order ("01/2026", "02/2026", … "10/2026"); blank forms
    // for findings without a request come last, in finding order.
    out.sort_by_cached_key(|item| {
        let number = item.ca.and_then(|c| c.number.as_deref());
        (number.is_none(), number.map(number_key).unwrap_or_default())
    });
    out
}

/// A request number as a sort key: its digit groups from the last (the year) to the first
/// (the running number), so "10/2026" follows "09/2026" and "01/2027" follows both.
fn number_key(number: &str) -> Vec<u64> {
    let mut groups: Vec<u64> = number
        .split(|c: char| !c.is_ascii_digit())
        .filter(|g| !g.is_empty())
        .map(|g| g.parse().unwrap_or(u64::MAX))
        .collect();
    groups.reverse();
    groups
}

/// The finding a corrective action answers, with its audit.
pub(crate) fn finding_of<'a>(
    d: &'a Dossier,
    ca: &CorrectiveAction,
) -> Option<(&'a Audit, &'a Finding)> {
    let id = ca.finding.as_deref()?;
    d.findings().find(|(_, f)| f.id == id)
}

/// The outside inspection (Sở KH&CN, a certification body) and its finding that a request
/// was raised on, when the finding is not an internal audit's.
pub(crate) fn inspection_finding_of<'a>(
    d: &'a Dossier,
    ca: &CorrectiveAction,
) -> Option<(&'a Inspection, &'a Finding)> {
    let id = ca.finding.as_deref()?;
    d.inspection_findings().find(|(_, f)| f.id == id)
}

/// A target owned by the document list.
pub(crate) enum OwnedTarget {
    Programme(String),
    Audit(String),
    CorrectiveAction(String),
    Review(String),
}

impl OwnedTarget {
    pub(crate) fn as_target(&self) -> Target<'_> {
        match self {
            OwnedTarget::Programme(id) => Target::Programme(id),
            OwnedTarget::Audit(id) => Target::Audit(id),
            OwnedTarget::CorrectiveAction(id) => Target::CorrectiveAction(id),
            OwnedTarget::Review(id) => Target::Review(id),
        }
    }
}

/// ASCII file-name part: Vietnamese letters lose their marks, "đ" becomes "d", anything else
/// not alphanumeric becomes "-".
pub(crate) fn slug(text: &str) -> String {
    let mut out = String::new();
    for c in text.nfd().filter(|c| !is_combining_mark(*c)) {
        let c = match c {
            'đ' | 'Đ' => 'd',
            c => c.to_ascii_lowercase(),
        };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_owned()
}

/// Every document of the dossier with its file name, in a fixed order. A name is the kind's
/// [`DocumentKind::file_stem`] and the record's id, as `render` names one document, so the
/// same record has the same file name whichever command wrote it.
pub(crate) fn all_documents(d: &Dossier) -> Vec<(String, DocumentKind, OwnedTarget)> {
    let mut out = Vec::new();
    let mut push = |kind: DocumentKind, target: OwnedTarget| {
        let id = match &target {
            OwnedTarget::Programme(x)
            | OwnedTarget::Audit(x)
            | OwnedTarget::CorrectiveAction(x)
            | OwnedTarget::Review(x) => x,
        };
        out.push((
            format!("{}-{}.docx", kind.file_stem(), slug(id)),
            kind,
            target,
        ));
    };
    for p in &d.programmes {
        push(
            DocumentKind::Programme,
            OwnedTarget::Programme(p.id.clone()),
        );
    }
    for a in &d.audits {
        let target = || OwnedTarget::Audit(a.id.clone());
        push(DocumentKind::TeamDecision, target());
        push(DocumentKind::Plan, target());
        if !a.findings.is_empty() || a.report.is_some() {
            push(DocumentKind::Report, target());
        }
        if !audit_cars(d, a).is_empty() {
            push(DocumentKind::Car, target());
        }
    }
    for ca in &d.corrective_actions {
        if finding_of(d, ca).is_none() {
            push(
                DocumentKind::Car,
                OwnedTarget::CorrectiveAction(ca.id.clone()),
            );
        }
    }
    for r in &d.management_reviews {
        for kind in [
            DocumentKind::ReviewNotice,
            DocumentKind::ReviewReport,
            DocumentKind::Minutes,
        ] {
            push(kind, OwnedTarget::Review(r.id.clone()));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slugs_fold_vietnamese() {
        assert_eq!(slug("Phiếu HĐKP số 03/2026"), "phieu-hdkp-so-03-2026");
        assert_eq!(slug("  --x--  "), "x");
    }
}
