//! The outbox's HTTP call: the text messages to citizens, as staff read them.

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::platform::outbox::Notification;

/// `GET /api/notifications`: the message outbox, newest first (staff only).
pub async fn notifications_list() -> Result<Vec<Notification>, ClientError> {
    ApiRequest::get("/api/notifications").send().await
}
