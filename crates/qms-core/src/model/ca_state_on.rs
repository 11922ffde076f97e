//! The state a corrective-action request was in on a given day: what a record dated that
//! day (an audit report, a review report, its minutes) may say about it.

use super::corrective_action::{CaState, CorrectiveAction};
use chrono::NaiveDate;

impl CorrectiveAction {
    /// The state of the request on `day`; `None` when it was raised after that day (it did
    /// not exist yet).
    ///
    /// The history decides: the last change dated on or before `day`, or, when every change
    /// is later, the state the request was raised in. With no history, the current state
    /// stands only if nothing the state rests on (approval, completion of an action,
    /// verification) is dated after `day`; otherwise the record is read as it stood on
    /// `day` (those later facts left out) and the request is put in the furthest state on
    /// its way to the current one whose requirements ([`CaState::requirements`], the same
    /// definition `transition` checks) that record meets.
    ///
    /// ```
    /// use chrono::NaiveDate;
    /// use qms_core::model::{CaSource, CaState, CorrectiveAction, StateChange};
    /// let d = |m, d| NaiveDate::from_ymd_opt(2026, m, d).unwrap();
    /// let mut ca = CorrectiveAction::new("car-1", CaSource::InternalAudit, "vp", d(5, 15));
    /// ca.state = CaState::Closed;
    /// ca.history = vec![
    ///     StateChange { state: CaState::Analysing, date: d(5, 18) },
    ///     StateChange { state: CaState::Closed, date: d(9, 10) },
    /// ];
    /// assert_eq!(ca.state_on(d(5, 14)), None);
    /// assert_eq!(ca.state_on(d(5, 16)), Some(CaState::Proposed));
    /// assert_eq!(ca.state_on(d(5, 20)), Some(CaState::Analysing));
    /// assert_eq!(ca.state_on(d(12, 1)), Some(CaState::Closed));
    /// ```
    pub fn state_on(&self, day: NaiveDate) -> Option<CaState> {
        if self.raised_on > day {
            return None;
        }
        if let Some(first) = self.history.first() {
            let known = self.history.iter().rfind(|s| s.date <= day);
            return Some(match known {
                Some(step) => step.state,
                // Every change is later: the request was as raised. A history that starts
                // past Analysing began from "open" (taken over from a register).
                None if matches!(first.state, CaState::Proposed | CaState::Analysing) => {
                    CaState::Proposed
                }
                None => CaState::Open,
            });
        }
        let as_of = self.as_of(day);
        if as_of == *self || self.state == CaState::Open {
            // Nothing recorded later than `day` (or a state that claims no phase): the
            // current state is the only evidence there is.
            return Some(self.state);
        }
        let order = |s: CaState| CaState::ALL.iter().position(|x| *x == s);
        let current = order(self.state);
        let way = [
            CaState::Verifying,
            CaState::InProgress,
            CaState::AwaitingApproval,
            CaState::Analysing,
        ];
        Some(
            way.into_iter()
                .filter(|s| order(*s) <= current)
                .find(|s| as_of.unmet(*s).is_empty())
                .unwrap_or(CaState::Proposed),
        )
    }

    /// The record as it stood on `day`: the dated facts of later days left out.
    fn as_of(&self, day: NaiveDate) -> CorrectiveAction {
        let mut r = self.clone();
        r.approval = r.approval.filter(|a| a.date <= day);
        r.verification = r.verification.filter(|v| v.date <= day);
        r.correction = r.correction.filter(|c| c.done_on.is_none_or(|d| d <= day));
        for a in &mut r.actions {
            a.completed_on = a.completed_on.filter(|d| *d <= day);
        }
        r
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{ActionStep, Approval, CaSource, StateChange, Verification};

    fn d(m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(2025, m, day).unwrap_or_default()
    }

    fn closed_without_history() -> CorrectiveAction {
        let mut ca = CorrectiveAction::new("c", CaSource::InternalAudit, "u", d(9, 18));
        ca.state = CaState::Closed;
        ca.root_cause = Some("Thiếu phân công".into());
        let mut step = ActionStep::new("Phân công", "p", d(10, 10));
        step.completed_on = Some(d(10, 12));
        ca.actions.push(step);
        ca.approval = Some(Approval {
            by: "p".into(),
            date: d(9, 25),
        });
        ca.verification = Some(Verification {
            date: d(12, 15),
            by: "p".into(),
            effective: true,
            comment: None,
        });
        ca
    }

    #[test]
    fn history_gives_the_state_of_the_day() {
        let mut ca = closed_without_history();
        ca.history = vec![
            StateChange {
                state: CaState::Analysing,
                date: d(9, 19),
            },
            StateChange {
                state: CaState::Verifying,
                date: d(10, 15),
            },
            StateChange {
                state: CaState::Closed,
                date: d(12, 15),
            },
        ];
        assert_eq!(ca.state_on(d(9, 17)), None);
        assert_eq!(ca.state_on(d(9, 18)), Some(CaState::Proposed));
        assert_eq!(ca.state_on(d(10, 8)), Some(CaState::Analysing));
        assert_eq!(ca.state_on(d(10, 15)), Some(CaState::Verifying));
        assert_eq!(ca.state_on(d(12, 14)), Some(CaState::Verifying));
        assert_eq!(ca.state_on(d(12, 15)), Some(CaState::Closed));
        // A history that starts past the first phases began as "open".
        ca.history.remove(0);
        assert_eq!(ca.state_on(d(10, 1)), Some(CaState::Open));
    }

    #[test]
    fn without_history_later_facts_are_left_out() {
        let ca = closed_without_history();
        // Nothing dated after the day: the current state stands.
        assert_eq!(ca.state_on(d(12, 20)), Some(CaState::Closed));
        // Verified later: the actions were done, so it was being verified.
        assert_eq!(ca.state_on(d(10, 20)), Some(CaState::Verifying));
        // Actions not yet completed, approval given: in progress.
        assert_eq!(ca.state_on(d(10, 1)), Some(CaState::InProgress));
        // Not yet approved: the plan awaited approval.
        assert_eq!(ca.state_on(d(9, 20)), Some(CaState::AwaitingApproval));
    }
}
