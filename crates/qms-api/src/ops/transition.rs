//! `transition`: one step of a corrective action's workflow, judged by the same definition of
//! what each state requires that the rules use (`CaState::requirements`).

use super::valid_dossier;
use crate::boundary::require;
use crate::error::{ApiError, Record};
use crate::request::TransitionRequest;
use crate::response::{MissingRecord, TransitionResponse};
use qms_core::Lang;

/// Moves a corrective action to `to` when the workflow allows the step and the record holds
/// what `to` requires; otherwise answers why, changing nothing. Either way the call succeeds:
/// a refused step is an answer, like a check that finds errors.
///
/// ```
/// use qms_api::request::TransitionRequest;
/// let text = format!(r#"{{"op":"transition","corrective_action":"car-01","to":"closed","date":"2026-11-23","dossier":{}}}"#,
///     include_str!("../../../../examples/so-khcn-ninh-binh.json"));
/// let r = qms_api::call(text.as_bytes(), &[]);
/// assert_eq!(r.status, qms_api::Status::Ok);
/// ```
pub fn transition(mut r: TransitionRequest<'_>) -> Result<TransitionResponse, ApiError> {
    let mut dossier = valid_dossier(r.dossier.take(), r.lang)?;
    require(
        &dossier,
        Record::CorrectiveAction,
        &r.corrective_action,
        "corrective_action",
    )?;
    let Some(ca) = dossier
        .corrective_actions
        .iter_mut()
        .find(|c| c.id == r.corrective_action)
    else {
        // `require` has just found it.
        return Err(ApiError::NotFound {
            record: Record::CorrectiveAction,
            id: r.corrective_action.clone(),
            known: Vec::new(),
            path: "corrective_action".into(),
        });
    };
    let from = ca.state;
    let allowed = from.next().to_vec();
    let missing: Vec<MissingRecord> = ca
        .unmet(r.to)
        .into_iter()
        .map(|m| MissingRecord {
            member: m.member(),
            what: m.missing(r.lang),
        })
        .collect();
    let legal = allowed.contains(&r.to);
    let reason = if !legal {
        Some(match r.lang {
            Lang::Vi => format!(
                "không thể chuyển {} từ \"{}\" sang \"{}\"; các bước được phép: {}",
                ca.id,
                from.label(Lang::Vi),
                r.to.label(Lang::Vi),
                labels(&allowed, Lang::Vi)
            ),
            Lang::En => format!(
                "{} cannot go from \"{}\" to \"{}\"; allowed: {}",
                ca.id,
                from.label(Lang::En),
                r.to.label(Lang::En),
                labels(&allowed, Lang::En)
            ),
        })
    } else if !missing.is_empty() {
        let what: Vec<&str> = missing.iter().map(|m| m.what).collect();
        Some(match r.lang {
            Lang::Vi => format!(
                "{} chưa thể sang \"{}\": còn thiếu {}",
                ca.id,
                r.to.label(Lang::Vi),
                what.join(", ")
            ),
            Lang::En => format!(
                "{} cannot be \"{}\" yet: it lacks {}",
                ca.id,
                r.to.label(Lang::En),
                what.join(", ")
            ),
        })
    } else {
        None
    };
    let applied = reason.is_none() && ca.transition(r.to, r.date).is_ok();
    let corrective_action = ca.id.clone();
    Ok(TransitionResponse {
        applied,
        corrective_action,
        from,
        to: r.to,
        allowed,
        missing,
        reason,
        dossier: applied.then_some(dossier),
    })
}

fn labels(states: &[qms_core::model::CaState], lang: Lang) -> String {
    if states.is_empty() {
        return lang
            .pick("không có (trạng thái cuối)", "none (a final state)")
            .into();
    }
    states
        .iter()
        .map(|s| format!("\"{}\"", s.label(lang)))
        .collect::<Vec<_>>()
        .join(", ")
}
