//! The public board shows only published opinions whose authors allowed it, without personal
//! data; statistics are right on a small known set.

use crate::bookings::bad_field;
use crate::bookings::{mobile, PHONE};
use crate::helpers::{json_body, on_both_databases, Browser, TestApp, PASSWORD};
use crate::moderation::{acted, new_opinion, rate, replied, staff_get};
use crate::notifications::staff;
use deputy_homes_api::meetings::activity::{
    civil_from_days, days_from_civil, parse_date, shanghai_ms,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    the_public_board_shows_published_allowed_opinions_without_personal_data,
    statistics_of_a_small_known_set,
    statistics_follow_each_change_at_once,
);

const DAY: i64 = 86_400_000;

async fn public(app: &TestApp, path: &str) -> Value {
    json_body(app.send(app.get(path)).await, StatusCode::OK).await
}

async fn the_public_board_shows_published_allowed_opinions_without_personal_data(app: TestApp) {
    let staff = staff(&app).await;
    let shown = new_opinion(&app, Some(PHONE), json!({})).await;
    replied(&app, &staff, &shown).await;
    acted(&app, &staff, &shown, "publish", json!({})).await;
    let private = new_opinion(
        &app,
        Some(&mobile("1390000", 1)),
        json!({ "allow_publish": false }),
    )
    .await;
    replied(&app, &staff, &private).await;
    acted(&app, &staff, &private, "close", json!({})).await;
    let waiting = new_opinion(&app, Some(&mobile("1390000", 2)), json!({})).await;
    replied(&app, &staff, &waiting).await;
    let health = new_opinion(
        &app,
        Some(&mobile("1390000", 3)),
        json!({ "category": "health", "title": "社区医院挂号排队长", "body": "挂号要排一个多小时，希望增加窗口。" }),
    )
    .await;
    replied(&app, &staff, &health).await;
    acted(&app, &staff, &health, "publish", json!({})).await;

    let board = public(&app, "/api/public/opinions").await;
    assert_eq!(board["total"], 2);
    let listed: Vec<&str> = board["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["tracking_number"].as_str().unwrap())
        .collect();
    assert_eq!(listed, [health.as_str(), shown.as_str()]);
    for item in board["items"].as_array().unwrap() {
        let keys: Vec<&String> = item.as_object().unwrap().keys().collect();
        for personal in [
            "contact",
            "name",
            "phone",
            "phone_masked",
            "location",
            "lat",
            "lon",
            "home_id",
            "photos",
            "private_token",
        ] {
            assert!(
                !item.as_object().unwrap().contains_key(personal),
                "{personal} in {keys:?}"
            );
        }
        assert_eq!(item["units"], json!(["市交通运输局"]));
        assert_eq!(item["reply_class"], "A");
    }
    let text = board.to_string();
    for secret in [PHONE, "8000", "张三", "40.842", "111.685"] {
        assert!(!text.contains(secret), "the board shows {secret}: {text}");
    }
    let health_only = public(&app, "/api/public/opinions?category=health").await;
    assert_eq!(health_only["total"], 1);
    assert_eq!(health_only["items"][0]["tracking_number"], health.as_str());
}

/// Accepts an opinion and assigns it to a unit; the due day, as a day count.
async fn assigned(app: &TestApp, staff: &Browser, tracking: &str, unit: &str) -> i64 {
    acted(app, staff, tracking, "accept", json!({})).await;
    let view = acted(
        app,
        staff,
        tracking,
        "assign",
        json!({ "unit_ids": [unit] }),
    )
    .await;
    parse_date(view["summary"]["due_date"].as_str().expect("a due date")).expect("a date")
}

/// The unit acknowledges an assigned opinion and replies (class A).
async fn answered(app: &TestApp, staff: &Browser, tracking: &str) {
    acted(app, staff, tracking, "acknowledge", json!({})).await;
    let reply = json!({ "class": "A", "text": "已在该站台加装遮阳棚。" });
    acted(app, staff, tracking, "reply", reply).await;
}

/// Checks a number of days to within a minute and a half (requests take a little time).
fn about_days(value: &Value, days: f64) {
    let found = value
        .as_f64()
        .unwrap_or_else(|| panic!("not a number: {value}"));
    assert!((found - days).abs() < 0.001, "{found} days, not {days}");
}

async fn statistics_of_a_small_known_set(app: TestApp) {
    // Known times: four opinions are sent at t0; three are assigned a day later; one reply comes
    // 4 days after t0 (on time), one the day after the due date (late); the third is then past
    // its due date.
    staff(&app).await;
    let t0 = app.clock.now_ms();
    let on_time = new_opinion(&app, Some(PHONE), json!({})).await;
    let late = new_opinion(
        &app,
        Some(&mobile("1390000", 1)),
        json!({ "allow_publish": false }),
    )
    .await;
    let overdue = new_opinion(
        &app,
        None,
        json!({ "category": "health", "home_id": "hm-01" }),
    )
    .await;
    new_opinion(
        &app,
        Some(&mobile("1390000", 2)),
        json!({ "home_id": null }),
    )
    .await;

    app.move_clock_to(t0 + DAY);
    let staff = app.sign_in("staff", PASSWORD).await;
    let due = assigned(&app, &staff, &on_time, "u-jtj").await;
    assert_eq!(assigned(&app, &staff, &late, "u-jtj").await, due);
    assert_eq!(assigned(&app, &staff, &overdue, "u-wjw").await, due);

    app.move_clock_to(t0 + 4 * DAY);
    let staff = app.sign_in("staff", PASSWORD).await;
    answered(&app, &staff, &on_time).await;
    let rating = json!({ "rating": "satisfied" });
    json_body(rate(&app, &on_time, PHONE, rating).await, StatusCode::OK).await;
    acted(&app, &staff, &on_time, "publish", json!({})).await;

    // The due day ends at midnight after it; the late reply comes on a later day.
    let late_days = (shanghai_ms(due + 1, 0) - t0).div_euclid(DAY) + 1;
    app.move_clock_to(t0 + late_days * DAY);
    let staff = app.sign_in("staff", PASSWORD).await;
    answered(&app, &staff, &late).await;
    let rating = json!({ "rating": "not" });
    let late_phone = mobile("1390000", 1);
    json_body(rate(&app, &late, &late_phone, rating).await, StatusCode::OK).await;
    acted(&app, &staff, &late, "close", json!({})).await;

    let stats = staff_get(&app, &staff, "/api/staff/stats").await;
    assert_eq!(stats["total"], 4);
    assert_eq!(
        stats["by_status"],
        json!([
            { "key": "submitted", "count": 1 },
            { "key": "assigned", "count": 1 },
            { "key": "published", "count": 1 },
            { "key": "closed", "count": 1 },
        ])
    );
    assert_eq!(
        stats["by_category"],
        json!([{ "key": "transport", "count": 3 }, { "key": "health", "count": 1 }])
    );
    assert_eq!(
        stats["by_district"],
        json!([
            { "key": "huimin", "count": 1 },
            { "key": "none", "count": 1 },
            { "key": "xincheng", "count": 2 },
        ])
    );
    assert_eq!(stats["overdue"], 1);
    // From sending to reply: 4 days and `late_days`.
    let late_days = late_days as f64;
    about_days(&stats["median_days_to_reply"], (4.0 + late_days) / 2.0);
    assert_eq!(stats["on_time_share"], 0.5);
    assert_eq!(
        stats["satisfaction"],
        json!({ "rated": 2, "satisfied": 0.5, "fairly": 0.0, "not": 0.5 })
    );
    let units = stats["units"].as_array().unwrap();
    assert_eq!(units.len(), 2);
    let transport = units.iter().find(|u| u["unit_id"] == "u-jtj").unwrap();
    assert_eq!(
        (
            transport["assigned"].clone(),
            transport["replied"].clone(),
            transport["on_time_share"].clone(),
        ),
        (json!(2), json!(2), json!(0.5))
    );
    // From assignment to reply: a day less.
    about_days(
        &transport["median_days_to_reply"],
        (3.0 + late_days - 1.0) / 2.0,
    );
    assert_eq!(transport["satisfaction"]["rated"], 2);
    let health = units.iter().find(|u| u["unit_id"] == "u-wjw").unwrap();
    assert_eq!(
        (health["assigned"].clone(), health["replied"].clone()),
        (json!(1), json!(0))
    );
    assert!(health.get("on_time_share").is_none(), "no reply, no share");

    // Staff also see the counts per home, most first; the public answer has everything else.
    let by_home = stats["by_home"]
        .as_array()
        .expect("staff get per-home counts");
    let counted: Vec<u64> = by_home
        .iter()
        .map(|n| n["count"].as_u64().unwrap())
        .collect();
    assert_eq!(counted, [2, 1], "{by_home:?}");
    assert_eq!(by_home[1]["key"], "hm-01");
    let mut public_stats = public(&app, "/api/public/stats").await;
    assert!(
        public_stats.get("by_home").is_none(),
        "no per-home counts in public"
    );
    public_stats["by_home"] = stats["by_home"].clone();
    assert_eq!(public_stats, stats);

    // A year limits the figures to the opinions submitted in it; every year stays choosable.
    let year_of = |ms: i64| civil_from_days((ms.div_euclid(60_000) + 8 * 60).div_euclid(1440)).0;
    let first_year = year_of(t0);
    let next_year = first_year + 1;
    let new_year = shanghai_ms(days_from_civil(next_year, 1, 1), 0);
    if app.clock.now_ms() < new_year {
        app.move_clock_to(new_year + 3_600_000);
    }
    let staff = app.sign_in("staff", PASSWORD).await;
    new_opinion(
        &app,
        None,
        json!({ "category": "health", "home_id": "hm-01" }),
    )
    .await;
    let in_next = public(&app, &format!("/api/public/stats?year={next_year}")).await;
    assert_eq!(
        (in_next["total"].clone(), in_next["year"].clone()),
        (json!(1), json!(next_year))
    );
    assert_eq!(
        in_next["by_category"],
        json!([{ "key": "health", "count": 1 }])
    );
    assert_eq!(in_next["years"], json!([next_year, first_year]));
    let first = public(&app, &format!("/api/public/stats?year={first_year}")).await;
    assert_eq!(first["total"], 4);
    assert_eq!(public(&app, "/api/public/stats").await["total"], 5);
    let staff_next = staff_get(&app, &staff, &format!("/api/staff/stats?year={next_year}")).await;
    assert_eq!(
        staff_next["by_home"],
        json!([{ "key": "hm-01", "count": 1 }])
    );
    for (query, field) in [("year=1999", "year"), ("year=next", "year")] {
        let response = app
            .send(app.get(&format!("/api/public/stats?{query}")))
            .await;
        bad_field(response, field, query).await;
    }
}

/// The statistics and the public board are kept per data revision (`stats_cache`): each kind of
/// change shows in the next answer, and the count of overdue opinions follows the clock without
/// any change.
async fn statistics_follow_each_change_at_once(app: TestApp) {
    let staff = staff(&app).await;
    let stats = || public(&app, "/api/public/stats");
    assert_eq!(stats().await["total"], 0);

    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    let seen = stats().await;
    assert_eq!(seen["total"], 1, "a submission shows");
    assert_eq!(
        seen["by_status"],
        json!([{ "key": "submitted", "count": 1 }])
    );

    let due = assigned(&app, &staff, &tracking, "u-jtj").await;
    let seen = stats().await;
    assert_eq!(
        seen["by_status"],
        json!([{ "key": "assigned", "count": 1 }])
    );
    assert_eq!(
        seen["units"][0]["name"], "市交通运输局",
        "an assignment shows"
    );
    assert_eq!(seen["overdue"], 0);

    let rename = staff.signed(
        app.request(Method::PUT, "/api/units/u-jtj")
            .json(&json!({ "name": "市交通运输局（改名）" })),
    );
    json_body(app.send(rename).await, StatusCode::OK).await;
    assert_eq!(
        stats().await["units"][0]["name"],
        "市交通运输局（改名）",
        "a unit's new name shows"
    );

    // Past the due day, with no change in the data, the opinion counts as overdue.
    app.move_clock_to(shanghai_ms(due + 1, 0) + DAY);
    assert_eq!(
        stats().await["overdue"],
        1,
        "the clock moves the overdue count"
    );
    let staff = app.sign_in("staff", PASSWORD).await;
    answered(&app, &staff, &tracking).await;
    let seen = stats().await;
    assert_eq!(seen["overdue"], 0, "a reply shows");
    assert_eq!(seen["on_time_share"], 0.0);
    json_body(
        rate(&app, &tracking, PHONE, json!({ "rating": "fairly" })).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(stats().await["satisfaction"]["rated"], 1, "a rating shows");

    // The public board is kept per the same revision: publishing shows at once, and so does a
    // unit's new name on a published opinion.
    let board = || public(&app, "/api/public/opinions");
    assert_eq!(board().await["total"], 0);
    acted(&app, &staff, &tracking, "publish", json!({})).await;
    let shown = board().await;
    assert_eq!(shown["total"], 1, "publishing shows on the board");
    assert_eq!(shown["items"][0]["units"], json!(["市交通运输局（改名）"]));
    let rename = staff.signed(
        app.request(Method::PUT, "/api/units/u-jtj")
            .json(&json!({ "name": "市交通局" })),
    );
    json_body(app.send(rename).await, StatusCode::OK).await;
    assert_eq!(board().await["items"][0]["units"], json!(["市交通局"]));

    // The audit log's count is kept until an entry is written.
    let audit = |path: &'static str| staff_get(&app, &staff, path);
    let before = audit("/api/staff/audit").await["total"].as_u64().unwrap();
    let on_it = audit("/api/staff/audit?target=unit:u-jtj").await["total"]
        .as_u64()
        .unwrap();
    assert_eq!(on_it, 2, "two renames");
    let rename = staff.signed(
        app.request(Method::PUT, "/api/units/u-jtj")
            .json(&json!({ "name": "市交通运输局" })),
    );
    json_body(app.send(rename).await, StatusCode::OK).await;
    assert_eq!(audit("/api/staff/audit").await["total"], before + 1);
    assert_eq!(
        audit("/api/staff/audit?target=unit:u-jtj").await["total"],
        3
    );

    // So is the unfiltered queue's, until an opinion comes in.
    assert_eq!(audit("/api/staff/opinions").await["total"], 1);
    new_opinion(&app, Some(&mobile("1390000", 5)), json!({})).await;
    let queue = audit("/api/staff/opinions").await;
    assert_eq!(queue["total"], 2, "a new opinion is counted at once");
    assert_eq!(queue["items"].as_array().unwrap().len(), 2);
}
