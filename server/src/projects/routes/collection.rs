//! Citizens propose projects and support others' proposals while a cycle collects (征集), each
//! in a verified phone's session; both are limited per phone and per address each hour.

use super::wrong_phase;
use crate::citizens::session::Citizen;
use crate::photos::upload::photo_gone;
use crate::platform::auth::{random_id, token_hash};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::platform::mongolian::TypedText;
use crate::platform::rate_limits::{hour_window, HourlyCounter, Subject};
use crate::projects::store::collection::{CitizenWrite, Writer};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::projects::{
    NewProposal, ProjectField, Proposal, Supported, WRITES_PER_ADDRESS_HOUR, WRITES_PER_PHONE_HOUR,
};
use deputy_homes_api::{ApiError, ErrorCode};

/// The hourly counters a citizen's write bumps: its phone's and its address's.
pub(super) fn limits(citizen: &Citizen, ip: &ClientIp, now_ms: i64) -> (Vec<(String, i64)>, i64) {
    let (hour, retry_after_secs) = hour_window(now_ms);
    let limits = vec![
        (
            HourlyCounter::ProjectWritesFromPhone
                .name(&Subject::hashed(citizen.phone.as_str()), hour),
            WRITES_PER_PHONE_HOUR,
        ),
        (
            HourlyCounter::ProjectWritesFromAddress
                .name(&Subject::hashed(&ip.limit_subject()), hour),
            WRITES_PER_ADDRESS_HOUR,
        ),
    ];
    (limits, retry_after_secs)
}

/// A refused citizen's write as an answer.
fn refused<T>(outcome: CitizenWrite<T>, what: &str, retry_after_secs: i64) -> AppError {
    match outcome {
        CitizenWrite::NotFound => AppError::NotFound(what.to_owned()),
        CitizenWrite::WrongPhase(phase) => wrong_phase(phase, "proposing or supporting"),
        CitizenWrite::NotOpen => AppError::conflict(
            ErrorCode::StepNotAllowed,
            "the proposal was merged or declined; support the one it was merged into",
        ),
        CitizenWrite::AlreadySupported => AppError::conflict(
            ErrorCode::AlreadySupported,
            "this phone supported the proposal already",
        ),
        CitizenWrite::Limited(_) => AppError::Limited {
            message: format!(
                "too many proposals and supports from this phone or address this hour; try \
                 again in {retry_after_secs} s"
            ),
            retry_after_secs,
        },
        CitizenWrite::PhotoUnavailable(id) => photo_gone(ProjectField::PhotoIds, &id),
        CitizenWrite::Done(_) => AppError::Internal(anyhow::anyhow!("a success is no refusal")),
    }
}

/// Proposes a project in a cycle whose collection window is open, in a verified phone's
/// session. Its answer holds the tracking number of its public page.
#[utoipa::path(post, path = "/api/project-cycles/{id}/proposals", tag = "projects",
    security(("citizen" = [], "csrf" = [])), request_body = NewProposal,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 201, description = "Proposed", body = Proposal),
        (status = 400, description = "A field is invalid", body = ApiError),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 403, description = "No anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the collection window is not open; `photo_gone`: a photo this phone did not upload, taken, or deleted", body = ApiError),
        (status = 429, description = "Too many from this phone or address this hour", body = ApiError),
    ))]
pub async fn project_proposals_create(
    State(state): State<AppState>,
    citizen: Citizen,
    ip: ClientIp,
    Path(id): Path<String>,
    body: Result<Json<NewProposal>, JsonRejection>,
) -> Result<(StatusCode, Json<Proposal>), AppError> {
    let Json(mut proposal) = body?;
    proposal.standardize_mongolian();
    proposal.validate().map_err(AppError::BadRequest)?;
    let now_ms = state.clock.now_ms();
    let (limits, retry_after_secs) = limits(&citizen, &ip, now_ms);
    let phone_hash = token_hash(citizen.phone.as_str());
    let writer = Writer {
        phone_hash: &phone_hash,
        limits: &limits,
        now_ms,
    };
    match state
        .db
        .project_propose(&id, &random_id(), &proposal, &writer)
        .await?
    {
        CitizenWrite::Done(saved) => Ok((StatusCode::CREATED, Json(saved))),
        other => Err(refused(
            other,
            &format!("project cycle {id}"),
            retry_after_secs,
        )),
    }
}

/// Supports an open proposal while its cycle collects, once per phone, in a verified phone's
/// session.
#[utoipa::path(post, path = "/api/project-proposals/{tracking_number}/support", tag = "projects",
    security(("citizen" = [], "csrf" = [])),
    params(("tracking_number" = String, Path, description = "`XM2026-0001`")),
    responses(
        (status = 200, description = "Supported", body = Supported),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 403, description = "No anti-forgery token", body = ApiError),
        (status = 404, description = "No such proposal", body = ApiError),
        (status = 409, description = "`already_supported`; `step_not_allowed`: merged or declined; `wrong_phase`: collection is not open", body = ApiError),
        (status = 429, description = "Too many from this phone or address this hour", body = ApiError),
    ))]
pub async fn project_supports_create(
    State(state): State<AppState>,
    citizen: Citizen,
    ip: ClientIp,
    Path(tracking_number): Path<String>,
) -> Result<Json<Supported>, AppError> {
    let now_ms = state.clock.now_ms();
    let (limits, retry_after_secs) = limits(&citizen, &ip, now_ms);
    let phone_hash = token_hash(citizen.phone.as_str());
    let writer = Writer {
        phone_hash: &phone_hash,
        limits: &limits,
        now_ms,
    };
    match state.db.project_support(&tracking_number, &writer).await? {
        CitizenWrite::Done(supporters) => Ok(Json(Supported { supporters })),
        other => Err(refused(
            other,
            &format!("proposal {tracking_number}"),
            retry_after_secs,
        )),
    }
}
