//! How often a citizen may change bookings (book, cancel, move): per phone per day and per
//! client address per hour, counted in `booking_changes` inside the change's own transaction, so
//! a refused or rolled-back change counts nothing and every server sees the same count.

use crate::platform::db::{take_turns, Backend};
use crate::platform::ids::random_id;
use crate::platform::rate_limits::wait_before_next;
use sqlx::AnyConnection;

const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 86_400_000;

/// Who changes a booking, and how often they may.
#[derive(Debug, Clone, Copy)]
pub struct ChangeLimits<'a> {
    /// The verified phone that changes.
    pub phone: &'a str,
    /// The client address's hash (the address itself is not kept).
    pub address_key: &'a str,
    /// Most changes per phone in any 24 hours.
    pub per_phone_day: i64,
    /// Most changes per address in any hour.
    pub per_address_hour: i64,
}

/// What counting a change found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Counted {
    /// Counted; the change may go on.
    Yes,
    /// One limit is reached: try again after this many milliseconds.
    TooOften { wait_ms: i64 },
}

fn most(limit: i64) -> usize {
    usize::try_from(limit).unwrap_or(usize::MAX)
}

/// Takes turns with every other change of the phone and the address (on PostgreSQL an advisory
/// lock on each, the phone first; SQLite let this transaction in as the only writer already),
/// counts their changes in the last day and hour, and records this one unless a limit is
/// reached. Called first in a change's transaction, before any activity's row is locked, so the
/// order of locks is the same in every change. The first key, 19, is this migration's number.
pub(crate) async fn count_change(
    conn: &mut AnyConnection,
    backend: Backend,
    limits: &ChangeLimits<'_>,
    now_ms: i64,
) -> anyhow::Result<Counted> {
    take_turns(conn, backend, 19, &[limits.phone, limits.address_key]).await?;
    let by_phone: Vec<i64> = sqlx::query_scalar(
        "SELECT changed_at_ms FROM booking_changes WHERE phone = $1 AND changed_at_ms > $2 \
         ORDER BY changed_at_ms",
    )
    .bind(limits.phone)
    .bind(now_ms - DAY_MS)
    .fetch_all(&mut *conn)
    .await?;
    let by_address: Vec<i64> = sqlx::query_scalar(
        "SELECT changed_at_ms FROM booking_changes WHERE address_key = $1 AND changed_at_ms > $2 \
         ORDER BY changed_at_ms",
    )
    .bind(limits.address_key)
    .bind(now_ms - HOUR_MS)
    .fetch_all(&mut *conn)
    .await?;
    let wait = [
        wait_before_next(&by_phone, &[(DAY_MS, most(limits.per_phone_day))], now_ms),
        wait_before_next(
            &by_address,
            &[(HOUR_MS, most(limits.per_address_hour))],
            now_ms,
        ),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(wait_ms) = wait {
        return Ok(Counted::TooOften { wait_ms });
    }
    sqlx::query(
        "INSERT INTO booking_changes (id, phone, address_key, changed_at_ms) \
         VALUES ($1, $2, $3, $4)",
    )
    .bind(random_id())
    .bind(limits.phone)
    .bind(limits.address_key)
    .bind(now_ms)
    .execute(&mut *conn)
    .await?;
    Ok(Counted::Yes)
}
