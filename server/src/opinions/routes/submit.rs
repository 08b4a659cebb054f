//! Citizens send an opinion (no account) and follow it on its status page.
//!
//! Sending needs an `Idempotency-Key` (the app makes one per filled-in form), so a retry after a
//! lost answer gets the same receipt instead of a second opinion. An opinion with contact details
//! needs the session of that phone; an anonymous one needs none. Submissions are limited per
//! phone and per client address per hour, counted in the database so every server shares them;
//! the windows are whole clock hours. The status page opens by the receipt's private token, or
//! by the tracking number with the session of the opinion's phone; failed look-ups are limited
//! (`opinions::lookups`).

use crate::citizens::session::MaybeCitizen;
use crate::opinions::lookups::FailedLookups;
use crate::opinions::near_duplicates::find_near_duplicates;
use crate::opinions::store::SubmitOutcome;
use crate::opinions::store::{Looked, OpinionKey, OpinionRecord};
use crate::photos::upload::photo_gone;
use crate::platform::auth::{random_id, random_token, token_hash};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::platform::idempotency::{sent_key, IDEMPOTENCY_KEY, MAX_KEY_CHARS};
use crate::platform::mongolian::TypedText;
use crate::platform::rate_limits::{hour_window, HourlyCounter, Subject};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::activity::civil_from_days;
use deputy_homes_api::opinions::OpinionField;
use deputy_homes_api::opinions::{
    normalize_tracking_number, NewOpinion, OpinionReceipt, OpinionView,
};
use deputy_homes_api::platform::time::SHANGHAI_OFFSET_MINUTES;
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;
use sha2::{Digest, Sha256};

/// Hex SHA-256 of a text, so counters and rows name phones and addresses without holding them.
pub(super) fn hash_hex(text: &str) -> String {
    Sha256::digest(text.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The Hohhot date of a moment.
pub(super) fn hohhot_date(now_ms: i64) -> (i64, u32, u32) {
    let local_minutes = now_ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES;
    civil_from_days(local_minutes.div_euclid(1440))
}

pub(super) fn idempotency_key(headers: &HeaderMap) -> Result<String, AppError> {
    sent_key(headers, OpinionField::IdempotencyKey)?.ok_or_else(|| {
        let message = format!(
            "send an {IDEMPOTENCY_KEY} header of 1 to {MAX_KEY_CHARS} characters, new for each opinion"
        );
        AppError::bad(OpinionField::IdempotencyKey, message)
    })
}

/// The error for every outcome but a receipt.
fn refused(outcome: SubmitOutcome, retry_after_secs: i64) -> AppError {
    match outcome {
        SubmitOutcome::KeyReused => AppError::conflict_on(
            ErrorCode::KeyReused,
            OpinionField::IdempotencyKey,
            "this Idempotency-Key was used for another opinion; make a new key per opinion",
        ),
        SubmitOutcome::LimitReached(counter) => {
            let whom = if counter.starts_with(HourlyCounter::OpinionsFromPhone.prefix()) {
                "this phone number"
            } else {
                "this address"
            };
            AppError::Limited {
                message: format!(
                    "too many opinions from {whom} this hour; try again in {retry_after_secs} s"
                ),
                retry_after_secs,
            }
        }
        SubmitOutcome::PhotoUnavailable(id) => photo_gone(OpinionField::PhotoIds, &id),
        SubmitOutcome::Created(_) | SubmitOutcome::Replayed(_) => {
            AppError::Internal(anyhow::anyhow!("a receipt is not a refusal"))
        }
    }
}

/// The session of the phone an opinion gives as its contact: none is a 401 `phone_unverified`,
/// another phone's a 403, both naming `contact.phone`. A session that fails its own checks (no
/// anti-forgery token) is refused as such.
fn session_of(
    citizen: Result<MaybeCitizen, AppError>,
    phone: &MobileNumber,
) -> Result<(), AppError> {
    match citizen? {
        MaybeCitizen(Some(citizen)) if citizen.phone == *phone => Ok(()),
        MaybeCitizen(Some(_)) => Err(AppError::forbidden_on(
            OpinionField::ContactPhone,
            "contact.phone is not the phone of your session; verify that phone first",
        )),
        MaybeCitizen(None) => Err(AppError::phone_unverified(
            OpinionField::ContactPhone,
            "an opinion with contact details needs the session of that phone: verify it with a \
             text code (POST /api/citizen/codes, then POST /api/citizen/session)",
        )),
    }
}

/// Sends an opinion. The same `Idempotency-Key` with the same body answers the first receipt
/// again (200); with another body it is refused (409). With contact details it needs the
/// citizen session of that phone (`dh_citizen` cookie and `X-CSRF-Token`); anonymous, none.
#[utoipa::path(post, path = "/api/opinions", tag = "opinions", request_body = NewOpinion,
    params(("Idempotency-Key" = String, Header, min_length = 1, max_length = 100, pattern = "\\S",
        description = "New for each opinion; a retry sends the same one")),
    responses(
        (status = 201, description = "Received", body = OpinionReceipt),
        (status = 200, description = "Received before under this key: the same receipt", body = OpinionReceipt),
        (status = 400, description = "A field is invalid, or the key is missing", body = ApiError),
        (status = 401, description = "`phone_unverified` (field `contact.phone`): contact details need the session of that phone", body = ApiError),
        (status = 403, description = "`forbidden` (field `contact.phone`): the session is another phone's; `csrf_rejected`: a session without its anti-forgery token", body = ApiError),
        (status = 409, description = "The key was used for another opinion, or a photo is unavailable (`photo_ids`: deleted 24 h after upload, or used already)", body = ApiError),
        (status = 429, description = "Too many opinions from this phone or address this hour (see Retry-After)", body = ApiError),
    ))]
pub async fn opinions_create(
    State(state): State<AppState>,
    ip: ClientIp,
    citizen: Result<MaybeCitizen, AppError>,
    headers: HeaderMap,
    body: Result<Json<NewOpinion>, JsonRejection>,
) -> Result<(StatusCode, Json<OpinionReceipt>), AppError> {
    let key = idempotency_key(&headers)?;
    let Json(mut opinion) = body?;
    opinion.standardize_mongolian();
    let phone = opinion.validate().map_err(AppError::BadRequest)?;
    if let Some(phone) = &phone {
        session_of(citizen, phone)?;
    }
    check_home(&state, &opinion).await?;
    let now = state.clock.now_ms();
    let (hour, retry_after_secs) = hour_window(now);
    let mut limits = vec![(
        HourlyCounter::OpinionsFromAddress.name(&Subject::hashed(&ip.limit_subject()), hour),
        state.opinion_limit_per_ip,
    )];
    if let Some(phone) = &phone {
        limits.push((
            HourlyCounter::OpinionsFromPhone.name(&Subject::hashed(phone.as_str()), hour),
            state.opinion_limit_per_phone,
        ));
    }
    let submission = Submission {
        key: &key,
        opinion: &opinion,
        phone: phone.as_ref().map(|p| p.as_str()),
        limits: &limits,
        entered_by: None,
        now_ms: now,
    };
    store(&state, &submission, retry_after_secs).await
}

/// Refuses an opinion raised at a home the register does not have.
pub(super) async fn check_home(state: &AppState, opinion: &NewOpinion) -> Result<(), AppError> {
    if let Some(home_id) = &opinion.home_id {
        let register = state.register.current(&state.db).await?;
        if register.homes.get(home_id).is_none() {
            return Err(AppError::BadRequest(ApiError::bad_parameter(
                OpinionField::HomeId,
                format!("there is no home {home_id}"),
            )));
        }
    }
    Ok(())
}

/// A validated opinion to store, online or entered by staff.
pub(super) struct Submission<'a> {
    pub key: &'a str,
    pub opinion: &'a NewOpinion,
    pub phone: Option<&'a str>,
    pub limits: &'a [(String, i64)],
    pub entered_by: Option<&'a str>,
    pub now_ms: i64,
}

/// Stores an opinion under its idempotency key: 201 with a new receipt, 200 with the receipt
/// of the same earlier request, or the refusal.
pub(super) async fn store(
    state: &AppState,
    submission: &Submission<'_>,
    retry_after_secs: i64,
) -> Result<(StatusCode, Json<OpinionReceipt>), AppError> {
    let body_json = serde_json::to_string(submission.opinion).map_err(anyhow::Error::from)?;
    let private_token = random_token();
    let record = OpinionRecord {
        id: &random_id(),
        idempotency_key: submission.key,
        request_hash: &hash_hex(&body_json),
        private_token: &private_token,
        private_token_hash: &token_hash(&private_token),
        opinion: submission.opinion,
        phone: submission.phone,
        date: hohhot_date(submission.now_ms),
        limits: submission.limits,
        now_ms: submission.now_ms,
        entered_by: submission.entered_by,
    };
    match state.db.opinion_submit(&record).await? {
        SubmitOutcome::Created(receipt) => {
            // Found once, now, rather than on every page that shows the opinion. A failure
            // here loses nothing: the first page to show it looks again.
            let found =
                find_near_duplicates(&state.db, &receipt.tracking_number, submission.now_ms).await;
            if let Err(e) = found {
                tracing::warn!(error = %e, "near duplicates not found at submission");
            }
            Ok((StatusCode::CREATED, Json(receipt)))
        }
        SubmitOutcome::Replayed(receipt) => Ok((StatusCode::OK, Json(receipt))),
        other => Err(refused(other, retry_after_secs)),
    }
}

fn no_match() -> AppError {
    AppError::NotFound("an opinion you may see with this tracking number or token".into())
}

/// An opinion's status page, by its tracking number, for the citizen session of its phone. Any
/// other caller (no session, another phone's, an anonymous opinion) gets the same 404, which is
/// counted as a failed look-up of the record and of the address.
#[utoipa::path(get, path = "/api/opinions/{tracking_number}", tag = "opinions",
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "The opinion and its timeline, the phone masked", body = OpinionView),
        (status = 404, description = "No opinion of this session's phone has this tracking number (also without a session)", body = ApiError),
        (status = 429, description = "Too many failed look-ups of this tracking number, or from this address, this hour (see Retry-After)", body = ApiError),
    ))]
pub async fn opinions_get(
    State(state): State<AppState>,
    ip: ClientIp,
    MaybeCitizen(citizen): MaybeCitizen,
    Path(tracking_number): Path<String>,
) -> Result<Json<OpinionView>, AppError> {
    // A path that is no tracking number opens nothing and is not counted: it names no record.
    let record = Subject::tracking_number(&tracking_number).ok_or_else(no_match)?;
    let tracking_number = normalize_tracking_number(&tracking_number);
    let failures = FailedLookups::of(Some(&record), &ip, state.clock.now_ms());
    let key = OpinionKey::Phone {
        tracking_number: &tracking_number,
        phone: citizen.as_ref().map(|c| c.phone.as_str()),
    };
    view_of_lookup(&state, key, &failures).await
}

/// The status page of the opinion a key opens, or the refusal.
async fn view_of_lookup(
    state: &AppState,
    key: OpinionKey<'_>,
    failures: &FailedLookups,
) -> Result<Json<OpinionView>, AppError> {
    let now = state.clock.now_ms();
    match state.db.opinion_lookup(key, &failures.limits, now).await? {
        Looked::Found(tracking_number) => state
            .db
            .opinion_by_tracking_number(&tracking_number)
            .await?
            .map(|(view, _)| Json(view))
            .ok_or_else(no_match),
        Looked::Missed => Err(no_match()),
        Looked::Refused(counter) => Err(failures.refused(&counter)),
    }
}

/// An opinion's status page, by the private token of its receipt (its private link). A wrong
/// token is a failed look-up from the address.
#[utoipa::path(get, path = "/api/opinions/by-token/{private_token}", tag = "opinions",
    params(("private_token" = String, Path, description = "From the receipt")),
    responses(
        (status = 200, description = "The opinion and its timeline, the phone masked", body = OpinionView),
        (status = 404, description = "No opinion has this token", body = ApiError),
        (status = 429, description = "Too many failed look-ups from this address this hour (see Retry-After)", body = ApiError),
    ))]
pub async fn opinions_get_by_token(
    State(state): State<AppState>,
    ip: ClientIp,
    Path(private_token): Path<String>,
) -> Result<Json<OpinionView>, AppError> {
    let failures = FailedLookups::of(None, &ip, state.clock.now_ms());
    let hash = token_hash(private_token.trim());
    view_of_lookup(&state, OpinionKey::TokenHash(&hash), &failures).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_date_is_hohhots_even_when_it_is_still_yesterday_in_utc() {
        // 2026-11-27 16:30 UTC is 2026-11-28 00:30 in Hohhot.
        let ms = (deputy_homes_api::meetings::activity::days_from_civil(2026, 11, 27) * 1440
            + 16 * 60
            + 30)
            * 60_000;
        assert_eq!(hohhot_date(ms), (2026, 11, 28));
        assert_eq!(hohhot_date(ms - 31 * 60_000), (2026, 11, 27));
    }
}
