//! The domain model of one agency's QMS record set (hồ sơ HTQLCL), as exchanged in a dossier.
//!
//! Types follow DESIGN.md §4. Identifiers are stable strings chosen by the user; references
//! between records are by id and checked by [`crate::validate`]. Collections are `Vec`s, so
//! documents list things in the order the user gave them.

mod agency;
mod audit;
mod audit_title;
mod ca_requirements;
mod ca_state_on;
mod checklist;
mod corrective_action;
mod document_facts;
mod dossier;
mod english;
mod finding;
mod inspection;
mod objective;
mod record_form;
mod register;
mod review;
mod scope;
mod settings;
mod time_of_day;

pub use agency::{
    Agency, AgencyKind, Person, Qualification, QualificationKind, Role, TrainingKind,
    TrainingRecord, Unit,
};
pub use audit::{
    Audit, AuditPlan, AuditProgramme, AuditReport, Meeting, PlannedAudit, ScheduleRow,
    TeamDecision, TeamMember, TeamRole,
};
pub use ca_requirements::{CaRequirement, HistoryProblem};
pub use checklist::{Checklist, ChecklistItem, ItemResult};
pub use corrective_action::{
    ActionStep, Approval, CaSource, CaState, Correction, CorrectiveAction, DueDateExtension,
    StateChange, TransitionError, Verification,
};
pub use document_facts::{DocumentFacts, DocumentSettings, SigningForm};
pub use dossier::{Dossier, FORMAT_VERSION};
pub use english::EnglishNames;
pub use finding::{Acknowledgement, Finding, FindingKind};
pub use inspection::{Inspection, InspectionKind};
pub use objective::{Comparison, Measurement, MeasurementPeriod, QualityObjective, Target};
pub use record_form::{FormIssue, QmsRecord};
pub use register::{
    DocumentKind, DocumentStatus, ExternalDocument, ExternalStatus, InternalDocument, Medium,
    RecordEntry, Registers, Retention,
};
pub use review::{
    Absence, Decision, DecisionFollowUp, DecisionState, ManagementReview, ReviewInput,
    ReviewMeeting,
};
pub use scope::{
    AdminProcedure, Announcement, Exclusion, FormRef, Procedure, ProcedureKind, QmsScope,
};
pub use settings::{DossierSettings, RuleSetting, Severity, Thresholds};
pub use time_of_day::TimeOfDay;
