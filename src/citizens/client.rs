//! The citizens' HTTP calls: asking for a text code, verifying it (the server sets the
//! session's cookie), the session itself, and "我的".

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::citizens::{CitizenSession, CodeRequest, CodeSent, Mine, VerifyCode};

/// `POST /api/citizen/codes`: texts a code to `phone`.
pub async fn code_request(phone: String) -> Result<CodeSent, ClientError> {
    ApiRequest::post("/api/citizen/codes")
        .send_json(&CodeRequest { phone })
        .await
}

/// `POST /api/citizen/session`: verifies the code; the answer is the phone's new session.
pub async fn session_create(phone: String, code: String) -> Result<CitizenSession, ClientError> {
    ApiRequest::post("/api/citizen/session")
        .send_json(&VerifyCode { phone, code })
        .await
}

/// `GET /api/citizen/session`: the verified phone of this browser, or `None`.
pub async fn session_get() -> Result<Option<CitizenSession>, ClientError> {
    ApiRequest::get("/api/citizen/session")
        .send_unless_status(401)
        .await
}

/// `DELETE /api/citizen/session`: "退出", the session ends on the server.
pub async fn session_delete(csrf_token: String) -> Result<(), ClientError> {
    ApiRequest::delete("/api/citizen/session")
        .csrf(csrf_token)
        .send_and_ignore_answer()
        .await
}

/// `GET /api/citizen/mine`: the verified phone's bookings and opinions.
pub async fn mine() -> Result<Mine, ClientError> {
    ApiRequest::get("/api/citizen/mine").send().await
}
