//! The year-end evaluation's window as staff run it: open it, follow how many of the eligible
//! delegates have evaluated (the server tells no choice before the close), close it.

use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::submission::{FormStatus, Submission};
use crate::projects::office::client;
use deputy_homes_api::projects::progress::{EvaluationChange, EvaluationState};
use leptos::prelude::*;

/// Staff open the year-end evaluation, then close it (which publishes the result).
#[component]
pub fn EvaluationWindow(
    id: String,
    initial: Option<EvaluationState>,
    csrf: String,
    refresh: Callback<()>,
) -> impl IntoView {
    let i18n = use_i18n();
    let state = RwSignal::new(initial);
    let changing = Submission::new();
    let ids = StoredValue::new((id, csrf));
    let change = move |next: EvaluationState| {
        let (id, csrf) = ids.get_value();
        changing.send(
            client::evaluation_set(id, EvaluationChange { state: next }, csrf),
            move |answer| match answer {
                Ok(window) => {
                    state.set(Some(window.state));
                    refresh.run(());
                }
                Err(e) => changing.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <section class="card" aria-labelledby="evaluation-window">
            <h2 id="evaluation-window">{tr(|c| c.project_office.evaluation_heading)}</h2>
            <p class="hint">{tr(|c| c.project_office.evaluation_staff_hint)}</p>
            <p role="status">
                {move || state.get().map(|s| i18n.t().project_office.evaluation_state_words(s))}
            </p>
            {move || {
                state.get().is_some().then(|| view! { <EvaluationCount id=ids.get_value().0 /> })
            }}
            <FormStatus submission=changing />
            {move || match state.get() {
                None => {
                    view! {
                        <button
                            type="button"
                            class="button"
                            disabled=move || changing.busy()
                            on:click=move |_| change(EvaluationState::Open)
                        >
                            {tr(|c| c.project_office.evaluation_open_button)}
                        </button>
                    }
                        .into_any()
                }
                Some(EvaluationState::Open) => {
                    view! {
                        <button
                            type="button"
                            class="button"
                            disabled=move || changing.busy()
                            on:click=move |_| change(EvaluationState::Closed)
                        >
                            {tr(|c| c.project_office.evaluation_close_button)}
                        </button>
                    }
                        .into_any()
                }
                Some(EvaluationState::Closed) => ().into_any(),
            }}
        </section>
    }
}

/// How many of the eligible delegates have evaluated, re-read on request (never their choices).
#[component]
fn EvaluationCount(id: String) -> impl IntoView {
    let i18n = use_i18n();
    let count = LocalResource::new(move || client::evaluation_progress(id.clone()));
    view! {
        <p class="evaluation-count" aria-live="polite">
            {move || {
                count
                    .get()
                    .and_then(Result::ok)
                    .map(|p| i18n.t().project_office.evaluation_progress(p.evaluated, p.eligible))
            }}
        </p>
        <button type="button" class="button" on:click=move |_| count.refetch()>
            {tr(|c| c.project_office.evaluation_refresh)}
        </button>
    }
}
