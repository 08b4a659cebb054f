//! Choosing homes from the register: a search box and checkboxes grouped by district.

use crate::accounts::account_rules::{home_name, homes_by_district, toggle_home};
use crate::i18n::{tr, tr_with, use_i18n};
use deputy_homes_api::HomeSummary;
use leptos::prelude::*;
use std::sync::Arc;

/// Picks any number of homes among the register's.
#[component]
pub fn HomePicker(
    /// Every home in the register.
    #[prop(into)]
    homes: Signal<Arc<Vec<HomeSummary>>>,
    /// The chosen homes' ids, in the order they were chosen.
    selected: RwSignal<Vec<String>>,
    /// Prefix of the element ids, unique on the page.
    id_prefix: String,
    /// The message of the selection's problem, when it has one.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let query = RwSignal::new(String::new());
    let groups = Memo::new(move |_| homes.with(|h| homes_by_district(h, &query.get())));
    let (search_id, error_id) = (format!("{id_prefix}-search"), format!("{id_prefix}-error"));
    let described_by = error_id.clone();
    let search_label_for = search_id.clone();
    let chosen_names = move || {
        let lang = i18n.lang();
        homes.with(|h| {
            selected.with(|ids| {
                let names: Vec<String> = ids.iter().map(|id| home_name(h, id, lang)).collect();
                names.join("、")
            })
        })
    };
    view! {
        <fieldset class="home-picker" aria-describedby=described_by>
            <legend>{tr(|c| c.homes_label)}</legend>
            <p class="home-picker__chosen" aria-live="polite">
                <strong>{move || i18n.t().homes_selected(selected.with(Vec::len))}</strong>
                " "
                {chosen_names}
            </p>
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
            <div class="field">
                <label for=search_label_for>{tr(|c| c.homes_search_label)}</label>
                <input
                    id=search_id
                    type="search"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
            </div>
            <div class="home-picker__list">
                {move || {
                    let groups = groups.get();
                    if groups.is_empty() {
                        return view! { <p>{tr(|c| c.homes_none_match)}</p> }.into_any();
                    }
                    groups
                        .into_iter()
                        .map(|(district, homes)| {
                            view! {
                                <fieldset class="home-picker__group">
                                    <legend>
                                        {tr_with(|c, d| (c.district_name)(d), district)}
                                    </legend>
                                    {homes
                                        .into_iter()
                                        .map(|home| view! { <HomeCheckbox home selected /> })
                                        .collect_view()}
                                </fieldset>
                            }
                        })
                        .collect_view()
                        .into_any()
                }}
            </div>
        </fieldset>
    }
}

/// One home's checkbox; its label is the tap target.
#[component]
fn HomeCheckbox(home: HomeSummary, selected: RwSignal<Vec<String>>) -> impl IntoView {
    let i18n = use_i18n();
    let (id, checked_id) = (home.id.clone(), home.id.clone());
    view! {
        <label class="check">
            <input
                type="checkbox"
                prop:checked=move || selected.with(|s| s.contains(&checked_id))
                on:change:target=move |ev| {
                    let chosen = ev.target().checked();
                    selected.update(|s| toggle_home(s, &id, chosen));
                }
            />
            <span>
                {move || {
                    if i18n.lang().names_in_chinese() {
                        home.name_zh.clone()
                    } else {
                        home.name_en.clone()
                    }
                }}
            </span>
        </label>
    }
}
