//! Verification codes: where they come from, how often a phone and an address may ask for one,
//! and checking one. Asking and checking each run in one transaction that takes turns with every
//! other about the same phone and address, so requests sent together are counted one by one.

use crate::citizens::store::{self, CodeRecord};
use crate::platform::auth::{random_id, random_token, token_hash};
use crate::platform::db::Db;
use crate::platform::rate_limits::wait_before_next;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::citizens::{CODE_MAX_WRONG_TRIES, CODE_VALID_MINUTES, SESSION_DAYS};
use rand::Rng;
use sha2::{Digest, Sha256};
use std::fmt;
use std::sync::Arc;

const MINUTE_MS: i64 = 60_000;
const HOUR_MS: i64 = 3_600_000;
const DAY_MS: i64 = 86_400_000;

/// How many codes one phone may be sent per window: 1 a minute, 5 an hour, 10 a day.
pub const PER_PHONE: [(i64, usize); 3] = [(MINUTE_MS, 1), (HOUR_MS, 5), (DAY_MS, 10)];

/// Where new codes come from: random in production; tests supply their own.
#[derive(Clone)]
pub struct VerificationCodes(Arc<dyn Fn() -> String + Send + Sync>);

impl VerificationCodes {
    /// Six random digits from the operating system's generator.
    pub fn random() -> VerificationCodes {
        VerificationCodes(Arc::new(|| {
            format!("{:06}", rand::rngs::OsRng.gen_range(0..1_000_000u32))
        }))
    }

    /// Codes from a function (for tests).
    pub fn from_fn(next: impl Fn() -> String + Send + Sync + 'static) -> VerificationCodes {
        VerificationCodes(Arc::new(next))
    }

    /// The next code.
    pub fn next(&self) -> String {
        (self.0)()
    }
}

impl Default for VerificationCodes {
    fn default() -> Self {
        VerificationCodes::random()
    }
}

impl fmt::Debug for VerificationCodes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("VerificationCodes")
    }
}

/// What a code is kept as: SHA-256 of its row's id and the digits.
fn code_hash(id: &str, code: &str) -> String {
    let digest = Sha256::digest(format!("{id}:{code}").as_bytes());
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// A code was sent, or why not.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Sent {
    /// On its way; another may be asked for after this many seconds.
    Yes { resend_after_seconds: i64 },
    /// The phone or the address asked too often; try again after this many seconds.
    TooOften { retry_after_seconds: i64 },
}

/// Sends a new code to `phone`, asked for from `address_key`, unless either asked too often.
pub async fn send_code(
    db: &Db,
    codes: &VerificationCodes,
    phone: &MobileNumber,
    (address_key, per_address_hour): (&str, i64),
    now_ms: i64,
) -> anyhow::Result<Sent> {
    let per_address = [(
        HOUR_MS,
        usize::try_from(per_address_hour).unwrap_or(usize::MAX),
    )];
    let mut tx = db.begin().await?;
    store::take_turns(&mut tx, db.backend(), phone.as_str(), address_key).await?;
    let to_phone =
        store::code_times_to_phone_since(&mut tx, phone.as_str(), now_ms - DAY_MS).await?;
    let from_address =
        store::codes_from_address_since(&mut tx, address_key, now_ms - HOUR_MS).await?;
    let wait = [
        wait_before_next(&to_phone, &PER_PHONE, now_ms),
        wait_before_next(&from_address, &per_address, now_ms),
    ]
    .into_iter()
    .flatten()
    .max();
    if let Some(wait_ms) = wait {
        return Ok(Sent::TooOften {
            retry_after_seconds: (wait_ms + 999) / 1000,
        });
    }
    let code = codes.next();
    let id = random_id();
    store::code_insert(
        &mut tx,
        &CodeRecord {
            id: &id,
            phone: phone.as_str(),
            code_hash: &code_hash(&id, &code),
            address_key,
            now_ms,
            expires_at_ms: now_ms + CODE_VALID_MINUTES * MINUTE_MS,
        },
    )
    .await?;
    crate::outbox::notification_enqueue_verification(
        &mut tx,
        phone.as_str(),
        &code,
        CODE_VALID_MINUTES as u32,
        now_ms,
    )
    .await?;
    tx.commit().await?;
    Ok(Sent::Yes {
        resend_after_seconds: PER_PHONE[0].0 / 1000,
    })
}

/// A new citizen session: the cookie's token and the anti-forgery token.
#[derive(Debug, Clone)]
pub struct NewSession {
    pub token: String,
    pub csrf_token: String,
    pub expires_at_ms: i64,
}

/// Why a code did not verify.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotVerified {
    /// Wrong digits; this many tries are left.
    Wrong { tries_left: i64 },
    /// No code may be tried: none sent, expired, used, or void after too many wrong tries.
    NoLiveCode,
}

/// Checks `code` against the phone's newest live code; when it matches, the code is used up and
/// a session of `SESSION_DAYS` starts.
pub async fn verify(
    db: &Db,
    phone: &MobileNumber,
    code: &str,
    now_ms: i64,
) -> anyhow::Result<Result<NewSession, NotVerified>> {
    let mut tx = db.begin().await?;
    let Some(live) = store::live_code(
        &mut tx,
        db.backend(),
        phone.as_str(),
        CODE_MAX_WRONG_TRIES,
        now_ms,
    )
    .await?
    else {
        return Ok(Err(NotVerified::NoLiveCode));
    };
    let matches: bool = subtle::ConstantTimeEq::ct_eq(
        code_hash(&live.id, code).as_bytes(),
        live.code_hash.as_bytes(),
    )
    .into();
    if !matches {
        store::code_wrong_try(&mut tx, &live.id).await?;
        tx.commit().await?;
        return Ok(Err(NotVerified::Wrong {
            tries_left: CODE_MAX_WRONG_TRIES - live.wrong_tries - 1,
        }));
    }
    store::code_use(&mut tx, &live.id, now_ms).await?;
    let session = NewSession {
        token: random_token(),
        csrf_token: random_token(),
        expires_at_ms: now_ms + SESSION_DAYS * DAY_MS,
    };
    store::session_insert(
        &mut tx,
        &token_hash(&session.token),
        phone.as_str(),
        &session.csrf_token,
        now_ms,
        session.expires_at_ms,
    )
    .await?;
    tx.commit().await?;
    Ok(Ok(session))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phone_waits_a_minute_between_codes_and_longer_after_five_in_an_hour() {
        let now = 10 * DAY_MS;
        assert_eq!(wait_before_next(&[], &PER_PHONE, now), None);
        assert_eq!(
            wait_before_next(&[now - 20_000], &PER_PHONE, now),
            Some(40_000)
        );
        assert_eq!(wait_before_next(&[now - 61_000], &PER_PHONE, now), None);
        let five: Vec<i64> = (1..=5).rev().map(|m| now - m * 5 * MINUTE_MS).collect();
        // The oldest of the five, 25 minutes ago, leaves the hour in 35 minutes.
        assert_eq!(
            wait_before_next(&five, &PER_PHONE, now),
            Some(35 * MINUTE_MS)
        );
        let ten: Vec<i64> = (1..=10).rev().map(|h| now - h * 2 * HOUR_MS).collect();
        assert_eq!(
            wait_before_next(&ten, &PER_PHONE, now),
            Some(DAY_MS - 20 * HOUR_MS)
        );
    }

    #[test]
    fn a_code_is_kept_salted_by_its_row() {
        assert_ne!(code_hash("a", "123456"), code_hash("b", "123456"));
        assert_eq!(code_hash("a", "123456").len(), 64);
        let code = VerificationCodes::random().next();
        assert!(code.len() == 6 && code.bytes().all(|b| b.is_ascii_digit()));
    }
}
