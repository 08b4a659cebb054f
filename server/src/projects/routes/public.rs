//! The public pages of livelihood projects: the cycles, a cycle with its proposals and
//! candidates, a proposal, and a closed vote's result with the ballot trackers. None shows a
//! phone or who voted for what; no tally exists before the close.

use super::{cycle_or_404, wrong_phase};
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::{Path, State};
use axum::Json;
use deputy_homes_api::projects::adoption::{decide, CandidateOutcome};
use deputy_homes_api::projects::{
    CandidateResult, Cycle, CyclePhase, CycleView, Proposal, VoteResults,
};
use deputy_homes_api::ApiError;

/// Every cycle, newest year first.
#[utoipa::path(get, path = "/api/project-cycles", tag = "projects",
    responses((status = 200, description = "The cycles", body = [Cycle])))]
pub async fn project_cycles_list(
    State(state): State<AppState>,
) -> Result<Json<Vec<Cycle>>, AppError> {
    Ok(Json(state.db.project_cycles().await?))
}

/// A cycle's public page: its phase, its proposals (no phones) and its candidate list.
#[utoipa::path(get, path = "/api/project-cycles/{id}", tag = "projects",
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The cycle", body = CycleView),
        (status = 404, description = "No such cycle", body = ApiError),
    ))]
pub async fn project_cycles_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<CycleView>, AppError> {
    let cycle = cycle_or_404(&state, &id).await?;
    Ok(Json(CycleView {
        proposals: state.db.project_proposals(&id).await?,
        candidates: state.db.project_candidates(&id).await?,
        cycle,
    }))
}

/// A proposal's public page, by its tracking number.
#[utoipa::path(get, path = "/api/project-proposals/{tracking_number}", tag = "projects",
    params(("tracking_number" = String, Path, description = "`XM2026-0001`")),
    responses(
        (status = 200, description = "The proposal", body = Proposal),
        (status = 404, description = "No such proposal", body = ApiError),
    ))]
pub async fn project_proposals_get(
    State(state): State<AppState>,
    Path(tracking_number): Path<String>,
) -> Result<Json<Proposal>, AppError> {
    let proposal = state.db.project_proposal(&tracking_number).await?;
    proposal
        .map(Json)
        .ok_or_else(|| AppError::NotFound(format!("proposal {tracking_number}")))
}

/// A closed vote's result: votes per candidate, turnout, the adopted projects, a tie at the
/// cut-off and a failed quorum as such, and the SHA-256 of every ballot's tracker. Refused
/// (409 `wrong_phase`) until the vote is closed: there is no running tally.
#[utoipa::path(get, path = "/api/project-cycles/{id}/results", tag = "projects",
    params(("id" = String, Path, description = "The cycle's id")),
    responses(
        (status = 200, description = "The result", body = VoteResults),
        (status = 404, description = "No such cycle", body = ApiError),
        (status = 409, description = "`wrong_phase`: the vote is not closed", body = ApiError),
    ))]
pub async fn project_results_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<VoteResults>, AppError> {
    let cycle = cycle_or_404(&state, &id).await?;
    if cycle.phase != CyclePhase::Closed {
        return Err(wrong_phase(cycle.phase, "showing results"));
    }
    Ok(Json(results_of(&state, cycle).await?))
}

/// A closed cycle's result, from its ballots by the adoption rule.
pub(crate) async fn results_of(state: &AppState, cycle: Cycle) -> Result<VoteResults, AppError> {
    let id = cycle.id.clone();
    let listed = state.db.project_listed(&id).await?;
    let (ballots, trackers) = state.db.project_ballots(&id).await?;
    let votes: Vec<u32> = listed
        .iter()
        .map(|c| ballots.iter().filter(|b| b.contains(&c.id)).count())
        .map(|n| u32::try_from(n).unwrap_or(u32::MAX))
        .collect();
    let cast = u32::try_from(ballots.len()).unwrap_or(u32::MAX);
    let decision = decide(&votes, cycle.to_adopt, cast, cycle.eligible);
    let mut candidates: Vec<CandidateResult> = listed
        .into_iter()
        .zip(votes)
        .zip(decision.outcomes)
        .map(|((candidate, votes), outcome)| CandidateResult {
            candidate,
            votes,
            outcome,
        })
        .collect();
    candidates.sort_by_key(|c| std::cmp::Reverse(c.votes));
    let adopted = candidates
        .iter()
        .filter(|c| c.outcome == CandidateOutcome::Adopted)
        .map(|c| c.candidate.id.clone())
        .collect();
    Ok(VoteResults {
        eligible: cycle.eligible,
        ballots_cast: cast,
        quorum_met: decision.quorum_met,
        places_tied: decision.places_tied,
        candidates,
        adopted,
        trackers,
        cycle,
    })
}
