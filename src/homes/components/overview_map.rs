//! An overview map drawn by the app itself as SVG: no tiles, no network beyond our server.
//! Each home is a dot placed by its coordinates; county-level areas are labelled where their
//! homes are.

use crate::homes::names::home_name;
use crate::i18n::use_i18n;
use deputy_homes_api::homes::district::BoundingBox;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::{District, HomeSummary};
use leptos::prelude::*;
use leptos_router::hooks::use_navigate;

/// Width of the SVG coordinate space; the height follows the area's shape.
const VIEW_WIDTH: f64 = 1000.0;

/// Places WGS-84 points in an SVG box with an equirectangular projection, which is accurate
/// enough across one city (longitudes shrink by the cosine of the middle latitude).
#[derive(Debug, Clone, Copy)]
pub struct Projection {
    bounds: BoundingBox,
    lon_scale: f64,
}

impl Projection {
    /// The projection that fits `bounds` into the SVG width.
    pub fn new(bounds: BoundingBox) -> Self {
        let mid_lat = ((bounds.lat_min + bounds.lat_max) / 2.0).to_radians();
        Projection {
            bounds,
            lon_scale: mid_lat.cos(),
        }
    }

    fn scale(&self) -> f64 {
        VIEW_WIDTH / ((self.bounds.lon_max - self.bounds.lon_min) * self.lon_scale)
    }

    /// Height of the SVG coordinate space.
    pub fn height(&self) -> f64 {
        (self.bounds.lat_max - self.bounds.lat_min) * self.scale()
    }

    /// SVG x and y of a point; north is up.
    pub fn project(&self, lat: f64, lon: f64) -> (f64, f64) {
        let x = (lon - self.bounds.lon_min) * self.lon_scale * self.scale();
        let y = (self.bounds.lat_max - lat) * self.scale();
        (x, y)
    }
}

/// A colour per district, distinguishable on white and for common colour blindness when paired
/// with the labels.
fn district_colour(d: District) -> &'static str {
    match d {
        District::Xincheng => "#c62828",
        District::Huimin => "#1565c0",
        District::Yuquan => "#2e7d32",
        District::Saihan => "#6a1b9a",
        District::TumedLeft => "#ef6c00",
        District::Togtoh => "#00838f",
        District::Horinger => "#795548",
        District::Qingshuihe => "#ad1457",
        District::Wuchuan => "#455a64",
    }
}

/// How the map names its areas.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Labels {
    /// Counties by name, the four urban districts together as one "city centre" label (they
    /// are too close together to name apart at city scale).
    Counties,
    /// The four urban districts by name.
    UrbanDistricts,
}

/// A label's text, chosen when drawn so it follows the language.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum LabelText {
    District(District),
    CityCentre,
}

/// Where to put each label: the mean position of its homes inside the box.
fn label_positions(
    homes: &[HomeSummary],
    projection: &Projection,
    labels: Labels,
) -> Vec<(LabelText, f64, f64)> {
    let height = projection.height();
    let groups: Vec<(LabelText, Vec<District>)> = match labels {
        Labels::Counties => std::iter::once((
            LabelText::CityCentre,
            District::ALL.into_iter().filter(|d| d.is_urban()).collect(),
        ))
        .chain(
            District::ALL
                .into_iter()
                .filter(|d| !d.is_urban())
                .map(|d| (LabelText::District(d), vec![d])),
        )
        .collect(),
        Labels::UrbanDistricts => District::ALL
            .into_iter()
            .filter(|d| d.is_urban())
            .map(|d| (LabelText::District(d), vec![d]))
            .collect(),
    };
    groups
        .into_iter()
        .filter_map(|(text, districts)| {
            let points: Vec<(f64, f64)> = homes
                .iter()
                .filter(|h| districts.contains(&h.district))
                .map(|h| projection.project(h.lat, h.lon))
                .filter(|(x, y)| (0.0..=VIEW_WIDTH).contains(x) && (0.0..=height).contains(y))
                .collect();
            let n = points.len() as f64;
            (n > 0.0).then(|| {
                (
                    text,
                    points.iter().map(|p| p.0).sum::<f64>() / n,
                    points.iter().map(|p| p.1).sum::<f64>() / n,
                )
            })
        })
        .collect()
}

/// The map of the homes inside `bounds`; a tap on a dot opens that home.
#[component]
pub fn OverviewMap(
    /// The homes to draw; those outside `bounds` are left out.
    homes: Vec<HomeSummary>,
    /// The area shown.
    bounds: BoundingBox,
    /// The map's accessible name.
    label: Signal<String>,
    /// How to name the areas.
    labels: Labels,
) -> impl IntoView {
    let i18n = use_i18n();
    let projection = Projection::new(bounds);
    let height = projection.height();
    let labels = label_positions(&homes, &projection, labels);
    let navigate = use_navigate();
    let dots = homes
        .into_iter()
        .filter(|h| bounds.contains(h.lat, h.lon))
        .map(|h| {
            let (x, y) = projection.project(h.lat, h.lon);
            let href = Page::Home(h.id.clone()).path();
            let navigate = navigate.clone();
            let (zh, en, mn) = (h.name_zh.clone(), h.name_en.clone(), h.name_mn.clone());
            let shown = Memo::new(move |_| home_name(i18n.lang(), &zh, &en, mn.as_deref()));
            let colour = district_colour(h.district);
            let professional = h.home_type.is_professional();
            view! {
                <circle
                    cx=format!("{x:.1}")
                    cy=format!("{y:.1}")
                    r=if professional { "20" } else { "14" }
                    fill=colour
                    stroke=if professional { "#ffd54f" } else { "#ffffff" }
                    stroke-width="5"
                    class="map-dot"
                    on:click=move |_| navigate(&href, Default::default())
                >
                    <title lang=move || shown.get().lang>{move || shown.get().text}</title>
                </circle>
            }
        })
        .collect_view();
    let label_views = labels
        .into_iter()
        .map(|(text, x, y)| {
            let words = move || match text {
                LabelText::District(d) => (i18n.t().district_name)(d),
                LabelText::CityCentre => i18n.t().map_city_centre,
            };
            view! {
                <text
                    x=format!("{x:.0}")
                    y=format!("{:.0}", y - 30.0)
                    class="map-label"
                    text-anchor="middle"
                >
                    {words}
                </text>
            }
        })
        .collect_view();
    view! {
        <svg
            class="overview-map"
            viewBox=format!("0 0 {VIEW_WIDTH} {height:.0}")
            role="img"
            aria-label=move || label.get()
            preserveAspectRatio="xMidYMid meet"
        >
            <rect width="100%" height="100%" class="map-background" />
            {dots}
            {label_views}
        </svg>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::homes::district::CITY_BOUNDS;

    #[test]
    fn the_corners_of_the_box_land_on_the_corners_of_the_svg() {
        let p = Projection::new(CITY_BOUNDS);
        let (x0, y0) = p.project(CITY_BOUNDS.lat_max, CITY_BOUNDS.lon_min);
        let (x1, y1) = p.project(CITY_BOUNDS.lat_min, CITY_BOUNDS.lon_max);
        assert!(x0.abs() < 1e-9 && y0.abs() < 1e-9);
        assert!((x1 - VIEW_WIDTH).abs() < 1e-9 && (y1 - p.height()).abs() < 1e-9);
    }

    #[test]
    fn a_degree_of_longitude_is_drawn_shorter_than_a_degree_of_latitude() {
        let p = Projection::new(CITY_BOUNDS);
        let (ax, _) = p.project(40.5, 111.0);
        let (bx, _) = p.project(40.5, 112.0);
        let (_, cy) = p.project(40.0, 111.0);
        let (_, dy) = p.project(41.0, 111.0);
        let ratio = (bx - ax) / (cy - dy);
        assert!((ratio - 40.7f64.to_radians().cos()).abs() < 0.01, "{ratio}");
    }
}
