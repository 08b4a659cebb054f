//! The server's error type and how it becomes the one JSON error shape.

use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::Json;
use deputy_homes_api::{ApiError, ErrorCode};

/// A failed request. 4xx are the caller's fault and are not logged as errors; 5xx are logged
/// with their cause chain and shown to the caller without internals.
#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    BadRequest(ApiError),
    #[error("{0} not found")]
    NotFound(String),
    #[error("signing in is needed")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(String),
    #[error("the anti-forgery token is missing or wrong")]
    CsrfRejected,
    #[error("the login or password is wrong")]
    BadCredentials,
    #[error("too many attempts; try again in {retry_after_secs} s")]
    TooManyAttempts { retry_after_secs: i64 },
    #[error("{0}")]
    Conflict(ApiError),
    /// A 413: the upload is larger than allowed; `field` names it.
    #[error("{0}")]
    TooLarge(ApiError),
    /// A 429 with its own explanation, e.g. an hourly limit of submissions.
    #[error("{message}")]
    Limited {
        message: String,
        retry_after_secs: i64,
    },
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

/// A request body that is not the expected JSON is a bad parameter named `body`, in the one
/// error shape, rather than axum's plain-text 415 or 422.
impl From<axum::extract::rejection::JsonRejection> for AppError {
    fn from(rejection: axum::extract::rejection::JsonRejection) -> Self {
        AppError::BadRequest(ApiError::bad_parameter("body", rejection.body_text()))
    }
}

impl AppError {
    /// A 409: the thing to create or change is in a state that forbids it; `field` names the
    /// input at fault, if one is.
    pub fn conflict(message: impl Into<String>, field: Option<&str>) -> AppError {
        AppError::Conflict(ApiError {
            code: ErrorCode::Conflict,
            message: message.into(),
            field: field.map(str::to_owned),
        })
    }

    /// A 409 `limit_reached`: the request would break a limit on how many there may be.
    pub fn limit_reached(field: &str, message: impl Into<String>) -> AppError {
        AppError::Conflict(ApiError {
            code: ErrorCode::LimitReached,
            message: message.into(),
            field: Some(field.to_owned()),
        })
    }
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let simple = |code: ErrorCode, message: String| ApiError {
            code,
            message,
            field: None,
        };
        let retry_after = match &self {
            AppError::TooManyAttempts { retry_after_secs }
            | AppError::Limited {
                retry_after_secs, ..
            } => Some(*retry_after_secs),
            _ => None,
        };
        let (status, body) = match self {
            AppError::BadRequest(e) => (StatusCode::BAD_REQUEST, e),
            AppError::Conflict(e) => (StatusCode::CONFLICT, e),
            AppError::TooLarge(e) => (StatusCode::PAYLOAD_TOO_LARGE, e),
            AppError::Limited { message, .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                simple(ErrorCode::TooManyAttempts, message),
            ),
            e @ AppError::Unauthenticated => (
                StatusCode::UNAUTHORIZED,
                simple(ErrorCode::Unauthenticated, e.to_string()),
            ),
            AppError::Forbidden(m) => (StatusCode::FORBIDDEN, simple(ErrorCode::Forbidden, m)),
            e @ AppError::CsrfRejected => (
                StatusCode::FORBIDDEN,
                simple(ErrorCode::CsrfRejected, e.to_string()),
            ),
            e @ AppError::BadCredentials => (
                StatusCode::UNAUTHORIZED,
                simple(ErrorCode::BadCredentials, e.to_string()),
            ),
            e @ AppError::TooManyAttempts { .. } => (
                StatusCode::TOO_MANY_REQUESTS,
                simple(ErrorCode::TooManyAttempts, e.to_string()),
            ),
            AppError::NotFound(what) => (
                StatusCode::NOT_FOUND,
                ApiError {
                    code: ErrorCode::NotFound,
                    message: format!("{what} not found"),
                    field: None,
                },
            ),
            AppError::Internal(e) => {
                tracing::error!(error = format!("{e:#}"), "request failed");
                let message = "the server could not complete the request".to_owned();
                (
                    StatusCode::INTERNAL_SERVER_ERROR,
                    ApiError {
                        code: ErrorCode::Internal,
                        message,
                        field: None,
                    },
                )
            }
        };
        let mut response = (status, Json(body)).into_response();
        if let Some(secs) = retry_after {
            response.headers_mut().insert(
                axum::http::header::RETRY_AFTER,
                axum::http::HeaderValue::from(secs.max(1)),
            );
        }
        response
    }
}
