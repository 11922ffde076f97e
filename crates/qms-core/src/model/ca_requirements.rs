//! What each corrective-action state requires of the record: the one definition used by
//! [`CorrectiveAction::transition`], by the rules (QMS-C004, C006, C007) and by the API's
//! `transition` op, so they cannot disagree.

use super::corrective_action::{CaState, CorrectiveAction};
use crate::Lang;

/// A record a state needs before a request may be in it.
///
/// ```
/// use qms_core::model::{CaState, CaRequirement};
/// assert!(CaState::Closed.requirements().contains(&CaRequirement::VerifiedEffective));
/// assert!(CaState::Proposed.requirements().is_empty());
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaRequirement {
    /// The root cause is analysed (10.2.1 b).
    RootCause,
    /// At least one action is planned.
    Actions,
    /// The plan is approved.
    Approval,
    /// Every planned action is completed.
    ActionsCompleted,
    /// Effectiveness was verified and found effective (10.2.1 d).
    VerifiedEffective,
    /// Effectiveness was verified and found not effective.
    VerifiedIneffective,
    /// The follow-up request that carries the work on is named.
    FollowUp,
}

impl CaRequirement {
    /// The dossier member that holds the record (relative to the corrective action).
    pub fn member(self) -> &'static str {
        match self {
            CaRequirement::RootCause => "root_cause",
            CaRequirement::Actions => "actions",
            CaRequirement::Approval => "approval",
            CaRequirement::ActionsCompleted => "actions",
            CaRequirement::VerifiedEffective | CaRequirement::VerifiedIneffective => "verification",
            CaRequirement::FollowUp => "follow_up",
        }
    }

    /// What is missing, as a phrase ("chưa có ...", "has no ...").
    pub fn missing(self, lang: Lang) -> &'static str {
        use CaRequirement::*;
        match self {
            RootCause => lang.pick("nguyên nhân gốc", "root cause"),
            Actions => lang.pick("kế hoạch hành động", "action plan"),
            Approval => lang.pick("phê duyệt", "approval"),
            ActionsCompleted => lang.pick(
                "ngày hoàn thành của mọi hành động",
                "completion date of every action",
            ),
            VerifiedEffective => lang.pick(
                "kết quả xác minh \"có hiệu lực\"",
                "a verification found effective",
            ),
            VerifiedIneffective => lang.pick(
                "kết quả xác minh \"không hiệu lực\"",
                "a verification found not effective",
            ),
            FollowUp => lang.pick("phiếu tiếp nối", "follow-up request"),
        }
    }
}

impl CaState {
    /// Everything a request in this state must already record: what entering it needs and
    /// what every state before it on the way needed.
    pub fn requirements(self) -> &'static [CaRequirement] {
        use CaRequirement::*;
        use CaState::*;
        match self {
            // Open does not say its phase, so it asks for nothing a phase would.
            Proposed | Analysing | Open => &[],
            AwaitingApproval => &[RootCause, Actions],
            InProgress => &[RootCause, Actions, Approval],
            Verifying => &[RootCause, Actions, Approval, ActionsCompleted],
            Closed => &[
                RootCause,
                Actions,
                Approval,
                ActionsCompleted,
                VerifiedEffective,
            ],
            CarriedOver => &[
                RootCause,
                Actions,
                Approval,
                ActionsCompleted,
                VerifiedIneffective,
                FollowUp,
            ],
        }
    }
}

/// A state history that does not support the recorded state.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HistoryProblem {
    /// The history's last step is not the recorded state.
    EndsElsewhere {
        /// The last state of the history.
        last: CaState,
    },
    /// Step `index` moves between states the workflow does not connect.
    IllegalStep {
        /// Index of the step in `history`.
        index: usize,
        /// The state before.
        from: CaState,
        /// The state of the step.
        to: CaState,
    },
    /// Step `index` is dated before the step before it.
    OutOfOrder {
        /// Index of the step in `history`.
        index: usize,
    },
}

impl CorrectiveAction {
    /// The requirements of `state` this record does not meet, in workflow order.
    ///
    /// ```
    /// use qms_core::model::{CaRequirement, CaSource, CaState, CorrectiveAction};
    /// let d = chrono::NaiveDate::from_ymd_opt(2026, 4, 1).unwrap();
    /// let ca = CorrectiveAction::new("car-1", CaSource::InternalAudit, "vp", d);
    /// assert_eq!(ca.unmet(CaState::AwaitingApproval), [CaRequirement::RootCause, CaRequirement::Actions]);
    /// ```
    pub fn unmet(&self, state: CaState) -> Vec<CaRequirement> {
        state
            .requirements()
            .iter()
            .copied()
            .filter(|r| !self.meets(*r))
            .collect()
    }

    fn meets(&self, r: CaRequirement) -> bool {
        use CaRequirement::*;
        match r {
            RootCause => self
                .root_cause
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty()),
            Actions => !self.actions.is_empty(),
            Approval => self.approval.is_some(),
            ActionsCompleted => self.actions.iter().all(|a| a.completed_on.is_some()),
            VerifiedEffective => self.verification.as_ref().is_some_and(|v| v.effective),
            VerifiedIneffective => self.verification.as_ref().is_some_and(|v| !v.effective),
            FollowUp => self
                .follow_up
                .as_deref()
                .is_some_and(|t| !t.trim().is_empty()),
        }
    }

    /// Where the recorded history contradicts the state or the workflow (an empty history
    /// says nothing: older dossiers record the state alone).
    pub fn history_problems(&self) -> Vec<HistoryProblem> {
        let mut out = Vec::new();
        let mut from = CaState::Proposed;
        let mut last_date = None;
        for (index, step) in self.history.iter().enumerate() {
            // A history may start at Proposed itself (the raising) or at its first move.
            // A history may start at Proposed or Open itself (the raising), at its first move
            // from Proposed, or at a move from Open (a request taken over as "open", whose
            // earlier phases were never recorded).
            let first_is_raise = index == 0
                && (matches!(step.state, CaState::Proposed | CaState::Open)
                    || CaState::Open.next().contains(&step.state));
            if !first_is_raise && !from.next().contains(&step.state) {
                out.push(HistoryProblem::IllegalStep {
                    index,
                    from,
                    to: step.state,
                });
            }
            if last_date.is_some_and(|d| step.date < d) {
                out.push(HistoryProblem::OutOfOrder { index });
            }
            from = step.state;
            last_date = Some(step.date);
        }
        if let Some(last) = self.history.last().map(|s| s.state)
            && last != self.state
        {
            out.push(HistoryProblem::EndsElsewhere { last });
        }
        out
    }
}
