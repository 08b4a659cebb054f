//! Activities at a home: delegates (and staff, naming delegates) publish single or weekly
//! activities, cancel them with a reason, and anyone lists a home's upcoming ones.

use crate::helpers::{
    api_error, json_body, on_both_databases, sample_homes, Browser, TestApp, PASSWORD,
};
use crate::openapi::check_against_schema;
use deputy_homes_api::accounts::{Account, Role};
use deputy_homes_api::meetings::activity::{format_date, shanghai_ms};
use deputy_homes_api::platform::time::SHANGHAI_OFFSET_MINUTES;
use reqwest::header::{ETAG, IF_NONE_MATCH};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use std::time::{SystemTime, UNIX_EPOCH};

on_both_databases!(
    a_delegate_publishes_a_weekly_series_that_anyone_lists_soonest_first,
    the_start_and_end_are_written_back_in_the_form_they_are_stored,
    publishing_needs_a_session_and_the_anti_forgery_token_and_then_creates_nothing,
    a_delegate_of_another_home_is_forbidden_to_publish_there,
    staff_publish_only_by_naming_delegates_of_the_home_on_duty,
    a_delegate_may_put_a_fellow_delegate_of_the_home_on_duty_but_no_one_else,
    every_invalid_field_of_new_activities_is_a_400_naming_it_and_creates_nothing,
    a_malformed_activity_body_is_a_400_in_the_json_error_shape,
    activities_of_an_unknown_home_are_a_404,
    the_homes_delegate_cancels_an_activity_and_the_public_list_shows_the_reason,
    cancelling_twice_is_a_409_conflict_that_keeps_the_first_reason,
    a_cancellation_needs_a_reason_of_1_to_200_characters,
    only_the_homes_delegates_and_staff_may_cancel_and_unknown_activities_are_a_404,
    an_activity_that_has_started_cannot_be_cancelled,
    activities_that_have_ended_are_not_listed_but_ongoing_ones_are,
    activity_responses_match_their_schemas,
);

/// The Hohhot (UTC+8) day of a moment, as days since 1970-01-01.
pub(crate) fn hohhot_day(ms: i64) -> i64 {
    (ms.div_euclid(60_000) + SHANGHAI_OFFSET_MINUTES).div_euclid(1440)
}

/// The Hohhot date of a moment, `YYYY-MM-DD`.
pub(crate) fn date_of(ms: i64) -> String {
    format_date(hohhot_day(ms))
}

/// Today's date in Hohhot (UTC+8), as days since 1970-01-01, from the system clock (where the
/// app's clock starts).
fn hohhot_today() -> i64 {
    let now_ms = i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("the clock is after 1970")
            .as_millis(),
    )
    .expect("milliseconds fit an i64");
    let today = hohhot_day(now_ms);
    assert!(
        shanghai_ms(today, 0) <= now_ms && now_ms < shanghai_ms(today + 1, 0),
        "day {today} does not hold now ({now_ms} ms) in Hohhot"
    );
    today
}

/// The Chinese name of a home of the sample register.
pub(crate) fn home_name(home_id: &str) -> String {
    sample_homes()
        .into_iter()
        .find(|h| h.id == home_id)
        .unwrap_or_else(|| panic!("no home {home_id} in the sample register"))
        .name_zh
}

/// A Hohhot date `days` from today, `YYYY-MM-DD`.
pub(crate) fn date_in(days: i64) -> String {
    format_date(hohhot_today() + days)
}

/// Milliseconds since the epoch of a time of day (minutes after midnight), `days` from today in
/// Hohhot.
pub(crate) fn ms_in(days: i64, minute: u16) -> i64 {
    shanghai_ms(hohhot_today() + days, minute)
}

/// A valid `POST /api/homes/{id}/activities` body: one reception ten days from now, 09:00–11:30.
fn new_activity() -> Value {
    json!({
        "kind": "reception",
        "date": date_in(10),
        "start": "09:00",
        "end": "11:30",
        "capacity": 20,
        "topic": "社区停车难",
    })
}

/// The body with some fields replaced.
fn with(mut body: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().expect("changes are an object") {
        body[key] = value.clone();
    }
    body
}

fn activities_path(home_id: &str) -> String {
    format!("/api/homes/{home_id}/activities")
}

fn cancel_path(activity_id: &str) -> String {
    format!("/api/activities/{activity_id}/cancel")
}

/// `POST /api/homes/{home_id}/activities` as this browser, with its token; whatever the answer.
async fn publish(app: &TestApp, browser: &Browser, home_id: &str, body: &Value) -> Response {
    let request = browser
        .signed(app.request(Method::POST, &activities_path(home_id)))
        .json(body);
    app.send(request).await
}

/// Publishes; the answer must be 201 with the activities created.
async fn published(app: &TestApp, browser: &Browser, home_id: &str, body: &Value) -> Vec<Value> {
    let response = publish(app, browser, home_id, body).await;
    json_body(response, StatusCode::CREATED)
        .await
        .as_array()
        .unwrap_or_else(|| panic!("publishing at {home_id} did not answer an array"))
        .clone()
}

/// `POST /api/activities/{id}/cancel` as this browser, with its token; whatever the answer.
async fn cancel(app: &TestApp, browser: &Browser, activity_id: &str, reason: &str) -> Response {
    let request = browser
        .signed(app.request(Method::POST, &cancel_path(activity_id)))
        .json(&json!({ "reason": reason }));
    app.send(request).await
}

/// `GET /api/homes/{home_id}/activities` without a cookie; must be 200.
async fn listed(app: &TestApp, home_id: &str) -> Vec<Value> {
    let response = app.send(app.get(&activities_path(home_id))).await;
    json_body(response, StatusCode::OK)
        .await
        .as_array()
        .unwrap_or_else(|| panic!("the activities of {home_id} are not an array"))
        .clone()
}

/// Number of stored activities and duty rows.
async fn stored(app: &TestApp) -> (i64, i64) {
    let pool = app.sql().await;
    let mut counts = [0_i64; 2];
    for (count, table) in counts.iter_mut().zip(["activities", "activity_duty"]) {
        *count = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&pool)
            .await
            .unwrap_or_else(|e| panic!("cannot count {table}: {e}"));
    }
    (counts[0], counts[1])
}

/// The `on_duty` list an activity shows for these accounts, in the given order.
fn duty_of(accounts: &[&Account]) -> Value {
    Value::Array(
        accounts
            .iter()
            .map(|a| json!({ "account_id": a.id, "display_name": a.display_name }))
            .collect(),
    )
}

fn ids(activities: &[Value]) -> Vec<String> {
    activities
        .iter()
        .map(|a| {
            a["id"]
                .as_str()
                .unwrap_or_else(|| panic!("an activity has no id: {a}"))
                .to_owned()
        })
        .collect()
}

fn dates(activities: &[Value]) -> Vec<&str> {
    activities
        .iter()
        .map(|a| a["date"].as_str().expect("a date"))
        .collect()
}

/// Checks a response is a 400 naming a field.
async fn bad_field(response: Response, field: &str, case: &str) {
    let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
    assert_eq!(error["field"], field, "{case}: {error}");
}

async fn a_delegate_publishes_a_weekly_series_that_anyone_lists_soonest_first(app: TestApp) {
    let wang = app
        .create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;

    // A single activity between the first and second of the series, published before it, so the
    // list order cannot be the order of publishing.
    let single = published(
        &app,
        &browser,
        "xc-02",
        &with(
            new_activity(),
            json!({ "date": date_in(12), "kind": "duty_report", "topic": "代表述职" }),
        ),
    )
    .await;
    assert_eq!(single.len(), 1, "repeat_weeks defaults to 1");

    let series = published(
        &app,
        &browser,
        "xc-02",
        &with(new_activity(), json!({ "repeat_weeks": 3 })),
    )
    .await;
    assert_eq!(dates(&series), [date_in(10), date_in(17), date_in(24)]);
    for (week, activity) in (0_i64..).zip(&series) {
        let days = 10 + 7 * week;
        assert_eq!(
            activity,
            &json!({
                "id": activity["id"],
                "home_id": "xc-02",
                "home_name": home_name("xc-02"),
                "kind": "reception",
                "date": date_in(days),
                "start": "09:00",
                "end": "11:30",
                "starts_at_ms": ms_in(days, 9 * 60),
                "capacity": 20,
                "seats_left": 20,
                "topic": "社区停车难",
                "on_duty": duty_of(&[&wang]),
            }),
            "week {week}"
        );
        assert!(
            activity["id"].as_str().is_some_and(|id| !id.is_empty()),
            "{activity}"
        );
    }
    let mut distinct = ids(&series);
    distinct.sort();
    distinct.dedup();
    assert_eq!(distinct.len(), 3, "every occurrence has its own id");
    assert_eq!(wang.display_name, "Test wang");

    let list = listed(&app, "xc-02").await;
    assert_eq!(
        dates(&list),
        [date_in(10), date_in(12), date_in(17), date_in(24)],
        "soonest first"
    );
    assert_eq!(
        list,
        [
            series[0].clone(),
            single[0].clone(),
            series[1].clone(),
            series[2].clone()
        ],
        "the list shows what publishing answered"
    );
    assert_eq!(listed(&app, "xc-01").await, Vec::<Value>::new(), "per home");
    assert_eq!(stored(&app).await, (4, 4));
}

async fn the_start_and_end_are_written_back_in_the_form_they_are_stored(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let created = published(
        &app,
        &browser,
        "xc-02",
        &with(
            new_activity(),
            json!({ "start": "18:30", "end": "24:00", "topic": "  夜间接待  " }),
        ),
    )
    .await;
    assert_eq!(created.len(), 1);
    let activity = &created[0];
    assert_eq!(
        (&activity["start"], &activity["end"]),
        (&json!("18:30"), &json!("24:00"))
    );
    assert_eq!(activity["starts_at_ms"], ms_in(10, 18 * 60 + 30));
    assert_eq!(activity["topic"], "夜间接待", "the topic is trimmed");
    assert_eq!(listed(&app, "xc-02").await, created);
}

async fn publishing_needs_a_session_and_the_anti_forgery_token_and_then_creates_nothing(
    app: TestApp,
) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let path = activities_path("xc-02");

    let anonymous = app.request(Method::POST, &path).json(&new_activity());
    api_error(
        app.send(anonymous).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;

    let no_token = browser
        .cookie_only(app.request(Method::POST, &path))
        .json(&new_activity());
    api_error(
        app.send(no_token).await,
        StatusCode::FORBIDDEN,
        "csrf_rejected",
    )
    .await;
    let wrong_token = browser
        .cookie_only(app.request(Method::POST, &path))
        .header("x-csrf-token", "0".repeat(64))
        .json(&new_activity());
    api_error(
        app.send(wrong_token).await,
        StatusCode::FORBIDDEN,
        "csrf_rejected",
    )
    .await;
    assert_eq!(stored(&app).await, (0, 0), "nothing was created");
    assert_eq!(listed(&app, "xc-02").await, Vec::<Value>::new());

    published(&app, &browser, "xc-02", &new_activity()).await;
    assert_eq!(stored(&app).await, (1, 1), "with the token it is created");
}

async fn a_delegate_of_another_home_is_forbidden_to_publish_there(app: TestApp) {
    app.create_account("lina", Role::Delegate, None, &["xc-01", "pro-law"])
        .await;
    let li = app.sign_in("lina", PASSWORD).await;
    let response = publish(&app, &li, "xc-02", &new_activity()).await;
    api_error(response, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(stored(&app).await, (0, 0));

    let own = published(&app, &li, "pro-law", &new_activity()).await;
    assert_eq!(own[0]["home_id"], "pro-law", "li may publish at li's homes");
    assert_eq!(listed(&app, "xc-02").await, Vec::<Value>::new());
}

async fn staff_publish_only_by_naming_delegates_of_the_home_on_duty(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let zhao = app
        .create_account("zhao", Role::Delegate, None, &["xc-02"])
        .await;
    let an = app
        .create_account("anna", Role::Delegate, None, &["xc-02", "xc-01"])
        .await;
    let li = app
        .create_account("lina", Role::Delegate, None, &["xc-01"])
        .await;
    let other_staff = app.create_account("chen", Role::Staff, None, &[]).await;
    let staff = app.sign_in("staff", PASSWORD).await;
    let staff_id = staff.account["id"].as_str().expect("an id").to_owned();

    let refused: [(&str, Vec<&str>); 6] = [
        ("no one on duty", vec![]),
        ("a delegate of another home", vec![li.id.as_str()]),
        (
            "one of the home's and one of another home",
            vec![zhao.id.as_str(), li.id.as_str()],
        ),
        ("another staff member", vec![other_staff.id.as_str()]),
        ("the staff member publishing", vec![staff_id.as_str()]),
        ("an unknown account", vec!["no-such-account"]),
    ];
    for (case, on_duty) in refused {
        let body = with(new_activity(), json!({ "on_duty": on_duty }));
        bad_field(publish(&app, &staff, "xc-02", &body).await, "on_duty", case).await;
    }
    assert_eq!(stored(&app).await, (0, 0), "nothing was created");

    let body = with(
        new_activity(),
        json!({ "on_duty": [&zhao.id, &an.id, &zhao.id], "repeat_weeks": 2 }),
    );
    let created = published(&app, &staff, "xc-02", &body).await;
    assert_eq!(created.len(), 2);
    for activity in &created {
        assert_eq!(
            activity["on_duty"],
            duty_of(&[&an, &zhao]),
            "named delegates, once each, by display name"
        );
    }
    assert_eq!(stored(&app).await, (2, 4));
    assert_eq!(listed(&app, "xc-02").await, created);
}

async fn a_delegate_may_put_a_fellow_delegate_of_the_home_on_duty_but_no_one_else(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let zhao = app
        .create_account("zhao", Role::Delegate, None, &["xc-02"])
        .await;
    let li = app
        .create_account("lina", Role::Delegate, None, &["xc-01"])
        .await;
    let wang = app.sign_in("wang", PASSWORD).await;

    let outsider = with(new_activity(), json!({ "on_duty": [&li.id] }));
    bad_field(
        publish(&app, &wang, "xc-02", &outsider).await,
        "on_duty",
        "a delegate of another home",
    )
    .await;
    assert_eq!(stored(&app).await, (0, 0));

    let fellow = with(new_activity(), json!({ "on_duty": [&zhao.id] }));
    let created = published(&app, &wang, "xc-02", &fellow).await;
    assert_eq!(
        created[0]["on_duty"],
        duty_of(&[&zhao]),
        "only the delegate named, not the publisher"
    );
}

async fn every_invalid_field_of_new_activities_is_a_400_naming_it_and_creates_nothing(
    app: TestApp,
) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let cases = [
        ("a past date", json!({ "date": date_in(-1) }), "date"),
        (
            "today, already started",
            json!({ "date": date_in(0), "start": "00:00", "end": "00:01" }),
            "date",
        ),
        (
            "an impossible date",
            json!({ "date": "2026-02-30" }),
            "date",
        ),
        ("not a date", json!({ "date": "next monday" }), "date"),
        ("an end before the start", json!({ "end": "08:00" }), "end"),
        (
            "a start that is no time",
            json!({ "start": "9am" }),
            "start",
        ),
        ("capacity 0", json!({ "capacity": 0 }), "capacity"),
        ("capacity 501", json!({ "capacity": 501 }), "capacity"),
        ("an empty topic", json!({ "topic": "" }), "topic"),
        ("a blank topic", json!({ "topic": "   " }), "topic"),
        (
            "a topic of 101 characters",
            json!({ "topic": "议".repeat(101) }),
            "topic",
        ),
        (
            "repeat_weeks 0",
            json!({ "repeat_weeks": 0 }),
            "repeat_weeks",
        ),
        (
            "repeat_weeks 27",
            json!({ "repeat_weeks": 27 }),
            "repeat_weeks",
        ),
    ];
    for (case, changes, field) in cases {
        let body = with(new_activity(), changes);
        bad_field(publish(&app, &browser, "xc-02", &body).await, field, case).await;
    }
    assert_eq!(stored(&app).await, (0, 0), "nothing was created");

    let limits = with(
        new_activity(),
        json!({ "capacity": 500, "topic": "议".repeat(100), "repeat_weeks": 26 }),
    );
    let created = published(&app, &browser, "xc-02", &limits).await;
    assert_eq!(created.len(), 26, "the limits themselves are allowed");
    assert_eq!(created[25]["date"], date_in(10 + 7 * 25));
}

async fn a_malformed_activity_body_is_a_400_in_the_json_error_shape(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let mut no_capacity = new_activity();
    no_capacity
        .as_object_mut()
        .expect("an object")
        .remove("capacity");
    // A field serde cannot read is named; a body that is not a JSON object is `body`.
    let cases = [
        (
            "an unknown kind",
            with(new_activity(), json!({ "kind": "picnic" })),
            "kind",
        ),
        (
            "a negative capacity",
            with(new_activity(), json!({ "capacity": -1 })),
            "capacity",
        ),
        (
            "on_duty not a list",
            with(new_activity(), json!({ "on_duty": "someone" })),
            "on_duty",
        ),
        ("no capacity", no_capacity, "capacity"),
        ("not an object", json!([1, 2]), "body"),
    ];
    for (case, body, field) in cases {
        bad_field(publish(&app, &browser, "xc-02", &body).await, field, case).await;
    }
    let not_json = browser
        .signed(app.request(Method::POST, &activities_path("xc-02")))
        .header("content-type", "application/json")
        .body("{not json");
    bad_field(app.send(not_json).await, "body", "not JSON").await;
    assert_eq!(stored(&app).await, (0, 0), "nothing was created");

    let activity = &published(&app, &browser, "xc-02", &new_activity()).await[0];
    let id = activity["id"].as_str().expect("an id");
    let no_reason = browser
        .signed(app.request(Method::POST, &cancel_path(id)))
        .json(&json!({}));
    bad_field(
        app.send(no_reason).await,
        "reason",
        "a cancel without reason",
    )
    .await;
    assert!(listed(&app, "xc-02").await[0]
        .get("cancel_reason")
        .is_none());
}

async fn activities_of_an_unknown_home_are_a_404(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let zhao = app
        .create_account("zhao", Role::Delegate, None, &["xc-02"])
        .await;
    let staff = app.sign_in("staff", PASSWORD).await;
    let body = with(new_activity(), json!({ "on_duty": [&zhao.id] }));
    let response = publish(&app, &staff, "nowhere", &body).await;
    api_error(response, StatusCode::NOT_FOUND, "not_found").await;
    let list = app.send(app.get(&activities_path("nowhere"))).await;
    api_error(list, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(stored(&app).await, (0, 0));
    published(&app, &staff, "xc-02", &body).await;
}

async fn the_homes_delegate_cancels_an_activity_and_the_public_list_shows_the_reason(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let series = published(
        &app,
        &browser,
        "xc-02",
        &with(new_activity(), json!({ "repeat_weeks": 2 })),
    )
    .await;
    let before = app.send(app.get(&activities_path("xc-02"))).await;
    let etag = before
        .headers()
        .get(ETAG)
        .expect("the list has an entity tag")
        .clone();

    let response = cancel(&app, &browser, ids(&series)[0].as_str(), "  代表外出开会  ").await;
    let cancelled = json_body(response, StatusCode::OK).await;
    let mut expected = series[0].clone();
    expected["cancel_reason"] = json!("代表外出开会");
    assert_eq!(
        cancelled, expected,
        "the same activity, with the trimmed reason"
    );

    assert_eq!(
        listed(&app, "xc-02").await,
        [expected, series[1].clone()],
        "still listed, with its reason; the other week is untouched"
    );
    let revalidated = app
        .send(
            app.get(&activities_path("xc-02"))
                .header(IF_NONE_MATCH, etag),
        )
        .await;
    let again = json_body(revalidated, StatusCode::OK).await;
    assert_eq!(
        again[0]["cancel_reason"], "代表外出开会",
        "a phone holding the old list downloads the new one"
    );
}

async fn cancelling_twice_is_a_409_conflict_that_keeps_the_first_reason(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let id = ids(&published(&app, &browser, "xc-02", &new_activity()).await).remove(0);
    json_body(cancel(&app, &browser, &id, "下雪").await, StatusCode::OK).await;
    let again = cancel(&app, &browser, &id, "另一个原因").await;
    api_error(again, StatusCode::CONFLICT, "activity_cancelled").await;
    assert_eq!(listed(&app, "xc-02").await[0]["cancel_reason"], "下雪");
}

async fn a_cancellation_needs_a_reason_of_1_to_200_characters(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let id = ids(&published(&app, &browser, "xc-02", &new_activity()).await).remove(0);
    for (case, reason) in [
        ("empty", String::new()),
        ("blank", "   ".to_owned()),
        ("201 characters", "因".repeat(201)),
    ] {
        bad_field(cancel(&app, &browser, &id, &reason).await, "reason", case).await;
    }
    assert!(
        listed(&app, "xc-02").await[0]
            .get("cancel_reason")
            .is_none(),
        "still on"
    );
    let longest = "因".repeat(200);
    let cancelled = json_body(cancel(&app, &browser, &id, &longest).await, StatusCode::OK).await;
    assert_eq!(cancelled["cancel_reason"], longest.as_str());
}

async fn only_the_homes_delegates_and_staff_may_cancel_and_unknown_activities_are_a_404(
    app: TestApp,
) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    app.create_account("lina", Role::Delegate, None, &["xc-01"])
        .await;
    app.create_account("staff", Role::Staff, None, &[]).await;
    let wang = app.sign_in("wang", PASSWORD).await;
    let li = app.sign_in("lina", PASSWORD).await;
    let staff = app.sign_in("staff", PASSWORD).await;
    let id = ids(&published(&app, &wang, "xc-02", &new_activity()).await).remove(0);
    let path = cancel_path(&id);
    let reason = json!({ "reason": "下雪" });

    let anonymous = app.request(Method::POST, &path).json(&reason);
    api_error(
        app.send(anonymous).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    let no_token = wang
        .cookie_only(app.request(Method::POST, &path))
        .json(&reason);
    api_error(
        app.send(no_token).await,
        StatusCode::FORBIDDEN,
        "csrf_rejected",
    )
    .await;
    api_error(
        cancel(&app, &li, &id, "下雪").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    api_error(
        cancel(&app, &wang, "no-such-activity", "下雪").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    assert!(
        listed(&app, "xc-02").await[0]
            .get("cancel_reason")
            .is_none(),
        "nothing was cancelled"
    );

    let cancelled = json_body(cancel(&app, &staff, &id, "下雪").await, StatusCode::OK).await;
    assert_eq!(cancelled["cancel_reason"], "下雪", "staff may cancel");
}

/// Publishes one reception at `xc-02` tomorrow, from a start to an end (`HH:MM`); its id.
async fn tomorrow(app: &TestApp, browser: &Browser, (start, end): (&str, &str)) -> String {
    let body = with(
        new_activity(),
        json!({ "date": date_in(1), "start": start, "end": end }),
    );
    ids(&published(app, browser, "xc-02", &body).await).remove(0)
}

async fn an_activity_that_has_started_cannot_be_cancelled(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let ongoing = tomorrow(&app, &browser, ("09:00", "11:00")).await;
    // An hour after it started.
    app.move_clock_to(ms_in(1, 10 * 60));
    let browser = app.sign_in("wang", PASSWORD).await;
    crate::bookings::refused_field(
        cancel(&app, &browser, &ongoing, "下雪").await,
        "activity_started",
        "id",
        "an activity under way",
    )
    .await;
    assert!(listed(&app, "xc-02").await[0]
        .get("cancel_reason")
        .is_none());
}

async fn activities_that_have_ended_are_not_listed_but_ongoing_ones_are(app: TestApp) {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let ended = tomorrow(&app, &browser, ("07:00", "08:59")).await;
    let ongoing = tomorrow(&app, &browser, ("08:00", "10:00")).await;
    let future = ids(&published(&app, &browser, "xc-02", &new_activity()).await).remove(0);
    assert_eq!(stored(&app).await.0, 3);
    // A minute after the first ended, an hour after the second began.
    app.move_clock_to(ms_in(1, 9 * 60));

    let list = listed(&app, "xc-02").await;
    assert_eq!(
        ids(&list),
        [ongoing, future],
        "the ended one ({ended}) is gone; the one under way stays until it ends"
    );
}

async fn openapi(app: &TestApp) -> Value {
    json_body(app.send(app.get("/api/openapi.json")).await, StatusCode::OK).await
}

async fn activity_responses_match_their_schemas(app: TestApp) {
    let doc = openapi(&app).await;
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    let browser = app.sign_in("wang", PASSWORD).await;
    let created = published(
        &app,
        &browser,
        "xc-02",
        &with(new_activity(), json!({ "repeat_weeks": 2 })),
    )
    .await;
    let cancelled = cancel(&app, &browser, ids(&created)[0].as_str(), "下雪").await;
    let cancelled = json_body(cancelled, StatusCode::OK).await;
    let cancelled = cancelled.as_object().expect("an object");
    assert!(
        cancelled.contains_key("cancel_reason"),
        "every key is checked"
    );
    let enums = check_against_schema(&doc, "Activity", cancelled);
    assert_eq!(enums, 1, "kind is an enum in Activity");

    let list = listed(&app, "xc-02").await;
    assert_eq!(list.len(), 2);
    let mut duties = 0;
    for activity in list.iter().chain(&created) {
        check_against_schema(&doc, "Activity", activity.as_object().expect("an object"));
        for duty in activity["on_duty"].as_array().expect("an array") {
            check_against_schema(&doc, "OnDuty", duty.as_object().expect("an object"));
            duties += 1;
        }
    }
    assert_eq!(duties, 4, "every on-duty entry was checked");

    let anonymous = app
        .send(
            app.request(Method::POST, &activities_path("xc-02"))
                .json(&new_activity()),
        )
        .await;
    let anonymous = json_body(anonymous, StatusCode::UNAUTHORIZED).await;
    check_against_schema(&doc, "ApiError", anonymous.as_object().expect("an object"));
    let bad = publish(
        &app,
        &browser,
        "xc-02",
        &with(new_activity(), json!({ "capacity": 0 })),
    )
    .await;
    let bad = json_body(bad, StatusCode::BAD_REQUEST).await;
    check_against_schema(&doc, "ApiError", bad.as_object().expect("an object"));
}
