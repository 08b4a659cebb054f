//! A closed vote's public result: turnout, the quorum, each candidate's votes and what the
//! adoption rule decided for it (adopted, tied at the cut-off, out of places, no majority), the
//! counted ballots' tracker digests and a delegate's check of their own tracker.

use crate::i18n::{tr, tr_with};
use crate::kit::loader::Loader;
use crate::projects::client;
use crate::projects::components::tracker_check::TrackerCheck;
use deputy_homes_api::projects::adoption::CandidateOutcome;
use deputy_homes_api::projects::VoteResults;
use leptos::prelude::*;

/// The result, loaded for the cycle.
#[component]
pub fn VoteResult(
    /// The closed cycle's id.
    cycle_id: String,
) -> impl IntoView {
    let results = LocalResource::new(move || client::results(cycle_id.clone()));
    view! {
        <Loader resource=results let:r>
            <ResultView results=r />
        </Loader>
    }
}

#[component]
fn ResultView(results: VoteResults) -> impl IntoView {
    let turnout = (results.ballots_cast, results.eligible);
    view! {
        <section class="vote-result" aria-labelledby="vote-result-heading">
            <h2 id="vote-result-heading">{tr(|c| c.projects_result_heading)}</h2>
            <p>{tr_with(|t, n: (u32, u32)| t.projects_turnout(n.0, n.1), turnout)}</p>
            {(!results.quorum_met)
                .then(|| {
                    view! {
                        <p class="alert" role="note">
                            {tr(|c| c.projects_quorum_failed)}
                        </p>
                    }
                })}
            {(results.places_tied > 0)
                .then(|| {
                    view! {
                        <p class="alert" role="note">
                            {tr_with(|t, n| t.projects_places_tied(n), results.places_tied)}
                        </p>
                    }
                })}
            <ol class="project-list vote-result__list">
                {results
                    .candidates
                    .into_iter()
                    .map(|r| {
                        let adopted = r.outcome == CandidateOutcome::Adopted;
                        view! {
                            <li class="card vote-result__item">
                                <h3>{r.candidate.title}</h3>
                                <p>
                                    <strong>{tr_with(|t, n| t.projects_votes(n), r.votes)}</strong>
                                    " "
                                    <span class=if adopted {
                                        "status outcome--adopted"
                                    } else {
                                        "status outcome--not"
                                    }>{tr_with(|t, o| t.projects_outcome_name(o), r.outcome)}</span>
                                </p>
                            </li>
                        }
                    })
                    .collect_view()}
            </ol>
            <details class="vote-result__trackers">
                <summary>{tr_with(|t, n| t.projects_trackers(n), results.trackers.len())}</summary>
                <p class="hint">{tr(|c| c.projects_trackers_hint)}</p>
                <ul class="trackers">
                    {results
                        .trackers
                        .clone()
                        .into_iter()
                        .map(|h| {
                            view! {
                                <li>
                                    <code>{h}</code>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </details>
            <TrackerCheck published=results.trackers />
        </section>
    }
}
