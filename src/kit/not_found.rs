//! Shown for any path the app does not know.

use crate::i18n::tr;
use deputy_homes_api::platform::apps::Page;
use leptos::prelude::*;

/// The not-found page, with a way back.
#[component]
pub fn NotFoundPage() -> impl IntoView {
    view! {
        <h1>{tr(|c| c.page_not_found)}</h1>
        <p>
            <a class="button button--link" href=Page::Homes.path()>
                {tr(|c| c.back_to_list)}
            </a>
        </p>
    }
}
