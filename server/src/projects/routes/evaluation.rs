//! The year-end evaluation (监督): staff open and close its window and follow how many of the
//! eligible delegates evaluated (never what they chose); each delegate of the cycle's congress
//! casts one secret ballot; after the close the ballots' trackers are public and each project's
//! result is counted by the published rule.

use super::cycle_or_404;
use super::progress::adopted_in;
use super::wrong_phase;
use crate::platform::auth::{random_token, token_hash, Delegate, Staff};
use crate::platform::error::AppError;
use crate::projects::store::progress::{DelegateStep, WindowStep};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::projects::progress::{
    EvaluationCast, EvaluationChange, EvaluationPaper, EvaluationProgress, EvaluationState,
    EvaluationTrackers, EvaluationWindow, NewEvaluation,
};
use deputy_homes_api::{ApiError, ErrorCode};

/// How far the evaluation has come: the window's state, how many of the eligible delegates
/// evaluated. What anyone chose stays sealed until the close, also from staff.
#[utoipa::path(get, path = "/api/staff/project-cycles/{id}/evaluation", tag = "projects",
    security(("session" = ["staff"])),
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The evaluation's state", body = EvaluationProgress),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
    ))]
pub async fn staff_project_evaluation_get(
    State(state): State<AppState>,
    Staff(_): Staff,
    Path(id): Path<String>,
) -> Result<Json<EvaluationProgress>, AppError> {
    let cycle = cycle_or_404(&state, &id).await?;
    let window = state.db.project_evaluation_window(&id).await?;
    let evaluated = state.db.project_evaluation_count(&id).await?;
    Ok(Json(EvaluationProgress {
        cycle_id: cycle.id,
        state: window.as_ref().map(|w| w.state),
        eligible: window.map_or(0, |w| w.eligible),
        evaluated,
    }))
}

/// Opens a closed vote's year-end evaluation window (`open`, once; the congress's delegates
/// then may evaluate) or closes it (`closed`), which publishes the result.
#[utoipa::path(post, path = "/api/staff/project-cycles/{id}/evaluation", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = EvaluationChange,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The window", body = EvaluationWindow),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the vote is not closed, or the window is not in the state this needs; `no_electors`: the congress has no members", body = ApiError),
    ))]
pub async fn staff_project_evaluation_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<EvaluationChange>, JsonRejection>,
) -> Result<Json<EvaluationWindow>, AppError> {
    let Json(change) = body?;
    let now_ms = state.clock.now_ms();
    let step = state
        .db
        .project_evaluation_set(&id, change.state, &staff.account.id, now_ms)
        .await?;
    match step {
        WindowStep::Done(window) => Ok(Json(window)),
        WindowStep::NotFound => Err(AppError::NotFound(format!("project cycle {id}"))),
        WindowStep::WrongPhase(phase) => Err(wrong_phase(phase, "the evaluation")),
        WindowStep::WrongState(now) => Err(AppError::conflict(
            ErrorCode::WrongPhase,
            format!(
                "the evaluation window is {}",
                now.map_or("not opened", EvaluationState::code)
            ),
        )),
        WindowStep::NoElectors => Err(AppError::conflict(
            ErrorCode::NoElectors,
            "the congress has no delegates to evaluate",
        )),
    }
}

/// The evaluation paper: the window's state, whether this delegate may evaluate and has (never
/// what they chose), and the adopted projects.
#[utoipa::path(get, path = "/api/delegate/project-cycles/{id}/evaluation", tag = "projects",
    security(("session" = ["delegate"])),
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The paper", body = EvaluationPaper),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
    ))]
pub async fn delegate_evaluation_get(
    State(state): State<AppState>,
    Delegate(delegate): Delegate,
    Path(id): Path<String>,
) -> Result<Json<EvaluationPaper>, AppError> {
    let cycle = cycle_or_404(&state, &id).await?;
    let window = state.db.project_evaluation_window(&id).await?;
    let (eligible, evaluated) = state
        .db
        .project_evaluator_state(&id, &delegate.account.id)
        .await?;
    let projects = adopted_in(&state, cycle).await?;
    Ok(Json(EvaluationPaper {
        state: window.map(|w| w.state),
        eligible,
        evaluated,
        projects: projects.into_iter().map(|(c, _)| c).collect(),
    }))
}

/// Casts this delegate's one secret evaluation ballot while the window is open: 满意,
/// 基本满意 or 不满意 for each adopted project. Who evaluated is kept apart from the choices; a
/// second ballot, also sent at the same moment, is refused. The answer's tracker is shown once;
/// after the close its SHA-256 is on the published list.
#[utoipa::path(post, path = "/api/delegate/project-cycles/{id}/evaluation", tag = "projects",
    security(("session" = ["delegate"], "csrf" = [])), request_body = NewEvaluation,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 201, description = "Counted; keep the tracker", body = EvaluationCast),
        (status = 400, description = "`evaluations`: not one choice per adopted project", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate of this congress when the window opened, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the window is not open; `already_voted`", body = ApiError),
    ))]
pub async fn delegate_evaluation_create(
    State(state): State<AppState>,
    Delegate(delegate): Delegate,
    Path(id): Path<String>,
    body: Result<Json<NewEvaluation>, JsonRejection>,
) -> Result<(StatusCode, Json<EvaluationCast>), AppError> {
    let Json(ballot) = body?;
    let cycle = cycle_or_404(&state, &id).await?;
    let adopted: Vec<String> = adopted_in(&state, cycle)
        .await?
        .into_iter()
        .map(|(c, _)| c.id)
        .collect();
    let check = || ballot.validate(&adopted);
    let tracker = random_token();
    let now_ms = state.clock.now_ms();
    let step = state
        .db
        .project_evaluate(
            &id,
            &delegate.account.id,
            &token_hash(&tracker),
            &check,
            now_ms,
        )
        .await?;
    match step {
        DelegateStep::Done(projects) => Ok((
            StatusCode::CREATED,
            Json(EvaluationCast { projects, tracker }),
        )),
        DelegateStep::NotOpen => Err(AppError::conflict(
            ErrorCode::WrongPhase,
            "the evaluation window is not open",
        )),
        DelegateStep::NotMember => Err(AppError::Forbidden(
            "only delegates of this cycle's congress (members when the window opened) evaluate"
                .into(),
        )),
        DelegateStep::Bad(error) => Err(AppError::BadRequest(error)),
        DelegateStep::PhotoUnavailable(_) => Err(AppError::Internal(anyhow::anyhow!(
            "an evaluation takes no photos"
        ))),
        DelegateStep::AlreadyEvaluated => Err(AppError::conflict(
            ErrorCode::AlreadyVoted,
            "this delegate has evaluated already",
        )),
    }
}

/// A closed evaluation's ballot trackers: the SHA-256 of every evaluation ballot's tracker, so a
/// delegate can see theirs was counted. Refused (409 `wrong_phase`) until the window is closed.
#[utoipa::path(get, path = "/api/project-cycles/{id}/evaluation-trackers", tag = "projects",
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The trackers' hashes, sorted", body = EvaluationTrackers),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the evaluation is not closed", body = ApiError),
    ))]
pub async fn project_evaluation_trackers_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<EvaluationTrackers>, AppError> {
    let cycle = cycle_or_404(&state, &id).await?;
    let window = state.db.project_evaluation_window(&id).await?;
    if window.map(|w| w.state) != Some(EvaluationState::Closed) {
        return Err(AppError::conflict(
            ErrorCode::WrongPhase,
            "the evaluation is not closed",
        ));
    }
    Ok(Json(EvaluationTrackers {
        trackers: state.db.project_evaluation_trackers(&id).await?,
        cycle_id: cycle.id,
    }))
}
