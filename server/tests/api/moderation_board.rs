//! The public board shows only published opinions whose authors allowed it, without personal
//! data; statistics are right on a small known set.

use crate::bookings::bad_field;
use crate::bookings::{mobile, now_ms, PHONE};
use crate::helpers::{json_body, on_both_databases, TestApp};
use crate::moderation::{acted, new_opinion, rate, replied, staff_get};
use crate::notifications::staff;
use deputy_homes_api::meetings::activity::civil_from_days;
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_databases!(
    the_public_board_shows_published_allowed_opinions_without_personal_data,
    statistics_of_a_small_known_set,
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

async fn statistics_of_a_small_known_set(app: TestApp) {
    let staff = staff(&app).await;
    let on_time = new_opinion(&app, Some(PHONE), json!({})).await;
    replied(&app, &staff, &on_time).await;
    let rating = json!({ "rating": "satisfied", "phone_last4": "8000" });
    json_body(rate(&app, &on_time, rating).await, StatusCode::OK).await;
    acted(&app, &staff, &on_time, "publish", json!({})).await;
    let late = new_opinion(
        &app,
        Some(&mobile("1390000", 1)),
        json!({ "allow_publish": false }),
    )
    .await;
    replied(&app, &staff, &late).await;
    let rating = json!({ "rating": "not", "phone_last4": "0001" });
    json_body(rate(&app, &late, rating).await, StatusCode::OK).await;
    acted(&app, &staff, &late, "close", json!({})).await;
    let overdue = new_opinion(
        &app,
        None,
        json!({ "category": "health", "home_id": "hm-01" }),
    )
    .await;
    acted(&app, &staff, &overdue, "accept", json!({})).await;
    acted(
        &app,
        &staff,
        &overdue,
        "assign",
        json!({ "unit_ids": ["u-wjw"] }),
    )
    .await;
    new_opinion(
        &app,
        Some(&mobile("1390000", 2)),
        json!({ "home_id": null }),
    )
    .await;

    // Known times: submitted at t0, assigned a day later, due ten days after t0; one reply
    // after 4 days (on time), one after 12 (late); the third is past its due date.
    let t0 = now_ms() - 30 * DAY;
    let pool = app.sql().await;
    for (tracking, replied_after) in [(&on_time, Some(4)), (&late, Some(12)), (&overdue, None)] {
        sqlx::query(
            "UPDATE opinions SET created_at_ms = $1, due_at_ms = $2, replied_at_ms = $3 \
             WHERE tracking_number = $4",
        )
        .bind(t0)
        .bind(t0 + 10 * DAY)
        .bind(replied_after.map(|d: i64| t0 + d * DAY))
        .bind(tracking.as_str())
        .execute(&pool)
        .await
        .expect("times are set");
    }
    sqlx::query("UPDATE opinion_units SET assigned_at_ms = $1")
        .bind(t0 + DAY)
        .execute(&pool)
        .await
        .expect("assignment times are set");

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
    assert_eq!(stats["median_days_to_reply"], 8.0);
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
            transport["median_days_to_reply"].clone(),
        ),
        (json!(2), json!(2), json!(0.5), json!(7.0))
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
    let now = now_ms();
    let this_year = year_of(now);
    sqlx::query("UPDATE opinions SET created_at_ms = $1 WHERE tracking_number = $2")
        .bind(1_623_000_000_000_i64) // 2021-06-06
        .bind(overdue.as_str())
        .execute(&pool)
        .await
        .expect("one opinion moves to 2021");
    let in_2021 = public(&app, "/api/public/stats?year=2021").await;
    assert_eq!(
        (in_2021["total"].clone(), in_2021["year"].clone()),
        (json!(1), json!(2021))
    );
    assert_eq!(
        in_2021["by_category"],
        json!([{ "key": "health", "count": 1 }])
    );
    // Two opinions were submitted at t0 (30 days ago), one now, one moved to 2021.
    let mut years = vec![year_of(t0), this_year, 2021];
    years.sort_unstable_by(|a, b| b.cmp(a));
    years.dedup();
    assert_eq!(in_2021["years"], json!(years));
    let this = public(&app, &format!("/api/public/stats?year={this_year}")).await;
    let expected = 1 + 2 * u64::from(year_of(t0) == this_year);
    assert_eq!(this["total"], expected);
    assert_eq!(public(&app, "/api/public/stats").await["total"], 4);
    let staff_2021 = staff_get(&app, &staff, "/api/staff/stats?year=2021").await;
    assert_eq!(
        staff_2021["by_home"],
        json!([{ "key": "hm-01", "count": 1 }])
    );
    for (query, field) in [("year=1999", "year"), ("year=next", "year")] {
        let response = app
            .send(app.get(&format!("/api/public/stats?{query}")))
            .await;
        bad_field(response, field, query).await;
    }
}
