//! The outbox of text messages. Messages are enqueued by the booking and activity functions and
//! by the staff's steps on opinions, in the same transaction as the change they tell of; the
//! worker in `outbox` claims and sends them. A message is stored as its template's name and
//! parameters (what a gateway sends) with the text staff see; a verification code's parameters
//! are erased once it is sent or given up. One phone is written at most
//! [`TEXTS_PER_PHONE_PER_DAY`] messages in any 24 hours besides its verification codes (which
//! have limits of their own); one more is not written, and the change it tells of goes on.

pub mod message;

use crate::meetings::store::texts::{ActivityFacts, BookingTexts};
use crate::outbox::store::message::StoredMessage;
use crate::platform::db::Db;
use crate::platform::ids::random_id;
use anyhow::Context;
use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::meetings::booking::BookingStatus;
use deputy_homes_api::platform::outbox::{Notification, NotificationKind, NotificationStatus};
use sqlx::any::AnyRow;
use sqlx::{AnyConnection, Row};

/// Most messages one phone is written in any 24 hours, verification codes not counted: far more
/// than a citizen's own bookings and opinions make (10 booking changes a day, each one text, and
/// the texts of the activities and opinions they hold), few enough that nobody can flood a
/// phone through the app.
pub const TEXTS_PER_PHONE_PER_DAY: i64 = 20;

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
    /// The text staff see (with a verification code hidden); for a message written before
    /// templates, the whole text sent.
    pub message: String,
    /// The template's name; absent for a message written before templates.
    pub template: Option<String>,
    /// The template's parameters, a JSON object; absent as `template` is.
    pub parameters: Option<String>,
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
    to: &Recipient,
    activity_id: &str,
    message: &StoredMessage,
    now_ms: i64,
) -> anyhow::Result<()> {
    insert(
        conn,
        Subject::Booking(&to.code, activity_id),
        &to.phone,
        message,
        now_ms,
    )
    .await
}

/// Adds a pending message about an opinion to the outbox, due now, in the caller's transaction.
pub(crate) async fn enqueue_about_opinion(
    conn: &mut AnyConnection,
    tracking_number: &str,
    phone: &str,
    message: &StoredMessage,
    now_ms: i64,
) -> anyhow::Result<()> {
    insert(
        conn,
        Subject::Opinion(tracking_number),
        phone,
        message,
        now_ms,
    )
    .await
}

/// Adds a pending message about neither a booking nor an opinion (a verification code), due
/// now, in the caller's transaction.
pub(crate) async fn enqueue_to_phone(
    conn: &mut AnyConnection,
    phone: &str,
    message: &StoredMessage,
    now_ms: i64,
) -> anyhow::Result<()> {
    insert(conn, Subject::None, phone, message, now_ms).await
}

/// What a message is about.
enum Subject<'a> {
    /// A booking's code and its activity.
    Booking(&'a str, &'a str),
    /// An opinion's tracking number.
    Opinion(&'a str),
    None,
}

async fn insert(
    conn: &mut AnyConnection,
    subject: Subject<'_>,
    phone: &str,
    message: &StoredMessage,
    now_ms: i64,
) -> anyhow::Result<()> {
    if message.kind != NotificationKind::VerificationCode {
        // Counted in the caller's transaction. A phone's own changes take turns on the phone
        // (their limits' lock), so they count exactly; texts that others' changes send the phone
        // at the same moment (a promotion, an activity's change) may each pass one over.
        let written: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM notifications WHERE phone = $1 AND created_at_ms > $2 \
             AND kind <> $3",
        )
        .bind(phone)
        .bind(now_ms - 86_400_000)
        .bind(NotificationKind::VerificationCode.code())
        .fetch_one(&mut *conn)
        .await?;
        if written >= TEXTS_PER_PHONE_PER_DAY {
            tracing::warn!(
                kind = message.kind.code(),
                "a phone was written {TEXTS_PER_PHONE_PER_DAY} messages today; this one is not"
            );
            return Ok(());
        }
    }
    let (booking_code, activity_id, tracking_number) = match subject {
        Subject::Booking(code, activity) => (Some(code), Some(activity), None),
        Subject::Opinion(tracking) => (None, None, Some(tracking)),
        Subject::None => (None, None, None),
    };
    sqlx::query(
        "INSERT INTO notifications (id, kind, booking_code, activity_id, tracking_number, phone, \
         message, template, template_params, status, attempts, next_attempt_at_ms, created_at_ms) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, 'pending', 0, $10, $10)",
    )
    .bind(random_id())
    .bind(message.kind.code())
    .bind(booking_code)
    .bind(activity_id)
    .bind(tracking_number)
    .bind(phone)
    .bind(&message.text)
    .bind(message.template)
    .bind(&message.parameters)
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
                "INSERT INTO notifications (id, kind, booking_code, phone, activity_id, message, \
                 template, template_params, status, attempts, next_attempt_at_ms, created_at_ms, \
                 dedupe_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', 0, $9, $9, $10) \
                 ON CONFLICT (dedupe_key) DO NOTHING",
            )
            .bind(random_id())
            .bind(message.kind.code())
            .bind(&to.code)
            .bind(&to.phone)
            .bind(&activity_id)
            .bind(&message.text)
            .bind(message.template)
            .bind(&message.parameters)
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
            "SELECT id, kind, booking_code, tracking_number, phone, message, template, template_params, \
             attempts FROM notifications \
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
                    template: row.try_get("template")?,
                    parameters: row.try_get("template_params")?,
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

    /// Records a message as sent; a verification code's parameters are erased.
    pub async fn notification_sent(&self, id: &str, now_ms: i64) -> anyhow::Result<()> {
        sqlx::query(
            "UPDATE notifications SET status = 'sent', attempts = attempts + 1, sent_at_ms = $1, \
             last_error = NULL, template_params = CASE WHEN kind = $2 THEN NULL \
             ELSE template_params END WHERE id = $3",
        )
        .bind(now_ms)
        .bind(NotificationKind::VerificationCode.code())
        .bind(id)
        .execute(&self.pool)
        .await?;
        Ok(())
    }

    /// Records a failed attempt: to be tried again at `retry_at_ms`, or given up when `None`
    /// (then a verification code's parameters are erased).
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
             next_attempt_at_ms = $3, template_params = CASE WHEN kind = $5 THEN NULL \
             ELSE template_params END WHERE id = $4",
        )
        .bind(error)
        .bind(status.code())
        // A message given up on is never due again.
        .bind(retry_at_ms.unwrap_or(i64::MAX))
        .bind(id)
        // The kind whose parameters are erased: a verification code's, once given up.
        .bind(match retry_at_ms {
            Some(_) => "",
            None => NotificationKind::VerificationCode.code(),
        })
        .execute(&self.pool)
        .await?;
        Ok(())
    }
}
