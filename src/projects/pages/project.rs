//! `/projects/:id`: an adopted project's public page: the proposals it came from (with their
//! photos), its vote, the responsible unit, budget, target and deadline, its progress with a
//! timeline of updates (delays with their reasons, photos; an overdue update or a passed
//! deadline flagged), the delegates' inspections with their photos and year-end evaluation, and
//! apart from them the citizens' advisory rating.

use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::clock::local_time;
use crate::kit::loader::Loader;
use crate::kit::not_found::NotFoundPage;
use crate::kit::page_title::use_page_title;
use crate::kit::photos::PhotoGallery;
use crate::projects::client;
use crate::projects::components::adopted_list::Flags;
use crate::projects::components::progress_bar::ProgressBar;
use crate::projects::components::rating_form::{CitizenRatingsView, RatingForm};
use crate::projects::rules::{congress_name, money};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::progress::{
    DelegatesEvaluation, EvaluationState, Inspection, ProgressUpdate, ProjectView,
};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page.
#[component]
pub fn ProjectPage() -> impl IntoView {
    use_page_title(|t| t.projects_project_heading);
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let project = LocalResource::new(move || client::project(id.get()));
    view! {
        <Loader resource=project not_found=|| view! { <NotFoundPage /> } let:p>
            <ProjectBody project=p />
        </Loader>
    }
}

#[component]
fn ProjectBody(project: ProjectView) -> impl IntoView {
    let i18n = use_i18n();
    let view_now = RwSignal::new(project.clone());
    let p = project.project;
    let (year, congress) = (project.year, project.congress.clone());
    let budget = p.budget_yuan;
    view! {
        <p class="back">
            <a href=Page::ProjectCycle(project.cycle_id.clone())
                .path()>{tr(|c| c.projects_back_to_cycle)}</a>
        </p>
        <p class="hint">
            {move || format!("{year} · {}", congress_name(&congress, i18n.lang(), i18n.t()))}
        </p>
        <h1>{p.title}</h1>
        <p>{p.summary}</p>
        <ProgressBar percent=project.percent_done label=|c| c.projects_percent_done />
        <Flags flags=project.flags />
        <dl class="project-facts">
            <dt>{tr(|t| t.projects_unit)}</dt>
            <dd>{p.unit_name}</dd>
            <dt>{tr(|t| t.projects_budget)}</dt>
            <dd>{move || money(budget, i18n.lang())}</dd>
            <dt>{tr(|t| t.projects_target)}</dt>
            <dd>{p.target}</dd>
            <dt>{tr(|t| t.projects_deadline)}</dt>
            <dd>{p.deadline}</dd>
            <dt>{tr(|t| t.projects_vote)}</dt>
            <dd>
                {tr_with(
                    |t, n: (u32, u32)| t.projects_votes_of(n.0, n.1),
                    (project.votes, project.eligible),
                )}
            </dd>
        </dl>
        <h2>{tr(|c| c.projects_origin_heading)}</h2>
        <ul class="project-origin">
            {project
                .origin
                .into_iter()
                .map(|o| {
                    view! {
                        <li>
                            <a href=Page::ProjectProposal(o.tracking_number.clone())
                                .path()>{o.title}</a>
                            " "
                            <span class="booking__code">{o.tracking_number}</span>
                            <PhotoGallery
                                photos=o.photos
                                alt=|c, n| c.projects_proposal_photo_alt(n)
                            />
                        </li>
                    }
                })
                .collect_view()}
        </ul>
        <Timeline updates=project.progress />
        <Inspections inspections=project.inspections />
        <Evaluation state=project.evaluation_state evaluation=project.evaluation />
        <section class="card citizen-ratings" aria-labelledby="ratings-heading">
            <h2 id="ratings-heading">{tr(|c| c.projects_ratings_heading)}</h2>
            <p class="hint">{tr(|c| c.projects_ratings_hint)}</p>
            {move || view! { <CitizenRatingsView ratings=view_now.get().citizen_ratings /> }}
            <RatingForm project_id=p.id view_now />
        </section>
    }
}

/// The progress updates, oldest first, each with its delay and any lowered percent explained.
#[component]
fn Timeline(updates: Vec<ProgressUpdate>) -> impl IntoView {
    view! {
        <h2>{tr(|c| c.projects_progress_heading)}</h2>
        {if updates.is_empty() {
            view! { <p>{tr(|c| c.projects_no_progress)}</p> }.into_any()
        } else {
            view! {
                <ol class="timeline project-timeline">
                    {updates
                        .into_iter()
                        .map(|u| {
                            view! {
                                <li class="timeline__item">
                                    <p>
                                        <strong>{u.percent} "%"</strong>
                                        " · "
                                        <span class="hint">{local_time(u.at_ms)}</span>
                                    </p>
                                    <p class="opinion__body">{u.done}</p>
                                    <PhotoGallery
                                        photos=u.photos
                                        alt=|c, n| c.projects_progress_photo_alt(n)
                                    />
                                    {u
                                        .delay_reason
                                        .map(|r| {
                                            view! {
                                                <p>
                                                    <span class="tag tag--late">
                                                        {tr(|c| c.projects_delayed)}
                                                    </span>
                                                    " "
                                                    {r}
                                                </p>
                                            }
                                        })}
                                    {u
                                        .lower_reason
                                        .map(|r| {
                                            view! {
                                                <p>
                                                    <strong>{tr(|c| c.projects_lowered)}</strong>
                                                    " "
                                                    {r}
                                                </p>
                                            }
                                        })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ol>
            }
                .into_any()
        }}
    }
}

/// The delegates' inspections (视察), oldest first, with the delegate's name.
#[component]
fn Inspections(inspections: Vec<Inspection>) -> impl IntoView {
    view! {
        <h2>{tr(|c| c.projects_inspections_heading)}</h2>
        {if inspections.is_empty() {
            view! { <p>{tr(|c| c.projects_no_inspections)}</p> }.into_any()
        } else {
            view! {
                <ul class="project-list">
                    {inspections
                        .into_iter()
                        .map(|i| {
                            view! {
                                <li class="card project-inspection">
                                    <p>
                                        <strong>{i.delegate_name}</strong>
                                        " · "
                                        <span class="hint">{local_time(i.at_ms)}</span>
                                    </p>
                                    <p class="opinion__body">{i.notes}</p>
                                    <PhotoGallery
                                        photos=i.photos
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
    }
}

/// The delegates' year-end evaluation: not yet, under way, or its counts and result.
#[component]
fn Evaluation(
    state: Option<EvaluationState>,
    evaluation: Option<DelegatesEvaluation>,
) -> impl IntoView {
    let body = match (state, evaluation) {
        (Some(EvaluationState::Closed), Some(e)) => view! { <EvaluationResult e /> }.into_any(),
        (Some(_), _) => view! { <p>{tr(|c| c.projects_evaluation_open)}</p> }.into_any(),
        (None, _) => view! { <p>{tr(|c| c.projects_evaluation_not_yet)}</p> }.into_any(),
    };
    view! {
        <section class="card project-evaluation" aria-labelledby="evaluation-heading">
            <h2 id="evaluation-heading">{tr(|c| c.projects_evaluation_heading)}</h2>
            {body}
            <p class="hint">{tr(|c| c.projects_evaluation_rule)}</p>
        </section>
    }
}

#[component]
fn EvaluationResult(e: DelegatesEvaluation) -> impl IntoView {
    let counts = (e.satisfied, e.basically_satisfied, e.dissatisfied);
    view! {
        <p class="project-evaluation__result">
            {match e.result {
                Some(r) => {
                    view! { <strong>{tr_with(|t, r| t.projects_evaluation_result(r), r)}</strong> }
                        .into_any()
                }
                None => view! { <span>{tr(|c| c.projects_nobody_evaluated)}</span> }.into_any(),
            }}
        </p>
        <p>
            {tr_with(|t, n: (u32, u32, u32)| t.projects_evaluation_counts(n.0, n.1, n.2), counts)}
        </p>
    }
}
