//! A citizen moves a booking, code and all, to another activity.

use crate::meetings::messages::Texts;
use crate::meetings::routes::bookings::{check_bookable, masked, parse_phone};
use crate::meetings::store::MoveOutcome;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::Json;
use deputy_homes_api::meetings::booking::BookingField;
use deputy_homes_api::meetings::booking::{normalize_code, Booking, BookingStatus, MoveBooking};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

/// Moves a live booking to another activity: a seat there if one is free, else its waitlist.
/// The seat left behind goes to the first on the old waitlist. A booking checked in already
/// stays where it was checked in.
#[utoipa::path(post, path = "/api/bookings/{code}/move", tag = "bookings", request_body = MoveBooking,
    params(("code" = String, Path, description = "Booking code")),
    responses(
        (status = 200, description = "The booking at its new activity, booked or waitlisted", body = Booking),
        (status = 400, description = "A malformed body, not a mobile number, the booked activity has started, or too late to book the new one", body = ApiError),
        (status = 404, description = "No live booking has this code and phone, or no such activity", body = ApiError),
        (status = 409, description = "The new activity was cancelled, this phone already holds a booking there, or the booking was checked in already (`already_checked_in`)", body = ApiError),
    ))]
pub async fn bookings_move(
    State(state): State<AppState>,
    Path(code): Path<String>,
    body: Result<Json<MoveBooking>, JsonRejection>,
) -> Result<Json<Booking>, AppError> {
    let Json(body) = body?;
    let phone = parse_phone(&body.phone)?;
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
    match state
        .db
        .booking_move(&code, phone.as_str(), target_id, now, &Texts)
        .await?
    {
        MoveOutcome::Moved(_) => {}
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
