//! A closed cycle's adopted projects, each with its progress bar and what is late.

use crate::i18n::{tr, tr_with};
use crate::kit::loader::Loader;
use crate::projects::client;
use crate::projects::components::progress_bar::ProgressBar;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::progress::{ProjectFlag, ProjectView};
use leptos::prelude::*;

/// The adopted projects, loaded for the cycle.
#[component]
pub fn AdoptedList(
    /// The closed cycle's id.
    cycle_id: String,
) -> impl IntoView {
    let projects = LocalResource::new(move || client::cycle_projects(cycle_id.clone()));
    view! {
        <section aria-labelledby="adopted-heading">
            <h2 id="adopted-heading">{tr(|c| c.projects_adopted_heading)}</h2>
            <Loader resource=projects let:list>
                {if list.is_empty() {
                    view! { <p>{tr(|c| c.projects_none_adopted)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="project-list">
                            {list
                                .into_iter()
                                .map(|p| view! { <AdoptedItem project=p /> })
                                .collect_view()}
                        </ul>
                    }
                        .into_any()
                }}
            </Loader>
        </section>
    }
}

#[component]
fn AdoptedItem(project: ProjectView) -> impl IntoView {
    let href = Page::Project(project.project.id.clone()).path();
    view! {
        <li class="card adopted-project">
            <a class="project-proposal__title" href=href>
                {project.project.title}
            </a>
            <p class="hint">{project.project.unit_name}</p>
            <ProgressBar percent=project.percent_done label=|c| c.projects_percent_done />
            <Flags flags=project.flags />
        </li>
    }
}

/// What is late about a project, in words (never by colour alone).
#[component]
pub fn Flags(flags: Vec<ProjectFlag>) -> impl IntoView {
    flags
        .into_iter()
        .map(|f| {
            view! {
                <p class="project-flag">
                    <span class="tag tag--late">{tr_with(|t, f| t.projects_flag_name(f), f)}</span>
                </p>
            }
        })
        .collect_view()
}
