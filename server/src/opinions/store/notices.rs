//! The text messages that tell an opinion's author of a staff step, enqueued in the step's own
//! transaction: a refused or rolled-back step tells of nothing, and a committed one is never
//! left untold.

use crate::opinions::store::queue::{due_date_text, units_of_opinion};
use crate::opinions::store::step::Step;
use crate::outbox::store::enqueue_about_opinion;
use deputy_homes_api::opinions::board::ReplyClass;
use deputy_homes_api::platform::outbox::NotificationKind;
use sqlx::{Any, Transaction};

/// A step of the chain that the opinion's author is told of.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpinionNotice<'a> {
    /// 受理.
    Accepted,
    /// 不予受理, with what staff told the citizen.
    Rejected { message: &'a str },
    /// 分办: the handling units' names and the due date (`YYYY-MM-DD`).
    Assigned {
        units: &'a [String],
        due_date: &'a str,
    },
    /// 答复, with the reply's class.
    Replied { class: ReplyClass },
    /// The due date moved to this day (`YYYY-MM-DD`).
    Extended { due_date: &'a str },
    /// 办结.
    Closed,
    /// 办结 by publishing it with its reply on the public board.
    Published,
}

impl OpinionNotice<'_> {
    /// The outbox's kind for this message.
    pub fn kind(&self) -> NotificationKind {
        match self {
            OpinionNotice::Accepted => NotificationKind::OpinionAccepted,
            OpinionNotice::Rejected { .. } => NotificationKind::OpinionRejected,
            OpinionNotice::Assigned { .. } => NotificationKind::OpinionAssigned,
            OpinionNotice::Replied { .. } => NotificationKind::OpinionReplied,
            OpinionNotice::Extended { .. } => NotificationKind::OpinionExtended,
            OpinionNotice::Closed => NotificationKind::OpinionClosed,
            OpinionNotice::Published => NotificationKind::OpinionPublished,
        }
    }
}

/// The wording of the texts about opinions; the feature's `messages` module supplies it, so
/// storage decides no words.
pub trait OpinionTexts: Send + Sync {
    /// The text about the opinion with this tracking number.
    fn text(&self, notice: &OpinionNotice<'_>, tracking_number: &str) -> String;
}

/// The opinion a step was taken on, as its message needs it.
pub(crate) struct Author<'a> {
    pub opinion_id: &'a str,
    pub tracking_number: &'a str,
    /// The contact's phone in full.
    pub phone: &'a str,
}

/// Enqueues the message about `step` for the author, unless it is a step they are not told of
/// (acknowledgement, an internal note). Call it after the step's changes, so the
/// units and the due date it quotes are the new ones.
pub(crate) async fn tell_author(
    tx: &mut Transaction<'_, Any>,
    author: &Author<'_>,
    step: &Step<'_>,
    now_ms: i64,
    texts: &dyn OpinionTexts,
) -> anyhow::Result<()> {
    let units: Vec<String>;
    let due_date: String;
    let notice = match step {
        Step::Accept { .. } => OpinionNotice::Accepted,
        Step::Reject(reject) => OpinionNotice::Rejected {
            message: &reject.message,
        },
        Step::Assign { .. } => {
            units = units_of_opinion(&mut **tx, author.opinion_id)
                .await?
                .into_iter()
                .map(|u| u.name)
                .collect();
            due_date = due_date_of(tx, author.opinion_id).await?;
            OpinionNotice::Assigned {
                units: &units,
                due_date: &due_date,
            }
        }
        Step::Reply { class, .. } => OpinionNotice::Replied { class: *class },
        Step::Extend { .. } => {
            due_date = due_date_of(tx, author.opinion_id).await?;
            OpinionNotice::Extended {
                due_date: &due_date,
            }
        }
        Step::Close { .. } => OpinionNotice::Closed,
        Step::Publish { .. } => OpinionNotice::Published,
        Step::Acknowledge { .. } | Step::Note { .. } => return Ok(()),
    };
    enqueue_about_opinion(
        tx,
        notice.kind(),
        author.tracking_number,
        author.phone,
        &texts.text(&notice, author.tracking_number),
        now_ms,
    )
    .await
}

/// The opinion's due date as it stands in the transaction, `YYYY-MM-DD`.
async fn due_date_of(tx: &mut Transaction<'_, Any>, opinion_id: &str) -> anyhow::Result<String> {
    let due_at_ms: Option<i64> = sqlx::query_scalar("SELECT due_at_ms FROM opinions WHERE id = $1")
        .bind(opinion_id)
        .fetch_one(&mut **tx)
        .await?;
    due_date_text(due_at_ms)
        .ok_or_else(|| anyhow::anyhow!("opinion {opinion_id} has no due date after its step"))
}
