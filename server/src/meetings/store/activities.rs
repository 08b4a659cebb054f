//! Activities and who is on duty; editing and cancelling them, which changes their bookings.

use crate::meetings::store::bookings::fill_from_waitlist;
use crate::meetings::store::texts::BookingTexts;
use crate::outbox::store::{activity_facts, enqueue, Recipient};
use crate::platform::data_revisions::activities_changed;
use crate::platform::db::Db;
use anyhow::Context;
use deputy_homes_api::meetings::activity::{Activity, ActivityKind, Occurrence, OnDuty};
use deputy_homes_api::meetings::activity_query::ActivityFilter;
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};
use std::collections::HashMap;

/// What a new series of activities shares.
#[derive(Debug, Clone)]
pub struct NewSeries<'a> {
    pub home_id: &'a str,
    pub kind: ActivityKind,
    pub start_clock: &'a str,
    pub end_clock: &'a str,
    pub capacity: u32,
    pub topic: &'a str,
    pub on_duty: &'a [String],
    pub created_by: &'a str,
    pub now_ms: i64,
}

/// The new time, size and topic of an activity, checked by the caller.
#[derive(Debug, Clone)]
pub struct ActivityChange<'a> {
    pub date: &'a str,
    pub start_clock: &'a str,
    pub end_clock: &'a str,
    pub starts_at_ms: i64,
    pub ends_at_ms: i64,
    pub capacity: u32,
    pub topic: &'a str,
    /// The delegates on duty, or `None` to keep them.
    pub on_duty: Option<&'a [String]>,
    pub now_ms: i64,
}

/// What editing did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditOutcome {
    Edited,
    /// The activity was cancelled (or does not exist).
    Cancelled,
    /// The activity has started.
    Started,
    /// The new capacity is below the seats booked, which it holds.
    BelowBooked(i64),
}

/// The columns of an activity, its home's name joined (empty once the home left the register).
const ACTIVITY_SELECT: &str =
    "SELECT a.id, a.home_id, COALESCE(h.name_zh, '') AS home_name, a.kind, a.local_date, \
     a.start_clock, a.end_clock, a.starts_at_ms, a.ends_at_ms, a.capacity, a.booked_count, a.topic, \
     a.cancel_reason FROM activities a LEFT JOIN homes h ON h.id = a.home_id";

fn activity_from_row(row: &AnyRow, on_duty: Vec<OnDuty>) -> anyhow::Result<Activity> {
    let id: String = row.try_get("id")?;
    let kind: String = row.try_get("kind")?;
    let capacity: i64 = row.try_get("capacity")?;
    let booked: i64 = row.try_get("booked_count")?;
    Ok(Activity {
        home_id: row.try_get("home_id")?,
        home_name: row.try_get("home_name")?,
        kind: ActivityKind::from_code(&kind)
            .with_context(|| format!("activity {id} has unknown kind {kind}"))?,
        date: row.try_get("local_date")?,
        start: row.try_get("start_clock")?,
        end: row.try_get("end_clock")?,
        starts_at_ms: row.try_get("starts_at_ms")?,
        capacity: u32::try_from(capacity)?,
        seats_left: u32::try_from((capacity - booked).max(0))?,
        topic: row.try_get("topic")?,
        cancel_reason: row.try_get("cancel_reason")?,
        on_duty,
        id,
    })
}

/// `$first, $first+1, …` for `count` values.
fn placeholders(first: usize, count: usize) -> String {
    (first..first + count)
        .map(|n| format!("${n}"))
        .collect::<Vec<_>>()
        .join(", ")
}

impl Db {
    /// Activities from their rows, with the delegates on duty of all of them read in one query.
    async fn activities_from_rows(&self, rows: &[AnyRow]) -> anyhow::Result<Vec<Activity>> {
        if rows.is_empty() {
            return Ok(Vec::new());
        }
        let ids = rows
            .iter()
            .map(|r| r.try_get::<String, _>("id"))
            .collect::<Result<Vec<_>, _>>()?;
        let sql = format!(
            "SELECT d.activity_id, a.id, a.display_name FROM activity_duty d \
             JOIN accounts a ON a.id = d.account_id WHERE d.activity_id IN ({}) \
             ORDER BY a.display_name, a.id",
            placeholders(1, ids.len())
        );
        let mut query = sqlx::query(&sql);
        for id in &ids {
            query = query.bind(id);
        }
        let mut duty: HashMap<String, Vec<OnDuty>> = HashMap::new();
        for row in query.fetch_all(&self.pool).await? {
            duty.entry(row.try_get("activity_id")?)
                .or_default()
                .push(OnDuty {
                    account_id: row.try_get("id")?,
                    display_name: row.try_get("display_name")?,
                });
        }
        rows.iter()
            .zip(&ids)
            .map(|(row, id)| activity_from_row(row, duty.remove(id).unwrap_or_default()))
            .collect()
    }

    /// Stores every occurrence of a series in one transaction and returns their ids.
    pub async fn activities_insert(
        &self,
        series: &NewSeries<'_>,
        occurrences: &[Occurrence],
        new_id: impl Fn() -> String,
    ) -> anyhow::Result<Vec<String>> {
        let series_id = new_id();
        let mut ids = Vec::with_capacity(occurrences.len());
        let mut tx = self.begin().await?;
        for occurrence in occurrences {
            let id = new_id();
            sqlx::query(
                "INSERT INTO activities (id, home_id, kind, local_date, start_clock, end_clock, starts_at_ms, \
                 ends_at_ms, capacity, topic, series_id, created_by, created_at_ms) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)",
            )
            .bind(&id)
            .bind(series.home_id)
            .bind(series.kind.code())
            .bind(&occurrence.date)
            .bind(series.start_clock)
            .bind(series.end_clock)
            .bind(occurrence.starts_at_ms)
            .bind(occurrence.ends_at_ms)
            .bind(i64::from(series.capacity))
            .bind(series.topic)
            .bind(&series_id)
            .bind(series.created_by)
            .bind(series.now_ms)
            .execute(&mut *tx)
            .await?;
            for account_id in series.on_duty {
                sqlx::query("INSERT INTO activity_duty (activity_id, account_id) VALUES ($1, $2)")
                    .bind(&id)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await?;
            }
            ids.push(id);
        }
        activities_changed(&mut tx).await?;
        tx.commit().await?;
        Ok(ids)
    }

    /// Activities that have not ended by `now_ms` and pass the filter, soonest first, cancelled
    /// ones included; at most `limit` of them. With them, the moment the first of them ends (when
    /// the list moves on even if nothing changes), `None` when there are none.
    pub async fn activities_upcoming_until(
        &self,
        filter: &ActivityFilter,
        now_ms: i64,
        limit: Option<usize>,
    ) -> anyhow::Result<(Vec<Activity>, Option<i64>)> {
        let mut conditions = vec!["a.ends_at_ms > $1".to_owned()];
        let mut values: Vec<String> = Vec::new();
        let wanted = [
            ("h.district", filter.district.map(|d| d.code().to_owned())),
            ("a.kind", filter.kind.map(|k| k.code().to_owned())),
            ("a.local_date", filter.date.clone()),
            ("a.home_id", filter.home.clone()),
        ];
        for (column, value) in wanted {
            if let Some(value) = value {
                values.push(value);
                conditions.push(format!("{column} = ${}", values.len() + 1));
            }
        }
        let limit = limit.map(|n| format!(" LIMIT {n}")).unwrap_or_default();
        let sql = format!(
            "{ACTIVITY_SELECT} WHERE {} ORDER BY a.starts_at_ms, a.id{limit}",
            conditions.join(" AND ")
        );
        let mut query = sqlx::query(&sql).bind(now_ms);
        for value in &values {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&self.pool).await?;
        let mut first_end: Option<i64> = None;
        for row in &rows {
            let ends: i64 = row.try_get("ends_at_ms")?;
            first_end = Some(first_end.map_or(ends, |first| first.min(ends)));
        }
        Ok((self.activities_from_rows(&rows).await?, first_end))
    }

    /// One activity by id.
    pub async fn activity_by_id(&self, id: &str) -> anyhow::Result<Option<Activity>> {
        let row = sqlx::query(&format!("{ACTIVITY_SELECT} WHERE a.id = $1"))
            .bind(id)
            .fetch_optional(&self.pool)
            .await?;
        Ok(self
            .activities_from_rows(&row.into_iter().collect::<Vec<_>>())
            .await?
            .pop())
    }

    /// Cancels an activity unless it is cancelled already, and with it every live booking, each
    /// told why; says whether it did.
    pub async fn activity_cancel(
        &self,
        id: &str,
        reason: &str,
        now_ms: i64,
        texts: &dyn BookingTexts,
    ) -> anyhow::Result<bool> {
        let mut tx = self.begin().await?;
        // The update is also the lock that orders this with every booking of the activity.
        let done = sqlx::query(
            "UPDATE activities SET cancelled_at_ms = $1, cancel_reason = $2, booked_count = 0 \
             WHERE id = $3 AND cancelled_at_ms IS NULL",
        )
        .bind(now_ms)
        .bind(reason)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        activities_changed(&mut tx).await?;
        let live = live_bookings(&mut tx, id).await?;
        sqlx::query(
            "UPDATE bookings SET status = 'cancelled', updated_at_ms = $1 \
             WHERE activity_id = $2 AND status <> 'cancelled'",
        )
        .bind(now_ms)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        let facts = activity_facts(&mut tx, id).await?;
        for to in &live {
            let message = texts.activity_cancelled(&facts, &to.code, reason);
            enqueue(&mut tx, to, id, &message, now_ms).await?;
        }
        tx.commit().await?;
        Ok(true)
    }

    /// Changes an activity's time, size, topic and delegates on duty. Everyone booked or waiting
    /// is told when the time changes; a larger capacity goes to the waitlist in order.
    pub async fn activity_edit(
        &self,
        id: &str,
        change: &ActivityChange<'_>,
        texts: &dyn BookingTexts,
    ) -> anyhow::Result<EditOutcome> {
        let mut tx = self.begin().await?;
        let locked = sqlx::query(
            "UPDATE activities SET booked_count = booked_count WHERE id = $1 AND cancelled_at_ms IS NULL",
        )
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if locked.rows_affected() != 1 {
            return Ok(EditOutcome::Cancelled);
        }
        let before = sqlx::query(
            "SELECT local_date, start_clock, end_clock, starts_at_ms, booked_count FROM activities WHERE id = $1",
        )
        .bind(id)
        .fetch_one(&mut *tx)
        .await?;
        if before.try_get::<i64, _>("starts_at_ms")? <= change.now_ms {
            return Ok(EditOutcome::Started);
        }
        let booked: i64 = before.try_get("booked_count")?;
        if i64::from(change.capacity) < booked {
            return Ok(EditOutcome::BelowBooked(booked));
        }
        let old_time: (String, String, String) = (
            before.try_get("local_date")?,
            before.try_get("start_clock")?,
            before.try_get("end_clock")?,
        );
        sqlx::query(
            "UPDATE activities SET local_date = $1, start_clock = $2, end_clock = $3, starts_at_ms = $4, \
             ends_at_ms = $5, capacity = $6, topic = $7 WHERE id = $8",
        )
        .bind(change.date)
        .bind(change.start_clock)
        .bind(change.end_clock)
        .bind(change.starts_at_ms)
        .bind(change.ends_at_ms)
        .bind(i64::from(change.capacity))
        .bind(change.topic)
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if let Some(on_duty) = change.on_duty {
            sqlx::query("DELETE FROM activity_duty WHERE activity_id = $1")
                .bind(id)
                .execute(&mut *tx)
                .await?;
            for account_id in on_duty {
                sqlx::query("INSERT INTO activity_duty (activity_id, account_id) VALUES ($1, $2)")
                    .bind(id)
                    .bind(account_id)
                    .execute(&mut *tx)
                    .await?;
            }
        }
        let new_time = (change.date, change.start_clock, change.end_clock);
        if (
            old_time.0.as_str(),
            old_time.1.as_str(),
            old_time.2.as_str(),
        ) != new_time
        {
            let facts = activity_facts(&mut tx, id).await?;
            for to in live_bookings(&mut tx, id).await? {
                let message = texts.change(&facts, &to.code, to.status);
                enqueue(&mut tx, &to, id, &message, change.now_ms).await?;
            }
        }
        fill_from_waitlist(&mut tx, id, change.now_ms, texts).await?;
        activities_changed(&mut tx).await?;
        tx.commit().await?;
        Ok(EditOutcome::Edited)
    }
}

/// The booked and waitlisted bookings of an activity, in waitlist order.
async fn live_bookings(
    conn: &mut AnyConnection,
    activity_id: &str,
) -> anyhow::Result<Vec<Recipient>> {
    sqlx::query(
        "SELECT code, phone, status FROM bookings WHERE activity_id = $1 AND status <> 'cancelled' ORDER BY seq",
    )
    .bind(activity_id)
    .fetch_all(conn)
    .await?
    .iter()
    .map(Recipient::from_row)
    .collect()
}
