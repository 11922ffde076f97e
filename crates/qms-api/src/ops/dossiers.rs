//! The ops that make or change a dossier (init, checklist-new, sample) and `schema`.

use super::valid_dossier;
use crate::boundary;
use crate::error::ApiError;
use crate::request::{ChecklistNewRequest, InitRequest, SampleRequest, SchemaOf, SchemaRequest};
use crate::response::{ChecklistNewResponse, DossierResponse};
use qms_core::plan_checklist::{ChecklistRequest, add_checklist};
use qms_core::sample::{SampleSpec, sample_dossier};

/// `init`: a starter dossier for an agency.
///
/// ```
/// let r = qms_api::request::InitRequest { op: qms_api::OpName::Init, agency: "UBND xã Hòa Bình".into(),
///     schema: Some("./dossier.schema.json".into()), lang: Default::default() };
/// let d = qms_api::ops::init(&r).unwrap().dossier;
/// assert_eq!(d.agency.name, "UBND xã Hòa Bình");
/// assert!(qms_core::validate(&d).is_empty());
/// assert_eq!(d.schema.as_deref(), Some("./dossier.schema.json"));
/// ```
pub fn init(r: &InitRequest) -> Result<DossierResponse, ApiError> {
    let mut dossier = qms_core::starter::starter_dossier(&r.agency);
    // Only a reference the user can resolve: no made-up URL.
    dossier.schema = r.schema.clone();
    Ok(DossierResponse { dossier })
}

/// `checklist-new`: adds a checklist for a unit of an audit, from the templates.
pub fn checklist_new(mut r: ChecklistNewRequest<'_>) -> Result<ChecklistNewResponse, ApiError> {
    let mut dossier = valid_dossier(r.dossier.take(), r.lang)?;
    let req = ChecklistRequest {
        audit: &r.audit,
        unit: &r.unit,
        clauses: r.clauses.clone(),
        auditor: r.auditor.as_deref(),
        lang: r.lang,
    };
    let id = add_checklist(&mut dossier, &req)
        .map_err(|e| boundary::checklist(e, &dossier, &r.clauses))?;
    let items = dossier
        .audits
        .iter()
        .flat_map(|a| &a.checklists)
        .find(|c| c.id == id)
        .map_or(0, |c| c.items.len());
    Ok(ChecklistNewResponse {
        checklist: id,
        items,
        dossier,
    })
}

/// The largest `checklist_items` and `findings` of `sample`: a million items is the largest
/// load test the benchmarks need and takes about a gigabyte with its JSON answer; ten million
/// (the former limit) took over 2 GB and could take a host down through the C ABI.
pub const SAMPLE_MAX: usize = 1_000_000;

/// `sample`: a synthetic dossier for load tests, deterministic from the seed.
///
/// ```
/// let r = qms_api::request::SampleRequest { op: qms_api::OpName::Sample, checklist_items: 20,
///     findings: 3, seed: 7, agency: 0, lang: Default::default() };
/// let d = qms_api::ops::sample(&r).unwrap().dossier;
/// assert_eq!(d.findings().count(), 3);
/// ```
pub fn sample(r: &SampleRequest) -> Result<DossierResponse, ApiError> {
    use qms_core::{Lang, numbers::count};
    for (member, value) in [
        ("checklist_items", r.checklist_items),
        ("findings", r.findings),
    ] {
        if value > SAMPLE_MAX {
            return Err(ApiError::TooLarge {
                vi: format!(
                    "{member} = {} vượt giới hạn {}",
                    count(value as u64, Lang::Vi),
                    count(SAMPLE_MAX as u64, Lang::Vi)
                ),
                en: format!(
                    "{member} = {} is more than the limit of {}",
                    count(value as u64, Lang::En),
                    count(SAMPLE_MAX as u64, Lang::En)
                ),
                path: member.into(),
            });
        }
    }
    let spec = SampleSpec {
        checklist_items: r.checklist_items,
        findings: r.findings,
        seed: r.seed,
        agency: r.agency,
    };
    Ok(DossierResponse {
        dossier: sample_dossier(&spec),
    })
}

/// `schema`: a JSON Schema (dossier, requests or responses).
pub fn schema(r: &SchemaRequest) -> Result<serde_json::Value, ApiError> {
    Ok(match r.of {
        SchemaOf::Dossier => crate::schema::dossier(),
        SchemaOf::Request => crate::schema::request(),
        SchemaOf::Response => crate::schema::response(),
    })
}
