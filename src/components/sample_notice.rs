//! The notice that the register is sample data.

use crate::i18n::use_i18n;
use leptos::prelude::*;

/// Says plainly that the homes shown are sample data, until the official register is imported.
#[component]
pub fn SampleNotice() -> impl IntoView {
    let i18n = use_i18n();
    view! { <p class="notice">{move || i18n.t().sample_notice}</p> }
}
