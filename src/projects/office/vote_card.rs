//! The delegate's way in from the office home (the account page): every cycle whose vote is
//! open, one tap from its ballot, and the closed ones to inspect and evaluate.

use crate::i18n::{tr, use_i18n};
use crate::projects::office::{client, cycle_title};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::{Cycle, CyclePhase};
use leptos::prelude::*;

/// Most closed cycles listed.
const CLOSED_SHOWN: usize = 3;

/// The card; nothing while there is no cycle to vote on or follow.
#[component]
pub fn DelegateProjectsCard() -> impl IntoView {
    let i18n = use_i18n();
    let cycles = LocalResource::new(client::cycles_list);
    move || {
        let list: Vec<Cycle> = cycles.get().and_then(Result::ok).unwrap_or_default();
        let voting: Vec<Cycle> = list
            .iter()
            .filter(|c| c.phase == CyclePhase::Voting)
            .cloned()
            .collect();
        let closed: Vec<Cycle> = list
            .into_iter()
            .filter(|c| c.phase == CyclePhase::Closed)
            .take(CLOSED_SHOWN)
            .collect();
        if voting.is_empty() && closed.is_empty() {
            return ().into_any();
        }
        view! {
            <section class="card projects-card" aria-labelledby="projects-card">
                <h2 id="projects-card">{tr(|c| c.project_office.card_heading)}</h2>
                {voting
                    .into_iter()
                    .map(|cycle| {
                        let href = Page::DelegateProjectCycle(cycle.id.clone()).path();
                        view! {
                            <p>
                                <a class="button button--primary button--wide" href=href>
                                    {move || {
                                        i18n.t()
                                            .project_office
                                            .vote_now(&cycle_title(i18n.t(), &cycle))
                                    }}
                                </a>
                            </p>
                        }
                    })
                    .collect_view()}
                <ul class="link-list">
                    {closed
                        .into_iter()
                        .map(|cycle| {
                            let href = Page::DelegateProjectCycle(cycle.id.clone()).path();
                            view! {
                                <li>
                                    <a href=href>
                                        {move || {
                                            i18n.t()
                                                .project_office
                                                .follow_projects(&cycle_title(i18n.t(), &cycle))
                                        }}
                                    </a>
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
            </section>
        }
        .into_any()
    }
}
