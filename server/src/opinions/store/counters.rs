//! Counters in the database (`opinion_counters`): the hourly limits and the day's tracking-number
//! sequence, bumped inside the caller's transaction so a rolled-back request counts nothing.

use sqlx::{Any, Transaction};

/// Adds 1 to a counter (creating it at 1) and returns its new value.
pub(crate) async fn bump(
    tx: &mut Transaction<'_, Any>,
    name: &str,
    now_ms: i64,
) -> anyhow::Result<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO opinion_counters (name, value, updated_at_ms) VALUES ($1, 1, $2) \
         ON CONFLICT (name) DO UPDATE SET value = opinion_counters.value + 1, \
         updated_at_ms = excluded.updated_at_ms RETURNING value",
    )
    .bind(name)
    .bind(now_ms)
    .fetch_one(&mut **tx)
    .await?)
}
