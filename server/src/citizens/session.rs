//! The citizen's session: its cookie (`dh_citizen`, HttpOnly, SameSite=Strict) and the
//! [`Citizen`] guard, which admits a request only with a live session and, for a state change,
//! that session's anti-forgery token. Every handler that acts for a phone takes it.

pub use crate::platform::auth::CITIZEN_COOKIE;
use crate::platform::auth::{check_csrf, cookie_token_hash};
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum_extra::extract::cookie::{Cookie, SameSite};
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
        let token_hash = cookie_token_hash(parts, CITIZEN_COOKIE)?;
        let session = state
            .db
            .citizen_session(&token_hash)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if session.expires_at_ms <= state.clock.now_ms() {
            state.db.citizen_session_delete(&token_hash).await?;
            return Err(AppError::Unauthenticated);
        }
        check_csrf(parts, &session.csrf_token)?;
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
