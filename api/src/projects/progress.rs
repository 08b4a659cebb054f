//! After the vote: staff post each adopted project's progress (实施), delegates of the cycle's
//! congress record inspections (视察) and, in the year-end window, evaluate every adopted project
//! by secret ballot (监督); citizens with a verified phone may rate a project, advisory only.
//! A project's flags (an overdue update, a passed deadline) are computed from the time of asking.

use super::satisfaction::Satisfaction;
use super::{check_length, Candidate, ProjectField, Proposal, SHORT_TEXT_CHARS};
use crate::meetings::activity::{parse_date, shanghai_ms};
use crate::platform::photos::{check_photo_ids, Photo};
use crate::platform::text::Lines;
use crate::ApiError;
use serde::{Deserialize, Serialize};

/// Days after the vote's close, or after the last update, by which the next update is due.
pub const UPDATE_DUE_DAYS: i64 = 31;
/// What a progress update reports done, and an inspection's notes, in characters.
pub const REPORT_CHARS: (usize, usize) = (2, 1000);

/// Body of `POST /api/staff/projects/{id}/progress`. With up to 3 photos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewProgress {
    /// Percent done, 0 to 100; lower than the last update only with `lower_reason`.
    #[cfg_attr(feature = "openapi", schema(minimum = 0, maximum = 100))]
    pub percent: u32,
    /// What was done: 2 to 1000 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 1000))]
    pub done: String,
    /// Why the project is delayed, when it is: 2 to 300 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 300))]
    pub delay_reason: Option<String>,
    /// Why the percent went down, when it did: 2 to 300 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 300))]
    pub lower_reason: Option<String>,
    /// Ids of photos this caller uploaded (`POST /api/staff/project-photos`), not yet attached; at
    /// most 3, each once.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 3))]
    pub photo_ids: Vec<String>,
}

impl NewProgress {
    /// Refuses a percent over 100, a text out of its length, a percent below `last`
    /// (the last update's) without a reason, and more than 3 photos or one twice.
    pub fn validate(&self, last: Option<u32>) -> Result<(), ApiError> {
        if self.percent > 100 {
            return Err(ApiError::bad_parameter(
                ProjectField::Percent,
                "percent must be 0 to 100",
            ));
        }
        check_length(ProjectField::Done, &self.done, REPORT_CHARS, Lines::Many)?;
        if let Some(reason) = &self.delay_reason {
            check_length(
                ProjectField::DelayReason,
                reason,
                SHORT_TEXT_CHARS,
                Lines::Many,
            )?;
        }
        if let Some(reason) = &self.lower_reason {
            check_length(
                ProjectField::LowerReason,
                reason,
                SHORT_TEXT_CHARS,
                Lines::Many,
            )?;
        }
        if last.is_some_and(|l| self.percent < l) && self.lower_reason.is_none() {
            return Err(ApiError::bad_parameter(
                ProjectField::LowerReason,
                "a percent lower than the last update's needs lower_reason",
            ));
        }
        check_photo_ids(ProjectField::PhotoIds, &self.photo_ids)
    }
}

/// One progress update, public.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProgressUpdate {
    pub percent: u32,
    pub done: String,
    pub delay_reason: Option<String>,
    pub lower_reason: Option<String>,
    pub at_ms: i64,
    /// Photos of the work, cleaned.
    pub photos: Vec<Photo>,
}

/// Body of `POST /api/delegate/projects/{id}/inspections`. With up to 3 photos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewInspection {
    /// What the delegate saw: 2 to 1000 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 1000))]
    pub notes: String,
    /// Ids of photos this caller uploaded (`POST /api/delegate/project-photos`), not yet
    /// attached; at most 3, each once.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 3))]
    pub photo_ids: Vec<String>,
}

impl NewInspection {
    /// Refuses notes out of their length, and more than 3 photos or one twice.
    pub fn validate(&self) -> Result<(), ApiError> {
        check_length(ProjectField::Notes, &self.notes, REPORT_CHARS, Lines::Many)?;
        check_photo_ids(ProjectField::PhotoIds, &self.photo_ids)
    }
}

/// A delegate's inspection, public with the delegate's name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Inspection {
    pub delegate_name: String,
    pub notes: String,
    pub at_ms: i64,
    /// The delegate's photos, cleaned.
    pub photos: Vec<Photo>,
}

/// Where a cycle's year-end evaluation stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EvaluationState {
    /// Delegates evaluate now.
    Open,
    /// Closed: the result is public.
    Closed,
}

impl EvaluationState {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            EvaluationState::Open => "open",
            EvaluationState::Closed => "closed",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<EvaluationState> {
        [EvaluationState::Open, EvaluationState::Closed]
            .into_iter()
            .find(|s| s.code() == code)
    }
}

/// Body of `POST /api/staff/project-cycles/{id}/evaluation`: `open` (once, after the vote's
/// close), then `closed`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationChange {
    pub state: EvaluationState,
}

/// A cycle's evaluation window.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationWindow {
    pub cycle_id: String,
    pub state: EvaluationState,
    /// Delegates who may evaluate, counted when the window opened.
    pub eligible: u32,
}

/// One project's choice on an evaluation ballot.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectChoice {
    /// The adopted project's (candidate's) id.
    pub project: String,
    pub choice: Satisfaction,
}

/// Body of `POST /api/delegate/project-cycles/{id}/evaluation`: one choice for each adopted
/// project of the cycle.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewEvaluation {
    /// Exactly one per adopted project (at most 50).
    pub evaluations: Vec<ProjectChoice>,
}

impl NewEvaluation {
    /// The choices sorted by project, refusing one not adopted, one twice, or one missing.
    pub fn validate(&self, adopted: &[String]) -> Result<Vec<(String, Satisfaction)>, ApiError> {
        let mut choices: Vec<(String, Satisfaction)> = self
            .evaluations
            .iter()
            .map(|c| (c.project.clone(), c.choice))
            .collect();
        choices.sort_by(|a, b| a.0.cmp(&b.0));
        let mut projects: Vec<&String> = choices.iter().map(|(p, _)| p).collect();
        projects.dedup();
        let mut wanted: Vec<&String> = adopted.iter().collect();
        wanted.sort();
        if projects != wanted || projects.len() != choices.len() {
            return Err(ApiError::bad_parameter(
                ProjectField::Evaluations,
                "an evaluation ballot chooses once for each adopted project, and for no other",
            ));
        }
        Ok(choices)
    }
}

/// The answer to an evaluation ballot: its tracker, shown once, as the vote's. After the
/// window closes its SHA-256 (hex) is on the published list ([`EvaluationTrackers`]).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationCast {
    /// Projects evaluated.
    pub projects: u32,
    pub tracker: String,
}

/// A closed evaluation's published ballot trackers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationTrackers {
    pub cycle_id: String,
    /// SHA-256 (hex) of every evaluation ballot's tracker, sorted.
    pub trackers: Vec<String>,
}

/// Answer of `GET /api/staff/project-cycles/{id}/evaluation`: how far the evaluation has
/// come, never what anyone chose.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationProgress {
    pub cycle_id: String,
    /// `None` until the window is opened.
    pub state: Option<EvaluationState>,
    /// The delegates who may evaluate, fixed when the window opened (0 before).
    pub eligible: u32,
    /// How many of them have evaluated.
    pub evaluated: u32,
}

/// What a delegate sees before evaluating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct EvaluationPaper {
    /// `None` before staff open the window.
    pub state: Option<EvaluationState>,
    /// Whether this delegate may evaluate (a member of the congress when the window opened).
    pub eligible: bool,
    /// Whether this delegate has evaluated (never what they chose).
    pub evaluated: bool,
    /// The adopted projects, to choose once each.
    pub projects: Vec<Candidate>,
}

/// The delegates' evaluation of one project, public after the close.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct DelegatesEvaluation {
    pub eligible: u32,
    pub satisfied: u32,
    pub basically_satisfied: u32,
    pub dissatisfied: u32,
    /// By the published rule; `None` when nobody evaluated.
    pub result: Option<Satisfaction>,
}

/// Body of `POST /api/projects/{id}/rating`: a citizen's advisory rating.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewRating {
    /// 1 to 5.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 5))]
    pub rating: u32,
}

impl NewRating {
    /// Refuses a rating out of 1 to 5.
    pub fn validate(&self) -> Result<(), ApiError> {
        if !(1..=5).contains(&self.rating) {
            return Err(ApiError::bad_parameter(
                ProjectField::Rating,
                "rating must be 1 to 5",
            ));
        }
        Ok(())
    }
}

/// Citizens' advisory ratings of a project, shown apart from the delegates' evaluation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitizenRatings {
    /// Phones that rated.
    pub count: u32,
    /// How many gave 1, 2, 3, 4 and 5.
    pub by_rating: Vec<u32>,
}

/// What a project's public page warns about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProjectFlag {
    /// No update for more than 31 days since the vote closed or the last update.
    UpdateOverdue,
    /// Its deadline has passed and it is below 100%.
    PastDeadline,
}

/// A project's flags at `now_ms`: `since_ms` is the last update's time, or the vote's close.
pub fn flags(now_ms: i64, since_ms: i64, percent: u32, deadline: &str) -> Vec<ProjectFlag> {
    let mut out = Vec::new();
    if now_ms - since_ms > UPDATE_DUE_DAYS * 86_400_000 && percent < 100 {
        out.push(ProjectFlag::UpdateOverdue);
    }
    let past = parse_date(deadline).is_some_and(|day| now_ms >= shanghai_ms(day + 1, 0));
    if past && percent < 100 {
        out.push(ProjectFlag::PastDeadline);
    }
    out
}

/// An adopted project's public page.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ProjectView {
    pub cycle_id: String,
    /// `city` or a district code.
    pub congress: String,
    pub year: i32,
    /// The project as it was on the list: unit, budget, target, deadline.
    pub project: Candidate,
    /// The proposals it came from.
    pub origin: Vec<Proposal>,
    /// Its votes, and the delegates who could vote.
    pub votes: u32,
    pub eligible: u32,
    /// The last update's percent (0 before any).
    pub percent_done: u32,
    /// Progress updates, oldest first.
    pub progress: Vec<ProgressUpdate>,
    /// Inspections, oldest first.
    pub inspections: Vec<Inspection>,
    /// The evaluation window, `None` before it opens.
    pub evaluation_state: Option<EvaluationState>,
    /// The delegates' evaluation, once the window is closed.
    pub evaluation: Option<DelegatesEvaluation>,
    /// Citizens' advisory ratings, apart from the delegates'.
    pub citizen_ratings: CitizenRatings,
    pub flags: Vec<ProjectFlag>,
}

#[cfg(test)]
mod tests {
    use super::*;

    const DAY: i64 = 86_400_000;

    #[test]
    fn an_update_is_overdue_after_31_days_and_a_deadline_after_its_day() {
        let deadline = "2026-12-31";
        let end = shanghai_ms(parse_date(deadline).unwrap() + 1, 0);
        assert!(flags(end - 40 * DAY, end - 71 * DAY, 50, deadline).is_empty());
        assert_eq!(
            flags(end - 40 * DAY, end - 72 * DAY, 50, deadline),
            [ProjectFlag::UpdateOverdue]
        );
        assert_eq!(
            flags(end, end - DAY, 99, deadline),
            [ProjectFlag::PastDeadline]
        );
        assert!(flags(end - 1, end - DAY, 99, deadline).is_empty());
        assert!(flags(end + 90 * DAY, end - DAY, 100, deadline).is_empty());
    }

    #[test]
    fn a_lower_percent_needs_a_reason() {
        let mut update = NewProgress {
            percent: 30,
            done: "完成施工招标".into(),
            delay_reason: None,
            lower_reason: None,
            photo_ids: Vec::new(),
        };
        assert!(update.validate(Some(30)).is_ok());
        assert!(update.validate(Some(40)).is_err());
        update.lower_reason = Some("返工".into());
        assert!(update.validate(Some(40)).is_ok());
        update.photo_ids = vec!["a".into(), "b".into(), "c".into(), "d".into()];
        assert_eq!(
            update
                .validate(Some(40))
                .unwrap_err()
                .field::<ProjectField>(),
            Some(ProjectField::PhotoIds)
        );
        update.photo_ids.pop();
        update.percent = 101;
        assert!(update.validate(None).is_err());
    }

    #[test]
    fn an_evaluation_ballot_covers_each_adopted_project_once() {
        let adopted = ["a".to_owned(), "b".to_owned()];
        let ballot = |c: &[&str]| NewEvaluation {
            evaluations: c
                .iter()
                .map(|p| ProjectChoice {
                    project: (*p).to_owned(),
                    choice: Satisfaction::Satisfied,
                })
                .collect(),
        };
        assert_eq!(ballot(&["b", "a"]).validate(&adopted).unwrap().len(), 2);
        assert!(ballot(&["a"]).validate(&adopted).is_err());
        assert!(ballot(&["a", "a", "b"]).validate(&adopted).is_err());
        assert!(ballot(&["a", "c"]).validate(&adopted).is_err());
    }
}
