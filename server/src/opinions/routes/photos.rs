//! Photos for opinions: uploaded one at a time before the opinion is sent, anonymously, cleaned
//! of their metadata and served from the database by their unguessable id (`crate::photos`).
//! Photos that no opinion took within 24 h are deleted by housekeeping (`crate::housekeeping`).

use crate::photos::store::PhotoKind;
use crate::photos::upload::{receive, serve, PhotoUpload, Upload};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use deputy_homes_api::opinions::OpinionField;
use deputy_homes_api::platform::photos::Photo;
use deputy_homes_api::ApiError;

/// Uploads one photo. Only real JPEG, PNG and WebP images are taken, whatever the file is called;
/// every metadata block (EXIF with GPS, XMP, ICC, comments) is dropped.
#[utoipa::path(post, path = "/api/opinion-photos", tag = "opinions",
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored, cleaned", body = Photo),
        (status = 400, description = "Not a JPEG, PNG or WebP image, or no `photo` field", body = ApiError),
        (status = 413, description = "Larger than 8 MiB, or more than 40 megapixels", body = ApiError),
        (status = 429, description = "Too many uploads from this address this hour", body = ApiError),
    ))]
pub async fn opinion_photos_create(
    State(state): State<AppState>,
    ip: ClientIp,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Photo>), AppError> {
    let upload = Upload {
        field: OpinionField::Photo,
        uploader: None,
    };
    let photo = receive(&state, ip, multipart, upload).await?;
    Ok((StatusCode::CREATED, Json(photo)))
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
    serve(&state, &id, false, PhotoKind::Opinion).await
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
    serve(&state, &id, true, PhotoKind::Opinion).await
}
