//! `/manage/projects/:id`: a cycle for a delegate. While the vote is open, the ballot; before,
//! the phase in words; after the close, the adopted projects to inspect and, in its window, the
//! year-end evaluation.

use crate::accounts::components::staff_gate::RoleGate;
use crate::i18n::{tr, use_i18n};
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::projects::office::ballot::Ballot;
use crate::projects::office::client;
use crate::projects::office::cycle_title;
use crate::projects::office::evaluation::EvaluationBallot;
use crate::projects::office::progress::{ProjectAction, ProjectCard};
use deputy_homes_api::accounts::Role;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::{BallotPaper, CyclePhase};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page of the cycle in the URL.
#[component]
pub fn DelegateCyclePage() -> impl IntoView {
    use_page_title(|t| t.project_office.delegate_heading);
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.project_office.delegate_heading)}</h1>
        <RoleGate
            role=Role::Delegate
            wrong_role=|c| c.project_office.delegates_only
            sign_in_first=|c| c.signed_out
            children=Box::new(move |csrf| {
                let paper = LocalResource::new(move || client::ballot_get(id.get()));
                let not_found = || {
                    view! {
                        <p class="alert" role="alert">
                            {tr(|c| c.project_office.cycle_not_found)}
                        </p>
                    }
                };
                view! {
                    <Loader resource=paper not_found let:paper>
                        <DelegateCycle paper csrf=csrf.clone() />
                    </Loader>
                }
                    .into_any()
            })
        />
    }
}

#[component]
fn DelegateCycle(paper: BallotPaper, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let cycle = paper.cycle.clone();
    let closed = cycle.phase == CyclePhase::Closed;
    let title = {
        let cycle = cycle.clone();
        move || cycle_title(i18n.t(), &cycle)
    };
    view! {
        <p class="cycle-name">{title}</p>
        <Ballot paper csrf=csrf.clone() />
        {closed.then(|| view! { <AfterTheVote cycle_id=cycle.id.clone() csrf /> })}
    }
}

/// A closed cycle's adopted projects, each with an inspection form, and the evaluation.
#[component]
fn AfterTheVote(cycle_id: String, csrf: String) -> impl IntoView {
    let id = cycle_id.clone();
    let projects = LocalResource::new(move || client::cycle_projects(id.clone()));
    let csrf = StoredValue::new(csrf);
    view! {
        <h2>{tr(|c| c.project_office.adopted_heading)}</h2>
        <Loader resource=projects let:projects>
            {if projects.is_empty() {
                view! { <p>{tr(|c| c.project_office.none_adopted)}</p> }.into_any()
            } else {
                projects
                    .into_iter()
                    .map(|project| {
                        view! {
                            <ProjectCard
                                project
                                action=ProjectAction::Inspect
                                csrf=csrf.get_value()
                            />
                        }
                    })
                    .collect_view()
                    .into_any()
            }}
        </Loader>
        <EvaluationBallot cycle_id csrf=csrf.get_value() />
    }
}
