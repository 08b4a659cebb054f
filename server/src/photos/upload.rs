//! Receiving and serving a photo, for every feature that takes them: the multipart form read up
//! to the size limit, the hourly limit of uploads per client address (a database counter), the
//! cleaning (a few decodes at a time, off the async threads) and storing, and the cached answer
//! that serves the cleaned bytes.

use crate::photos::images::{clean, PhotoRefused};
use crate::photos::store::PhotoKind;
use crate::platform::auth::random_token;
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::platform::rate_limits::{hour_window, HourlyCounter, Subject};
use crate::AppState;
use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::Multipart;
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use deputy_homes_api::platform::photos::{Photo, MAX_PHOTOS, MAX_PHOTO_BYTES};
use deputy_homes_api::{ApiError, ErrorCode, FormField};
use std::sync::Arc;

/// The multipart form of a photo upload (for the OpenAPI document).
#[derive(Debug, utoipa::ToSchema)]
#[expect(
    dead_code,
    reason = "only describes the form; the handler reads it as a stream"
)]
pub struct PhotoUpload {
    /// The image file: JPEG, PNG or WebP, at most 8 MiB.
    #[schema(value_type = String, format = Binary)]
    photo: Vec<u8>,
}

/// Room for the form's own lines around the largest photo: a router's body limit for its upload
/// routes. The handler refuses a larger photo itself, with the JSON error.
pub const UPLOAD_BODY_LIMIT: usize = MAX_PHOTO_BYTES + 64 * 1024;

/// An upload: who sends it, the form field refusals name, and where its photo is served.
#[derive(Debug, Clone, Copy)]
pub struct Upload<'a, F> {
    /// The field a refusal names (each feature's `photo`).
    pub field: F,
    /// `None` for an anonymous upload (an opinion's); else who alone may attach it.
    pub uploader: Option<&'a str>,
}

fn photo_error<F: FormField>(field: F, message: impl Into<String>) -> AppError {
    AppError::bad(field, message)
}

/// A 413 about the photo: too many bytes or too many pixels.
fn too_large<F: FormField>(field: F, refused: PhotoRefused) -> AppError {
    AppError::TooLarge(ApiError::new(ErrorCode::TooLarge, refused.to_string()).on(field))
}

/// Reads a field, stopping as soon as it passes the size limit.
async fn read_limited<F: FormField>(mut part: Field<'_>, field: F) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    loop {
        match part.chunk().await {
            Ok(Some(chunk)) => {
                if bytes.len() + chunk.len() > MAX_PHOTO_BYTES {
                    return Err(too_large(field, PhotoRefused::TooLarge));
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(bytes),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(too_large(field, PhotoRefused::TooLarge))
            }
            Err(e) => return Err(photo_error(field, format!("the upload was cut off: {e}"))),
        }
    }
}

/// The bytes of the form's `photo` field.
async fn photo_field<F: FormField>(
    multipart: &mut Multipart,
    field: F,
) -> Result<Vec<u8>, AppError> {
    loop {
        let part = match multipart.next_field().await {
            Ok(Some(part)) => part,
            Ok(None) => {
                return Err(photo_error(
                    field,
                    "send the image as the form field `photo`",
                ))
            }
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => {
                return Err(too_large(field, PhotoRefused::TooLarge))
            }
            Err(e) => {
                return Err(photo_error(
                    field,
                    format!("the form could not be read: {e}"),
                ))
            }
        };
        if part.name() == Some("photo") {
            return read_limited(part, field).await;
        }
    }
}

/// Counts an upload from this address; refuses past 3 photos per allowed opinion per hour. Every
/// feature's uploads count together: decoding is what the limit spares.
async fn check_upload_limit(state: &AppState, ip: ClientIp, now: i64) -> Result<(), AppError> {
    let (hour, retry_after_secs) = hour_window(now);
    let counter =
        HourlyCounter::PhotosFromAddress.name(&Subject::hashed(&ip.limit_subject()), hour);
    let limit = state.opinion_limit_per_ip * MAX_PHOTOS as i64;
    if state.db.counter_bump(&counter, now).await? > limit {
        return Err(AppError::Limited {
            message: format!(
                "too many photos from this address this hour; try again in {retry_after_secs} s"
            ),
            retry_after_secs,
        });
    }
    Ok(())
}

/// Receives one photo: only real JPEG, PNG and WebP images are taken, whatever the file is
/// called; every metadata block (EXIF with GPS, XMP, ICC, comments) is dropped. The stored
/// photo waits a day for its record to take it.
pub async fn receive<F: FormField>(
    state: &AppState,
    ip: ClientIp,
    multipart: Result<Multipart, MultipartRejection>,
    upload: Upload<'_, F>,
) -> Result<Photo, AppError> {
    let field = upload.field;
    let mut multipart = multipart
        .map_err(|e| photo_error(field, format!("send a multipart form: {}", e.body_text())))?;
    let now = state.clock.now_ms();
    check_upload_limit(state, ip, now).await?;
    let bytes = photo_field(&mut multipart, field).await?;
    // Each decode may take a few hundred MiB at its peak: a few at a time, the others wait.
    let permit = Arc::clone(&state.photo_decodes)
        .acquire_owned()
        .await
        .map_err(anyhow::Error::from)?;
    let cleaned = tokio::task::spawn_blocking(move || {
        let cleaned = clean(&bytes);
        drop(permit);
        cleaned
    })
    .await
    .map_err(|e| AppError::Internal(e.into()))?
    .map_err(|refused| match refused {
        PhotoRefused::TooLarge | PhotoRefused::TooManyPixels => too_large(field, refused),
        other => photo_error(field, other.to_string()),
    })?;
    // 128 random bits: a photo is served to whoever knows its id.
    let id = random_token()[..32].to_owned();
    state
        .db
        .photo_insert(&id, &cleaned, upload.uploader, now)
        .await?;
    let kind = match upload.uploader {
        None => PhotoKind::Opinion,
        Some(_) => PhotoKind::Project,
    };
    Ok(Photo::served(
        kind.base(),
        id,
        cleaned.width,
        cleaned.height,
    ))
}

/// The 409 `photo_gone` of a record naming photo `id`, which its sender did not upload, another
/// record took, or housekeeping deleted a day after its upload.
pub fn photo_gone<F: FormField>(field: F, id: &str) -> AppError {
    AppError::conflict_on(
        ErrorCode::PhotoGone,
        field,
        format!(
            "photo {id} does not exist (unused photos are deleted after 24 h), was uploaded by \
             someone else, or belongs to another record"
        ),
    )
}

/// A stored photo of this kind, or its thumbnail, as an answer cached by the viewer's browser.
pub async fn serve(
    state: &AppState,
    id: &str,
    thumbnail: bool,
    kind: PhotoKind,
) -> Result<impl IntoResponse, AppError> {
    let photo = state
        .db
        .photo_bytes(id, thumbnail, kind)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("photo {id}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, photo.content_type),
            // A photo never changes under its id, but an opinion's is personal data erased with
            // it: only the viewer's own browser keeps it, and for a day.
            (
                header::CACHE_CONTROL,
                "private, max-age=86400, immutable".to_owned(),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        photo.bytes,
    ))
}
