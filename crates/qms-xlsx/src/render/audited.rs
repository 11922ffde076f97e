//! Which units an audit audited, as the dossier records it.
//!
//! The summary lists every unit audited, with 0 where it had no finding: that row is the
//! record that the unit was audited and found conforming, and an inspector counts it against
//! the report's "04 đơn vị được đánh giá". A unit is never listed merely for being in the
//! scope or the plan of an audit that has not taken place.
//!
//! A unit counts as audited by an audit when
//! * a finding was raised in it;
//! * a checklist of it has an answered question (any result but "not audited"); or
//! * it has a row in the plan's schedule and the audit has taken place, which the dossier shows
//!   by the audit's report, a finding or an answered checklist question. The schedule is what
//!   was carried out unless the plan was amended, and units are often audited without a
//!   checklist in the dossier (the examples' "Văn phòng" and "Phòng Kinh tế" have none).
//!
//! A planned audit with none of these (no report, no finding, every question unanswered)
//! lists no unit: it has not been carried out yet.

use qms_core::model::{Audit, ItemResult};

/// The units audited by `audit` (unit ids), each once, in the order met: findings, checklists,
/// then the schedule.
///
/// ```ignore
/// let units = audited_units(&audit);
/// assert!(units.contains(&"pkt")); // scheduled, no finding, in an audit that took place
/// ```
pub(super) fn audited_units(audit: &Audit) -> Vec<&str> {
    let answered =
        |c: &qms_core::model::Checklist| c.items.iter().any(|i| i.result != ItemResult::NotAudited);
    let took_place = audit.report.is_some()
        || !audit.findings.is_empty()
        || audit.checklists.iter().any(answered);
    let scheduled = audit
        .plan
        .schedule
        .iter()
        .filter(|_| took_place)
        .filter_map(|r| r.unit.as_deref());
    let mut units: Vec<&str> = Vec::new();
    for unit in audit
        .findings
        .iter()
        .map(|f| f.unit.as_str())
        .chain(
            audit
                .checklists
                .iter()
                .filter(|c| answered(c))
                .map(|c| c.unit.as_str()),
        )
        .chain(scheduled)
    {
        if !units.contains(&unit) {
            units.push(unit);
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn example() -> Audit {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../examples/ubnd-xa-tan-thanh-2008.json");
        let bytes = std::fs::read(path).unwrap_or_default();
        let d = qms_core::load(&bytes).unwrap_or_else(|e| panic!("{e}"));
        d.audits
            .into_iter()
            .next()
            .unwrap_or_else(|| panic!("no audit"))
    }

    #[test]
    fn a_scheduled_unit_without_findings_of_an_audit_that_took_place_is_audited() {
        let audit = example();
        let units = audited_units(&audit);
        // Four units, as the report says: three with findings and "Phòng Kinh tế" without.
        assert_eq!(units.len(), 4, "{units:?}");
        assert!(units.contains(&"pkt"));
        assert!(!audit.findings.iter().any(|f| f.unit == "pkt"));
    }

    #[test]
    fn an_audit_not_yet_carried_out_audited_no_unit() {
        let mut audit = example();
        audit.report = None;
        audit.findings.clear();
        for c in &mut audit.checklists {
            for i in &mut c.items {
                i.result = ItemResult::NotAudited;
            }
        }
        assert!(audited_units(&audit).is_empty());
        // One answered question: its checklist's unit, and the schedule, count.
        if let Some(i) = audit
            .checklists
            .first_mut()
            .and_then(|c| c.items.first_mut())
        {
            i.result = ItemResult::Conform;
        }
        assert_eq!(audited_units(&audit).len(), 4);
    }

    #[test]
    fn units_outside_the_schedule_come_from_findings_and_answered_checklists() {
        let mut audit = example();
        audit.plan.schedule.clear();
        audit.report = None;
        let units = audited_units(&audit);
        assert!(!units.contains(&"pkt"), "{units:?}");
        let mut want: Vec<&str> = audit.findings.iter().map(|f| f.unit.as_str()).collect();
        want.extend(audit.checklists.iter().map(|c| c.unit.as_str()));
        want.sort_unstable();
        want.dedup();
        let mut got = units.clone();
        got.sort_unstable();
        assert_eq!(got, want);
    }
}
