//! The notice that the Mongolian interface is a draft awaiting a native translator's review.

use crate::i18n::{use_i18n, Lang, MN_AWAITING_REVIEW, MN_REVIEW_NOTICE_ZH};
use leptos::prelude::*;

/// One line in Mongolian and Chinese, shown only in Mongolian while the review is pending.
#[component]
pub fn ReviewNotice() -> impl IntoView {
    let i18n = use_i18n();
    view! {
        <Show when=move || MN_AWAITING_REVIEW && i18n.lang() == Lang::Mn>
            <p class="notice review-notice">
                {move || i18n.t().mn_review_notice} " "
                <span lang="zh-CN">{MN_REVIEW_NOTICE_ZH}</span>
            </p>
        </Show>
    }
}
