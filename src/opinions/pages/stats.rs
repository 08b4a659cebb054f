//! `/stats`: how opinions are handled, for everyone (staff get the same figures from their own
//! endpoint): counts by status, category and district, days to reply, replies on time,
//! satisfaction, and each handling unit's scorecard.

use crate::accounts::account_rules::home_name;
use crate::accounts::session::use_auth;
use crate::homes::client::homes_list;
use crate::i18n::{tr, use_i18n, Catalog};
use crate::kit::bar_chart::BarChart;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::opinions::client;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::opinions::board::{NamedCount, OpinionStats, UnitScore};
use deputy_homes_api::opinions::{Category, OpinionStatus};
use deputy_homes_api::platform::apps::page_href;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::figures::{days, percent};
use deputy_homes_api::District;
use leptos::prelude::*;
use leptos_router::hooks::{use_navigate, use_query_map};

/// A count's name in the current language (the code itself when unknown).
fn name_of(kind: Kind, key: &str, t: &Catalog) -> String {
    match kind {
        Kind::Status => OpinionStatus::from_code(key).map(|s| t.opinion_status_name(s)),
        Kind::Category => Category::from_code(key).map(|c| t.category_name(c)),
        Kind::District if key == "none" => Some(t.district_none),
        Kind::District => District::from_code(key).map(|d| (t.district_name)(d)),
    }
    .map_or_else(|| key.to_owned(), str::to_owned)
}

#[derive(Clone, Copy)]
enum Kind {
    Status,
    Category,
    District,
}

/// The page.
#[component]
pub fn StatsPage() -> impl IntoView {
    use_page_title(|t| t.stats_heading);
    let auth = use_auth();
    let staff = Memo::new(move |_| {
        auth.session
            .with(|s| s.as_ref().is_some_and(|s| s.account.role == Role::Staff))
    });
    let params = use_query_map();
    let year = Memo::new(move |_| params.with(|p| p.get("year").and_then(|y| y.parse().ok())));
    let stats = LocalResource::new(move || client::opinion_stats(staff.get(), year.get()));
    view! {
        <h1>{tr(|c| c.stats_heading)}</h1>
        <YearChoice
            year
            years=Signal::derive(move || {
                stats.get().and_then(Result::ok).map(|s| s.years).unwrap_or_default()
            })
        />
        <Loader resource=stats let:s>
            <StatsView stats=s />
        </Loader>
    }
}

#[component]
fn StatsView(stats: OpinionStats) -> impl IntoView {
    let i18n = use_i18n();
    let s = StoredValue::new(stats);
    let chart = move |kind: Kind,
                      caption: fn(&Catalog) -> &'static str,
                      rows: fn(&OpinionStats) -> &Vec<NamedCount>| {
        move || {
            let t = i18n.t();
            let bars = s.with_value(|s| {
                rows(s)
                    .iter()
                    .map(|n| (name_of(kind, &n.key, t), n.count))
                    .collect()
            });
            view! {
                <BarChart
                    caption=caption(t).to_owned()
                    label_heading=t.stats_name.to_owned()
                    count_heading=t.stats_count.to_owned()
                    bars
                />
            }
        }
    };
    let figure = |label: fn(&Catalog) -> &'static str, value: String| {
        view! {
            <div>
                <dt>{tr(label)}</dt>
                <dd>{value}</dd>
            </div>
        }
    };
    let st = s.get_value();
    let sat = st.satisfaction.clone();
    view! {
        <dl class="summary__figures stats__figures">
            {figure(|c| c.stats_total, st.total.to_string())}
            {figure(|c| c.stats_overdue, st.overdue.to_string())}
            {figure(|c| c.stats_median_days, days(st.median_days_to_reply))}
            {figure(|c| c.stats_on_time, percent(st.on_time_share))}
            {figure(|c| c.stats_satisfied, percent((sat.rated > 0).then_some(sat.satisfied)))}
            {figure(|c| c.stats_rated, sat.rated.to_string())}
        </dl>
        {chart(Kind::Status, |c| c.stats_by_status, |s| &s.by_status)}
        {chart(Kind::Category, |c| c.stats_by_category, |s| &s.by_category)}
        {chart(Kind::District, |c| c.stats_by_district, |s| &s.by_district)}
        <UnitTable units=st.units />
        {(!st.by_home.is_empty()).then(|| view! { <HomeChart counts=st.by_home /> })}
    }
}

/// The year the figures are for, kept in the URL (`?year=`).
#[component]
fn YearChoice(year: Memo<Option<i64>>, #[prop(into)] years: Signal<Vec<i64>>) -> impl IntoView {
    let navigate = use_navigate();
    let choose = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = value.parse::<i64>().ok().map(|y| y.to_string());
        navigate(
            &page_href(&Page::Stats.path(), [("year", chosen)]),
            Default::default(),
        );
    };
    view! {
        <form class="field stats__year" on:submit=|ev| ev.prevent_default()>
            <label for="stats-year">{tr(|c| c.stats_year_label)}</label>
            <select id="stats-year" name="year" on:change=choose>
                <option value="" selected=move || year.get().is_none()>
                    {tr(|c| c.stats_all_years)}
                </option>
                {move || {
                    let mut list = years.get();
                    if let Some(y) = year.get().filter(|y| !list.contains(y)) {
                        list.push(y);
                        list.sort_unstable_by(|a, b| b.cmp(a));
                    }
                    list.into_iter()
                        .map(|y| {
                            // The year in the URL stays choosable even with no opinions in it.
                            view! {
                                <option value=y.to_string() selected=move || year.get() == Some(y)>
                                    {y}
                                </option>
                            }
                        })
                        .collect_view()
                }}
            </select>
            <button class="button filters__submit" type="submit">
                {tr(|c| c.show_button)}
            </button>
        </form>
    }
}

/// Staff only: the ten homes with the most opinions, by name.
#[component]
fn HomeChart(counts: Vec<NamedCount>) -> impl IntoView {
    let i18n = use_i18n();
    let register = LocalResource::new(|| homes_list(HomeFilter::default()));
    move || {
        let t = i18n.t();
        let homes = register
            .get()
            .and_then(Result::ok)
            .map(|r| r.items)
            .unwrap_or_default();
        let bars = counts
            .iter()
            .take(10)
            .map(|n| (home_name(&homes, &n.key, i18n.lang()), n.count))
            .collect();
        view! {
            <BarChart
                caption=t.stats_by_home.to_owned()
                label_heading=t.stats_name.to_owned()
                count_heading=t.stats_count.to_owned()
                bars
            />
        }
    }
}

/// The per-unit scorecard as a table (it scrolls inside itself on a narrow phone).
#[component]
fn UnitTable(units: Vec<UnitScore>) -> impl IntoView {
    view! {
        <h2 id="units-heading">{tr(|c| c.stats_units)}</h2>
        {if units.is_empty() {
            view! { <p>{tr(|c| c.stats_no_units)}</p> }.into_any()
        } else {
            view! {
                <div
                    class="table-scroll"
                    role="region"
                    aria-labelledby="units-heading"
                    tabindex="0"
                >
                    <table class="scorecard">
                        <thead>
                            <tr>
                                <th scope="col">{tr(|c| c.units_label)}</th>
                                <th scope="col">{tr(|c| c.stats_assigned)}</th>
                                <th scope="col">{tr(|c| c.stats_replied)}</th>
                                <th scope="col">{tr(|c| c.stats_on_time)}</th>
                                <th scope="col">{tr(|c| c.stats_median_days)}</th>
                                <th scope="col">{tr(|c| c.stats_satisfied)}</th>
                            </tr>
                        </thead>
                        <tbody>
                            {units
                                .into_iter()
                                .map(|u| {
                                    view! {
                                        <tr>
                                            <th scope="row">{u.name}</th>
                                            <td>{u.assigned}</td>
                                            <td>{u.replied}</td>
                                            <td>{percent(u.on_time_share)}</td>
                                            <td>{days(u.median_days_to_reply)}</td>
                                            <td>
                                                {percent(
                                                    (u.satisfaction.rated > 0)
                                                        .then_some(u.satisfaction.satisfied),
                                                )}
                                            </td>
                                        </tr>
                                    }
                                })
                                .collect_view()}
                        </tbody>
                    </table>
                </div>
            }
                .into_any()
        }}
    }
}
