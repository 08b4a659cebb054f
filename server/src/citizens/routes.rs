//! The HTTP handlers of citizens: asking for a code, verifying it (which starts the session),
//! the session itself, and "我的", everything held for the verified phone.

use crate::citizens::codes::{self, NotVerified, Sent};
use crate::citizens::session::{citizen_cookie, Citizen};
use crate::platform::auth::token_hash;
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::State;
use axum::http::StatusCode;
use axum::Json;
use axum_extra::extract::cookie::CookieJar;
use deputy_homes_api::citizens::{
    CitizenField, CitizenSession, CodeRequest, CodeSent, Mine, MyBooking, VerifyCode,
    CODE_VALID_MINUTES,
};
use deputy_homes_api::{ApiError, ErrorCode};
use utoipa_axum::{router::OpenApiRouter, routes};

/// The citizens' endpoints, each with its OpenAPI entry.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(codes_create))
        .routes(routes!(
            citizen_session_create,
            citizen_session_get,
            citizen_session_delete
        ))
        .routes(routes!(mine_get))
}

/// Texts a six-digit code to the phone (valid 10 minutes). At most 1 a minute, 5 an hour and 10
/// a day per phone, and 20 an hour per client address (`DH_CODES_PER_ADDRESS_PER_HOUR`).
#[utoipa::path(post, path = "/api/citizen/codes", tag = "citizens", request_body = CodeRequest,
    responses(
        (status = 202, description = "A code is on its way", body = CodeSent),
        (status = 400, description = "`phone` is not a mainland mobile number", body = ApiError),
        (status = 429, description = "The phone or this address asked too often; see Retry-After", body = ApiError),
    ))]
pub async fn codes_create(
    State(state): State<AppState>,
    ip: ClientIp,
    body: Result<Json<CodeRequest>, JsonRejection>,
) -> Result<(StatusCode, Json<CodeSent>), AppError> {
    let Json(body) = body?;
    let phone = body.validate().map_err(AppError::BadRequest)?;
    let now = state.clock.now_ms();
    match codes::send_code(
        &state.db,
        &state.verification_codes,
        &phone,
        (&ip.limit_key(), state.codes_per_address_hour),
        now,
    )
    .await?
    {
        Sent::Yes {
            resend_after_seconds,
        } => Ok((
            StatusCode::ACCEPTED,
            Json(CodeSent {
                phone_masked: phone.masked(),
                valid_minutes: CODE_VALID_MINUTES,
                resend_after_seconds,
            }),
        )),
        Sent::TooOften {
            retry_after_seconds,
        } => Err(AppError::Limited {
            message: format!("too many codes asked for; try again in {retry_after_seconds} s"),
            retry_after_secs: retry_after_seconds,
        }),
    }
}

fn session_of(citizen: &Citizen) -> CitizenSession {
    CitizenSession {
        phone: citizen.phone.as_str().to_owned(),
        csrf_token: citizen.csrf_token.clone(),
        expires_at_ms: citizen.expires_at_ms,
    }
}

/// Verifies the code texted to the phone and starts the phone's session (its cookie is set). A
/// code is void after 5 wrong tries, when used, when a newer one is sent, and after 10 minutes.
#[utoipa::path(post, path = "/api/citizen/session", tag = "citizens", request_body = VerifyCode,
    responses(
        (status = 200, description = "Verified; the session's cookie is set", body = CitizenSession),
        (status = 400, description = "`phone` or `code` malformed; `wrong_code` on `code`; `code_expired` on `code` when no code may be tried", body = ApiError),
    ))]
pub async fn citizen_session_create(
    State(state): State<AppState>,
    jar: CookieJar,
    body: Result<Json<VerifyCode>, JsonRejection>,
) -> Result<(CookieJar, Json<CitizenSession>), AppError> {
    let Json(body) = body?;
    let (phone, code) = body.validate().map_err(AppError::BadRequest)?;
    let now = state.clock.now_ms();
    match codes::verify(&state.db, &phone, &code, now).await? {
        Ok(session) => {
            let max_age = (session.expires_at_ms - now) / 1000;
            let cookie = citizen_cookie(session.token.clone(), state.secure_cookies, max_age);
            let citizen = Citizen {
                phone,
                token_hash: token_hash(&session.token),
                csrf_token: session.csrf_token,
                expires_at_ms: session.expires_at_ms,
            };
            Ok((jar.add(cookie), Json(session_of(&citizen))))
        }
        Err(NotVerified::Wrong { tries_left }) => Err(AppError::BadRequest(
            ApiError::new(
                ErrorCode::WrongCode,
                format!("the code is wrong; {tries_left} tries left"),
            )
            .on(CitizenField::Code),
        )),
        Err(NotVerified::NoLiveCode) => Err(AppError::BadRequest(
            ApiError::new(
                ErrorCode::CodeExpired,
                "no code may be tried: ask for a new one",
            )
            .on(CitizenField::Code),
        )),
    }
}

/// The verified phone's session (after a reload, the app asks here).
#[utoipa::path(get, path = "/api/citizen/session", tag = "citizens", security(("citizen" = [])),
    responses(
        (status = 200, description = "The session", body = CitizenSession),
        (status = 401, description = "No session, or it ended", body = ApiError),
    ))]
pub async fn citizen_session_get(citizen: Citizen) -> Json<CitizenSession> {
    Json(session_of(&citizen))
}

/// Ends the phone's session on this device ("退出") and clears its cookie.
#[utoipa::path(delete, path = "/api/citizen/session", tag = "citizens", security(("citizen" = [], "csrf" = [])),
    responses(
        (status = 204, description = "Ended"),
        (status = 401, description = "No session", body = ApiError),
        (status = 403, description = "The anti-forgery token is missing or wrong", body = ApiError),
    ))]
pub async fn citizen_session_delete(
    State(state): State<AppState>,
    jar: CookieJar,
    citizen: Citizen,
) -> Result<(StatusCode, CookieJar), AppError> {
    state.db.citizen_session_delete(&citizen.token_hash).await?;
    let expired = citizen_cookie(String::new(), state.secure_cookies, 0);
    Ok((StatusCode::NO_CONTENT, jar.add(expired)))
}

/// Most bookings and most opinions "我的" lists.
const MINE_LIMIT: i64 = 100;

/// "我的": every booking and opinion held for the verified phone, newest first, on any device.
#[utoipa::path(get, path = "/api/citizen/mine", tag = "citizens", security(("citizen" = [])),
    responses(
        (status = 200, description = "The phone's bookings (with their activities) and opinions", body = Mine),
        (status = 401, description = "No session", body = ApiError),
    ))]
pub async fn mine_get(
    State(state): State<AppState>,
    citizen: Citizen,
) -> Result<Json<Mine>, AppError> {
    let phone = citizen.phone.as_str();
    let mut bookings = Vec::new();
    for mut booking in state.db.bookings_of_phone(phone, MINE_LIMIT).await? {
        let Some(activity) = state.db.activity_by_id(&booking.activity_id).await? else {
            continue;
        };
        booking.phone = citizen.phone.masked();
        bookings.push(MyBooking { booking, activity });
    }
    let opinions = state.db.opinions_of_phone(phone, MINE_LIMIT).await?;
    Ok(Json(Mine { bookings, opinions }))
}
