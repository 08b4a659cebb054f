//! The SQL of sample data: many rows written with multi-row `INSERT`s inside one transaction,
//! the marker that the living sample was made, and the deletion of every sample row when the
//! official register is imported.

use crate::platform::db::{Backend, Tx};
use sqlx::Row;
use std::collections::HashMap;
use std::fmt::Write;

/// Most parameters one statement binds: SQLite allows 32,766, PostgreSQL 65,535.
const MAX_BINDS: usize = 30_000;

/// One column's value in a generated row.
#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Text(String),
    Int(i64),
    /// A NULL in a text column.
    NoText,
    /// A NULL in an integer column (PostgreSQL wants the parameter's type to match).
    NoInt,
}

impl From<&str> for Value {
    fn from(text: &str) -> Value {
        Value::Text(text.to_owned())
    }
}

impl From<String> for Value {
    fn from(text: String) -> Value {
        Value::Text(text)
    }
}

impl From<i64> for Value {
    fn from(number: i64) -> Value {
        Value::Int(number)
    }
}

impl From<Option<String>> for Value {
    fn from(text: Option<String>) -> Value {
        text.map_or(Value::NoText, Value::Text)
    }
}

impl From<Option<i64>> for Value {
    fn from(number: Option<i64>) -> Value {
        number.map_or(Value::NoInt, Value::Int)
    }
}

/// Rows for one table, in the order of `columns`.
#[derive(Debug, Clone)]
pub struct Rows {
    pub table: &'static str,
    pub columns: &'static [&'static str],
    pub rows: Vec<Vec<Value>>,
}

impl Rows {
    /// No rows yet for this table.
    pub fn new(table: &'static str, columns: &'static [&'static str]) -> Rows {
        Rows {
            table,
            columns,
            rows: Vec::new(),
        }
    }

    /// Adds a row; it must have one value per column.
    pub fn push(&mut self, row: Vec<Value>) {
        debug_assert_eq!(row.len(), self.columns.len(), "a row of {}", self.table);
        self.rows.push(row);
    }
}

/// Inserts the rows with as few statements as the databases' parameter limits allow. SQLite
/// gets anonymous `?` parameters: finding a numbered one's name scans the names before it, so
/// binding a statement of 30,000 numbered parameters took seconds.
pub(crate) async fn insert_all(tx: &mut Tx, backend: Backend, rows: &Rows) -> anyhow::Result<()> {
    let width = rows.columns.len();
    for chunk in rows.rows.chunks((MAX_BINDS / width).max(1)) {
        let mut sql = format!(
            "INSERT INTO {} ({}) VALUES ",
            rows.table,
            rows.columns.join(", ")
        );
        for (r, _) in chunk.iter().enumerate() {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for c in 0..width {
                let sep = if c == 0 { "" } else { ", " };
                match backend {
                    Backend::Sqlite => write!(sql, "{sep}?")?,
                    Backend::Postgres => write!(sql, "{sep}${}", r * width + c + 1)?,
                }
            }
            sql.push(')');
        }
        let mut query = sqlx::query(&sql).persistent(false);
        for value in chunk.iter().flatten() {
            query = match value {
                Value::Text(text) => query.bind(text.as_str()),
                Value::Int(number) => query.bind(*number),
                Value::NoText => query.bind(None::<String>),
                Value::NoInt => query.bind(None::<i64>),
            };
        }
        query.execute(&mut **tx).await?;
    }
    Ok(())
}

/// Marks the living sample as made for the sample register in place. False when the register is
/// official, or the sample was made already (by an earlier start, or another server now).
pub(crate) async fn claim_living_sample(tx: &mut Tx, now_ms: i64) -> anyhow::Result<bool> {
    let claimed = sqlx::query(
        "UPDATE register_meta SET sample_data_at_ms = $1 \
         WHERE id = 1 AND sample = 1 AND sample_data_at_ms IS NULL",
    )
    .bind(now_ms)
    .execute(&mut **tx)
    .await?;
    Ok(claimed.rows_affected() == 1)
}

/// Whether any sample activity or opinion is stored (a sample register imported again keeps
/// the sample made for the one before).
pub(crate) async fn sample_rows_exist(tx: &mut Tx) -> anyhow::Result<bool> {
    let found: Option<i64> = sqlx::query_scalar(
        "SELECT 1 FROM activities WHERE sample = 1 \
         UNION ALL SELECT 1 FROM opinions WHERE sample = 1 LIMIT 1",
    )
    .fetch_optional(&mut **tx)
    .await?;
    Ok(found.is_some())
}

/// The ids of the active handling units, in id order.
pub(crate) async fn active_unit_ids(tx: &mut Tx) -> anyhow::Result<Vec<String>> {
    Ok(
        sqlx::query_scalar("SELECT id FROM handling_units WHERE active = 1 ORDER BY id")
            .fetch_all(&mut **tx)
            .await?,
    )
}

/// The tracking numbers' day counters (`day:20261128`) as they stand.
pub(crate) async fn day_counters(tx: &mut Tx) -> anyhow::Result<HashMap<String, i64>> {
    sqlx::query("SELECT name, value FROM opinion_counters WHERE name LIKE 'day:%'")
        .fetch_all(&mut **tx)
        .await?
        .iter()
        .map(|row| Ok((row.try_get("name")?, row.try_get("value")?)))
        .collect()
}

/// Raises the day counters to the sequences sample opinions took, so the next real opinion of
/// such a day gets the number after them.
pub(crate) async fn raise_day_counters(
    tx: &mut Tx,
    counters: &[(String, i64)],
    now_ms: i64,
) -> anyhow::Result<()> {
    for (name, value) in counters {
        sqlx::query(
            "INSERT INTO opinion_counters (name, value, updated_at_ms) VALUES ($1, $2, $3) \
             ON CONFLICT (name) DO UPDATE SET value = CASE WHEN excluded.value > \
             opinion_counters.value THEN excluded.value ELSE opinion_counters.value END, \
             updated_at_ms = excluded.updated_at_ms",
        )
        .bind(name)
        .bind(*value)
        .bind(now_ms)
        .execute(&mut **tx)
        .await?;
    }
    Ok(())
}

/// The audit log's largest sequence number so far.
pub(crate) async fn last_audit_seq(tx: &mut Tx) -> anyhow::Result<i64> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(seq), 0) FROM audit_log")
            .fetch_one(&mut **tx)
            .await?,
    )
}

/// Deletes every sample row: activities with their bookings, duty and records; opinions with
/// their timelines, units and audit entries (invented steps by invented staff). Real opinions
/// that named a sample one as their near duplicate forget it. Runs inside the import's
/// transaction, before the demonstration accounts the sample rows point at are deleted.
pub(crate) async fn delete_sample_data(tx: &mut Tx) -> anyhow::Result<()> {
    let sample_activities = "SELECT id FROM activities WHERE sample = 1";
    let sample_opinions = "SELECT id FROM opinions WHERE sample = 1";
    let sample_numbers = "SELECT tracking_number FROM opinions WHERE sample = 1";
    let statements = [
        format!("DELETE FROM bookings WHERE activity_id IN ({sample_activities})"),
        format!("DELETE FROM reception_records WHERE activity_id IN ({sample_activities})"),
        format!("DELETE FROM activity_duty WHERE activity_id IN ({sample_activities})"),
        "DELETE FROM activities WHERE sample = 1".to_owned(),
        format!("DELETE FROM opinion_events WHERE opinion_id IN ({sample_opinions})"),
        format!("DELETE FROM opinion_units WHERE opinion_id IN ({sample_opinions})"),
        format!("DELETE FROM audit_log WHERE target IN ({sample_numbers})"),
        format!(
            "UPDATE opinions SET near_duplicate_of = NULL \
             WHERE near_duplicate_of IN ({sample_numbers})"
        ),
        format!(
            "UPDATE opinions SET near_duplicate_at_home_of = NULL \
             WHERE near_duplicate_at_home_of IN ({sample_numbers})"
        ),
        "DELETE FROM opinions WHERE sample = 1".to_owned(),
    ];
    for statement in statements {
        sqlx::query(&statement).execute(&mut **tx).await?;
    }
    crate::platform::data_revisions::activities_changed(tx).await?;
    crate::opinions::store::revision::opinions_changed(tx).await
}
