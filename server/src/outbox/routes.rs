//! Staff read the outbox of messages to citizens.

use crate::outbox::store::MessagesAbout;
use crate::platform::auth::Staff;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::Json;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::booking::normalize_code;
use deputy_homes_api::opinions::normalize_tracking_number;
use deputy_homes_api::platform::outbox::Notification;
use deputy_homes_api::platform::outbox::OutboxField;
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
    /// Only the messages about this opinion's tracking number (e.g. `YJ20261128-0042`).
    pub opinion: Option<String>,
}

/// The newest messages first (at most 200), all or those about one booking or one opinion;
/// phones masked (staff only).
#[utoipa::path(get, path = "/api/notifications", tag = "notifications", security(("session" = ["staff"])), params(NotificationsQuery),
    responses(
        (status = 200, description = "Messages, newest first", body = Vec<Notification>),
        (status = 400, description = "Both a booking and an opinion were named", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn notifications_list(
    State(state): State<AppState>,
    _staff: Staff,
    query: Result<Query<NotificationsQuery>, QueryRejection>,
) -> Result<Json<Vec<Notification>>, AppError> {
    let Query(query) = query?;
    let given = |text: &Option<String>, normalize: fn(&str) -> String| {
        text.as_deref().map(normalize).filter(|t| !t.is_empty())
    };
    let code = given(&query.booking, normalize_code);
    let tracking = given(&query.opinion, normalize_tracking_number);
    let about = match (&code, &tracking) {
        (Some(_), Some(_)) => {
            return Err(AppError::BadRequest(ApiError::bad_parameter(
                OutboxField::Opinion,
                "name a booking or an opinion, not both",
            )))
        }
        (Some(code), None) => Some(MessagesAbout::Booking(code)),
        (None, Some(tracking)) => Some(MessagesAbout::Opinion(tracking)),
        (None, None) => None,
    };
    let mut list = state.db.notifications_list(about, MAX_LISTED).await?;
    for notification in &mut list {
        notification.phone = MobileNumber::parse(&notification.phone)
            .map(|m| m.masked())
            .unwrap_or_default();
    }
    Ok(Json(list))
}

/// The outbox's endpoint, with its OpenAPI entry.
pub fn router() -> utoipa_axum::router::OpenApiRouter<AppState> {
    utoipa_axum::router::OpenApiRouter::new().routes(utoipa_axum::routes!(notifications_list))
}
