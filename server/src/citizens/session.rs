//! The citizen's session: its cookie (`dh_citizen`, HttpOnly, SameSite=Strict) and the
//! [`Citizen`] guard, which admits a request only with a live session and, for a state change,
//! that session's anti-forgery token. Every handler that acts for a phone takes it.

pub use crate::platform::auth::CITIZEN_COOKIE;
use crate::platform::auth::{csrf_matches, token_hash, CSRF_HEADER};
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::Method;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use deputy_homes_api::accounts::MobileNumber;

/// The citizen session cookie: HttpOnly, SameSite=Strict, Secure when served over TLS.
pub fn citizen_cookie(token: String, secure: bool, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build((CITIZEN_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .path("/")
        .max_age(time::Duration::seconds(max_age_secs))
        .build()
}

/// A request made with a verified phone's session.
#[derive(Debug, Clone)]
pub struct Citizen {
    pub phone: MobileNumber,
    pub token_hash: String,
    pub csrf_token: String,
    pub expires_at_ms: i64,
}

impl FromRequestParts<AppState> for Citizen {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let jar = CookieJar::from_headers(&parts.headers);
        let token = jar
            .get(CITIZEN_COOKIE)
            .map(|c| c.value().to_owned())
            .ok_or(AppError::Unauthenticated)?;
        let token_hash = token_hash(&token);
        let session = state
            .db
            .citizen_session(&token_hash)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if session.expires_at_ms <= state.clock.now_ms() {
            state.db.citizen_session_delete(&token_hash).await?;
            return Err(AppError::Unauthenticated);
        }
        if !matches!(parts.method, Method::GET | Method::HEAD | Method::OPTIONS) {
            let sent = parts.headers.get(CSRF_HEADER).map(|v| v.as_bytes());
            if !csrf_matches(sent, &session.csrf_token) {
                return Err(AppError::CsrfRejected);
            }
        }
        let phone = MobileNumber::parse(&session.phone)
            .map_err(|e| anyhow::anyhow!("stored citizen phone: {e}"))?;
        Ok(Citizen {
            phone,
            token_hash,
            csrf_token: session.csrf_token,
            expires_at_ms: session.expires_at_ms,
        })
    }
}

/// The session a request may or may not carry: for an operation open to everyone that does more
/// for a verified phone (an opinion with contact details needs one; an anonymous one does not).
#[derive(Debug, Clone)]
pub struct MaybeCitizen(pub Option<Citizen>);

impl FromRequestParts<AppState> for MaybeCitizen {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match Citizen::from_request_parts(parts, state).await {
            Ok(citizen) => Ok(MaybeCitizen(Some(citizen))),
            Err(AppError::Unauthenticated) => Ok(MaybeCitizen(None)),
            Err(other) => Err(other),
        }
    }
}
