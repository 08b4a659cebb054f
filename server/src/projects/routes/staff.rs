//! Staff run a cycle: make it, move it through its phases (opening the vote needs 差额 and
//! fixes the electors), set the number to adopt, merge and decline proposals, draft the
//! candidate list, and keep each congress's members. Every step is audited in its own
//! transaction.

use super::stepped;
use crate::platform::auth::{random_id, Staff};
use crate::platform::error::AppError;
use crate::projects::store::candidates::CandidateRefusal;
use crate::projects::store::collection::{Closing, ClosingRefusal};
use crate::projects::store::OpenRefusal;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::projects::{
    is_congress, is_tracking_number, Candidate, CongressMembers, Cycle, CycleTitle, Decline, Merge,
    NewCandidate, NewCycle, PhaseChange, ProjectField, Proposal, ToAdopt,
};
use deputy_homes_api::{ApiError, ErrorCode};

/// Most members one congress may have.
const MAX_MEMBERS: usize = 1000;

/// Makes a cycle for a congress and year, in the `preparing` phase.
#[utoipa::path(post, path = "/api/staff/project-cycles", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = NewCycle,
    responses(
        (status = 201, description = "Made", body = Cycle),
        (status = 400, description = "Unknown congress or year out of range", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 409, description = "`taken`: the congress has a cycle that year", body = ApiError),
    ))]
pub async fn staff_project_cycles_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    body: Result<Json<NewCycle>, JsonRejection>,
) -> Result<(StatusCode, Json<Cycle>), AppError> {
    let Json(new) = body?;
    new.validate().map_err(AppError::BadRequest)?;
    let id = format!("pc-{}", &random_id()[..12]);
    let now_ms = state.clock.now_ms();
    let made = state
        .db
        .project_cycle_create(&id, &new.congress, new.year, &staff.account.id, now_ms)
        .await?;
    match made {
        Some(cycle) => Ok((StatusCode::CREATED, Json(cycle))),
        None => Err(AppError::conflict_on(
            ErrorCode::Taken,
            ProjectField::Year,
            "this congress has a cycle for that year",
        )),
    }
}

/// Moves a cycle to its next phase: `collecting` opens the collection window, `shortlisting`
/// closes it, `voting` fixes the list and opens the vote (refused without more candidates than
/// projects to adopt, 差额), `closed` closes the vote and publishes the result.
#[utoipa::path(post, path = "/api/staff/project-cycles/{id}/phase", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = PhaseChange,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The cycle in its new phase", body = Cycle),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: not the next phase; `no_margin`: no more candidates than projects to adopt, or the number is not set; `no_electors`: the congress has no members", body = ApiError),
    ))]
pub async fn staff_project_phase_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<PhaseChange>, JsonRejection>,
) -> Result<Json<Cycle>, AppError> {
    let Json(change) = body?;
    let now_ms = state.clock.now_ms();
    let step = state
        .db
        .project_phase_step(&id, change.phase, &staff.account.id, now_ms)
        .await?;
    match stepped(step, "this phase change", &format!("project cycle {id}"))? {
        Ok(cycle) => Ok(Json(cycle)),
        Err(OpenRefusal::NoMargin {
            candidates,
            to_adopt,
        }) => Err(AppError::conflict(
            ErrorCode::NoMargin,
            format!(
                "the list has {candidates} candidates for {to_adopt} projects to adopt: it needs \
                 more candidates than projects (差额), and the number to adopt set"
            ),
        )),
        Err(OpenRefusal::NoElectors) => Err(AppError::conflict(
            ErrorCode::NoElectors,
            "the congress has no delegates marked as its members",
        )),
    }
}

/// Sets how many projects the vote adopts, while the list is open.
#[utoipa::path(put, path = "/api/staff/project-cycles/{id}/to-adopt", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = ToAdopt,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The cycle", body = Cycle),
        (status = 400, description = "Not 1 to 50", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the list is fixed", body = ApiError),
    ))]
pub async fn staff_project_to_adopt_put(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<ToAdopt>, JsonRejection>,
) -> Result<Json<Cycle>, AppError> {
    let Json(body) = body?;
    body.validate().map_err(AppError::BadRequest)?;
    let now_ms = state.clock.now_ms();
    let step = state
        .db
        .project_to_adopt_set(&id, body.to_adopt, &staff.account.id, now_ms)
        .await?;
    Ok(Json(stepped(
        step,
        "changing the number to adopt",
        &format!("project cycle {id}"),
    )?))
}

/// Gives a cycle the title its public pages show (e.g. `2027年 呼和浩特市民生实事项目`), in any
/// phase.
#[utoipa::path(put, path = "/api/staff/project-cycles/{id}/title", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = CycleTitle,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The cycle", body = Cycle),
        (status = 400, description = "`title` out of 4 to 60 characters, or on several lines", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
    ))]
pub async fn staff_project_title_put(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<CycleTitle>, JsonRejection>,
) -> Result<Json<Cycle>, AppError> {
    let Json(body) = body?;
    body.validate().map_err(AppError::BadRequest)?;
    let now_ms = state.clock.now_ms();
    state
        .db
        .project_title_set(&id, body.title.trim(), &staff.account.id, now_ms)
        .await?
        .map(Json)
        .ok_or_else(|| AppError::NotFound(format!("project cycle {id}")))
}

fn closed(
    step: crate::projects::store::Step<Result<Proposal, ClosingRefusal>>,
    tracking_number: &str,
) -> Result<Json<Proposal>, AppError> {
    match stepped(
        step,
        "merging or declining",
        &format!("proposal {tracking_number}"),
    )? {
        Ok(proposal) => Ok(Json(proposal)),
        Err(ClosingRefusal::NotOpen) => Err(AppError::conflict(
            ErrorCode::StepNotAllowed,
            "the proposal is merged or declined already",
        )),
        Err(ClosingRefusal::BadTarget) => Err(AppError::bad(
            ProjectField::Into,
            "into must be another open proposal of the same cycle",
        )),
    }
}

/// Merges a duplicate proposal into another open one of its cycle; it stays, marked merged.
#[utoipa::path(post, path = "/api/staff/project-proposals/{tracking_number}/merge", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = Merge,
    params(("tracking_number" = String, Path, description = "The duplicate's tracking number")),
    responses(
        (status = 200, description = "Merged", body = Proposal),
        (status = 400, description = "`into` is no other open proposal of the cycle", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such proposal", body = ApiError),
        (status = 409, description = "`step_not_allowed`: not open; `wrong_phase`: the list is fixed", body = ApiError),
    ))]
pub async fn staff_project_merge_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
    body: Result<Json<Merge>, JsonRejection>,
) -> Result<Json<Proposal>, AppError> {
    let Json(merge) = body?;
    let into = merge.into.trim();
    if !is_tracking_number(into) {
        return Err(AppError::bad(
            ProjectField::Into,
            "into must be a tracking number",
        ));
    }
    let now_ms = state.clock.now_ms();
    let step = state
        .db
        .project_proposal_close(
            &tracking_number,
            &Closing::Merge(into),
            &staff.account.id,
            now_ms,
        )
        .await?;
    closed(step, &tracking_number)
}

/// Declines a proposal with a published reason; it stays, marked declined.
#[utoipa::path(post, path = "/api/staff/project-proposals/{tracking_number}/decline", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = Decline,
    params(("tracking_number" = String, Path, description = "The proposal's tracking number")),
    responses(
        (status = 200, description = "Declined", body = Proposal),
        (status = 400, description = "The reason is too short or long", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such proposal", body = ApiError),
        (status = 409, description = "`step_not_allowed`: not open; `wrong_phase`: the list is fixed", body = ApiError),
    ))]
pub async fn staff_project_decline_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
    body: Result<Json<Decline>, JsonRejection>,
) -> Result<Json<Proposal>, AppError> {
    let Json(decline) = body?;
    decline.validate().map_err(AppError::BadRequest)?;
    let now_ms = state.clock.now_ms();
    let reason = decline.reason.trim();
    let step = state
        .db
        .project_proposal_close(
            &tracking_number,
            &Closing::Decline(reason),
            &staff.account.id,
            now_ms,
        )
        .await?;
    closed(step, &tracking_number)
}

/// Adds a candidate to the cycle's list, made from its open proposals, with the responsible
/// unit, budget, target and deadline; while the list is open.
#[utoipa::path(post, path = "/api/staff/project-cycles/{id}/candidates", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = NewCandidate,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 201, description = "Added", body = Candidate),
        (status = 400, description = "A field is invalid; `unit_id` unknown or inactive; `proposals` names no open proposal of the cycle", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the list is fixed", body = ApiError),
    ))]
pub async fn staff_project_candidates_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
    body: Result<Json<NewCandidate>, JsonRejection>,
) -> Result<(StatusCode, Json<Candidate>), AppError> {
    let Json(new) = body?;
    new.validate().map_err(AppError::BadRequest)?;
    let candidate_id = format!("pk-{}", &random_id()[..12]);
    let now_ms = state.clock.now_ms();
    let step = state
        .db
        .project_candidate_add(&id, &candidate_id, &new, &staff.account.id, now_ms)
        .await?;
    match stepped(step, "changing the list", &format!("project cycle {id}"))? {
        Ok(candidate) => Ok((StatusCode::CREATED, Json(candidate))),
        Err(CandidateRefusal::Unit) => Err(AppError::bad(
            ProjectField::UnitId,
            "unit_id must be an active handling unit",
        )),
        Err(CandidateRefusal::Proposal(number)) => Err(AppError::bad(
            ProjectField::Proposals,
            format!("{number} is no open proposal of this cycle"),
        )),
    }
}

/// Takes a candidate off the list while it is open; it is kept, marked withdrawn.
#[utoipa::path(post, path = "/api/staff/project-candidates/{id}/withdraw", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])),
    params(("id" = String, Path, description = "The candidate's id")),
    responses(
        (status = 200, description = "Withdrawn", body = Candidate),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such candidate", body = ApiError),
        (status = 409, description = "`wrong_phase`: the list is fixed", body = ApiError),
    ))]
pub async fn staff_project_candidate_withdraw(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(id): Path<String>,
) -> Result<Json<Candidate>, AppError> {
    let now_ms = state.clock.now_ms();
    let step = state
        .db
        .project_candidate_withdraw(&id, &staff.account.id, now_ms)
        .await?;
    Ok(Json(stepped(
        step,
        "changing the list",
        &format!("candidate {id}"),
    )?))
}

fn congress_of(congress: &str) -> Result<(), AppError> {
    if is_congress(congress) {
        Ok(())
    } else {
        Err(AppError::NotFound(format!("congress {congress}")))
    }
}

/// The delegates' accounts that sit in a congress (`city` or a district code).
#[utoipa::path(get, path = "/api/staff/congresses/{congress}/members", tag = "projects",
    security(("session" = ["staff"])),
    params(("congress" = String, Path, description = "`city` or a district code")),
    responses(
        (status = 200, description = "The members", body = CongressMembers),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
        (status = 404, description = "No such congress", body = ApiError),
    ))]
pub async fn staff_congress_members_get(
    State(state): State<AppState>,
    _staff: Staff,
    Path(congress): Path<String>,
) -> Result<Json<CongressMembers>, AppError> {
    congress_of(&congress)?;
    Ok(Json(CongressMembers {
        account_ids: state.db.congress_members(&congress).await?,
    }))
}

/// Replaces the delegates who sit in a congress. A vote already open keeps the electors it
/// fixed when it opened.
#[utoipa::path(put, path = "/api/staff/congresses/{congress}/members", tag = "projects",
    security(("session" = ["staff"], "csrf" = [])), request_body = CongressMembers,
    params(("congress" = String, Path, description = "`city` or a district code")),
    responses(
        (status = 200, description = "The members now", body = CongressMembers),
        (status = 400, description = "`account_ids`: an id is no delegate's account, or more than 1000", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such congress", body = ApiError),
    ))]
pub async fn staff_congress_members_put(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(congress): Path<String>,
    body: Result<Json<CongressMembers>, JsonRejection>,
) -> Result<Json<CongressMembers>, AppError> {
    congress_of(&congress)?;
    let Json(members) = body?;
    if members.account_ids.len() > MAX_MEMBERS {
        return Err(AppError::bad(
            ProjectField::AccountIds,
            format!("a congress has at most {MAX_MEMBERS} members"),
        ));
    }
    let now_ms = state.clock.now_ms();
    let saved = state
        .db
        .congress_members_set(&congress, &members.account_ids, &staff.account.id, now_ms)
        .await?;
    if let Err(id) = saved {
        return Err(AppError::bad(
            ProjectField::AccountIds,
            format!("{id} is no delegate's account"),
        ));
    }
    Ok(Json(CongressMembers {
        account_ids: state.db.congress_members(&congress).await?,
    }))
}
