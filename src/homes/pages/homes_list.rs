//! The home page: find a home by search, district, type or distance.

use crate::homes::client;
use crate::homes::components::elders_shortcuts::EldersShortcuts;
use crate::homes::components::home_card::HomeCard;
use crate::homes::components::sample_notice::SampleNotice;
use crate::homes::pages::homes_filters::HomesFilters;
use crate::i18n::{tr, tr_with};
use crate::kit::elders::EldersSwitch;
use crate::kit::geolocation::Located;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_app_title;
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::{HomesQuery, HomesResponse};
use leptos::prelude::*;
use leptos_router::hooks::use_query_map;

/// Reads the filter from the URL; parameters that do not parse are dropped, not fatal.
fn filter_from_url(get: impl Fn(&str) -> Option<String>) -> HomeFilter {
    let query = HomesQuery {
        q: get("q"),
        district: get("district"),
        home_type: get("type"),
        lat: None,
        lon: None,
    };
    query.validate().unwrap_or_else(|_| HomeFilter {
        text: query.q.clone().unwrap_or_default(),
        ..HomesQuery {
            q: query.q.clone(),
            ..HomesQuery::default()
        }
        .validate()
        .unwrap_or_default()
    })
}

/// The list page.
#[component]
pub fn HomesListPage() -> impl IntoView {
    use_app_title();
    let query = use_query_map();
    let filter = Memo::new(move |_| {
        let q = query.read();
        filter_from_url(|k| q.get(k))
    });
    let located = expect_context::<RwSignal<Located>>();
    // Only a position found changes the list: asking for one, or being refused, does not
    // reload it.
    let near = Memo::new(move |_| match located.get() {
        Located::Found(p) => Some(p),
        _ => None,
    });
    let homes = LocalResource::new(move || {
        client::homes_list(HomeFilter {
            near: near.get(),
            ..filter.get()
        })
    });
    view! {
        <h1>{tr(|c| c.list_heading)}</h1>
        <EldersShortcuts />
        <p class="list-links">
            <a class="button button--link" href=Page::Map.path()>
                {tr(|c| c.nav_map)}
            </a>
            <EldersSwitch />
        </p>
        <HomesFilters filter located />
        <Loader resource=homes let:response>
            <Results response filter />
        </Loader>
    }
}

/// The count and the cards.
#[component]
fn Results(response: HomesResponse, filter: Memo<HomeFilter>) -> impl IntoView {
    let count = response.items.len();
    let filtered = move || filter.get() != HomeFilter::default();
    view! {
        {response.register.sample.then(|| view! { <SampleNotice /> })}
        <p class="result-count" role="status" aria-live="polite">
            {tr_with(|c, a| c.result_count(a), count)}
        </p>
        <Show when=move || count == 0>
            <p class="empty">{tr(|c| c.no_results)}</p>
        </Show>
        <Show when=filtered>
            <a class="button button--link" href=Page::Homes.path()>
                {tr(|c| c.clear_filters)}
            </a>
        </Show>
        <ul class="home-list">
            {response.items.into_iter().map(|home| view! { <HomeCard home /> }).collect_view()}
        </ul>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::District;

    #[test]
    fn a_bad_district_in_the_url_is_dropped_but_the_search_text_kept() {
        let f = filter_from_url(|k| match k {
            "q" => Some("法律".into()),
            "district" => Some("atlantis".into()),
            _ => None,
        });
        assert_eq!(f.text, "法律");
        assert_eq!(f.district, None);
        let ok = filter_from_url(|k| (k == "district").then(|| "saihan".into()));
        assert_eq!(ok.district, Some(District::Saihan));
    }
}
