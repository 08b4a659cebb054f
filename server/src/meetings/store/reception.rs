//! The roster of an activity, check-in at the door, reception records and yearly summaries.

use crate::platform::db::Db;
use anyhow::Context;
use deputy_homes_api::meetings::booking::BookingStatus;
use deputy_homes_api::meetings::reception::{ReceptionRecord, RosterEntry};
use sqlx::any::AnyRow;
use sqlx::Row;

/// What checking a booking in did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum CheckInOutcome {
    CheckedIn(RosterEntry),
    /// Checked in before, at this time.
    Already(i64),
    /// The booking is on the waitlist: it has no seat to check in to.
    Waitlisted,
    /// No live booking of this activity has the code.
    NotFound,
}

/// A record to store.
#[derive(Debug, Clone)]
pub struct RecordWrite<'a> {
    pub activity_id: &'a str,
    pub raised: &'a str,
    pub follow_up: &'a str,
    pub booking_codes: &'a [String],
    pub written_by: &'a str,
    pub now_ms: i64,
}

/// Counts behind a delegate's yearly summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct YearCounts {
    pub activities: i64,
    pub people_met: i64,
    pub records: i64,
}

const ROSTER_COLUMNS: &str = "code, name, phone, topic, access_needs, status, checked_in_at_ms";

fn roster_entry(row: &AnyRow) -> anyhow::Result<RosterEntry> {
    let code: String = row.try_get("code")?;
    let status: String = row.try_get("status")?;
    let needs: String = row.try_get("access_needs")?;
    Ok(RosterEntry {
        status: BookingStatus::from_code(&status)
            .with_context(|| format!("booking {code} has status {status}"))?,
        name: row.try_get("name")?,
        phone: row.try_get("phone")?,
        topic: row.try_get("topic")?,
        access_needs: serde_json::from_str(&needs)?,
        checked_in_at_ms: row.try_get("checked_in_at_ms")?,
        code,
    })
}

impl Db {
    /// Live bookings of an activity, phones in full: seated first, then the waitlist, each in
    /// booking order.
    pub async fn roster(&self, activity_id: &str) -> anyhow::Result<Vec<RosterEntry>> {
        sqlx::query(&format!(
            "SELECT {ROSTER_COLUMNS} FROM bookings WHERE activity_id = $1 AND status <> 'cancelled' \
             ORDER BY CASE status WHEN 'booked' THEN 0 ELSE 1 END, seq"
        ))
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(roster_entry)
        .collect()
    }

    /// Checks a seated booking of the activity in, once.
    pub async fn check_in(
        &self,
        activity_id: &str,
        code: &str,
        by: &str,
        now_ms: i64,
    ) -> anyhow::Result<CheckInOutcome> {
        let done = sqlx::query(
            "UPDATE bookings SET checked_in_at_ms = $1, checked_in_by = $2 WHERE activity_id = $3 \
             AND code = $4 AND status = 'booked' AND checked_in_at_ms IS NULL",
        )
        .bind(now_ms)
        .bind(by)
        .bind(activity_id)
        .bind(code)
        .execute(&self.pool)
        .await?
        .rows_affected()
            == 1;
        let row = sqlx::query(&format!(
            "SELECT {ROSTER_COLUMNS} FROM bookings WHERE activity_id = $1 AND code = $2 AND status <> 'cancelled'"
        ))
        .bind(activity_id)
        .bind(code)
        .fetch_optional(&self.pool)
        .await?;
        let Some(entry) = row.as_ref().map(roster_entry).transpose()? else {
            return Ok(CheckInOutcome::NotFound);
        };
        Ok(match (done, entry.status, entry.checked_in_at_ms) {
            (true, _, _) => CheckInOutcome::CheckedIn(entry),
            (false, BookingStatus::Waitlisted, _) => CheckInOutcome::Waitlisted,
            (false, _, Some(at)) => CheckInOutcome::Already(at),
            (false, _, None) => CheckInOutcome::NotFound,
        })
    }

    /// Whether anyone has been checked in at the activity.
    pub async fn activity_has_check_ins(&self, activity_id: &str) -> anyhow::Result<bool> {
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM bookings WHERE activity_id = $1 AND checked_in_at_ms IS NOT NULL",
        )
        .bind(activity_id)
        .fetch_one(&self.pool)
        .await?;
        Ok(n > 0)
    }

    /// Codes of the activity's live bookings.
    pub async fn live_codes_of_activity(&self, activity_id: &str) -> anyhow::Result<Vec<String>> {
        Ok(sqlx::query_scalar(
            "SELECT code FROM bookings WHERE activity_id = $1 AND status <> 'cancelled'",
        )
        .bind(activity_id)
        .fetch_all(&self.pool)
        .await?)
    }

    /// The activity's reception record, if one was written.
    pub async fn record_get(&self, activity_id: &str) -> anyhow::Result<Option<ReceptionRecord>> {
        let row = sqlx::query(
            "SELECT r.activity_id, r.raised, r.follow_up, r.booking_codes, r.written_by, \
             a.display_name, r.updated_at_ms FROM reception_records r \
             JOIN accounts a ON a.id = r.written_by WHERE r.activity_id = $1",
        )
        .bind(activity_id)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let codes: String = row.try_get("booking_codes")?;
        Ok(Some(ReceptionRecord {
            activity_id: row.try_get("activity_id")?,
            raised: row.try_get("raised")?,
            follow_up: row.try_get("follow_up")?,
            booking_codes: serde_json::from_str(&codes)?,
            written_by: row.try_get("written_by")?,
            written_by_name: row.try_get("display_name")?,
            updated_at_ms: row.try_get("updated_at_ms")?,
        }))
    }

    /// Writes (or rewrites) the activity's reception record.
    pub async fn record_put(&self, record: &RecordWrite<'_>) -> anyhow::Result<()> {
        let codes = serde_json::to_string(record.booking_codes)?;
        let mut tx = self.begin().await?;
        let updated = sqlx::query(
            "UPDATE reception_records SET raised = $1, follow_up = $2, booking_codes = $3, \
             written_by = $4, updated_at_ms = $5 WHERE activity_id = $6",
        )
        .bind(record.raised)
        .bind(record.follow_up)
        .bind(&codes)
        .bind(record.written_by)
        .bind(record.now_ms)
        .bind(record.activity_id)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if updated == 0 {
            sqlx::query(
                "INSERT INTO reception_records (activity_id, raised, follow_up, booking_codes, \
                 written_by, created_at_ms, updated_at_ms) VALUES ($1, $2, $3, $4, $5, $6, $6)",
            )
            .bind(record.activity_id)
            .bind(record.raised)
            .bind(record.follow_up)
            .bind(&codes)
            .bind(record.written_by)
            .bind(record.now_ms)
            .execute(&mut *tx)
            .await?;
        }
        tx.commit().await?;
        Ok(())
    }

    /// A delegate's counts for the activities starting in `[from_ms, to_ms)` that have started
    /// by `now_ms`, and the records they wrote in that span.
    pub async fn year_counts(
        &self,
        account_id: &str,
        from_ms: i64,
        to_ms: i64,
        now_ms: i64,
    ) -> anyhow::Result<YearCounts> {
        // One statement: the activities held are found once and counted, and their check-ins
        // counted through them (three statements found them twice: 8 ms on five years of data
        // on PostgreSQL, 3 ms as one).
        let row = sqlx::query(
            "WITH held AS (SELECT a.id FROM activity_duty d JOIN activities a ON a.id = d.activity_id \
             WHERE d.account_id = $1 AND a.cancelled_at_ms IS NULL AND a.starts_at_ms >= $2 \
             AND a.starts_at_ms < $3 AND a.starts_at_ms <= $4) \
             SELECT (SELECT COUNT(*) FROM held) AS activities, \
             (SELECT COUNT(*) FROM bookings b WHERE b.checked_in_at_ms IS NOT NULL \
             AND b.status = 'booked' AND b.activity_id IN (SELECT id FROM held)) AS people_met, \
             (SELECT COUNT(*) FROM reception_records WHERE written_by = $1 \
             AND created_at_ms >= $2 AND created_at_ms < $3) AS records",
        )
        .bind(account_id)
        .bind(from_ms)
        .bind(to_ms)
        .bind(now_ms)
        .fetch_one(&self.pool)
        .await?;
        let (activities, people_met, records): (i64, i64, i64) = (
            row.try_get("activities")?,
            row.try_get("people_met")?,
            row.try_get("records")?,
        );
        Ok(YearCounts {
            activities,
            people_met,
            records,
        })
    }
}
