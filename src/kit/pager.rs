//! Previous and next page links of a paged list.

use crate::i18n::{tr, use_i18n};
use leptos::prelude::*;

/// How many pages `total` items fill (at least 1).
pub fn page_count(total: u64, page_size: u32) -> u32 {
    let size = u64::from(page_size.max(1));
    u32::try_from(total.div_ceil(size).max(1)).unwrap_or(u32::MAX)
}

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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_list_is_one_page_and_a_partial_page_counts_as_a_page() {
        assert_eq!(page_count(0, 20), 1);
        assert_eq!(page_count(41, 20), 3);
    }
}
