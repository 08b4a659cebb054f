//! The button that switches between Chinese and English.

use crate::i18n::{tr, use_i18n, Lang};
use leptos::prelude::*;

/// Shows the other language's name; a tap switches to it and remembers the choice.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    let other = move || {
        if i18n.lang() == Lang::Zh {
            Lang::En
        } else {
            Lang::Zh
        }
    };
    view! {
        <button
            type="button"
            class="lang-switch"
            lang=move || other().tag()
            aria-label=tr(|c| c.switch_language_label)
            on:click=move |_| i18n.set(other())
        >
            {tr(|c| c.other_language)}
        </button>
    }
}
