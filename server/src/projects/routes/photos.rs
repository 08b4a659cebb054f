//! Photos of livelihood projects, as opinions take theirs (`crate::photos`): a citizen uploads
//! for a proposal in a verified phone's session, staff for a progress update, a delegate for an
//! inspection. Each photo names its uploader, and only that uploader's record takes it.

use crate::citizens::session::Citizen;
use crate::photos::store::{account_uploader, phone_uploader, PhotoKind};
use crate::photos::upload::{receive, serve, PhotoUpload, Upload};
use crate::platform::auth::{token_hash, Delegate, Staff};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::multipart::MultipartRejection;
use axum::extract::{Multipart, Path, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use axum::Json;
use deputy_homes_api::platform::photos::Photo;
use deputy_homes_api::projects::ProjectField;
use deputy_homes_api::ApiError;

/// Receives one photo for `uploader`'s next record.
async fn upload_as(
    state: &AppState,
    ip: ClientIp,
    multipart: Result<Multipart, MultipartRejection>,
    uploader: &str,
) -> Result<(StatusCode, Json<Photo>), AppError> {
    let upload = Upload {
        field: ProjectField::Photo,
        uploader: Some(uploader),
    };
    let photo = receive(state, ip, multipart, upload).await?;
    Ok((StatusCode::CREATED, Json(photo)))
}

/// Uploads one photo for a proposal, in a verified phone's session: a real JPEG, PNG or WebP
/// image, re-encoded without any metadata. Name it in the proposal's `photo_ids` within a day.
#[utoipa::path(post, path = "/api/project-photos", tag = "projects",
    security(("citizen" = [], "csrf" = [])),
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored, cleaned", body = Photo),
        (status = 400, description = "Not a JPEG, PNG or WebP image, or no `photo` field", body = ApiError),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 403, description = "No anti-forgery token", body = ApiError),
        (status = 413, description = "Larger than 8 MiB, or more than 40 megapixels", body = ApiError),
        (status = 429, description = "Too many uploads from this address this hour", body = ApiError),
    ))]
pub async fn project_photos_create(
    State(state): State<AppState>,
    citizen: Citizen,
    ip: ClientIp,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Photo>), AppError> {
    let uploader = phone_uploader(&token_hash(citizen.phone.as_str()));
    upload_as(&state, ip, multipart, &uploader).await
}

/// Uploads one photo for a progress update, as staff. Name it in the update's `photo_ids`
/// within a day.
#[utoipa::path(post, path = "/api/staff/project-photos", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])),
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored, cleaned", body = Photo),
        (status = 400, description = "Not a JPEG, PNG or WebP image, or no `photo` field", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 413, description = "Larger than 8 MiB, or more than 40 megapixels", body = ApiError),
        (status = 429, description = "Too many uploads from this address this hour", body = ApiError),
    ))]
pub async fn staff_project_photos_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    ip: ClientIp,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Photo>), AppError> {
    let uploader = account_uploader(&staff.account.id);
    upload_as(&state, ip, multipart, &uploader).await
}

/// Uploads one photo for an inspection, as a delegate. Name it in the inspection's `photo_ids`
/// within a day.
#[utoipa::path(post, path = "/api/delegate/project-photos", tag = "projects",
    security(("session" = ["delegate"], "csrf" = [])),
    request_body(content = PhotoUpload, content_type = "multipart/form-data"),
    responses(
        (status = 201, description = "Stored, cleaned", body = Photo),
        (status = 400, description = "Not a JPEG, PNG or WebP image, or no `photo` field", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate, or no anti-forgery token", body = ApiError),
        (status = 413, description = "Larger than 8 MiB, or more than 40 megapixels", body = ApiError),
        (status = 429, description = "Too many uploads from this address this hour", body = ApiError),
    ))]
pub async fn delegate_project_photos_create(
    State(state): State<AppState>,
    Delegate(delegate): Delegate,
    ip: ClientIp,
    multipart: Result<Multipart, MultipartRejection>,
) -> Result<(StatusCode, Json<Photo>), AppError> {
    let uploader = account_uploader(&delegate.account.id);
    upload_as(&state, ip, multipart, &uploader).await
}

/// A project's cleaned photo (JPEG or PNG).
#[utoipa::path(get, path = "/api/project-photos/{id}", tag = "projects",
    params(("id" = String, Path, description = "The photo")),
    responses(
        (status = 200, description = "The photo", content(("image/jpeg"), ("image/png"))),
        (status = 404, description = "No such photo", body = ApiError),
    ))]
pub async fn project_photos_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    serve(&state, &id, false, PhotoKind::Project).await
}

/// A project photo's thumbnail: JPEG, at most 320 px on its longer side.
#[utoipa::path(get, path = "/api/project-photos/{id}/thumbnail", tag = "projects",
    params(("id" = String, Path, description = "The photo")),
    responses(
        (status = 200, description = "The thumbnail", content_type = "image/jpeg"),
        (status = 404, description = "No such photo", body = ApiError),
    ))]
pub async fn project_photos_thumbnail(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<impl IntoResponse, AppError> {
    serve(&state, &id, true, PhotoKind::Project).await
}
