//! The notice that the register is sample data.

use crate::i18n::tr;
use leptos::prelude::*;

/// Says plainly that the homes shown are sample data, until the official register is imported.
#[component]
pub fn SampleNotice() -> impl IntoView {
    view! { <p class="notice">{tr(|c| c.sample_notice)}</p> }
}
