//! `qms sample`: synthetic dossiers for load tests.

use crate::Failure;
use crate::commands::fail;
use crate::output::write_atomic;
use qms_api::OpName;
use qms_api::request::SampleRequest;
use qms_core::Lang;
use std::path::Path;

pub(crate) fn run(
    checklist_items: usize,
    findings: usize,
    agencies: usize,
    seed: u64,
    output: &Path,
    force: bool,
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
        let made = qms_api::ops::sample(&r).map_err(|e| fail(e, Lang::Vi))?;
        let text = serde_json::to_vec(&made.dossier).map_err(|e| Failure::Io(e.into()))?;
        write_atomic(path, &text, force)?;
        Ok(())
    };
    if agencies == 1 {
        return write(0, output);
    }
    std::fs::create_dir_all(output)
        .map_err(|e| Failure::Io(anyhow::anyhow!("cannot create {}: {e}", output.display())))?;
    // Many agencies make a province: varied kinds, editions and shortcomings (qms rollup).
    for index in 0..agencies {
        let spec = qms_core::sample_agencies::AgencySampleSpec {
            checklist_items,
            findings,
            seed,
            index,
        };
        let d = qms_core::sample_agencies::sample_agency(&spec);
        let text = serde_json::to_vec(&d).map_err(|e| Failure::Io(e.into()))?;
        write_atomic(&output.join(format!("{}.json", d.id)), &text, force)?;
    }
    Ok(())
}
