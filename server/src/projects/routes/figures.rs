//! The term's public figures of livelihood projects: projects decided, completed, completed on
//! time, and the delegates' satisfaction, by congress (the seed article's figures).

use super::progress::{adopted_in, evaluation_of};
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::State;
use axum::Json;
use deputy_homes_api::projects::figures::{tally, ProjectFacts, ProjectFigures};
use deputy_homes_api::projects::progress::{EvaluationState, ProgressUpdate};

/// When a project reached 100% for good: the first update of its last run at 100%.
fn completed_at(progress: &[ProgressUpdate]) -> Option<i64> {
    let first_of_run = progress
        .iter()
        .rposition(|p| p.percent < 100)
        .map_or(0, |i| i + 1);
    progress.get(first_of_run).map(|p| p.at_ms)
}

/// The term's figures: every project adopted in a closed vote, counted by its cycle's congress
/// and together. Completion is the last progress update at 100%; on time when that run began by
/// the end of the deadline's day; satisfaction is the delegates' year-end result by the
/// published rule, once their evaluation is closed.
#[utoipa::path(get, path = "/api/project-figures", tag = "projects",
    responses((status = 200, description = "The figures", body = ProjectFigures)))]
pub async fn project_figures_get(
    State(state): State<AppState>,
) -> Result<Json<ProjectFigures>, AppError> {
    let mut facts = Vec::new();
    for cycle in state.db.project_cycles().await? {
        let congress = cycle.congress.clone();
        let cycle_id = cycle.id.clone();
        let adopted = adopted_in(&state, cycle).await?;
        if adopted.is_empty() {
            continue;
        }
        let window = state.db.project_evaluation_window(&cycle_id).await?;
        let ballots = match &window {
            Some(w) if w.state == EvaluationState::Closed => {
                Some(state.db.project_evaluation_ballots(&cycle_id).await?)
            }
            _ => None,
        };
        for (project, _) in adopted {
            let progress = state.db.project_progress(&project.id).await?;
            let evaluation = match (&ballots, &window) {
                (Some(b), Some(w)) => evaluation_of(b, &project.id, w.eligible).result,
                _ => None,
            };
            facts.push(ProjectFacts {
                congress: congress.clone(),
                deadline: project.deadline,
                completed_at_ms: completed_at(&progress),
                evaluation,
            });
        }
    }
    Ok(Json(tally(&facts)))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn update(percent: u32, at_ms: i64) -> ProgressUpdate {
        ProgressUpdate {
            percent,
            done: "施工".to_owned(),
            delay_reason: None,
            lower_reason: None,
            at_ms,
            photos: Vec::new(),
        }
    }

    #[test]
    fn a_project_is_completed_from_the_start_of_its_last_run_at_100() {
        assert_eq!(completed_at(&[]), None);
        assert_eq!(completed_at(&[update(40, 1), update(90, 2)]), None);
        assert_eq!(
            completed_at(&[
                update(100, 1),
                update(90, 2),
                update(100, 3),
                update(100, 4)
            ]),
            Some(3)
        );
    }
}
