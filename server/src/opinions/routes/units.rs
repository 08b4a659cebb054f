//! Staff maintain the handling units and the holiday calendar; each change is audited.

use crate::opinions::store::UnitOutcome;
use crate::opinions::store::WorkCalendar;
use crate::platform::auth::{random_id, Staff};
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::opinions::units::UnitField;
use deputy_homes_api::opinions::units::{
    missing_years, validate_unit_name, HandlingUnit, HolidayCalendar, HolidayCalendarView, NewUnit,
    UnitChange,
};
use deputy_homes_api::opinions::workdays::hohhot_day;
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

fn saved(outcome: UnitOutcome, id: &str) -> Result<HandlingUnit, AppError> {
    match outcome {
        UnitOutcome::Saved(unit) => Ok(unit),
        UnitOutcome::NotFound => Err(AppError::NotFound(format!("handling unit {id}"))),
        UnitOutcome::NameTaken => Err(AppError::conflict_on(
            ErrorCode::Taken,
            UnitField::Name,
            "another handling unit has this name",
        )),
    }
}

/// Every handling unit, active or not, by name.
#[utoipa::path(get, path = "/api/units", tag = "moderation", security(("session" = ["staff"])),
    responses(
        (status = 200, description = "The units", body = [HandlingUnit]),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn units_list(
    State(state): State<AppState>,
    _staff: Staff,
) -> Result<Json<Vec<HandlingUnit>>, AppError> {
    Ok(Json(state.db.units_list().await?))
}

/// Adds a handling unit (active).
#[utoipa::path(post, path = "/api/units", tag = "moderation", security(("session" = ["staff"], "csrf" = [])), request_body = NewUnit,
    responses(
        (status = 201, description = "Added", body = HandlingUnit),
        (status = 400, description = "The name is too short or long", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 409, description = "Another unit has this name", body = ApiError),
    ))]
pub async fn units_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    body: Result<Json<NewUnit>, JsonRejection>,
) -> Result<(StatusCode, Json<HandlingUnit>), AppError> {
    let Json(new) = body?;
    validate_unit_name(&new.name).map_err(AppError::BadRequest)?;
    let id = format!("u-{}", &random_id()[..10]);
    let outcome = state
        .db
        .unit_create(
            &id,
            new.name.trim(),
            &staff.account.id,
            state.clock.now_ms(),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(saved(outcome, &id)?)))
}

/// Renames a unit and/or (de)activates it. A deactivated unit keeps its opinions and history
/// but takes no new ones.
#[utoipa::path(put, path = "/api/units/{id}", tag = "moderation", security(("session" = ["staff"], "csrf" = [])), request_body = UnitChange,
    params(("id" = String, Path, description = "The unit's id")),
    responses(
        (status = 200, description = "Changed", body = HandlingUnit),
        (status = 400, description = "The name is too short or long", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such unit", body = ApiError),
        (status = 409, description = "Another unit has this name", body = ApiError),
    ))]
pub async fn units_update(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<UnitChange>, JsonRejection>,
) -> Result<Json<HandlingUnit>, AppError> {
    let Json(change) = body?;
    if let Some(name) = &change.name {
        validate_unit_name(name).map_err(AppError::BadRequest)?;
    }
    let outcome = state
        .db
        .unit_update(
            &id,
            change.name.as_deref().map(str::trim),
            change.active,
            &staff.account.id,
            state.clock.now_ms(),
        )
        .await?;
    Ok(Json(saved(outcome, &id)?))
}

/// The calendar with the years it lacks: from today to the due date an assignment made today
/// would get.
async fn calendar_view(
    state: &AppState,
    recomputed: Option<u32>,
) -> Result<HolidayCalendarView, AppError> {
    let calendar = state.db.holidays_get().await?;
    let work = WorkCalendar::of(&calendar.days);
    let today = hohhot_day(state.clock.now_ms());
    let reach = work.working_days_after(today, state.opinion_due_working_days);
    Ok(HolidayCalendarView {
        missing_years: missing_years(&calendar.days, today, reach),
        days: calendar.days,
        recomputed,
    })
}

/// The holiday calendar that due dates count around, and the years it lacks.
#[utoipa::path(get, path = "/api/holidays", tag = "moderation", security(("session" = ["staff"])),
    responses(
        (status = 200, description = "Holidays and make-up working days, by date", body = HolidayCalendarView),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn holidays_get(
    State(state): State<AppState>,
    _staff: Staff,
) -> Result<Json<HolidayCalendarView>, AppError> {
    Ok(Json(calendar_view(&state, None).await?))
}

/// Replaces the whole holiday calendar. Open due dates that were set by the rule and not
/// extended are counted again on the new calendar (each move audited); extended ones stay.
#[utoipa::path(put, path = "/api/holidays", tag = "moderation", security(("session" = ["staff"], "csrf" = [])), request_body = HolidayCalendar,
    responses(
        (status = 200, description = "The calendar as stored, and how many due dates moved", body = HolidayCalendarView),
        (status = 400, description = "A date is invalid or listed twice, or a name is empty", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
    ))]
pub async fn holidays_put(
    State(state): State<AppState>,
    Staff(staff): Staff,
    body: Result<Json<HolidayCalendar>, JsonRejection>,
) -> Result<Json<HolidayCalendarView>, AppError> {
    let Json(calendar) = body?;
    calendar.validate().map_err(AppError::BadRequest)?;
    let recomputed = state
        .db
        .holidays_replace(
            &calendar,
            state.opinion_due_working_days,
            &staff.account.id,
            state.clock.now_ms(),
        )
        .await?;
    Ok(Json(calendar_view(&state, Some(recomputed)).await?))
}
