//! Audit programme (chương trình đánh giá), audits and their plans (kế hoạch đánh giá).

use super::{Checklist, Finding, TimeOfDay};
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The yearly internal audit programme (chương trình đánh giá nội bộ năm), ISO 19011 §5.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditProgramme {
    /// Stable identifier.
    pub id: String,
    /// Calendar year covered.
    pub year: i32,
    /// Number and symbol (số, ký hiệu), e.g. "12/CTr-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Who approved it (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// Objectives (mục tiêu).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// Scope statement.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Criteria (chuẩn mực đánh giá).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
    /// Methods (phương pháp).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// Responsibilities (trách nhiệm).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub responsibilities: Vec<String>,
    /// Planned audits: unit × clauses/procedures × month.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned: Vec<PlannedAudit>,
    /// Types of audit (ISO 19011 5.4.2), e.g. "Đánh giá nội bộ kết hợp theo đơn vị và theo
    /// quá trình"; the usual first-party combined audit when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub audit_types: Vec<String>,
    /// Criteria for selecting auditors and teams (ISO 19011 5.4.2, 5.5.4, 7): competence and
    /// independence; the usual criteria when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub auditor_criteria: Vec<String>,
    /// Resources of the programme (ISO 19011 5.4.4): people, time, funding, facilities.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub resources: Vec<String>,
    /// Risks and opportunities of the programme and how they are addressed (ISO 19011 5.3).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub risks: Vec<String>,
    /// How the programme is monitored, reviewed and improved (ISO 19011 5.6, 5.7).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub monitoring: Vec<String>,
}

/// One cell of the programme matrix: a unit audited in a month on some clauses and procedures.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PlannedAudit {
    /// Stable identifier, unique across the dossier's programmes.
    pub id: String,
    /// Unit audited (a unit id).
    pub unit: String,
    /// Month, 1 to 12.
    pub month: u8,
    /// Clauses to cover.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<String>,
    /// Clause refs in the edition the dossier was converted from (kept for traceability).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legacy_clauses: Vec<String>,
    /// Procedures to cover (procedure ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<String>,
}

/// One internal audit: its plan, checklists, findings and report.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Audit {
    /// Stable identifier.
    pub id: String,
    /// Title, e.g. "Đánh giá nội bộ đợt 1 năm 2026".
    pub title: String,
    /// The programme it carries out (a programme id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub programme: Option<String>,
    /// The planned audits it carries out (planned-audit ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub planned: Vec<String>,
    /// The audit plan.
    pub plan: AuditPlan,
    /// Checklists, one per auditor and unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub checklists: Vec<Checklist>,
    /// Findings.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub findings: Vec<Finding>,
    /// Report facts written by the lead auditor.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub report: Option<AuditReport>,
    /// The decision that sets up the audit team (quyết định thành lập đoàn đánh giá); the
    /// team itself is the plan's.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub team_decision: Option<TeamDecision>,
}

/// Facts of the decision that sets up an audit team (Quyết định thành lập Đoàn đánh giá nội
/// bộ), a Decree 30/2020 "Quyết định" signed by the head of agency unless the dossier's
/// document settings say otherwise.
#[derive(Debug, Clone, PartialEq, Default, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamDecision {
    /// Number and symbol, e.g. "25/QĐ-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date signed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Legal bases ("Căn cứ ..."), one a line, replacing the usual ones (QĐ 19/2014/QĐ-TTg,
    /// the programme, the internal audit procedure).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub bases: Vec<String>,
    /// Who proposed it ("Theo đề nghị của ..."), e.g. "Chánh Văn phòng Sở".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub proposed_by: Option<String>,
    /// The team's duties (Điều 2), one a line, replacing the usual ones.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub duties: Vec<String>,
}

/// The audit plan (kế hoạch đánh giá), ISO 19011 6.3.2.2.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditPlan {
    /// Number and symbol, e.g. "05/KH-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Objectives (a).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub objectives: Vec<String>,
    /// Scope: units and processes (b).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scope: Option<String>,
    /// Criteria and reference documents (c).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub criteria: Vec<String>,
    /// Methods, including sampling (e).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub methods: Vec<String>,
    /// Location (d).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// First day (d).
    pub start: NaiveDate,
    /// Last day (d); not before `start`.
    pub end: NaiveDate,
    /// The audit team (f).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub team: Vec<TeamMember>,
    /// Opening meeting (họp khai mạc).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub opening_meeting: Option<Meeting>,
    /// Closing meeting (họp kết thúc).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub closing_meeting: Option<Meeting>,
    /// Schedule rows: time | unit | processes/clauses | auditors | auditee representative.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub schedule: Vec<ScheduleRow>,
}

/// A member of the audit team (đoàn đánh giá).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TeamMember {
    /// The person (a person id).
    pub person: String,
    /// Role in the team.
    pub role: TeamRole,
}

/// Role in the audit team.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TeamRole {
    /// Lead auditor (trưởng đoàn).
    Lead,
    /// Auditor (thành viên đoàn).
    Auditor,
    /// Technical expert (chuyên gia kỹ thuật).
    Expert,
    /// Observer (quan sát viên).
    Observer,
    /// Guide (người hướng dẫn).
    Guide,
}

/// A meeting of the audit (opening or closing).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Meeting {
    /// Day.
    pub date: NaiveDate,
    /// Start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub time: Option<TimeOfDay>,
    /// Place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
}

/// A row of the audit schedule.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRow {
    /// Day.
    pub date: NaiveDate,
    /// Start time.
    pub start: TimeOfDay,
    /// End time; after `start`.
    pub end: TimeOfDay,
    /// Unit audited (a unit id); absent for rows like team meetings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Activity when it is not a unit audit, e.g. "Họp đoàn đánh giá".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub activity: Option<String>,
    /// Clauses covered.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<String>,
    /// Clause refs in the edition the dossier was converted from (kept for traceability).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legacy_clauses: Vec<String>,
    /// Procedures covered (procedure ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<String>,
    /// Auditors (person ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub auditors: Vec<String>,
    /// Auditee representative (đại diện bên được đánh giá): a person id.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub auditee_representative: Option<String>,
}

/// Report facts the lead auditor writes (ISO 19011 6.5.1 h–k); the rest is derived.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditReport {
    /// Number and symbol, e.g. "18/BC-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Date issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
    /// Conclusion on conformity and effectiveness (kết luận).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    /// Statement on the degree to which the criteria are fulfilled.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub criteria_fulfilment: Option<String>,
    /// Unresolved diverging opinions between team and auditee.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub diverging_opinions: Option<String>,
    /// Obstacles met that may reduce confidence in the conclusions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub obstacles: Option<String>,
    /// Follow-up plan (kế hoạch theo dõi).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// Distribution list (nơi nhận).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub distribution: Vec<String>,
}
