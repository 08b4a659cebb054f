//! Activities and who is on duty.

use super::Db;
use anyhow::Context;
use deputy_homes_api::activity::{Activity, ActivityKind, Occurrence, OnDuty};
use sqlx::any::AnyRow;
use sqlx::Row;

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

const ACTIVITY_COLUMNS: &str =
    "id, home_id, kind, local_date, start_clock, end_clock, starts_at_ms, capacity, booked_count, \
     topic, cancel_reason, (SELECT h.name_zh FROM homes h WHERE h.id = activities.home_id) AS home_name";

impl Db {
    async fn activity_from_row(&self, row: &AnyRow) -> anyhow::Result<Activity> {
        let id: String = row.try_get("id")?;
        let kind: String = row.try_get("kind")?;
        let on_duty = sqlx::query(
            "SELECT a.id, a.display_name FROM activity_duty d JOIN accounts a ON a.id = d.account_id \
             WHERE d.activity_id = $1 ORDER BY a.display_name",
        )
        .bind(&id)
        .fetch_all(&self.pool)
        .await?
        .iter()
        .map(|r| Ok(OnDuty { account_id: r.try_get("id")?, display_name: r.try_get("display_name")? }))
        .collect::<anyhow::Result<Vec<_>>>()?;
        Ok(Activity {
            home_id: row.try_get("home_id")?,
            kind: ActivityKind::from_code(&kind)
                .with_context(|| format!("activity {id} has unknown kind {kind}"))?,
            date: row.try_get("local_date")?,
            start: row.try_get("start_clock")?,
            end: row.try_get("end_clock")?,
            starts_at_ms: row.try_get("starts_at_ms")?,
            capacity: u32::try_from(row.try_get::<i64, _>("capacity")?)?,
            seats_left: u32::try_from(
                (row.try_get::<i64, _>("capacity")? - row.try_get::<i64, _>("booked_count")?)
                    .max(0),
            )?,
            home_name: row
                .try_get::<Option<String>, _>("home_name")?
                .unwrap_or_default(),
            topic: row.try_get("topic")?,
            cancel_reason: row.try_get("cancel_reason")?,
            on_duty,
            id,
        })
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
        let mut tx = self.pool.begin().await?;
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
        tx.commit().await?;
        Ok(ids)
    }

    /// A home's activities that have not ended by `now_ms`, soonest first.
    pub async fn activities_upcoming_for_home(
        &self,
        home_id: &str,
        now_ms: i64,
    ) -> anyhow::Result<Vec<Activity>> {
        let rows = sqlx::query(&format!(
            "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE home_id = $1 AND ends_at_ms > $2 ORDER BY starts_at_ms, id"
        ))
        .bind(home_id)
        .bind(now_ms)
        .fetch_all(&self.pool)
        .await?;
        let mut activities = Vec::with_capacity(rows.len());
        for row in &rows {
            activities.push(self.activity_from_row(row).await?);
        }
        Ok(activities)
    }

    /// One activity by id.
    pub async fn activity_by_id(&self, id: &str) -> anyhow::Result<Option<Activity>> {
        let row = sqlx::query(&format!(
            "SELECT {ACTIVITY_COLUMNS} FROM activities WHERE id = $1"
        ))
        .bind(id)
        .fetch_optional(&self.pool)
        .await?;
        match row {
            None => Ok(None),
            Some(row) => Ok(Some(self.activity_from_row(&row).await?)),
        }
    }

    /// Cancels an activity unless it is cancelled already; says whether it did.
    pub async fn activity_cancel(
        &self,
        id: &str,
        reason: &str,
        now_ms: i64,
    ) -> anyhow::Result<bool> {
        let done = sqlx::query(
            "UPDATE activities SET cancelled_at_ms = $1, cancel_reason = $2 WHERE id = $3 AND cancelled_at_ms IS NULL",
        )
        .bind(now_ms)
        .bind(reason)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(done.rows_affected() == 1)
    }
}
