//! At the home: the delegates on duty see who booked, check people in by their booking code and
//! write what they heard; each delegate's year adds up to a public summary.

use crate::meetings::routes::activities::may_manage;
use crate::meetings::store::CheckInOutcome;
use crate::meetings::store::RecordWrite;
use crate::platform::auth::SignedIn;
use crate::platform::error::AppError;
use crate::platform::mongolian::TypedText;
use crate::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::Json;
use deputy_homes_api::accounts::{MobileNumber, Role};
use deputy_homes_api::meetings::activity::{
    civil_from_days, days_from_civil, shanghai_ms, Activity,
};
use deputy_homes_api::meetings::reception::ReceptionField;
use deputy_homes_api::meetings::reception::{
    CheckIn, ReceptionRecord, RecordInput, Roster, RosterEntry, YearSummary,
};
use deputy_homes_api::platform::time::SHANGHAI_OFFSET_MINUTES;
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;
use serde::Deserialize;

/// The activity, if the signed-in account may manage its home.
async fn managed_activity(
    state: &AppState,
    signed_in: &SignedIn,
    id: &str,
) -> Result<Activity, AppError> {
    let activity = state
        .db
        .activity_by_id(id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("activity {id}")))?;
    if !may_manage(&signed_in.account, &activity.home_id) {
        return Err(AppError::Forbidden(
            "only staff and this home's delegates see its bookings".into(),
        ));
    }
    Ok(activity)
}

fn on_duty(activity: &Activity, signed_in: &SignedIn) -> bool {
    activity
        .on_duty
        .iter()
        .any(|d| d.account_id == signed_in.account.id)
}

fn mask(mut entry: RosterEntry) -> RosterEntry {
    entry.phone = MobileNumber::parse(&entry.phone)
        .map(|m| m.masked())
        .unwrap_or_default();
    entry
}

/// Who booked an activity: phones in full for the delegates on duty, masked for everyone else.
#[utoipa::path(get, path = "/api/activities/{id}/bookings", tag = "reception", security(("session" = ["staff"]), ("session" = ["home_delegate"])),
    params(("id" = String, Path, description = "The activity")),
    responses(
        (status = 200, description = "Seated bookings, then the waitlist", body = Roster),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff nor a delegate of its home", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
    ))]
pub async fn roster_get(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Result<Json<Roster>, AppError> {
    let activity = managed_activity(&state, &signed_in, &id).await?;
    let full = on_duty(&activity, &signed_in);
    let entries = state.db.roster(&id).await?;
    let entries = if full {
        entries
    } else {
        entries.into_iter().map(mask).collect()
    };
    Ok(Json(Roster {
        phones_in_full: full,
        entries,
    }))
}

/// Checks a citizen in by their booking code.
#[utoipa::path(post, path = "/api/activities/{id}/check-in", tag = "reception", security(("session" = ["staff"], "csrf" = []), ("session" = ["home_delegate"], "csrf" = [])), request_body = CheckIn,
    params(("id" = String, Path, description = "The activity")),
    responses(
        (status = 200, description = "Checked in", body = RosterEntry),
        (status = 400, description = "Not a booking code", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff nor a delegate of its home, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such activity, or no live booking of it has this code", body = ApiError),
        (status = 409, description = "Checked in already, on the waitlist, or the activity was cancelled", body = ApiError),
    ))]
pub async fn check_in(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    body: Result<Json<CheckIn>, JsonRejection>,
) -> Result<Json<RosterEntry>, AppError> {
    let activity = managed_activity(&state, &signed_in, &id).await?;
    let Json(body) = body?;
    let code = body.normalized_code().map_err(AppError::BadRequest)?;
    if activity.cancel_reason.is_some() {
        return Err(AppError::conflict(
            ErrorCode::ActivityCancelled,
            "the activity was cancelled",
        ));
    }
    let outcome = state
        .db
        .check_in(&id, &code, &signed_in.account.id, state.clock.now_ms())
        .await?;
    let entry = match outcome {
        CheckInOutcome::CheckedIn(entry) => entry,
        CheckInOutcome::Already(at) => {
            let local = shanghai_clock(at);
            return Err(AppError::conflict_on(
                ErrorCode::AlreadyCheckedIn,
                ReceptionField::Code,
                format!("booking {code} was checked in already, at {local}"),
            ));
        }
        CheckInOutcome::Waitlisted => {
            return Err(AppError::conflict_on(
                ErrorCode::Waitlisted,
                ReceptionField::Code,
                format!("booking {code} is on the waitlist and has no seat"),
            ))
        }
        CheckInOutcome::NotFound => {
            return Err(AppError::NotFound(format!(
                "live booking {code} of this activity"
            )))
        }
    };
    Ok(Json(if on_duty(&activity, &signed_in) {
        entry
    } else {
        mask(entry)
    }))
}

/// `HH:MM` in Hohhot.
fn shanghai_clock(ms: i64) -> String {
    let minute = (ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES).rem_euclid(1440);
    format!("{:02}:{:02}", minute / 60, minute % 60)
}

/// The activity's reception record.
#[utoipa::path(get, path = "/api/activities/{id}/record", tag = "reception", security(("session" = ["staff"]), ("session" = ["home_delegate"])),
    params(("id" = String, Path, description = "The activity")),
    responses(
        (status = 200, description = "The record", body = ReceptionRecord),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff nor a delegate of its home", body = ApiError),
        (status = 404, description = "No such activity, or no record yet", body = ApiError),
    ))]
pub async fn record_get(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
) -> Result<Json<ReceptionRecord>, AppError> {
    managed_activity(&state, &signed_in, &id).await?;
    state
        .db
        .record_get(&id)
        .await?
        .map(Json)
        .ok_or_else(|| AppError::NotFound(format!("reception record of activity {id}")))
}

/// Writes what was heard at a reception, once it has begun (it started, or someone was checked
/// in); writing again replaces the record.
#[utoipa::path(put, path = "/api/activities/{id}/record", tag = "reception", security(("session" = ["staff"], "csrf" = []), ("session" = ["home_delegate"], "csrf" = [])), request_body = RecordInput,
    params(("id" = String, Path, description = "The activity")),
    responses(
        (status = 200, description = "The record as stored", body = ReceptionRecord),
        (status = 400, description = "A field is invalid, a code is not a booking of this activity, or the reception has not begun", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff nor a delegate of its home, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
        (status = 409, description = "The activity was cancelled", body = ApiError),
    ))]
pub async fn record_put(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    body: Result<Json<RecordInput>, JsonRejection>,
) -> Result<Json<ReceptionRecord>, AppError> {
    let activity = managed_activity(&state, &signed_in, &id).await?;
    let Json(mut body) = body?;
    body.standardize_mongolian();
    let codes = body.validate().map_err(AppError::BadRequest)?;
    if activity.cancel_reason.is_some() {
        return Err(AppError::conflict(
            ErrorCode::ActivityCancelled,
            "the activity was cancelled",
        ));
    }
    let now = state.clock.now_ms();
    if activity.starts_at_ms > now && !state.db.activity_has_check_ins(&id).await? {
        return Err(AppError::refused(
            ErrorCode::NotBegun,
            ReceptionField::Id,
            "a record is written once the reception has begun: it has started or someone was checked in",
        ));
    }
    let live = state.db.live_codes_of_activity(&id).await?;
    if let Some(stranger) = codes.iter().find(|c| !live.contains(c)) {
        return Err(AppError::BadRequest(ApiError::bad_parameter(
            ReceptionField::BookingCodes,
            format!("{stranger} is not a booking of this activity"),
        )));
    }
    state
        .db
        .record_put(&RecordWrite {
            activity_id: &id,
            raised: body.raised.trim(),
            follow_up: body.follow_up.trim(),
            booking_codes: &codes,
            written_by: &signed_in.account.id,
            now_ms: now,
        })
        .await?;
    let record = state
        .db
        .record_get(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("reception record of activity {id}")))?;
    Ok(Json(record))
}

/// Query of `GET /api/delegates/{id}/summary`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct YearQuery {
    /// The calendar year in Hohhot, 2000 to 2100; this year when left out.
    #[param(minimum = 2000, maximum = 2100)]
    pub year: Option<i32>,
}

/// The Hohhot calendar year of a moment.
fn shanghai_year(ms: i64) -> i32 {
    let days = (ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES).div_euclid(1440);
    i32::try_from(civil_from_days(days).0).unwrap_or(1970)
}

/// A delegate's year: activities held on duty, citizens met (checked in) and records written.
#[utoipa::path(get, path = "/api/delegates/{id}/summary", tag = "reception",
    params(("id" = String, Path, description = "The delegate's account"), YearQuery),
    responses(
        (status = 200, description = "The year in numbers", body = YearSummary),
        (status = 400, description = "Not a year", body = ApiError),
        (status = 404, description = "No such delegate", body = ApiError),
    ))]
pub async fn year_summary(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: Result<Query<YearQuery>, QueryRejection>,
) -> Result<Json<YearSummary>, AppError> {
    let bad_year = || {
        AppError::BadRequest(ApiError::bad_parameter(
            ReceptionField::Year,
            "year must be a year between 2000 and 2100",
        ))
    };
    let Query(query) = query.map_err(|_| bad_year())?;
    let now = state.clock.now_ms();
    let year = query.year.unwrap_or_else(|| shanghai_year(now));
    if !(2000..=2100).contains(&year) {
        return Err(bad_year());
    }
    let account = state
        .db
        .account_by_id(&id)
        .await?
        .filter(|a| a.role == Role::Delegate)
        .ok_or_else(|| AppError::NotFound(format!("delegate {id}")))?;
    let from = shanghai_ms(days_from_civil(i64::from(year), 1, 1), 0);
    let to = shanghai_ms(days_from_civil(i64::from(year) + 1, 1, 1), 0);
    let counts = state.db.year_counts(&id, from, to, now).await?;
    let count = |n: i64| u32::try_from(n).unwrap_or(u32::MAX);
    Ok(Json(YearSummary {
        display_name: account.display_name,
        account_id: account.id,
        year,
        activities: count(counts.activities),
        people_met: count(counts.people_met),
        records: count(counts.records),
    }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_year_and_clock_are_hohhots() {
        // 2025-12-31 16:30 UTC is already 2026-01-01 00:30 in Hohhot.
        let ms = 1_767_198_600_000;
        assert_eq!(shanghai_year(ms), 2026);
        assert_eq!(shanghai_clock(ms), "00:30");
        assert_eq!(shanghai_year(ms - 3_600_000), 2025);
    }
}
