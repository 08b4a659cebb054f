//! Photos for opinions: uploaded one at a time before the opinion is sent, cleaned of their
//! metadata (see `crate::opinions::images`), and served from the database by their unguessable id.
//! Photos that no opinion took within 24 h are deleted by housekeeping (`crate::housekeeping`).

use crate::opinions::images::{clean, PhotoRefused};
use crate::platform::auth::random_token;
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::platform::rate_limits::{hour_window, HourlyCounter, Subject};
use crate::AppState;
use axum::extract::multipart::{Field, MultipartRejection};
use axum::extract::{Multipart, Path, State};
use axum::http::{header, StatusCode};
use axum::response::IntoResponse;
use axum::Json;
use deputy_homes_api::opinions::OpinionField;
use deputy_homes_api::opinions::{OpinionPhoto, MAX_PHOTOS, MAX_PHOTO_BYTES};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;
use std::sync::Arc;

/// The multipart form of `POST /api/opinion-photos` (for the OpenAPI document).
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

fn photo_error(message: impl Into<String>) -> AppError {
    AppError::bad(OpinionField::Photo, message)
}

fn too_large() -> AppError {
    too_large_because(PhotoRefused::TooLarge)
}

/// A 413 about the photo: too many bytes or too many pixels.
fn too_large_because(refused: PhotoRefused) -> AppError {
    AppError::TooLarge(
        ApiError::new(ErrorCode::TooLarge, refused.to_string()).on(OpinionField::Photo),
    )
}

/// Reads a field, stopping as soon as it passes the size limit.
async fn read_limited(mut field: Field<'_>) -> Result<Vec<u8>, AppError> {
    let mut bytes = Vec::new();
    loop {
        match field.chunk().await {
            Ok(Some(chunk)) => {
                if bytes.len() + chunk.len() > MAX_PHOTO_BYTES {
                    return Err(too_large());
                }
                bytes.extend_from_slice(&chunk);
            }
            Ok(None) => return Ok(bytes),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(e) => return Err(photo_error(format!("the upload was cut off: {e}"))),
        }
    }
}

/// The bytes of the form's `photo` field.
async fn photo_field(multipart: &mut Multipart) -> Result<Vec<u8>, AppError> {
    loop {
        let field = match multipart.next_field().await {
            Ok(Some(field)) => field,
            Ok(None) => return Err(photo_error("send the image as the form field `photo`")),
            Err(e) if e.status() == StatusCode::PAYLOAD_TOO_LARGE => return Err(too_large()),
            Err(e) => return Err(photo_error(format!("the form could not be read: {e}"))),
        };
        if field.name() == Some("photo") {
            return read_limited(field).await;
        }
    }
}

/// Counts an upload from this address; refuses past 3 photos per allowed opinion per hour.
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

/// Uploads one photo. Only real JPEG, PNG and WebP images are taken, whatever the file is called;
/// every metadata block (EXIF with GPS, XMP, ICC, comments) is dropped.
#[utoipa::path(post, path = "/api/opinion-photos", tag = "opinions",
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored, cleaned", body = OpinionPhoto),
        (status = 400, description = "Not a JPEG, PNG or WebP image, or no `photo` field", body = ApiError),
        (status = 413, description = "Larger than 8 MiB, or more than 40 megapixels", body = ApiError),
        (status = 429, description = "Too many uploads from this address this hour", body = ApiError),
    ))]
pub async fn opinion_photos_create(
    State(state): State<AppState>,
    ip: ClientIp,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<OpinionPhoto>), AppError> {
    let mut multipart =
        multipart.map_err(|e| photo_error(format!("send a multipart form: {}", e.body_text())))?;
    let now = state.clock.now_ms();
    check_upload_limit(&state, ip, now).await?;
    let bytes = photo_field(&mut multipart).await?;
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
        PhotoRefused::TooLarge => too_large(),
        PhotoRefused::TooManyPixels => too_large_because(refused),
        other => photo_error(other.to_string()),
    })?;
    // 128 random bits: a photo is served to whoever knows its id.
    let id = random_token()[..32].to_owned();
    state.db.photo_insert(&id, &cleaned, now).await?;
    let photo = OpinionPhoto {
        url: OpinionPhoto::url_of(&id),
        thumbnail_url: OpinionPhoto::thumbnail_url_of(&id),
        width: cleaned.width,
        height: cleaned.height,
        id,
    };
    Ok((StatusCode::CREATED, Json(photo)))
}

async fn serve_photo(
    state: &AppState,
    id: &str,
    thumbnail: bool,
) -> Result<impl IntoResponse, AppError> {
    let photo = state
        .db
        .photo_bytes(id, thumbnail)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("photo {id}")))?;
    Ok((
        [
            (header::CONTENT_TYPE, photo.content_type),
            // A photo never changes under its id, but it is personal data erased with its
            // opinion: only the viewer's own browser keeps it, and for a day.
            (
                header::CACHE_CONTROL,
                "private, max-age=86400, immutable".to_owned(),
            ),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        photo.bytes,
    ))
}

/// A cleaned photo (JPEG or PNG).
#[utoipa::path(get, path = "/api/opinion-photos/{id}", tag = "opinions",
    params(("id" = String, Path, description = "The photo")),
    responses(
        (status = 200, description = "The photo", content(("image/jpeg"), ("image/png"))),
        (status = 404, description = "No such photo", body = ApiError),
    ))]
pub async fn opinion_photos_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    serve_photo(&state, &id, false).await
}

/// A photo's thumbnail: JPEG, at most 320 px on its longer side.
#[utoipa::path(get, path = "/api/opinion-photos/{id}/thumbnail", tag = "opinions",
    params(("id" = String, Path, description = "The photo")),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg"),
        (status = 404, description = "No such photo", body = ApiError),
    ))]
pub async fn opinion_photos_thumbnail(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    serve_photo(&state, &id, true).await
}
