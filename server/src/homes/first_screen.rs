//! The first screen of the homes' pages (`/`, the list, and `/homes/{id}`), drawn by the server
//! into the page it serves (`platform::first_screen`): the homes, a home's address and hours.
//! The markup is the app's own (`src/homes/pages/`).

use crate::meetings::first_screen::activity_item;
use crate::platform::first_screen::{Shell, Start, Words, WEEKDAYS, WORDS};
use deputy_homes_api::homes::hours::{format_clock, OpenStatus};
use deputy_homes_api::homes::maplinks::{amap_url, baidu_url, encode_component, geo_uri};
use deputy_homes_api::homes::query::{HomeFilter, TypeFilter};
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::first_answers;
use deputy_homes_api::platform::time::LocalTime;
use deputy_homes_api::{District, Home, HomeSummary, HomeType, HomesResponse, LatLon, WeeklyHours};
use maud::{html, Markup};

/// The key under which the app asks for the list with `filter` (`src/homes/client.rs`).
pub fn list_request_key(filter: &HomeFilter) -> String {
    first_answers::request_key("/api/homes", &filter.to_query().pairs())
}

/// The page of the list at `now`: the homes of `answer` (the list's API answer for `filter`,
/// and its JSON, which the page carries).
pub fn list_page(
    shell: &Shell,
    filter: &HomeFilter,
    answer: &HomesResponse,
    json: String,
    now: LocalTime,
) -> String {
    let screen = list_screen(&WORDS, filter, answer, now);
    let carried = [(list_request_key(filter), json)];
    shell.page(None, Some(Page::Homes), Start::OnFirstUse, screen, &carried)
}

/// The key under which the app asks for a home (`src/homes/client.rs`).
pub fn home_request_key(id: &str) -> String {
    first_answers::request_key(&format!("/api/homes/{}", encode_component(id)), &[])
}

/// The key under which the app asks for a home's upcoming activities (`src/meetings/client.rs`).
pub fn home_activities_request_key(id: &str) -> String {
    first_answers::request_key(
        &format!("/api/homes/{}/activities", encode_component(id)),
        &[],
    )
}

/// The page of one home at `now` with its upcoming activities, carrying the JSON of both
/// answers.
pub fn home_page(
    shell: &Shell,
    (home, json): (&Home, String),
    (activities, activities_json): (&[Activity], String),
    now: LocalTime,
) -> String {
    let screen = home_screen(&WORDS, home, activities, now);
    let carried = [
        (home_request_key(&home.id), json),
        (home_activities_request_key(&home.id), activities_json),
    ];
    shell.page(
        Some(&home.name_zh),
        None,
        Start::OnFirstUse,
        screen,
        &carried,
    )
}

/// `HomesListPage` in `src/homes/pages/homes_list.rs`, with the filters of `homes_filters.rs`.
fn list_screen(w: &Words, filter: &HomeFilter, answer: &HomesResponse, now: LocalTime) -> Markup {
    let count = answer.items.len();
    let count_text = w.count("result_count", count as u64);
    let district = filter.district.map(District::code);
    let home_type = filter.home_type.map(TypeFilter::code);
    html! {
        h1 { (w.get("list_heading")) }
        p.list-links {
            a.button.button--link href=(Page::Map.path()) { (w.get("nav_map")) }
            button.elders-switch type="button" role="switch" aria-checked="false" {
                span.elders-switch__track aria-hidden="true" {}
                (w.get("elders_mode"))
            }
        }
        form.filters role="search" {
            div.field {
                label for="search" { (w.get("search_label")) }
                input #search name="q" type="search" enterkeyhint="search" autocomplete="off"
                    placeholder=(w.get("search_placeholder"))
                    value=[Some(filter.text.as_str()).filter(|t| !t.is_empty())];
            }
            div.field-row {
                div.field {
                    label for="district" { (w.get("district_label")) }
                    select #district name="district" {
                        option value="" { (w.get("all_districts")) }
                        @for d in District::ALL {
                            option value=(d.code()) selected[district == Some(d.code())] {
                                (d.name_zh())
                            }
                        }
                    }
                }
                div.field {
                    label for="type" { (w.get("type_label")) }
                    select #type name="type" {
                        option value="" { (w.get("all_types")) }
                        option value="professional" selected[home_type == Some("professional")] {
                            (w.get("professional_all"))
                        }
                        @for t in HomeType::ALL {
                            option value=(t.code()) selected[home_type == Some(t.code())] {
                                (type_name(w, t))
                            }
                        }
                    }
                }
            }
            button.button.filters__submit type="submit" { (w.get("search_button")) }
            div.near-me {
                button.button.button--primary type="button" { (w.get("near_me")) }
                p.near-me__status role="status" {}
            }
        }
        section.professional aria-labelledby="professional-heading" {
            h2 #professional-heading { (w.get("professional_heading")) }
            ul.chips {
                @for t in HomeType::ALL.into_iter().filter(|t| t.is_professional()) {
                    li {
                        a.chip href=(format!("{}?type={}", Page::Homes.path(), t.code()))
                            aria-current=[(filter.home_type == Some(TypeFilter::Exactly(t))).then_some("page")] {
                            (w.get(&format!("field_{}", t.code())))
                        }
                    }
                }
            }
        }
        @if answer.register.sample {
            p.notice { (w.get("sample_notice")) }
        }
        p.result-count role="status" aria-live="polite" { (count_text) }
        @if count == 0 {
            p.empty { (w.get("no_results")) }
        }
        @if *filter != HomeFilter::default() {
            a.button.button--link href=(Page::Homes.path()) { (w.get("clear_filters")) }
        }
        ul.home-list {
            @for home in &answer.items {
                (home_card(w, home, now))
            }
        }
    }
}

/// `HomeDetailPage` in `src/homes/pages/home_detail.rs`, with its `ActivityList`.
fn home_screen(w: &Words, home: &Home, activities: &[Activity], now: LocalTime) -> Markup {
    let point = LatLon::new(home.lat, home.lon);
    let name = home.name_zh.as_str();
    let tel = format!("tel:{}", home.phone.replace('-', ""));
    let opinion = format!(
        "{}?home={}",
        Page::NewOpinion.path(),
        encode_component(&home.id)
    );
    let today = usize::from(now.weekday);
    html! {
        p.back { a href=(Page::Homes.path()) { (w.get("back_to_list")) } }
        article.home-detail {
            h1 data-read="" { (name) }
            p.home-detail__meta data-read="" {
                span.tag.tag--professional[home.home_type.is_professional()] {
                    (type_name(w, home.home_type))
                }
                span { (home.district.name_zh()) " · " (home.street) }
            }
            p data-read="" { (open_badge(w, &home.hours, now)) }
            section aria-labelledby="address-heading" {
                h2 #address-heading data-read="" { (w.get("address_heading")) }
                p data-read="" { (home.address) }
            }
            section aria-labelledby="phone-heading" {
                h2 #phone-heading { (w.get("phone_heading")) }
                a.button.button--primary href=(tel) { (w.fill("call", &[("p", &home.phone)])) }
            }
            section aria-labelledby="directions-heading" {
                h2 #directions-heading { (w.get("directions_heading")) }
                p.hint { (w.get("directions_note")) }
                ul.directions {
                    li {
                        a.button rel="noopener" target="_blank" href=(amap_url(point, name)) {
                            (w.get("nav_amap"))
                        }
                    }
                    li {
                        a.button rel="noopener" target="_blank"
                            href=(baidu_url(point, name, &home.address)) {
                            (w.get("nav_baidu"))
                        }
                    }
                    li { a.button href=(geo_uri(point, name)) { (w.get("nav_default_app")) } }
                }
            }
            section aria-labelledby="hours-heading" {
                h2 #hours-heading { (w.get("hours_heading")) }
                table.hours {
                    caption.hint { (w.get("hours_note")) }
                    tbody {
                        @for (day, ranges) in home.hours.days.iter().enumerate() {
                            tr class=[(day == today).then_some("today")]
                                aria-current=[(day == today).then_some("date")] {
                                th scope="row" {
                                    (w.get(WEEKDAYS[day]))
                                    @if day == today {
                                        span.today-mark { (w.get("today")) }
                                    }
                                }
                                td {
                                    @if ranges.is_empty() {
                                        (w.get("closed_day"))
                                    } @else {
                                        (ranges.iter().map(ToString::to_string).collect::<Vec<_>>().join("、"))
                                    }
                                }
                            }
                        }
                    }
                }
            }
            // `ActivityList` in `src/meetings/components/activity_list.rs`.
            section aria-labelledby="activities-heading" {
                h2 #activities-heading { (w.get("activities_heading")) }
                @if activities.is_empty() {
                    p { (w.get("no_activities")) }
                } @else {
                    ul.activities {
                        @for activity in activities {
                            (activity_item(w, activity, false))
                        }
                    }
                }
            }
            p { a.button.button--wide href=(opinion) { (w.get("new_opinion_link")) } }
            section aria-labelledby="facilities-heading" {
                h2 #facilities-heading { (w.get("facilities_heading")) }
                @if home.facilities.is_empty() {
                    p { (w.get("no_facilities")) }
                } @else {
                    ul.facilities {
                        @for f in &home.facilities {
                            li { (w.get(&format!("facility_{}", f.code()))) }
                        }
                    }
                }
            }
            section aria-labelledby="about-heading" {
                h2 #about-heading { (w.get("about_heading")) }
                p { (home.description_zh) }
            }
        }
    }
}

/// `HomeCard` in `src/homes/components/home_card.rs`.
fn home_card(w: &Words, home: &HomeSummary, now: LocalTime) -> Markup {
    html! {
        li.home-card {
            a.home-card__link href=(Page::Home(home.id.clone()).path()) {
                span.home-card__name { (home.name_zh) }
                span.home-card__meta {
                    span.tag.tag--professional[home.home_type.is_professional()] {
                        (type_name(w, home.home_type))
                    }
                    span { (home.district.name_zh()) " · " (home.street) }
                }
                span.home-card__status {
                    (open_badge(w, &home.hours, now))
                }
            }
        }
    }
}

/// `OpenBadge` in `src/homes/components/open_status.rs`.
fn open_badge(w: &Words, hours: &WeeklyHours, now: LocalTime) -> Markup {
    let status = hours.status_at(now.weekday, now.minute);
    let (open, text) = match status {
        OpenStatus::OpenUntil(end) => (true, w.fill("open_until", &[("t", &format_clock(end))])),
        OpenStatus::ClosedUntil { minute, .. }
            if status.opens_later_today(now.weekday, now.minute) =>
        {
            let t = format_clock(minute);
            (false, w.fill("closed_opens_today", &[("t", &t)]))
        }
        OpenStatus::ClosedUntil { weekday, minute } => {
            let day = w.get(WEEKDAYS[usize::from(weekday)]);
            let t = format_clock(minute);
            (false, w.fill("closed_opens_on", &[("day", day), ("t", &t)]))
        }
        OpenStatus::AlwaysClosed => (false, w.get("never_open").to_owned()),
    };
    html! { span.open-badge.open-badge--open[open] { (text) } }
}

fn type_name(w: &Words, t: HomeType) -> &str {
    w.get(&format!("type_{}", t.code()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use deputy_homes_api::platform::first_answers::KEY_ATTRIBUTE;
    use deputy_homes_api::{Facility, RegisterInfo};

    const BUILT: &str = crate::platform::first_screen::tests::BUILT;

    #[test]
    fn every_word_the_first_screen_uses_is_in_the_file() {
        // Each part is drawn: a missing word fails `Words::get` here.
        let words = &*WORDS;
        for key in WEEKDAYS {
            words.get(key);
        }
        let answer = HomesResponse {
            register: RegisterInfo {
                sample: true,
                total: 0,
            },
            items: Vec::new(),
        };
        let filter = HomeFilter {
            text: "x".into(),
            ..HomeFilter::default()
        };
        let now = LocalTime {
            weekday: 0,
            minute: 600,
        };
        let page = list_page(
            &Shell::new(BUILT).unwrap(),
            &filter,
            &answer,
            "{}".into(),
            now,
        );
        assert!(
            page.contains("<title>呼和浩特人大代表之家</title>"),
            "{page}"
        );
        assert!(page.contains(&format!("{KEY_ATTRIBUTE}=")), "{page}");
        assert!(page.contains("没有找到"), "{page}");
    }

    #[test]
    fn a_homes_page_draws_its_week_its_facilities_and_its_call() {
        let day = |text: &str| WeeklyHours::parse_day(text).unwrap();
        let home = Home {
            id: "xc-01".into(),
            name_zh: "新城区<之家>".into(),
            name_en: "Xincheng".into(),
            home_type: HomeType::Law,
            district: District::Xincheng,
            street: "海拉尔东路街道".into(),
            address: "某路1号".into(),
            lat: 40.8,
            lon: 111.7,
            phone: "0471-1234567".into(),
            hours: WeeklyHours {
                days: [
                    day("09:00-12:00"),
                    day(""),
                    day(""),
                    day(""),
                    day(""),
                    day(""),
                    day(""),
                ],
            },
            facilities: Facility::ALL.to_vec(),
            description_zh: "简介".into(),
            description_en: "About".into(),
            name_mn: None,
            address_mn: None,
        };
        // Monday 10:00: open, and Monday is today.
        let now = LocalTime {
            weekday: 0,
            minute: 600,
        };
        let page = home_page(
            &Shell::new(BUILT).unwrap(),
            (&home, "{}".into()),
            (&[], "[]".into()),
            now,
        );
        assert!(page.contains("<title>新城区&lt;之家&gt; · 呼和浩特人大代表之家</title>"));
        assert!(page.contains("<tr class=\"today\" aria-current=\"date\"><th scope=\"row\">周一<span class=\"today-mark\">今天</span></th><td>09:00-12:00</td></tr><tr><th scope=\"row\">周二</th><td>休息</td></tr>"), "{page}");
        assert!(page.contains("href=\"tel:04711234567\">拨打 0471-1234567</a>"));
        assert!(page.contains("<li>轮椅借用</li>"));
        assert!(page.contains("open-badge--open"));
        for key in [
            home_request_key("xc-01"),
            home_activities_request_key("xc-01"),
        ] {
            assert!(page.contains(&format!("data-request=\"{}\"", key.replace('"', "&quot;"))));
        }
        assert!(
            page.contains("<h2 id=\"activities-heading\">近期活动</h2><p>暂无已发布的活动。</p>"),
            "{page}"
        );
    }
}
