//! Staff read the outbox of messages to citizens.

use crate::auth::Staff;
use crate::error::AppError;
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use deputy_homes_api::account::MobileNumber;
use deputy_homes_api::booking::normalize_code;
use deputy_homes_api::notification::Notification;
use deputy_homes_api::ApiError;
use serde::Deserialize;

/// Most messages one answer lists.
const MAX_LISTED: usize = 200;

/// Query of `GET /api/notifications`.
#[derive(Debug, Deserialize, utoipa::IntoParams)]
#[into_params(parameter_in = Query)]
pub struct NotificationsQuery {
    /// Only the messages about this booking code.
    pub booking: Option<String>,
}

/// The newest messages first (at most 200), all or one booking's; phones masked (staff only).
#[utoipa::path(get, path = "/api/notifications", tag = "notifications", params(NotificationsQuery),
    responses(
        (status = 200, description = "Messages, newest first", body = Vec<Notification>),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn notifications_list(
    State(state): State<AppState>,
    _staff: Staff,
    query: Result<Query<NotificationsQuery>, QueryRejection>,
) -> Result<Json<Vec<Notification>>, AppError> {
    let Query(query) = query
        .map_err(|e| AppError::BadRequest(ApiError::bad_parameter("booking", e.body_text())))?;
    let code = query
        .booking
        .as_deref()
        .map(normalize_code)
        .filter(|c| !c.is_empty());
    let mut list = state
        .db
        .notifications_list(code.as_deref(), MAX_LISTED)
        .await?;
    for notification in &mut list {
        notification.phone = MobileNumber::parse(&notification.phone)
            .map(|m| m.masked())
            .unwrap_or_default();
    }
    Ok(Json(list))
}
