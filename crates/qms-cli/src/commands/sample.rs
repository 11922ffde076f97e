//! `qms sample`: synthetic dossiers for load tests.

use crate::Failure;
use crate::cli::SampleShapeArgs;
use crate::commands::{fail, write_file};
use crate::progress::Progress;
use crate::report;

use qms_api::OpName;
use qms_api::request::SampleRequest;
use qms_core::Lang;
use qms_core::sample::{SampleShape, SampleSpec, SampleText, sample_dossier_shaped, sample_text};
use std::path::Path;

/// The layout asked for, when it is not the default one.
fn layout(a: &SampleShapeArgs) -> Option<SampleShape> {
    let mut s = SampleShape::default();
    if let Some(n) = a.checklist_size {
        s.checklist_size = n.max(1);
    }
    if a.one_audit {
        s.checklists_per_audit = usize::MAX;
    }
    s.unknown_clauses = a.problems;
    s.clean = a.clean;
    (s != SampleShape::default()).then_some(s)
}

fn spec(r: &SampleRequest) -> SampleSpec {
    SampleSpec {
        checklist_items: r.checklist_items,
        findings: r.findings,
        seed: r.seed,
        agency: r.agency,
    }
}

pub(crate) fn run(
    checklist_items: usize,
    findings: usize,
    agencies: usize,
    seed: u64,
    output: &Path,
    force: bool,
    shape: &SampleShapeArgs,
) -> Result<(), Failure> {
    if agencies == 0 {
        return Err(Failure::Usage("--agencies must be at least 1".into()));
    }
    let write = |agency: usize, path: &Path| -> Result<(), Failure> {
        let r = SampleRequest {
            op: OpName::Sample,
            checklist_items,
            findings,
            seed,
            agency,
            lang: Lang::Vi,
        };
        // One big dossier is one long step: a spinner with the time spent.
        let progress = Progress::spinner("qms sample");
        progress.say(&path.display().to_string());
        let made = qms_api::ops::sample(&r).map_err(|e| fail(e, Lang::Vi))?;
        let dossier = match layout(shape) {
            // The op's dossier, reshaped for a benchmark (the same generator, other sizes).
            Some(layout) => sample_dossier_shaped(&spec(&r), &layout),
            None => made.dossier,
        };
        let how = SampleText {
            pretty: shape.pretty,
            escaped: shape.escaped,
            broken: shape.broken,
        };
        write_file(path, sample_text(&dossier, &how).as_bytes(), force)?;
        report::data(&serde_json::json!({"dossiers": [dossier.id]}));
        Ok(())
    };
    if agencies == 1 {
        return write(0, output);
    }
    crate::output::create_dir(output)?;
    // Many agencies make a province: varied kinds, editions and shortcomings (qms rollup).
    let progress = Progress::bar(agencies, "qms sample");
    let mut ids = Vec::with_capacity(agencies);
    for index in 0..agencies {
        let spec = qms_core::sample_agencies::AgencySampleSpec {
            checklist_items,
            findings,
            seed,
            index,
        };
        let d = qms_core::sample_agencies::sample_agency(&spec);
        progress.step(&d.id);
        let text = serde_json::to_vec(&d).map_err(|e| Failure::Io(e.into()))?;
        write_file(&output.join(format!("{}.json", d.id)), &text, force)?;
        ids.push(d.id);
    }
    report::data(&serde_json::json!({ "dossiers": ids }));
    Ok(())
}
