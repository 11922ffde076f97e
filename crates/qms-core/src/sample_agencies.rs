//! Synthetic agencies of a province, for roll-up demos and load tests: departments, communes,
//! wards and a special zone, with groupings, both editions, and shortcomings seeded at
//! realistic rates (no review, old audit, scope changed since the announcement, objectives not
//! measurable, registers incomplete, untrained auditors, overdue corrective actions).
//!
//! Deterministic: the same [`AgencySampleSpec`] gives the same dossier.

use crate::model::*;
use crate::sample::{SampleSpec, sample_dossier};
use crate::{Edition, catalog};
use chrono::{Days, Months, NaiveDate};

mod records;
use records::{programme, registers};

/// Which agency of a synthetic province to generate.
///
/// ```
/// use qms_core::sample_agencies::{AgencySampleSpec, sample_agency};
/// let spec = AgencySampleSpec { checklist_items: 100, findings: 10, seed: 7, index: 3 };
/// let d = sample_agency(&spec);
/// assert!(qms_core::validate(&d).is_empty());
/// assert_eq!(d, sample_agency(&spec));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct AgencySampleSpec {
    /// Checklist items across the agency's audits.
    pub checklist_items: usize,
    /// Findings across the agency's audits.
    pub findings: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// Which agency of the province (0-based): its kind, name and id follow from it.
    pub index: usize,
}

/// The year the synthetic agencies' activity belongs to.
pub const SAMPLE_YEAR: i32 = 2026;

/// The province the synthetic agencies belong to.
pub const SAMPLE_PROVINCE: &str = "Ninh Bình";

const DEPARTMENTS: [&str; 20] = [
    "Sở Khoa học và Công nghệ",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Nông nghiệp và Môi trường",
    "Sở Công Thương",
    "Sở Văn hóa, Thể thao và Du lịch",
    "Sở Dân tộc và Tôn giáo",
    "Sở Ngoại vụ",
    "Thanh tra tỉnh",
    "Văn phòng UBND tỉnh",
    "Ban Quản lý các khu công nghiệp",
    "Sở Giao thông vận tải",
    "Sở Lao động - Thương binh và Xã hội",
    "Sở Thông tin và Truyền thông",
    "Ban Dân tộc",
    "Sở Kế hoạch và Đầu tư",
];
const FIRST: [&str; 20] = [
    "An",
    "Bình",
    "Gia",
    "Hoa",
    "Kim",
    "Yên",
    "Tân",
    "Phú",
    "Thanh",
    "Đông",
    "Nam",
    "Trường",
    "Quang",
    "Vĩnh",
    "Hưng",
    "Phúc",
    "Lạc",
    "Đại",
    "Thiện",
    "Ninh",
];
const SECOND: [&str; 20] = [
    "Hòa", "Thịnh", "Khánh", "Lộc", "Sơn", "Phong", "Thành", "Mỹ", "Lợi", "Hải", "Tiến", "Long",
    "Phát", "Xuân", "Trung", "Bảo", "Vân", "Đức", "Lâm", "Hà",
];

/// SplitMix64, as in [`crate::sample`].
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// True with probability `percent` %.
    fn chance(&mut self, percent: u64) -> bool {
        self.next() % 100 < percent
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
}

/// The kind and name of agency `index`: departments first in every ten, then communes,
/// wards, and one special zone in thirty.
fn identity(index: usize) -> (AgencyKind, String, Option<String>) {
    let place = |i: usize| {
        let n = i % (FIRST.len() * SECOND.len());
        let base = format!(
            "{} {}",
            crate::sample::cycle(&FIRST, n),
            crate::sample::cycle(&SECOND, n / FIRST.len())
        );
        match i / (FIRST.len() * SECOND.len()) {
            0 => base,
            k => format!("{base} {}", k + 1),
        }
    };
    let cluster = || Some(format!("Cụm {}", index % 5 + 1));
    match index % 10 {
        0 | 5 => {
            let k = index / 5;
            let name = crate::sample::cycle(&DEPARTMENTS, k);
            let name = match k / DEPARTMENTS.len() {
                0 => format!("{name} tỉnh {SAMPLE_PROVINCE}"),
                n => format!("{name} tỉnh {SAMPLE_PROVINCE} ({})", n + 1),
            };
            (AgencyKind::Department, name, None)
        }
        7 | 8 => (
            AgencyKind::Ward,
            format!("Ủy ban nhân dân phường {}", place(index)),
            cluster(),
        ),
        9 if index % 30 == 29 => (
            AgencyKind::SpecialZone,
            format!("Ủy ban nhân dân đặc khu {}", place(index)),
            None,
        ),
        _ => (
            AgencyKind::Commune,
            format!("Ủy ban nhân dân xã {}", place(index)),
            cluster(),
        ),
    }
}

/// The 2008 clause for each clause the generator uses.
fn to_2008(clause: &str) -> &'static str {
    match clause {
        "4.4" => "4.1",
        "5.3" => "5.5.1",
        "6.1" => "8.5.3",
        "6.2" => "5.4.1",
        "7.1.6" | "7.2" => "6.2.2",
        "7.5.3" => "4.2.3",
        "8.1" => "7.1",
        "8.2.1" => "7.2.3",
        "8.5.1" => "7.5.1",
        "9.1.2" => "8.2.1",
        "8.3" => "7.3",
        _ => "8.5.2",
    }
}

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap_or_default()
}

/// Generates agency `spec.index` of the synthetic province.
pub fn sample_agency(spec: &AgencySampleSpec) -> Dossier {
    let mut d = sample_dossier(&SampleSpec {
        checklist_items: spec.checklist_items,
        findings: spec.findings,
        seed: spec.seed,
        agency: spec.index,
    });
    let mut rng = Rng(spec.seed.rotate_left(17) ^ (spec.index as u64).wrapping_mul(0x9E37_79B9));
    let (kind, name, grouping) = identity(spec.index);
    let prefix = match kind {
        AgencyKind::Department => "so",
        AgencyKind::Commune => "xa",
        AgencyKind::Ward => "phuong",
        AgencyKind::SpecialZone => "dac-khu",
        AgencyKind::Other => "cq",
    };
    d.id = format!("{prefix}-{:04}", spec.index);
    d.agency.name = name.clone();
    d.agency.kind = Some(kind);
    d.agency.grouping = grouping;
    d.agency.place = Some(SAMPLE_PROVINCE.into());
    d.agency.parent = Some(format!("UBND tỉnh {SAMPLE_PROVINCE}"));
    d.scope.text = format!("Toàn bộ hoạt động giải quyết thủ tục hành chính của {name}");

    // One agency in twenty-five is sure to be on 2008, so even a small province shows it.
    let legacy = rng.chance(6) || spec.index % 25 == 12;
    if legacy {
        d.scope.edition = Edition::Iso9001_2008;
        for x in &mut d.scope.exclusions {
            x.clause = to_2008(&x.clause).into();
        }
        let map = |v: &mut Vec<String>| v.iter_mut().for_each(|c| *c = to_2008(c).into());
        d.procedures.iter_mut().for_each(|p| map(&mut p.clauses));
        for a in &mut d.audits {
            a.plan.criteria = vec!["TCVN ISO 9001:2008".into()];
            a.findings.iter_mut().for_each(|f| map(&mut f.clauses));
            for c in &mut a.checklists {
                c.items.iter_mut().for_each(|i| map(&mut i.clauses));
            }
        }
    }

    // Announcement: most agencies announced; some changed their scope since.
    if !rng.chance(8) {
        let mut scope_text = d.scope.text.clone();
        if rng.chance(12) {
            scope_text = format!("Một phần hoạt động giải quyết thủ tục hành chính của {name}");
        }
        d.announcements.push(Announcement {
            id: "cb1".into(),
            date: day(2023, 1 + rng.below(12) as u32, 1 + rng.below(28) as u32),
            decision_number: format!("{}/QĐ-{}", 10 + rng.below(300), prefix.to_uppercase()),
            edition: d.scope.edition,
            scope_text,
            exclusions: d
                .scope
                .exclusions
                .iter()
                .map(|x| x.clause.clone())
                .collect(),
            procedures: vec![],
            // Filled in at the end, once the scope's units are known.
            units: vec![],
        });
    }

    // The audits: one agency in ten last audited more than 12 months ago.
    let old_audit = rng.chance(10);
    if old_audit {
        for a in &mut d.audits {
            let back = |x: NaiveDate| x.checked_sub_months(Months::new(14)).unwrap_or(x);
            a.plan.start = back(a.plan.start);
            a.plan.end = back(a.plan.end);
            a.plan.issued_on = a.plan.issued_on.map(back);
            for c in &mut a.checklists {
                c.date = c.date.map(back);
            }
        }
        for ca in &mut d.corrective_actions {
            ca.raised_on = ca
                .raised_on
                .checked_sub_months(Months::new(14))
                .unwrap_or(ca.raised_on);
        }
    }

    // An agency that skipped both would look like last year's dossier: keep its review.
    let no_review = rng.chance(15) && !old_audit;
    if !no_review {
        let edition = d.scope.edition;
        d.management_reviews.push(ManagementReview {
            id: "xx1".into(),
            title: format!("Xem xét của lãnh đạo năm {SAMPLE_YEAR}"),
            number: None,
            notice_number: None,
            notice_date: None,
            period_start: None,
            period_end: None,
            meeting: ReviewMeeting {
                date: day(SAMPLE_YEAR, 6 + rng.below(5) as u32, 10),
                start: None,
                end: None,
                place: None,
                chair: "p000".into(),
                secretary: "p003".into(),
                attendees: vec![],
                guests: vec![],
                absent: vec![],
            },
            previous: None,
            inputs: catalog::required_review_inputs(edition)
                .into_iter()
                .filter(|_| !rng.chance(3))
                .map(|k| ReviewInput {
                    topic: k.into(),
                    summary: "Đã báo cáo tại cuộc họp".into(),
                    presenter: None,
                    discussion: None,
                    conclusion: None,
                })
                .collect(),
            follow_ups: vec![],
            decisions: vec![],
            conclusion: None,
            input_report: None,
        });
    }

    // Training: auditors lose their records in one agency in twelve; awareness classes.
    if rng.chance(8) {
        for p in &mut d.people {
            p.training
                .retain(|t| t.kind != TrainingKind::InternalAuditor);
        }
    }
    let awareness = rng.below(8) as usize;
    for p in d
        .people
        .iter_mut()
        .filter(|p| p.training.is_empty())
        .take(awareness)
    {
        p.training.push(TrainingRecord {
            kind: TrainingKind::Awareness,
            course: "Nhận thức về TCVN ISO 9001:2015".into(),
            provider: None,
            date: day(SAMPLE_YEAR, 4, 15),
            certificate: None,
        });
    }

    programme(&mut d, &mut rng);

    // Corrective actions in every state, some overdue, some closed and verified.
    let today = day(SAMPLE_YEAR, 11, 30);
    for ca in &mut d.corrective_actions {
        let state = match rng.below(6) {
            0 | 1 => CaState::Proposed,
            2 | 3 => CaState::InProgress,
            _ => CaState::Closed,
        };
        if state == CaState::Proposed {
            continue;
        }
        ca.root_cause = Some("Công chức chưa nắm vững quy trình".into());
        ca.correction = Some(Correction {
            description: "Bổ sung hồ sơ còn thiếu".into(),
            done_on: Some(ca.raised_on + Days::new(3)),
            by: None,
        });
        ca.approval = Some(Approval {
            by: "p000".into(),
            date: ca.raised_on + Days::new(5),
        });
        let due = if rng.chance(40) {
            today - Days::new(20)
        } else {
            today + Days::new(30)
        };
        ca.actions.push(ActionStep {
            description: "Rà soát, hướng dẫn lại quy trình cho công chức".into(),
            owner: "p003".into(),
            due,
            original_due: None,
            extensions: vec![],
            completed_on: (state == CaState::Closed).then_some(ca.raised_on + Days::new(20)),
        });
        if state == CaState::Closed {
            ca.verification = Some(Verification {
                date: ca.raised_on + Days::new(40),
                by: "p001".into(),
                effective: !rng.chance(15),
                comment: None,
            });
        }
        ca.state = state;
    }

    // Quality objectives, some not measurable, measured against their targets.
    let unmeasurable = rng.chance(25);
    let missed = rng.chance(20);
    for k in 0..3 + rng.below(4) as usize {
        let vague = unmeasurable && k == 0;
        let target = 90.0 + rng.below(10) as f64;
        d.quality_objectives.push(QualityObjective {
            id: format!("mt{k}"),
            statement: if vague {
                "Nâng cao chất lượng phục vụ người dân".into()
            } else {
                format!("Tỷ lệ hồ sơ giải quyết đúng hạn đạt từ {target}% trở lên")
            },
            indicator: (!vague).then(|| "Tỷ lệ hồ sơ đúng hạn".into()),
            target: (!vague).then(|| Target {
                value: target,
                comparison: Comparison::AtLeast,
                unit: Some("%".into()),
            }),
            period: (!vague).then_some(MeasurementPeriod::Yearly),
            year: Some(SAMPLE_YEAR),
            process_performance: false,
            unit: None,
            measurements: if vague {
                vec![]
            } else {
                vec![Measurement {
                    period_end: day(SAMPLE_YEAR, 9, 30),
                    value: if missed && k == 1 {
                        target - 1.0 - rng.below(5) as f64
                    } else {
                        (target + rng.below(5) as f64).min(100.0)
                    },
                    note: None,
                }]
            },
            actions: vec![],
        });
    }

    registers(&mut d, &mut rng);
    // The announcement covered the units the scope has now (a seeded scope change is in its
    // text, not in its units).
    let announced: Vec<String> = if d.scope.units.is_empty() {
        d.units.iter().map(|u| u.id.clone()).collect()
    } else {
        d.scope.units.clone()
    };
    for a in &mut d.announcements {
        a.units = announced.clone();
    }
    d
}
