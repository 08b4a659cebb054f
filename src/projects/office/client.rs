//! The HTTP calls of the office's project screens: cycles, the candidate list and its
//! proposals, congress members, the delegate's ballot, progress, inspections and the year-end
//! evaluation.

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::homes::maplinks::encode_component;
use deputy_homes_api::platform::photos::Photo;
use deputy_homes_api::projects::progress::{
    EvaluationCast, EvaluationChange, EvaluationPaper, EvaluationProgress, EvaluationWindow,
    NewEvaluation, NewInspection, NewProgress, ProjectView,
};
use deputy_homes_api::projects::{
    BallotPaper, BallotReceipt, Candidate, CongressMembers, Cycle, CycleTitle, CycleView, Decline,
    Merge, NewBallot, NewCandidate, NewCycle, PhaseChange, Proposal, ToAdopt, VoteResults,
};

fn cycle_path(id: &str, tail: &str) -> String {
    format!("/api/project-cycles/{}{tail}", encode_component(id))
}

fn staff_cycle_path(id: &str, tail: &str) -> String {
    format!("/api/staff/project-cycles/{}{tail}", encode_component(id))
}

/// `GET /api/project-cycles`: every cycle, newest year first.
pub async fn cycles_list() -> Result<Vec<Cycle>, ClientError> {
    ApiRequest::get("/api/project-cycles").send().await
}

/// `GET /api/project-cycles/{id}`: a cycle with its proposals and candidates.
pub async fn cycle_get(id: String) -> Result<CycleView, ClientError> {
    ApiRequest::get(cycle_path(&id, "")).send().await
}

/// `GET /api/project-cycles/{id}/results`: a closed vote's result.
pub async fn results_get(id: String) -> Result<VoteResults, ClientError> {
    ApiRequest::get(cycle_path(&id, "/results")).send().await
}

/// `GET /api/project-cycles/{id}/projects`: a closed cycle's adopted projects.
pub async fn cycle_projects(id: String) -> Result<Vec<ProjectView>, ClientError> {
    ApiRequest::get(cycle_path(&id, "/projects")).send().await
}

/// `POST /api/staff/project-cycles`: makes a cycle.
pub async fn cycle_create(body: NewCycle, csrf: String) -> Result<Cycle, ClientError> {
    ApiRequest::post("/api/staff/project-cycles")
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `POST /api/staff/project-cycles/{id}/phase`: moves a cycle to its next phase.
pub async fn phase_set(id: String, body: PhaseChange, csrf: String) -> Result<Cycle, ClientError> {
    ApiRequest::post(staff_cycle_path(&id, "/phase"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `PUT /api/staff/project-cycles/{id}/to-adopt`: how many projects the vote adopts.
pub async fn to_adopt_set(id: String, body: ToAdopt, csrf: String) -> Result<Cycle, ClientError> {
    ApiRequest::put(staff_cycle_path(&id, "/to-adopt"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `PUT /api/staff/project-cycles/{id}/title`: the title the public pages show.
pub async fn title_set(id: String, body: CycleTitle, csrf: String) -> Result<Cycle, ClientError> {
    ApiRequest::put(staff_cycle_path(&id, "/title"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

fn proposal_path(number: &str, tail: &str) -> String {
    format!(
        "/api/staff/project-proposals/{}{tail}",
        encode_component(number)
    )
}

/// `POST /api/staff/project-proposals/{n}/merge`: merges a duplicate into another proposal.
pub async fn proposal_merge(
    number: String,
    body: Merge,
    csrf: String,
) -> Result<Proposal, ClientError> {
    ApiRequest::post(proposal_path(&number, "/merge"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `POST /api/staff/project-proposals/{n}/decline`: declines a proposal with a published reason.
pub async fn proposal_decline(
    number: String,
    body: Decline,
    csrf: String,
) -> Result<Proposal, ClientError> {
    ApiRequest::post(proposal_path(&number, "/decline"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `POST /api/staff/project-cycles/{id}/candidates`: adds a candidate to the list.
pub async fn candidate_create(
    id: String,
    body: NewCandidate,
    csrf: String,
) -> Result<Candidate, ClientError> {
    ApiRequest::post(staff_cycle_path(&id, "/candidates"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `POST /api/staff/project-candidates/{id}/withdraw`: takes a candidate off the list.
pub async fn candidate_withdraw(id: String, csrf: String) -> Result<Candidate, ClientError> {
    let path = format!(
        "/api/staff/project-candidates/{}/withdraw",
        encode_component(&id)
    );
    ApiRequest::post(path).csrf(csrf).send().await
}

fn members_path(congress: &str) -> String {
    format!(
        "/api/staff/congresses/{}/members",
        encode_component(congress)
    )
}

/// `GET /api/staff/congresses/{congress}/members`: the delegates of a congress.
pub async fn members_get(congress: String) -> Result<CongressMembers, ClientError> {
    ApiRequest::get(members_path(&congress)).send().await
}

/// `PUT /api/staff/congresses/{congress}/members`: sets the delegates of a congress.
pub async fn members_put(
    congress: String,
    body: CongressMembers,
    csrf: String,
) -> Result<CongressMembers, ClientError> {
    ApiRequest::put(members_path(&congress))
        .csrf(csrf)
        .send_json(&body)
        .await
}

fn delegate_cycle_path(id: &str, tail: &str) -> String {
    format!(
        "/api/delegate/project-cycles/{}{tail}",
        encode_component(id)
    )
}

/// `GET /api/delegate/project-cycles/{id}/ballot`: the ballot paper.
pub async fn ballot_get(id: String) -> Result<BallotPaper, ClientError> {
    ApiRequest::get(delegate_cycle_path(&id, "/ballot"))
        .send()
        .await
}

/// `POST /api/delegate/project-cycles/{id}/ballot`: casts this delegate's one ballot.
pub async fn ballot_cast(
    id: String,
    body: NewBallot,
    csrf: String,
) -> Result<BallotReceipt, ClientError> {
    ApiRequest::post(delegate_cycle_path(&id, "/ballot"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `POST /api/staff/projects/{id}/progress`: posts a progress update.
/// `POST /api/staff/project-photos`: uploads one photo for a progress update.
pub async fn staff_photo_upload(file: web_sys::File, csrf: String) -> Result<Photo, ClientError> {
    ApiRequest::post("/api/staff/project-photos")
        .csrf(csrf)
        .send_photo(file)
        .await
}

/// `POST /api/delegate/project-photos`: uploads one photo for an inspection.
pub async fn delegate_photo_upload(
    file: web_sys::File,
    csrf: String,
) -> Result<Photo, ClientError> {
    ApiRequest::post("/api/delegate/project-photos")
        .csrf(csrf)
        .send_photo(file)
        .await
}

pub async fn progress_post(
    project: String,
    body: NewProgress,
    csrf: String,
) -> Result<ProjectView, ClientError> {
    let path = format!(
        "/api/staff/projects/{}/progress",
        encode_component(&project)
    );
    ApiRequest::post(path).csrf(csrf).send_json(&body).await
}

/// `POST /api/delegate/projects/{id}/inspections`: records an inspection.
pub async fn inspection_post(
    project: String,
    body: NewInspection,
    csrf: String,
) -> Result<ProjectView, ClientError> {
    let path = format!(
        "/api/delegate/projects/{}/inspections",
        encode_component(&project)
    );
    ApiRequest::post(path).csrf(csrf).send_json(&body).await
}

/// `POST /api/staff/project-cycles/{id}/evaluation`: opens or closes the year-end evaluation.
pub async fn evaluation_set(
    id: String,
    body: EvaluationChange,
    csrf: String,
) -> Result<EvaluationWindow, ClientError> {
    ApiRequest::post(staff_cycle_path(&id, "/evaluation"))
        .csrf(csrf)
        .send_json(&body)
        .await
}

/// `GET /api/staff/project-cycles/{id}/evaluation`: how many evaluated, of how many.
pub async fn evaluation_progress(id: String) -> Result<EvaluationProgress, ClientError> {
    ApiRequest::get(staff_cycle_path(&id, "/evaluation"))
        .send()
        .await
}

/// `GET /api/delegate/project-cycles/{id}/evaluation`: the evaluation paper.
pub async fn evaluation_get(id: String) -> Result<EvaluationPaper, ClientError> {
    ApiRequest::get(delegate_cycle_path(&id, "/evaluation"))
        .send()
        .await
}

/// `POST /api/delegate/project-cycles/{id}/evaluation`: casts this delegate's evaluation.
pub async fn evaluation_cast(
    id: String,
    body: NewEvaluation,
    csrf: String,
) -> Result<EvaluationCast, ClientError> {
    ApiRequest::post(delegate_cycle_path(&id, "/evaluation"))
        .csrf(csrf)
        .send_json(&body)
        .await
}
