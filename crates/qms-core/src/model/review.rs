//! Management review (xem xét của lãnh đạo), TCVN ISO 9001:2015 9.3 (5.6 in 2008).

use super::TimeOfDay;
use chrono::NaiveDate;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

/// One management review meeting with its inputs and decisions.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ManagementReview {
    /// Stable identifier.
    pub id: String,
    /// Title, e.g. "Họp xem xét của lãnh đạo về HTQLCL năm 2026".
    pub title: String,
    /// Number of the minutes (biên bản), e.g. "02/BB-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub number: Option<String>,
    /// Number of the meeting notice (thông báo), e.g. "45/TB-SKHCN".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_number: Option<String>,
    /// Date of the notice (usually a week before).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub notice_date: Option<NaiveDate>,
    /// First day of the period reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_start: Option<NaiveDate>,
    /// Last day of the period reviewed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub period_end: Option<NaiveDate>,
    /// The meeting.
    pub meeting: ReviewMeeting,
    /// The previous review, whose decisions input a reports on (a review id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub previous: Option<String>,
    /// Inputs (9.3.2 a–f with c1–c7, or 5.6.2 a–g on the 2008 edition).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub inputs: Vec<ReviewInput>,
    /// Status of the previous review's decisions (part of input a).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub follow_ups: Vec<DecisionFollowUp>,
    /// Decisions (9.3.3 outputs a–c).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub decisions: Vec<Decision>,
    /// Overall conclusion on suitability, adequacy and effectiveness.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
    /// The input report's own number, date, signer and recipients (báo cáo phục vụ xem xét).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub input_report: Option<super::DocumentFacts>,
}

/// Facts of the meeting.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewMeeting {
    /// Day.
    pub date: NaiveDate,
    /// Start time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub start: Option<TimeOfDay>,
    /// End time.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end: Option<TimeOfDay>,
    /// Place.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub place: Option<String>,
    /// Chair (chủ trì): a person id.
    pub chair: String,
    /// Secretary (thư ký): a person id.
    pub secretary: String,
    /// Attendees (person ids).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    /// Invited guests who are not in the dossier, by name and position.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub guests: Vec<String>,
    /// Members invited who did not attend, with their reasons (vắng mặt, có lý do).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub absent: Vec<Absence>,
}

/// A member invited to the meeting who did not attend.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Absence {
    /// Who (a person id).
    pub person: String,
    /// Why, e.g. "đi công tác".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reason: Option<String>,
}

/// One input of the review, keyed by its letter in the standard.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct ReviewInput {
    /// The topic key: "a", "b", "c1"…"c7", "d", "e", "f" (2015) or "a"…"g" (2008).
    pub topic: String,
    /// What was reported, with data and trends; empty when the input was presented and its
    /// summary is not written yet.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Who presented it (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub presenter: Option<String>,
    /// What the meeting said about it (ý kiến thảo luận), for the minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub discussion: Option<String>,
    /// The chair's conclusion on it (kết luận của chủ trì), for the minutes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub conclusion: Option<String>,
}

/// A decision of the review (an output of 9.3.3).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    /// Stable identifier, unique within the dossier (the next review reports on it).
    pub id: String,
    /// The output key: "a" improvement, "b" QMS change, "c" resources.
    pub output: String,
    /// What was decided.
    pub content: String,
    /// Who carries it out (a person id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    /// Unit that carries it out (a unit id).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Deadline.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due: Option<NaiveDate>,
    /// Progress.
    #[serde(default)]
    pub state: DecisionState,
}

/// The progress of a decision.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DecisionState {
    /// Not started.
    #[default]
    Open,
    /// Under way.
    InProgress,
    /// Done.
    Done,
    /// Dropped, with a reason in the follow-up.
    Cancelled,
}

/// The status of a previous review's decision, reported at this review.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct DecisionFollowUp {
    /// The decision (a decision id of the previous review).
    pub decision: String,
    /// Its state now.
    pub state: DecisionState,
    /// Comment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
}
