//! The corrective-action state machine is the one truth: `transition()`, the rules and the
//! recorded history agree on what each state requires.
#![allow(clippy::unwrap_used, clippy::expect_used)]

use chrono::NaiveDate;
use proptest::prelude::*;
use qms_core::model::{
    ActionStep, Approval, CaSource, CaState, CorrectiveAction, StateChange, Verification,
};
use qms_core::rules::{CheckOptions, check};
use serde_json::json;

fn day(n: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 1, 1).unwrap() + chrono::Days::new(u64::from(n))
}

/// A one-request dossier around `ca`, checked on a day before every due date.
fn c_codes(ca: &CorrectiveAction) -> Vec<String> {
    let v = json!({
        "format_version": 1, "id": "x",
        "agency": {"name": "Sở Tư pháp"},
        "scope": {"edition": "2015", "text": "TTHC"},
        "units": [{"id": "vp", "name": "Văn phòng"}],
        "people": [{"id": "gd", "name": "Trần Văn Bình", "unit": "vp"}],
        // ca2 is the follow-up request a carried-over ca1 names.
        "corrective_actions": [ca, {"id": "ca2", "source": "complaint", "unit": "vp",
                                    "raised_on": "2026-01-01", "state": "proposed"}],
    });
    let d = qms_core::load(v.to_string().as_bytes()).unwrap();
    check(&d, &CheckOptions { today: day(1) })
        .into_iter()
        .map(|x| x.code.to_owned())
        .filter(|c| matches!(c.as_str(), "QMS-C004" | "QMS-C006" | "QMS-C007"))
        .collect()
}

fn base() -> CorrectiveAction {
    let mut ca = CorrectiveAction::new("ca1", CaSource::Complaint, "vp", day(0));
    ca.correction = Some(qms_core::model::Correction {
        description: "Xin lỗi công dân".into(),
        done_on: None,
        by: None,
    });
    ca
}

#[test]
fn a_carried_over_request_without_verification_is_reported() {
    let mut ca = base();
    ca.state = CaState::CarriedOver;
    ca.root_cause = Some("Thiếu người".into());
    ca.actions.push(step(Some(day(3))));
    ca.approval = Some(Approval {
        by: "gd".into(),
        date: day(2),
    });
    ca.follow_up = Some("ca2".into());
    assert_eq!(c_codes(&ca), ["QMS-C007"]);
}

#[test]
fn a_closed_request_with_unfinished_actions_is_reported() {
    let mut ca = base();
    ca.state = CaState::Closed;
    ca.root_cause = Some("Thiếu người".into());
    ca.actions.push(step(None));
    ca.approval = Some(Approval {
        by: "gd".into(),
        date: day(2),
    });
    ca.verification = Some(Verification {
        date: day(9),
        by: "gd".into(),
        effective: true,
        comment: None,
    });
    assert_eq!(c_codes(&ca), ["QMS-C007"]);
}

#[test]
fn a_history_that_contradicts_the_state_is_reported() {
    let mut ca = base();
    ca.state = CaState::Analysing;
    ca.history = vec![
        StateChange {
            state: CaState::Analysing,
            date: day(1),
        },
        StateChange {
            state: CaState::Proposed,
            date: day(2),
        },
    ];
    // Analysing → Proposed is no step of the workflow, and the history ends elsewhere.
    assert_eq!(c_codes(&ca), ["QMS-C007", "QMS-C007"]);
}

fn step(completed: Option<NaiveDate>) -> ActionStep {
    ActionStep {
        description: "Phân công người theo dõi".into(),
        owner: "gd".into(),
        owner_unit: None,
        due: day(30),
        original_due: None,
        extensions: vec![],
        completed_on: completed,
    }
}

/// What a person might do to the record between two transitions.
#[derive(Debug, Clone)]
enum Edit {
    RootCause,
    Action,
    Approve,
    Complete,
    Verify(bool),
    FollowUp,
}

fn apply(ca: &mut CorrectiveAction, e: &Edit, at: NaiveDate) {
    match e {
        Edit::RootCause => ca.root_cause = Some("Chưa phân công người theo dõi".into()),
        Edit::Action => ca.actions.push(step(None)),
        Edit::Approve => {
            ca.approval = Some(Approval {
                by: "gd".into(),
                date: at,
            })
        }
        Edit::Complete => ca
            .actions
            .iter_mut()
            .for_each(|a| a.completed_on = Some(at)),
        Edit::Verify(ok) => {
            ca.verification = Some(Verification {
                date: at,
                by: "gd".into(),
                effective: *ok,
                comment: None,
            })
        }
        Edit::FollowUp => ca.follow_up = Some("ca2".into()),
    }
}

fn edit() -> impl Strategy<Value = Edit> {
    prop_oneof![
        Just(Edit::RootCause),
        Just(Edit::Action),
        Just(Edit::Approve),
        Just(Edit::Complete),
        any::<bool>().prop_map(Edit::Verify),
        Just(Edit::FollowUp),
    ]
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random walks of legal and illegal moves: every move `transition()` accepts leads to a
    /// state whose requirements are met, whose history ends at it, and that the rules accept;
    /// every move it refuses changes nothing.
    #[test]
    fn transition_and_the_rules_agree(
        walk in proptest::collection::vec((edit(), 0usize..7), 1..24)
    ) {
        let mut ca = base();
        for (i, (e, target)) in walk.iter().enumerate() {
            let at = day(u32::try_from(i).unwrap() + 1);
            apply(&mut ca, e, at);
            let before = ca.clone();
            let to = CaState::ALL[*target];
            match ca.transition(to, at) {
                Ok(()) => {
                    prop_assert!(before.state.next().contains(&to));
                    prop_assert!(ca.unmet(to).is_empty(), "{:?}", ca.unmet(to));
                    prop_assert_eq!(ca.history.last().map(|s| s.state), Some(to));
                    prop_assert!(ca.history_problems().is_empty());
                    prop_assert_eq!(c_codes(&ca), Vec::<String>::new());
                }
                Err(_) => {
                    prop_assert_eq!(&ca, &before);
                    prop_assert!(
                        !before.state.next().contains(&to) || !before.unmet(to).is_empty()
                    );
                }
            }
        }
    }
}
