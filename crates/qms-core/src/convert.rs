//! Migration of a TCVN ISO 9001:2008 dossier to the 2015 edition through the ISO/TC 176
//! correlation. Every clause ref is mapped; the 2008 refs are kept beside the new ones for
//! traceability; every ambiguous mapping (one 2008 clause, several 2015 clauses) is reported.
//! Nothing is guessed: an ambiguous ref maps to all its targets, and the note tells the user to
//! keep only the right ones.

use crate::load::JsonPath;
use crate::model::Exclusion;
use crate::{Dossier, Edition, Lang, catalog};

/// What the conversion did that a person should look at.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversionNote {
    /// Where in the converted dossier.
    pub path: JsonPath,
    /// The 2008 clause or review topic.
    pub from: String,
    /// What it became.
    pub to: Vec<String>,
}

impl ConversionNote {
    /// The note in a language.
    pub fn message(&self, lang: Lang) -> String {
        let to = self.to.join(", ");
        match lang {
            Lang::Vi => format!(
                "điều khoản {} (2008) tương ứng với nhiều điều khoản 2015: {to}; đã ghi tất cả, hãy giữ lại điều khoản phù hợp với nội dung",
                self.from
            ),
            Lang::En => format!(
                "clause {} (2008) corresponds to several 2015 clauses: {to}; all were kept, remove those that do not fit the content",
                self.from
            ),
        }
    }
}

/// Why a dossier could not be converted.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ConvertError {
    /// The dossier already follows the target edition.
    #[error("the dossier already follows {0}")]
    AlreadyThere(Edition),
}

/// The converted dossier and the notes to review.
#[derive(Debug, Clone)]
pub struct Conversion {
    /// The dossier on TCVN ISO 9001:2015.
    pub dossier: Dossier,
    /// Every ambiguous mapping, in dossier order.
    pub notes: Vec<ConversionNote>,
}

/// Converts a 2008 dossier to TCVN ISO 9001:2015.
///
/// ```
/// let mut d = qms_core::Dossier::new("x", "UBND xã Tân Thành");
/// d.scope.edition = qms_core::Edition::Iso9001_2008;
/// let c = qms_core::convert::to_2015(&d).unwrap();
/// assert_eq!(c.dossier.scope.edition, qms_core::Edition::Iso9001_2015);
/// assert!(qms_core::convert::to_2015(&c.dossier).is_err());
/// ```
pub fn to_2015(source: &Dossier) -> Result<Conversion, ConvertError> {
    if source.scope.edition == Edition::Iso9001_2015 {
        return Err(ConvertError::AlreadyThere(Edition::Iso9001_2015));
    }
    let mut d = source.clone();
    let mut notes = Vec::new();
    d.scope.edition = Edition::Iso9001_2015;
    let mut map = |refs: &mut Vec<String>, legacy: &mut Vec<String>, at: JsonPath| {
        let old = std::mem::take(refs);
        for (i, r) in old.iter().enumerate() {
            let targets = targets(r);
            if targets.len() > 1 {
                notes.push(ConversionNote {
                    path: at.clone().index(i),
                    from: r.clone(),
                    to: targets.clone(),
                });
            }
            for t in targets {
                if !refs.contains(&t) {
                    refs.push(t);
                }
            }
        }
        *legacy = old;
    };
    let root = || JsonPath::root();
    let mut exclusions = Vec::new();
    for (i, x) in d.scope.exclusions.iter().enumerate() {
        let mut refs = vec![x.clause.clone()];
        let mut legacy = Vec::new();
        map(
            &mut refs,
            &mut legacy,
            root().key("scope").key("exclusions").index(i).key("clause"),
        );
        for clause in refs {
            exclusions.push(Exclusion {
                clause,
                reason: x.reason.clone(),
                legacy_clause: Some(x.clause.clone()),
            });
        }
    }
    d.scope.exclusions = exclusions;
    for (i, p) in d.procedures.iter_mut().enumerate() {
        map(
            &mut p.clauses,
            &mut p.legacy_clauses,
            root().key("procedures").index(i).key("clauses"),
        );
    }
    for (i, prog) in d.programmes.iter_mut().enumerate() {
        for (j, pa) in prog.planned.iter_mut().enumerate() {
            let at = root()
                .key("programmes")
                .index(i)
                .key("planned")
                .index(j)
                .key("clauses");
            map(&mut pa.clauses, &mut pa.legacy_clauses, at);
        }
    }
    for (ai, a) in d.audits.iter_mut().enumerate() {
        let at = || root().key("audits").index(ai);
        for (j, row) in a.plan.schedule.iter_mut().enumerate() {
            let p = at().key("plan").key("schedule").index(j).key("clauses");
            map(&mut row.clauses, &mut row.legacy_clauses, p);
        }
        for (ci, c) in a.checklists.iter_mut().enumerate() {
            for (ii, item) in c.items.iter_mut().enumerate() {
                let p = at()
                    .key("checklists")
                    .index(ci)
                    .key("items")
                    .index(ii)
                    .key("clauses");
                map(&mut item.clauses, &mut item.legacy_clauses, p);
            }
        }
        for (fi, f) in a.findings.iter_mut().enumerate() {
            map(
                &mut f.clauses,
                &mut f.legacy_clauses,
                at().key("findings").index(fi).key("clauses"),
            );
        }
    }
    convert_review_topics(&mut d);
    Ok(Conversion { dossier: d, notes })
}

/// The 2015 clauses a 2008 clause corresponds to (itself when unknown, so validation names it).
fn targets(clause: &str) -> Vec<String> {
    match catalog::correlate(clause, Edition::Iso9001_2008, Edition::Iso9001_2015) {
        Ok(rows) if !rows.is_empty() => {
            let mut out: Vec<String> = Vec::new();
            for r in rows {
                if !out.iter().any(|x| x == r.to_2015) {
                    out.push(r.to_2015.to_owned());
                }
            }
            out
        }
        _ => vec![clause.to_owned()],
    }
}

/// Review inputs a–g (5.6.2) and outputs a–c (5.6.3) become their 2015 keys.
fn convert_review_topics(d: &mut Dossier) {
    let inputs = catalog::review_inputs(Edition::Iso9001_2008);
    let outputs = catalog::review_outputs(Edition::Iso9001_2008);
    let to_2015 = |list: &[catalog::ReviewTopic], key: &str| {
        list.iter()
            .find(|t| t.key == key)
            .and_then(|t| t.maps_to_2015)
            .map(str::to_owned)
    };
    for r in &mut d.management_reviews {
        for input in &mut r.inputs {
            if let Some(k) = to_2015(inputs, &input.topic) {
                input.topic = k;
            }
        }
        for dec in &mut r.decisions {
            if let Some(k) = to_2015(outputs, &dec.output) {
                dec.output = k;
            }
        }
    }
}
