//! A project's percent done as a bar: inline SVG beside the number, which is the text a screen
//! reader reads (the bar is decoration).

use crate::i18n::{tr, Text};
use leptos::prelude::*;

/// The percent done, as text and a bar.
#[component]
pub fn ProgressBar(
    /// 0 to 100.
    percent: u32,
    /// The words before the number (完成进度).
    label: Text,
) -> impl IntoView {
    let width = percent.min(100).to_string();
    view! {
        <div class="project-progress">
            <span class="project-progress__text">{tr(label)} " " {percent} "%"</span>
            <svg
                class="project-progress__bar"
                viewBox="0 0 100 8"
                preserveAspectRatio="none"
                aria-hidden="true"
                focusable="false"
            >
                <rect class="project-progress__track" x="0" y="0" width="100" height="8" />
                <rect class="project-progress__fill" x="0" y="0" width=width height="8" />
            </svg>
        </div>
    }
}
