//! Shown for any path the app does not know.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// The not-found page, with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <h1>{move || i18n.t().page_not_found}</h1>
        <p><a class="button button--link" href="/">{move || i18n.t().back_to_list}</a></p>
    }
}
