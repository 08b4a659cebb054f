//! The delegate's year-end evaluation ballot (评议): 满意, 基本满意 or 不满意 for each adopted
//! project, secret like the vote, with its tracker; or, outside the window, its state in words.

use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::dom::focus;
use crate::kit::loader::Loader;
use crate::kit::submission::{FormStatus, Submission};
use crate::projects::office::client;
use deputy_homes_api::projects::progress::{
    EvaluationPaper, EvaluationState, NewEvaluation, ProjectChoice,
};
use deputy_homes_api::projects::satisfaction::Satisfaction;
use deputy_homes_api::projects::Candidate;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use std::collections::BTreeMap;

/// The evaluation section of a closed cycle.
#[component]
pub fn EvaluationBallot(cycle_id: String, csrf: String) -> impl IntoView {
    let id = cycle_id.clone();
    let paper = LocalResource::new(move || client::evaluation_get(id.clone()));
    let csrf = StoredValue::new(csrf);
    let cycle_id = StoredValue::new(cycle_id);
    view! {
        <section class="evaluation" aria-labelledby="evaluation-heading">
            <h2 id="evaluation-heading">{tr(|c| c.project_office.evaluation_heading)}</h2>
            <Loader resource=paper let:paper>
                <EvaluationSection paper cycle_id=cycle_id.get_value() csrf=csrf.get_value() />
            </Loader>
        </section>
    }
}

#[component]
fn EvaluationSection(paper: EvaluationPaper, cycle_id: String, csrf: String) -> impl IntoView {
    let words = |text: fn(&crate::i18n::Catalog) -> &'static str| {
        view! {
            <p class="notice" role="status">
                {tr(text)}
            </p>
        }
        .into_any()
    };
    match paper.state {
        None => words(|c| c.project_office.evaluation_not_open),
        Some(EvaluationState::Closed) => words(|c| c.project_office.evaluation_closed),
        Some(EvaluationState::Open) if paper.evaluated => {
            words(|c| c.project_office.already_evaluated)
        }
        Some(EvaluationState::Open) if !paper.eligible => {
            words(|c| c.project_office.not_eligible_evaluation)
        }
        Some(EvaluationState::Open) => {
            view! { <EvaluationForm projects=paper.projects cycle_id csrf /> }.into_any()
        }
    }
}

#[component]
fn EvaluationForm(projects: Vec<Candidate>, cycle_id: String, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let choices = RwSignal::new(BTreeMap::<String, Satisfaction>::new());
    let sending = Submission::new();
    let tracker = RwSignal::new(None::<String>);
    let count = projects.len();
    let ids = StoredValue::new((cycle_id, csrf));
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let evaluations: Vec<ProjectChoice> = choices
            .get_untracked()
            .into_iter()
            .map(|(project, choice)| ProjectChoice { project, choice })
            .collect();
        if evaluations.len() != count {
            sending.refuse((None, t.project_office.error_evaluate_each));
            return;
        }
        let (id, csrf) = ids.get_value();
        let body = NewEvaluation { evaluations };
        sending.send(
            client::evaluation_cast(id, body, csrf),
            move |answer| match answer {
                Ok(cast) => {
                    tracker.set(Some(cast.tracker));
                    focus("evaluation-receipt");
                }
                Err(e) => sending.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    let projects = StoredValue::new(projects);
    move || match tracker.get() {
        Some(tracker) => view! {
            <div class="card ballot-receipt">
                <h3 id="evaluation-receipt" tabindex="-1">
                    {tr(|c| c.project_office.evaluation_counted)}
                </h3>
                <p>{tr(|c| c.project_office.receipt_intro)}</p>
                <p class="tracker">
                    <code>{tracker}</code>
                </p>
                <p>{tr(|c| c.project_office.evaluation_receipt_check)}</p>
            </div>
        }
        .into_any(),
        None => view! {
            <form class="form evaluation-form" on:submit=submit novalidate>
                <p>{tr(|c| c.project_office.evaluation_intro)}</p>
                {projects
                    .get_value()
                    .into_iter()
                    .map(|project| view! { <ProjectChoices project choices /> })
                    .collect_view()}
                <FormStatus submission=sending />
                <button
                    type="submit"
                    class="button button--primary button--wide"
                    disabled=move || sending.busy()
                >
                    {tr(|c| c.project_office.evaluation_button)}
                </button>
            </form>
        }
        .into_any(),
    }
}

/// One project's three choices.
#[component]
fn ProjectChoices(
    project: Candidate,
    choices: RwSignal<BTreeMap<String, Satisfaction>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let name = format!("evaluate-{}", project.id);
    let id = StoredValue::new(project.id.clone());
    view! {
        <fieldset class="checks evaluation-choices">
            <legend>{project.title.clone()}</legend>
            {[Satisfaction::Satisfied, Satisfaction::BasicallySatisfied, Satisfaction::Dissatisfied]
                .into_iter()
                .map(|choice| {
                    let name = name.clone();
                    view! {
                        <label class="check">
                            <input
                                type="radio"
                                name=name
                                on:change=move |_| {
                                    choices
                                        .update(|all| {
                                            all.insert(id.get_value(), choice);
                                        })
                                }
                            />
                            {move || i18n.t().project_office.satisfaction_name(choice)}
                        </label>
                    }
                })
                .collect_view()}
        </fieldset>
    }
}
