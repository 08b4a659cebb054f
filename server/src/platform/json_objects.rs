//! Every JSON request body of the API is an object, as the OpenAPI document says; this refuses
//! any other JSON before a handler reads it.
//!
//! serde reads a struct from a JSON array too (its fields in order), so without this check
//! `PUT /api/units/{id}` took `[null, null]` as a change of nothing, though the document allows
//! only an object there.

use crate::platform::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use deputy_homes_api::platform::fields::RequestField;
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;
use tower_http::timeout::TimeoutError;

/// The largest JSON body read: axum's own default limit for `Json` bodies.
const MAX_JSON_BYTES: usize = 2 * 1024 * 1024;

/// Passes on a request whose JSON body, if it has one, starts as an object; refuses the rest
/// with a 400 naming `body` (a 413 past [`MAX_JSON_BYTES`], a 400 when it stops arriving).
pub async fn only_objects(request: Request, next: Next) -> Response {
    if !is_json(&request) {
        return next.run(request).await;
    }
    let (parts, body) = request.into_parts();
    let bytes = match axum::body::to_bytes(body, MAX_JSON_BYTES).await {
        Ok(bytes) => bytes,
        // The body paused longer than `DH_BODY_TIMEOUT_SECONDS` (see `deadline`).
        Err(e) if paused(&e) => {
            let message = "the body stopped arriving before it was complete";
            return AppError::bad(RequestField::Body, message).into_response();
        }
        Err(_) => {
            let too_large = format!("a JSON body may have at most {MAX_JSON_BYTES} bytes");
            return AppError::TooLarge(
                ApiError::new(ErrorCode::TooLarge, too_large).on(RequestField::Body),
            )
            .into_response();
        }
    };
    if let Some(first) = bytes.iter().find(|b| !b.is_ascii_whitespace()) {
        if *first != b'{' {
            let message = "the body must be a JSON object, as the OpenAPI document says";
            return AppError::bad(RequestField::Body, message).into_response();
        }
    }
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// Whether reading a body failed because it paused too long.
fn paused(error: &axum::Error) -> bool {
    let mut cause: Option<&(dyn std::error::Error + 'static)> = Some(error);
    while let Some(e) = cause {
        if e.is::<TimeoutError>() {
            return true;
        }
        cause = e.source();
    }
    false
}

/// Whether the request says its body is JSON as axum's `Json` reads it: `application/json` or
/// an `application/…+json` type, with or without parameters.
fn is_json(request: &Request) -> bool {
    let Some(mime) = request
        .headers()
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.split(';').next())
    else {
        return false;
    };
    let mime = mime.trim().to_ascii_lowercase();
    mime == "application/json" || (mime.starts_with("application/") && mime.ends_with("+json"))
}
