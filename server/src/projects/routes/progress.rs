//! After the vote: staff post an adopted project's progress; delegates of the cycle's congress
//! inspect projects; citizens with a verified phone rate a project (advisory); and each adopted
//! project's public page with its flags, computed from the time of asking. The year-end
//! evaluation is in `evaluation`.

use super::collection::limits;
use super::cycle_or_404;
use super::public::results_of;
use crate::citizens::session::Citizen;
use crate::photos::upload::photo_gone;
use crate::platform::auth::Delegate;
use crate::platform::auth::{random_id, token_hash, Staff};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::projects::store::collection::Writer;
use crate::projects::store::progress::{
    satisfaction_code, DelegateStep, NewUpdate, NewVisit, Posted, Rated,
};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::projects::adoption::CandidateOutcome;
use deputy_homes_api::projects::progress::{
    flags, DelegatesEvaluation, EvaluationState, NewInspection, NewProgress, NewRating, ProjectView,
};
use deputy_homes_api::projects::satisfaction::{evaluate, Satisfaction};
use deputy_homes_api::projects::{Candidate, Cycle, CyclePhase, ProjectField};
use deputy_homes_api::{ApiError, ErrorCode};

/// A closed cycle's adopted projects with their votes.
pub(super) async fn adopted_in(
    state: &AppState,
    cycle: Cycle,
) -> Result<Vec<(Candidate, u32)>, AppError> {
    if cycle.phase != CyclePhase::Closed {
        return Ok(Vec::new());
    }
    let results = results_of(state, cycle).await?;
    Ok(results
        .candidates
        .into_iter()
        .filter(|c| c.outcome == CandidateOutcome::Adopted)
        .map(|c| (c.candidate, c.votes))
        .collect())
}

/// An adopted project's cycle, the project and its votes; 404 when no such candidate, 409
/// `step_not_allowed` when it was not adopted in a closed vote.
async fn adopted_project(state: &AppState, id: &str) -> Result<(Cycle, Candidate, u32), AppError> {
    let not_found = || AppError::NotFound(format!("project {id}"));
    let cycle_id = state
        .db
        .project_candidate_cycle(id)
        .await?
        .ok_or_else(not_found)?;
    let cycle = state
        .db
        .project_cycle(&cycle_id)
        .await?
        .ok_or_else(not_found)?;
    let adopted = adopted_in(state, cycle.clone()).await?;
    let (project, votes) = adopted
        .into_iter()
        .find(|(c, _)| c.id == id)
        .ok_or_else(|| {
            AppError::conflict(
                ErrorCode::StepNotAllowed,
                "this candidate was not adopted in a closed vote",
            )
        })?;
    Ok((cycle, project, votes))
}

/// Posts a progress update of an adopted project: percent done (lower than the last only with
/// a reason), what was done, a delay's reason when delayed, and up to 3 photos this account
/// uploaded.
#[utoipa::path(post, path = "/api/staff/projects/{id}/progress", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = NewProgress,
    params(("id" = String, Path, description = "The adopted project's (candidate's) id")),
    responses(
        (status = 201, description = "Posted; the project's page", body = ProjectView),
        (status = 400, description = "A field is invalid, or a lower percent without `lower_reason`", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such project", body = ApiError),
        (status = 409, description = "`step_not_allowed`: not adopted in a closed vote; `photo_gone`: a photo this account did not upload, taken, or deleted", body = ApiError),
    ))]
pub async fn staff_project_progress_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<NewProgress>, JsonRejection>,
) -> Result<(StatusCode, Json<ProjectView>), AppError> {
    let Json(update) = body?;
    update.validate(None).map_err(AppError::BadRequest)?;
    let (cycle, _, _) = adopted_project(&state, &id).await?;
    let check = |last: Option<u32>| update.validate(last);
    let row = NewUpdate {
        id: &random_id(),
        percent: update.percent,
        done: update.done.trim(),
        delay_reason: update.delay_reason.as_deref().map(str::trim),
        lower_reason: update.lower_reason.as_deref().map(str::trim),
        photo_ids: &update.photo_ids,
        check: &check,
    };
    let now_ms = state.clock.now_ms();
    let posted = state
        .db
        .project_progress_add(&cycle.id, &id, &row, &staff.account.id, now_ms)
        .await?;
    match posted {
        Posted::Done => Ok((StatusCode::CREATED, Json(project_view(&state, &id).await?))),
        Posted::Bad(error) => Err(AppError::BadRequest(error)),
        Posted::PhotoUnavailable(photo) => Err(photo_gone(ProjectField::PhotoIds, &photo)),
    }
}

/// Records an inspection (视察) of an adopted project by a delegate of its cycle's congress,
/// with up to 3 photos this delegate uploaded.
#[utoipa::path(post, path = "/api/delegate/projects/{id}/inspections", tag = "projects",
    security(("session" = ["delegate"], "csrf" = [])), request_body = NewInspection,
    params(("id" = String, Path, description = "The adopted project's (candidate's) id")),
    responses(
        (status = 201, description = "Recorded; the project's page", body = ProjectView),
        (status = 400, description = "`notes` out of its length", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate of this congress, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such project", body = ApiError),
        (status = 409, description = "`step_not_allowed`: not adopted in a closed vote; `photo_gone`: a photo this account did not upload, taken, or deleted", body = ApiError),
    ))]
pub async fn delegate_project_inspections_create(
    State(state): State<AppState>,
    Delegate(delegate): Delegate,
    Path(id): Path<String>,
    body: Result<Json<NewInspection>, JsonRejection>,
) -> Result<(StatusCode, Json<ProjectView>), AppError> {
    let Json(inspection) = body?;
    inspection.validate().map_err(AppError::BadRequest)?;
    let (cycle, _, _) = adopted_project(&state, &id).await?;
    let step = state
        .db
        .project_inspect(
            &cycle.id,
            &id,
            &NewVisit {
                id: &random_id(),
                notes: inspection.notes.trim(),
                photo_ids: &inspection.photo_ids,
            },
            &delegate.account.id,
            state.clock.now_ms(),
        )
        .await?;
    match step {
        DelegateStep::Done(()) => Ok((StatusCode::CREATED, Json(project_view(&state, &id).await?))),
        DelegateStep::PhotoUnavailable(photo) => Err(photo_gone(ProjectField::PhotoIds, &photo)),
        _ => Err(AppError::Forbidden(
            "only delegates of this project's congress inspect it".into(),
        )),
    }
}

/// A citizen's advisory rating of an adopted project, 1 to 5, once per verified phone; shown
/// apart from the delegates' evaluation.
#[utoipa::path(post, path = "/api/projects/{id}/rating", tag = "projects",
    security(("citizen" = [], "csrf" = [])), request_body = NewRating,
    params(("id" = String, Path, description = "The adopted project's (candidate's) id")),
    responses(
        (status = 201, description = "Rated; the project's page", body = ProjectView),
        (status = 400, description = "`rating` out of 1 to 5", body = ApiError),
        (status = 401, description = "No verified phone's session", body = ApiError),
        (status = 403, description = "No anti-forgery token", body = ApiError),
        (status = 404, description = "No such project", body = ApiError),
        (status = 409, description = "`already_rated`; `step_not_allowed`: not adopted", body = ApiError),
        (status = 429, description = "Too many from this phone or address this hour", body = ApiError),
    ))]
pub async fn project_rating_create(
    State(state): State<AppState>,
    citizen: Citizen,
    ip: ClientIp,
    Path(id): Path<String>,
    body: Result<Json<NewRating>, JsonRejection>,
) -> Result<(StatusCode, Json<ProjectView>), AppError> {
    let Json(rating) = body?;
    rating.validate().map_err(AppError::BadRequest)?;
    adopted_project(&state, &id).await?;
    let now_ms = state.clock.now_ms();
    let (limits, retry_after_secs) = limits(&citizen, &ip, now_ms);
    let phone_hash = token_hash(citizen.phone.as_str());
    let writer = Writer {
        phone_hash: &phone_hash,
        limits: &limits,
        now_ms,
    };
    match state.db.project_rate(&id, rating.rating, &writer).await? {
        Rated::Done(_) => Ok((StatusCode::CREATED, Json(project_view(&state, &id).await?))),
        Rated::AlreadyRated => Err(AppError::conflict(
            ErrorCode::AlreadyRated,
            "this phone rated the project already",
        )),
        Rated::Limited => Err(AppError::Limited {
            message: format!(
                "too many writes from this phone or address this hour; try again in \
                 {retry_after_secs} s"
            ),
            retry_after_secs,
        }),
    }
}

/// One project's delegates' evaluation from a closed window's ballots.
pub(super) fn evaluation_of(
    ballots: &[Vec<(String, String)>],
    project: &str,
    eligible: u32,
) -> DelegatesEvaluation {
    let count = |choice: Satisfaction| {
        let n = ballots
            .iter()
            .filter(|b| {
                b.iter()
                    .any(|(p, c)| p == project && c == satisfaction_code(choice))
            })
            .count();
        u32::try_from(n).unwrap_or(u32::MAX)
    };
    let satisfied = count(Satisfaction::Satisfied);
    let basically_satisfied = count(Satisfaction::BasicallySatisfied);
    let dissatisfied = count(Satisfaction::Dissatisfied);
    DelegatesEvaluation {
        eligible,
        satisfied,
        basically_satisfied,
        dissatisfied,
        result: evaluate(satisfied, basically_satisfied, dissatisfied),
    }
}

/// An adopted project's public page.
async fn project_view(state: &AppState, id: &str) -> Result<ProjectView, AppError> {
    let (cycle, project, votes) = adopted_project(state, id).await?;
    let mut origin = Vec::new();
    for number in &project.proposals {
        if let Some(proposal) = state.db.project_proposal(number).await? {
            origin.push(proposal);
        }
    }
    let progress = state.db.project_progress(id).await?;
    let closed_at = state.db.project_closed_at(&cycle.id).await?.unwrap_or(0);
    let since = progress.last().map_or(closed_at, |p| p.at_ms);
    let percent_done = progress.last().map_or(0, |p| p.percent);
    let window = state.db.project_evaluation_window(&cycle.id).await?;
    let evaluation = match &window {
        Some(w) if w.state == EvaluationState::Closed => {
            let ballots = state.db.project_evaluation_ballots(&cycle.id).await?;
            Some(evaluation_of(&ballots, id, w.eligible))
        }
        _ => None,
    };
    Ok(ProjectView {
        flags: flags(state.clock.now_ms(), since, percent_done, &project.deadline),
        cycle_id: cycle.id.clone(),
        congress: cycle.congress.clone(),
        year: cycle.year,
        origin,
        votes,
        eligible: cycle.eligible,
        percent_done,
        progress,
        inspections: state.db.project_inspections(id).await?,
        evaluation_state: window.map(|w| w.state),
        evaluation,
        citizen_ratings: state.db.project_ratings(id).await?,
        project,
    })
}

/// An adopted project's public page: its origin proposals, vote, unit, budget, progress
/// timeline, inspections, the delegates' evaluation once closed, citizens' ratings apart, and
/// its flags (an update overdue, the deadline passed below 100%).
#[utoipa::path(get, path = "/api/projects/{id}", tag = "projects",
    params(("id" = String, Path, description = "The adopted project's (candidate's) id")),
    responses(
        (status = 200, description = "The project", body = ProjectView),
        (status = 404, description = "No such project", body = ApiError),
        (status = 409, description = "`step_not_allowed`: not adopted in a closed vote", body = ApiError),
    ))]
pub async fn projects_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<ProjectView>, AppError> {
    Ok(Json(project_view(&state, &id).await?))
}

/// A closed cycle's adopted projects, each with its public page (none before the close).
#[utoipa::path(get, path = "/api/project-cycles/{id}/projects", tag = "projects",
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The adopted projects, most votes first", body = [ProjectView]),
        (status = 404, description = "No such cycle", body = ApiError),
    ))]
pub async fn project_cycle_projects_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Vec<ProjectView>>, AppError> {
    let cycle = cycle_or_404(&state, &id).await?;
    let mut out = Vec::new();
    for (project, _) in adopted_in(&state, cycle).await? {
        out.push(project_view(&state, &project.id).await?);
    }
    Ok(Json(out))
}
