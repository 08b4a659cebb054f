//! `/projects`: livelihood projects decided by the delegates' vote (民生实事): every congress's
//! cycles, the current year first, each with its title, phase in words, and the term's figures.

use crate::i18n::{tr, tr_with};
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::projects::client;
use crate::projects::components::figures::Figures;
use crate::projects::pages::cycle::cycle_name;
use crate::projects::rules::ordered;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::Cycle;
use leptos::prelude::*;

/// The page.
#[component]
pub fn ProjectsPage() -> impl IntoView {
    use_page_title(|t| t.projects_heading);
    let cycles = LocalResource::new(client::cycles);
    view! {
        <h1>{tr(|c| c.projects_heading)}</h1>
        <p>{tr(|c| c.projects_intro)}</p>
        <h2>{tr(|c| c.projects_cycles_heading)}</h2>
        <Loader resource=cycles let:list>
            <CycleList cycles=ordered(list) />
        </Loader>
        <Figures />
    }
}

#[component]
fn CycleList(cycles: Vec<Cycle>) -> impl IntoView {
    if cycles.is_empty() {
        return view! { <p>{tr(|c| c.projects_no_cycles)}</p> }.into_any();
    }
    view! {
        <ul class="cards project-cycles">
            {cycles
                .into_iter()
                .map(|cycle| {
                    let href = Page::ProjectCycle(cycle.id.clone()).path();
                    let name = cycle_name(&cycle);
                    view! {
                        <li class="card project-cycle">
                            <a class="card__link" href=href>
                                {cycle
                                    .title
                                    .clone()
                                    .map(|title| {
                                        view! { <span class="card__title">{title}</span> }
                                    })}
                                <span class=if cycle.title.is_some() {
                                    "project-cycle__name"
                                } else {
                                    "card__title"
                                }>{name}</span>
                                <span class=format!(
                                    "phase phase--{}",
                                    cycle.phase.code(),
                                )>{tr_with(|t, p| t.projects_phase_name(p), cycle.phase)}</span>
                            </a>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
    .into_any()
}
