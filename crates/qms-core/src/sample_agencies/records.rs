//! The records of a synthetic agency: its audit programme, plan schedules, corrective-action
//! requests and registers, with their gaps seeded at realistic rates.

use super::{Rng, SAMPLE_YEAR, day};
use crate::catalog;
use crate::model::*;

/// The year's audit programme over the audited units, plan schedules, findings behind every
/// "nonconform" answer and a request for every nonconformity; each left out in a few agencies.
pub(super) fn programme(d: &mut Dossier, rng: &mut Rng) {
    let mut units: Vec<String> = Vec::new();
    for c in d.audits.iter().flat_map(|a| &a.checklists) {
        if !units.contains(&c.unit) {
            units.push(c.unit.clone());
        }
    }
    d.scope.units = units.clone();
    let top: Vec<String> = catalog::clauses(d.scope.edition)
        .iter()
        .filter(|c| c.depth() == 1)
        .map(|c| c.id.to_owned())
        .collect();
    if !rng.chance(7) {
        d.programmes.push(AuditProgramme {
            id: format!("ct{SAMPLE_YEAR}"),
            year: SAMPLE_YEAR,
            number: None,
            issued_on: Some(day(SAMPLE_YEAR, 1, 10)),
            approved_by: None,
            objectives: vec!["Đánh giá sự phù hợp và hiệu lực của HTQLCL".into()],
            scope: None,
            criteria: vec![],
            methods: vec![],
            responsibilities: vec![],
            audit_types: vec![],
            auditor_criteria: vec![],
            resources: vec![],
            risks: vec![],
            monitoring: vec![],
            planned: units
                .iter()
                .enumerate()
                .map(|(i, u)| PlannedAudit {
                    id: format!("dk{i:02}"),
                    unit: u.clone(),
                    month: 3,
                    clauses: top.clone(),
                    legacy_clauses: vec![],
                    procedures: vec![],
                })
                .collect(),
        });
        for a in &mut d.audits {
            a.programme = Some(format!("ct{SAMPLE_YEAR}"));
        }
    }
    let no_schedule = rng.chance(10);
    let (start, end) = (TimeOfDay::new(8, 0), TimeOfDay::new(11, 30));
    for a in d.audits.iter_mut().filter(|_| !no_schedule) {
        let units: Vec<String> = a.checklists.iter().map(|c| c.unit.clone()).collect();
        for u in units {
            if let (Some(start), Some(end)) = (start, end) {
                a.plan.schedule.push(ScheduleRow {
                    date: a.plan.start,
                    start,
                    end,
                    unit: Some(u),
                    activity: Some("Đánh giá tại đơn vị".into()),
                    clauses: vec![],
                    legacy_clauses: vec![],
                    procedures: vec![],
                    auditors: vec![],
                    auditee_representative: None,
                });
            }
        }
    }
    if !rng.chance(10) {
        for a in &mut d.audits {
            let linked: Vec<(String, String)> = a
                .findings
                .iter()
                .filter_map(|f| Some((f.checklist.clone()?, f.item.clone()?)))
                .collect();
            for c in &mut a.checklists {
                for i in &mut c.items {
                    let has = linked.iter().any(|(cl, it)| *cl == c.id && *it == i.id);
                    if i.result == ItemResult::Nonconform && !has {
                        i.result = ItemResult::Conform;
                    }
                }
            }
        }
    }
    if !rng.chance(15) {
        let answered: Vec<String> = d
            .corrective_actions
            .iter()
            .filter_map(|c| c.finding.clone())
            .collect();
        let mut new = Vec::new();
        for a in &d.audits {
            for f in a.findings.iter().filter(|f| f.kind.is_nonconformity()) {
                if !answered.contains(&f.id) {
                    let mut ca = CorrectiveAction::new(
                        &format!("ca-{}", f.id),
                        CaSource::InternalAudit,
                        &f.unit,
                        a.plan.end,
                    );
                    ca.finding = Some(f.id.clone());
                    new.push(ca);
                }
            }
        }
        d.corrective_actions.extend(new);
    }
}

/// Internal and external documents and records; some agencies leave records without a
/// retention period, external documents unreviewed, or one-stop-shop records out.
pub(super) fn registers(d: &mut Dossier, rng: &mut Rng) {
    let no_retention = rng.chance(30);
    let stale_external = rng.chance(30);
    let one_stop_gap = rng.chance(25);
    d.registers.internal_documents.push(InternalDocument {
        id: "stcl".into(),
        code: "STCL".into(),
        title: "Sổ tay chất lượng".into(),
        kind: DocumentKind::Manual,
        revision: Some("01".into()),
        issued_on: Some(day(2023, 1, 5)),
        owner_unit: None,
        location: None,
        status: DocumentStatus::Current,
    });
    d.registers.external_documents.push(ExternalDocument {
        id: "nd61".into(),
        number: "61/2018/NĐ-CP".into(),
        title: "Nghị định về thực hiện cơ chế một cửa, một cửa liên thông".into(),
        issuer: Some("Chính phủ".into()),
        issued_on: Some(day(2018, 4, 23)),
        effective_on: None,
        status: ExternalStatus::Amended,
        applies_to: vec![],
        reviewed_on: Some(if stale_external {
            day(SAMPLE_YEAR - 2, 1, 10)
        } else {
            day(SAMPLE_YEAR, 1, 10)
        }),
    });
    let operational: Vec<String> = d
        .procedures
        .iter()
        .filter(|p| p.kind == ProcedureKind::Operational)
        .take(2)
        .map(|p| p.id.clone())
        .collect();
    for (n, pid) in operational.iter().enumerate() {
        if let Some(p) = d.procedures.iter_mut().find(|p| &p.id == pid) {
            p.admin_procedures.push(AdminProcedure {
                code: Some(format!("1.00{}", 4561 + n)),
                name: "Chứng thực bản sao từ bản chính".into(),
                processing_days: Some(1),
            });
        }
        let titles = if one_stop_gap && n == 0 {
            &["Giấy tiếp nhận hồ sơ và hẹn trả kết quả"][..]
        } else {
            &[
                "Giấy tiếp nhận hồ sơ và hẹn trả kết quả",
                "Phiếu kiểm soát quá trình giải quyết hồ sơ",
            ][..]
        };
        for (k, title) in titles.iter().enumerate() {
            d.registers.records.push(RecordEntry {
                id: format!("hs{n}{k}"),
                title: (*title).into(),
                form_code: None,
                procedure: Some(pid.clone()),
                unit: None,
                location: None,
                retention: (!no_retention || k == 0).then_some(Retention::Years(5)),
                medium: None,
                disposal: None,
                qms_record: None,
            });
        }
    }
}
