//! An adopted project in the office: its facts, votes, progress bar and flags, the progress
//! timeline and inspections with their photos, and the year-end result; staff post progress
//! under it, delegates record an inspection (`progress_forms`).

use crate::i18n::{tr, use_i18n};
use crate::kit::clock::local_time;
use crate::kit::photos::PhotoGallery;
use crate::projects::office::progress_forms::{InspectionForm, ProgressForm};
use crate::projects::office::CandidateFacts;
use deputy_homes_api::projects::progress::ProjectView;
use leptos::prelude::*;

/// What the signed-in person may add to a project.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ProjectAction {
    /// Staff post progress.
    Report,
    /// A delegate records an inspection.
    Inspect,
}

/// One adopted project, kept up to date by the form under it.
#[component]
pub fn ProjectCard(project: ProjectView, action: ProjectAction, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let id = project.project.id.clone();
    let view_of = RwSignal::new(project);
    let updated = Callback::new(move |p: ProjectView| view_of.set(p));
    let heading_id = format!("project-{id}");
    let labelled_by = heading_id.clone();
    let data_project = id.clone();
    view! {
        <article class="card project-card" aria-labelledby=labelled_by data-project=data_project>
            <h3 id=heading_id>{move || view_of.with(|p| p.project.title.clone())}</h3>
            {move || {
                let p = view_of.get();
                let percent = p.percent_done;
                let label = i18n.t().project_office.percent_done(percent);
                view! {
                    <p class="project-votes">
                        {i18n.t().project_office.votes_of(p.votes, p.eligible)}
                    </p>
                    <div
                        class="progress"
                        role="progressbar"
                        aria-valuemin="0"
                        aria-valuemax="100"
                        aria-valuenow=percent.to_string()
                        aria-label=i18n.t().project_office.progress_label
                    >
                        <svg
                            class="progress__bar"
                            viewBox="0 0 100 10"
                            preserveAspectRatio="none"
                            aria-hidden="true"
                            focusable="false"
                        >
                            <rect x="0" y="0" width=percent.to_string() height="10" />
                        </svg>
                    </div>
                    <p class="progress-text">{label}</p>
                    {p
                        .flags
                        .iter()
                        .map(|f| {
                            view! { <p class="flag">{i18n.t().project_office.flag_words(*f)}</p> }
                        })
                        .collect_view()}
                    <CandidateFacts candidate=p.project.clone() />
                    <Timeline project=p />
                }
            }}
            {match action {
                ProjectAction::Report => view! { <ProgressForm id csrf updated /> }.into_any(),
                ProjectAction::Inspect => view! { <InspectionForm id csrf updated /> }.into_any(),
            }}
        </article>
    }
}

/// Progress updates, inspections and the evaluation, oldest first.
#[component]
fn Timeline(project: ProjectView) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t().project_office;
    view! {
        <h4>{tr(|c| c.project_office.progress_heading)}</h4>
        {if project.progress.is_empty() {
            view! { <p class="hint">{tr(|c| c.project_office.no_progress)}</p> }.into_any()
        } else {
            view! {
                <ol class="timeline">
                    {project
                        .progress
                        .iter()
                        .map(|u| {
                            let u = u.clone();
                            view! {
                                <li>
                                    <p class="hint">
                                        {local_time(u.at_ms)} " · " {t().percent_done(u.percent)}
                                    </p>
                                    <p>{u.done.clone()}</p>
                                    <PhotoGallery
                                        photos=u.photos.clone()
                                        alt=|c, n| c.projects_progress_photo_alt(n)
                                    />
                                    {u
                                        .delay_reason
                                        .clone()
                                        .map(|r| {
                                            view! { <p class="flag">{t().delay_words(&r)}</p> }
                                        })}
                                    {u
                                        .lower_reason
                                        .clone()
                                        .map(|r| view! { <p>{t().lower_words(&r)}</p> })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
        <h4>{tr(|c| c.project_office.inspections_heading)}</h4>
        {if project.inspections.is_empty() {
            view! { <p class="hint">{tr(|c| c.project_office.no_inspections)}</p> }.into_any()
        } else {
            view! {
                <ul class="timeline">
                    {project
                        .inspections
                        .iter()
                        .map(|i| {
                            let i = i.clone();
                            view! {
                                <li>
                                    <p class="hint">
                                        {local_time(i.at_ms)} " · " {i.delegate_name.clone()}
                                    </p>
                                    <p>{i.notes.clone()}</p>
                                    <PhotoGallery
                                        photos=i.photos.clone()
                                        alt=|c, n| c.projects_inspection_photo_alt(n)
                                    />
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            }
                .into_any()
        }}
        {project
            .evaluation
            .map(|e| {
                view! {
                    <p class="evaluation-result">
                        {move || i18n.t().project_office.evaluation_result(&e)}
                    </p>
                }
            })}
    }
}
