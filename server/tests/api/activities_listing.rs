//! The public list of upcoming activities of every home, with its filters, and one activity by
//! id; each shows its home's name and the seats left.

use crate::activities::{date_in, home_name};
use crate::activity_edit::{edit, edit_body};
use crate::booking_moves::move_to;
use crate::bookings::{
    activity, activity_from_noon, booked, cancelled, code_of, delegate, ends_at_ms, noon_tomorrow,
    with, PHONE,
};
use crate::helpers::OtherServer;
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    the_public_list_shows_every_homes_upcoming_activities_soonest_first_with_seats_left,
    the_list_filters_by_district_kind_date_and_home_and_combines_them,
    unknown_filter_values_are_a_400_naming_the_parameter,
    the_list_holds_at_most_200_activities,
    one_activity_is_found_by_id_and_an_unknown_one_is_a_json_404,
    the_kept_lists_follow_each_change_at_once_on_every_server,
);

/// Publishes one activity at a home as this browser; returns it.
async fn publish(app: &TestApp, browser: &Browser, home: &str, changes: Value) -> Value {
    let body = with(
        json!({
            "kind": "reception",
            "date": date_in(10),
            "start": "09:00",
            "end": "11:30",
            "capacity": 2,
            "topic": "社区停车难",
        }),
        changes,
    );
    let request = browser
        .signed(app.request(Method::POST, &format!("/api/homes/{home}/activities")))
        .json(&body);
    let created = json_body(app.send(request).await, StatusCode::CREATED).await;
    created[0].clone()
}

/// `GET /api/activities` with a query; must be 200.
async fn listed(app: &TestApp, query: &[(&str, &str)]) -> Vec<Value> {
    let response = app.send(app.get("/api/activities").query(query)).await;
    json_body(response, StatusCode::OK)
        .await
        .as_array()
        .unwrap_or_else(|| panic!("the list for {query:?} is not an array"))
        .clone()
}

fn ids(list: &[Value]) -> Vec<&str> {
    list.iter()
        .map(|a| a["id"].as_str().expect("an id"))
        .collect()
}

fn id(activity: &Value) -> &str {
    activity["id"].as_str().expect("an id")
}

/// Four activities at two homes in two districts: (xc-02 reception day 10, xc-02 duty report
/// day 12, yq-01 training day 10 at 14:00, yq-01 reception day 11).
async fn four_activities(app: &TestApp) -> [Value; 4] {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    app.create_account("yuan", Role::Delegate, None, &["yq-01"])
        .await;
    let wang = app.sign_in("wang", crate::helpers::PASSWORD).await;
    let yu = app.sign_in("yuan", crate::helpers::PASSWORD).await;
    let duty = publish(
        app,
        &wang,
        "xc-02",
        json!({ "kind": "duty_report", "date": date_in(12) }),
    )
    .await;
    let reception = publish(app, &wang, "xc-02", json!({})).await;
    let yq_reception = publish(app, &yu, "yq-01", json!({ "date": date_in(11) })).await;
    let training = publish(
        app,
        &yu,
        "yq-01",
        json!({ "kind": "training", "start": "14:00", "end": "15:00" }),
    )
    .await;
    [reception, duty, training, yq_reception]
}

async fn the_public_list_shows_every_homes_upcoming_activities_soonest_first_with_seats_left(
    app: TestApp,
) {
    let [reception, duty, training, yq_reception] = four_activities(&app).await;
    assert_eq!(reception["home_name"], home_name("xc-02"));
    assert_eq!(training["home_name"], home_name("yq-01"));
    assert_ne!(home_name("xc-02"), home_name("yq-01"));
    assert_eq!(reception["seats_left"], 2);

    let wang = app.sign_in("wang", crate::helpers::PASSWORD).await;
    let ongoing = activity_from_noon(&app, &wang, -30, 5).await;
    let ended = activity_from_noon(&app, &wang, -120, 5).await;
    app.move_clock_to(noon_tomorrow());
    let list = listed(&app, &[]).await;
    assert_eq!(
        ids(&list),
        [
            ongoing.as_str(),
            id(&reception),
            id(&training),
            id(&yq_reception),
            id(&duty)
        ],
        "soonest first across homes; the ended one ({ended}) is gone, the ongoing one stays"
    );

    booked(&app, id(&reception), PHONE, "booked").await;
    let one_left = &listed(&app, &[]).await[1];
    assert_eq!(one_left["seats_left"], 1);
    booked(&app, id(&reception), "13900139000", "booked").await;
    booked(&app, id(&reception), "13700137000", "waitlisted").await;
    let full = &listed(&app, &[]).await[1];
    assert_eq!(
        full["seats_left"], 0,
        "a waitlist does not make it negative"
    );
    let mut expected = reception.clone();
    expected["seats_left"] = json!(0);
    assert_eq!(full, &expected, "otherwise what publishing answered");

    let request = app
        .sign_in("wang", crate::helpers::PASSWORD)
        .await
        .signed(app.request(
            Method::POST,
            &format!("/api/activities/{}/cancel", id(&duty)),
        ))
        .json(&json!({ "reason": "代表外出开会" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    let list = listed(&app, &[]).await;
    assert_eq!(list.len(), 5, "a cancelled activity stays listed");
    assert_eq!(list[4]["cancel_reason"], "代表外出开会");
}

/// Query parameters as name and value.
type Query<'a> = &'a [(&'a str, &'a str)];

async fn the_list_filters_by_district_kind_date_and_home_and_combines_them(app: TestApp) {
    let [reception, duty, training, yq_reception] = four_activities(&app).await;
    let cases: [(Query, Vec<&str>); 8] = [
        (&[("district", "xincheng")], vec![id(&reception), id(&duty)]),
        (
            &[("district", "yuquan")],
            vec![id(&training), id(&yq_reception)],
        ),
        (&[("district", "saihan")], vec![]),
        (
            &[("kind", "reception")],
            vec![id(&reception), id(&yq_reception)],
        ),
        (
            &[("date", &date_in(10))],
            vec![id(&reception), id(&training)],
        ),
        (&[("home", "yq-01")], vec![id(&training), id(&yq_reception)]),
        (
            &[("district", "yuquan"), ("kind", "reception")],
            vec![id(&yq_reception)],
        ),
        (
            &[
                ("date", &date_in(10)),
                ("home", "xc-02"),
                ("kind", "reception"),
            ],
            vec![id(&reception)],
        ),
    ];
    for (query, expected) in cases {
        assert_eq!(ids(&listed(&app, query).await), expected, "{query:?}");
    }
    assert_eq!(
        listed(&app, &[("district", " "), ("kind", "")]).await.len(),
        4,
        "empty parameters filter nothing"
    );
    assert_eq!(listed(&app, &[("home", "nowhere")]).await.len(), 0);
}

async fn unknown_filter_values_are_a_400_naming_the_parameter(app: TestApp) {
    for (name, value) in [
        ("district", "atlantis"),
        ("kind", "picnic"),
        ("date", "2026-02-30"),
        ("date", "tomorrow"),
    ] {
        let response = app
            .send(app.get("/api/activities").query(&[(name, value)]))
            .await;
        let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
        assert_eq!(error["field"], name, "{name}={value}: {error}");
    }
}

async fn the_list_holds_at_most_200_activities(app: TestApp) {
    app.create_account("owner", Role::Delegate, None, &["xc-02"])
        .await;
    let owner = app.sign_in("owner", crate::helpers::PASSWORD).await;
    // Eight weekly series of 26 at 08:00, 09:00 … 15:00: 208 activities.
    let mut published = Vec::new();
    for hour in 8..16 {
        let body = json!({
            "kind": "reception",
            "date": date_in(1),
            "start": format!("{hour:02}:00"),
            "end": format!("{hour:02}:30"),
            "capacity": 5,
            "topic": "topic",
            "repeat_weeks": 26,
        });
        let request = owner
            .signed(app.request(Method::POST, "/api/homes/xc-02/activities"))
            .json(&body);
        let created = json_body(app.send(request).await, StatusCode::CREATED).await;
        published.extend(created.as_array().expect("an array").iter().cloned());
    }
    assert_eq!(published.len(), 208);
    published.sort_by_key(|a| a["starts_at_ms"].as_i64().expect("a start"));
    let list = listed(&app, &[]).await;
    assert_eq!(list.len(), 200);
    assert_eq!(ids(&list), ids(&published[..200]), "the soonest 200");
}

async fn one_activity_is_found_by_id_and_an_unknown_one_is_a_json_404(app: TestApp) {
    let [reception, ..] = four_activities(&app).await;
    let response = app
        .send(app.get(&format!("/api/activities/{}", id(&reception))))
        .await;
    assert_eq!(json_body(response, StatusCode::OK).await, reception);
    let missing = app.send(app.get("/api/activities/no-such-activity")).await;
    api_error(missing, StatusCode::NOT_FOUND, "not_found").await;
}

/// What another server lists, everywhere and at `xc-02`, by activity id: `(seats left, topic,
/// cancel reason)` of each, the two lists checked to agree.
async fn seen_by(other: &OtherServer) -> Vec<(String, Value, Value, Value)> {
    let mut lists = Vec::new();
    for path in ["/api/activities", "/api/homes/xc-02/activities"] {
        let response = other
            .get(path)
            .send()
            .await
            .expect("the other server answers");
        let list = json_body(response, StatusCode::OK).await;
        let seen: Vec<(String, Value, Value, Value)> = list
            .as_array()
            .expect("a list")
            .iter()
            .map(|a| {
                (
                    id(a).to_owned(),
                    a["seats_left"].clone(),
                    a["topic"].clone(),
                    a["cancel_reason"].clone(),
                )
            })
            .collect();
        lists.push(seen);
    }
    assert_eq!(lists[0], lists[1], "the two lists agree");
    lists.swap_remove(0)
}

fn seats_of(seen: &[(String, Value, Value, Value)], activity: &str) -> Value {
    seen.iter()
        .find(|(id, ..)| id == activity)
        .map(|(_, seats, ..)| seats.clone())
        .unwrap_or_else(|| panic!("{activity} is not listed: {seen:?}"))
}

/// The public lists are kept encoded between changes (per revision of the activities): every
/// change shows at once, also on another server, whose kept lists this server's changes never
/// touched; and a listed activity leaves the list when it ends, with nothing else changing.
async fn the_kept_lists_follow_each_change_at_once_on_every_server(app: TestApp) {
    let wang = delegate(&app).await;
    let first = activity(&app, &wang, 1, 5).await;
    let second = activity(&app, &wang, 2, 6).await;
    let other = app.other_server().await;
    let seen = seen_by(&other).await;
    assert_eq!(seats_of(&seen, &first), 1);
    assert_eq!(seen_by(&other).await, seen, "read again: the same");

    let booking = code_of(&booked(&app, &first, PHONE, "booked").await);
    assert_eq!(seats_of(&seen_by(&other).await, &first), 0, "a booking");
    cancelled(&app, &booking, PHONE).await;
    assert_eq!(
        seats_of(&seen_by(&other).await, &first),
        1,
        "its cancellation"
    );

    let mover = code_of(&booked(&app, &first, PHONE, "booked").await);
    assert_eq!(seats_of(&seen_by(&other).await, &first), 0);
    json_body(move_to(&app, &mover, PHONE, &second).await, StatusCode::OK).await;
    let seen = seen_by(&other).await;
    assert_eq!(
        (seats_of(&seen, &first), seats_of(&seen, &second)),
        (json!(1), json!(1)),
        "a move"
    );

    let edited = json_body(
        edit(&app, &wang, &second, &edit_body(6, 3)).await,
        StatusCode::OK,
    )
    .await;
    let seen = seen_by(&other).await;
    let (_, seats, topic, _) = seen.iter().find(|(id, ..)| *id == second).expect("listed");
    assert_eq!((seats, topic), (&json!(2), &edited["topic"]), "an edit");

    let request = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{first}/cancel")))
        .json(&json!({ "reason": "代表外出开会" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    let seen = seen_by(&other).await;
    let (.., reason) = seen.iter().find(|(id, ..)| *id == first).expect("listed");
    assert_eq!(reason, "代表外出开会", "a cancellation");

    let third = activity(&app, &wang, 4, 7).await;
    assert_eq!(
        seats_of(&seen_by(&other).await, &third),
        4,
        "a new activity"
    );

    // This server's own list, read (and kept) before the first activity ends, then after.
    assert!(ids(&listed(&app, &[]).await).contains(&first.as_str()));
    app.move_clock_to(ends_at_ms(&app, &first).await);
    let list = listed(&app, &[]).await;
    assert_eq!(
        ids(&list),
        [second.as_str(), third.as_str()],
        "the ended one left"
    );
}
