//! `POST /api/session` signs in, `GET` says who is signed in, `DELETE` signs out;
//! `PUT /api/session/password` changes the signed-in account's password.

use crate::accounts::rules;
use crate::platform::auth::password;
use crate::platform::auth::{session_cookie, SignedIn};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use axum_extra::extract::cookie::CookieJar;
use deputy_homes_api::accounts::{ChangePassword, PasswordField, Session, SignIn};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

/// Signs in with a username or mobile number and a password; sets the session cookie.
#[utoipa::path(post, path = "/api/session", tag = "accounts", request_body = SignIn,
    responses(
        (status = 200, description = "Signed in; the cookie is set", body = Session),
        (status = 400, description = "The body is not a sign-in, or the login is over 64 characters", body = ApiError),
        (status = 401, description = "Wrong login or password", body = ApiError),
        (status = 429, description = "Too many failed attempts from this address, or for this login; see Retry-After", body = ApiError),
    ))]
pub async fn session_create(
    State(state): State<AppState>,
    jar: CookieJar,
    ip: ClientIp,
    body: Result<Json<SignIn>, JsonRejection>,
) -> Result<(CookieJar, Json<Session>), AppError> {
    let Json(body) = body?;
    body.validate().map_err(AppError::BadRequest)?;
    let session_ms = state.session_hours * 3_600_000;
    let new = rules::sign_in(
        &state.db,
        &state.password_checks,
        (&body.login, &body.password),
        &ip.limit_subject(),
        session_ms,
        state.clock.now_ms(),
    )
    .await?;
    let cookie = session_cookie(new.token, state.secure_cookies, session_ms / 1000);
    Ok((
        jar.add(cookie),
        Json(Session {
            account: new.account,
            csrf_token: new.csrf_token,
            must_change_password: new.must_change_password,
        }),
    ))
}

/// The signed-in account and its anti-forgery token (after a reload, the app asks here).
#[utoipa::path(get, path = "/api/session", tag = "accounts", security(("session" = [])),
    responses(
        (status = 200, description = "The session", body = Session),
        (status = 401, description = "Not signed in, or the session ended", body = ApiError),
    ))]
pub async fn session_get(signed_in: SignedIn) -> Json<Session> {
    Json(Session {
        account: signed_in.account,
        csrf_token: signed_in.csrf_token,
        must_change_password: signed_in.must_change_password,
    })
}

/// Signs out: ends the session on the server and clears the cookie.
#[utoipa::path(delete, path = "/api/session", tag = "accounts", security(("session" = [], "csrf" = [])),
    responses(
        (status = 204, description = "Signed out"),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "The anti-forgery token is missing or wrong", body = ApiError),
    ))]
pub async fn session_delete(
    State(state): State<AppState>,
    jar: CookieJar,
    signed_in: SignedIn,
) -> Result<(StatusCode, CookieJar), AppError> {
    state.db.session_delete(&signed_in.token_hash).await?;
    let expired = session_cookie(String::new(), state.secure_cookies, 0);
    Ok((StatusCode::NO_CONTENT, jar.add(expired)))
}

/// Changes the signed-in account's own password, given the present one; every other session
/// of the account ends (this one lives on). Audited.
#[utoipa::path(put, path = "/api/session/password", tag = "accounts", security(("session" = [], "csrf" = [])),
    request_body = ChangePassword,
    responses(
        (status = 204, description = "Changed; the account's other sessions have ended"),
        (status = 400, description = "The present password is wrong (`bad_credentials` on `password`), or the new one is not 10 to 256 characters", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "No anti-forgery token", body = ApiError),
    ))]
pub async fn session_change_password(
    State(state): State<AppState>,
    signed_in: SignedIn,
    body: Result<Json<ChangePassword>, JsonRejection>,
) -> Result<StatusCode, AppError> {
    let Json(body) = body?;
    body.validate().map_err(AppError::BadRequest)?;
    let account_id = &signed_in.account.id;
    let hash = state.db.account_password_hash(account_id).await?;
    let matches = {
        let _permit = state
            .password_checks
            .acquire()
            .await
            .map_err(anyhow::Error::from)?;
        password::verify(body.password.clone(), hash).await?
    };
    if !matches {
        return Err(AppError::refused(
            ErrorCode::BadCredentials,
            PasswordField::Password,
            "the present password is wrong",
        ));
    }
    let new_hash = {
        let _permit = state
            .password_checks
            .acquire()
            .await
            .map_err(anyhow::Error::from)?;
        password::hash(body.new_password.clone()).await?
    };
    state
        .db
        .account_change_password(
            account_id,
            &new_hash,
            &signed_in.token_hash,
            state.clock.now_ms(),
        )
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
