//! Every request's deadlines: its body may not pause longer than `DH_BODY_TIMEOUT_SECONDS`
//! (reading it then fails, a 400 naming the body), and its answer's head must be ready within
//! `DH_REQUEST_TIMEOUT_SECONDS` of its own head, or the work is dropped (an open transaction
//! rolls back) and it is answered 503 in the one JSON error shape. A body sent a byte at a time
//! therefore holds a connection no longer than the request timeout.

use crate::AppState;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use deputy_homes_api::{ApiError, ErrorCode};
use tower_http::timeout::TimeoutBody;

/// Middleware: the body's pause limit and the request's deadline.
pub async fn deadline(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let (parts, body) = request.into_parts();
    let body = Body::new(TimeoutBody::new(state.body_timeout, body));
    let path = parts.uri.path().to_owned();
    let request = Request::from_parts(parts, body);
    match tokio::time::timeout(state.request_timeout, next.run(request)).await {
        Ok(response) => response,
        Err(_) => {
            let seconds = state.request_timeout.as_secs();
            tracing::warn!(path, seconds, "request stopped at its deadline");
            let body = ApiError::new(
                ErrorCode::Internal,
                format!("the request took longer than {seconds} s and was stopped"),
            );
            (StatusCode::SERVICE_UNAVAILABLE, Json(body)).into_response()
        }
    }
}
