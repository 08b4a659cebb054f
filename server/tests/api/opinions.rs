//! Citizens' opinions: sent without an account under an `Idempotency-Key` (a retry never makes a
//! second opinion), with contact details only in the session of that phone, limited per phone
//! and per address per hour, and followed on a status page by the session of the opinion's
//! phone or by the receipt's private token; failed look-ups are limited per record and per
//! address, also when sent all at once.

use crate::bookings::{all_at_once, answer, bad_field, now_ms, MASKED, PHONE};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::opinion_photos::uploaded;
use deputy_homes_api::accounts::MobileNumber;
use deputy_homes_api::meetings::activity::{civil_from_days, days_from_civil};
use reqwest::header::{CACHE_CONTROL, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    a_citizen_sends_an_opinion_with_photos_and_follows_it_by_the_phones_session_or_the_link,
    an_anonymous_opinion_is_found_only_by_its_private_token,
    contact_details_need_the_session_of_that_phone_and_an_anonymous_opinion_none,
    five_identical_requests_at_once_make_one_opinion_and_retries_get_the_same_receipt,
    a_key_used_for_another_body_is_a_409_and_a_missing_key_a_400,
    tracking_numbers_carry_the_hohhot_date_and_count_up_within_the_day,
    one_phone_sends_at_most_five_opinions_an_hour,
    one_address_sends_at_most_twenty_opinions_an_hour,
    photos_must_exist_and_be_unattached_or_nothing_is_stored,
    every_invalid_field_is_a_400_naming_it_and_stores_nothing,
    failed_look_ups_of_one_opinion_are_refused_after_ten_an_hour,
    failed_look_ups_from_one_address_are_refused_after_thirty_an_hour,
    two_hundred_wrong_look_ups_at_once_for_one_opinion_evaluate_at_most_ten,
    a_tracking_number_of_another_form_is_a_404_and_writes_no_counter,
);

/// A complete opinion from `phone` (anonymous when `None`).
pub(crate) fn opinion_body(phone: Option<&str>, photo_ids: &[&str]) -> Value {
    json!({
        "category": "transport",
        "home_id": "xc-01",
        "title": "公交站台缺少遮阳棚",
        "body": "新华大街公交站夏天很晒，老人等车困难，建议加装遮阳棚。",
        "location": { "lat": 40.8420, "lon": 111.6850 },
        "contact": phone.map(|p| json!({ "name": "张三", "phone": p })),
        "consent": true,
        "allow_publish": true,
        "photo_ids": photo_ids,
    })
}

/// `POST /api/opinions` as the app sends it: with contact details, in the session of that
/// phone (verified once per test app); anonymous, without one.
pub(crate) async fn submit_request(app: &TestApp, key: &str, body: &Value) -> RequestBuilder {
    let request = app
        .request(Method::POST, "/api/opinions")
        .header("Idempotency-Key", key)
        .json(body);
    let phone = body["contact"]["phone"].as_str();
    match phone.and_then(|p| MobileNumber::parse(p).ok()) {
        Some(phone) => app.citizen(phone.as_str()).await.signed(request),
        None => request,
    }
}

pub(crate) async fn submit(app: &TestApp, key: &str, body: &Value) -> Response {
    app.send(submit_request(app, key, body).await).await
}

/// Submits and expects a new receipt.
pub(crate) async fn submitted(app: &TestApp, key: &str, body: &Value) -> Value {
    json_body(submit(app, key, body).await, StatusCode::CREATED).await
}

fn tracking_of(receipt: &Value) -> String {
    receipt["tracking_number"]
        .as_str()
        .expect("a tracking number")
        .to_owned()
}

/// `GET /api/opinions/{tracking}` in a citizen's session, or without one.
pub(crate) async fn by_tracking(
    app: &TestApp,
    tracking: &str,
    session: Option<&Browser>,
) -> Response {
    let request = app.get(&format!("/api/opinions/{tracking}"));
    match session {
        Some(session) => app.send(session.cookie_only(request)).await,
        None => app.send(request).await,
    }
}

async fn by_token(app: &TestApp, token: &str) -> Response {
    app.send(app.get(&format!("/api/opinions/by-token/{token}")))
        .await
}

async fn stored(app: &TestApp, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(&app.sql().await)
        .await
        .expect("rows are countable")
}

/// Today's date in Hohhot as `YYYYMMDD`.
fn hohhot_today() -> String {
    let days = (now_ms() / 60_000 + 8 * 60).div_euclid(1440);
    let (y, m, d) = civil_from_days(days);
    assert_eq!(days_from_civil(y, m, d), days);
    format!("{y:04}{m:02}{d:02}")
}

async fn a_citizen_sends_an_opinion_with_photos_and_follows_it_by_the_phones_session_or_the_link(
    app: TestApp,
) {
    let first = uploaded(&app).await;
    let second = uploaded(&app).await;
    let ids = [
        first["id"].as_str().unwrap(),
        second["id"].as_str().unwrap(),
    ];
    let before = now_ms();
    let receipt = submitted(&app, "form-1", &opinion_body(Some(PHONE), &ids)).await;
    assert_eq!(receipt["status"], "submitted");
    let tracking = tracking_of(&receipt);
    assert_eq!(tracking, format!("YJ{}-0001", hohhot_today()));
    let token = receipt["private_token"]
        .as_str()
        .expect("a token")
        .to_owned();
    assert!(token.len() >= 32, "{token}");

    let mine = app.citizen(PHONE).await;
    let response = by_tracking(&app, &tracking.to_lowercase(), Some(&mine)).await;
    let cache = response.headers().get(CACHE_CONTROL).cloned();
    assert_eq!(
        cache.as_ref().and_then(|v| v.to_str().ok()),
        Some("private, no-store")
    );
    let text = response.text().await.expect("a body");
    assert!(!text.contains(PHONE), "the phone leaks in full: {text}");
    let view: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(view["tracking_number"], tracking);
    assert_eq!(view["category"], "transport");
    assert_eq!(view["home_id"], "xc-01");
    assert_eq!(view["title"], "公交站台缺少遮阳棚");
    assert_eq!(
        view["contact"],
        json!({ "name": "张三", "phone_masked": MASKED })
    );
    assert_eq!(view["location"], json!({ "lat": 40.8420, "lon": 111.6850 }));
    assert_eq!(view["status"], "submitted");
    assert_eq!(view["allow_publish"], true);
    let created = view["created_at_ms"].as_i64().expect("a time");
    assert!(created >= before && created <= now_ms());
    let timeline = view["timeline"].as_array().expect("a timeline");
    assert_eq!(timeline.len(), 1);
    assert_eq!(timeline[0]["status"], "submitted");
    assert_eq!(timeline[0]["at_ms"], created);
    let photos: Vec<&Value> = view["photos"].as_array().expect("photos").iter().collect();
    let mut photo_ids: Vec<&str> = photos.iter().map(|p| p["id"].as_str().unwrap()).collect();
    photo_ids.sort_unstable();
    let mut expected = ids.to_vec();
    expected.sort_unstable();
    assert_eq!(photo_ids, expected);
    assert!(photos.iter().all(|p| p["thumbnail_url"]
        .as_str()
        .is_some_and(|u| u.ends_with("/thumbnail"))));

    let same = json_body(by_token(&app, &token).await, StatusCode::OK).await;
    assert_eq!(same, view);
    // Nobody else finds it, and the answer does not say it exists: no session, the session of
    // a phone with the same last digits, or the old way with the phone's last 4 digits.
    let other = app.citizen("13900138000").await;
    for (session, case) in [(None, "no session"), (Some(&other), "another phone")] {
        let error = api_error(
            by_tracking(&app, &tracking, session).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
        assert!(!error.to_string().contains("张三"), "{case}: {error}");
    }
    let digits = app.get(&format!("/api/opinions/{tracking}?phone_last4=8000"));
    api_error(app.send(digits).await, StatusCode::NOT_FOUND, "not_found").await;
    api_error(
        by_token(&app, "not-a-token").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    api_error(
        by_tracking(&app, "YJ20000101-0001", Some(&mine)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

async fn an_anonymous_opinion_is_found_only_by_its_private_token(app: TestApp) {
    let receipt = submitted(&app, "anon", &opinion_body(None, &[])).await;
    let tracking = tracking_of(&receipt);
    // Whatever session is tried, an opinion without a phone has none to match.
    let citizen = app.citizen(PHONE).await;
    for session in [None, Some(&citizen)] {
        api_error(
            by_tracking(&app, &tracking, session).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
    }
    let token = receipt["private_token"].as_str().expect("a token");
    let view = json_body(by_token(&app, token).await, StatusCode::OK).await;
    assert_eq!(view["tracking_number"], tracking);
    assert!(view.get("contact").is_none(), "{view}");
    let stored_phone: Option<String> = sqlx::query_scalar("SELECT contact_phone FROM opinions")
        .fetch_one(&app.sql().await)
        .await
        .expect("the opinion is stored");
    assert_eq!(stored_phone, None);
}

async fn five_identical_requests_at_once_make_one_opinion_and_retries_get_the_same_receipt(
    app: TestApp,
) {
    let body = opinion_body(Some(PHONE), &[]);
    let mut jobs = Vec::new();
    for _ in 0..5 {
        jobs.push(answer(submit_request(&app, "same-key-0001", &body).await));
    }
    let answers = all_at_once(jobs).await;
    let created = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let replayed = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    assert_eq!((created, replayed), (1, 4), "{answers:?}");
    let receipt = &answers[0].1;
    assert!(answers.iter().all(|(_, r)| r == receipt), "{answers:?}");
    assert_eq!(stored(&app, "opinions").await, 1);
    assert_eq!(stored(&app, "opinion_events").await, 1);

    for _ in 0..5 {
        let again = json_body(submit(&app, "same-key-0001", &body).await, StatusCode::OK).await;
        assert_eq!(&again, receipt);
    }
    assert_eq!(stored(&app, "opinions").await, 1);
    // Retries do not count towards the phone's hourly limit: four more opinions still pass.
    for i in 0..4 {
        submitted(&app, &format!("other-{i}"), &body).await;
    }
    assert_eq!(stored(&app, "opinions").await, 5);
}

async fn a_key_used_for_another_body_is_a_409_and_a_missing_key_a_400(app: TestApp) {
    let body = opinion_body(Some(PHONE), &[]);
    submitted(&app, "key-a", &body).await;
    let mut changed = body.clone();
    changed["title"] = json!("另一个意见的标题");
    let error = api_error(
        submit(&app, "key-a", &changed).await,
        StatusCode::CONFLICT,
        "key_reused",
    )
    .await;
    assert_eq!(error["field"], "Idempotency-Key");
    let no_key = app
        .send(app.request(Method::POST, "/api/opinions").json(&body))
        .await;
    bad_field(no_key, "Idempotency-Key", "no key").await;
    bad_field(
        submit(&app, "   ", &body).await,
        "Idempotency-Key",
        "blank key",
    )
    .await;
    assert_eq!(stored(&app, "opinions").await, 1);
}

async fn tracking_numbers_carry_the_hohhot_date_and_count_up_within_the_day(app: TestApp) {
    let today = hohhot_today();
    for (i, phone) in ["13800138000", "13900139000", "13700137000"]
        .iter()
        .enumerate()
    {
        let receipt = submitted(&app, &format!("k{i}"), &opinion_body(Some(phone), &[])).await;
        assert_eq!(tracking_of(&receipt), format!("YJ{today}-{:04}", i + 1));
    }
}

async fn one_phone_sends_at_most_five_opinions_an_hour(app: TestApp) {
    for i in 0..5 {
        submitted(&app, &format!("p{i}"), &opinion_body(Some(PHONE), &[])).await;
    }
    // The same number typed differently is the same phone.
    let response = submit(&app, "p5", &opinion_body(Some("+86 138-0013-8000"), &[])).await;
    let retry_after: i64 = response
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a Retry-After in seconds");
    assert!((1..=3600).contains(&retry_after), "{retry_after}");
    let error = api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    assert!(
        error["message"].as_str().unwrap().contains("phone"),
        "{error}"
    );
    assert_eq!(stored(&app, "opinions").await, 5);
    // Another phone, and an anonymous citizen, from the same address may still send.
    submitted(&app, "q", &opinion_body(Some("13900139000"), &[])).await;
    submitted(&app, "r", &opinion_body(None, &[])).await;
}

async fn one_address_sends_at_most_twenty_opinions_an_hour(app: TestApp) {
    for i in 0..20 {
        submitted(&app, &format!("a{i}"), &opinion_body(None, &[])).await;
    }
    let response = submit(&app, "a20", &opinion_body(None, &[])).await;
    assert!(response.headers().contains_key(RETRY_AFTER));
    let error = api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    assert!(
        error["message"].as_str().unwrap().contains("address"),
        "{error}"
    );
    assert_eq!(stored(&app, "opinions").await, 20);
}

async fn photos_must_exist_and_be_unattached_or_nothing_is_stored(app: TestApp) {
    let photo = uploaded(&app).await;
    let id = photo["id"].as_str().expect("an id");
    submitted(&app, "first", &opinion_body(Some(PHONE), &[id])).await;
    let fresh = uploaded(&app).await;
    let fresh_id = fresh["id"].as_str().expect("an id");
    for (key, ids) in [
        ("taken", vec![fresh_id, id]),
        ("unknown", vec!["no-such-photo"]),
    ] {
        let response = submit(&app, key, &opinion_body(Some("13900139000"), &ids)).await;
        let error = api_error(response, StatusCode::CONFLICT, "photo_gone").await;
        assert_eq!(error["field"], "photo_ids", "{key}: {error}");
    }
    assert_eq!(stored(&app, "opinions").await, 1);
    let unattached: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM photos WHERE opinion_id IS NULL")
            .fetch_one(&app.sql().await)
            .await
            .expect("photos are countable");
    assert_eq!(
        unattached, 1,
        "the refused opinion left its fresh photo free"
    );
    // The refused key was not used up: with a free photo the same key goes through.
    submitted(
        &app,
        "taken",
        &opinion_body(Some("13900139000"), &[fresh_id]),
    )
    .await;
}

async fn every_invalid_field_is_a_400_naming_it_and_stores_nothing(app: TestApp) {
    let cases: [(&str, Value, &str); 8] = [
        ("title", json!({ "title": "短" }), "a short title"),
        ("body", json!({ "body": "太短了" }), "a short body"),
        ("consent", json!({ "consent": false }), "no consent"),
        (
            "contact.phone",
            json!({ "contact": { "name": "张三", "phone": "12345" } }),
            "bad phone",
        ),
        (
            "photo_ids",
            json!({ "photo_ids": ["a", "b", "c", "d"] }),
            "four photos",
        ),
        (
            "home_id",
            json!({ "home_id": "no-such-home" }),
            "unknown home",
        ),
        (
            "location",
            json!({ "location": { "lat": 123.0, "lon": 0.0 } }),
            "off the globe",
        ),
        (
            "category",
            json!({ "category": "weather" }),
            "unknown category",
        ),
    ];
    for (i, (field, change, case)) in cases.into_iter().enumerate() {
        let mut body = opinion_body(Some(PHONE), &[]);
        for (k, v) in change.as_object().expect("an object") {
            body[k] = v.clone();
        }
        bad_field(submit(&app, &format!("bad-{i}"), &body).await, field, case).await;
    }
    assert_eq!(stored(&app, "opinions").await, 0);
}

async fn contact_details_need_the_session_of_that_phone_and_an_anonymous_opinion_none(
    app: TestApp,
) {
    let body = opinion_body(Some(PHONE), &[]);
    let request = |key: &str| {
        app.request(Method::POST, "/api/opinions")
            .header("Idempotency-Key", key)
            .json(&body)
    };
    let error = api_error(
        app.send(request("no-session")).await,
        StatusCode::UNAUTHORIZED,
        "phone_unverified",
    )
    .await;
    assert_eq!(error["field"], "contact.phone", "{error}");
    let other = app.citizen("13900139000").await;
    let error = api_error(
        app.send(other.signed(request("other-phone"))).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_eq!(error["field"], "contact.phone", "{error}");
    // The session's cookie alone, as a cross-site form would send it, is not enough.
    let own = app.citizen(PHONE).await;
    api_error(
        app.send(own.cookie_only(request("no-token"))).await,
        StatusCode::FORBIDDEN,
        "csrf_rejected",
    )
    .await;
    assert_eq!(stored(&app, "opinions").await, 0, "refusals store nothing");
    // The same phone typed differently is the session's phone.
    let mut typed = body.clone();
    typed["contact"]["phone"] = json!("+86 138-0013-8000");
    let sent = own.signed(
        app.request(Method::POST, "/api/opinions")
            .header("Idempotency-Key", "typed")
            .json(&typed),
    );
    json_body(app.send(sent).await, StatusCode::CREATED).await;
    // Anonymous: no session needed, and a stray session (even without its token) is not read.
    let anonymous = opinion_body(None, &[]);
    for (key, session) in [("anon-1", None), ("anon-2", Some(&other))] {
        let request = app
            .request(Method::POST, "/api/opinions")
            .header("Idempotency-Key", key)
            .json(&anonymous);
        let request = match session {
            Some(s) => s.cookie_only(request),
            None => request,
        };
        json_body(app.send(request).await, StatusCode::CREATED).await;
    }
    assert_eq!(stored(&app, "opinions").await, 3);
}

/// The values of the counters whose names start with `prefix:` (this hour's), by name.
async fn failure_counts(app: &TestApp, prefix: &str) -> Vec<i64> {
    sqlx::query_scalar("SELECT value FROM opinion_counters WHERE name LIKE $1 ORDER BY name")
        .bind(format!("{prefix}:%"))
        .fetch_all(&app.sql().await)
        .await
        .expect("the counters")
}

async fn failed_look_ups_of_one_opinion_are_refused_after_ten_an_hour(app: TestApp) {
    let receipt = submitted(&app, "k", &opinion_body(Some(PHONE), &[])).await;
    let tracking = tracking_of(&receipt);
    let owner = app.citizen(PHONE).await;
    // The owner's look-ups never count, however many.
    for _ in 0..12 {
        json_body(
            by_tracking(&app, &tracking, Some(&owner)).await,
            StatusCode::OK,
        )
        .await;
    }
    let other = app.citizen("13900139000").await;
    let rating = |token: &str| {
        app.request(Method::POST, &format!("/api/opinions/{tracking}/rating"))
            .json(&json!({ "rating": "fairly", "private_token": token }))
    };
    // Ten failures of any kind: another phone's session, none, a wrong token with the rating.
    for i in 0..10 {
        let response = match i % 3 {
            0 => by_tracking(&app, &tracking, Some(&other)).await,
            1 => by_tracking(&app, &tracking, None).await,
            _ => app.send(rating("wrong-token")).await,
        };
        api_error(response, StatusCode::NOT_FOUND, "not_found").await;
    }
    assert_eq!(failure_counts(&app, "lookup").await, [10]);
    // Then every look-up of it is refused for the rest of the hour, the owner's too, and the
    // refusals count nothing more.
    for session in [Some(&other), Some(&owner), None] {
        let response = by_tracking(&app, &tracking, session).await;
        let retry_after: i64 = response
            .headers()
            .get(RETRY_AFTER)
            .and_then(|v| v.to_str().ok())
            .and_then(|v| v.parse().ok())
            .expect("a Retry-After in seconds");
        assert!((1..=3600).contains(&retry_after), "{retry_after}");
        let error = api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        assert!(
            error["message"]
                .as_str()
                .unwrap()
                .contains("tracking number"),
            "{error}"
        );
    }
    let token = receipt["private_token"].as_str().expect("a token");
    api_error(
        app.send(rating(token)).await,
        StatusCode::TOO_MANY_REQUESTS,
        "too_many_attempts",
    )
    .await;
    assert_eq!(failure_counts(&app, "lookup").await, [10]);
    // The private link is not limited per record: it still opens the status page.
    json_body(by_token(&app, token).await, StatusCode::OK).await;
    // Another opinion is not touched, and the next hour starts afresh.
    let second = submitted(&app, "k2", &opinion_body(Some(PHONE), &[])).await;
    json_body(
        by_tracking(&app, &tracking_of(&second), Some(&owner)).await,
        StatusCode::OK,
    )
    .await;
    app.clock.advance(3_600_000);
    let owner = app.citizen(PHONE).await;
    json_body(
        by_tracking(&app, &tracking, Some(&owner)).await,
        StatusCode::OK,
    )
    .await;
}

async fn failed_look_ups_from_one_address_are_refused_after_thirty_an_hour(app: TestApp) {
    let receipt = submitted(&app, "k", &opinion_body(None, &[])).await;
    let token = receipt["private_token"].as_str().expect("a token");
    let tracking = tracking_of(&receipt);
    // Wrong private links count per address (they name no record); so do wrong tracking
    // numbers, each of another record.
    for i in 0..30 {
        let response = if i % 2 == 0 {
            by_token(&app, &format!("wrong-token-{i}")).await
        } else {
            by_tracking(&app, &format!("YJ20000101-{i:04}"), None).await
        };
        api_error(response, StatusCode::NOT_FOUND, "not_found").await;
    }
    assert_eq!(failure_counts(&app, "lookup-ip").await, [30]);
    for response in [
        by_token(&app, "wrong-token").await,
        by_token(&app, token).await,
        by_tracking(&app, &tracking, None).await,
    ] {
        assert!(response.headers().contains_key(RETRY_AFTER));
        let error = api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
        assert!(
            error["message"].as_str().unwrap().contains("address"),
            "{error}"
        );
    }
    assert_eq!(failure_counts(&app, "lookup-ip").await, [30]);
    app.clock.advance(3_600_000);
    json_body(by_token(&app, token).await, StatusCode::OK).await;
}

async fn two_hundred_wrong_look_ups_at_once_for_one_opinion_evaluate_at_most_ten(app: TestApp) {
    let receipt = submitted(&app, "k", &opinion_body(Some(PHONE), &[])).await;
    let tracking = tracking_of(&receipt);
    let other = app.citizen("13900139000").await;
    let path = format!("/api/opinions/{tracking}");
    let jobs = (0..200)
        .map(|_| answer(other.cookie_only(app.get(&path))))
        .collect();
    let answers = all_at_once(jobs).await;
    let count = |status: StatusCode| answers.iter().filter(|(s, _)| *s == status).count();
    let (evaluated, refused) = (
        count(StatusCode::NOT_FOUND),
        count(StatusCode::TOO_MANY_REQUESTS),
    );
    println!(
        "{:?}: 200 wrong look-ups at once for one opinion: {evaluated} evaluated (404), \
         {refused} refused (429)",
        app.backend
    );
    assert_eq!(evaluated + refused, 200, "{answers:?}");
    assert_eq!(
        evaluated, 10,
        "look-ups take turns: exactly the limit is evaluated"
    );
    assert_eq!(failure_counts(&app, "lookup").await, [10]);
}

async fn a_tracking_number_of_another_form_is_a_404_and_writes_no_counter(app: TestApp) {
    // Not one character repeated: PostgreSQL compresses that into a short index entry.
    let long: String = (0..600)
        .map(|i: u32| format!("{:05}", i * 7919 % 99991))
        .collect();
    for typed in [long.as_str(), "abc", "YJ20261128-00%2F1", "YJ20261128"] {
        api_error(
            by_tracking(&app, typed, None).await,
            StatusCode::NOT_FOUND,
            "not_found",
        )
        .await;
        let rating = app.request(Method::POST, &format!("/api/opinions/{typed}/rating"));
        let rating = rating.json(&json!({ "rating": "fairly", "private_token": "x" }));
        api_error(app.send(rating).await, StatusCode::NOT_FOUND, "not_found").await;
    }
    let counters: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM opinion_counters WHERE name LIKE 'lookup:%'")
            .fetch_one(&app.sql().await)
            .await
            .expect("the counters");
    assert_eq!(
        counters, 0,
        "no counter is named after a malformed tracking number"
    );
    // A well-formed number that no opinion has still counts against its tries.
    api_error(
        by_tracking(&app, "yj 20261128-0042", None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let names: Vec<String> =
        sqlx::query_scalar("SELECT name FROM opinion_counters WHERE name LIKE 'lookup:%'")
            .fetch_all(&app.sql().await)
            .await
            .expect("the counters");
    assert_eq!(names.len(), 1, "{names:?}");
    assert!(names[0].starts_with("lookup:YJ20261128-0042:"), "{names:?}");
}
