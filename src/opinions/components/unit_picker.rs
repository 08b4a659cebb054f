//! Choosing handling units: a search box and a checkbox per active unit.

use crate::i18n::{tr, use_i18n};
use crate::opinions::moderation_rules::matching_units;
use deputy_homes_api::opinions::units::HandlingUnit;
use leptos::prelude::*;

/// Picks one or more handling units.
#[component]
pub fn UnitPicker(
    /// Every unit (inactive ones are not offered).
    #[prop(into)]
    units: Signal<Vec<HandlingUnit>>,
    /// The chosen units' ids.
    selected: RwSignal<Vec<String>>,
    /// Prefix of the element ids, unique on the page.
    id_prefix: &'static str,
    /// The message of the selection's problem, when it has one.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
) -> impl IntoView {
    let i18n = use_i18n();
    let search = RwSignal::new(String::new());
    let search_id = format!("{id_prefix}-search");
    let error_id = format!("{id_prefix}-error");
    let described_by = error_id.clone();
    let label_for = search_id.clone();
    view! {
        <fieldset class="home-picker" aria-describedby=described_by>
            <legend>{tr(|c| c.units_label)}</legend>
            <p class="home-picker__chosen" aria-live="polite">
                <strong>{move || i18n.t().units_selected(selected.with(Vec::len))}</strong>
            </p>
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
            <div class="field">
                <label for=label_for>{tr(|c| c.units_search_label)}</label>
                <input
                    id=search_id
                    type="search"
                    autocomplete="off"
                    prop:value=move || search.get()
                    on:input:target=move |ev| search.set(ev.target().value())
                />
            </div>
            <div class="home-picker__list">
                {move || {
                    units
                        .with(|all| {
                            let shown = matching_units(all, &search.get());
                            if shown.is_empty() {
                                return view! { <p>{tr(|c| c.units_none_match)}</p> }.into_any();
                            }
                            shown
                                .into_iter()
                                .map(|unit| {
                                    let id = unit.id.clone();
                                    let check_id = id.clone();
                                    view! {
                                        <label class="check">
                                            <input
                                                type="checkbox"
                                                prop:checked=move || {
                                                    selected.with(|s| s.contains(&check_id))
                                                }
                                                on:change:target=move |ev| {
                                                    let on = ev.target().checked();
                                                    selected
                                                        .update(|s| {
                                                            s.retain(|x| *x != id);
                                                            if on {
                                                                s.push(id.clone())
                                                            }
                                                        });
                                                }
                                            />
                                            <span>{unit.name.clone()}</span>
                                        </label>
                                    }
                                })
                                .collect_view()
                                .into_any()
                        })
                }}
            </div>
        </fieldset>
    }
}
