//! A labelled drop-down and a labelled check box, each with the message of its problem: with
//! `TextField`, the ways a form writes its fields.

use crate::i18n::{tr, Text};
use leptos::prelude::*;

/// A labelled drop-down; its options are the children (`<option value=…>`).
#[component]
pub fn SelectField(
    /// The select's id, unique on the page.
    #[prop(into)]
    id: String,
    /// The label.
    label: Text,
    /// The chosen option's value.
    value: RwSignal<String>,
    /// The message of the field's problem, when it has one.
    #[prop(optional, into)]
    error: Option<Signal<Option<&'static str>>>,
    /// A hint shown under the label.
    #[prop(optional)]
    hint: Option<Text>,
    /// The options.
    children: Children,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = [
        hint.map(|_| hint_id.clone()),
        error.map(|_| error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let problem = move || error.and_then(|e| e.get());
    view! {
        <div class="field">
            <label for=id.clone()>{tr(label)}</label>
            {hint
                .map(|h| {
                    view! {
                        <p class="field-hint" id=hint_id>
                            {tr(h)}
                        </p>
                    }
                })}
            <select
                id=id
                aria-invalid=move || problem().is_some().then_some("true")
                aria-describedby=(!described_by.is_empty()).then_some(described_by)
                prop:value=move || value.get()
                on:change:target=move |ev| value.set(ev.target().value())
            >
                {children()}
            </select>
            {error
                .map(|_| {
                    view! {
                        <p class="field-error" id=error_id>
                            {problem}
                        </p>
                    }
                })}
        </div>
    }
}

/// A labelled check box (the label is tappable); `consent` draws it as a consent statement.
#[component]
pub fn CheckField(
    /// The input's id, unique on the page.
    #[prop(into)]
    id: String,
    /// What ticking it says.
    label: Text,
    /// Whether it is ticked.
    checked: RwSignal<bool>,
    /// The message of the field's problem, when it has one.
    #[prop(optional, into)]
    error: Option<Signal<Option<&'static str>>>,
    /// Drawn as a consent statement.
    #[prop(optional)]
    consent: bool,
) -> impl IntoView {
    let error_id = format!("{id}-error");
    let problem = move || error.and_then(|e| e.get());
    view! {
        <div class="field">
            <label class="check" class:check--consent=consent for=id.clone()>
                <input
                    id=id.clone()
                    type="checkbox"
                    aria-invalid=move || problem().is_some().then_some("true")
                    aria-describedby=error.map(|_| error_id.clone())
                    prop:checked=move || checked.get()
                    on:change:target=move |ev| checked.set(ev.target().checked())
                />
                <span>{tr(label)}</span>
            </label>
            {error
                .map(|_| {
                    view! {
                        <p class="field-error" id=error_id.clone()>
                            {problem}
                        </p>
                    }
                })}
        </div>
    }
}
