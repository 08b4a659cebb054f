//! The `Idempotency-Key` header: a key the app makes once per filled-in form and sends with
//! every try of it, so a request whose answer was lost can be sent again and get the first
//! answer back rather than a second opinion or booking (or a 409).

use crate::platform::error::AppError;
use axum::http::HeaderMap;
use deputy_homes_api::FormField;

/// The header's name.
pub const IDEMPOTENCY_KEY: &str = "Idempotency-Key";
/// Longest key, in characters.
pub const MAX_KEY_CHARS: usize = 100;

/// The request's key, trimmed, if it sent the header; a 400 naming `field` if the key is empty,
/// longer than [`MAX_KEY_CHARS`] or not UTF-8.
pub fn sent_key<F: FormField>(headers: &HeaderMap, field: F) -> Result<Option<String>, AppError> {
    let Some(value) = headers.get(IDEMPOTENCY_KEY) else {
        return Ok(None);
    };
    // Read as UTF-8 rather than with `to_str`, which takes visible ASCII only: the document
    // counts the key in characters, whatever they are.
    let key = std::str::from_utf8(value.as_bytes())
        .map(str::trim)
        .unwrap_or_default();
    if key.is_empty() || key.chars().count() > MAX_KEY_CHARS {
        let message = format!(
            "send an {IDEMPOTENCY_KEY} header of 1 to {MAX_KEY_CHARS} characters, new for each form"
        );
        return Err(AppError::bad(field, message));
    }
    Ok(Some(key.to_owned()))
}
