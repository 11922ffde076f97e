//! Corrective actions (hành động khắc phục), TCVN ISO 9001 10.2, and their state machine.

use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// A nonconformity / corrective-action request (phiếu yêu cầu hành động khắc phục).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct CorrectiveAction {
    /// Stable identifier.
    pub id: String,
    /// Number as printed on the form, e.g. "03/2026".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Where the nonconformity came from.
    pub source: CaSource,
    /// The finding it answers (a finding id), for audit findings.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub finding: Option<String>,
    /// Description of the nonconformity when there is no finding (a complaint, say).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    /// Unit responsible (a unit id).
    pub unit: String,
    /// Date raised.
    pub raised_on: NaiveDate,
    /// Who raised it (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub raised_by: Option<String>,
    /// Current state.
    pub state: CaState,
    /// Correction (khắc phục tức thời), 10.2.1 a.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub correction: Option<Correction>,
    /// Root cause (nguyên nhân), 10.2.1 b.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub root_cause: Option<String>,
    /// Whether similar nonconformities exist or could occur, 10.2.1 b.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub similar_nonconformities: Option<String>,
    /// Actions to remove the cause, 10.2.1 c.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub actions: Vec<ActionStep>,
    /// Approval of the proposed actions.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approval: Option<Approval>,
    /// Verification of effectiveness, 10.2.1 d.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub verification: Option<Verification>,
    /// Risks and opportunities updated, 10.2.1 e.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub risks_updated: Option<bool>,
    /// QMS changed, 10.2.1 f.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub qms_changed: Option<bool>,
    /// A new request that continues this one when it was not effective (a corrective-action id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub follow_up: Option<String>,
    /// State changes so far, oldest first.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub history: Vec<StateChange>,
}

/// Where a nonconformity came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaSource {
    /// An internal audit finding.
    InternalAudit,
    /// A complaint or feedback from citizens or organisations (phản ánh, kiến nghị).
    Complaint,
    /// Process monitoring (late dossiers, say).
    ProcessMonitoring,
    /// A management review decision.
    ManagementReview,
    /// An outside inspection (Sở KH&CN, say).
    ExternalInspection,
    /// Anything else.
    Other,
}

/// The correction made at once.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Correction {
    /// What was done.
    pub description: String,
    /// When it was done.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub done_on: Option<NaiveDate>,
    /// Who did it (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub by: Option<String>,
}

/// One action of a corrective-action plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ActionStep {
    /// What is to be done.
    pub description: String,
    /// Who does it (a person id); empty when a unit owns the action (`owner_unit`).
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub owner: String,
    /// The unit that owns the action (a unit id), when no one person does.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner_unit: Option<String>,
    /// The current due date.
    pub due: NaiveDate,
    /// The due date first agreed, when it has since moved.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub original_due: Option<NaiveDate>,
    /// Recorded extensions of the due date, oldest first; never silent.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub extensions: Vec<DueDateExtension>,
    /// When it was completed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub completed_on: Option<NaiveDate>,
}

impl ActionStep {
    /// The owner's id and whether it names a unit: the person when one is named, else the
    /// unit; `None` when neither is recorded.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use qms_core::model::ActionStep;
    /// let due = NaiveDate::from_ymd_opt(2026, 5, 1).unwrap();
    /// let mut a = ActionStep::new("Cập nhật danh mục", "", due);
    /// assert_eq!(a.owner_ref(), None);
    /// a.owner_unit = Some("vp".into());
    /// assert_eq!(a.owner_ref(), Some(("vp", true)));
    /// ```
    pub fn owner_ref(&self) -> Option<(&str, bool)> {
        if !self.owner.trim().is_empty() {
            Some((self.owner.as_str(), false))
        } else {
            self.owner_unit.as_deref().map(|u| (u, true))
        }
    }

    /// An action owned by a person (`owner` may be empty), due on a day, not yet done.
    pub fn new(description: &str, owner: &str, due: NaiveDate) -> ActionStep {
        ActionStep {
            description: description.to_owned(),
            owner: owner.to_owned(),
            owner_unit: None,
            due,
            original_due: None,
            extensions: Vec::new(),
            completed_on: None,
        }
    }
}

/// A recorded extension of an action's due date (gia hạn).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DueDateExtension {
    /// Due date before.
    pub from: NaiveDate,
    /// Due date after.
    pub to: NaiveDate,
    /// Why.
    pub reason: String,
    /// Who approved (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub approved_by: Option<String>,
    /// When it was recorded.
    pub recorded_on: NaiveDate,
}

/// Approval of the proposed actions (phê duyệt).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Approval {
    /// Who approved (a person id).
    pub by: String,
    /// When.
    pub date: NaiveDate,
}

/// Verification of effectiveness (đánh giá hiệu lực).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Verification {
    /// When.
    pub date: NaiveDate,
    /// Who verified (a person id).
    pub by: String,
    /// Whether the action was effective.
    pub effective: bool,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}

/// A state change in the history of a request.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct StateChange {
    /// The state entered.
    pub state: CaState,
    /// When.
    pub date: NaiveDate,
}

/// The state of a corrective-action request.
///
/// Đề xuất → Phân tích → Chờ phê duyệt → Đang thực hiện → Đang xác minh → Đã đóng | Chuyển tiếp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum CaState {
    /// Raised (đề xuất).
    Proposed,
    /// Cause being analysed (phân tích nguyên nhân).
    Analysing,
    /// Waiting for approval (chờ phê duyệt).
    AwaitingApproval,
    /// Actions under way (đang thực hiện).
    InProgress,
    /// Effectiveness being verified (đang xác minh).
    Verifying,
    /// Closed as effective (đã đóng).
    Closed,
    /// Not effective; continued in a new request (chuyển tiếp).
    CarriedOver,
    /// Open, phase not recorded (đang mở): a request taken over from a register that only
    /// says open or closed. It requires nothing; it may move to any phase whose records it
    /// has (see [`CaState::requirements`]).
    Open,
}

impl CaState {
    /// Every state, in workflow order; [`CaState::Open`], which has no place in it, last.
    pub const ALL: [CaState; 8] = [
        CaState::Proposed,
        CaState::Analysing,
        CaState::AwaitingApproval,
        CaState::InProgress,
        CaState::Verifying,
        CaState::Closed,
        CaState::CarriedOver,
        CaState::Open,
    ];

    /// The states reachable in one step.
    pub fn next(self) -> &'static [CaState] {
        use CaState::*;
        match self {
            Proposed => &[Analysing],
            Analysing => &[AwaitingApproval],
            // A rejected plan goes back to analysis.
            AwaitingApproval => &[InProgress, Analysing],
            InProgress => &[Verifying],
            // Verification may send the work back before deciding.
            Verifying => &[Closed, CarriedOver, InProgress],
            Closed | CarriedOver => &[],
            // The phase is unknown: the records decide (the requirements of the target).
            Open => &[
                Analysing,
                AwaitingApproval,
                InProgress,
                Verifying,
                Closed,
                CarriedOver,
            ],
        }
    }

    /// Whether the request is finished.
    pub fn is_final(self) -> bool {
        matches!(self, CaState::Closed | CaState::CarriedOver)
    }

    /// The label in a language.
    pub fn label(self, lang: crate::Lang) -> &'static str {
        use CaState::*;
        match self {
            Proposed => lang.pick("Đề xuất", "Proposed"),
            Analysing => lang.pick("Phân tích nguyên nhân", "Analysing"),
            AwaitingApproval => lang.pick("Chờ phê duyệt", "Awaiting approval"),
            InProgress => lang.pick("Đang thực hiện", "In progress"),
            Verifying => lang.pick("Đang xác minh hiệu lực", "Verifying"),
            Closed => lang.pick("Đã đóng", "Closed"),
            CarriedOver => lang.pick("Chuyển tiếp", "Carried over"),
            Open => lang.pick("Đang mở", "Open"),
        }
    }
}

/// A state change that the workflow does not allow.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum TransitionError {
    /// The target is not reachable from the current state in one step.
    #[error("corrective action {id}: cannot go from {from:?} to {to:?}")]
    Illegal {
        /// The request.
        id: String,
        /// Current state.
        from: CaState,
        /// Requested state.
        to: CaState,
    },
    /// The target state needs a record that is missing.
    #[error("corrective action {id}: {to:?} needs {missing}")]
    MissingRecord {
        /// The request.
        id: String,
        /// Requested state.
        to: CaState,
        /// What to record first, e.g. "root_cause".
        missing: &'static str,
    },
}

impl TransitionError {
    /// Stable code of the error.
    pub fn code(&self) -> &'static str {
        match self {
            TransitionError::Illegal { .. } => "ca-illegal-transition",
            TransitionError::MissingRecord { .. } => "ca-missing-record",
        }
    }
}

impl CorrectiveAction {
    /// Moves the request to `to` on `date`, recording the change in `history`.
    ///
    /// Each step needs its record first: a root cause and at least one action before approval is
    /// asked, an approval before work starts, a verification before closing (effective) or
    /// carrying over (not effective, with a follow-up request).
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use qms_core::model::{CaSource, CaState, CorrectiveAction, TransitionError};
    /// let day = NaiveDate::from_ymd_opt(2026, 3, 2).unwrap();
    /// let mut ca = CorrectiveAction::new("car-01", CaSource::InternalAudit, "vp", day);
    /// ca.transition(CaState::Analysing, day).unwrap();
    /// let err = ca.transition(CaState::AwaitingApproval, day).unwrap_err();
    /// assert!(matches!(err, TransitionError::MissingRecord { missing: "root_cause", .. }));
    /// assert!(ca.transition(CaState::Closed, day).is_err());
    /// ```
    pub fn transition(&mut self, to: CaState, date: NaiveDate) -> Result<(), TransitionError> {
        if !self.state.next().contains(&to) {
            return Err(TransitionError::Illegal {
                id: self.id.clone(),
                from: self.state,
                to,
            });
        }
        if let Some(missing) = self.missing_record_for(to) {
            return Err(TransitionError::MissingRecord {
                id: self.id.clone(),
                to,
                missing,
            });
        }
        self.state = to;
        self.history.push(StateChange { state: to, date });
        Ok(())
    }

    /// The record that state `to` needs and this request lacks, if any.
    fn missing_record_for(&self, to: CaState) -> Option<&'static str> {
        self.unmet(to).first().map(|r| match r {
            super::CaRequirement::ActionsCompleted => "actions.completed_on",
            super::CaRequirement::VerifiedEffective | super::CaRequirement::VerifiedIneffective
                if self.verification.is_some() =>
            {
                "verification.effective"
            }
            r => r.member(),
        })
    }

    /// A new request in state [`CaState::Proposed`].
    pub fn new(id: &str, source: CaSource, unit: &str, raised_on: NaiveDate) -> CorrectiveAction {
        CorrectiveAction {
            id: id.to_owned(),
            number: None,
            source,
            finding: None,
            description: None,
            unit: unit.to_owned(),
            raised_on,
            raised_by: None,
            state: CaState::Proposed,
            correction: None,
            root_cause: None,
            similar_nonconformities: None,
            actions: Vec::new(),
            approval: None,
            verification: None,
            risks_updated: None,
            qms_changed: None,
            follow_up: None,
            history: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 4, d).unwrap_or_default()
    }

    #[test]
    fn full_workflow_to_closed() {
        let mut ca = CorrectiveAction::new("c1", CaSource::InternalAudit, "u", day(1));
        ca.transition(CaState::Analysing, day(2)).unwrap();
        ca.root_cause = Some("Chưa phân công người cập nhật".into());
        ca.actions
            .push(ActionStep::new("Cập nhật danh mục", "p1", day(20)));
        ca.transition(CaState::AwaitingApproval, day(3)).unwrap();
        assert!(matches!(
            ca.transition(CaState::InProgress, day(4)),
            Err(TransitionError::MissingRecord {
                missing: "approval",
                ..
            })
        ));
        ca.approval = Some(Approval {
            by: "p2".into(),
            date: day(4),
        });
        ca.transition(CaState::InProgress, day(4)).unwrap();
        // Verification comes after the actions are done.
        assert!(matches!(
            ca.transition(CaState::Verifying, day(21)),
            Err(TransitionError::MissingRecord {
                missing: "actions.completed_on",
                ..
            })
        ));
        ca.actions[0].completed_on = Some(day(19));
        ca.transition(CaState::Verifying, day(21)).unwrap();
        ca.verification = Some(Verification {
            date: day(25),
            by: "p3".into(),
            effective: false,
            comment: None,
        });
        assert!(matches!(
            ca.transition(CaState::Closed, day(25)),
            Err(TransitionError::MissingRecord {
                missing: "verification.effective",
                ..
            })
        ));
        assert!(matches!(
            ca.transition(CaState::CarriedOver, day(25)),
            Err(TransitionError::MissingRecord {
                missing: "follow_up",
                ..
            })
        ));
        if let Some(v) = ca.verification.as_mut() {
            v.effective = true;
        }
        ca.transition(CaState::Closed, day(25)).unwrap();
        assert_eq!(ca.history.len(), 5);
        let err = ca.transition(CaState::InProgress, day(26)).unwrap_err();
        assert_eq!(err.code(), "ca-illegal-transition");
        assert_eq!(ca.state, CaState::Closed);
    }

    #[test]
    fn every_illegal_pair_is_refused() {
        for from in CaState::ALL {
            for to in CaState::ALL {
                if from.next().contains(&to) {
                    continue;
                }
                let mut ca = CorrectiveAction::new("c", CaSource::Other, "u", day(1));
                ca.state = from;
                assert!(
                    matches!(
                        ca.transition(to, day(2)),
                        Err(TransitionError::Illegal { .. })
                    ),
                    "{from:?} -> {to:?}"
                );
                assert_eq!(ca.state, from);
                assert!(ca.history.is_empty());
            }
        }
    }
}
