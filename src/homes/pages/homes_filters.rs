//! The search box, district and type filters, and "near me", all kept in the URL (but the
//! position, which stays on the device).

use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::geolocation::{request_position, Located};
use deputy_homes_api::homes::query::{HomeFilter, TypeFilter};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::{District, HomeType};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;
use leptos_router::NavigateOptions;

/// The list page's URL for a filter (the position is never put in the URL).
pub fn list_href(filter: &HomeFilter) -> String {
    let query = HomeFilter {
        near: None,
        ..filter.clone()
    }
    .to_query();
    let pairs = [
        ("q", query.q),
        ("district", query.district),
        ("type", query.home_type),
    ];
    deputy_homes_api::platform::apps::page_href(&Page::Homes.path(), pairs)
}

/// What someone typed or chose in the filters the server drew, before the app started: put into
/// the URL, so the app, which replaces that form with its own, starts from it.
pub fn keep_typed_filter() {
    crate::kit::dom::keep_typed_filter(&Page::Homes.path(), "search", |value| {
        let typed = deputy_homes_api::HomesQuery {
            q: value("search"),
            district: value("district"),
            home_type: value("type"),
            lat: None,
            lon: None,
        }
        .validate()
        .ok()?;
        Some(list_href(&typed))
    });
}

/// The form above the list.
#[component]
pub fn HomesFilters(
    /// The filter in the URL.
    filter: Memo<HomeFilter>,
    /// The shared position state for "near me".
    located: RwSignal<Located>,
) -> impl IntoView {
    let navigate = use_navigate();
    let go = move |f: HomeFilter| {
        navigate(
            &list_href(&f),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    };
    let text = RwSignal::new(filter.get_untracked().text);
    let (go_text, go_district, go_type) = (go.clone(), go.clone(), go.clone());
    let on_text = move |value: String| {
        text.set(value.clone());
        go_text(HomeFilter {
            text: value,
            ..filter.get_untracked()
        });
    };
    let on_district = move |code: String| {
        go_district(HomeFilter {
            district: District::from_code(&code),
            ..filter.get_untracked()
        })
    };
    let on_type = move |code: String| {
        go_type(HomeFilter {
            home_type: TypeFilter::from_code(&code),
            ..filter.get_untracked()
        })
    };
    let selected_district = move || filter.get().district.map(|d| d.code()).unwrap_or_default();
    let selected_type = move || filter.get().home_type.map(|t| t.code()).unwrap_or_default();
    view! {
        <form class="filters" role="search" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="search">{tr(|c| c.search_label)}</label>
                <input
                    id="search"
                    name="q"
                    type="search"
                    enterkeyhint="search"
                    autocomplete="off"
                    placeholder=tr(|c| c.search_placeholder)
                    prop:value=move || text.get()
                    on:input:target=move |ev| on_text(ev.target().value())
                />
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="district">{tr(|c| c.district_label)}</label>
                    <select
                        id="district"
                        name="district"
                        prop:value=selected_district
                        on:change:target=move |ev| on_district(ev.target().value())
                    >
                        <option value="">{tr(|c| c.all_districts)}</option>
                        {District::ALL
                            .map(|d| {
                                view! {
                                    <option
                                        value=d.code()
                                        selected=move || selected_district() == d.code()
                                    >
                                        {tr_with(|c, a| (c.district_name)(a), d)}
                                    </option>
                                }
                            })}
                    </select>
                </div>
                <div class="field">
                    <label for="type">{tr(|c| c.type_label)}</label>
                    <select
                        id="type"
                        name="type"
                        prop:value=selected_type
                        on:change:target=move |ev| on_type(ev.target().value())
                    >
                        <option value="">{tr(|c| c.all_types)}</option>
                        <option
                            value="professional"
                            selected=move || selected_type() == "professional"
                        >
                            {tr(|c| c.professional_all)}
                        </option>
                        {HomeType::ALL
                            .map(|ht| {
                                view! {
                                    <option
                                        value=ht.code()
                                        selected=move || selected_type() == ht.code()
                                    >
                                        {tr_with(|c, a| c.type_name(a), ht)}
                                    </option>
                                }
                            })}
                    </select>
                </div>
            </div>
            <button class="button filters__submit" type="submit">
                {tr(|c| c.search_button)}
            </button>
            <NearMe located />
        </form>
        <section class="professional" aria-labelledby="professional-heading">
            <h2 id="professional-heading">{tr(|c| c.professional_heading)}</h2>
            <ul class="chips">
                {HomeType::ALL
                    .into_iter()
                    .filter(|ht| ht.is_professional())
                    .map(|ht| {
                        let href = list_href(
                            &HomeFilter {
                                home_type: Some(TypeFilter::Exactly(ht)),
                                ..HomeFilter::default()
                            },
                        );
                        let current = move || {
                            filter.get().home_type == Some(TypeFilter::Exactly(ht))
                        };
                        view! {
                            <li>
                                <a
                                    class="chip"
                                    href=href
                                    aria-current=move || current().then_some("page")
                                >
                                    {tr_with(|c, a| c.field_name(a), ht)}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}

/// The "near me" button and what became of the request.
#[component]
fn NearMe(located: RwSignal<Located>) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let message = move || match located.get() {
        Located::Idle => None,
        Located::Locating => Some(t().locating),
        Located::Found(_) => Some(t().sorted_by_distance),
        Located::Denied => Some(t().geo_denied),
        Located::Unavailable => Some(t().geo_unavailable),
        Located::TimedOut => Some(t().geo_timeout),
        Located::Unsupported => Some(t().geo_unsupported),
    };
    let failed = move || {
        matches!(
            located.get(),
            Located::Denied | Located::Unavailable | Located::TimedOut | Located::Unsupported
        )
    };
    let found = move || matches!(located.get(), Located::Found(_));
    view! {
        <div class="near-me">
            <Show
                when=found
                fallback=move || view! {
                    <button type="button" class="button button--primary" disabled=move || located.get() == Located::Locating
                        on:click=move |_| request_position(located)>
                        {tr(|c| c.near_me)}
                    </button>
                }
            >
                <button type="button" class="button" on:click=move |_| located.set(Located::Idle)>
                    {tr(|c| c.stop_near_me)}
                </button>
            </Show>
            <p class="near-me__status" class:near-me__status--error=failed role="status">{message}</p>
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_url_holds_the_filters_but_never_the_position() {
        let filter = HomeFilter {
            text: "法律 之家".into(),
            district: Some(District::Saihan),
            home_type: Some(TypeFilter::Professional),
            near: Some(deputy_homes_api::LatLon::new(40.8, 111.7)),
        };
        assert_eq!(
            list_href(&filter),
            "/?q=%E6%B3%95%E5%BE%8B%20%E4%B9%8B%E5%AE%B6&district=saihan&type=professional"
        );
        assert_eq!(list_href(&HomeFilter::default()), "/");
    }
}
