//! Citizens book a place at an activity, look their booking up, and cancel it, with the booking
//! code and their phone number (no account).

use crate::meetings::messages::Texts;
use crate::meetings::store::BookOutcome;
use crate::meetings::store::BookingRecord;
use crate::meetings::store::CancelOutcome;
use crate::platform::auth::{random_id, token_hash};
use crate::platform::error::AppError;
use crate::platform::idempotency::sent_key;
use crate::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::meetings::booking::BookingField;
use deputy_homes_api::meetings::booking::{normalize_code, Booking, CancelBooking, NewBooking};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;
use serde::Deserialize;

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

/// Books a place, or a place on the waitlist when the activity is full.
#[utoipa::path(post, path = "/api/activities/{id}/bookings", tag = "bookings", request_body = NewBooking,
    params(("id" = String, Path, description = "The activity"),
        ("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 100, pattern = "\\S",
            description = "Optional, new for each filled-in form: the same key with the same body answers the first booking again (200)")),
    responses(
        (status = 201, description = "Booked or waitlisted (see `status`)", body = Booking),
        (status = 200, description = "Booked before under this `Idempotency-Key`: that booking", body = Booking),
        (status = 400, description = "A field is invalid, or too late to book", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
        (status = 409, description = "Already booked with this phone, the key was used for another booking, the activity was cancelled, or `limit_reached` on `phone`: the phone holds the most upcoming bookings allowed", body = ApiError),
    ))]
pub async fn bookings_create(
    State(state): State<AppState>,
    Path(activity_id): Path<String>,
    headers: HeaderMap,
    body: Result<Json<NewBooking>, JsonRejection>,
) -> Result<(StatusCode, Json<Booking>), AppError> {
    let key = sent_key(&headers, BookingField::IdempotencyKey)?;
    let activity = state
        .db
        .activity_by_id(&activity_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("activity {activity_id}")))?;
    let Json(body) = body?;
    let phone = body.validate().map_err(AppError::BadRequest)?;
    let now = state.clock.now_ms();
    check_bookable(&state, &activity, now, BookingField::Activity)?;
    // What the request asks: the same key with another activity or body is another request.
    let asked = serde_json::to_string(&(&activity_id, &body)).map_err(anyhow::Error::from)?;
    let request_hash = token_hash(&asked);
    let id = random_id();
    let mut code = state.booking_codes.next();
    let mut attempts = 1;
    loop {
        let record = BookingRecord {
            id: &id,
            code: &code,
            activity_id: &activity_id,
            name: body.name.trim(),
            phone: phone.as_str(),
            topic: body.topic.trim(),
            access_needs: &body.access_needs,
            now_ms: now,
            phone_cap: state.booking_cap,
            idempotency: key.as_deref().map(|k| (k, request_hash.as_str())),
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
                refuse_unless_created(&state, outcome)?;
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
        BookOutcome::CapReached => {
            let message = format!(
                "this phone already holds {} upcoming bookings, the most allowed",
                state.booking_cap
            );
            Err(AppError::limit_reached(BookingField::Phone, message))
        }
    }
}

/// Query of `GET /api/bookings/{code}`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct PhoneQuery {
    /// The phone the booking was made with.
    pub phone: String,
}

pub(super) fn parse_phone(text: &str) -> Result<MobileNumber, AppError> {
    MobileNumber::parse(text)
        .map_err(|m| AppError::BadRequest(ApiError::bad_parameter(BookingField::Phone, m)))
}

/// A booking, looked up by its code and the phone it was made with.
#[utoipa::path(get, path = "/api/bookings/{code}", tag = "bookings", params(("code" = String, Path, description = "Booking code"), PhoneQuery),
    responses(
        (status = 200, description = "The booking", body = Booking),
        (status = 400, description = "No phone, or not a mobile number", body = ApiError),
        (status = 404, description = "No booking has this code and phone", body = ApiError),
    ))]
pub async fn bookings_get(
    State(state): State<AppState>,
    Path(code): Path<String>,
    query: Result<Query<PhoneQuery>, QueryRejection>,
) -> Result<Json<Booking>, AppError> {
    let Query(query) = query?;
    let phone = parse_phone(&query.phone)?;
    let code = normalize_code(&code);
    match state.db.booking_by_code(&code, phone.as_str()).await? {
        Some(booking) => Ok(Json(masked(booking))),
        None => Err(AppError::NotFound(format!(
            "booking {code} with this phone"
        ))),
    }
}

/// Cancels a booking; a freed seat goes to the first on the waitlist.
#[utoipa::path(post, path = "/api/bookings/{code}/cancel", tag = "bookings", request_body = CancelBooking,
    params(("code" = String, Path, description = "Booking code")),
    responses(
        (status = 200, description = "The cancelled booking", body = Booking),
        (status = 400, description = "A malformed body, or not a mobile number", body = ApiError),
        (status = 404, description = "No live booking has this code and phone", body = ApiError),
        (status = 409, description = "The activity has started, or the booking was checked in", body = ApiError),
    ))]
pub async fn bookings_cancel(
    State(state): State<AppState>,
    Path(code): Path<String>,
    body: Result<Json<CancelBooking>, JsonRejection>,
) -> Result<Json<Booking>, AppError> {
    let Json(body) = body?;
    let phone = parse_phone(&body.phone)?;
    let code = normalize_code(&code);
    match state
        .db
        .booking_cancel(&code, phone.as_str(), state.clock.now_ms(), &Texts)
        .await?
    {
        CancelOutcome::NotFound => Err(AppError::NotFound(format!(
            "live booking {code} with this phone"
        ))),
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
