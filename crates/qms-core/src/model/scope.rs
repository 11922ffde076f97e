//! QMS scope (phạm vi áp dụng), procedures (quy trình) and announcements (công bố HTQLCL).

use crate::Edition;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// The scope of the QMS (phạm vi áp dụng HTQLCL) and the edition it follows.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct QmsScope {
    /// The edition of TCVN ISO 9001 applied; clause refs across the dossier use its numbering.
    pub edition: Edition,
    /// The scope statement as announced.
    pub text: String,
    /// Units within the scope (unit ids); empty means every unit.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
    /// Clauses declared not applicable (không áp dụng), each with its reason.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<Exclusion>,
}

/// A clause declared not applicable.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Exclusion {
    /// Clause id of the dossier's edition, e.g. "8.3".
    pub clause: String,
    /// Why it does not apply (required by 4.3; a missing reason is reported by the checks).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
    /// The clause in the edition the dossier was converted from (kept for traceability).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub legacy_clause: Option<String>,
}

/// A documented procedure (quy trình), e.g. QT-01.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Procedure {
    /// Stable identifier, unique among procedures.
    pub id: String,
    /// Code as printed (mã hiệu), e.g. "QT-01" or "QT.TTHC-05".
    pub code: String,
    /// Title, e.g. "Quy trình kiểm soát thông tin dạng văn bản".
    pub title: String,
    /// System procedure, one for an administrative procedure, or an internal process.
    pub kind: ProcedureKind,
    /// The unit that owns it (a unit id).
    pub owner_unit: String,
    /// Clauses of the dossier's edition it implements.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub clauses: Vec<String>,
    /// Clause refs in the edition the dossier was converted from (kept for traceability).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub legacy_clauses: Vec<String>,
    /// Administrative procedures (thủ tục hành chính) it carries out.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub admin_procedures: Vec<AdminProcedure>,
    /// Forms (biểu mẫu) the procedure uses.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub forms: Vec<FormRef>,
    /// Revision (lần ban hành), e.g. "03".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub revision: Option<String>,
    /// Date issued.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub issued_on: Option<NaiveDate>,
}

/// Kind of procedure.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum ProcedureKind {
    /// System procedure (quy trình hệ thống): documents, records, audit, NC/CA, review, risks.
    System,
    /// Operational procedure for administrative procedures (quy trình giải quyết TTHC).
    Operational,
    /// Other internal process (quy trình nội bộ).
    Internal,
}

/// An administrative procedure (thủ tục hành chính) handled by a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AdminProcedure {
    /// Code in the national database of administrative procedures, e.g. "1.004561".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub code: Option<String>,
    /// Name.
    pub name: String,
    /// Statutory processing time in working days.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub processing_days: Option<u32>,
}

/// A form used by a procedure.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct FormRef {
    /// Form code (mã biểu mẫu), e.g. "BM.QT01.02".
    pub code: String,
    /// Title.
    pub title: String,
}

/// An announcement that the QMS conforms (công bố HTQLCL phù hợp TCVN ISO 9001).
///
/// It records the scope at the time; a later scope change requires re-announcement
/// (Quyết định 19/2014/QĐ-TTg, Điều 4 khoản 3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Announcement {
    /// Stable identifier.
    pub id: String,
    /// Date of the announcement decision.
    pub date: NaiveDate,
    /// Decision number, e.g. "125/QĐ-SKHCN".
    pub decision_number: String,
    /// Edition announced.
    pub edition: Edition,
    /// Scope text at the time.
    pub scope_text: String,
    /// Clauses excluded at the time.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub exclusions: Vec<String>,
    /// Procedures in scope at the time (procedure ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub procedures: Vec<String>,
    /// Units the announced scope covered (unit ids), so a unit added to the scope is
    /// detected even when the scope text did not change.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub units: Vec<String>,
}
