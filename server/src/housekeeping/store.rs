//! Housekeeping's deletions and erasures (see `crate::housekeeping`), in one transaction per
//! pass. The pass first locks the row of `housekeeping_lock` (a no-op `UPDATE`), so passes on
//! several servers take turns; every statement is a plain delete or update of what is past its
//! cutoff, so a pass that follows another finds nothing left. Rows a request may touch at the
//! same moment (an unattached photo being taken by a submission) are handled last, and whichever
//! of the two locks the row first wins: the other sees the row gone or taken.

use crate::photos::store::UNATTACHED;
use crate::platform::audit::{audit_write, Audit};
use crate::platform::db::Db;
use crate::platform::rate_limits::HourlyCounter;
use deputy_homes_api::opinions::handling::SYSTEM_ACTOR;
use deputy_homes_api::opinions::OpinionStatus;
use deputy_homes_api::platform::outbox::NotificationStatus;
use sqlx::{Any, Transaction};

/// Up to when each kind of row is kept: rows from before a cutoff go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cutoffs {
    /// Unattached photos uploaded before this are deleted.
    pub photos_before_ms: i64,
    /// Idempotency keys made before this are deleted.
    pub idempotency_keys_before_ms: i64,
    /// Hourly counters last bumped before this, the start of the current clock hour, are
    /// deleted (a counter is bumped only during the hour it counts).
    pub counters_before_ms: i64,
    /// Personal data of opinions and activities that ended before this is erased, and text
    /// messages sent before it are deleted.
    pub personal_data_before_ms: i64,
    /// The retention period the last cutoff comes from, for the audit entry.
    pub retention_days: u32,
}

/// What one pass deleted or erased: counts of rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    /// Photos no opinion took in time.
    pub unattached_photos: u64,
    pub idempotency_keys: u64,
    /// Rate-limit counters of past hours.
    pub counters: u64,
    /// Sign-in sessions and verified phones' sessions past their expiry (they open nothing any
    /// more); text-message codes older than a day go too.
    pub expired_sessions: u64,
    /// Opinions whose contact, location and photos were erased.
    pub opinions_erased: u64,
    /// Photos of those opinions.
    pub opinion_photos: u64,
    /// Bookings whose name, phone and topic were erased.
    pub bookings_erased: u64,
    /// Sent or given-up text messages.
    pub notifications: u64,
}

type Tx<'c> = Transaction<'c, Any>;

impl Db {
    /// Deletes and erases what is past the cutoffs, and audits the pass if it touched personal
    /// data.
    pub async fn housekeeping_pass(&self, cutoffs: &Cutoffs, now_ms: i64) -> anyhow::Result<Pass> {
        let mut tx = self.begin().await?;
        sqlx::query("UPDATE housekeeping_lock SET name = name WHERE name = 'pass'")
            .execute(&mut *tx)
            .await?;
        let idempotency_keys = execute(
            &mut tx,
            "DELETE FROM opinion_idempotency WHERE created_at_ms < $1",
            cutoffs.idempotency_keys_before_ms,
        )
        .await?
            + execute(
                &mut tx,
                "DELETE FROM booking_idempotency WHERE created_at_ms < $1",
                cutoffs.idempotency_keys_before_ms,
            )
            .await?;
        let counters = delete_past_counters(&mut tx, cutoffs.counters_before_ms).await?;
        let expired_sessions = execute(
            &mut tx,
            "DELETE FROM sessions WHERE expires_at_ms < $1",
            now_ms,
        )
        .await?
            + execute(
                &mut tx,
                "DELETE FROM citizen_sessions WHERE expires_at_ms < $1",
                now_ms,
            )
            .await?;
        // Codes and booking changes count towards the limits for a day; after that they are of
        // no use.
        let day_ago = now_ms - 86_400_000;
        let sql = "DELETE FROM verification_codes WHERE created_at_ms < $1";
        execute(&mut tx, sql, day_ago).await?;
        let sql = "DELETE FROM booking_changes WHERE changed_at_ms < $1";
        execute(&mut tx, sql, day_ago).await?;
        let opinions_erased = erase_ended_opinions(&mut tx, cutoffs, now_ms).await?;
        let opinion_photos = sqlx::query(
            "DELETE FROM photos WHERE opinion_id IN \
             (SELECT id FROM opinions WHERE personal_data_erased_at_ms IS NOT NULL)",
        )
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let bookings_erased = sqlx::query(
            "UPDATE bookings SET name = '', phone = '', topic = '', updated_at_ms = $2 \
             WHERE (name <> '' OR phone <> '' OR topic <> '') \
             AND activity_id IN (SELECT id FROM activities WHERE ends_at_ms < $1)",
        )
        .bind(cutoffs.personal_data_before_ms)
        .bind(now_ms)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let notifications = sqlx::query(
            "DELETE FROM notifications WHERE status IN ($2, $3) AND created_at_ms < $1",
        )
        .bind(cutoffs.personal_data_before_ms)
        .bind(NotificationStatus::Sent.code())
        .bind(NotificationStatus::Failed.code())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        let unattached_photos = execute(
            &mut tx,
            &format!("DELETE FROM photos WHERE {UNATTACHED} AND created_at_ms < $1"),
            cutoffs.photos_before_ms,
        )
        .await?;
        let pass = Pass {
            unattached_photos,
            idempotency_keys,
            counters,
            expired_sessions,
            opinions_erased,
            opinion_photos,
            bookings_erased,
            notifications,
        };
        if pass.touched_personal_data() {
            let entry = Audit {
                actor: SYSTEM_ACTOR,
                at_ms: now_ms,
                action: "housekeeping.pass",
                target: "housekeeping",
                details: pass.audit_details(cutoffs),
            };
            audit_write(&mut tx, &entry).await?;
        }
        tx.commit().await?;
        Ok(pass)
    }
}

/// Runs a statement with one time bound as `$1`; the rows it changed.
async fn execute(tx: &mut Tx<'_>, sql: &str, before_ms: i64) -> anyhow::Result<u64> {
    Ok(sqlx::query(sql)
        .bind(before_ms)
        .execute(&mut **tx)
        .await?
        .rows_affected())
}

/// Deletes the hourly rate-limit counters last bumped before `before_ms`. Other counters (the
/// day sequences of tracking numbers) stay: they are not limits, and a row a day is nothing.
async fn delete_past_counters(tx: &mut Tx<'_>, before_ms: i64) -> anyhow::Result<u64> {
    let kinds: Vec<String> = (0..HourlyCounter::ALL.len())
        .map(|i| format!("name LIKE ${}", i + 2))
        .collect();
    let sql = format!(
        "DELETE FROM opinion_counters WHERE updated_at_ms < $1 AND ({})",
        kinds.join(" OR ")
    );
    let mut query = sqlx::query(&sql).bind(before_ms);
    for kind in HourlyCounter::ALL {
        query = query.bind(format!("{}:%", kind.prefix()));
    }
    Ok(query.execute(&mut **tx).await?.rows_affected())
}

/// Erases the contact and location of every opinion whose handling ended (a final status,
/// reached before the cutoff) and that still holds a contact, a location or a photo; marks it
/// erased so its photos go next and the views can say so.
async fn erase_ended_opinions(
    tx: &mut Tx<'_>,
    cutoffs: &Cutoffs,
    now_ms: i64,
) -> anyhow::Result<u64> {
    let ended: Vec<&str> = OpinionStatus::ALL
        .into_iter()
        .filter(|s| s.next_steps().is_empty())
        .map(OpinionStatus::code)
        .collect();
    let placeholders: Vec<String> = (0..ended.len()).map(|i| format!("${}", i + 3)).collect();
    let sql = format!(
        "UPDATE opinions SET contact_name = NULL, contact_phone = NULL, lat = NULL, lon = NULL, \
         personal_data_erased_at_ms = COALESCE(personal_data_erased_at_ms, $2) \
         WHERE status IN ({}) \
         AND (contact_name IS NOT NULL OR contact_phone IS NOT NULL OR lat IS NOT NULL \
              OR lon IS NOT NULL OR EXISTS (SELECT 1 FROM photos p WHERE p.opinion_id = opinions.id)) \
         AND EXISTS (SELECT 1 FROM opinion_events e WHERE e.opinion_id = opinions.id \
              AND e.kind = opinions.status AND e.at_ms < $1)",
        placeholders.join(", ")
    );
    let mut query = sqlx::query(&sql)
        .bind(cutoffs.personal_data_before_ms)
        .bind(now_ms);
    for status in ended {
        query = query.bind(status);
    }
    Ok(query.execute(&mut **tx).await?.rows_affected())
}
