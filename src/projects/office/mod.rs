//! The office app's screens for livelihood projects: staff run a cycle (`staff_cycles`,
//! `staff_cycle` and its parts), delegates vote (`ballot`), inspect and evaluate
//! (`delegate_cycle`); `rules` holds what needs no view.

pub mod ballot;
pub mod client;
pub mod delegate_cycle;
pub mod evaluation;
pub mod evaluation_window;
pub mod members;
pub mod progress;
pub mod progress_forms;
pub mod proposals;
pub mod rules;
pub mod staff_candidates;
pub mod staff_cycle;
pub mod staff_cycles;
pub mod title_form;
pub mod vote_card;

use crate::i18n::{tr, use_i18n, Catalog};
use crate::projects::rules::money;
use deputy_homes_api::projects::{Candidate, Cycle, CITY};
use deputy_homes_api::District;
use leptos::prelude::*;

/// A congress's name: the city's, or a district's.
pub fn congress_name(t: &Catalog, code: &str) -> String {
    match District::from_code(code) {
        Some(district) if code != CITY => t.project_office.congress_of((t.district_name)(district)),
        _ => t.project_office.congress_city.to_owned(),
    }
}

/// A cycle's title: its year and congress.
pub fn cycle_title(t: &Catalog, cycle: &Cycle) -> String {
    t.project_office
        .cycle_title(cycle.year, &congress_name(t, &cycle.congress))
}

/// A candidate's responsible unit, budget, target and deadline.
#[component]
pub fn CandidateFacts(candidate: Candidate) -> impl IntoView {
    let i18n = use_i18n();
    let budget = candidate.budget_yuan;
    view! {
        <dl class="facts">
            <dt>{tr(|c| c.project_office.unit_label)}</dt>
            <dd>{candidate.unit_name.clone()}</dd>
            <dt>{tr(|c| c.project_office.budget_label)}</dt>
            <dd>{move || money(budget, i18n.lang())}</dd>
            <dt>{tr(|c| c.project_office.target_label)}</dt>
            <dd>{candidate.target.clone()}</dd>
            <dt>{tr(|c| c.project_office.deadline_label)}</dt>
            <dd>{candidate.deadline.clone()}</dd>
        </dl>
        <p class="facts-summary">{candidate.summary.clone()}</p>
    }
}
