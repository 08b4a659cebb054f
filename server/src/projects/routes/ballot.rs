//! The delegates' secret ballot (票决): a delegate of the cycle's congress sees the list and
//! casts one ballot while the vote is open, and gets a tracker whose hash is published after
//! the close. Nothing here answers what anyone chose.

use super::{cycle_or_404, wrong_phase};
use crate::platform::auth::Delegate;
use crate::platform::auth::{random_token, token_hash};
use crate::platform::error::AppError;
use crate::projects::store::ballots::{Ballot, Cast};
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::Json;
use deputy_homes_api::projects::{BallotPaper, BallotReceipt, Cycle, NewBallot, ProjectField};
use deputy_homes_api::{ApiError, ErrorCode};

/// The ballot paper: the cycle, whether this delegate may vote and has voted (never what they
/// chose), the candidates and how many a ballot may choose.
#[utoipa::path(get, path = "/api/delegate/project-cycles/{id}/ballot", tag = "projects",
    security(("session" = ["delegate"])),
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The ballot paper", body = BallotPaper),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
    ))]
pub async fn delegate_ballot_get(
    State(state): State<AppState>,
    Delegate(delegate): Delegate,
    Path(id): Path<String>,
) -> Result<Json<BallotPaper>, AppError> {
    let cycle = cycle_or_404(&state, &id).await?;
    let (eligible, voted) = state
        .db
        .project_voter_state(&id, &delegate.account.id)
        .await?;
    Ok(Json(BallotPaper {
        candidates: state.db.project_listed(&id).await?,
        max_choices: cycle.to_adopt,
        eligible,
        voted,
        cycle,
    }))
}

/// Casts this delegate's one ballot while the vote is open: none up to the number to adopt of
/// the listed candidates. The answer's tracker is shown once; after the close its SHA-256 is on
/// the published list. A second ballot, also sent at the same moment, is refused.
#[utoipa::path(post, path = "/api/delegate/project-cycles/{id}/ballot", tag = "projects",
    security(("session" = ["delegate"], "csrf" = [])), request_body = NewBallot,
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 201, description = "Counted; keep the tracker", body = BallotReceipt),
        (status = 400, description = "`choices`: unknown candidate, one twice, or too many", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate, or not one of this congress when the vote opened; or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the vote is not open; `already_voted`", body = ApiError),
    ))]
pub async fn delegate_ballot_create(
    State(state): State<AppState>,
    Delegate(delegate): Delegate,
    Path(id): Path<String>,
    body: Result<Json<NewBallot>, JsonRejection>,
) -> Result<(StatusCode, Json<BallotReceipt>), AppError> {
    let Json(ballot) = body?;
    let tracker = random_token();
    let tracker_hash = token_hash(&tracker);
    let check = |cycle: &Cycle| ballot.validate(cycle.to_adopt);
    let cast = Ballot {
        voter: &delegate.account.id,
        choices: &[],
        tracker_hash: &tracker_hash,
        now_ms: state.clock.now_ms(),
    };
    match state.db.project_vote(&id, &cast, &check).await? {
        Cast::Counted => Ok((StatusCode::CREATED, Json(BallotReceipt { tracker }))),
        Cast::NotFound => Err(AppError::NotFound(format!("project cycle {id}"))),
        Cast::WrongPhase(phase) => Err(wrong_phase(phase, "voting")),
        Cast::NotElector => Err(AppError::Forbidden(
            "only delegates of this cycle's congress (members when the vote opened) vote".into(),
        )),
        Cast::UnknownChoice(choice) => Err(AppError::bad(
            ProjectField::Choices,
            format!("{choice} is no candidate on this list"),
        )),
        Cast::BadChoices(error) => Err(AppError::BadRequest(error)),
        Cast::AlreadyVoted => Err(AppError::conflict(
            ErrorCode::AlreadyVoted,
            "this delegate has voted already",
        )),
    }
}
