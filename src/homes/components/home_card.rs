//! One home in a list.

use crate::homes::components::open_status::OpenBadge;
use crate::homes::names::home_name;
use crate::i18n::{tr_with, use_i18n};
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::HomeSummary;
use leptos::prelude::*;

/// A card linking to the home's page: name, type, where, open now, distance.
#[component]
pub fn HomeCard(
    /// The home to show.
    home: HomeSummary,
) -> impl IntoView {
    let i18n = use_i18n();
    let href = Page::Home(home.id.clone()).path();
    let (name_zh, name_en, name_mn) = (home.name_zh, home.name_en, home.name_mn);
    let name = Memo::new(move |_| home_name(i18n.lang(), &name_zh, &name_en, name_mn.as_deref()));
    let (district, home_type, street) = (home.district, home.home_type, home.street.clone());
    let professional = home_type.is_professional();
    let distance = home.distance_m;
    view! {
        <li class="home-card">
            <a class="home-card__link" href=href>
                <span class="home-card__name" lang=move || name.get().lang>{move || name.get().text}</span>
                <span class="home-card__meta">
                    <span class="tag" class:tag--professional=professional>
                        {tr_with(|c, a| c.type_name(a), home_type)}
                    </span>
                    <span>{tr_with(|c, a| (c.district_name)(a), district)} " · " {street}</span>
                </span>
                <span class="home-card__status">
                    <OpenBadge hours=home.hours />
                    {distance.map(|m| view! { <span class="distance">{tr_with(|c, a| c.distance(a), m)}</span> })}
                </span>
            </a>
        </li>
    }
}
