//! `GET /api/activities/{id}/calendar.ics`: the activity as a calendar file.

use crate::meetings::ics::{calendar, Event};
use crate::platform::error::AppError;
use crate::AppState;
use anyhow::Context;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Response};
use deputy_homes_api::meetings::booking::BookingField;
use deputy_homes_api::meetings::booking::{is_code, normalize_code};
use deputy_homes_api::ApiError;
use serde::Deserialize;

/// Query of the calendar file.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct CalendarQuery {
    /// A booking code to note in the event's description.
    pub code: Option<String>,
}

/// The activity as an iCalendar (RFC 5545) file with one event, times in UTC.
#[utoipa::path(get, path = "/api/activities/{id}/calendar.ics", tag = "activities",
    params(("id" = String, Path, description = "The activity"), CalendarQuery),
    responses(
        (status = 200, description = "An iCalendar file", body = String, content_type = "text/calendar"),
        (status = 400, description = "`code` is not a booking code", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
    ))]
pub async fn activities_calendar(
    State(state): State<AppState>,
    Path(id): Path<String>,
    query: Result<Query<CalendarQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(query) = query?;
    let activity = state
        .db
        .activity_by_id(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("activity {id}")))?;
    let code = query
        .code
        .as_deref()
        .map(normalize_code)
        .filter(|c| !c.is_empty());
    if code.as_deref().is_some_and(|c| !is_code(c)) {
        return Err(AppError::BadRequest(ApiError::bad_parameter(
            BookingField::Code,
            "code must be a six-character booking code",
        )));
    }
    let register = state.register.current(&state.db).await?;
    let address = register
        .homes
        .get(&activity.home_id)
        .map(|h| h.address.clone())
        .unwrap_or_default();
    let mut description = vec![format!("主题：{}", activity.topic)];
    if !activity.on_duty.is_empty() {
        let names: Vec<&str> = activity
            .on_duty
            .iter()
            .map(|d| d.display_name.as_str())
            .collect();
        description.push(format!("值班代表：{}", names.join("、")));
    }
    if let Some(code) = &code {
        description.push(format!("预约码：{code}"));
    }
    if let Some(reason) = &activity.cancel_reason {
        description.push(format!("活动已取消：{reason}"));
    }
    let uid = format!("activity-{}@deputy-homes", activity.id);
    let summary = format!("{} {}", activity.kind.name_zh(), activity.home_name);
    let description = description.join("\n");
    let event = Event {
        uid: &uid,
        stamp_ms: state.clock.now_ms(),
        starts_at_ms: activity.starts_at_ms,
        ends_at_ms: activity
            .ends_at_ms()
            .with_context(|| format!("activity {id} has an unreadable time"))?,
        summary: &summary,
        location: &address,
        description: &description,
        cancelled: activity.cancel_reason.is_some(),
    };
    let disposition = format!("attachment; filename=\"activity-{}.ics\"", activity.id);
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8".to_owned()),
            (CONTENT_DISPOSITION, disposition),
        ],
        calendar(&event),
    )
        .into_response())
}
