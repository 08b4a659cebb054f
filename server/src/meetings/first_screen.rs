//! The first screen of the activities (`/activities`), drawn by the server into the page it
//! serves (`platform::first_screen`): every home's upcoming activities with their seats and the
//! way to book. The markup is the app's own (`src/meetings/pages/activities.rs`,
//! `src/meetings/components/activity_list.rs`).

use crate::platform::first_screen::{Shell, Start, Words, WEEKDAYS, WORDS};
use deputy_homes_api::meetings::activity::{weekday_of, Activity, ActivityKind};
use deputy_homes_api::meetings::activity_query::ActivitiesQuery;
use deputy_homes_api::platform::apps::Page;
use deputy_homes_api::platform::first_answers;
use deputy_homes_api::District;
use maud::{html, Markup};

/// The key under which the app asks for the activities of `query` (`src/meetings/client.rs`).
pub fn activities_request_key(query: &ActivitiesQuery) -> String {
    first_answers::request_key("/api/activities", &query.pairs())
}

/// The page of the activities that `query` (as the page's URL gives it, already found valid)
/// lists: `list` (the API answer, and its JSON, which the page carries).
pub fn activities_page(
    shell: &Shell,
    query: &ActivitiesQuery,
    list: &[Activity],
    json: String,
) -> String {
    let w = &*WORDS;
    let carried = [(activities_request_key(query), json)];
    let screen = activities_screen(w, query, list);
    let heading = w.get("all_activities_heading");
    shell.page(
        Some(heading),
        Some(Page::Activities),
        Start::OnFirstUse,
        screen,
        &carried,
    )
}

/// `ActivitiesPage` in `src/meetings/pages/activities.rs`.
fn activities_screen(w: &Words, query: &ActivitiesQuery, list: &[Activity]) -> Markup {
    let given = |value: &Option<String>| value.clone().unwrap_or_default();
    let (district, kind, date) = (
        given(&query.district),
        given(&query.kind),
        given(&query.date),
    );
    let any_date = ActivitiesQuery {
        date: None,
        ..query.clone()
    };
    html! {
        h1 { (w.get("all_activities_heading")) }
        form.filters {
            div.field {
                label for="activities-district" { (w.get("district_label")) }
                select #activities-district name="district" {
                    option value="" { (w.get("all_districts")) }
                    @for d in District::ALL {
                        option value=(d.code()) selected[district == d.code()] { (d.name_zh()) }
                    }
                }
            }
            div.field-row {
                div.field {
                    label for="activities-kind" { (w.get("activity_kind_label")) }
                    select #activities-kind name="kind" {
                        option value="" { (w.get("all_kinds")) }
                        @for k in ActivityKind::ALL {
                            option value=(k.code()) selected[kind == k.code()] {
                                (kind_name(w, k))
                            }
                        }
                    }
                }
                div.field {
                    label for="activities-date" { (w.get("activity_date")) }
                    input #activities-date name="date" type="date" value=(date);
                }
            }
            @if !date.is_empty() {
                a.button.button--link href=(any_date.page_href()) { (w.get("any_date")) }
            }
            button.button.filters__submit type="submit" { (w.get("show_button")) }
        }
        p.result-count role="status" { (w.count("activities_count", list.len() as u64)) }
        @if list.is_empty() {
            p { (w.get("no_activities")) }
        }
        ul.activities {
            @for activity in list {
                (activity_item(w, activity, true))
            }
        }
    }
}

/// `ActivityItem` and `ActivityWhen` in `src/meetings/components/activity_list.rs`, in the list
/// of every home's activities (`with_home`, which names the home) or of one home's; Chinese
/// writes dates and times as they are.
pub fn activity_item(w: &Words, activity: &Activity, with_home: bool) -> Markup {
    let when = format!("{} {}–{}", activity.date, activity.start, activity.end);
    let weekday = weekday_of(&activity.date).map_or("", |day| w.get(WEEKDAYS[day]));
    let names = activity
        .on_duty
        .iter()
        .map(|d| d.display_name.as_str())
        .collect::<Vec<_>>()
        .join("、");
    let seats = activity.seats_left;
    html! {
        li.activity.activity--cancelled[activity.cancel_reason.is_some()] {
            p.activity__when { (when) " " (weekday) }
            p.activity__what {
                span.tag { (kind_name(w, activity.kind)) }
                " "
                (activity.topic)
            }
            @if with_home && !activity.home_name.is_empty() {
                p.activity__home { (activity.home_name) }
            }
            @if !names.is_empty() {
                p { (w.fill("on_duty", &[("names", &names)])) }
            }
            @if let Some(reason) = &activity.cancel_reason {
                p.activity__cancelled { (w.fill("cancelled", &[("reason", reason)])) }
            } @else {
                div.activity__book {
                    span.hint {
                        @if seats > 0 {
                            (w.count("seats_left", u64::from(seats)))
                        } @else {
                            (w.get("activity_full"))
                        }
                    }
                    a.button.button--primary href=(Page::Book(activity.id.clone()).path()) {
                        (w.get(if seats > 0 { "book_button" } else { "join_waitlist" }))
                    }
                }
            }
        }
    }
}

fn kind_name(w: &Words, kind: ActivityKind) -> &str {
    w.get(&format!("activity_kind_{}", kind.code()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::platform::first_screen::tests::BUILT;
    use deputy_homes_api::meetings::activity::OnDuty;

    fn activity(id: &str, seats_left: u32, cancel_reason: Option<&str>) -> Activity {
        Activity {
            id: id.into(),
            home_id: "xc-01".into(),
            home_name: "新城区<之家>".into(),
            kind: ActivityKind::Reception,
            date: "2026-11-30".into(),
            start: "09:00".into(),
            end: "11:30".into(),
            starts_at_ms: 0,
            capacity: 10,
            seats_left,
            topic: "停车".into(),
            on_duty: vec![
                OnDuty {
                    account_id: "a".into(),
                    display_name: "王代表".into(),
                },
                OnDuty {
                    account_id: "b".into(),
                    display_name: "李代表".into(),
                },
            ],
            cancel_reason: cancel_reason.map(str::to_owned),
        }
    }

    #[test]
    fn an_activity_says_when_who_and_how_to_book_or_why_not() {
        let list = [
            activity("open", 1, None),
            activity("full", 0, None),
            activity("off", 3, Some("下雪")),
        ];
        let query = ActivitiesQuery {
            date: Some("2026-11-30".into()),
            ..ActivitiesQuery::default()
        };
        let page = activities_page(&Shell::new(BUILT).unwrap(), &query, &list, "[]".into());
        for part in [
            "<title>近期活动 · 呼和浩特人大代表之家</title>",
            "<p class=\"result-count\" role=\"status\">共 3 场活动</p>",
            "<p class=\"activity__when\">2026-11-30 09:00–11:30 周一</p>",
            "<p class=\"activity__what\"><span class=\"tag\">接待日</span> 停车</p>",
            "<p class=\"activity__home\">新城区&lt;之家&gt;</p>",
            "<p>值班代表：王代表、李代表</p>",
            "<span class=\"hint\">剩余 1 个名额</span><a class=\"button button--primary\" href=\"/activities/open/book\">预约</a>",
            "<span class=\"hint\">已约满，可排队候补</span><a class=\"button button--primary\" href=\"/activities/full/book\">排队候补</a>",
            "<li class=\"activity activity--cancelled\">",
            "<p class=\"activity__cancelled\">已取消：下雪</p>",
            // A date chosen: the way back to any date, and the date in its field.
            "<a class=\"button button--link\" href=\"/activities\">不限日期</a>",
            "type=\"date\" value=\"2026-11-30\"",
        ] {
            assert!(page.contains(part), "{part} in {page}");
        }
        assert_eq!(page.matches("href=\"/activities/off/book\"").count(), 0);
    }
}
