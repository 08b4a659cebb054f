//! `/staff/units`: the handling units (承办单位) opinions are assigned to. Staff add units,
//! rename them, and deactivate or reactivate them; every change is audited by the server.

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{refusals, tr, tr_with, use_i18n};
use crate::kit::http::ClientError;
use crate::kit::load_error::LoadError;
use crate::kit::page_title::use_page_title;
use crate::opinions::client;
use crate::opinions::moderation_rules::units_named;
use deputy_homes_api::opinions::units::{validate_unit_name, HandlingUnit, NewUnit, UnitChange};
use deputy_homes_api::platform::apps::Page;
use leptos::ev::SubmitEvent;
use leptos::prelude::*;
use leptos::task::spawn_local;

/// The page.
#[component]
pub fn UnitsPage() -> impl IntoView {
    use_page_title(|t| t.units_heading);
    view! {
        <p class="back">
            <a href=Page::Account.path()>{tr(|c| c.account_heading)}</a>
        </p>
        <h1>{tr(|c| c.units_heading)}</h1>
        <p class="hint">{tr(|c| c.units_intro)}</p>
        <StaffGate children=Box::new(|csrf| view! { <UnitsEditor csrf /> }.into_any()) />
    }
}

#[component]
fn UnitsEditor(csrf: String) -> impl IntoView {
    let i18n = use_i18n();
    let units = RwSignal::new(Vec::<HandlingUnit>::new());
    let loaded = RwSignal::new(None::<Result<(), ClientError>>);
    let load = move || {
        loaded.set(None);
        spawn_local(async move {
            let result = client::units_list().await.map(|list| units.set(list));
            loaded.set(Some(result));
        });
    };
    load();
    let csrf = StoredValue::new(csrf);
    let query = RwSignal::new(String::new());
    let shown = Memo::new(move |_| {
        units.with(|all| {
            units_named(all, &query.get())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
    });
    let saved = Callback::new(move |unit: HandlingUnit| {
        units.update(|all| {
            all.retain(|u| u.id != unit.id);
            all.push(unit);
            all.sort_by(|a, b| a.name.cmp(&b.name));
        })
    });
    move || match loaded.get() {
        None => view! {
            <p class="loading" role="status">
                {tr(|c| c.loading)}
            </p>
        }
        .into_any(),
        Some(Err(error)) => {
            view! { <LoadError error on_retry=Callback::new(move |()| load()) /> }.into_any()
        }
        Some(Ok(())) => view! {
            <AddUnit csrf=csrf.get_value() saved />
            <div class="field">
                <label for="units-search">{tr(|c| c.units_search_label)}</label>
                <input
                    id="units-search"
                    type="search"
                    autocomplete="off"
                    prop:value=move || query.get()
                    on:input:target=move |ev| query.set(ev.target().value())
                />
            </div>
            <p class="result-count" role="status">
                {move || (i18n.t().units_shown)(shown.with(Vec::len), units.with(Vec::len))}
            </p>
            <Show when=move || shown.with(Vec::is_empty)>
                <p>{tr(|c| c.units_none_match)}</p>
            </Show>
            <ul class="unit-list">
                <For
                    each=move || shown.get()
                    key=|u| (u.id.clone(), u.name.clone(), u.active)
                    let:unit
                >
                    <UnitItem unit csrf=csrf.get_value() saved />
                </For>
            </ul>
        }
        .into_any(),
    }
}

#[component]
fn AddUnit(csrf: String, saved: Callback<HandlingUnit>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(String::new());
    let error = RwSignal::new(None::<&'static str>);
    let added = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let csrf = StoredValue::new(csrf);
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked().trim().to_owned();
        added.set(None);
        if validate_unit_name(&value).is_err() {
            error.set(Some(i18n.t().error_unit_name));
            return;
        }
        busy.set(true);
        spawn_local(async move {
            match client::unit_create(NewUnit { name: value }, csrf.get_value()).await {
                Ok(unit) => {
                    error.set(None);
                    name.set(String::new());
                    added.set(Some(unit.name.clone()));
                    saved.run(unit);
                }
                Err(e) => error.set(Some(refusals::unit(&e, i18n.t()))),
            }
            busy.set(false);
        });
    };
    view! {
        <form class="form card" on:submit=submit novalidate>
            <div class="field">
                <label for="unit-new">{tr(|c| c.units_add_label)}</label>
                <input
                    id="unit-new"
                    type="text"
                    maxlength="40"
                    autocomplete="off"
                    aria-invalid=move || error.get().is_some().to_string()
                    prop:value=move || name.get()
                    on:input:target=move |ev| name.set(ev.target().value())
                />
            </div>
            <p class="form-error" role="alert">
                {move || error.get()}
            </p>
            <p class="form-ok" role="status">
                {move || added.get().map(|n| (i18n.t().unit_added)(&n))}
            </p>
            <button type="submit" class="button button--primary" disabled=move || busy.get()>
                {tr(|c| c.units_add_button)}
            </button>
        </form>
    }
}

/// One unit: its name, whether it takes opinions, rename and (de)activate.
#[component]
fn UnitItem(unit: HandlingUnit, csrf: String, saved: Callback<HandlingUnit>) -> impl IntoView {
    let i18n = use_i18n();
    let name = RwSignal::new(unit.name.clone());
    let error = RwSignal::new(None::<&'static str>);
    let busy = RwSignal::new(false);
    let csrf = StoredValue::new(csrf);
    let id = StoredValue::new(unit.id.clone());
    let change = move |change: UnitChange| {
        busy.set(true);
        spawn_local(async move {
            match client::unit_update(id.get_value(), change, csrf.get_value()).await {
                Ok(unit) => {
                    error.set(None);
                    saved.run(unit);
                }
                Err(e) => error.set(Some(refusals::unit(&e, i18n.t()))),
            }
            busy.set(false);
        });
    };
    let rename = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked().trim().to_owned();
        if validate_unit_name(&value).is_err() {
            error.set(Some(i18n.t().error_unit_name));
            return;
        }
        change(UnitChange {
            name: Some(value),
            active: None,
        });
    };
    let active = unit.active;
    let toggle = move |_| {
        change(UnitChange {
            name: None,
            active: Some(!active),
        })
    };
    let input_id = format!("unit-name-{}", unit.id);
    view! {
        <li class="unit-item" class=("unit-item--inactive", !active) data-unit=unit.id.clone()>
            <p>
                <strong>{unit.name.clone()}</strong>
                {(!active)
                    .then(|| {
                        view! {
                            " "
                            <span class="tag">{tr(|c| c.unit_inactive)}</span>
                        }
                    })}
            </p>
            <div class="button-row">
                <button
                    type="button"
                    class="button button--link"
                    disabled=move || busy.get()
                    on:click=toggle
                >
                    {move || if active { i18n.t().unit_deactivate } else { i18n.t().unit_activate }}
                </button>
            </div>
            <details>
                <summary class="button button--link">{tr(|c| c.unit_rename)}</summary>
                <form class="form" on:submit=rename novalidate>
                    <div class="field">
                        <label for=input_id
                            .clone()>
                            {tr_with(|c, n: String| (c.unit_rename_label)(&n), unit.name.clone())}
                        </label>
                        <input
                            id=input_id
                            type="text"
                            maxlength="40"
                            autocomplete="off"
                            aria-invalid=move || error.get().is_some().to_string()
                            prop:value=move || name.get()
                            on:input:target=move |ev| name.set(ev.target().value())
                        />
                    </div>
                    <button type="submit" class="button" disabled=move || busy.get()>
                        {tr(|c| c.unit_save_name)}
                    </button>
                </form>
            </details>
            <p class="form-error" role="alert">
                {move || error.get()}
            </p>
        </li>
    }
}
