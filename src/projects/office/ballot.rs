//! The delegate's secret ballot (票决): the candidates with unit, budget, target and deadline;
//! at most the number to adopt chosen (a further tap is refused in words); a review; the
//! confirmed ballot; and the receipt with its tracker, explained.

use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::dom::focus;
use crate::kit::submission::{FormStatus, Submission};
use crate::projects::office::client;
use crate::projects::office::rules::{ballot_state, toggle_choice, BallotState};
use crate::projects::office::CandidateFacts;
use deputy_homes_api::projects::{BallotPaper, Candidate, NewBallot};
use leptos::prelude::*;

/// Where the delegate is in casting the ballot.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Step {
    Choose,
    Review,
    Counted(String),
}

/// The ballot of a cycle for the signed-in delegate.
#[component]
pub fn Ballot(paper: BallotPaper, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    match ballot_state(&paper) {
        BallotState::Open => view! { <OpenBallot paper csrf /> }.into_any(),
        BallotState::Voted => view! {
            <p class="notice ballot-voted" role="status">
                {tr(|c| c.project_office.already_voted)}
            </p>
        }
        .into_any(),
        BallotState::NotEligible => view! {
            <p class="alert" role="alert">
                {tr(|c| c.project_office.not_eligible)}
            </p>
        }
        .into_any(),
        BallotState::NotOpen(phase) => view! {
            <p class="notice" role="status">
                {move || i18n.t().project_office.vote_phase_words(phase)}
            </p>
        }
        .into_any(),
    }
}

#[component]
fn OpenBallot(paper: BallotPaper, csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let max = paper.max_choices;
    let cycle_id = StoredValue::new(paper.cycle.id.clone());
    let candidates = StoredValue::new(paper.candidates.clone());
    let chosen = RwSignal::new(Vec::<String>::new());
    // The candidate whose tap was refused because the ballot was full: the reason is shown
    // beside it, where the delegate is looking.
    let full = RwSignal::new(None::<String>);
    let step = RwSignal::new(Step::Choose);
    let casting = Submission::new();
    let csrf = StoredValue::new(csrf);
    let tap = move |id: String| match toggle_choice(&chosen.get_untracked(), &id, max) {
        Ok(next) => {
            full.set(None);
            chosen.set(next);
        }
        Err(_) => full.set(Some(id)),
    };
    let review = move |_| {
        step.set(Step::Review);
        focus("ballot-review");
    };
    let back = move |_| {
        step.set(Step::Choose);
        focus("ballot-choose");
    };
    let confirm = move |_| {
        let body = NewBallot {
            choices: chosen.get_untracked(),
        };
        let request = client::ballot_cast(cycle_id.get_value(), body, csrf.get_value());
        casting.send(request, move |answer| match answer {
            Ok(receipt) => {
                step.set(Step::Counted(receipt.tracker));
                focus("ballot-receipt");
            }
            Err(e) => casting.refuse(refusals::project_office(&e, i18n.t())),
        });
    };
    let titles = move || {
        let chosen = chosen.get();
        candidates.with_value(|all| {
            all.iter()
                .filter(|c| chosen.contains(&c.id))
                .map(|c| c.title.clone())
                .collect::<Vec<_>>()
        })
    };
    view! {
        {move || match step.get() {
            Step::Choose => {
                view! {
                    <section class="ballot" aria-labelledby="ballot-choose">
                        <h2 id="ballot-choose" tabindex="-1">
                            {tr(|c| c.project_office.ballot_heading)}
                        </h2>
                        <p>{move || i18n.t().project_office.choose_up_to(max)}</p>
                        <p class="ballot-count" role="status">
                            {move || {
                                i18n.t().project_office.chosen_count(chosen.with(Vec::len), max)
                            }}
                        </p>
                        <ul class="ballot-list">
                            {candidates
                                .get_value()
                                .into_iter()
                                .map(|candidate| {
                                    view! { <BallotChoice candidate chosen full max tap /> }
                                })
                                .collect_view()}
                        </ul>
                        <button
                            type="button"
                            class="button button--primary button--wide"
                            on:click=review
                        >
                            {tr(|c| c.project_office.review_button)}
                        </button>
                    </section>
                }
                    .into_any()
            }
            Step::Review => {
                view! {
                    <section class="ballot" aria-labelledby="ballot-review">
                        <h2 id="ballot-review" tabindex="-1">
                            {tr(|c| c.project_office.review_heading)}
                        </h2>
                        {move || {
                            let titles = titles();
                            if titles.is_empty() {
                                view! { <p>{tr(|c| c.project_office.review_blank)}</p> }.into_any()
                            } else {
                                let count = titles.len();
                                view! {
                                    <p>{move || i18n.t().project_office.review_chosen(count)}</p>
                                    <ol class="ballot-review">
                                        {titles
                                            .iter()
                                            .map(|t| view! { <li>{t.clone()}</li> })
                                            .collect_view()}
                                    </ol>
                                }
                                    .into_any()
                            }
                        }}
                        <p class="notice">{tr(|c| c.project_office.review_final)}</p>
                        <FormStatus submission=casting />
                        <div class="button-row">
                            <button
                                type="button"
                                class="button button--primary"
                                disabled=move || casting.busy()
                                on:click=confirm
                            >
                                {tr(|c| c.project_office.confirm_button)}
                            </button>
                            <button type="button" class="button" on:click=back>
                                {tr(|c| c.project_office.change_button)}
                            </button>
                        </div>
                    </section>
                }
                    .into_any()
            }
            Step::Counted(tracker) => view! { <Receipt tracker /> }.into_any(),
        }}
    }
}

/// One candidate on the ballot: a large check box with its facts.
#[component]
fn BallotChoice(
    candidate: Candidate,
    chosen: RwSignal<Vec<String>>,
    full: RwSignal<Option<String>>,
    max: u32,
    tap: impl Fn(String) + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let i18n = use_i18n();
    let id = candidate.id.clone();
    let refused = {
        let id = id.clone();
        move || full.with(|f| f.as_deref() == Some(id.as_str()))
    };
    let input_id = format!("choice-{}", candidate.id);
    let is_chosen = {
        let id = id.clone();
        move || chosen.with(|c| c.contains(&id))
    };
    let described = format!("{input_id}-facts");
    let label_for = input_id.clone();
    let chosen_class = is_chosen.clone();
    view! {
        <li class="ballot-item" class=("ballot-item--chosen", chosen_class)>
            <label class="check ballot-check" for=label_for>
                <input
                    id=input_id
                    type="checkbox"
                    aria-describedby=described.clone()
                    prop:checked=is_chosen
                    on:change:target=move |ev| {
                        tap(id.clone());
                        ev.target().set_checked(chosen.with_untracked(|c| c.contains(&id)));
                    }
                />
                <span class="ballot-title">{candidate.title.clone()}</span>
            </label>
            <p class="form-error" role="alert">
                {move || refused().then(|| i18n.t().project_office.choice_limit(max))}
            </p>
            <div id=described>
                <CandidateFacts candidate />
            </div>
        </li>
    }
}

/// The receipt: the tracker, shown once, and how to check it after the close.
#[component]
fn Receipt(tracker: String) -> impl IntoView {
    view! {
        <section class="ballot-receipt card" aria-labelledby="ballot-receipt">
            <h2 id="ballot-receipt" tabindex="-1">
                {tr(|c| c.project_office.receipt_heading)}
            </h2>
            <p>{tr(|c| c.project_office.receipt_intro)}</p>
            <p class="tracker">
                <code>{tracker}</code>
            </p>
            <p>{tr(|c| c.project_office.receipt_keep)}</p>
            <p>{tr(|c| c.project_office.receipt_check)}</p>
            <p>{tr(|c| c.project_office.receipt_secret)}</p>
        </section>
    }
}
