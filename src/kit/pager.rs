//! Previous and next page links of a paged list.

use crate::i18n::{tr, use_i18n};
use leptos::prelude::*;

use deputy_homes_api::platform::paging::page_count;

/// "Page 2 of 5" with links to the pages either side; nothing when everything fits on one page.
#[component]
pub fn Pager(
    /// This page, from 1.
    page: u32,
    /// How many items match, over all pages.
    total: u64,
    /// Items per page.
    page_size: u32,
    /// The URL of a page.
    href: Callback<u32, String>,
) -> impl IntoView {
    let i18n = use_i18n();
    let pages = page_count(total, page_size);
    (pages > 1).then(|| {
        view! {
            <nav class="pager" aria-label=tr(|c| c.pager_label)>
                {(page > 1)
                    .then(|| {
                        view! {
                            <a class="button" rel="prev" href=href.run(page - 1)>
                                {tr(|c| c.page_prev)}
                            </a>
                        }
                    })}
                <span>{move || i18n.t().page_of(page, pages)}</span>
                {(page < pages)
                    .then(|| {
                        view! {
                            <a class="button" rel="next" href=href.run(page + 1)>
                                {tr(|c| c.page_next)}
                            </a>
                        }
                    })}
            </nav>
        }
    })
}
