//! The livelihood projects' HTTP calls for citizens: the cycles, a cycle's page and its result,
//! a proposal, an adopted project, the term's figures; proposing (with photos), supporting and
//! rating in a verified phone's session.

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::homes::maplinks::encode_component;
use deputy_homes_api::platform::photos::Photo;
use deputy_homes_api::projects::figures::ProjectFigures;
use deputy_homes_api::projects::progress::{NewRating, ProjectView};
use deputy_homes_api::projects::{Cycle, CycleView, NewProposal, Proposal, Supported, VoteResults};

/// `POST /api/project-photos`: uploads one photo for a proposal, in the verified phone's
/// session (the server strips its metadata).
pub async fn proposal_photo_upload(
    file: web_sys::File,
    csrf: String,
) -> Result<Photo, ClientError> {
    ApiRequest::post("/api/project-photos")
        .csrf(csrf)
        .send_photo(file)
        .await
}

/// `GET /api/project-cycles`: every cycle, newest year first.
pub async fn cycles() -> Result<Vec<Cycle>, ClientError> {
    ApiRequest::get("/api/project-cycles").send().await
}

/// `GET /api/project-cycles/{id}`: a cycle with its proposals and candidates.
pub async fn cycle(id: String) -> Result<CycleView, ClientError> {
    let path = format!("/api/project-cycles/{}", encode_component(&id));
    ApiRequest::get(path).send().await
}

/// `GET /api/project-cycles/{id}/results`: a closed vote's result.
pub async fn results(id: String) -> Result<VoteResults, ClientError> {
    let path = format!("/api/project-cycles/{}/results", encode_component(&id));
    ApiRequest::get(path).send().await
}

/// `GET /api/project-cycles/{id}/projects`: a closed cycle's adopted projects.
pub async fn cycle_projects(id: String) -> Result<Vec<ProjectView>, ClientError> {
    let path = format!("/api/project-cycles/{}/projects", encode_component(&id));
    ApiRequest::get(path).send().await
}

/// `GET /api/project-proposals/{tracking_number}`: a proposal's public page.
pub async fn proposal(tracking_number: String) -> Result<Proposal, ClientError> {
    let path = format!(
        "/api/project-proposals/{}",
        encode_component(&tracking_number)
    );
    ApiRequest::get(path).send().await
}

/// `GET /api/projects/{id}`: an adopted project's public page.
pub async fn project(id: String) -> Result<ProjectView, ClientError> {
    let path = format!("/api/projects/{}", encode_component(&id));
    ApiRequest::get(path).send().await
}

/// `GET /api/project-figures`: the term's figures by congress.
pub async fn figures() -> Result<ProjectFigures, ClientError> {
    ApiRequest::get("/api/project-figures").send().await
}

/// `POST /api/project-cycles/{id}/proposals`: proposes a project with the verified phone.
pub async fn propose(
    cycle_id: String,
    body: NewProposal,
    csrf_token: String,
) -> Result<Proposal, ClientError> {
    let path = format!(
        "/api/project-cycles/{}/proposals",
        encode_component(&cycle_id)
    );
    ApiRequest::post(path)
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `POST /api/project-proposals/{tracking_number}/support`: supports a proposal, once a phone.
pub async fn support(
    tracking_number: String,
    csrf_token: String,
) -> Result<Supported, ClientError> {
    let path = format!(
        "/api/project-proposals/{}/support",
        encode_component(&tracking_number)
    );
    ApiRequest::post(path).csrf(csrf_token).send().await
}

/// `POST /api/projects/{id}/rating`: a citizen's advisory rating, once a phone.
pub async fn rate(id: String, rating: u32, csrf_token: String) -> Result<ProjectView, ClientError> {
    let path = format!("/api/projects/{}/rating", encode_component(&id));
    ApiRequest::post(path)
        .csrf(csrf_token)
        .send_json(&NewRating { rating })
        .await
}
