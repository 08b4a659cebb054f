//! The one JSON error shape that crosses the wire.

use serde::{Deserialize, Serialize};

/// Machine-readable reason for a failed request; the app picks its message from this code.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A query parameter or body field failed validation.
    BadParameter,
    /// The requested resource does not exist.
    NotFound,
    /// Signing in is needed, or the session has ended.
    Unauthenticated,
    /// The signed-in account may not do this.
    Forbidden,
    /// A state-changing request came without the session's anti-forgery token.
    CsrfRejected,
    /// The login and password do not match an account.
    BadCredentials,
    /// Too many attempts; `message` says when to try again.
    TooManyAttempts,
    /// The thing to create exists already (a username or phone in use).
    Conflict,
    /// The request would break a limit on how many there may be: a phone's upcoming bookings,
    /// or a capacity below the seats booked. `field` names the field at fault.
    LimitReached,
    /// The server failed; details are in its log, not in the response.
    Internal,
}

/// Body of every non-2xx API response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    /// An English explanation for developers and logs; users see the app's own translation.
    pub message: String,
    /// The parameter at fault, when there is one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub field: Option<String>,
}

impl ApiError {
    /// A validation failure of one named parameter.
    pub fn bad_parameter(field: &str, message: impl Into<String>) -> Self {
        ApiError {
            code: ErrorCode::BadParameter,
            message: message.into(),
            field: Some(field.to_owned()),
        }
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}
