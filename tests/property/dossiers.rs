//! Random valid dossiers for property tests, shared by the crates' tests
//! (`#[path = "../../../tests/property/dossiers.rs"] mod dossiers;`).
//!
//! Each starts from one of the example dossiers (so that every record kind is there and
//! references resolve) and changes what a user types and how much of it there is: texts
//! (Vietnamese, long, decomposed NFD, any printable Unicode), extra findings with random
//! clauses of the dossier's edition, extra units, action steps added or removed. Whatever is
//! generated still passes `qms_core::validate`: the property tests check that.

#![allow(dead_code, unreachable_pub)]

use proptest::prelude::*;
use qms_core::{Dossier, Edition, catalog};

/// The example dossiers, as shipped.
pub const EXAMPLES: [&[u8]; 3] = [
    include_bytes!("../../examples/so-khcn-ninh-binh.json"),
    include_bytes!("../../examples/ubnd-phuong-my-tho-2015.json"),
    include_bytes!("../../examples/ubnd-xa-tan-thanh-2008.json"),
];

/// The 2008 example's index in [`EXAMPLES`].
pub const EXAMPLE_2008: usize = 2;

/// A text a user could type: never empty, no control characters.
pub fn text() -> impl Strategy<Value = String> {
    prop_oneof![
        // Vietnamese with the punctuation of agency records.
        "[a-zA-Z0-9àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđĐ ,.;:()/%&<>\"'-]{1,80}",
        // Decomposed (NFD): base letters followed by combining marks, as some tools save them.
        "([aeiouyAEIOUY][\u{0302}\u{0306}\u{031B}]?[\u{0300}\u{0301}\u{0303}\u{0309}\u{0323}]?[bcdghklmnpqrstvx ]{0,3}){1,30}",
        // Any printable Unicode (no control, format, surrogate, private or unassigned).
        "\\PC{1,40}",
        // Long: a paragraph of 1,000 to 2,000 characters.
        ("[a-zăâđêôơư ]{10,20}", 100..=100usize).prop_map(|(s, n)| s.repeat(n)),
    ]
    .prop_filter("a text with something in it", |s: &String| !s.trim().is_empty())
}

/// How to change an example.
#[derive(Debug, Clone)]
pub struct Changes {
    /// Which example.
    pub base: usize,
    /// Texts to put in place of the example's, used in turn.
    pub texts: Vec<String>,
    /// Findings to add (copies of existing ones with new ids and random clauses).
    pub extra_findings: usize,
    /// Units to add.
    pub extra_units: usize,
    /// Action steps to add (copies of existing ones) or, when negative, remove.
    pub steps: i32,
    /// Random numbers for every other choice.
    pub picks: Vec<usize>,
}

/// Changes to any example, or only to `base` when given.
pub fn changes(base: Option<usize>) -> impl Strategy<Value = Changes> {
    let base = match base {
        Some(b) => Just(b).boxed(),
        None => (0..EXAMPLES.len()).boxed(),
    };
    (
        base,
        proptest::collection::vec(text(), 16),
        0..12usize,
        0..4usize,
        -4..6i32,
        proptest::collection::vec(any::<usize>(), 32),
    )
        .prop_map(
            |(base, texts, extra_findings, extra_units, steps, picks)| Changes {
                base,
                texts,
                extra_findings,
                extra_units,
                steps,
                picks,
            },
        )
}

/// The example, changed.
pub fn apply(c: &Changes) -> Dossier {
    let mut d = qms_core::load(EXAMPLES[c.base]).expect("the examples load");
    let mut texts = c.texts.iter().cycle();
    let mut next = || texts.next().cloned().unwrap_or_else(|| "x".to_owned());
    let mut picks = c.picks.iter().copied().cycle();
    let mut pick = |n: usize| picks.next().unwrap_or(0) % n.max(1);

    d.agency.name = next();
    for u in &mut d.units {
        u.name = next();
    }
    for p in &mut d.people {
        p.name = next();
    }
    let clauses: Vec<&str> = catalog::clauses(d.scope.edition)
        .iter()
        .map(|c| c.id)
        .collect();
    for a in &mut d.audits {
        a.title = next();
        for ch in &mut a.checklists {
            for it in &mut ch.items {
                it.question = next();
                if it.evidence.is_some() {
                    it.evidence = Some(next());
                }
            }
        }
        for f in &mut a.findings {
            f.statement = next();
            f.evidence = Some(next());
        }
        if let Some(model) = a.findings.first().cloned() {
            for k in 0..c.extra_findings {
                let mut f = model.clone();
                f.id = format!("{}-them-{k}", model.id);
                f.statement = next();
                f.clauses = (0..=pick(3))
                    .map(|_| clauses[pick(clauses.len())].to_owned())
                    .collect();
                f.clauses.dedup();
                a.findings.push(f);
            }
        }
    }
    for k in 0..c.extra_units {
        let mut u = d.units[pick(d.units.len())].clone();
        u.id = format!("don-vi-them-{k}");
        u.name = next();
        u.short_name = None;
        u.head = None;
        d.units.push(u);
    }
    let n = d.corrective_actions.len();
    if n > 0 {
        for _ in 0..c.steps.max(0) {
            let ca = &mut d.corrective_actions[pick(n)];
            if let Some(step) = ca.actions.first().cloned() {
                let mut step = step;
                step.description = next();
                ca.actions.push(step);
            }
        }
        for _ in 0..(-c.steps).max(0) {
            let ca = &mut d.corrective_actions[pick(n)];
            ca.actions.pop();
        }
        for ca in &mut d.corrective_actions {
            for s in &mut ca.actions {
                s.description = next();
            }
        }
    }
    d
}

/// The edition of an example.
pub fn edition_of(base: usize) -> Edition {
    if base == EXAMPLE_2008 {
        Edition::Iso9001_2008
    } else {
        Edition::Iso9001_2015
    }
}
