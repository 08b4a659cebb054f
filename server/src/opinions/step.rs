//! A staff step on an opinion as the handlers pass it to the chain, and why a step is refused.

use crate::opinions::store::WorkCalendar;
use deputy_homes_api::opinions::board::ReplyClass;
use deputy_homes_api::opinions::handling::{EventKind, RejectOpinion, StepField};
use deputy_homes_api::opinions::OpinionStatus;

/// A staff action and what it carries (validated by the route).
#[derive(Debug, Clone)]
pub enum Step<'a> {
    Accept {
        note: Option<&'a str>,
    },
    Reject(&'a RejectOpinion),
    /// `due_at_ms` is the end of the due day, computed from today and the calendar.
    Assign {
        unit_ids: &'a [String],
        note: Option<&'a str>,
        due_at_ms: i64,
    },
    Acknowledge {
        note: Option<&'a str>,
    },
    Reply {
        class: ReplyClass,
        text: &'a str,
    },
    /// Moves the deadline later, at most `max_working_days` after the assignment.
    Extend {
        reason: &'a str,
        to: ExtendTo,
        calendar: &'a WorkCalendar,
        max_working_days: u32,
    },
    Publish {
        note: Option<&'a str>,
    },
    Close {
        note: Option<&'a str>,
    },
    Note {
        text: &'a str,
    },
}

impl Step<'_> {
    pub(crate) fn kind(&self) -> EventKind {
        match self {
            Step::Accept { .. } => EventKind::Accepted,
            Step::Reject(_) => EventKind::Rejected,
            Step::Assign { .. } => EventKind::Assigned,
            Step::Acknowledge { .. } => EventKind::Acknowledged,
            Step::Reply { .. } => EventKind::Replied,
            Step::Extend { .. } => EventKind::Extended,
            Step::Publish { .. } => EventKind::Published,
            Step::Close { .. } => EventKind::Closed,
            Step::Note { .. } => EventKind::Note,
        }
    }

    /// The status this step leads to; `None` for a step that keeps the status.
    pub(crate) fn target(&self) -> Option<OpinionStatus> {
        Some(match self {
            Step::Accept { .. } => OpinionStatus::Accepted,
            Step::Reject(_) => OpinionStatus::Rejected,
            Step::Assign { .. } => OpinionStatus::Assigned,
            Step::Acknowledge { .. } => OpinionStatus::Acknowledged,
            Step::Reply { .. } => OpinionStatus::Replied,
            Step::Publish { .. } => OpinionStatus::Published,
            Step::Close { .. } => OpinionStatus::Closed,
            Step::Extend { .. } | Step::Note { .. } => return None,
        })
    }

    /// The audit action's name, e.g. `opinion.accept`.
    pub(crate) fn action(&self) -> &'static str {
        match self {
            Step::Accept { .. } => "opinion.accept",
            Step::Reject(_) => "opinion.reject",
            Step::Assign { .. } => "opinion.assign",
            Step::Acknowledge { .. } => "opinion.acknowledge",
            Step::Reply { .. } => "opinion.reply",
            Step::Extend { .. } => "opinion.extend",
            Step::Publish { .. } => "opinion.publish",
            Step::Close { .. } => "opinion.close",
            Step::Note { .. } => "opinion.note",
        }
    }
}

/// Where an extension moves the due date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExtendTo {
    /// To this Hohhot day count.
    Day(i64),
    /// This many working days past the current due date.
    WorkingDays(u32),
}

/// Why a step was not taken.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum StepRefusal {
    NotFound,
    /// The chain does not go from `from` to this step.
    NotAllowed {
        from: OpinionStatus,
    },
    /// The citizen did not allow the opinion to be published.
    PublishNotAllowed(String),
    /// A named input is wrong (e.g. an unknown unit).
    BadParameter {
        field: StepField,
        message: String,
    },
}
