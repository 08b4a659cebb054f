//! The opinion's timeline: one event row per step, written inside the step's transaction.

use deputy_homes_api::opinions::handling::EventKind;
use deputy_homes_api::opinions::OpinionStatus;
use sqlx::{Any, Transaction};

/// Inserts a timeline event.
#[expect(clippy::too_many_arguments, reason = "one row's columns")]
pub(crate) async fn insert_event(
    tx: &mut Transaction<'_, Any>,
    opinion_id: &str,
    kind: EventKind,
    status: OpinionStatus,
    actor: &str,
    note: Option<&str>,
    internal_note: Option<&str>,
    at_ms: i64,
) -> anyhow::Result<()> {
    let kind = serde_json::to_value(kind)?;
    sqlx::query(
        "INSERT INTO opinion_events (id, opinion_id, kind, status, actor, note, internal_note, at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(crate::platform::ids::random_id())
    .bind(opinion_id)
    .bind(kind.as_str().unwrap_or_default())
    .bind(status.code())
    .bind(actor)
    .bind(note)
    .bind(internal_note)
    .bind(at_ms)
    .execute(&mut **tx)
    .await?;
    // Every step, submission and rating writes an event: the statistics' data changed.
    super::revision::opinions_changed(tx).await
}
