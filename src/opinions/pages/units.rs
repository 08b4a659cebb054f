//! `/staff/units`: the handling units (承办单位) opinions are assigned to. Staff add units,
//! rename them, and deactivate or reactivate them; every change is audited by the server.

use crate::accounts::components::staff_gate::StaffGate;
use crate::i18n::{refusals, tr, use_i18n};
use crate::kit::dom::focus;
use crate::kit::http::ClientError;
use crate::kit::load_error::LoadError;
use crate::kit::page_title::use_page_title;
use crate::kit::submission::{FormStatus, Refusal, Submission};
use crate::kit::text_field::TextField;
use crate::opinions::client;
use crate::opinions::moderation_rules::units_named;
use deputy_homes_api::opinions::units::{
    validate_unit_name, HandlingUnit, NewUnit, UnitChange, MAX_UNIT_NAME_CHARS,
};
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
                {move || i18n.t().units_shown(shown.with(Vec::len), units.with(Vec::len))}
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
    let adding = Submission::new();
    let added = RwSignal::new(None::<String>);
    let csrf = StoredValue::new(csrf);
    let refuse = move |refusal: Refusal| {
        adding.refuse(refusal);
        focus("unit-new");
    };
    let submit = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked().trim().to_owned();
        added.set(None);
        if let Err(e) = validate_unit_name(&value) {
            refuse(refusals::unit_check(&e, i18n.t()));
            return;
        }
        let request = client::unit_create(NewUnit { name: value }, csrf.get_value());
        adding.send(request, move |answer| match answer {
            Ok(unit) => {
                name.set(String::new());
                added.set(Some(unit.name.clone()));
                saved.run(unit);
            }
            Err(e) => refuse(refusals::unit(&e, i18n.t())),
        });
    };
    view! {
        <form class="form card" on:submit=submit novalidate>
            <TextField
                id="unit-new"
                label=|c| c.units_add_label
                value=name
                max_chars=MAX_UNIT_NAME_CHARS
                error=adding.error("name")
            />
            <FormStatus submission=adding />
            <p class="form-ok" role="status">
                {move || added.get().map(|n| i18n.t().unit_added(&n))}
            </p>
            <button type="submit" class="button button--primary" disabled=move || adding.busy()>
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
    let changing = Submission::new();
    let csrf = StoredValue::new(csrf);
    let id = StoredValue::new(unit.id.clone());
    let input_id = format!("unit-name-{}", unit.id);
    let focus_id = StoredValue::new(input_id.clone());
    let refuse = move |refusal: Refusal| {
        changing.refuse(refusal);
        if refusal.0.is_some() {
            focus(&focus_id.get_value());
        }
    };
    let change = move |change: UnitChange| {
        let request = client::unit_update(id.get_value(), change, csrf.get_value());
        changing.send(request, move |answer| match answer {
            Ok(unit) => saved.run(unit),
            Err(e) => refuse(refusals::unit(&e, i18n.t())),
        });
    };
    let rename = move |ev: SubmitEvent| {
        ev.prevent_default();
        let value = name.get_untracked().trim().to_owned();
        if let Err(e) = validate_unit_name(&value) {
            refuse(refusals::unit_check(&e, i18n.t()));
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
                    disabled=move || changing.busy()
                    on:click=toggle
                >
                    {move || if active { i18n.t().unit_deactivate } else { i18n.t().unit_activate }}
                </button>
            </div>
            <details>
                <summary class="button button--link">{tr(|c| c.unit_rename)}</summary>
                <form class="form" on:submit=rename novalidate>
                    <TextField
                        id=input_id
                        label=|c| c.unit_rename_label
                        value=name
                        max_chars=MAX_UNIT_NAME_CHARS
                        error=changing.error("name")
                    />
                    <button type="submit" class="button" disabled=move || changing.busy()>
                        {tr(|c| c.unit_save_name)}
                    </button>
                </form>
            </details>
            <FormStatus submission=changing />
        </li>
    }
}
