//! Which unit a diagnostic concerns: read from the record its path points into, so that
//! output can be filtered and counted per unit (phòng, ban) without every rule saying it.

use crate::Dossier;
use crate::load::{JsonPath, Segment};

/// The unit id of the record `path` points into, when that record belongs to one unit.
///
/// ```
/// use qms_core::JsonPath;
/// let d = qms_core::load(include_bytes!("../../../../examples/so-khcn-ninh-binh.json")).unwrap();
/// let p = JsonPath::root().key("corrective_actions").index(0).key("due");
/// assert_eq!(qms_core::rules::unit_of(&d, &p), Some(d.corrective_actions[0].unit.as_str()));
/// assert_eq!(qms_core::rules::unit_of(&d, &JsonPath::root().key("scope")), None);
/// ```
pub fn unit_of<'d>(d: &'d Dossier, path: &JsonPath) -> Option<&'d str> {
    use Segment::{Index, Key};
    let s = path.segments();
    let key = |i: usize| match s.get(i) {
        Some(Key(k)) => Some(k.as_str()),
        _ => None,
    };
    let index = |i: usize| match s.get(i) {
        Some(Index(n)) => Some(*n),
        _ => None,
    };
    match key(0)? {
        "units" => d.units.get(index(1)?).map(|u| u.id.as_str()),
        "people" => d.people.get(index(1)?)?.unit.as_deref(),
        "procedures" => d.procedures.get(index(1)?).map(|p| p.owner_unit.as_str()),
        "corrective_actions" => d.corrective_actions.get(index(1)?).map(|c| c.unit.as_str()),
        "quality_objectives" => d.quality_objectives.get(index(1)?)?.unit.as_deref(),
        "programmes" if key(2) == Some("planned") => d
            .programmes
            .get(index(1)?)?
            .planned
            .get(index(3)?)
            .map(|p| p.unit.as_str()),
        "audits" => {
            let a = d.audits.get(index(1)?)?;
            match key(2)? {
                "checklists" => a.checklists.get(index(3)?).map(|c| c.unit.as_str()),
                "findings" => a.findings.get(index(3)?).map(|f| f.unit.as_str()),
                "plan" if key(3) == Some("schedule") => {
                    a.plan.schedule.get(index(4)?)?.unit.as_deref()
                }
                _ => None,
            }
        }
        "registers" => match key(1)? {
            "records" => d.registers.records.get(index(2)?)?.unit.as_deref(),
            "internal_documents" => d
                .registers
                .internal_documents
                .get(index(2)?)?
                .owner_unit
                .as_deref(),
            _ => None,
        },
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nested_records_give_their_unit() {
        let d = crate::load(include_bytes!(
            "../../../../examples/so-khcn-ninh-binh.json"
        ))
        .unwrap_or_else(|e| panic!("{e:?}"));
        let a = &d.audits[0];
        let p = JsonPath::root()
            .key("audits")
            .index(0)
            .key("checklists")
            .index(2)
            .key("items")
            .index(5)
            .key("result");
        assert_eq!(unit_of(&d, &p), Some(a.checklists[2].unit.as_str()));
        let p = JsonPath::root()
            .key("audits")
            .index(0)
            .key("findings")
            .index(0);
        assert_eq!(unit_of(&d, &p), Some(a.findings[0].unit.as_str()));
        // Out of range or not a unit's record: none.
        let p = JsonPath::root().key("corrective_actions").index(9_999);
        assert_eq!(unit_of(&d, &p), None);
        assert_eq!(
            unit_of(&d, &JsonPath::root().key("programmes").index(0)),
            None
        );
    }
}
