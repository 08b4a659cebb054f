//! The accounts' HTTP calls: signing in and out, who is signed in, one's own password, and the
//! staff's accounts.

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::accounts::{
    Account, AccountActive, AccountHomes, ChangePassword, NewAccount, PasswordReset, Session,
    SignIn,
};
use deputy_homes_api::homes::maplinks::encode_component;

/// `GET /api/session`: the signed-in account, or `None` when nobody is signed in.
pub async fn session_get() -> Result<Option<Session>, ClientError> {
    ApiRequest::get("/api/session")
        .send_unless_status(401)
        .await
}

/// `POST /api/session`: signs in; the server sets the session cookie.
pub async fn session_create(login: String, password: String) -> Result<Session, ClientError> {
    ApiRequest::post("/api/session")
        .send_json(&SignIn { login, password })
        .await
}

/// `DELETE /api/session`: signs out on the server.
pub async fn session_delete(csrf_token: String) -> Result<(), ClientError> {
    ApiRequest::delete("/api/session")
        .csrf(csrf_token)
        .send_and_ignore_answer()
        .await
}

/// `PUT /api/session/password`: the signed-in account changes its own password.
pub async fn session_password_change(
    body: ChangePassword,
    csrf_token: String,
) -> Result<(), ClientError> {
    ApiRequest::put("/api/session/password")
        .csrf(csrf_token)
        .send_json_and_ignore_answer(&body)
        .await
}

/// `GET /api/accounts`: every account (staff only).
pub async fn accounts_list() -> Result<Vec<Account>, ClientError> {
    ApiRequest::get("/api/accounts").send().await
}

/// `POST /api/accounts`: creates an account (staff only).
pub async fn accounts_create(body: NewAccount, csrf_token: String) -> Result<Account, ClientError> {
    ApiRequest::post("/api/accounts")
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `PUT /api/accounts/{id}/homes`: sets the homes a delegate belongs to (staff only).
pub async fn account_homes_set(
    id: String,
    home_ids: Vec<String>,
    csrf_token: String,
) -> Result<Account, ClientError> {
    ApiRequest::put(format!("/api/accounts/{}/homes", encode_component(&id)))
        .csrf(csrf_token)
        .send_json(&AccountHomes { home_ids })
        .await
}

/// `PUT /api/accounts/{id}/active`: disables an account or enables it again (staff only).
pub async fn account_active_set(
    id: String,
    active: bool,
    csrf_token: String,
) -> Result<Account, ClientError> {
    ApiRequest::put(format!("/api/accounts/{}/active", encode_component(&id)))
        .csrf(csrf_token)
        .send_json(&AccountActive { active })
        .await
}

/// `PUT /api/accounts/{id}/password`: gives an account a temporary password (staff only).
pub async fn account_password_reset(
    id: String,
    password: String,
    csrf_token: String,
) -> Result<(), ClientError> {
    ApiRequest::put(format!("/api/accounts/{}/password", encode_component(&id)))
        .csrf(csrf_token)
        .send_json_and_ignore_answer(&PasswordReset { password })
        .await
}
