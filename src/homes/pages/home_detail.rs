//! One home: open now, the week's hours, phone, access, and directions.

use crate::homes::client;
use crate::homes::components::open_status::OpenBadge;
use crate::homes::names::{home_address, home_name};
use crate::i18n::mn_dates::clocks_in;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::clock::now_in_hohhot;
use crate::kit::elders::ReadAloud;
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use crate::meetings::components::activity_list::ActivityList;
use deputy_homes_api::homes::maplinks::{amap_url, baidu_url, geo_uri};
use deputy_homes_api::platform::apps::page_href;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::{Home, LatLon};
use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// The detail page, loaded by the id in the URL (so a reload shows the same home).
#[component]
pub fn HomeDetailPage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").unwrap_or_default());
    let home = LocalResource::new(move || client::home_get(id.get()));
    let not_found = || {
        view! {
            <h1>{tr(|c| c.page_not_found)}</h1>
            <p class="alert" role="alert">
                {tr(|c| c.home_not_found)}
            </p>
        }
    };
    view! {
        <p class="back">
            <a href=Page::Homes.path()>{tr(|c| c.back_to_list)}</a>
        </p>
        <Loader resource=home not_found let:home>
            <HomeDetail home />
        </Loader>
    }
}

#[component]
fn HomeDetail(home: Home) -> impl IntoView {
    let i18n = use_i18n();
    let (name_zh, name_en, name_mn) = (
        home.name_zh.clone(),
        home.name_en.clone(),
        home.name_mn.clone(),
    );
    let shown_name =
        Memo::new(move |_| home_name(i18n.lang(), &name_zh, &name_en, name_mn.as_deref()));
    // Map apps are searched in Chinese or English: they get the Chinese name in Mongolian too.
    let (map_zh, map_en) = (home.name_zh.clone(), home.name_en.clone());
    let name = Signal::derive(move || {
        if i18n.lang().names_in_chinese() {
            map_zh.clone()
        } else {
            map_en.clone()
        }
    });
    use_page_title(move |_| shown_name.get().text);
    let (address_zh, address_mn) = (home.address.clone(), home.address_mn.clone());
    let address = Memo::new(move |_| home_address(i18n.lang(), &address_zh, address_mn.as_deref()));
    let (desc_zh, desc_en) = (home.description_zh.clone(), home.description_en.clone());
    let description = move || {
        if i18n.lang().names_in_chinese() {
            desc_zh.clone()
        } else {
            desc_en.clone()
        }
    };
    let (district, home_type) = (home.district, home.home_type);
    let phone = home.phone.clone();
    let tel = format!("tel:{}", phone.replace('-', ""));
    let facilities = home.facilities.clone();
    view! {
        <article class="home-detail">
            <h1 data-read="" lang=move || shown_name.get().lang>{move || shown_name.get().text}</h1>
            <ReadAloud />
            <p class="home-detail__meta" data-read="">
                <span class="tag" class:tag--professional=home_type.is_professional()>{tr_with(|c, a| c.type_name(a), home_type)}</span>
                <span>{tr_with(|c, a| (c.district_name)(a), district)} " · " {home.street.clone()}</span>
            </p>
            <p data-read="">
                <OpenBadge hours=home.hours.clone() />
            </p>
            <section aria-labelledby="address-heading">
                <h2 id="address-heading" data-read="">{tr(|c| c.address_heading)}</h2>
                <p data-read="" lang=move || address.get().lang>{move || address.get().text}</p>
            </section>
            <section aria-labelledby="phone-heading">
                <h2 id="phone-heading">{tr(|c| c.phone_heading)}</h2>
                <a class="button button--primary" href=tel>{tr_with(|c, a: String| c.call(&a), phone)}</a>
            </section>
            <Directions home=home.clone() name />
            <WeekHours home=home.clone() />
            <ActivityList home_id=home.id.clone() />
            <p><a class="button button--wide" href=page_href(&Page::NewOpinion.path(), [("home", Some(home.id.clone()))])>{tr(|c| c.new_opinion_link)}</a></p>
            <section aria-labelledby="facilities-heading">
                <h2 id="facilities-heading">{tr(|c| c.facilities_heading)}</h2>
                {if facilities.is_empty() {
                    view! { <p>{tr(|c| c.no_facilities)}</p> }.into_any()
                } else {
                    view! {
                        <ul class="facilities">
                            {facilities.into_iter().map(|f| view! { <li>{tr_with(|c, a| c.facility_name(a), f)}</li> }).collect_view()}
                        </ul>
                    }.into_any()
                }}
            </section>
            <section aria-labelledby="about-heading">
                <h2 id="about-heading">{tr(|c| c.about_heading)}</h2>
                <p>{description}</p>
            </section>
        </article>
    }
}

/// Links that open the home in AMap, Baidu Maps or the phone's own map app.
#[component]
fn Directions(home: Home, name: Signal<String>) -> impl IntoView {
    let point = LatLon::new(home.lat, home.lon);
    let address = home.address.clone();
    view! {
        <section aria-labelledby="directions-heading">
            <h2 id="directions-heading">{tr(|c| c.directions_heading)}</h2>
            <p class="hint">{tr(|c| c.directions_note)}</p>
            <ul class="directions">
                <li>
                    <a
                        class="button"
                        rel="noopener"
                        target="_blank"
                        href=move || amap_url(point, &name.get())
                    >
                        {tr(|c| c.nav_amap)}
                    </a>
                </li>
                <li>
                    <a
                        class="button"
                        rel="noopener"
                        target="_blank"
                        href=move || baidu_url(point, &name.get(), &address)
                    >
                        {tr(|c| c.nav_baidu)}
                    </a>
                </li>
                <li>
                    <a class="button" href=move || geo_uri(point, &name.get())>
                        {tr(|c| c.nav_default_app)}
                    </a>
                </li>
            </ul>
        </section>
    }
}

/// The week's opening hours, today marked.
#[component]
fn WeekHours(home: Home) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let today = usize::from(now_in_hohhot().weekday);
    let rows = home
        .hours
        .days
        .into_iter()
        .enumerate()
        .map(|(day, ranges)| {
            let text = ranges
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("、");
            let closed = ranges.is_empty();
            view! {
                <tr class:today=day == today aria-current=(day == today).then_some("date")>
                    <th scope="row">
                        {move || t().weekdays()[day]}
                        {(day == today)
                            .then(|| view! { <span class="today-mark">{tr(|c| c.today)}</span> })}
                    </th>
                    <td>
                        {move || {
                            if closed {
                                t().closed_day.to_owned()
                            } else {
                                clocks_in(&text, t().clock)
                            }
                        }}
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <section aria-labelledby="hours-heading">
            <h2 id="hours-heading">{tr(|c| c.hours_heading)}</h2>
            <table class="hours">
                <caption class="hint">{tr(|c| c.hours_note)}</caption>
                <tbody>{rows}</tbody>
            </table>
        </section>
    }
}
