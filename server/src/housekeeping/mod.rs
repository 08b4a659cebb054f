//! Housekeeping: a worker that, every hour or so, deletes what is kept only for a while and
//! erases citizens' personal data once its retention period is over (PIPL art. 19 and 47: keep
//! it no longer than the purpose needs, then delete it):
//!
//! - photos no opinion took within 24 h of their upload;
//! - idempotency keys older than 24 h (see [`IDEMPOTENCY_KEY_MS`]);
//! - hourly rate-limit counters of past hours (see [`crate::platform::rate_limits`]);
//! - for opinions whose handling ended (rejected, published or closed) longer ago than the
//!   retention period: the contact's name and phone, the location and the photos; the text,
//!   category, home, status, timeline, reply and rating stay, so the public board, statistics
//!   and the status page by private token still work;
//! - for bookings of activities that ended longer ago than that: name, phone and topic (the row
//!   stays, with its status, access needs and check-in, for the delegates' yearly counts);
//! - sent and given-up text messages older than that.
//!
//! A pass is one transaction that first locks a row of its own, so several servers may run the
//! worker on one database: their passes take turns and a later one finds nothing to do. A pass
//! that changed something writes one audit entry by the actor `system` with its counts.

pub mod store;

pub use store::{Cutoffs, Pass};

use crate::platform::db::Db;
use std::collections::BTreeMap;
use std::time::Duration;

/// How long an uploaded photo waits for an opinion to take it.
pub const UNATTACHED_PHOTO_MS: i64 = 24 * 3_600_000;
/// How long a submission's `Idempotency-Key` is remembered. The app keeps a key only while the
/// form is open (in memory, one per filled-in form), so its retries come within seconds or
/// minutes of the first try; a day also covers a phone that lost the network and is retried
/// hours later (Stripe keeps its keys a day too; the IETF's Idempotency-Key draft asks that the
/// expiry be published, which README does). The key's row holds the receipt's private token in
/// clear, a reason not to keep it longer. A retry after a day makes a second opinion, which the
/// staff queue marks as a near duplicate.
pub const IDEMPOTENCY_KEY_MS: i64 = 24 * 3_600_000;
/// One day.
const DAY_MS: i64 = 86_400_000;

impl Cutoffs {
    /// The cutoffs of a pass at `now_ms` that keeps personal data `retention_days` days.
    pub fn at(now_ms: i64, retention_days: u32) -> Cutoffs {
        Cutoffs {
            photos_before_ms: now_ms - UNATTACHED_PHOTO_MS,
            idempotency_keys_before_ms: now_ms - IDEMPOTENCY_KEY_MS,
            counters_before_ms: crate::platform::rate_limits::hour_start_ms(now_ms),
            personal_data_before_ms: now_ms - i64::from(retention_days) * DAY_MS,
            retention_days,
        }
    }
}

impl Pass {
    /// Whether the pass changed nothing.
    pub fn is_empty(&self) -> bool {
        *self == Pass::default()
    }

    /// Whether the pass deleted or erased anything that can hold personal data (photos,
    /// contacts, bookings, messages). Only such passes are audited: removing stale counters,
    /// idempotency keys and expired sessions, which nearly every hourly pass does, would bury the
    /// log.
    pub fn touched_personal_data(&self) -> bool {
        Pass {
            idempotency_keys: 0,
            counters: 0,
            expired_sessions: 0,
            ..*self
        } != Pass::default()
    }

    /// The counts as the audit entry's details.
    pub fn audit_details(&self, cutoffs: &Cutoffs) -> BTreeMap<String, String> {
        [
            ("unattached_photos", self.unattached_photos),
            ("idempotency_keys", self.idempotency_keys),
            ("counters", self.counters),
            ("expired_sessions", self.expired_sessions),
            ("opinions_erased", self.opinions_erased),
            ("opinion_photos", self.opinion_photos),
            ("bookings_erased", self.bookings_erased),
            ("notifications", self.notifications),
            ("retention_days", u64::from(cutoffs.retention_days)),
        ]
        .into_iter()
        .map(|(key, value)| (key.to_owned(), value.to_string()))
        .collect()
    }
}

/// One pass at the time `now_ms`, keeping personal data `retention_days` days after the
/// handling of an opinion or an activity ended. Logs what it did (target `housekeeping`).
pub async fn run_once(db: &Db, retention_days: u32, now_ms: i64) -> anyhow::Result<Pass> {
    let pass = db
        .housekeeping_pass(&Cutoffs::at(now_ms, retention_days), now_ms)
        .await?;
    if pass.is_empty() {
        tracing::debug!(target: "housekeeping", "housekeeping pass: nothing to do");
    } else {
        tracing::info!(
            target: "housekeeping",
            unattached_photos = pass.unattached_photos,
            idempotency_keys = pass.idempotency_keys,
            counters = pass.counters,
            expired_sessions = pass.expired_sessions,
            opinions_erased = pass.opinions_erased,
            opinion_photos = pass.opinion_photos,
            bookings_erased = pass.bookings_erased,
            notifications = pass.notifications,
            retention_days,
            "housekeeping pass"
        );
    }
    Ok(pass)
}

/// Runs a pass every `interval` (the first at once) until the process ends, logging failures.
pub fn spawn_worker(
    db: Db,
    clock: crate::platform::clock::Clock,
    retention_days: u32,
    interval: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            if let Err(e) = run_once(&db, retention_days, clock.now_ms()).await {
                tracing::warn!(target: "housekeeping", error = format!("{e:#}"), "housekeeping pass failed");
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cutoffs_are_a_day_the_hours_start_and_the_retention_period_back() {
        let now = 1_000 * DAY_MS + 5 * 3_600_000 + 1_234;
        let cutoffs = Cutoffs::at(now, 1095);
        assert_eq!(cutoffs.photos_before_ms, now - DAY_MS);
        assert_eq!(cutoffs.idempotency_keys_before_ms, now - DAY_MS);
        assert_eq!(cutoffs.counters_before_ms, 1_000 * DAY_MS + 5 * 3_600_000);
        assert_eq!(cutoffs.personal_data_before_ms, now - 1095 * DAY_MS);
    }

    #[test]
    fn the_audit_details_name_every_count() {
        let pass = Pass {
            opinions_erased: 2,
            ..Pass::default()
        };
        let details = pass.audit_details(&Cutoffs::at(0, 30));
        assert_eq!(details["opinions_erased"], "2");
        assert_eq!(details["bookings_erased"], "0");
        assert_eq!(details["retention_days"], "30");
        assert_eq!(details["expired_sessions"], "0");
        assert_eq!(details.len(), 9);
    }
}
