//! The starter dossier `qms init` writes: the skeleton every agency fills in.

use crate::model::*;

/// The six system procedures most agencies document, with the clauses they implement.
const SYSTEM_PROCEDURES: [(&str, &str, &[&str]); 6] = [
    (
        "QT-01",
        "Quy trình kiểm soát thông tin dạng văn bản",
        &["7.5"],
    ),
    ("QT-02", "Quy trình đánh giá nội bộ", &["9.2"]),
    (
        "QT-03",
        "Quy trình kiểm soát đầu ra không phù hợp",
        &["8.7"],
    ),
    ("QT-04", "Quy trình hành động khắc phục", &["10.2"]),
    ("QT-05", "Quy trình xem xét của lãnh đạo", &["9.3"]),
    ("QT-06", "Quy trình giải quyết rủi ro và cơ hội", &["6.1"]),
];

/// A starter dossier for an agency on TCVN ISO 9001:2015: one unit, the key roles to fill,
/// the six system procedures, and design (8.3) declared not applicable with the usual reason.
///
/// ```
/// let d = qms_core::starter::starter_dossier("Ủy ban nhân dân xã Hòa Bình");
/// assert_eq!(d.procedures.len(), 6);
/// assert!(qms_core::validate(&d).is_empty());
/// ```
pub fn starter_dossier(agency_name: &str) -> Dossier {
    let mut d = Dossier::new("ho-so-htqlcl", agency_name);
    d.agency.parent = Some(String::new());
    d.agency.place = Some(String::new());
    d.scope.text = format!(
        "Hệ thống quản lý chất lượng theo TCVN ISO 9001:2015 áp dụng cho hoạt động giải quyết thủ tục hành chính và các hoạt động nội bộ của {agency_name}"
    );
    d.scope.exclusions.push(Exclusion {
        clause: "8.3".into(),
        reason: Some(
            "Cơ quan thực hiện thủ tục hành chính theo quy định pháp luật, không thiết kế và phát triển sản phẩm, dịch vụ".into(),
        ),
        legacy_clause: None,
    });
    d.units.push(Unit {
        id: "van-phong".into(),
        name: "Văn phòng".into(),
        short_name: Some("VP".into()),
        head: None,
    });
    let roles = [
        ("lanh-dao", "Thủ trưởng cơ quan", Role::Head),
        (
            "dai-dien-lanh-dao",
            "Đại diện lãnh đạo về chất lượng",
            Role::QualityRepresentative,
        ),
        ("thu-ky-iso", "Thư ký ISO", Role::IsoSecretary),
    ];
    for (id, position, role) in roles {
        d.people.push(Person {
            id: id.into(),
            name: "(họ và tên)".into(),
            position: Some(position.into()),
            unit: Some("van-phong".into()),
            roles: vec![role],
            training: vec![],
            qualifications: vec![],
        });
    }
    for (i, (code, title, clauses)) in SYSTEM_PROCEDURES.iter().enumerate() {
        d.procedures.push(Procedure {
            id: format!("qt-{:02}", i + 1),
            code: (*code).into(),
            title: (*title).into(),
            kind: ProcedureKind::System,
            owner_unit: "van-phong".into(),
            clauses: clauses.iter().map(|c| (*c).to_owned()).collect(),
            legacy_clauses: vec![],
            admin_procedures: vec![],
            forms: vec![],
            revision: None,
            issued_on: None,
        });
    }
    d
}
