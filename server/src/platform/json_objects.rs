//! Every JSON request body of the API is an object, as the OpenAPI document says; this refuses
//! any other JSON before a handler reads it, refuses a NUL character in any of its strings and
//! puts every string in Unicode normalization form C.
//!
//! serde reads a struct from a JSON array too (its fields in order), so without this check
//! `PUT /api/units/{id}` took `[null, null]` as a change of nothing, though the document allows
//! only an object there.
//!
//! PostgreSQL cannot store a NUL in text, so one anywhere (an id, a code, a login) used to
//! answer 500; the free-text rules in `api` refuse every other control character by field.
//! Normalizing here, once for every write, means two spellings of one name (a precomposed `é`
//! and `e` with a combining accent) are stored, compared and counted as the same text.

use crate::platform::error::AppError;
use axum::body::Body;
use axum::extract::Request;
use axum::http::header::CONTENT_TYPE;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use deputy_homes_api::platform::fields::RequestField;
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;
use serde_json::Value;
use tower_http::timeout::TimeoutError;
use unicode_normalization::{is_nfc, UnicodeNormalization};

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
    let bytes = match serde_json::from_slice::<Value>(&bytes) {
        // Bytes that are not JSON go on unchanged: the handler's extractor names the fault.
        Err(_) => bytes,
        Ok(mut value) => {
            if let Some(field) = field_with_nul(&value, &mut Vec::new()) {
                let message = format!("{field} may not contain the NUL character");
                return AppError::BadRequest(ApiError::undecodable(field, message)).into_response();
            }
            if normalize(&mut value) {
                serde_json::to_vec(&value)
                    .expect("a JSON value serializes")
                    .into()
            } else {
                bytes
            }
        }
    };
    next.run(Request::from_parts(parts, Body::from(bytes)))
        .await
}

/// The field holding a string with a NUL, named as validation names fields (`contact.name`,
/// list positions left out; `body` at the top).
fn field_with_nul(value: &Value, path: &mut Vec<String>) -> Option<String> {
    let here = |path: &[String]| match path.is_empty() {
        true => "body".to_owned(),
        false => path.join("."),
    };
    match value {
        Value::String(text) if text.contains('\0') => Some(here(path)),
        Value::Array(items) => items.iter().find_map(|item| field_with_nul(item, path)),
        Value::Object(members) => members.iter().find_map(|(key, member)| {
            path.push(key.clone());
            let found = match key.contains('\0') {
                true => Some(here(path)),
                false => field_with_nul(member, path),
            };
            path.pop();
            found
        }),
        _ => None,
    }
}

/// Puts every string value of `value` in normalization form C; whether any changed.
fn normalize(value: &mut Value) -> bool {
    match value {
        Value::String(text) if !is_nfc(text) => {
            *text = text.nfc().collect();
            true
        }
        // Every member is normalized: no stop at the first that changed, as `any` would.
        Value::Array(items) => {
            let mut changed = false;
            for item in items {
                changed |= normalize(item);
            }
            changed
        }
        Value::Object(members) => {
            let mut changed = false;
            for member in members.values_mut() {
                changed |= normalize(member);
            }
            changed
        }
        _ => false,
    }
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
