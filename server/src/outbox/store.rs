//! The outbox of text messages. Messages are enqueued by the booking and activity functions and
//! by the staff's steps on opinions, in the same transaction as the change they tell of; the
//! worker in `notify` claims and sends them.

use crate::meetings::store::texts::{ActivityFacts, BookingTexts};
use crate::platform::db::Db;
use crate::platform::ids::random_id;
use anyhow::Context;
use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::meetings::booking::BookingStatus;
use deputy_homes_api::platform::outbox::{Notification, NotificationKind, NotificationStatus};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// A message to send, with the phone in full.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outgoing {
    pub id: String,
    pub kind: NotificationKind,
    /// The booking it is about, for a booking's message.
    pub booking_code: Option<String>,
    /// The opinion it is about, for an opinion's message.
    pub tracking_number: Option<String>,
    pub phone: String,
    pub message: String,
    /// Attempts before this one.
    pub attempts: u32,
}

/// Who a message goes to: a booking's code, phone and status.
#[derive(Debug, Clone)]
pub(crate) struct Recipient {
    pub code: String,
    pub phone: String,
    pub status: BookingStatus,
}

impl Recipient {
    pub(crate) fn from_row(row: &AnyRow) -> anyhow::Result<Recipient> {
        let code: String = row.try_get("code")?;
        let status: String = row.try_get("status")?;
        Ok(Recipient {
            status: BookingStatus::from_code(&status)
                .with_context(|| format!("booking {code} has status {status}"))?,
            phone: row.try_get("phone")?,
            code,
        })
    }
}

/// The facts about an activity that messages quote, read inside the caller's transaction.
pub(crate) async fn activity_facts(
    conn: &mut AnyConnection,
    activity_id: &str,
) -> anyhow::Result<ActivityFacts> {
    let row = sqlx::query(
        "SELECT a.kind, a.local_date, a.start_clock, a.end_clock, COALESCE(h.name_zh, '') AS home_name, \
         COALESCE(h.address, '') AS address FROM activities a LEFT JOIN homes h ON h.id = a.home_id \
         WHERE a.id = $1",
    )
    .bind(activity_id)
    .fetch_one(conn)
    .await
    .with_context(|| format!("cannot read activity {activity_id}"))?;
    facts_from_row(&row)
}

fn facts_from_row(row: &AnyRow) -> anyhow::Result<ActivityFacts> {
    let kind: String = row.try_get("kind")?;
    Ok(ActivityFacts {
        kind: ActivityKind::from_code(&kind).with_context(|| format!("unknown kind {kind}"))?,
        date: row.try_get("local_date")?,
        start: row.try_get("start_clock")?,
        end: row.try_get("end_clock")?,
        home_name: row.try_get("home_name")?,
        address: row.try_get("address")?,
    })
}

/// Adds a pending message about a booking to the outbox, due now, in the caller's transaction.
pub(crate) async fn enqueue(
    conn: &mut AnyConnection,
    kind: NotificationKind,
    to: &Recipient,
    activity_id: &str,
    message: &str,
    now_ms: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO notifications (id, kind, booking_code, phone, activity_id, message, status, attempts, \
         next_attempt_at_ms, created_at_ms) VALUES ($1, $2, $3, $4, $5, $6, 'pending', 0, $7, $7)",
    )
    .bind(random_id())
    .bind(kind.code())
    .bind(&to.code)
    .bind(&to.phone)
    .bind(activity_id)
    .bind(message)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// Adds a pending message about an opinion to the outbox, due now, in the caller's transaction.
pub(crate) async fn enqueue_about_opinion(
    conn: &mut AnyConnection,
    kind: NotificationKind,
    tracking_number: &str,
    phone: &str,
    message: &str,
    now_ms: i64,
) -> anyhow::Result<()> {
    sqlx::query(
        "INSERT INTO notifications (id, kind, tracking_number, phone, message, status, attempts, \
         next_attempt_at_ms, created_at_ms) VALUES ($1, $2, $3, $4, $5, 'pending', 0, $6, $6)",
    )
    .bind(random_id())
    .bind(kind.code())
    .bind(tracking_number)
    .bind(phone)
    .bind(message)
    .bind(now_ms)
    .execute(conn)
    .await?;
    Ok(())
}

/// What a list of the outbox is narrowed to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MessagesAbout<'a> {
    /// The messages about the booking with this code.
    Booking(&'a str),
    /// The messages about the opinion with this tracking number.
    Opinion(&'a str),
}

fn notification_from_row(row: &AnyRow) -> anyhow::Result<Notification> {
    let id: String = row.try_get("id")?;
    let kind: String = row.try_get("kind")?;
    let status: String = row.try_get("status")?;
    Ok(Notification {
        kind: NotificationKind::from_code(&kind)
            .with_context(|| format!("notification {id} has kind {kind}"))?,
        status: NotificationStatus::from_code(&status)
            .with_context(|| format!("notification {id} has status {status}"))?,
        booking_code: row.try_get("booking_code")?,
        tracking_number: row.try_get("tracking_number")?,
        phone: row.try_get("phone")?,
        message: row.try_get("message")?,
        attempts: u32::try_from(row.try_get::<i64, _>("attempts")?)?,
        created_at_ms: row.try_get("created_at_ms")?,
        sent_at_ms: row.try_get("sent_at_ms")?,
        id,
    })
}

const NOTIFICATION_COLUMNS: &str = "id, kind, booking_code, tracking_number, phone, message, \
     status, attempts, created_at_ms, sent_at_ms";

impl Db {
    /// The newest messages first, all or those about one booking or opinion, with phones in
    /// full.
    pub async fn notifications_list(
        &self,
        about: Option<MessagesAbout<'_>>,
        limit: usize,
    ) -> anyhow::Result<Vec<Notification>> {
        let (filter, value) = match about {
            Some(MessagesAbout::Booking(code)) => ("WHERE booking_code = $1", Some(code)),
            Some(MessagesAbout::Opinion(tracking)) => {
                ("WHERE tracking_number = $1", Some(tracking))
            }
            None => ("", None),
        };
        let sql = format!(
            "SELECT {NOTIFICATION_COLUMNS} FROM notifications {filter} \
             ORDER BY created_at_ms DESC, id DESC LIMIT {limit}"
        );
        let mut query = sqlx::query(&sql);
        if let Some(value) = value {
            query = query.bind(value);
        }
        let rows = query.fetch_all(&self.pool).await?;
        rows.iter().map(notification_from_row).collect()
    }

    /// Enqueues the day-before reminder of every live booking whose activity starts after
    /// `now_ms` and no later than `until_ms`, once per booking and activity however often it
    /// runs, on however many servers; returns how many it enqueued.
    pub async fn notifications_enqueue_reminders(
        &self,
        now_ms: i64,
        until_ms: i64,
        texts: &dyn BookingTexts,
    ) -> anyhow::Result<usize> {
        let rows = sqlx::query(
            "SELECT b.code, b.phone, b.status, b.activity_id, a.kind, a.local_date, a.start_clock, \
             a.end_clock, COALESCE(h.name_zh, '') AS home_name, COALESCE(h.address, '') AS address \
             FROM bookings b JOIN activities a ON a.id = b.activity_id LEFT JOIN homes h ON h.id = a.home_id \
             WHERE b.status <> 'cancelled' AND a.cancelled_at_ms IS NULL AND a.starts_at_ms > $1 \
             AND a.starts_at_ms <= $2 AND NOT EXISTS (SELECT 1 FROM notifications n \
             WHERE n.dedupe_key = 'reminder:' || b.code || ':' || b.activity_id)",
        )
        .bind(now_ms)
        .bind(until_ms)
        .fetch_all(&self.pool)
        .await?;
        let mut enqueued = 0;
        for row in &rows {
            let to = Recipient::from_row(row)?;
            let activity_id: String = row.try_get("activity_id")?;
            let message = texts.reminder(&facts_from_row(row)?, &to.code, to.status);
            let done = sqlx::query(
                "INSERT INTO notifications (id, kind, booking_code, phone, activity_id, message, status, \
                 attempts, next_attempt_at_ms, created_at_ms, dedupe_key) \
                 VALUES ($1, 'reminder', $2, $3, $4, $5, 'pending', 0, $6, $6, $7) \
                 ON CONFLICT (dedupe_key) DO NOTHING",
            )
            .bind(random_id())
            .bind(&to.code)
            .bind(&to.phone)
            .bind(&activity_id)
            .bind(&message)
            .bind(now_ms)
            .bind(format!("reminder:{}:{activity_id}", to.code))
            .execute(&self.pool)
            .await?;
            enqueued += usize::try_from(done.rows_affected())?;
        }
        Ok(enqueued)
    }

    /// Pending messages due by `now_ms`, oldest due first.
    pub async fn notifications_due(
        &self,
        now_ms: i64,
        limit: usize,
    ) -> anyhow::Result<Vec<Outgoing>> {
        let rows = sqlx::query(&format!(
            "SELECT id, kind, booking_code, tracking_number, phone, message, attempts FROM notifications \
             WHERE status = 'pending' AND next_attempt_at_ms <= $1 \
             ORDER BY next_attempt_at_ms, created_at_ms, id LIMIT {limit}"
        ))
        .bind(now_ms)
        .fetch_all(&self.pool)
        .await?;
        rows.iter()
            .map(|row| {
                let kind: String = row.try_get("kind")?;
                Ok(Outgoing {
                    id: row.try_get("id")?,
                    kind: NotificationKind::from_code(&kind)
                        .with_context(|| format!("unknown notification kind {kind}"))?,
                    booking_code: row.try_get("booking_code")?,
                    tracking_number: row.try_get("tracking_number")?,
                    phone: row.try_get("phone")?,
                    message: row.try_get("message")?,
                    attempts: u32::try_from(row.try_get::<i64, _>("attempts")?)?,
                })
            })
            .collect()
    }

    /// Claims a due message for sending until `lease_until_ms`; true only for the one caller
    /// (of any server) whose update found it still pending and due.
    pub async fn notification_claim(
        &self,
        id: &str,
        now_ms: i64,
        lease_until_ms: i64,
    ) -> anyhow::Result<bool> {
        let claimed = sqlx::query(
            "UPDATE notifications SET next_attempt_at_ms = $1 \
             WHERE id = $2 AND status = 'pending' AND next_attempt_at_ms <= $3",
        )
        .bind(lease_until_ms)
        .bind(id)
        .bind(now_ms)
        .execute(&self.pool)
        .await?;
        Ok(claimed.rows_affected() == 1)
    }

    /// Records a message as sent.
    pub async fn notification_sent(&self, id: &str, now_ms: i64) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE notifications SET status = 'sent', attempts = attempts + 1, sent_at_ms = $1, \
             last_error = NULL WHERE id = $2",
        )
        .bind(now_ms)
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt: to be tried again at `retry_at_ms`, or given up when `None`.
    pub async fn notification_failed(
        &self,
        id: &str,
        error: &str,
        retry_at_ms: Option<i64>,
    ) -> anyhow::Result<()> {
        let status = match retry_at_ms {
            Some(_) => NotificationStatus::Pending,
            None => NotificationStatus::Failed,
        };
        sqlx::query(
            "UPDATE notifications SET attempts = attempts + 1, last_error = $1, status = $2, \
             next_attempt_at_ms = $3 WHERE id = $4",
        )
        .bind(error)
        .bind(status.code())
        // A message given up on is never due again.
        .bind(retry_at_ms.unwrap_or(i64::MAX))
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
