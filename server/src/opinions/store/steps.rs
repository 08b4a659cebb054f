//! The SQL of the staff's steps on an opinion: lock and read its row, and write each step's
//! changes, inside the transaction `opinions::chain` opens (the chain decides; this writes).
//! Also revealing a contact's phone, counted and audited in one transaction.

use crate::opinions::store::counters;
use crate::opinions::store::queue::status_of;
use crate::platform::audit::{audit_write, Audit};
use crate::platform::db::{Db, Tx};
use deputy_homes_api::opinions::board::ReplyClass;
use deputy_homes_api::opinions::OpinionStatus;
use sqlx::Row;
use std::collections::BTreeMap;

/// The locked opinion's facts a step needs.
#[derive(Debug, Clone)]
pub struct Locked {
    pub id: String,
    pub tracking_number: String,
    /// The contact's phone in full; `None` when anonymous.
    pub contact_phone: Option<String>,
    pub status: OpinionStatus,
    pub allow_publish: bool,
    pub due_at_ms: Option<i64>,
    pub assigned_at_ms: Option<i64>,
}

/// Locks the opinion's row (a no-op `UPDATE`, so two staff acting at once take turns) and reads
/// it; `None` when no opinion has this tracking number.
pub(crate) async fn lock(tx: &mut Tx, tracking_number: &str) -> anyhow::Result<Option<Locked>> {
    let locked =
        sqlx::query("UPDATE opinions SET updated_at_ms = updated_at_ms WHERE tracking_number = $1")
            .bind(tracking_number)
            .execute(&mut **tx)
            .await?;
    if locked.rows_affected() == 0 {
        return Ok(None);
    }
    let row = sqlx::query(
        "SELECT id, tracking_number, contact_phone, status, allow_publish, due_at_ms, \
         assigned_at_ms FROM opinions WHERE tracking_number = $1",
    )
    .bind(tracking_number)
    .fetch_one(&mut **tx)
    .await?;
    Ok(Some(Locked {
        id: row.try_get("id")?,
        tracking_number: row.try_get("tracking_number")?,
        contact_phone: row.try_get("contact_phone")?,
        status: status_of(&row.try_get::<String, _>("status")?)?,
        allow_publish: row.try_get::<i64, _>("allow_publish")? != 0,
        due_at_ms: row.try_get("due_at_ms")?,
        assigned_at_ms: row.try_get("assigned_at_ms")?,
    }))
}

/// Writes the opinion's new status.
pub(crate) async fn set_status(
    tx: &mut Tx,
    id: &str,
    status: OpinionStatus,
    now_ms: i64,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE opinions SET status = $2, updated_at_ms = $3 WHERE id = $1")
        .bind(id)
        .bind(status.code())
        .bind(now_ms)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Marks the opinion published on the public board.
pub(crate) async fn set_published(tx: &mut Tx, id: &str, now_ms: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE opinions SET published_at_ms = $2 WHERE id = $1")
        .bind(id)
        .bind(now_ms)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Whether an opinion other than `except_id` has this tracking number.
pub(crate) async fn other_opinion_exists(
    tx: &mut Tx,
    tracking_number: &str,
    except_id: &str,
) -> anyhow::Result<bool> {
    let found: Option<String> =
        sqlx::query_scalar("SELECT id FROM opinions WHERE tracking_number = $1 AND id <> $2")
            .bind(tracking_number)
            .bind(except_id)
            .fetch_optional(&mut **tx)
            .await?;
    Ok(found.is_some())
}

/// Stores why the opinion was not accepted.
pub(crate) async fn set_rejected(
    tx: &mut Tx,
    id: &str,
    reason: &str,
    duplicate_of: Option<&str>,
    message: &str,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE opinions SET reject_reason = $2, duplicate_of = $3, reject_message = $4 \
         WHERE id = $1",
    )
    .bind(id)
    .bind(reason)
    .bind(duplicate_of)
    .bind(message)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Whether a handling unit exists and is active.
pub(crate) async fn unit_is_active(tx: &mut Tx, unit_id: &str) -> anyhow::Result<bool> {
    let active: Option<i64> = sqlx::query_scalar("SELECT active FROM handling_units WHERE id = $1")
        .bind(unit_id)
        .fetch_optional(&mut **tx)
        .await?;
    Ok(active == Some(1))
}

/// Gives the opinion to one more handling unit.
pub(crate) async fn add_unit(
    tx: &mut Tx,
    id: &str,
    unit_id: &str,
    now_ms: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO opinion_units (opinion_id, unit_id, assigned_at_ms) VALUES ($1, $2, $3)",
    )
    .bind(id)
    .bind(unit_id)
    .bind(now_ms)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Stores when the opinion was assigned and its deadline.
pub(crate) async fn set_assigned(
    tx: &mut Tx,
    id: &str,
    now_ms: i64,
    due_at_ms: i64,
) -> anyhow::Result<()> {
    sqlx::query("UPDATE opinions SET assigned_at_ms = $2, due_at_ms = $3 WHERE id = $1")
        .bind(id)
        .bind(now_ms)
        .bind(due_at_ms)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

/// Stores the reply the citizen reads.
pub(crate) async fn set_reply(
    tx: &mut Tx,
    id: &str,
    class: ReplyClass,
    text: &str,
    now_ms: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "UPDATE opinions SET reply_class = $2, reply_text = $3, replied_at_ms = $4 WHERE id = $1",
    )
    .bind(id)
    .bind(class.code())
    .bind(text)
    .bind(now_ms)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// Moves the opinion's deadline.
pub(crate) async fn set_due(tx: &mut Tx, id: &str, due_at_ms: i64) -> anyhow::Result<()> {
    sqlx::query("UPDATE opinions SET due_at_ms = $2 WHERE id = $1")
        .bind(id)
        .bind(due_at_ms)
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Db {
    /// The contact's phone in full, with an audit entry of the reveal, counted against the
    /// hourly `limit` of the counter named `counter` (the staff member's reveals this hour). A
    /// refused reveal, or one of an opinion with no phone, counts nothing and is not audited.
    pub async fn opinion_reveal_phone(
        &self,
        tracking_number: &str,
        actor: &str,
        (counter, limit): (&str, i64),
        now_ms: i64,
    ) -> anyhow::Result<RevealOutcome> {
        let mut tx = self.begin().await?;
        let phone: Option<Option<String>> =
            sqlx::query_scalar("SELECT contact_phone FROM opinions WHERE tracking_number = $1")
                .bind(tracking_number)
                .fetch_optional(&mut *tx)
                .await?;
        let phone = match phone {
            None => return Ok(RevealOutcome::NotFound),
            Some(None) => return Ok(RevealOutcome::NoPhone),
            Some(Some(phone)) => phone,
        };
        if counters::bump(&mut tx, counter, now_ms).await? > limit {
            tx.rollback().await?;
            return Ok(RevealOutcome::LimitReached);
        }
        audit_write(
            &mut tx,
            &Audit {
                actor,
                at_ms: now_ms,
                action: "opinion.reveal_phone",
                target: tracking_number,
                details: BTreeMap::new(),
            },
        )
        .await?;
        tx.commit().await?;
        Ok(RevealOutcome::Revealed(phone))
    }
}

/// What asking for a contact's phone found.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RevealOutcome {
    /// The phone in full (the reveal is audited).
    Revealed(String),
    /// No opinion has this tracking number.
    NotFound,
    /// The opinion is anonymous, or its contact was erased after the retention period.
    NoPhone,
    /// The staff member revealed as many phones as allowed this hour.
    LimitReached,
}
