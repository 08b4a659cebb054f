//! After the vote: staff post an adopted project's progress and open and close the year-end
//! evaluation; delegates of the cycle's congress inspect projects and cast one secret
//! evaluation ballot; citizens with a verified phone rate a project (advisory); and each
//! adopted project's public page with its flags, computed from the time of asking.

use super::collection::limits;
use super::public::results_of;
use super::wrong_phase;
use crate::citizens::session::Citizen;
use crate::platform::auth::Delegate;
use crate::platform::auth::{random_id, random_token, token_hash, Staff};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::projects::store::collection::Writer;
use crate::projects::store::progress::{
    satisfaction_code, DelegateStep, NewUpdate, Rated, WindowStep,
};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::projects::adoption::CandidateOutcome;
use deputy_homes_api::projects::progress::{
    flags, DelegatesEvaluation, EvaluationCast, EvaluationChange, EvaluationPaper, EvaluationState,
    EvaluationTrackers, EvaluationWindow, NewEvaluation, NewInspection, NewProgress, NewRating,
    ProjectView,
};
use deputy_homes_api::projects::satisfaction::{evaluate, Satisfaction};
use deputy_homes_api::projects::{Candidate, Cycle, CyclePhase};
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
/// a reason), what was done, and a delay's reason when delayed. Photos are not taken yet.
#[utoipa::path(post, path = "/api/staff/projects/{id}/progress", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = NewProgress,
    params(("id" = String, Path, description = "The adopted project's (candidate's) id")),
    responses(
        (status = 201, description = "Posted; the project's page", body = ProjectView),
        (status = 400, description = "A field is invalid, or a lower percent without `lower_reason`", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such project", body = ApiError),
        (status = 409, description = "`step_not_allowed`: not adopted in a closed vote", body = ApiError),
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
        check: &check,
    };
    let now_ms = state.clock.now_ms();
    state
        .db
        .project_progress_add(&cycle.id, &id, &row, &staff.account.id, now_ms)
        .await?
        .map_err(AppError::BadRequest)?;
    Ok((StatusCode::CREATED, Json(project_view(&state, &id).await?)))
}

/// Records an inspection (视察) of an adopted project by a delegate of its cycle's congress.
/// Photos are not taken yet.
#[utoipa::path(post, path = "/api/delegate/projects/{id}/inspections", tag = "projects",
    security(("session" = ["delegate"], "csrf" = [])), request_body = NewInspection,
    params(("id" = String, Path, description = "The adopted project's (candidate's) id")),
    responses(
        (status = 201, description = "Recorded; the project's page", body = ProjectView),
        (status = 400, description = "`notes` out of its length", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate of this congress, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such project", body = ApiError),
        (status = 409, description = "`step_not_allowed`: not adopted in a closed vote", body = ApiError),
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
            &random_id(),
            &delegate.account.id,
            inspection.notes.trim(),
            state.clock.now_ms(),
        )
        .await?;
    match step {
        DelegateStep::Done(()) => Ok((StatusCode::CREATED, Json(project_view(&state, &id).await?))),
        _ => Err(AppError::Forbidden(
            "only delegates of this project's congress inspect it".into(),
        )),
    }
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
    let cycle = state
        .db
        .project_cycle(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("project cycle {id}")))?;
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
    let cycle = state
        .db
        .project_cycle(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("project cycle {id}")))?;
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
        DelegateStep::AlreadyEvaluated => Err(AppError::conflict(
            ErrorCode::AlreadyVoted,
            "this delegate has evaluated already",
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
    let cycle = state
        .db
        .project_cycle(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("project cycle {id}")))?;
    let mut out = Vec::new();
    for (project, _) in adopted_in(&state, cycle).await? {
        out.push(project_view(&state, &project.id).await?);
    }
    Ok(Json(out))
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
    let cycle = state
        .db
        .project_cycle(&id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("project cycle {id}")))?;
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
