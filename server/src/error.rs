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
    #[error(transparent)]
    Internal(#[from] anyhow::Error),
}

impl IntoResponse for AppError {
    fn into_response(self) -> Response {
        let (status, body) = match self {
            AppError::BadRequest(e) => (StatusCode::BAD_REQUEST, e),
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
        (status, Json(body)).into_response()
    }
}
