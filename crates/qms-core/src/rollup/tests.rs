//! The roll-up's numbers on small dossiers built by hand, where every count is known.

use super::*;
use crate::model::*;
use crate::rules::{CheckOptions, check};
use crate::sample_agencies::{AgencySampleSpec, SAMPLE_YEAR, sample_agency};
use chrono::NaiveDate;

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

const TODAY: (i32, u32, u32) = (2026, 11, 30);

fn opts() -> RollupOptions {
    RollupOptions {
        year: 2026,
        today: day(TODAY.0, TODAY.1, TODAY.2),
    }
}

fn row(d: &crate::Dossier) -> AgencySummary {
    let o = opts();
    let diags = check(d, &CheckOptions { today: o.today });
    summarize(&format!("{}.json", d.id), d, &diags, &o)
}

fn audit(id: &str, end: NaiveDate, kinds: &[FindingKind]) -> Audit {
    Audit {
        id: id.into(),
        title: format!("Đánh giá {id}"),
        programme: None,
        planned: vec![],
        plan: AuditPlan {
            number: None,
            issued_on: None,
            objectives: vec![],
            scope: None,
            criteria: vec![],
            methods: vec![],
            location: None,
            start: end,
            end,
            team: vec![],
            opening_meeting: None,
            closing_meeting: None,
            schedule: vec![],
        },
        checklists: vec![],
        findings: kinds
            .iter()
            .enumerate()
            .map(|(i, k)| Finding {
                id: format!("{id}-f{i}"),
                kind: *k,
                unit: "vp".into(),
                clauses: vec!["7.5.3".into()],
                legacy_clauses: vec![],
                procedure: None,
                checklist: None,
                item: None,
                auditor: None,
                requirement: None,
                evidence: None,
                statement: "Thiếu hồ sơ".into(),
                acknowledgement: None,
                date: None,
            })
            .collect(),
        report: None,
        team_decision: None,
    }
}

fn commune() -> crate::Dossier {
    let mut d = crate::Dossier::new("xa-an-binh", "Ủy ban nhân dân xã An Bình");
    d.units.push(Unit {
        id: "vp".into(),
        name: "Văn phòng".into(),
        short_name: None,
        head: None,
    });
    d.agency.grouping = Some(" Cụm 2 ".into());
    d
}

#[test]
fn one_agency_counts_what_its_dossier_holds() {
    use FindingKind::*;
    let mut d = commune();
    d.audits.push(audit(
        "a1",
        day(2026, 3, 10),
        &[MinorNonconformity, Observation, MinorNonconformity],
    ));
    d.audits
        .push(audit("a0", day(2025, 3, 10), &[MajorNonconformity]));
    d.announcements.push(Announcement {
        id: "c".into(),
        date: day(2024, 5, 2),
        decision_number: "12/QĐ-UBND".into(),
        edition: crate::Edition::Iso9001_2015,
        scope_text: "khác".into(),
        exclusions: vec![],
        procedures: vec![],
        units: vec![],
    });
    let mut open = CorrectiveAction::new("ca1", CaSource::InternalAudit, "vp", day(2026, 3, 11));
    open.actions.push(ActionStep {
        description: "x".into(),
        owner: "p".into(),
        owner_unit: None,
        due: day(2026, 6, 1),
        original_due: None,
        extensions: vec![],
        completed_on: None,
    });
    let open_not_late = {
        let mut c = CorrectiveAction::new("ca2", CaSource::InternalAudit, "vp", day(2026, 3, 11));
        c.state = CaState::InProgress;
        c
    };
    let mut closed = CorrectiveAction::new("ca3", CaSource::InternalAudit, "vp", day(2026, 3, 11));
    closed.state = CaState::Closed;
    closed.verification = Some(Verification {
        date: day(2026, 5, 1),
        by: "p".into(),
        effective: true,
        comment: None,
    });
    let mut ineffective = closed.clone();
    ineffective.id = "ca4".into();
    ineffective.verification = ineffective.verification.map(|v| Verification {
        effective: false,
        ..v
    });
    d.corrective_actions = vec![open, open_not_late, closed, ineffective];
    let target = |unit: Option<&str>| Target {
        value: 95.0,
        comparison: Comparison::AtLeast,
        unit: unit.map(Into::into),
    };
    let objective =
        |id: &str, t: Option<Target>, value: Option<f64>, year: Option<i32>| QualityObjective {
            id: id.into(),
            statement: id.into(),
            indicator: None,
            target: t,
            period: Some(MeasurementPeriod::Yearly),
            year,
            process_performance: false,
            unit: None,
            measurements: value
                .map(|value| Measurement {
                    period_start: None,
                    measured_on: None,
                    period_end: day(2026, 9, 30),
                    value,
                    note: None,
                })
                .into_iter()
                .collect(),
            actions: vec![],
        };
    d.quality_objectives = vec![
        objective("met", Some(target(Some("%"))), Some(97.0), Some(2026)),
        objective("missed", Some(target(Some("%"))), Some(90.0), None),
        objective("no-unit", Some(target(None)), Some(99.0), Some(2026)),
        objective("last-year", Some(target(Some("%"))), Some(99.0), Some(2025)),
    ];
    // A measurement dated after the roll-up's reference day (30/11/2026) is not known on it:
    // "missed" stays missed.
    d.quality_objectives[1].measurements.push(Measurement {
        period_start: None,
        measured_on: None,
        period_end: day(2026, 12, 31),
        value: 99.0,
        note: None,
    });
    let trained = |kind, date| TrainingRecord {
        kind,
        course: "c".into(),
        provider: None,
        date,
        certificate: None,
    };
    for (i, t) in [
        vec![trained(TrainingKind::InternalAuditor, day(2020, 1, 1))],
        vec![trained(TrainingKind::Awareness, day(2026, 2, 1))],
        vec![trained(TrainingKind::Awareness, day(2025, 2, 1))],
    ]
    .into_iter()
    .enumerate()
    {
        d.people.push(Person {
            id: format!("p{i}"),
            name: format!("Người {i}"),
            position: None,
            unit: None,
            roles: vec![],
            training: t,
            qualifications: vec![],
        });
    }

    let r = row(&d);
    assert_eq!(r.kind, AgencyKind::Commune);
    assert_eq!(r.grouping.as_deref(), Some("Cụm 2"));
    assert_eq!(r.year, Some(2026));
    assert_eq!(r.announced, Some((day(2024, 5, 2), "12/QĐ-UBND".into())));
    assert!(r.reannouncement_due, "the scope text differs");
    assert_eq!(r.last_audit, Some(day(2026, 3, 10)));
    assert!(r.audit_within_12_months);
    assert_eq!((r.last_review, r.review_within_12_months), (None, false));
    assert_eq!(r.audits_in_year, 1);
    assert_eq!(r.findings, [0, 2, 0, 1, 0, 0]);
    assert_eq!(r.nonconformities(), 2);
    assert_eq!(
        (
            r.actions_open,
            r.actions_overdue,
            r.actions_closed_effective
        ),
        (2, 1, 1)
    );
    assert_eq!(
        (r.objectives, r.objectives_measurable, r.objectives_met),
        (3, 2, 1)
    );
    assert_eq!((r.trained_auditors, r.awareness_trained), (1, 1));
    assert_eq!(
        r.failures(),
        vec![
            Requirement::ReviewWithin12Months,
            Requirement::AnnouncementCurrent
        ]
    );
    let diags = check(
        &d,
        &CheckOptions {
            today: opts().today,
        },
    );
    let errors = diags
        .iter()
        .filter(|x| x.severity == Severity::Error)
        .count();
    assert_eq!(r.errors as usize, errors);
    assert_eq!(
        r.most_serious.as_ref().map(|m| m.0),
        diags.first().map(|x| x.code)
    );
    assert!(r.rules.iter().any(|(c, _)| *c == "QMS-M001"));
    assert!(r.rules.iter().any(|(c, _)| *c == "QMS-S003"));
}

use crate::rules::Severity;

/// A dossier from another province is left out as such, even when it is also of another
/// year (the reason the issuer must see: it is not theirs to inspect); agencies whose province
/// is unknown stay; the issuer's own province, when given, wins over the majority.
#[test]
fn agencies_of_another_province_are_left_out_as_such() {
    let with = |id: &str, address: Option<&str>, year: i32| {
        let mut d = crate::Dossier::new(id, &format!("Ủy ban nhân dân xã {id}"));
        d.agency.address = address.map(str::to_owned);
        d.audits.push(audit("a1", day(year, 3, 10), &[]));
        row(&d)
    };
    let rows = || {
        [
            with("a", Some("xã A, tỉnh Ninh Bình"), 2026),
            with("b", Some("xã B, TỈNH NINH BÌNH"), 2026),
            with("c", None, 2026),
            with("d", Some("phường Mỹ Tho, tỉnh Đồng Tháp"), 2026),
            with("e", Some("phường Mỹ Tho, tỉnh Đồng Tháp"), 2025),
            with("f", Some("xã F, tỉnh Ninh Bình"), 2024),
        ]
    };
    let mut p = Province::new(opts());
    rows().into_iter().for_each(|r| p.add(r));
    p.keep_province(None);
    let kept: Vec<&str> = p.agencies.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(kept, ["a", "b", "c"]);
    let reasons: Vec<(&str, &str)> = p
        .rejected
        .iter()
        .map(|r| match &r.reason {
            Rejection::OtherProvince { id, province, .. } => (id.as_str(), province.as_str()),
            Rejection::OtherYear { id, .. } => (id.as_str(), "year"),
            _ => ("?", "?"),
        })
        .collect();
    assert_eq!(
        reasons,
        [("e", "Đồng Tháp"), ("f", "year"), ("d", "Đồng Tháp")]
    );
    let said = p.rejected[0].reason.official("e.json", crate::Lang::Vi);
    assert_eq!(said, "UBND xã e (thuộc tỉnh Đồng Tháp)");
    // Given by the issuer: Đồng Tháp's roll-up keeps its own.
    let mut p = Province::new(opts());
    rows().into_iter().for_each(|r| p.add(r));
    p.keep_province(Some("tỉnh Đồng Tháp"));
    let kept: Vec<&str> = p.agencies.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(kept, ["c", "d"]);
}

#[test]
fn province_rejects_duplicates_and_other_years_and_ranks_shortcomings() {
    let mut p = Province::new(opts());
    let mut a = commune();
    a.audits.push(audit("a1", day(2026, 3, 10), &[]));
    let mut b = crate::Dossier::new("so-tu-phap", "Sở Tư pháp tỉnh Ninh Bình");
    b.audits.push(audit("a1", day(2026, 4, 10), &[]));
    b.scope.edition = crate::Edition::Iso9001_2008;
    let mut old = crate::Dossier::new("xa-cu", "Ủy ban nhân dân xã Cũ");
    old.audits.push(audit("a1", day(2024, 4, 10), &[]));
    p.add(row(&a));
    p.reject("broken.json", "not JSON".into());
    p.add(row(&b));
    p.add(row(&a));
    p.add(row(&old));
    assert_eq!(p.agencies.len(), 2);
    assert_eq!(p.unreadable(), 1);
    let reasons: Vec<&Rejection> = p.rejected.iter().map(|r| &r.reason).collect();
    assert!(matches!(reasons[1], Rejection::Duplicate { first, .. } if first == "xa-an-binh.json"));
    assert!(matches!(
        reasons[2],
        Rejection::OtherYear { year: 2024, .. }
    ));

    let t = p.tally(|_| true);
    assert_eq!(
        (t.agencies, t.audit_ok, t.review_ok, t.edition_2008),
        (2, 2, 0, 1)
    );
    assert_eq!(t.failing, 2);
    let kinds: Vec<AgencyKind> = p.by_kind().into_iter().map(|(k, _)| k).collect();
    assert_eq!(kinds, vec![AgencyKind::Department, AgencyKind::Commune]);
    assert_eq!(p.by_grouping().len(), 1);

    let s = p.shortcomings();
    // Both lack a management review; only the department is on 2008.
    let m001 = s
        .iter()
        .find(|x| x.code == "QMS-M001")
        .map(|x| x.agencies.len());
    assert_eq!(m001, Some(2));
    let s004 = s.iter().find(|x| x.code == "QMS-S004");
    assert_eq!(s004.map(|x| x.agencies.clone()), Some(vec![1]));
    assert_eq!(
        s004.map(|x| x.counts(crate::Lang::Vi)).as_deref(),
        Some("1/1 sở, ban, ngành")
    );
    assert!(
        s.windows(2)
            .all(|w| w[0].agencies.len() >= w[1].agencies.len())
    );
}

#[test]
fn sample_agencies_are_valid_varied_and_of_the_sample_year() {
    let mut kinds = std::collections::BTreeSet::new();
    let mut editions = std::collections::BTreeSet::new();
    let mut failing = 0;
    let mut p = Province::new(opts());
    for index in 0..60 {
        let d = sample_agency(&AgencySampleSpec {
            checklist_items: 30,
            findings: 6,
            seed: 11,
            index,
        });
        assert_eq!(crate::validate(&d), vec![], "agency {index}");
        assert_eq!(dossier_year(&d), Some(SAMPLE_YEAR));
        kinds.insert(d.agency.kind_or_inferred());
        assert_eq!(d.agency.kind, Some(AgencyKind::infer(&d.agency.name)));
        editions.insert(d.scope.edition);
        let r = row(&d);
        failing += usize::from(!r.failures().is_empty());
        p.add(r);
    }
    assert_eq!(p.agencies.len(), 60, "ids are unique");
    assert_eq!(kinds.len(), 4);
    assert_eq!(editions.len(), 2);
    assert!(failing > 5 && failing < 50, "{failing}");
    assert!(p.shortcomings().len() > 8);
}

fn example(name: &str) -> Option<crate::Dossier> {
    let path = format!("{}/../../examples/{name}", env!("CARGO_MANIFEST_DIR"));
    crate::load(&std::fs::read(path).ok()?).ok()
}

/// The province of a commune or ward is its province (Đồng Tháp), not its own place name
/// ("Mỹ Tho", "Tân Thành"): the report is addressed to that province's People's Committee.
#[test]
fn the_province_comes_from_the_agencies_never_from_a_communes_place() {
    let mut p = Province::new(RollupOptions {
        year: 2025,
        today: day(2026, 12, 1),
    });
    let mut seen = 0;
    for name in [
        "ubnd-phuong-my-tho-2015.json",
        "ubnd-xa-tan-thanh-2008.json",
    ] {
        let Some(d) = example(name) else { continue };
        seen += 1;
        p.add(summarize(
            name,
            &d,
            &[],
            &RollupOptions {
                year: 2025,
                today: day(2026, 12, 1),
            },
        ));
    }
    assert_eq!(seen, 2, "the examples are missing");
    assert_eq!(p.place(), Some("Đồng Tháp"));
}

/// A year rolled up after it ended is judged at its end: audits and reviews of September and
/// October 2025 are within 12 months of 31/12/2025, though not of 01/12/2026, and the checks
/// ask for the 2025 programme, not the 2026 one.
#[test]
fn a_past_year_is_judged_at_its_end() {
    let Some(d) = example("ubnd-phuong-my-tho-2015.json") else {
        panic!("the example is missing");
    };
    let o = RollupOptions {
        year: 2025,
        today: day(2026, 12, 1),
    };
    assert_eq!(o.as_of(), day(2025, 12, 31));
    let diags = check(&d, &CheckOptions { today: o.as_of() });
    let r = summarize("x.json", &d, &diags, &o);
    assert!(r.audit_within_12_months && r.review_within_12_months);
    assert!(
        !diags
            .iter()
            .any(|x| x.code == "QMS-A000" && x.message_en.contains("2026")),
        "the 2026 programme was asked for"
    );
    let p = Province::new(o);
    assert_eq!((p.today, p.as_of), (day(2026, 12, 1), day(2025, 12, 31)));
    assert!(p.remedy_quarter() > (0, 2026) && p.remedy_quarter().1 >= 2027);
}
