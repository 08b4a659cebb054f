//! Livelihood projects decided by the delegates' vote (民生实事项目代表票决制): one cycle per
//! congress (the city's or a district's) and year. Citizens propose and support projects (征集),
//! staff draft the candidate list (初定), and the congress's delegates choose by secret ballot
//! (票决); the adopted projects' progress, inspections and year-end evaluation are in
//! [`progress`]. The adoption and year-end satisfaction rules are in [`adoption`] and
//! [`satisfaction`].

pub mod adoption;
pub mod figures;
pub mod progress;
pub mod satisfaction;

use crate::meetings::activity::parse_date;
use crate::platform::photos::{check_photo_ids, Photo};
use crate::platform::text::{check_text, Lines};
use crate::{ApiError, District, FormField};
use serde::{Deserialize, Serialize};

pub use adoption::CandidateOutcome;

/// The city's own congress; a district's congress is named by its district code.
pub const CITY: &str = "city";
/// The prefix of a proposal's tracking number (项目, xiàngmù): `XM2026-0001`.
pub const TRACKING_PREFIX: &str = "XM";
/// Most candidates to adopt in one cycle.
pub const MAX_TO_ADOPT: u32 = 50;
/// Most proposals, supports and their like one phone may send in an hour.
pub const WRITES_PER_PHONE_HOUR: i64 = 20;
/// Most proposals and supports from one client address in an hour.
pub const WRITES_PER_ADDRESS_HOUR: i64 = 60;

crate::form_fields! {
    /// The fields of the projects' forms.
    pub enum ProjectField {
        /// A cycle's congress: `city` or a district code.
        Congress = "congress",
        /// A cycle's year.
        Year = "year",
        /// The phase a cycle is to enter.
        Phase = "phase",
        /// How many projects the vote adopts.
        ToAdopt = "to_adopt",
        /// A proposal's or candidate's title.
        Title = "title",
        /// What a proposal asks for, and where.
        WhatAndWhere = "what_and_where",
        /// Who a proposal benefits.
        Beneficiaries = "beneficiaries",
        /// The district a proposal is in.
        District = "district",
        /// A proposal's category.
        Category = "category",
        /// The proposal a duplicate is merged into.
        Into = "into",
        /// Why a proposal is declined.
        Reason = "reason",
        /// What a candidate project does.
        Summary = "summary",
        /// The responsible unit of a candidate.
        UnitId = "unit_id",
        /// A candidate's budget, in yuan.
        BudgetYuan = "budget_yuan",
        /// What a candidate is to achieve.
        Target = "target",
        /// A candidate's deadline.
        Deadline = "deadline",
        /// The proposals a candidate came from.
        Proposals = "proposals",
        /// A congress's members.
        AccountIds = "account_ids",
        /// A ballot's chosen candidates.
        Choices = "choices",
        /// A progress update's percent done.
        Percent = "percent",
        /// What a progress update reports done.
        Done = "done",
        /// Why a project is delayed.
        DelayReason = "delay_reason",
        /// Why the percent done went down.
        LowerReason = "lower_reason",
        /// An inspection's notes.
        Notes = "notes",
        /// An evaluation ballot's choice per project.
        Evaluations = "evaluations",
        /// A citizen's advisory rating.
        Rating = "rating",
        /// The photos a proposal, progress update or inspection carries.
        PhotoIds = "photo_ids",
        /// One photo being uploaded.
        Photo = "photo",
    }
}

/// Whether a congress code names one: `city` or one of the nine districts' codes.
pub fn is_congress(code: &str) -> bool {
    code == CITY || District::from_code(code).is_some()
}

/// Where a cycle stands. Staff move it forward one phase at a time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum CyclePhase {
    /// Made; nothing open yet.
    Preparing,
    /// The collection window is open: citizens propose and support (征集).
    Collecting,
    /// Collection closed; staff draft the candidate list (初定).
    Shortlisting,
    /// The list is fixed and the voting window open (票决).
    Voting,
    /// The vote is closed: the results and ballot trackers are public.
    Closed,
}

impl CyclePhase {
    /// Every phase, in order.
    pub const ALL: [CyclePhase; 5] = [
        CyclePhase::Preparing,
        CyclePhase::Collecting,
        CyclePhase::Shortlisting,
        CyclePhase::Voting,
        CyclePhase::Closed,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            CyclePhase::Preparing => "preparing",
            CyclePhase::Collecting => "collecting",
            CyclePhase::Shortlisting => "shortlisting",
            CyclePhase::Voting => "voting",
            CyclePhase::Closed => "closed",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<CyclePhase> {
        CyclePhase::ALL.into_iter().find(|p| p.code() == code)
    }

    /// Whether a cycle in this phase may enter `next`: only the next phase, never back.
    pub fn can_become(self, next: CyclePhase) -> bool {
        let at = |p| CyclePhase::ALL.iter().position(|q| *q == p);
        matches!((at(self), at(next)), (Some(a), Some(b)) if b == a + 1)
    }

    /// Whether staff may still merge and decline proposals and draft the candidate list.
    pub fn list_is_open(self) -> bool {
        matches!(self, CyclePhase::Collecting | CyclePhase::Shortlisting)
    }
}

/// Body of `POST /api/staff/project-cycles`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCycle {
    /// `city` or a district code (`xincheng`, …).
    pub congress: String,
    /// 2000 to 2100.
    #[cfg_attr(feature = "openapi", schema(minimum = 2000, maximum = 2100))]
    pub year: i32,
}

impl NewCycle {
    /// Refuses an unknown congress or a year out of range.
    pub fn validate(&self) -> Result<(), ApiError> {
        if !is_congress(&self.congress) {
            return Err(ApiError::bad_parameter(
                ProjectField::Congress,
                "congress must be `city` or a district code",
            ));
        }
        if !(2000..=2100).contains(&self.year) {
            return Err(ApiError::bad_parameter(
                ProjectField::Year,
                "year must be 2000 to 2100",
            ));
        }
        Ok(())
    }
}

/// A cycle: one congress's projects of one year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Cycle {
    pub id: String,
    /// `city` or a district code.
    pub congress: String,
    pub year: i32,
    pub phase: CyclePhase,
    /// How many projects the vote adopts (0 until staff set it).
    pub to_adopt: u32,
    /// The delegates who may vote, counted when the vote opened (0 before).
    pub eligible: u32,
    /// The title staff gave it, e.g. `2027年 呼和浩特市民生实事项目`; none until given.
    pub title: Option<String>,
    /// When the collection window closed (the cycle moved to shortlisting); none before.
    pub collection_closed_at_ms: Option<i64>,
}

/// Body of `PUT /api/staff/project-cycles/{id}/title`: the title shown on the cycle's public
/// pages.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CycleTitle {
    /// 4 to 60 characters, one line.
    #[cfg_attr(feature = "openapi", schema(min_length = 4, max_length = 60))]
    pub title: String,
}

impl CycleTitle {
    /// Refuses a title out of its length or with characters a title may not hold.
    pub fn validate(&self) -> Result<(), ApiError> {
        check_length(ProjectField::Title, &self.title, TITLE_CHARS, Lines::One)
    }
}

/// Body of `POST /api/staff/project-cycles/{id}/phase`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PhaseChange {
    /// The next phase.
    pub phase: CyclePhase,
}

/// Body of `PUT /api/staff/project-cycles/{id}/to-adopt`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ToAdopt {
    /// 1 to 50.
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 50))]
    pub to_adopt: u32,
}

impl ToAdopt {
    /// Refuses 0 and more than [`MAX_TO_ADOPT`].
    pub fn validate(&self) -> Result<(), ApiError> {
        if !(1..=MAX_TO_ADOPT).contains(&self.to_adopt) {
            return Err(ApiError::bad_parameter(
                ProjectField::ToAdopt,
                format!("to_adopt must be 1 to {MAX_TO_ADOPT}"),
            ));
        }
        Ok(())
    }
}

/// What a proposed project is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProposalCategory {
    Education,
    Health,
    ElderlyCare,
    Transport,
    Housing,
    Environment,
    CultureSport,
    Employment,
    Safety,
    Other,
}

impl ProposalCategory {
    /// Every category.
    pub const ALL: [ProposalCategory; 10] = [
        ProposalCategory::Education,
        ProposalCategory::Health,
        ProposalCategory::ElderlyCare,
        ProposalCategory::Transport,
        ProposalCategory::Housing,
        ProposalCategory::Environment,
        ProposalCategory::CultureSport,
        ProposalCategory::Employment,
        ProposalCategory::Safety,
        ProposalCategory::Other,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ProposalCategory::Education => "education",
            ProposalCategory::Health => "health",
            ProposalCategory::ElderlyCare => "elderly_care",
            ProposalCategory::Transport => "transport",
            ProposalCategory::Housing => "housing",
            ProposalCategory::Environment => "environment",
            ProposalCategory::CultureSport => "culture_sport",
            ProposalCategory::Employment => "employment",
            ProposalCategory::Safety => "safety",
            ProposalCategory::Other => "other",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<ProposalCategory> {
        ProposalCategory::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// Refuses a text shorter or longer than allowed (in characters, trimmed) or with characters
/// free text may not hold.
pub(crate) fn check_length(
    field: ProjectField,
    text: &str,
    (min, max): (usize, usize),
    lines: Lines,
) -> Result<(), ApiError> {
    let length = text.trim().chars().count();
    if !(min..=max).contains(&length) {
        return Err(ApiError::bad_parameter(
            field,
            format!("{} must be {min} to {max} characters", field.name()),
        ));
    }
    check_text(field, text, lines)
}

/// Title of a proposal or candidate, in characters.
pub const TITLE_CHARS: (usize, usize) = (4, 60);
/// What and where, a candidate's summary, in characters.
pub const DESCRIPTION_CHARS: (usize, usize) = (10, 1000);
/// Who benefits, a target, a reason, in characters.
pub const SHORT_TEXT_CHARS: (usize, usize) = (2, 300);

/// Body of `POST /api/project-cycles/{id}/proposals`: a citizen's proposed project, with up to
/// 3 photos.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewProposal {
    /// 4 to 60 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 4, max_length = 60))]
    pub title: String,
    /// What should be done, and where: 10 to 1000 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 1000))]
    pub what_and_where: String,
    /// Who benefits: 2 to 300 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 300))]
    pub beneficiaries: String,
    pub district: District,
    pub category: ProposalCategory,
    /// Ids of photos this caller uploaded (`POST /api/project-photos`), not yet attached; at
    /// most 3, each once.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 3))]
    pub photo_ids: Vec<String>,
}

impl NewProposal {
    /// Refuses a text out of its length or with characters free text may not hold.
    pub fn validate(&self) -> Result<(), ApiError> {
        check_length(ProjectField::Title, &self.title, TITLE_CHARS, Lines::One)?;
        check_length(
            ProjectField::WhatAndWhere,
            &self.what_and_where,
            DESCRIPTION_CHARS,
            Lines::Many,
        )?;
        check_length(
            ProjectField::Beneficiaries,
            &self.beneficiaries,
            SHORT_TEXT_CHARS,
            Lines::One,
        )?;
        check_photo_ids(ProjectField::PhotoIds, &self.photo_ids)
    }
}

/// Where a proposal stands. Nothing is deleted: a duplicate is merged, a proposal not taken up
/// is declined with a published reason.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Open,
    Merged,
    Declined,
}

impl ProposalStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            ProposalStatus::Open => "open",
            ProposalStatus::Merged => "merged",
            ProposalStatus::Declined => "declined",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<ProposalStatus> {
        [
            ProposalStatus::Open,
            ProposalStatus::Merged,
            ProposalStatus::Declined,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// A proposal's public page: no phone, no personal data.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Proposal {
    /// `XM2026-0001`.
    pub tracking_number: String,
    pub cycle_id: String,
    pub title: String,
    pub what_and_where: String,
    pub beneficiaries: String,
    pub district: District,
    pub category: ProposalCategory,
    pub status: ProposalStatus,
    /// The tracking number of the proposal this one was merged into.
    pub merged_into: Option<String>,
    /// Why it was declined, published.
    pub decline_reason: Option<String>,
    /// Phones that supported it.
    pub supporters: u32,
    pub created_at_ms: i64,
    /// The proposer's photos, cleaned.
    pub photos: Vec<Photo>,
}

/// Answer to a support.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Supported {
    /// The proposal's supporters now.
    pub supporters: u32,
}

/// Body of `POST /api/staff/project-proposals/{tracking_number}/merge`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Merge {
    /// The tracking number of the open proposal of the same cycle it duplicates.
    pub into: String,
}

/// Body of `POST /api/staff/project-proposals/{tracking_number}/decline`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Decline {
    /// The published reason: 2 to 300 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 300))]
    pub reason: String,
}

impl Decline {
    /// Refuses a reason out of its length.
    pub fn validate(&self) -> Result<(), ApiError> {
        check_length(
            ProjectField::Reason,
            &self.reason,
            SHORT_TEXT_CHARS,
            Lines::Many,
        )
    }
}

/// Body of `POST /api/staff/project-cycles/{id}/candidates`: a candidate project for the list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewCandidate {
    /// 4 to 60 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 4, max_length = 60))]
    pub title: String,
    /// What it does: 10 to 1000 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 1000))]
    pub summary: String,
    /// The responsible unit: an active handling unit.
    pub unit_id: String,
    /// Budget in yuan, 1 or more.
    #[cfg_attr(feature = "openapi", schema(minimum = 1))]
    pub budget_yuan: i64,
    /// What it is to achieve: 2 to 300 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 2, max_length = 300))]
    pub target: String,
    /// `YYYY-MM-DD`.
    pub deadline: String,
    /// Tracking numbers of the open proposals of the cycle it came from: 1 to 50.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 50))]
    pub proposals: Vec<String>,
}

impl NewCandidate {
    /// Refuses a field out of its bounds (the unit and proposals are checked against the
    /// database by the server).
    pub fn validate(&self) -> Result<(), ApiError> {
        check_length(ProjectField::Title, &self.title, TITLE_CHARS, Lines::One)?;
        check_length(
            ProjectField::Summary,
            &self.summary,
            DESCRIPTION_CHARS,
            Lines::Many,
        )?;
        check_length(
            ProjectField::Target,
            &self.target,
            SHORT_TEXT_CHARS,
            Lines::One,
        )?;
        if self.budget_yuan < 1 {
            return Err(ApiError::bad_parameter(
                ProjectField::BudgetYuan,
                "budget_yuan must be 1 or more",
            ));
        }
        if parse_date(&self.deadline).is_none() {
            return Err(ApiError::bad_parameter(
                ProjectField::Deadline,
                "deadline must be a date YYYY-MM-DD",
            ));
        }
        if self.proposals.is_empty() || self.proposals.len() > 50 {
            return Err(ApiError::bad_parameter(
                ProjectField::Proposals,
                "a candidate comes from 1 to 50 proposals",
            ));
        }
        Ok(())
    }
}

/// A candidate project.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Candidate {
    pub id: String,
    pub title: String,
    pub summary: String,
    pub unit_id: String,
    pub unit_name: String,
    pub budget_yuan: i64,
    pub target: String,
    pub deadline: String,
    /// Tracking numbers of the proposals it came from.
    pub proposals: Vec<String>,
    /// Taken off the list while it was drafted (kept, never deleted).
    pub withdrawn: bool,
}

/// A cycle's public page: its proposals and its candidate list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CycleView {
    pub cycle: Cycle,
    /// Every proposal, newest first.
    pub proposals: Vec<Proposal>,
    /// Every candidate, in the order staff added them.
    pub candidates: Vec<Candidate>,
}

/// Body of `PUT /api/staff/congresses/{congress}/members`, and its answer: the delegates'
/// accounts that sit in the congress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CongressMembers {
    /// Delegates' account ids; at most 1000.
    pub account_ids: Vec<String>,
}

/// What a delegate sees before voting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BallotPaper {
    pub cycle: Cycle,
    /// Whether this delegate may vote in this cycle (a member of its congress when it opened).
    pub eligible: bool,
    /// Whether this delegate has voted (never what they chose).
    pub voted: bool,
    /// The candidates on the list.
    pub candidates: Vec<Candidate>,
    /// Most candidates one ballot may choose: the number to adopt.
    pub max_choices: u32,
}

/// Body of `POST /api/delegate/project-cycles/{id}/ballot`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewBallot {
    /// Ids of the chosen candidates: none (a blank ballot) up to the number to adopt, each once.
    pub choices: Vec<String>,
}

impl NewBallot {
    /// The choices sorted, refusing repeats and more than `max` of them.
    pub fn validate(&self, max: u32) -> Result<Vec<String>, ApiError> {
        let mut choices = self.choices.clone();
        choices.sort();
        choices.dedup();
        if choices.len() != self.choices.len() {
            return Err(ApiError::bad_parameter(
                ProjectField::Choices,
                "a candidate is chosen at most once",
            ));
        }
        if choices.len() > usize::try_from(max).unwrap_or(usize::MAX) {
            return Err(ApiError::bad_parameter(
                ProjectField::Choices,
                format!("a ballot chooses at most {max} candidates"),
            ));
        }
        Ok(choices)
    }
}

/// The answer to a ballot: its tracker, shown once. After the close its SHA-256 (hex) is on
/// the published list, so the delegate can see their ballot was counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BallotReceipt {
    pub tracker: String,
}

/// One candidate's result.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CandidateResult {
    pub candidate: Candidate,
    pub votes: u32,
    pub outcome: CandidateOutcome,
}

/// The public result of a closed vote.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VoteResults {
    pub cycle: Cycle,
    /// Delegates who could vote.
    pub eligible: u32,
    /// Ballots cast (blank ones included).
    pub ballots_cast: u32,
    /// Whether more than half of the eligible delegates voted.
    pub quorum_met: bool,
    /// Places left open by a tie at the cut-off (0 when none).
    pub places_tied: u32,
    /// Each candidate on the list, most votes first.
    pub candidates: Vec<CandidateResult>,
    /// Ids of the adopted candidates, most votes first.
    pub adopted: Vec<String>,
    /// SHA-256 (hex) of every ballot's tracker, sorted.
    pub trackers: Vec<String>,
}

/// Whether a text has a proposal's tracking number's form: `XM`, the year, `-`, 4 to 8 digits.
pub fn is_tracking_number(text: &str) -> bool {
    let Some(rest) = text.strip_prefix(TRACKING_PREFIX) else {
        return false;
    };
    let Some((year, number)) = rest.split_once('-') else {
        return false;
    };
    year.len() == 4
        && (4..=8).contains(&number.len())
        && year
            .chars()
            .chain(number.chars())
            .all(|c| c.is_ascii_digit())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cycle_moves_one_phase_forward_only() {
        use CyclePhase::*;
        assert!(Preparing.can_become(Collecting));
        assert!(Collecting.can_become(Shortlisting));
        assert!(Shortlisting.can_become(Voting));
        assert!(Voting.can_become(Closed));
        assert!(!Preparing.can_become(Voting));
        assert!(!Closed.can_become(Voting));
        assert!(!Voting.can_become(Shortlisting));
        assert!(!Voting.can_become(Voting));
        for phase in CyclePhase::ALL {
            assert_eq!(CyclePhase::from_code(phase.code()), Some(phase));
        }
    }

    #[test]
    fn congresses_are_the_city_and_the_nine_districts() {
        assert!(is_congress("city"));
        assert!(is_congress("saihan"));
        assert!(!is_congress("City"));
        assert!(!is_congress(""));
    }

    #[test]
    fn a_ballot_chooses_each_candidate_once_and_at_most_the_places() {
        let ballot = |c: &[&str]| NewBallot {
            choices: c.iter().map(|s| (*s).to_owned()).collect(),
        };
        assert_eq!(ballot(&["b", "a"]).validate(2).unwrap(), ["a", "b"]);
        assert!(ballot(&[]).validate(2).unwrap().is_empty());
        assert!(ballot(&["a", "b", "c"]).validate(2).is_err());
        assert!(ballot(&["a", "a"]).validate(2).is_err());
    }

    #[test]
    fn tracking_numbers_have_their_form() {
        assert!(is_tracking_number("XM2026-0001"));
        assert!(!is_tracking_number("XM2026-001"));
        assert!(!is_tracking_number("YJ2026-0001"));
        assert!(!is_tracking_number("XM26-0001"));
        assert!(!is_tracking_number(&"9".repeat(300)));
    }

    #[test]
    fn a_candidate_needs_a_date_a_budget_and_its_proposals() {
        let good = NewCandidate {
            title: "老旧小区加装电梯".into(),
            summary: "为新城区二十个老旧小区加装电梯".into(),
            unit_id: "u-zjj".into(),
            budget_yuan: 5_000_000,
            target: "加装 40 部".into(),
            deadline: "2026-12-31".into(),
            proposals: vec!["XM2026-0001".into()],
        };
        assert!(good.validate().is_ok());
        let field = |c: NewCandidate| c.validate().unwrap_err().field::<ProjectField>();
        let mut bad = good.clone();
        bad.deadline = "2026-02-30".into();
        assert_eq!(field(bad), Some(ProjectField::Deadline));
        let mut bad = good.clone();
        bad.budget_yuan = 0;
        assert_eq!(field(bad), Some(ProjectField::BudgetYuan));
        let mut bad = good;
        bad.proposals.clear();
        assert_eq!(field(bad), Some(ProjectField::Proposals));
    }
}
