//! Synthetic dossiers of a requested size, for load tests and benchmarks.
//!
//! Deterministic: the same [`SampleSpec`] gives the same dossier. The text is realistic
//! Vietnamese built from phrase lists, so sizes and Unicode handling match real dossiers.

mod text;

pub use text::{SampleText, sample_text};

use crate::Edition;
use crate::model::*;
use chrono::{Datelike, Days, NaiveDate};

/// What to generate.
///
/// ```
/// use qms_core::sample::{SampleSpec, sample_dossier};
/// let spec = SampleSpec { checklist_items: 250, findings: 30, seed: 7, agency: 0 };
/// let d = sample_dossier(&spec);
/// let items: usize = d.audits.iter().flat_map(|a| &a.checklists).map(|c| c.items.len()).sum();
/// assert_eq!(items, 250);
/// assert_eq!(d.findings().count(), 30);
/// assert!(qms_core::validate(&d).is_empty());
/// assert_eq!(d, sample_dossier(&spec));
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleSpec {
    /// Total checklist items across all audits.
    pub checklist_items: usize,
    /// Total findings across all audits.
    pub findings: usize,
    /// Seed of the generator.
    pub seed: u64,
    /// Which agency of a series (0-based): changes names and ids.
    pub agency: usize,
}

/// A small, fast, deterministic generator (SplitMix64).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n.max(1) as u64) as usize
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        cycle(items, self.below(items.len()))
    }
    /// One of `items` (not empty), or `or`.
    fn choose<T: Copy>(&mut self, items: &[T], or: T) -> T {
        items.get(self.below(items.len())).copied().unwrap_or(or)
    }
}

/// Element `i` of a list of names, counting round (`""` for an empty list).
pub(crate) fn cycle<'a>(items: &[&'a str], i: usize) -> &'a str {
    items
        .get(i % items.len().max(1))
        .copied()
        .unwrap_or_default()
}

const AGENCIES: [&str; 8] = [
    "Sở Khoa học và Công nghệ",
    "Sở Tư pháp",
    "Sở Nội vụ",
    "Sở Tài chính",
    "Sở Xây dựng",
    "Sở Y tế",
    "Sở Giáo dục và Đào tạo",
    "Sở Nông nghiệp và Môi trường",
];
const PROVINCES: [&str; 6] = [
    "Ninh Bình",
    "Thanh Hóa",
    "Nghệ An",
    "Quảng Trị",
    "Lâm Đồng",
    "Cần Thơ",
];
const UNITS: [&str; 12] = [
    "Văn phòng Sở",
    "Thanh tra Sở",
    "Phòng Kế hoạch - Tài chính",
    "Phòng Tổ chức cán bộ",
    "Phòng Quản lý chuyên ngành",
    "Phòng Pháp chế",
    "Phòng Cải cách hành chính",
    "Chi cục Quản lý chất lượng",
    "Trung tâm Dịch vụ công",
    "Bộ phận tiếp nhận và trả kết quả",
    "Phòng Chuyển đổi số",
    "Phòng Hợp tác quốc tế",
];
const SURNAMES: [&str; 10] = [
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ", "Ngô",
];
const MIDDLE: [&str; 6] = ["Văn", "Thị", "Đức", "Minh", "Thu", "Quốc"];
const GIVEN: [&str; 12] = [
    "An", "Bình", "Cường", "Dung", "Giang", "Hạnh", "Khánh", "Lan", "Mạnh", "Nga", "Phương", "Tuấn",
];
const QUESTIONS: [&str; 10] = [
    "Đơn vị có cập nhật danh mục tài liệu bên ngoài khi văn bản pháp luật thay đổi không?",
    "Hồ sơ thủ tục hành chính có Giấy tiếp nhận hồ sơ và hẹn trả kết quả đầy đủ không?",
    "Phiếu kiểm soát quá trình giải quyết hồ sơ có ghi đủ thời gian giao, nhận không?",
    "Mục tiêu chất lượng của đơn vị có đo lường được và được theo dõi định kỳ không?",
    "Tỷ lệ hồ sơ giải quyết đúng hạn trong quý được tổng hợp và báo cáo thế nào?",
    "Các rủi ro và cơ hội của quá trình đã được xác định và có biện pháp xử lý chưa?",
    "Công chức được phân công có được đào tạo về quy trình và tiêu chuẩn không?",
    "Ý kiến phản ánh, kiến nghị của người dân được tiếp nhận và xử lý thế nào?",
    "Hồ sơ lưu có đúng nơi, đúng thời hạn lưu theo danh mục hồ sơ không?",
    "Kết quả khảo sát sự hài lòng của người dân có được phân tích và báo cáo không?",
];
const EVIDENCE: [&str; 6] = [
    "Kiểm tra ngẫu nhiên 10 hồ sơ tháng 4/2026 trên phần mềm một cửa điện tử",
    "Sổ theo dõi hồ sơ năm 2026, trang 12 đến 18",
    "Báo cáo tình hình giải quyết TTHC quý I/2026",
    "Danh mục tài liệu bên ngoài ban hành ngày 15/01/2025",
    "Phỏng vấn công chức phụ trách và xem hồ sơ lưu tại đơn vị",
    "Biên bản họp giao ban tháng 3/2026",
];
const CLAUSES: [&str; 12] = [
    "4.4", "5.3", "6.1", "6.2", "7.1.6", "7.2", "7.5.3", "8.1", "8.2.1", "8.5.1", "9.1.2", "10.2",
];

/// How a sample dossier is laid out, beyond its size: the shapes the benchmarks measure.
///
/// ```
/// use qms_core::sample::{SampleShape, SampleSpec, sample_dossier_shaped};
/// let spec = SampleSpec { checklist_items: 2_500, findings: 40, seed: 7, agency: 0 };
/// let shape = SampleShape { checklist_size: 2_500, unknown_clauses: 3, ..SampleShape::default() };
/// let d = sample_dossier_shaped(&spec, &shape);
/// assert_eq!(d.audits.len(), 1);
/// assert_eq!(d.audits[0].checklists.len(), 1);
/// assert_eq!(qms_core::validate(&d).len(), 3);
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SampleShape {
    /// Items per checklist (100 by default).
    pub checklist_size: usize,
    /// Checklists per audit (50 by default); `usize::MAX` puts every checklist in one audit.
    pub checklists_per_audit: usize,
    /// Checklist items given a clause id the edition does not have (each one a problem).
    pub unknown_clauses: usize,
    /// No nonconform item without its finding and a corrective action for every
    /// nonconformity: a dossier the rules find little to say about.
    pub clean: bool,
}

impl Default for SampleShape {
    fn default() -> Self {
        SampleShape {
            checklist_size: 100,
            checklists_per_audit: 50,
            unknown_clauses: 0,
            clean: false,
        }
    }
}

/// Generates a dossier of the requested size.
pub fn sample_dossier(spec: &SampleSpec) -> Dossier {
    sample_dossier_shaped(spec, &SampleShape::default())
}

/// Generates a dossier of the requested size and shape.
pub fn sample_dossier_shaped(spec: &SampleSpec, shape: &SampleShape) -> Dossier {
    let mut rng = Rng(spec.seed ^ (spec.agency as u64).wrapping_mul(0xA24B_AED4_963E_E407));
    let province = cycle(&PROVINCES, spec.agency);
    let name = format!("{} tỉnh {province}", cycle(&AGENCIES, spec.agency));
    let mut d = Dossier::new(&format!("sample-{:03}", spec.agency), &name);
    d.agency.parent = Some(format!("UBND TỈNH {}", province.to_uppercase()));
    d.agency.place = Some(province.to_owned());
    d.agency.symbol = Some("SXX".into());
    d.scope.text = format!("Toàn bộ hoạt động giải quyết thủ tục hành chính của {name}");
    d.scope.exclusions.push(Exclusion {
        clause: "8.3".into(),
        reason: Some("Cơ quan không thiết kế sản phẩm, dịch vụ mới".into()),
        legacy_clause: None,
    });
    let day0 = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap_or_default();

    for (i, unit) in UNITS.iter().enumerate() {
        d.units.push(Unit {
            id: format!("u{i:02}"),
            name: (*unit).to_owned(),
            short_name: None,
            head: Some(format!("p{:03}", i * 3)),
        });
    }
    for i in 0..UNITS.len() * 3 {
        let name = format!(
            "{} {} {}",
            rng.pick(&SURNAMES),
            rng.pick(&MIDDLE),
            rng.pick(&GIVEN)
        );
        let auditor = i % 3 == 1;
        d.people.push(Person {
            id: format!("p{i:03}"),
            name,
            position: Some(
                if i % 3 == 0 {
                    "Trưởng phòng"
                } else {
                    "Chuyên viên"
                }
                .into(),
            ),
            unit: Some(format!("u{:02}", i / 3)),
            roles: if auditor {
                vec![Role::InternalAuditor]
            } else {
                vec![]
            },
            training: if auditor {
                vec![TrainingRecord {
                    kind: TrainingKind::InternalAuditor,
                    course: "Chuyên gia đánh giá nội bộ TCVN ISO 9001:2015".into(),
                    provider: Some("Trung tâm Kỹ thuật Tiêu chuẩn Đo lường Chất lượng".into()),
                    date: day0 - Days::new(400),
                    certificate: Some(format!("ĐGNB-{i:04}")),
                }]
            } else {
                vec![]
            },
        });
    }
    for i in 0..25 {
        d.procedures.push(Procedure {
            id: format!("qt{i:02}"),
            code: format!("QT-{:02}", i + 1),
            title: format!("Quy trình giải quyết thủ tục hành chính số {}", i + 1),
            kind: if i < 6 {
                ProcedureKind::System
            } else {
                ProcedureKind::Operational
            },
            owner_unit: format!("u{:02}", i % UNITS.len()),
            clauses: vec!["8.1".into(), "8.5.1".into()],
            legacy_clauses: vec![],
            admin_procedures: vec![],
            forms: vec![],
            revision: Some("01".into()),
            issued_on: Some(day0 - Days::new(700)),
        });
    }

    let per_checklist = shape.checklist_size.max(1);
    let checklists_per_audit = shape.checklists_per_audit.max(1);
    let checklists = spec.checklist_items.div_ceil(per_checklist).max(1);
    let audits = checklists.div_ceil(checklists_per_audit);
    let mut left = spec.checklist_items;
    for a in 0..audits {
        let start = day0 + Days::new(7 * a as u64);
        let mut audit = Audit {
            id: format!("a{a:04}"),
            title: format!("Đánh giá nội bộ đợt {} năm {}", a + 1, start.year()),
            programme: None,
            planned: vec![],
            plan: AuditPlan {
                number: Some(format!("{:02}/KH-SXX", a + 1)),
                issued_on: Some(start - Days::new(14)),
                objectives: vec!["Xác định mức độ phù hợp và hiệu lực của HTQLCL".into()],
                scope: Some("Các đơn vị thuộc phạm vi áp dụng HTQLCL".into()),
                criteria: vec!["TCVN ISO 9001:2015".into()],
                methods: vec!["Phỏng vấn, xem xét hồ sơ, quan sát".into()],
                location: Some("Trụ sở cơ quan".into()),
                start,
                end: start + Days::new(2),
                team: (0..4)
                    .map(|k| TeamMember {
                        person: format!("p{:03}", k * 3 + 1),
                        role: if k == 0 {
                            TeamRole::Lead
                        } else {
                            TeamRole::Auditor
                        },
                    })
                    .collect(),
                opening_meeting: None,
                closing_meeting: None,
                schedule: vec![],
            },
            checklists: vec![],
            findings: vec![],
            report: None,
            team_decision: None,
        };
        for c in 0..checklists_per_audit.min(checklists - a * checklists_per_audit) {
            let n = left.min(per_checklist);
            left -= n;
            let unit = (a + c) % UNITS.len();
            let items = (0..n)
                .map(|k| ChecklistItem {
                    id: format!("i{k:03}"),
                    clauses: vec![rng.pick(&CLAUSES).into()],
                    legacy_clauses: vec![],
                    procedure: Some(format!("qt{:02}", rng.below(25))),
                    question: rng.pick(&QUESTIONS).to_owned(),
                    guidance: Some("Xem hồ sơ, phỏng vấn công chức phụ trách".into()),
                    result: match rng.choose(&ItemResult::ALL, ItemResult::NotAudited) {
                        ItemResult::Nonconform if shape.clean => ItemResult::Conform,
                        r => r,
                    },
                    evidence: Some(rng.pick(&EVIDENCE).to_owned()),
                    note: None,
                })
                .collect();
            audit.checklists.push(Checklist {
                id: format!("a{a:04}-c{c:02}"),
                unit: format!("u{unit:02}"),
                auditor: format!("p{:03}", ((unit + 1) % UNITS.len()) * 3 + 1),
                date: Some(start),
                items,
            });
        }
        d.audits.push(audit);
    }
    for f in 0..spec.findings {
        let a = f % d.audits.len().max(1);
        let kind = rng.choose(&FindingKind::ALL, FindingKind::MinorNonconformity);
        let kind = if kind == FindingKind::Nonconformity {
            FindingKind::MinorNonconformity
        } else {
            kind
        };
        let Some(audit) = d.audits.get_mut(a) else {
            break;
        };
        let Some(checklist) = audit.checklists.get(rng.below(audit.checklists.len())) else {
            continue;
        };
        let item = checklist
            .items
            .get(rng.below(checklist.items.len()))
            .map(|i| i.id.clone());
        let finding = Finding {
            id: format!("f{f:06}"),
            kind,
            unit: checklist.unit.clone(),
            clauses: vec![rng.pick(&CLAUSES).into()],
            legacy_clauses: vec![],
            procedure: None,
            checklist: item.as_ref().map(|_| checklist.id.clone()),
            item,
            auditor: Some(checklist.auditor.clone()),
            requirement: Some("Tổ chức phải lưu giữ thông tin dạng văn bản làm bằng chứng".into()),
            evidence: Some(rng.pick(&EVIDENCE).to_owned()),
            statement: format!(
                "{} chưa được thực hiện đầy đủ",
                rng.pick(&QUESTIONS).trim_end_matches('?')
            ),
            acknowledgement: None,
        };
        if kind.is_nonconformity() && (f % 2 == 0 || shape.clean) {
            let mut ca = CorrectiveAction::new(
                &format!("ca{f:06}"),
                CaSource::InternalAudit,
                &finding.unit,
                audit.plan.end,
            );
            ca.finding = Some(finding.id.clone());
            d.corrective_actions.push(ca);
        }
        audit.findings.push(finding);
    }
    d.scope.edition = Edition::Iso9001_2015;
    spoil_clauses(&mut d, shape.unknown_clauses);
    d
}

/// Gives `n` items, spread evenly over the dossier, a clause the edition does not have.
fn spoil_clauses(d: &mut Dossier, n: usize) {
    let total: usize = d
        .audits
        .iter()
        .flat_map(|a| &a.checklists)
        .map(|c| c.items.len())
        .sum();
    if n == 0 || total == 0 {
        return;
    }
    let step = (total / n).max(1);
    let items = d
        .audits
        .iter_mut()
        .flat_map(|a| &mut a.checklists)
        .flat_map(|c| &mut c.items);
    for (k, item) in items.enumerate() {
        if k % step == 0 && k / step < n {
            item.clauses = vec![format!("9.{}", 10 + k / step)];
        }
    }
}
