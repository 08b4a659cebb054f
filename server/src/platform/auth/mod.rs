//! Who is asking: sessions in a cookie, the anti-forgery check, and role guards. Every handler
//! that needs an account takes [`SignedIn`] or [`Staff`]; the check cannot be forgotten.

pub mod password;

use crate::platform::error::AppError;
pub use crate::platform::ids::{random_id, random_token};
use crate::AppState;
use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use axum::http::Method;
use axum_extra::extract::cookie::{Cookie, CookieJar, SameSite};
use deputy_homes_api::accounts::{Account, Role};
use sha2::{Digest, Sha256};
use subtle::ConstantTimeEq;

/// Name of the session cookie.
pub const SESSION_COOKIE: &str = "dh_session";
/// Name of a verified phone's session cookie (`crate::citizens::session`).
pub const CITIZEN_COOKIE: &str = "dh_citizen";
/// Header that state-changing requests must carry, holding the session's anti-forgery token.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// What the database keeps of a session token: its SHA-256, so a leaked table opens no session.
pub fn token_hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// The session cookie: HttpOnly, SameSite=Strict, Secure when served over TLS.
pub fn session_cookie(token: String, secure: bool, max_age_secs: i64) -> Cookie<'static> {
    Cookie::build((SESSION_COOKIE, token))
        .http_only(true)
        .same_site(SameSite::Strict)
        .secure(secure)
        .path("/")
        .max_age(time_duration(max_age_secs))
        .build()
}

fn time_duration(secs: i64) -> time::Duration {
    time::Duration::seconds(secs)
}

/// The signed-in account of this request, with its session's token hash and anti-forgery token.
#[derive(Debug, Clone)]
pub struct SignedIn {
    pub account: Account,
    pub token_hash: String,
    pub csrf_token: String,
    /// Staff reset the password; only the session's own endpoints are open until it changes.
    pub must_change_password: bool,
}

fn changes_state(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// The hash of the token in the request's cookie `cookie`, or 401 when it carries none.
pub fn cookie_token_hash(parts: &Parts, cookie: &str) -> Result<String, AppError> {
    CookieJar::from_headers(&parts.headers)
        .get(cookie)
        .map(|c| token_hash(c.value()))
        .ok_or(AppError::Unauthenticated)
}

/// A request that changes state must carry its session's anti-forgery token (403 otherwise).
pub fn check_csrf(parts: &Parts, session_csrf_token: &str) -> Result<(), AppError> {
    let sent = parts.headers.get(CSRF_HEADER).map(|v| v.as_bytes());
    if changes_state(&parts.method) && !csrf_matches(sent, session_csrf_token) {
        return Err(AppError::CsrfRejected);
    }
    Ok(())
}

impl FromRequestParts<AppState> for SignedIn {
    type Rejection = AppError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let token_hash = cookie_token_hash(parts, SESSION_COOKIE)?;
        let session = state
            .db
            .session_by_token_hash(&token_hash)
            .await?
            .ok_or(AppError::Unauthenticated)?;
        if session.expires_at_ms <= state.clock.now_ms() {
            state.db.session_delete(&token_hash).await?;
            return Err(AppError::Unauthenticated);
        }
        check_csrf(parts, &session.csrf_token)?;
        // After a reset by staff, the session may read itself, sign out and change the
        // password (all under /api/session), nothing else.
        if session.must_change_password && !parts.uri.path().starts_with("/api/session") {
            return Err(AppError::Forbidden(
                "choose a new password first (PUT /api/session/password)".into(),
            ));
        }
        Ok(SignedIn {
            account: session.account,
            token_hash,
            csrf_token: session.csrf_token,
            must_change_password: session.must_change_password,
        })
    }
}

/// Whether the anti-forgery token sent matches the session's, compared in constant time so the
/// answer's timing tells nothing of how many of its first bytes were right.
fn csrf_matches(sent: Option<&[u8]>, expected: &str) -> bool {
    sent.is_some_and(|sent| bool::from(sent.ct_eq(expected.as_bytes())))
}

/// A signed-in delegate (only delegates vote, inspect and evaluate projects).
#[derive(Debug, Clone)]
pub struct Delegate(pub SignedIn);

/// A signed-in staff member.
#[derive(Debug, Clone)]
pub struct Staff(pub SignedIn);

/// The extractor of a signed-in account of one role: any other role is refused with 403.
macro_rules! one_role {
    ($extractor:ident, $role:expr, $refusal:literal) => {
        impl FromRequestParts<AppState> for $extractor {
            type Rejection = AppError;

            async fn from_request_parts(
                parts: &mut Parts,
                state: &AppState,
            ) -> Result<Self, Self::Rejection> {
                let signed_in = SignedIn::from_request_parts(parts, state).await?;
                if signed_in.account.role != $role {
                    return Err(AppError::Forbidden($refusal.into()));
                }
                Ok($extractor(signed_in))
            }
        }
    };
}

one_role!(Delegate, Role::Delegate, "only delegates may do this");
one_role!(Staff, Role::Staff, "only staff may do this");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_the_whole_csrf_token_matches() {
        let token = "0123456789abcdef0123456789abcdef";
        assert!(csrf_matches(Some(token.as_bytes()), token));
        assert!(!csrf_matches(None, token));
        assert!(!csrf_matches(Some(b""), token));
        assert!(!csrf_matches(Some(&token.as_bytes()[..31]), token));
        assert!(!csrf_matches(
            Some(b"0123456789abcdef0123456789abcdeX"),
            token
        ));
        assert!(!csrf_matches(Some(format!("{token}0").as_bytes()), token));
    }
}
