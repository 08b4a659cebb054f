//! Delegates edit an activity: date, time, capacity, topic, delegates on duty. Everyone booked or
//! waiting is told of a new time; more seats go to the waitlist in order; fewer seats than are
//! booked is refused.

use crate::activities::date_in;
use crate::bookings::{
    activity, activity_from_noon, bad_field, booked, booked_count, code_of, delegate, mobile,
    noon_tomorrow, status_of, with, PHONE,
};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::notifications::{kinds, messages_for, staff};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    the_homes_delegate_moves_an_activity_and_everyone_booked_or_waiting_is_told,
    more_seats_go_to_the_waitlist_in_order_and_a_new_topic_alone_tells_no_one,
    the_capacity_cannot_drop_below_the_seats_booked,
    cancelled_activities_are_a_409_and_started_ones_a_400,
    an_edit_follows_the_rules_of_publishing_and_changes_nothing_when_refused,
    only_staff_and_the_homes_delegates_edit_with_the_anti_forgery_token,
);

/// A valid edit: `days` from today, 14:00–15:30, this capacity.
pub(crate) fn edit_body(days: i64, capacity: u32) -> Value {
    json!({
        "date": date_in(days),
        "start": "14:00",
        "end": "15:30",
        "capacity": capacity,
        "topic": "老旧小区改造",
    })
}

fn edit_path(id: &str) -> String {
    format!("/api/activities/{id}")
}

/// `PUT /api/activities/{id}` as this browser with its token; whatever the answer.
pub(crate) async fn edit(app: &TestApp, browser: &Browser, id: &str, body: &Value) -> Response {
    let request = browser
        .signed(app.request(Method::PUT, &edit_path(id)))
        .json(body);
    app.send(request).await
}

async fn public(app: &TestApp, id: &str) -> Value {
    json_body(app.send(app.get(&edit_path(id))).await, StatusCode::OK).await
}

async fn the_homes_delegate_moves_an_activity_and_everyone_booked_or_waiting_is_told(app: TestApp) {
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 2, 10).await;
    let phones = [PHONE, "13900139000", "13700137000", "13600136000"];
    let mut codes = Vec::new();
    for (phone, status) in phones.iter().zip(["booked", "booked", "waitlisted"]) {
        codes.push(code_of(&booked(&app, &id, phone, status).await));
    }
    let gone = code_of(&booked(&app, &id, phones[3], "waitlisted").await);
    crate::bookings::cancelled(&app, &gone, phones[3]).await;

    let response = edit(&app, &wang, &id, &edit_body(11, 2)).await;
    let edited = json_body(response, StatusCode::OK).await;
    assert_eq!(edited["date"], date_in(11));
    assert_eq!(
        (&edited["start"], &edited["end"]),
        (&json!("14:00"), &json!("15:30"))
    );
    assert_eq!(edited["topic"], "老旧小区改造");
    assert_eq!(
        (&edited["capacity"], &edited["seats_left"]),
        (&json!(2), &json!(0))
    );
    assert_eq!(
        edited["on_duty"][0]["account_id"], wang.account["id"],
        "duty kept"
    );
    assert_eq!(public(&app, &id).await, edited, "stored as answered");

    for code in &codes {
        let list = messages_for(&app, &staff, code).await;
        assert_eq!(kinds(&list), ["change", "confirmation"], "{code}");
        let change = list
            .iter()
            .find(|m| m["kind"] == "change")
            .expect("a change");
        let text = change["message"].as_str().expect("a message");
        assert!(
            text.contains(&date_in(11)) && text.contains("14:00") && text.contains(code),
            "{text}"
        );
    }
    assert_eq!(
        kinds(&messages_for(&app, &staff, &gone).await),
        ["cancellation", "confirmation"],
        "a cancelled booking is not told"
    );
}

async fn more_seats_go_to_the_waitlist_in_order_and_a_new_topic_alone_tells_no_one(app: TestApp) {
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 10).await;
    let seated = code_of(&booked(&app, &id, PHONE, "booked").await);
    let mut waiting = Vec::new();
    for i in 0..3 {
        let phone = mobile("1392222", i);
        waiting.push((
            code_of(&booked(&app, &id, &phone, "waitlisted").await),
            phone,
        ));
    }
    let same_time = json!({
        "date": date_in(10),
        "start": "09:00",
        "end": "11:30",
        "capacity": 3,
        "topic": "新的议题",
    });
    let edited = json_body(edit(&app, &wang, &id, &same_time).await, StatusCode::OK).await;
    assert_eq!(
        (&edited["capacity"], &edited["seats_left"]),
        (&json!(3), &json!(0))
    );
    assert_eq!(
        status_of(&app, &waiting[0].0, &waiting[0].1).await,
        "booked"
    );
    assert_eq!(
        status_of(&app, &waiting[1].0, &waiting[1].1).await,
        "booked"
    );
    assert_eq!(
        status_of(&app, &waiting[2].0, &waiting[2].1).await,
        "waitlisted"
    );
    assert_eq!(booked_count(&app.sql().await, &id).await, 3);

    assert_eq!(
        kinds(&messages_for(&app, &staff, &seated).await),
        ["confirmation"]
    );
    for (code, _) in &waiting[..2] {
        let list = messages_for(&app, &staff, code).await;
        assert_eq!(kinds(&list), ["confirmation", "promotion"], "{code}");
    }
    assert_eq!(
        kinds(&messages_for(&app, &staff, &waiting[2].0).await),
        ["confirmation"]
    );
}

async fn the_capacity_cannot_drop_below_the_seats_booked(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 3, 10).await;
    booked(&app, &id, PHONE, "booked").await;
    booked(&app, &id, "13900139000", "booked").await;
    let response = edit(&app, &wang, &id, &edit_body(10, 1)).await;
    let error = api_error(response, StatusCode::CONFLICT, "limit_reached").await;
    assert_eq!(error["field"], "capacity");
    assert!(
        error["message"].as_str().is_some_and(|m| m.contains('2')),
        "says how many are booked: {error}"
    );
    assert_eq!(public(&app, &id).await["capacity"], 3, "unchanged");

    let edited = json_body(
        edit(&app, &wang, &id, &edit_body(10, 2)).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (&edited["capacity"], &edited["seats_left"]),
        (&json!(2), &json!(0))
    );
    booked(&app, &id, "13700137000", "waitlisted").await;
}

async fn cancelled_activities_are_a_409_and_started_ones_a_400(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 3, 10).await;
    let request = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{id}/cancel")))
        .json(&json!({ "reason": "下雪" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    api_error(
        edit(&app, &wang, &id, &edit_body(11, 3)).await,
        StatusCode::CONFLICT,
        "activity_cancelled",
    )
    .await;
    assert_eq!(public(&app, &id).await["date"], date_in(10));

    let started = activity_from_noon(&app, &wang, -10, 5).await;
    app.move_clock_to(noon_tomorrow());
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    crate::bookings::refused_field(
        edit(&app, &staff, &started, &edit_body(11, 5)).await,
        "activity_started",
        "id",
        "under way",
    )
    .await;
    assert_eq!(public(&app, &started).await["start"], "11:50");
}

async fn an_edit_follows_the_rules_of_publishing_and_changes_nothing_when_refused(app: TestApp) {
    let wang = delegate(&app).await;
    let li = app
        .create_account("lina", Role::Delegate, None, &["xc-01"])
        .await;
    let zhao = app
        .create_account("zhao", Role::Delegate, None, &["xc-02"])
        .await;
    let id = activity(&app, &wang, 3, 10).await;
    let before = public(&app, &id).await;
    let cases = [
        ("a past date", json!({ "date": date_in(-1) }), "date"),
        ("not a date", json!({ "date": "2026-02-30" }), "date"),
        ("an end before the start", json!({ "end": "13:00" }), "end"),
        (
            "a start that is no time",
            json!({ "start": "2pm" }),
            "start",
        ),
        ("capacity 0", json!({ "capacity": 0 }), "capacity"),
        ("capacity 501", json!({ "capacity": 501 }), "capacity"),
        ("a blank topic", json!({ "topic": "  " }), "topic"),
        (
            "a delegate of another home",
            json!({ "on_duty": [&li.id] }),
            "on_duty",
        ),
        (
            "a number as capacity text",
            json!({ "capacity": "3" }),
            "capacity",
        ),
    ];
    for (case, changes, field) in cases {
        let body = with(edit_body(11, 3), changes);
        bad_field(edit(&app, &wang, &id, &body).await, field, case).await;
    }
    let malformed = wang
        .signed(app.request(Method::PUT, &edit_path(&id)))
        .header("content-type", "application/json")
        .body("{");
    bad_field(app.send(malformed).await, "body", "malformed").await;
    assert_eq!(public(&app, &id).await, before, "nothing changed");

    let body = with(edit_body(11, 3), json!({ "on_duty": [&zhao.id] }));
    let edited = json_body(edit(&app, &wang, &id, &body).await, StatusCode::OK).await;
    assert_eq!(
        edited["on_duty"],
        json!([{ "account_id": zhao.id, "display_name": zhao.display_name }]),
        "the named delegate replaces the one before"
    );
}

async fn only_staff_and_the_homes_delegates_edit_with_the_anti_forgery_token(app: TestApp) {
    let wang = delegate(&app).await;
    let li = app.signed_in_as("lina", Role::Delegate, &["xc-01"]).await;
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    let id = activity(&app, &wang, 3, 10).await;
    let before = public(&app, &id).await;
    let body = edit_body(11, 4);

    let anonymous = app.request(Method::PUT, &edit_path(&id)).json(&body);
    api_error(
        app.send(anonymous).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    let no_token = wang
        .cookie_only(app.request(Method::PUT, &edit_path(&id)))
        .json(&body);
    api_error(
        app.send(no_token).await,
        StatusCode::FORBIDDEN,
        "csrf_rejected",
    )
    .await;
    api_error(
        edit(&app, &li, &id, &body).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    api_error(
        edit(&app, &wang, "no-such-activity", &body).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert_eq!(public(&app, &id).await, before, "nothing changed");

    let edited = json_body(edit(&app, &staff, &id, &body).await, StatusCode::OK).await;
    assert_eq!(edited["capacity"], 4, "staff may edit");
    assert_eq!(
        edited["on_duty"], before["on_duty"],
        "empty on_duty keeps the duty"
    );
}
