//! The HTTP handlers of livelihood projects: the public pages (`public`), citizens' proposals
//! and supports (`collection`), staff running a cycle (`staff`), the delegates' ballot
//! (`ballot`), what follows the vote (`progress`, `evaluation`), the term's figures (`figures`), and photos
//! (`photos`).

pub mod ballot;
pub mod collection;
pub mod evaluation;
pub mod figures;
pub mod photos;
pub mod progress;
pub mod public;
pub mod staff;

use crate::photos::upload::UPLOAD_BODY_LIMIT;
use crate::platform::error::AppError;
use crate::projects::store::Step;
use crate::AppState;
use axum::extract::DefaultBodyLimit;
use deputy_homes_api::projects::{Cycle, CyclePhase};
use deputy_homes_api::ErrorCode;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The projects' endpoints, each with its OpenAPI entry.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(photos::project_photos_create))
        .routes(routes!(photos::staff_project_photos_create))
        .routes(routes!(photos::delegate_project_photos_create))
        .layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT))
        .routes(routes!(photos::project_photos_get))
        .routes(routes!(photos::project_photos_thumbnail))
        .routes(routes!(public::project_cycles_list))
        .routes(routes!(public::project_cycles_get))
        .routes(routes!(public::project_results_get))
        .routes(routes!(public::project_proposals_get))
        .routes(routes!(collection::project_proposals_create))
        .routes(routes!(collection::project_supports_create))
        .routes(routes!(staff::staff_project_cycles_create))
        .routes(routes!(staff::staff_project_phase_create))
        .routes(routes!(staff::staff_project_to_adopt_put))
        .routes(routes!(staff::staff_project_title_put))
        .routes(routes!(staff::staff_project_merge_create))
        .routes(routes!(staff::staff_project_decline_create))
        .routes(routes!(staff::staff_project_candidates_create))
        .routes(routes!(staff::staff_project_candidate_withdraw))
        .routes(routes!(
            staff::staff_congress_members_get,
            staff::staff_congress_members_put
        ))
        .routes(routes!(
            ballot::delegate_ballot_get,
            ballot::delegate_ballot_create
        ))
        .routes(routes!(progress::projects_get))
        .routes(routes!(progress::project_cycle_projects_get))
        .routes(routes!(progress::project_rating_create))
        .routes(routes!(progress::staff_project_progress_create))
        .routes(routes!(
            evaluation::staff_project_evaluation_get,
            evaluation::staff_project_evaluation_create
        ))
        .routes(routes!(progress::delegate_project_inspections_create))
        .routes(routes!(
            evaluation::delegate_evaluation_get,
            evaluation::delegate_evaluation_create
        ))
        .routes(routes!(figures::project_figures_get))
        .routes(routes!(evaluation::project_evaluation_trackers_get))
}

/// A cycle, or the 404 of none.
pub(crate) async fn cycle_or_404(state: &AppState, id: &str) -> Result<Cycle, AppError> {
    state
        .db
        .project_cycle(id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("project cycle {id}")))
}

/// The 409 `wrong_phase` of a step the cycle's phase does not allow.
pub(crate) fn wrong_phase(phase: CyclePhase, what: &str) -> AppError {
    AppError::conflict(
        ErrorCode::WrongPhase,
        format!("{what} is not possible while the cycle is {}", phase.code()),
    )
}

/// A step's outcome as an answer: 404 when the thing is gone, 409 in the wrong phase.
pub(crate) fn stepped<T>(step: Step<T>, what: &str, name: &str) -> Result<T, AppError> {
    match step {
        Step::Done(value) => Ok(value),
        Step::NotFound => Err(AppError::NotFound(name.to_owned())),
        Step::WrongPhase(phase) => Err(wrong_phase(phase, what)),
    }
}
