//! `/staff/projects/:id`: staff run one cycle. Its title, its phase and the next one (confirmed
//! before it is taken), the number to adopt, the congress's delegates, the proposals to merge or decline,
//! the candidate list, and after the vote the result, the adopted projects' progress and the
//! year-end evaluation.

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::office::evaluation_window::EvaluationWindow;
use crate::projects::office::members::Members;
use crate::projects::office::progress::{ProjectAction, ProjectCard};
use crate::projects::office::proposals::Proposals;
use crate::projects::office::rules::next_phase;
use crate::projects::office::staff_candidates::Candidates;
use crate::projects::office::title_form::TitleForm;
use crate::projects::office::{client, cycle_title};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::{
    CyclePhase, CycleView, PhaseChange, ProjectField, ToAdopt, VoteResults,
};
use deputy_homes_api::FormField;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The page of the cycle in the URL.
#[component]
pub fn StaffCyclePage() -> impl IntoView {
    use_page_title(|t| t.project_office.staff_heading);
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    view! {
        <p class="back">
            <a href=Page::StaffProjects.path()>{tr(|c| c.project_office.staff_heading)}</a>
        </p>
        <StaffGate children=Box::new(move |csrf| {
            view! { <CycleLoader id=id.get_untracked() csrf /> }.into_any()
        }) />
    }
}

#[component]
fn CycleLoader(id: String, csrf: String) -> impl IntoView {
    let version = RwSignal::new(0u32);
    let id = StoredValue::new(id);
    let cycle = LocalResource::new(move || {
        version.track();
        client::cycle_get(id.get_value())
    });
    let reload = Callback::new(move |()| version.update(|v| *v += 1));
    let csrf = StoredValue::new(csrf);
    let not_found = || {
        view! {
            <p class="alert" role="alert">
                {tr(|c| c.project_office.cycle_not_found)}
            </p>
        }
    };
    view! {
        <Loader resource=cycle not_found let:view>
            <Cycle view csrf=csrf.get_value() reload />
        </Loader>
    }
}

#[component]
fn Cycle(view: CycleView, csrf: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let cycle = view.cycle.clone();
    let phase = cycle.phase;
    let title = {
        let cycle = cycle.clone();
        move || cycle_title(i18n.t(), &cycle)
    };
    let open = phase.list_is_open();
    let id = cycle.id.clone();
    let (to_adopt, eligible) = (cycle.to_adopt, cycle.eligible);
    view! {
        <h1>{title}</h1>
        <p>
            <span class="tag phase-tag">{move || i18n.t().project_office.phase_name(phase)}</span>
        </p>
        <p class="hint">{move || i18n.t().project_office.phase_explained(phase)}</p>
        <p>{move || i18n.t().project_office.cycle_numbers(to_adopt, eligible)}</p>
        <TitleForm id=id.clone() current=cycle.title.clone() csrf=csrf.clone() />
        <NextPhase id=id.clone() phase csrf=csrf.clone() reload />
        {open
            .then(|| {
                view! { <ToAdoptForm id=id.clone() current=to_adopt csrf=csrf.clone() reload /> }
            })}
        <Members congress=view.cycle.congress.clone() csrf=csrf.clone() />
        <Proposals proposals=view.proposals.clone() open csrf=csrf.clone() reload />
        <Candidates view=view.clone() csrf=csrf.clone() reload />
        {(phase == CyclePhase::Closed).then(|| view! { <Closed id csrf /> })}
    }
}

/// The next phase, taken only after a confirmation that says what it does.
#[component]
fn NextPhase(id: String, phase: CyclePhase, csrf: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let Some(next) = next_phase(phase) else {
        return ().into_any();
    };
    let asking = RwSignal::new(false);
    let moving = Submission::new();
    let ids = StoredValue::new((id, csrf));
    let confirm = move |_| {
        let (id, csrf) = ids.get_value();
        moving.send(
            client::phase_set(id, PhaseChange { phase: next }, csrf),
            move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) => moving.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <section class="card next-phase" aria-labelledby="next-phase">
            <h2 id="next-phase">{tr(|c| c.project_office.next_phase_heading)}</h2>
            <Show
                when=move || asking.get()
                fallback=move || {
                    view! {
                        <button type="button" class="button" on:click=move |_| asking.set(true)>
                            {move || i18n.t().project_office.move_to(next)}
                        </button>
                    }
                }
            >
                <p class="notice">{move || i18n.t().project_office.move_confirm(next)}</p>
                <FormStatus submission=moving />
                <div class="button-row">
                    <button
                        type="button"
                        class="button button--primary"
                        disabled=move || moving.busy()
                        on:click=confirm
                    >
                        {tr(|c| c.project_office.confirm_move)}
                    </button>
                    <button type="button" class="button" on:click=move |_| asking.set(false)>
                        {tr(|c| c.project_office.cancel)}
                    </button>
                </div>
            </Show>
        </section>
    }
    .into_any()
}

#[component]
fn ToAdoptForm(id: String, current: u32, csrf: String, reload: Callback<()>) -> impl IntoView {
    let i18n = use_i18n();
    let count = RwSignal::new(if current == 0 {
        String::new()
    } else {
        current.to_string()
    });
    let setting = Submission::new();
    let ids = StoredValue::new((id, csrf));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let Ok(to_adopt) = count.get_untracked().trim().parse::<u32>() else {
            setting.refuse((
                Some(ProjectField::ToAdopt.name()),
                t.project_office.error_to_adopt,
            ));
            return;
        };
        let body = ToAdopt { to_adopt };
        if let Err(e) = body.validate() {
            setting.refuse(refusals::project_office_check(&e, t));
            return;
        }
        let (id, csrf) = ids.get_value();
        setting.send(
            client::to_adopt_set(id, body, csrf),
            move |answer| match answer {
                Ok(_) => reload.run(()),
                Err(e) => setting.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <form class="form card" on:submit=submit novalidate>
            <TextField
                id="to-adopt"
                label=|c| c.project_office.to_adopt_label
                hint=|c| c.project_office.to_adopt_hint
                value=count
                kind="number"
                inputmode="numeric"
                min="1"
                max="50"
                error=setting.error("to_adopt")
            />
            <FormStatus submission=setting />
            <button type="submit" class="button" disabled=move || setting.busy()>
                {tr(|c| c.project_office.to_adopt_button)}
            </button>
        </form>
    }
}

/// After the vote: its result, the adopted projects' progress and the evaluation window.
#[component]
fn Closed(id: String, csrf: String) -> impl IntoView {
    let results_id = id.clone();
    let results = LocalResource::new(move || client::results_get(results_id.clone()));
    let projects_id = id.clone();
    let projects = LocalResource::new(move || client::cycle_projects(projects_id.clone()));
    let csrf = StoredValue::new(csrf);
    let id = StoredValue::new(id);
    let refresh = Callback::new(move |()| projects.refetch());
    view! {
        <h2>{tr(|c| c.project_office.results_heading)}</h2>
        <Loader resource=results let:r>
            <ResultSummary results=r />
        </Loader>
        <h2>{tr(|c| c.project_office.adopted_heading)}</h2>
        <Loader resource=projects let:list>
            {
                let initial = list.first().and_then(|p| p.evaluation_state);
                let none = list.is_empty();
                view! {
                    {none.then(|| view! { <p>{tr(|c| c.project_office.none_adopted)}</p> })}
                    {list
                        .into_iter()
                        .map(|project| {
                            view! {
                                <ProjectCard
                                    project
                                    action=ProjectAction::Report
                                    csrf=csrf.get_value()
                                />
                            }
                        })
                        .collect_view()}
                    {(!none)
                        .then(|| {
                            view! {
                                <EvaluationWindow
                                    id=id.get_value()
                                    initial
                                    csrf=csrf.get_value()
                                    refresh
                                />
                            }
                        })}
                }
            }
        </Loader>
    }
}

/// Turnout and each candidate's votes and outcome.
#[component]
fn ResultSummary(results: VoteResults) -> impl IntoView {
    let i18n = use_i18n();
    let (cast, eligible) = (results.ballots_cast, results.eligible);
    view! {
        <p class="results-turnout">{move || i18n.t().project_office.turnout(cast, eligible)}</p>
        <ol class="results-list">
            {results
                .candidates
                .into_iter()
                .map(|c| {
                    let (votes, outcome) = (c.votes, c.outcome);
                    view! {
                        <li>
                            {c.candidate.title} " · "
                            {move || i18n.t().project_office.result_line(votes, outcome)}
                        </li>
                    }
                })
                .collect_view()}
        </ol>
    }
}
