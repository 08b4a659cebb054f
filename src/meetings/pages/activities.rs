//! Every home's upcoming activities, filtered by district, type and date (kept in the URL).

use crate::i18n::{tr, tr_with};
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::meetings::client;
use crate::meetings::components::activity_list::ActivityItem;
use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::meetings::activity_query::ActivitiesQuery;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::District;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};
use leptos_router::NavigateOptions;

/// The page's URL for a filter.
fn href(district: &str, kind: &str, date: &str) -> String {
    let given = |v: &str| Some(v.to_owned());
    ActivitiesQuery {
        district: given(district),
        kind: given(kind),
        date: given(date),
        home: None,
    }
    .page_href()
}

/// The filters chosen in the form the server drew, before the app started, kept in the URL
/// (`kit::dom::keep_typed_filter`).
pub fn keep_chosen_filter() {
    crate::kit::dom::keep_typed_filter(&Page::Activities.path(), "activities-district", |value| {
        let given = |id| Some(value(id).unwrap_or_default());
        let query = ActivitiesQuery {
            district: given("activities-district"),
            kind: given("activities-kind"),
            date: given("activities-date"),
            home: None,
        };
        Some(query.page_href())
    });
}

/// The page.
#[component]
pub fn ActivitiesPage() -> impl IntoView {
    use_page_title(|t| t.all_activities_heading);
    let query = use_query_map();
    let param =
        move |name: &'static str| Memo::new(move |_| query.read().get(name).unwrap_or_default());
    let (district, kind, date) = (param("district"), param("kind"), param("date"));
    let activities =
        LocalResource::new(move || client::activities_list(district.get(), kind.get(), date.get()));
    let navigate = use_navigate();
    let go = move |d: String, k: String, t: String| {
        navigate(
            &href(&d, &k, &t),
            NavigateOptions {
                replace: true,
                ..Default::default()
            },
        )
    };
    let (go_d, go_k, go_t) = (go.clone(), go.clone(), go);
    view! {
        <h1>{tr(|c| c.all_activities_heading)}</h1>
        <form class="filters" on:submit=|ev| ev.prevent_default()>
            <div class="field">
                <label for="activities-district">{tr(|c| c.district_label)}</label>
                <select
                    id="activities-district"
                    name="district"
                    prop:value=move || district.get()
                    on:change:target=move |ev| go_d(
                        ev.target().value(),
                        kind.get_untracked(),
                        date.get_untracked(),
                    )
                >
                    <option value="">{tr(|c| c.all_districts)}</option>
                    {District::ALL
                        .map(|d| {
                            view! {
                                <option value=d.code() selected=move || district.get() == d.code()>
                                    {tr_with(|c, d| (c.district_name)(d), d)}
                                </option>
                            }
                        })}
                </select>
            </div>
            <div class="field-row">
                <div class="field">
                    <label for="activities-kind">{tr(|c| c.activity_kind_label)}</label>
                    <select
                        id="activities-kind"
                        name="kind"
                        prop:value=move || kind.get()
                        on:change:target=move |ev| go_k(
                            district.get_untracked(),
                            ev.target().value(),
                            date.get_untracked(),
                        )
                    >
                        <option value="">{tr(|c| c.all_kinds)}</option>
                        {ActivityKind::ALL
                            .map(|k| {
                                view! {
                                    <option value=k.code() selected=move || kind.get() == k.code()>
                                        {tr_with(|c, k| c.activity_kind(k), k)}
                                    </option>
                                }
                            })}
                    </select>
                </div>
                <div class="field">
                    <label for="activities-date">{tr(|c| c.activity_date)}</label>
                    <input
                        id="activities-date"
                        name="date"
                        type="date"
                        prop:value=move || date.get()
                        on:change:target=move |ev| go_t(
                            district.get_untracked(),
                            kind.get_untracked(),
                            ev.target().value(),
                        )
                    />
                </div>
            </div>
            <Show when=move || !date.get().is_empty()>
                <a class="button button--link" href=move || href(&district.get(), &kind.get(), "")>
                    {tr(|c| c.any_date)}
                </a>
            </Show>
            <button class="button filters__submit" type="submit">
                {tr(|c| c.show_button)}
            </button>
        </form>
        <Loader resource=activities let:list>
            <p class="result-count" role="status">
                {tr_with(|c, n| c.activities_count(n), list.len())}
            </p>
            {list.is_empty().then(|| view! { <p>{tr(|c| c.no_activities)}</p> })}
            <ul class="activities">
                {list
                    .into_iter()
                    .map(|a| view! { <ActivityItem activity=a with_home=true /> })
                    .collect_view()}
            </ul>
        </Loader>
    }
}
