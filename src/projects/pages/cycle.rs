//! `/project-cycles/:id`: one congress's livelihood projects of one year, under the title staff
//! gave it. While it collects: its proposals with their supporters and the button to propose;
//! while the list is drafted and the delegates vote: the candidates (no tally exists before the
//! close); after the close: the result and the adopted projects with their progress.

use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::loader::Loader;
use crate::kit::not_found::NotFoundPage;
use crate::kit::page_title::use_page_title;
use crate::projects::client;
use crate::projects::components::adopted_list::AdoptedList;
use crate::projects::components::vote_result::VoteResult;
use crate::projects::rules::{congress_name, money};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::{Candidate, Cycle, CyclePhase, CycleView, Proposal};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page.
#[component]
pub fn ProjectCyclePage() -> impl IntoView {
    use_page_title(|t| t.projects_cycle_heading);
    let params = use_params_map();
    let id = Memo::new(move |_| params.with(|p| p.get("id").unwrap_or_default()));
    let view_of = LocalResource::new(move || client::cycle(id.get()));
    view! {
        <p class="back">
            <a href=Page::Projects.path()>{tr(|c| c.projects_heading)}</a>
        </p>
        <Loader resource=view_of not_found=|| view! { <NotFoundPage /> } let:v>
            <CycleBody view=v />
        </Loader>
    }
}

/// "2026 · 呼和浩特市人大" in the language.
pub fn cycle_name(cycle: &Cycle) -> impl Fn() -> String + Send + Sync + 'static {
    let i18n = use_i18n();
    let (year, congress) = (cycle.year, cycle.congress.clone());
    move || {
        format!(
            "{year} · {}",
            congress_name(&congress, i18n.lang(), i18n.t())
        )
    }
}

#[component]
fn CycleBody(view: CycleView) -> impl IntoView {
    let CycleView {
        cycle,
        proposals,
        candidates,
    } = view;
    let listed: Vec<Candidate> = candidates.into_iter().filter(|c| !c.withdrawn).collect();
    let phase = cycle.phase;
    let collecting = phase == CyclePhase::Collecting;
    let i18n = use_i18n();
    let body = match phase {
        CyclePhase::Preparing => view! { <p>{tr(|c| c.projects_preparing_note)}</p> }.into_any(),
        CyclePhase::Collecting => view! {
            <p>{tr(|c| c.projects_collecting_note)}</p>
            <p>
                <a
                    class="button button--primary button--wide button--big"
                    href=Page::ProposeProject(cycle.id.clone()).path()
                >
                    {tr(|c| c.projects_propose_button)}
                </a>
            </p>
        }
        .into_any(),
        CyclePhase::Shortlisting | CyclePhase::Voting => view! {
            <p>
                {move || {
                    if phase == CyclePhase::Voting {
                        i18n.t().projects_voting_note
                    } else {
                        i18n.t().projects_shortlisting_note
                    }
                }}
            </p>
            <CandidateList candidates=listed to_adopt=cycle.to_adopt />
        }
        .into_any(),
        CyclePhase::Closed => view! {
            <VoteResult cycle_id=cycle.id.clone() />
            <AdoptedList cycle_id=cycle.id.clone() />
        }
        .into_any(),
    };
    // The title staff gave the cycle, else the generic heading.
    let title = cycle.title.clone();
    let heading = move || {
        title
            .clone()
            .unwrap_or_else(|| i18n.t().projects_cycle_heading.to_owned())
    };
    view! {
        <h1>{heading}</h1>
        <p class="project-cycle__name">
            <strong>{cycle_name(&cycle)}</strong>
            " "
            <span class=format!(
                "phase phase--{}",
                phase.code(),
            )>{tr_with(|t, p| t.projects_phase_name(p), phase)}</span>
        </p>
        {body}
        <ProposalList proposals collecting />
    }
}

/// The candidate list while it is drafted and voted on: no votes are shown, none exist yet.
#[component]
fn CandidateList(candidates: Vec<Candidate>, to_adopt: u32) -> impl IntoView {
    let i18n = use_i18n();
    let count = candidates.len();
    view! {
        <h2>{tr(|c| c.projects_candidates_heading)}</h2>
        {(to_adopt > 0)
            .then(|| {
                view! {
                    <p>
                        {tr_with(
                            |t, n: (u32, usize)| t.projects_places(n.0, n.1),
                            (to_adopt, count),
                        )}
                    </p>
                }
            })}
        {if candidates.is_empty() {
            view! { <p>{tr(|c| c.projects_no_candidates)}</p> }.into_any()
        } else {
            view! {
                <ol class="project-list">
                    {candidates
                        .into_iter()
                        .map(|c| {
                            let budget = c.budget_yuan;
                            view! {
                                <li class="card">
                                    <h3>{c.title}</h3>
                                    <p>{c.summary}</p>
                                    <dl class="project-facts">
                                        <dt>{tr(|t| t.projects_unit)}</dt>
                                        <dd>{c.unit_name}</dd>
                                        <dt>{tr(|t| t.projects_budget)}</dt>
                                        <dd>{move || money(budget, i18n.lang())}</dd>
                                        <dt>{tr(|t| t.projects_target)}</dt>
                                        <dd>{c.target}</dd>
                                        <dt>{tr(|t| t.projects_deadline)}</dt>
                                        <dd>{c.deadline}</dd>
                                    </dl>
                                    <p class="hint">
                                        {tr(|t| t.projects_from_proposals)}
                                        {c
                                            .proposals
                                            .into_iter()
                                            .map(|n| {
                                                let href = Page::ProjectProposal(n.clone()).path();
                                                view! {
                                                    " "
                                                    <a class="project-inline-link" href=href>
                                                        {n}
                                                    </a>
                                                }
                                            })
                                            .collect_view()}
                                    </p>
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

/// The citizens' proposals, newest first, with their supporters and status.
#[component]
fn ProposalList(proposals: Vec<Proposal>, collecting: bool) -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h2>{tr(|c| c.projects_proposals_heading)}</h2>
        {if proposals.is_empty() {
            view! {
                <p>
                    {move || {
                        if collecting {
                            i18n.t().projects_no_proposals_yet
                        } else {
                            i18n.t().projects_no_proposals
                        }
                    }}
                </p>
            }
                .into_any()
        } else {
            view! {
                <ul class="project-list">
                    {proposals
                        .into_iter()
                        .map(|p| {
                            let href = Page::ProjectProposal(p.tracking_number.clone()).path();
                            let tracking = p.tracking_number.clone();
                            view! {
                                <li class="card project-proposal" data-tracking=tracking>
                                    <a class="project-proposal__title" href=href>
                                        {p.title}
                                    </a>
                                    <p class="opinion__meta">
                                        <span class="booking__code">{p.tracking_number}</span>
                                        <span class="tag">
                                            {tr_with(|t, k| t.projects_category_name(k), p.category)}
                                        </span>
                                        <span class="tag">
                                            {tr_with(|t, d| (t.district_name)(d), p.district)}
                                        </span>
                                    </p>
                                    <p>
                                        <span class=format!(
                                            "status proposal-status--{}",
                                            p.status.code(),
                                        )>
                                            {tr_with(|t, s| t.projects_status_name(s), p.status)}
                                        </span>
                                        " "
                                        {tr_with(|t, n| t.projects_supporters(n), p.supporters)}
                                    </p>
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
