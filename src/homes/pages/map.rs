//! Where the homes are: the app's own SVG map of the city and of the city centre, and every home
//! listed by district below it (the accessible form of the same information).

use crate::homes::client;
use crate::homes::components::overview_map::{Labels, OverviewMap};
use crate::homes::components::sample_notice::SampleNotice;
use crate::homes::names::home_name;
use crate::i18n::{tr, tr_with, use_i18n};
use crate::kit::loader::Loader;
use crate::kit::page_title::use_page_title;
use deputy_homes_api::homes::district::{BoundingBox, CITY_BOUNDS};
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::{District, HomeSummary, HomesResponse};
use leptos::prelude::*;

/// The four urban districts, drawn larger in a second map.
const URBAN_BOUNDS: BoundingBox = BoundingBox {
    lat_min: 40.74,
    lat_max: 40.90,
    lon_min: 111.55,
    lon_max: 111.80,
};

/// The map page.
#[component]
pub fn MapPage() -> impl IntoView {
    use_page_title(|t| t.map_heading);
    let homes = LocalResource::new(|| client::homes_list(HomeFilter::default()));
    view! {
        <h1>{tr(|c| c.map_heading)}</h1>
        <Loader resource=homes let:response>
            <Maps response />
        </Loader>
    }
}

#[component]
fn Maps(response: HomesResponse) -> impl IntoView {
    let i18n = use_i18n();
    let t = move || i18n.t();
    let count = response.items.len();
    let homes = response.items;
    let city_label = Signal::derive(move || format!("{}：{}", t().map_city, t().map_intro(count)));
    let urban_label = Signal::derive(move || i18n.t().map_urban.to_owned());
    view! {
        {response.register.sample.then(|| view! { <SampleNotice /> })}
        <p>{tr_with(|c, a| c.map_intro(a), count)} " " {tr(|c| c.map_legend_professional)}</p>
        <figure class="map-figure">
            <OverviewMap
                homes=homes.clone()
                bounds=CITY_BOUNDS
                label=city_label
                labels=Labels::Counties
            />
            <figcaption>{tr(|c| c.map_city)}</figcaption>
        </figure>
        <figure class="map-figure">
            <OverviewMap
                homes=homes.clone()
                bounds=URBAN_BOUNDS
                label=urban_label
                labels=Labels::UrbanDistricts
            />
            <figcaption>{tr(|c| c.map_urban)}</figcaption>
        </figure>
        <h2>{tr(|c| c.map_by_district)}</h2>
        {District::ALL
            .map(|d| {
                view! {
                    <DistrictGroup
                        district=d
                        homes=homes.iter().filter(|h| h.district == d).cloned().collect()
                    />
                }
            })}
    }
}

#[component]
fn DistrictGroup(district: District, homes: Vec<HomeSummary>) -> impl IntoView {
    let i18n = use_i18n();
    let count = homes.len();
    let heading_id = format!("district-{}", district.code());
    let labelled_by = heading_id.clone();
    view! {
        <section class="district-group" aria-labelledby=labelled_by>
            <h3 id=heading_id>
                {tr_with(|c, a| (c.district_name)(a), district)} " "
                <span class="count">{tr_with(|c, a| c.homes_count(a), count)}</span>
            </h3>
            <ul class="link-list">
                {homes
                    .into_iter()
                    .map(|h| {
                        let href = Page::Home(h.id.clone()).path();
                        let name = Memo::new(move |_| {
                            home_name(i18n.lang(), &h.name_zh, &h.name_en, h.name_mn.as_deref())
                        });
                        view! {
                            <li>
                                <a href=href lang=move || name.get().lang>
                                    {move || name.get().text}
                                </a>
                            </li>
                        }
                    })
                    .collect_view()}
            </ul>
        </section>
    }
}
