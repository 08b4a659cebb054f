//! A labelled text input (or text area) with an optional hint, a length limit with a live count,
//! and the message of its problem: the one way a form writes a text field.

use crate::i18n::{tr, use_i18n, Text};
use leptos::prelude::*;

/// One text input of a form; the problem's message is tied to the input for screen readers.
#[component]
pub fn TextField(
    /// The input's id, unique on the page.
    #[prop(into)]
    id: String,
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
    /// The input's name, for the browser's password manager.
    #[prop(optional)]
    name: Option<&'static str>,
    /// The input's type.
    #[prop(default = "text")]
    kind: &'static str,
    /// The browser's autofill hint.
    #[prop(default = "off")]
    autocomplete: &'static str,
    /// How the phone keyboard capitalizes what is typed.
    #[prop(default = "none")]
    autocapitalize: &'static str,
    /// The label of the phone keyboard's enter key.
    #[prop(optional)]
    enterkeyhint: Option<&'static str>,
    /// The phone keyboard to offer.
    #[prop(optional)]
    inputmode: Option<&'static str>,
    /// The most characters accepted.
    #[prop(optional)]
    max_chars: Option<usize>,
    /// The smallest value of a number or date input.
    #[prop(optional, into)]
    min: Option<String>,
    /// The largest value of a number or date input.
    #[prop(optional, into)]
    max: Option<String>,
    /// Whether to show the count of characters (of `max_chars`) as it is typed.
    #[prop(optional)]
    count: bool,
    /// A text area of this many rows instead of a one-line input.
    #[prop(optional)]
    rows: Option<u32>,
) -> impl IntoView {
    let i18n = use_i18n();
    let hint_id = format!("{id}-hint");
    let count_id = format!("{id}-count");
    let error_id = format!("{id}-error");
    let counted = count && max_chars.is_some();
    let described_by = [
        hint.map(|_| hint_id.clone()),
        counted.then(|| count_id.clone()),
        Some(error_id.clone()),
    ]
    .into_iter()
    .flatten()
    .collect::<Vec<_>>()
    .join(" ");
    let maxlength = max_chars.map(|m| m.to_string());
    let invalid = move || error.get().is_some().then_some("true");
    let input = match rows {
        Some(rows) => view! {
            <textarea
                id=id.clone()
                rows=rows
                maxlength=maxlength
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            ></textarea>
        }
        .into_any(),
        None => view! {
            <input
                id=id.clone()
                name=name
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                enterkeyhint=enterkeyhint
                maxlength=maxlength
                min=min
                max=max
                autocapitalize=autocapitalize
                aria-invalid=invalid
                aria-describedby=described_by
                prop:value=move || value.get()
                on:input:target=move |ev| value.set(ev.target().value())
            />
        }
        .into_any(),
    };
    let typed = move || {
        let max = max_chars.unwrap_or_default();
        i18n.t()
            .chars_count(value.with(|v| v.trim().chars().count()), max)
    };
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
            {input}
            {counted
                .then(|| {
                    view! {
                        <p class="field-hint" id=count_id aria-live="polite">
                            {typed}
                        </p>
                    }
                })}
            <p class="field-error" id=error_id>
                {move || error.get()}
            </p>
        </div>
    }
}
