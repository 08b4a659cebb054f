//! `/staff/projects`: the livelihood-project cycles (one per congress and year) and making a
//! new one.

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::choice_fields::SelectField;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Submission};
use crate::kit::text_field::TextField;
use crate::projects::office::{client, congress_name, cycle_title};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::projects::{Cycle, NewCycle, ProjectField, CITY};
use deputy_homes_api::{District, FormField};
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// The page.
#[component]
pub fn StaffCyclesPage() -> impl IntoView {
    use_page_title(|t| t.project_office.staff_heading);
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.project_office.staff_heading)}</h1>
        <p class="hint">{tr(|c| c.project_office.staff_intro)}</p>
        <StaffGate children=Box::new(|csrf| view! { <Cycles csrf /> }.into_any()) />
    }
}

#[component]
fn Cycles(csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let cycles = LocalResource::new(client::cycles_list);
    view! {
        <NewCycleForm csrf />
        <h2>{tr(|c| c.project_office.cycles_heading)}</h2>
        <Loader resource=cycles let:list>
            {if list.is_empty() {
                view! { <p>{tr(|c| c.project_office.no_cycles)}</p> }.into_any()
            } else {
                view! {
                    <ul class="link-list cycle-list">
                        {list
                            .into_iter()
                            .map(|cycle: Cycle| {
                                let href = Page::StaffProjectCycle(cycle.id.clone()).path();
                                let phase = cycle.phase;
                                view! {
                                    <li>
                                        <a href=href>{move || cycle_title(i18n.t(), &cycle)}</a>
                                        " "
                                        <span class="tag">
                                            {move || i18n.t().project_office.phase_name(phase)}
                                        </span>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                }
                    .into_any()
            }}
        </Loader>
    }
}

/// Every congress's code: the city's, then the nine districts'.
fn congresses() -> Vec<&'static str> {
    std::iter::once(CITY)
        .chain(District::ALL.iter().map(|d| d.code()))
        .collect()
}

#[component]
fn NewCycleForm(csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let navigate = use_navigate();
    let congress = RwSignal::new(CITY.to_owned());
    let this_year = web_sys::js_sys::Date::new_0().get_full_year();
    let year = RwSignal::new(this_year.to_string());
    let making = Submission::new();
    let csrf = StoredValue::new(csrf);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let t = i18n.t();
        let Ok(year) = year.get_untracked().trim().parse::<i32>() else {
            making.refuse((Some(ProjectField::Year.name()), t.project_office.error_year));
            return;
        };
        let body = NewCycle {
            congress: congress.get_untracked(),
            year,
        };
        if let Err(e) = body.validate() {
            making.refuse(refusals::project_office_check(&e, t));
            return;
        }
        let navigate = navigate.clone();
        making.send(
            client::cycle_create(body, csrf.get_value()),
            move |answer| match answer {
                Ok(cycle) => navigate(
                    &Page::StaffProjectCycle(cycle.id).path(),
                    Default::default(),
                ),
                Err(e) => making.refuse(refusals::project_office(&e, i18n.t())),
            },
        );
    };
    view! {
        <form class="form card" on:submit=submit novalidate>
            <h2>{tr(|c| c.project_office.new_cycle_heading)}</h2>
            <SelectField
                id="cycle-congress"
                label=|c| c.project_office.congress_label
                value=congress
            >
                {congresses()
                    .into_iter()
                    .map(|code| {
                        view! {
                            <option value=code>{move || congress_name(i18n.t(), code)}</option>
                        }
                    })
                    .collect_view()}
            </SelectField>
            <TextField
                id="cycle-year"
                label=|c| c.project_office.year_label
                value=year
                kind="number"
                inputmode="numeric"
                min="2000"
                max="2100"
                error=making.error("year")
            />
            <FormStatus submission=making />
            <button type="submit" class="button button--primary" disabled=move || making.busy()>
                {tr(|c| c.project_office.new_cycle_button)}
            </button>
        </form>
    }
}
