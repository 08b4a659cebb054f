//! The choice of language: Chinese, English or traditional Mongolian, each named in itself.

use crate::i18n::{tr, use_i18n, Lang, Switching};
use leptos::prelude::*;

/// One button per language; the current one is pressed, a tap on another switches to it (once
/// its strings are loaded, see [`LanguageStatus`]) and remembers the choice on this device.
#[component]
pub fn LanguageSwitch() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <div class="lang-switch" role="group" aria-label=tr(|c| c.switch_language_label)>
            {Lang::ALL
                .into_iter()
                .map(|lang| {
                    view! {
                        <button
                            type="button"
                            class="lang-switch__choice"
                            lang=lang.tag()
                            aria-label=lang.switch_to()
                            aria-pressed=move || (i18n.lang() == lang).to_string()
                            on:click=move |_| i18n.set(lang)
                        >
                            {lang.own_name()}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}

/// While a chosen language's strings load, says so; when they could not be loaded, says that the
/// server could not be reached (the page stays in its language). Empty otherwise.
#[component]
pub fn LanguageStatus() -> impl IntoView {
    let i18n = use_i18n();
    let message = move || match i18n.switching() {
        Switching::Done => "",
        Switching::Loading(_) => i18n.t().loading,
        Switching::Failed => i18n.t().error_network,
    };
    view! {
        <p class="lang-status" role="status">
            {message}
        </p>
    }
}
