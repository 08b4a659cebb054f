//! Sending the outbox: a worker that, every few seconds, enqueues the day-before reminders, then
//! claims the due messages and hands each to a [`Sender`], retrying failures with backoff.
//! Several servers may run it on one database: a message is sent by the one that claims it.

pub mod routes;
pub mod senders;
pub mod store;
pub mod templates;
pub mod tencent;

pub use store::Outgoing;

use crate::outbox::templates::{Message, Template};
use crate::platform::db::Db;
use deputy_homes_api::accounts::MobileNumber;
use sqlx::AnyConnection;
use std::future::Future;
use std::time::Duration;

/// Enqueues a text with a verification code to `phone`, valid `minutes_valid` minutes, due now,
/// in the caller's transaction. Staff see it in the outbox with the code hidden, and the code is
/// erased from the row once the message is sent or given up.
pub async fn notification_enqueue_verification(
    conn: &mut AnyConnection,
    phone: &str,
    code: &str,
    minutes_valid: u32,
    now_ms: i64,
) -> anyhow::Result<()> {
    let values = [code.to_owned(), minutes_valid.to_string()];
    let message = Message::new(Template::VerificationCode, values);
    store::enqueue_to_phone(conn, phone, &message.stored(), now_ms).await
}

/// Delivers one message (a text-message gateway, in production).
pub trait Sender: Send + Sync {
    /// Sends; an error means it was not delivered and should be tried again later.
    fn send(&self, notification: &Outgoing) -> impl Future<Output = anyhow::Result<()>> + Send;
}

/// Writes each message's whole text to the log (target `notify`), verification codes included,
/// so the app can be tried without a gateway: the default.
#[derive(Debug, Clone, Copy, Default)]
pub struct LogSender;

impl Sender for LogSender {
    async fn send(&self, notification: &Outgoing) -> anyhow::Result<()> {
        let phone = MobileNumber::parse(&notification.phone)
            .map(|m| m.masked())
            .unwrap_or_default();
        let message = Message::of(notification)?;
        let template = message.as_ref().map(|m| m.template().name());
        let text = message.map_or_else(|| notification.message.clone(), |m| m.text());
        tracing::info!(
            target: "notify",
            kind = notification.kind.code(),
            template = template.unwrap_or_default(),
            booking = notification.booking_code.as_deref().unwrap_or_default(),
            opinion = notification.tracking_number.as_deref().unwrap_or_default(),
            phone = %phone,
            "{}",
            text
        );
        Ok(())
    }
}

/// How long a claim lasts: another server may send the message again only after this.
pub const LEASE_MS: i64 = 5 * 60_000;
/// Longest wait for one send; well inside the lease.
pub const SEND_TIMEOUT: Duration = Duration::from_secs(30);
/// Attempts after which a message is given up as failed.
pub const MAX_ATTEMPTS: u32 = 8;
/// Reminders go out for activities starting within this time.
pub const REMINDER_WINDOW_MS: i64 = 24 * 3_600_000;
/// Most messages one pass sends.
const BATCH: usize = 100;

/// Wait before the next attempt after `failed` failed attempts: 1 minute × 2^(failed − 1), so
/// 1, 2, 4 … minutes.
pub fn backoff_ms(failed: u32) -> i64 {
    60_000 << failed.saturating_sub(1).min(20)
}

/// What one pass did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Pass {
    pub reminders_enqueued: usize,
    pub sent: usize,
    /// Failed attempts that will be tried again.
    pub retrying: usize,
    /// Messages given up on this pass.
    pub given_up: usize,
}

/// One pass with the time standing still at `now_ms`, as tests want it: enqueue reminders, then
/// send every due message this server manages to claim.
pub async fn run_once<S: Sender>(db: &Db, sender: &S, now_ms: i64) -> anyhow::Result<Pass> {
    run_pass(db, sender, || now_ms).await
}

/// One pass, reading the time from `now` whenever it needs it (the worker's clock): each message's lease is counted
/// from the moment it is claimed, not from the start of the pass, so a slow gateway late in a
/// long batch cannot let the lease of a message run out while it is being sent (another server
/// would then send it again).
pub async fn run_pass<S: Sender>(
    db: &Db,
    sender: &S,
    now: impl Fn() -> i64,
) -> anyhow::Result<Pass> {
    let start_ms = now();
    let mut pass = Pass {
        reminders_enqueued: db
            .notifications_enqueue_reminders(
                start_ms,
                start_ms + REMINDER_WINDOW_MS,
                &crate::meetings::messages::Texts,
            )
            .await?,
        ..Pass::default()
    };
    for notification in db.notifications_due(start_ms, BATCH).await? {
        let claimed_at = now();
        if !db
            .notification_claim(&notification.id, claimed_at, claimed_at + LEASE_MS)
            .await?
        {
            continue;
        }
        let outcome = match tokio::time::timeout(SEND_TIMEOUT, sender.send(&notification)).await {
            Ok(outcome) => outcome,
            Err(_) => Err(anyhow::anyhow!("no answer within {SEND_TIMEOUT:?}")),
        };
        let done_at = now();
        match outcome {
            Ok(()) => {
                db.notification_sent(&notification.id, done_at).await?;
                pass.sent += 1;
            }
            Err(e) => {
                let failed = notification.attempts + 1;
                let retry_at = (failed < MAX_ATTEMPTS).then(|| done_at + backoff_ms(failed));
                db.notification_failed(&notification.id, &format!("{e:#}"), retry_at)
                    .await?;
                match retry_at {
                    Some(_) => pass.retrying += 1,
                    None => pass.given_up += 1,
                }
            }
        }
    }
    Ok(pass)
}

/// Runs a pass every `interval` until the process ends, logging what goes wrong.
pub fn spawn_worker<S: Sender + 'static>(
    db: Db,
    clock: crate::platform::clock::Clock,
    sender: S,
    interval: Duration,
) -> tokio::task::JoinHandle<()> {
    tokio::spawn(async move {
        let mut ticks = tokio::time::interval(interval);
        ticks.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
        loop {
            ticks.tick().await;
            match run_pass(&db, &sender, || clock.now_ms()).await {
                Ok(pass) if pass != Pass::default() => {
                    tracing::debug!(target: "notify", ?pass, "notification pass")
                }
                Ok(_) => {}
                Err(e) => {
                    tracing::warn!(target: "notify", error = format!("{e:#}"), "notification pass failed")
                }
            }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_backoff_doubles_from_one_minute() {
        let minutes: Vec<i64> = (1..=MAX_ATTEMPTS).map(|n| backoff_ms(n) / 60_000).collect();
        assert_eq!(minutes, [1, 2, 4, 8, 16, 32, 64, 128]);
    }
}
