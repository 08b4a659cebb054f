//! Citizens book a place at an activity, look their booking up, and cancel it, with their
//! verified phone's session (no account); staff book for a citizen who came in person.

use crate::citizens::session::Citizen;
use crate::meetings::messages::Texts;
use crate::meetings::store::BookOutcome;
use crate::meetings::store::BookingRecord;
use crate::meetings::store::CancelOutcome;
use crate::meetings::store::ChangeLimits;
use crate::platform::auth::{random_id, token_hash, Staff};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::platform::idempotency::sent_key;
use crate::platform::mongolian::TypedText;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::meetings::booking::BookingField;
use deputy_homes_api::meetings::booking::{normalize_code, Booking, NewBooking};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

/// How many fresh codes a booking tries when its code is taken (at 25^6 codes, a second
/// collision in a row is practically impossible).
const CODE_ATTEMPTS: usize = 5;

/// Refuses an activity that is cancelled (409) or starts within the booking notice (400 naming
/// `field`).
pub(super) fn check_bookable(
    state: &AppState,
    activity: &Activity,
    now: i64,
    field: BookingField,
) -> Result<(), AppError> {
    if activity.cancel_reason.is_some() {
        return Err(AppError::conflict(
            ErrorCode::ActivityCancelled,
            "the activity was cancelled",
        ));
    }
    if activity.starts_at_ms - state.booking_notice_minutes * 60_000 <= now {
        let message = format!(
            "booking closes {} minutes before the start",
            state.booking_notice_minutes
        );
        return Err(AppError::refused(ErrorCode::BookingClosed, field, message));
    }
    Ok(())
}

/// The booking as its owner sees it: the phone masked, since the page may be shown to others.
pub(super) fn masked(mut booking: Booking) -> Booking {
    booking.phone = MobileNumber::parse(&booking.phone)
        .map(|m| m.masked())
        .unwrap_or_default();
    booking
}

/// The limits on the booking changes of a verified phone, from this address.
pub(super) fn change_limits<'a>(
    state: &AppState,
    phone: &'a MobileNumber,
    address_key: &'a str,
) -> ChangeLimits<'a> {
    ChangeLimits {
        phone: phone.as_str(),
        address_key,
        per_phone_day: state.booking_changes_per_phone_day,
        per_address_hour: state.booking_changes_per_address_hour,
    }
}

/// The 429 of a phone or an address that changed bookings as often as allowed.
pub(super) fn too_often(wait_ms: i64) -> AppError {
    let retry_after_secs = (wait_ms + 999) / 1000;
    AppError::Limited {
        message: format!(
            "bookings were changed as often as allowed; try again in {retry_after_secs} s"
        ),
        retry_after_secs,
    }
}

/// Books a place, or a place on the waitlist when the activity is full, for the verified phone
/// (the body's `phone` must be it). Each booking, cancellation and move counts towards the
/// phone's and the address's limits on changes.
#[utoipa::path(post, path = "/api/activities/{id}/bookings", tag = "bookings", request_body = NewBooking,
    security(("citizen" = [], "csrf" = [])),
    params(("id" = String, Path, description = "The activity"),
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 100, pattern = "\\S",
            description = "Optional, new for each filled-in form: the same key with the same body answers the first booking again (200)")),
    responses(
        (status = 201, description = "Booked or waitlisted (see `status`)", body = Booking),
        (status = 200, description = "Booked before under this `Idempotency-Key`: that booking", body = Booking),
        (status = 400, description = "A field is invalid, or too late to book", body = ApiError),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 403, description = "`phone` is not the verified phone (`forbidden`), or the anti-forgery token is missing or wrong", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
        (status = 409, description = "Already booked with this phone, the key was used for another booking, the activity was cancelled, `waitlist_full`, or `limit_reached` on `phone`: the phone holds the most upcoming bookings allowed", body = ApiError),
        (status = 429, description = "The phone or this address changed bookings as often as allowed; see Retry-After", body = ApiError),
    ))]
pub async fn bookings_create(
    State(state): State<AppState>,
    citizen: Citizen,
    ip: ClientIp,
    Path(activity_id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<NewBooking>, JsonRejection>,
) -> Result<(StatusCode, Json<Booking>), AppError> {
    let Json(mut body) = body?;
    body.standardize_mongolian();
    let phone = body.validate().map_err(AppError::BadRequest)?;
    if phone != citizen.phone {
        return Err(AppError::Forbidden(
            "a booking is made with the verified phone only".into(),
        ));
    }
    let address_key = ip.limit_key();
    let limits = change_limits(&state, &phone, &address_key);
    let asked = Asked {
        activity_id: &activity_id,
        body: &body,
        phone: &phone,
    };
    book(&state, &headers, &asked, Some(limits), None).await
}

/// Books for a citizen who came in person, without a text code: staff take the citizen's
/// consent there and say so with `consent: true`. Audited (`booking.walk_in`); the limits on a
/// citizen's own changes do not apply, the cap on upcoming bookings and the waitlist's do.
#[utoipa::path(post, path = "/api/activities/{id}/walk-in-bookings", tag = "bookings", request_body = NewBooking,
    security(("session" = ["staff"], "csrf" = [])),
    params(("id" = String, Path, description = "The activity"),
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 100, pattern = "\\S",
            description = "Optional: the same key with the same body answers the first booking again (200)")),
    responses(
        (status = 201, description = "Booked or waitlisted (see `status`)", body = Booking),
        (status = 200, description = "Booked before under this `Idempotency-Key`: that booking", body = Booking),
        (status = 400, description = "A field is invalid (`consent` must be true: given in person), or too late to book", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or the anti-forgery token is missing or wrong", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
        (status = 409, description = "As for a citizen's own booking", body = ApiError),
    ))]
pub async fn walk_in_bookings_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(activity_id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<NewBooking>, JsonRejection>,
) -> Result<(StatusCode, Json<Booking>), AppError> {
    let Json(mut body) = body?;
    body.standardize_mongolian();
    let phone = body.validate().map_err(AppError::BadRequest)?;
    let asked = Asked {
        activity_id: &activity_id,
        body: &body,
        phone: &phone,
    };
    book(&state, &headers, &asked, None, Some(&staff.account.id)).await
}

/// A booking asked for: where, what, and for which phone (checked already).
struct Asked<'a> {
    activity_id: &'a str,
    body: &'a NewBooking,
    phone: &'a MobileNumber,
}

/// Books `asked.phone`, trying fresh codes if one is taken: for the citizen within `limits`, or
/// for a walk-in by the staff account `walk_in_by`.
async fn book(
    state: &AppState,
    headers: &HeaderMap,
    asked: &Asked<'_>,
    limits: Option<ChangeLimits<'_>>,
    walk_in_by: Option<&str>,
) -> Result<(StatusCode, Json<Booking>), AppError> {
    let Asked {
        activity_id,
        body,
        phone,
    } = *asked;
    let key = sent_key(headers, BookingField::IdempotencyKey)?;
    let activity = state
        .db
        .activity_by_id(activity_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("activity {activity_id}")))?;
    let now = state.clock.now_ms();
    check_bookable(state, &activity, now, BookingField::Activity)?;
    // What the request asks: the same key with another activity or body is another request.
    let asked = serde_json::to_string(&(activity_id, body)).map_err(anyhow::Error::from)?;
    let request_hash = token_hash(&asked);
    let id = random_id();
    let mut code = state.booking_codes.next();
    let mut attempts = 1;
    loop {
        let record = BookingRecord {
            id: &id,
            code: &code,
            activity_id,
            name: body.name.trim(),
            phone: phone.as_str(),
            topic: body.topic.trim(),
            access_needs: &body.access_needs,
            now_ms: now,
            phone_cap: state.booking_cap,
            idempotency: key.as_deref().map(|k| (k, request_hash.as_str())),
            limits,
            walk_in_by,
        };
        match state.db.booking_create(&record, &Texts).await? {
            BookOutcome::CodeTaken if attempts < CODE_ATTEMPTS => {
                tracing::info!(code = %code, "booking code taken; trying another");
                code = state.booking_codes.next();
                attempts += 1;
            }
            BookOutcome::Replayed { code, phone } => {
                let booking = state
                    .db
                    .booking_by_code(&code, &phone)
                    .await?
                    .ok_or_else(|| AppError::NotFound(code.clone()))?;
                return Ok((StatusCode::OK, Json(masked(booking))));
            }
            outcome => {
                refuse_unless_created(state, outcome)?;
                break;
            }
        }
    }
    let booking = state
        .db
        .booking_by_code(&code, phone.as_str())
        .await?
        .ok_or_else(|| AppError::NotFound(code.clone()))?;
    Ok((StatusCode::CREATED, Json(masked(booking))))
}

/// The error for every outcome of booking but success.
fn refuse_unless_created(state: &AppState, outcome: BookOutcome) -> Result<(), AppError> {
    match outcome {
        BookOutcome::Created(_) => Ok(()),
        BookOutcome::KeyReused => Err(AppError::conflict_on(
            ErrorCode::KeyReused,
            BookingField::IdempotencyKey,
            "this Idempotency-Key was used for another booking; make a new key per booking",
        )),
        BookOutcome::Replayed { .. } => Err(AppError::Internal(anyhow::anyhow!(
            "a replayed booking is answered before this"
        ))),
        BookOutcome::CodeTaken => Err(AppError::Internal(anyhow::anyhow!(
            "no free booking code in {CODE_ATTEMPTS} attempts"
        ))),
        BookOutcome::AlreadyBooked => Err(AppError::conflict_on(
            ErrorCode::AlreadyBooked,
            BookingField::Phone,
            "this phone already holds a booking for this activity",
        )),
        BookOutcome::Unavailable => Err(AppError::conflict(
            ErrorCode::ActivityCancelled,
            "the activity was cancelled",
        )),
        BookOutcome::WaitlistFull => Err(AppError::conflict(
            ErrorCode::WaitlistFull,
            "the activity is full and so is its waitlist",
        )),
        BookOutcome::TooOften { wait_ms } => Err(too_often(wait_ms)),
        BookOutcome::CapReached => {
            let message = format!(
                "this phone already holds {} upcoming bookings, the most allowed",
                state.booking_cap
            );
            Err(AppError::limit_reached(BookingField::Phone, message))
        }
    }
}

/// A booking of the verified phone, by its code; another phone's booking is not found.
#[utoipa::path(get, path = "/api/bookings/{code}", tag = "bookings",
    params(("code" = String, Path, description = "Booking code")),
    security(("citizen" = [])),
    responses(
        (status = 200, description = "The booking", body = Booking),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 404, description = "The verified phone holds no booking with this code", body = ApiError),
    ))]
pub async fn bookings_get(
    State(state): State<AppState>,
    citizen: Citizen,
    Path(code): Path<String>,
) -> Result<Json<Booking>, AppError> {
    let code = normalize_code(&code);
    match state
        .db
        .booking_by_code(&code, citizen.phone.as_str())
        .await?
    {
        Some(booking) => Ok(Json(masked(booking))),
        None => Err(AppError::NotFound(format!(
            "booking {code} with this phone"
        ))),
    }
}

/// Cancels a booking of the verified phone; a freed seat goes to the first on the waitlist.
/// Counts towards the limits on changes. The request has no body (one is ignored).
#[utoipa::path(post, path = "/api/bookings/{code}/cancel", tag = "bookings",
    params(("code" = String, Path, description = "Booking code")),
    security(("citizen" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The cancelled booking", body = Booking),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 403, description = "The anti-forgery token is missing or wrong", body = ApiError),
        (status = 404, description = "The verified phone holds no live booking with this code", body = ApiError),
        (status = 409, description = "The activity has started, or the booking was checked in", body = ApiError),
        (status = 429, description = "The phone or this address changed bookings as often as allowed; see Retry-After", body = ApiError),
    ))]
pub async fn bookings_cancel(
    State(state): State<AppState>,
    citizen: Citizen,
    ip: ClientIp,
    Path(code): Path<String>,
) -> Result<Json<Booking>, AppError> {
    let phone = &citizen.phone;
    let code = normalize_code(&code);
    let address_key = ip.limit_key();
    let limits = change_limits(&state, phone, &address_key);
    match state
        .db
        .booking_cancel(&code, phone.as_str(), &limits, state.clock.now_ms(), &Texts)
        .await?
    {
        CancelOutcome::NotFound => Err(AppError::NotFound(format!(
            "live booking {code} with this phone"
        ))),
        CancelOutcome::TooOften { wait_ms } => Err(too_often(wait_ms)),
        CancelOutcome::Started => Err(AppError::conflict_on(
            ErrorCode::ActivityStarted,
            BookingField::Code,
            "the activity has started; a booking is cancelled before it starts",
        )),
        CancelOutcome::CheckedIn => Err(AppError::conflict_on(
            ErrorCode::AlreadyCheckedIn,
            BookingField::Code,
            "the booking was checked in; it can no longer be cancelled",
        )),
        CancelOutcome::Cancelled { promoted } => {
            if let Some(promoted) = promoted {
                tracing::info!(booking = %promoted, "promoted from the waitlist");
            }
            let booking = state
                .db
                .booking_by_code(&code, phone.as_str())
                .await?
                .ok_or_else(|| AppError::NotFound(code.clone()))?;
            Ok(Json(masked(booking)))
        }
    }
}
