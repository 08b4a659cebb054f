//! A citizen moves a booking, code and all, to another activity.

use crate::citizens::session::Citizen;
use crate::meetings::messages::Texts;
use crate::meetings::routes::bookings::{change_limits, check_bookable, masked, too_often};
use crate::meetings::store::MoveOutcome;
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::Json;
use deputy_homes_api::meetings::booking::BookingField;
use deputy_homes_api::meetings::booking::{normalize_code, Booking, BookingStatus, MoveBooking};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

/// Moves a live booking of the verified phone to another activity: a seat there if one is free,
/// else its waitlist. The seat left behind goes to the first on the old waitlist. A booking
/// checked in already stays where it was checked in. Counts towards the limits on changes.
#[utoipa::path(post, path = "/api/bookings/{code}/move", tag = "bookings", request_body = MoveBooking,
    params(("code" = String, Path, description = "Booking code")),
    security(("citizen" = [], "csrf" = [])),
    responses(
        (status = 200, description = "The booking at its new activity, booked or waitlisted", body = Booking),
        (status = 400, description = "A malformed body, the booked activity has started, or too late to book the new one", body = ApiError),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 403, description = "The anti-forgery token is missing or wrong", body = ApiError),
        (status = 404, description = "The verified phone holds no live booking with this code, or no such activity", body = ApiError),
        (status = 409, description = "The new activity was cancelled, this phone already holds a booking there, the new activity is full and so is its waitlist (`waitlist_full`), or the booking was checked in already (`already_checked_in`)", body = ApiError),
        (status = 429, description = "The phone or this address changed bookings as often as allowed; see Retry-After", body = ApiError),
    ))]
pub async fn bookings_move(
    State(state): State<AppState>,
    citizen: Citizen,
    ip: ClientIp,
    Path(code): Path<String>,
    body: Result<Json<MoveBooking>, JsonRejection>,
) -> Result<Json<Booking>, AppError> {
    let Json(body) = body?;
    let phone = &citizen.phone;
    let code = normalize_code(&code);
    let not_found = || AppError::NotFound(format!("live booking {code} with this phone"));
    let booking = state
        .db
        .booking_by_code(&code, phone.as_str())
        .await?
        .filter(|b| b.status != BookingStatus::Cancelled)
        .ok_or_else(not_found)?;
    let now = state.clock.now_ms();
    let current = state.db.activity_by_id(&booking.activity_id).await?;
    if current.is_some_and(|a| a.starts_at_ms <= now) {
        return Err(AppError::refused(
            ErrorCode::ActivityStarted,
            BookingField::Code,
            "the booked activity has already started",
        ));
    }
    let target_id = body.activity_id.trim();
    let target = state
        .db
        .activity_by_id(target_id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("activity {target_id}")))?;
    check_bookable(&state, &target, now, BookingField::ActivityId)?;
    let already = || {
        AppError::conflict_on(
            ErrorCode::AlreadyBooked,
            BookingField::ActivityId,
            "this phone already holds a booking for that activity",
        )
    };
    let address_key = ip.limit_key();
    let limits = change_limits(&state, phone, &address_key);
    match state
        .db
        .booking_move(&code, &limits, target_id, now, &Texts)
        .await?
    {
        MoveOutcome::Moved(_) => {}
        MoveOutcome::TooOften { wait_ms } => return Err(too_often(wait_ms)),
        MoveOutcome::WaitlistFull => {
            return Err(AppError::conflict(
                ErrorCode::WaitlistFull,
                "the activity is full and so is its waitlist",
            ))
        }
        MoveOutcome::NotFound => return Err(not_found()),
        MoveOutcome::AlreadyThere => return Err(already()),
        MoveOutcome::CheckedIn => {
            return Err(AppError::conflict_on(
                ErrorCode::AlreadyCheckedIn,
                BookingField::Code,
                "the booking was checked in already; it stays at its activity",
            ))
        }
        MoveOutcome::TargetUnavailable => {
            return Err(AppError::conflict(
                ErrorCode::ActivityCancelled,
                "the activity was cancelled",
            ))
        }
    }
    let moved = state
        .db
        .booking_by_code(&code, phone.as_str())
        .await?
        .ok_or_else(not_found)?;
    Ok(Json(masked(moved)))
}
