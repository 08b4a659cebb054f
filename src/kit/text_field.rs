//! A labelled text input with an optional hint and the message of its problem.

use crate::i18n::{tr, Text};
use leptos::prelude::*;

/// One text input of a form; the problem's message is tied to the input for screen readers.
#[component]
pub fn TextField(
    /// The input's id, unique on the page.
    id: &'static str,
    /// The label.
    label: Text,
    /// The value as typed.
    value: RwSignal<String>,
    /// The message of the field's problem, when it has one.
    #[prop(into)]
    error: Signal<Option<&'static str>>,
    /// A hint shown under the label.
    #[prop(optional)]
    hint: Option<Text>,
    /// The input's type.
    #[prop(default = "text")]
    kind: &'static str,
    /// The browser's autofill hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// The phone keyboard to offer.
    #[prop(optional)]
    inputmode: Option<&'static str>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-error");
    let described_by = match hint {
        Some(_) => format!("{hint_id} {error_id}"),
        None => error_id.clone(),
    };
    view! {
        <div class="field">
            <label for=id>{tr(label)}</label>
            {hint
                .map(|h| {
                    view! {
                        <p class="field-hint" id=hint_id>
                            {tr(h)}
                        </p>
                    }
                })}
            <input
                id=id
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                autocapitalize="none"
                aria-invalid=move || error.get().is_some().then_some("true")
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
        </div>
    }
}
