//! Citizens' bookings: a citizen books a seat at an activity with a name and a mobile number (no
//! account), gets a short code, looks the booking up and cancels it with code and phone; a full
//! activity puts newcomers on a waitlist that is promoted first come first served, and no burst of
//! simultaneous requests can give away more seats than the activity has.

use crate::activities::{date_in, date_of, ms_in};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp, PASSWORD};
use crate::openapi::check_against_schema;
use deputy_homes_api::accounts::{MobileNumber, Role};
use deputy_homes_api::meetings::activity::Activity;
use deputy_homes_api::meetings::booking::CODE_ALPHABET;
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};
use sqlx::AnyPool;
use std::collections::HashSet;
use std::future::Future;
use std::sync::Arc;
use std::time::{Instant, SystemTime, UNIX_EPOCH};
use tokio::sync::Barrier;
use tokio::task::JoinSet;

on_both_databases!(
    a_citizen_books_a_seat_and_finds_the_booking_again_with_its_code_and_phone,
    a_full_activity_puts_newcomers_on_the_waitlist_and_a_phone_books_an_activity_once,
    cancelling_a_seat_promotes_the_first_on_the_waitlist_and_cancelling_a_waitlisted_place_frees_none,
    cancelling_needs_the_bookings_phone_and_a_live_booking,
    booking_closes_sixty_minutes_before_the_start,
    one_phone_holds_at_most_three_upcoming_bookings_and_cancelling_one_frees_a_place,
    bookings_at_a_cancelled_activity_do_not_count_towards_the_cap,
    every_invalid_field_of_a_booking_is_a_400_naming_it_and_stores_nothing,
    unknown_activities_are_a_404_and_cancelled_ones_a_409,
    a_booking_is_looked_up_only_with_its_phones_session,
    two_hundred_simultaneous_bookings_fill_exactly_the_seats_and_the_waitlist_and_refuse_the_rest,
    the_same_phone_submitting_twenty_times_at_once_gets_one_booking_and_409s,
    one_phone_booking_six_activities_at_once_gets_only_three,
    the_same_cancellation_sent_ten_times_at_once_frees_the_seat_once,
    cancellations_racing_new_bookings_promote_the_earliest_waitlisted_and_never_overbook,
    real_bookings_match_their_schema,
);

/// The mobile number most tests book with, and how it is shown masked.
pub(crate) const PHONE: &str = "13800138000";
pub(crate) const MASKED: &str = "138******00";

pub(crate) fn now_ms() -> i64 {
    i64::try_from(
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("the clock is after 1970")
            .as_millis(),
    )
    .expect("milliseconds fit an i64")
}

/// The delegate of `xc-02`, signed in, who publishes the activities citizens book.
pub(crate) async fn delegate(app: &TestApp) -> Browser {
    app.create_account("wang", Role::Delegate, None, &["xc-02"])
        .await;
    app.sign_in("wang", PASSWORD).await
}

/// Publishes one reception at `xc-02`, `days` from today at 09:00, and returns its id.
pub(crate) async fn activity(
    app: &TestApp,
    delegate: &Browser,
    capacity: u32,
    days: i64,
) -> String {
    activity_on(app, delegate, capacity, &date_in(days)).await
}

/// Publishes one reception at `xc-02` on a date (`YYYY-MM-DD`) at 09:00, and returns its id.
pub(crate) async fn activity_on(
    app: &TestApp,
    delegate: &Browser,
    capacity: u32,
    date: &str,
) -> String {
    publish(app, delegate, date, ("09:00", "11:30"), capacity).await
}

/// Publishes one reception at `xc-02` on a date, from a start to an end (`HH:MM`); its id.
async fn publish(
    app: &TestApp,
    delegate: &Browser,
    date: &str,
    (start, end): (&str, &str),
    capacity: u32,
) -> String {
    let body = json!({
        "kind": "reception",
        "date": date,
        "start": start,
        "end": end,
        "capacity": capacity,
        "topic": "社区停车难",
    });
    let request = delegate
        .signed(app.request(Method::POST, "/api/homes/xc-02/activities"))
        .json(&body);
    let created = json_body(app.send(request).await, StatusCode::CREATED).await;
    created[0]["id"]
        .as_str()
        .unwrap_or_else(|| panic!("publishing answered no id: {created}"))
        .to_owned()
}

/// When an activity ends, as milliseconds since the epoch, from its public page.
pub(crate) async fn ends_at_ms(app: &TestApp, activity_id: &str) -> i64 {
    let response = app
        .send(app.get(&format!("/api/activities/{activity_id}")))
        .await;
    let found: Activity =
        serde_json::from_value(json_body(response, StatusCode::OK).await).expect("an activity");
    found.ends_at_ms().expect("the activity has an end")
}

/// Where tests move the clock when they need activities that have started or start soon: 12:00
/// tomorrow in Hohhot. It is always more than 12 hours ahead, so sessions from before the move
/// have expired: sign in again.
pub(crate) fn noon_tomorrow() -> i64 {
    ms_in(1, 12 * 60)
}

/// Publishes a one-hour reception at `xc-02` that starts `minutes` after [`noon_tomorrow`]
/// (before it when negative), and returns its id: once the clock is moved to noon, it starts in
/// `minutes`.
pub(crate) async fn activity_from_noon(
    app: &TestApp,
    delegate: &Browser,
    minutes: i64,
    capacity: u32,
) -> String {
    let start = 12 * 60 + minutes;
    assert!(
        (0..=22 * 60).contains(&start),
        "{minutes} minutes from noon is not on the same day"
    );
    let clock = |m: i64| format!("{:02}:{:02}", m / 60, m % 60);
    let date = date_of(noon_tomorrow());
    publish(
        app,
        delegate,
        &date,
        (&clock(start), &clock(start + 60)),
        capacity,
    )
    .await
}

pub(crate) fn bookings_path(activity_id: &str) -> String {
    format!("/api/activities/{activity_id}/bookings")
}

/// A valid booking body for a phone.
pub(crate) fn booking_body(phone: &str) -> Value {
    json!({
        "name": "张三",
        "phone": phone,
        "topic": "小区停车",
        "access_needs": ["wheelchair", "large_print"],
        "consent": true,
    })
}

/// The body with some fields replaced.
pub(crate) fn with(mut body: Value, changes: Value) -> Value {
    for (key, value) in changes.as_object().expect("changes are an object") {
        body[key] = value.clone();
    }
    body
}

/// The session a request about `phone` is sent with: that phone's, or, when it is no mobile
/// number (a test of the server's own check), [`PHONE`]'s.
pub(crate) async fn session_for(app: &TestApp, phone: &str) -> Browser {
    match MobileNumber::parse(phone) {
        Ok(number) => app.citizen(number.as_str()).await,
        Err(_) => app.citizen(PHONE).await,
    }
}

/// A booking request as the app sends it: signed with the session of the body's phone.
pub(crate) async fn book_request(app: &TestApp, activity_id: &str, body: &Value) -> RequestBuilder {
    let phone = body["phone"].as_str().unwrap_or_default();
    let session = session_for(app, phone).await;
    session.signed(
        app.request(Method::POST, &bookings_path(activity_id))
            .json(body),
    )
}

/// `POST /api/activities/{id}/bookings` with a valid body for a phone; whatever the answer.
pub(crate) async fn book(app: &TestApp, activity_id: &str, phone: &str) -> Response {
    app.send(book_request(app, activity_id, &booking_body(phone)).await)
        .await
}

/// Books; the answer must be 201 with this status. Returns the booking.
pub(crate) async fn booked(app: &TestApp, activity_id: &str, phone: &str, status: &str) -> Value {
    let booking = json_body(book(app, activity_id, phone).await, StatusCode::CREATED).await;
    assert_eq!(booking["status"], status, "booking for {phone}: {booking}");
    booking
}

pub(crate) fn code_of(booking: &Value) -> String {
    booking["code"]
        .as_str()
        .unwrap_or_else(|| panic!("the booking has no code: {booking}"))
        .to_owned()
}

/// `GET /api/bookings/{code}` with the session of `phone`; whatever the answer.
pub(crate) async fn look_up(app: &TestApp, code: &str, phone: &str) -> Response {
    let session = session_for(app, phone).await;
    app.send(session.cookie_only(app.get(&format!("/api/bookings/{code}"))))
        .await
}

/// Looks a booking up; the answer must be 200. Returns its status.
pub(crate) async fn status_of(app: &TestApp, code: &str, phone: &str) -> String {
    let booking = json_body(look_up(app, code, phone).await, StatusCode::OK).await;
    booking["status"]
        .as_str()
        .unwrap_or_else(|| panic!("no status: {booking}"))
        .to_owned()
}

/// A cancellation as the app sends it, with the session of `phone`.
pub(crate) async fn cancel_request(app: &TestApp, code: &str, phone: &str) -> RequestBuilder {
    let session = session_for(app, phone).await;
    session.signed(app.request(Method::POST, &format!("/api/bookings/{code}/cancel")))
}

/// `POST /api/bookings/{code}/cancel`; whatever the answer.
pub(crate) async fn cancel(app: &TestApp, code: &str, phone: &str) -> Response {
    app.send(cancel_request(app, code, phone).await).await
}

/// Cancels; the answer must be 200 with the booking cancelled.
pub(crate) async fn cancelled(app: &TestApp, code: &str, phone: &str) -> Value {
    let booking = json_body(cancel(app, code, phone).await, StatusCode::OK).await;
    assert_eq!(booking["status"], "cancelled", "{booking}");
    booking
}

/// `activities.booked_count` of an activity.
pub(crate) async fn booked_count(pool: &AnyPool, activity_id: &str) -> i64 {
    sqlx::query_scalar("SELECT booked_count FROM activities WHERE id = $1")
        .bind(activity_id)
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("cannot read the seats of {activity_id}: {e}"))
}

/// A stored booking: phone, status, waitlist order, code.
#[derive(Debug, Clone)]
pub(crate) struct Row {
    pub phone: String,
    pub status: String,
    pub seq: i64,
    pub code: String,
}

/// Every stored booking of an activity, in the order they were made.
pub(crate) async fn rows(pool: &AnyPool, activity_id: &str) -> Vec<Row> {
    sqlx::query_as::<_, (String, String, i64, String)>(
        "SELECT phone, status, seq, code FROM bookings WHERE activity_id = $1 ORDER BY seq",
    )
    .bind(activity_id)
    .fetch_all(pool)
    .await
    .unwrap_or_else(|e| panic!("cannot read the bookings of {activity_id}: {e}"))
    .into_iter()
    .map(|(phone, status, seq, code)| Row {
        phone,
        status,
        seq,
        code,
    })
    .collect()
}

/// How many stored bookings have each status: (booked, waitlisted, cancelled).
pub(crate) fn tally(rows: &[Row]) -> (usize, usize, usize) {
    let count = |s: &str| rows.iter().filter(|r| r.status == s).count();
    (count("booked"), count("waitlisted"), count("cancelled"))
}

pub(crate) async fn stored_bookings(app: &TestApp) -> i64 {
    sqlx::query_scalar("SELECT COUNT(*) FROM bookings")
        .fetch_one(&app.sql().await)
        .await
        .expect("bookings are countable")
}

/// The `i`th of a run of distinct valid mobile numbers.
pub(crate) fn mobile(prefix: &str, i: usize) -> String {
    let number = format!("{prefix}{i:04}");
    assert_eq!(number.len(), 11, "{number}");
    number
}

/// Checks a response is a 400 naming a field.
pub(crate) async fn bad_field(response: Response, field: &str, case: &str) {
    refused_field(response, "bad_parameter", field, case).await;
}

/// Checks a response is a 400 with its own code, naming a field.
pub(crate) async fn refused_field(response: Response, code: &str, field: &str, case: &str) {
    let error = api_error(response, StatusCode::BAD_REQUEST, code).await;
    assert_eq!(error["field"], field, "{case}: {error}");
}

/// A request's answer, read without judging it, for requests sent from spawned tasks.
pub(crate) async fn answer(request: RequestBuilder) -> (StatusCode, Value) {
    let response = request
        .send()
        .await
        .unwrap_or_else(|e| panic!("a simultaneous request failed: {e}"));
    let status = response.status();
    let text = response.text().await.expect("the body is readable");
    let body = serde_json::from_str(&text).unwrap_or(Value::String(text));
    (status, body)
}

/// Runs every job on the runtime's worker threads, releasing them all at the same moment, and
/// returns their outputs in the order given.
pub(crate) async fn all_at_once<T, F>(jobs: Vec<F>) -> Vec<T>
where
    T: Send + 'static,
    F: Future<Output = T> + Send + 'static,
{
    let barrier = Arc::new(Barrier::new(jobs.len()));
    let mut set = JoinSet::new();
    for (index, job) in jobs.into_iter().enumerate() {
        let barrier = Arc::clone(&barrier);
        set.spawn(async move {
            barrier.wait().await;
            (index, job.await)
        });
    }
    let mut outputs: Vec<(usize, T)> = Vec::new();
    while let Some(joined) = set.join_next().await {
        outputs.push(joined.expect("a simultaneous request panicked"));
    }
    outputs.sort_by_key(|(index, _)| *index);
    outputs.into_iter().map(|(_, output)| output).collect()
}

async fn a_citizen_books_a_seat_and_finds_the_booking_again_with_its_code_and_phone(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 2, 10).await;

    let body = with(
        booking_body("138 0013 8000"),
        json!({ "name": "  张三  ", "topic": " 小区停车 " }),
    );
    let response = app.send(book_request(&app, &id, &body).await).await;
    let booking = json_body(response, StatusCode::CREATED).await;
    let code = code_of(&booking);
    assert_eq!(code.len(), 6, "{code}");
    assert!(
        code.bytes()
            .all(|c| b"ACDEFGHJKMNPQRTUVWXY34679".contains(&c)),
        "{code} has a character outside the alphabet"
    );
    assert_eq!(CODE_ALPHABET, b"ACDEFGHJKMNPQRTUVWXY34679");
    assert_eq!(
        booking,
        json!({
            "code": code,
            "activity_id": id,
            "status": "booked",
            "name": "张三",
            "phone": MASKED,
            "topic": "小区停车",
            "access_needs": ["wheelchair", "large_print"],
        }),
        "name and topic are trimmed, the phone is masked"
    );
    let pool = app.sql().await;
    let stored = rows(&pool, &id).await;
    assert_eq!(stored.len(), 1);
    assert_eq!(stored[0].phone, PHONE, "the phone is stored as 11 digits");
    assert_eq!(stored[0].code, code);
    assert_eq!(booked_count(&pool, &id).await, 1);

    for typed in [PHONE, "+86 138 0013 8000", "138-0013-8000", "8613800138000"] {
        let found = json_body(look_up(&app, &code, typed).await, StatusCode::OK).await;
        assert_eq!(found, booking, "looked up with {typed:?}");
    }
    let lower = json_body(
        look_up(&app, &code.to_lowercase(), PHONE).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(lower, booking, "the code may be typed in lower case");

    let wrong_phone = look_up(&app, &code, "13900139000").await;
    api_error(wrong_phone, StatusCode::NOT_FOUND, "not_found").await;
    let unknown_code = look_up(&app, "AAAAAA", PHONE).await;
    api_error(unknown_code, StatusCode::NOT_FOUND, "not_found").await;
}

async fn a_full_activity_puts_newcomers_on_the_waitlist_and_a_phone_books_an_activity_once(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 2, 10).await;
    let pool = app.sql().await;

    let first = booked(&app, &id, "13800000001", "booked").await;
    let again = book(&app, &id, "138 0000 0001").await;
    api_error(again, StatusCode::CONFLICT, "already_booked").await;
    assert_eq!(
        booked_count(&pool, &id).await,
        1,
        "the refused duplicate took no seat"
    );
    assert_eq!(rows(&pool, &id).await.len(), 1, "nor a row");

    booked(&app, &id, "13800000002", "booked").await;
    assert_eq!(booked_count(&pool, &id).await, 2);
    booked(&app, &id, "13800000003", "waitlisted").await;
    let duplicate_waitlisted = book(&app, &id, "+8613800000003").await;
    api_error(duplicate_waitlisted, StatusCode::CONFLICT, "already_booked").await;
    booked(&app, &id, "13800000004", "waitlisted").await;

    let stored = rows(&pool, &id).await;
    assert_eq!(tally(&stored), (2, 2, 0));
    assert_eq!(
        stored.iter().map(|r| r.phone.as_str()).collect::<Vec<_>>(),
        ["13800000001", "13800000002", "13800000003", "13800000004"]
    );
    assert_eq!(booked_count(&pool, &id).await, 2);

    // Once cancelled, the phone may book the activity again: at the back of the queue.
    cancelled(&app, &code_of(&first), "13800000001").await;
    booked(&app, &id, "13800000001", "waitlisted").await;
    assert_eq!(booked_count(&pool, &id).await, 2);

    // The same phone may book another activity.
    let other = activity(&app, &wang, 2, 11).await;
    booked(&app, &other, "13800000001", "booked").await;
}

async fn cancelling_a_seat_promotes_the_first_on_the_waitlist_and_cancelling_a_waitlisted_place_frees_none(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 2, 10).await;
    let pool = app.sql().await;
    let phones = ["13800000001", "13800000002", "13800000003", "13800000004"];
    let b1 = code_of(&booked(&app, &id, phones[0], "booked").await);
    let b2 = code_of(&booked(&app, &id, phones[1], "booked").await);
    let w1 = code_of(&booked(&app, &id, phones[2], "waitlisted").await);
    let w2 = code_of(&booked(&app, &id, phones[3], "waitlisted").await);

    let answer = cancelled(&app, &b1, phones[0]).await;
    assert_eq!(answer["code"], b1.as_str());
    assert_eq!(answer["phone"], "138******01", "masked");
    assert_eq!(status_of(&app, &b1, phones[0]).await, "cancelled");
    assert_eq!(
        status_of(&app, &w1, phones[2]).await,
        "booked",
        "W1 promoted"
    );
    assert_eq!(status_of(&app, &w2, phones[3]).await, "waitlisted");
    assert_eq!(booked_count(&pool, &id).await, 2, "the seat went to W1");

    // A waitlisted place holds no seat: cancelling it frees none and promotes no one.
    cancelled(&app, &w2.to_lowercase(), phones[3]).await;
    assert_eq!(booked_count(&pool, &id).await, 2);
    assert_eq!(status_of(&app, &b2, phones[1]).await, "booked");
    assert_eq!(status_of(&app, &w1, phones[2]).await, "booked");
    assert_eq!(tally(&rows(&pool, &id).await), (2, 0, 2));

    // With no one waiting, a cancelled seat is free for the next booking.
    cancelled(&app, &b2, phones[1]).await;
    assert_eq!(booked_count(&pool, &id).await, 1);
    booked(&app, &id, "13800000005", "booked").await;
    assert_eq!(booked_count(&pool, &id).await, 2);
    booked(&app, &id, "13800000006", "waitlisted").await;
    assert_eq!(tally(&rows(&pool, &id).await), (2, 1, 3));
}

async fn cancelling_needs_the_bookings_phone_and_a_live_booking(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 10).await;
    let pool = app.sql().await;
    let seat = code_of(&booked(&app, &id, PHONE, "booked").await);
    let waiting = code_of(&booked(&app, &id, "13900139000", "waitlisted").await);

    // Another phone's session finds no such booking; none at all is asked to verify.
    let wrong_phone = cancel(&app, &seat, "13900139000").await;
    api_error(wrong_phone, StatusCode::NOT_FOUND, "not_found").await;
    let unknown = cancel(&app, "AAAAAA", PHONE).await;
    api_error(unknown, StatusCode::NOT_FOUND, "not_found").await;
    let anonymous = app
        .request(Method::POST, &format!("/api/bookings/{seat}/cancel"))
        .json(&json!({ "phone": PHONE }));
    api_error(
        app.send(anonymous).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    assert_eq!(
        status_of(&app, &seat, PHONE).await,
        "booked",
        "still booked"
    );
    assert_eq!(booked_count(&pool, &id).await, 1);

    cancelled(&app, &seat, PHONE).await;
    assert_eq!(status_of(&app, &waiting, "13900139000").await, "booked");
    let twice = cancel(&app, &seat, PHONE).await;
    api_error(twice, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(
        booked_count(&pool, &id).await,
        1,
        "cancelling twice gave nothing back twice"
    );
    assert_eq!(tally(&rows(&pool, &id).await), (1, 0, 1));
}

async fn booking_closes_sixty_minutes_before_the_start(app: TestApp) {
    let wang = delegate(&app).await;
    let started = activity_from_noon(&app, &wang, -10, 20).await;
    let too_soon = activity_from_noon(&app, &wang, 30, 20).await;
    let just_too_soon = activity_from_noon(&app, &wang, 59, 20).await;
    let just_in_time = activity_from_noon(&app, &wang, 61, 20).await;
    let in_time = activity_from_noon(&app, &wang, 120, 20).await;
    app.move_clock_to(noon_tomorrow());

    for (case, id) in [
        ("started", &started),
        ("in 30 minutes", &too_soon),
        ("in 59 minutes", &just_too_soon),
    ] {
        refused_field(
            book(&app, id, PHONE).await,
            "booking_closed",
            "activity",
            case,
        )
        .await;
    }
    assert_eq!(stored_bookings(&app).await, 0, "nothing was stored");
    booked(&app, &in_time, PHONE, "booked").await;
    booked(&app, &just_in_time, "13900139000", "booked").await;
    assert_eq!(stored_bookings(&app).await, 2);
}

async fn one_phone_holds_at_most_three_upcoming_bookings_and_cancelling_one_frees_a_place(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let mut ids = Vec::new();
    for days in 10..14 {
        ids.push(activity(&app, &wang, 1, days).await);
    }
    // A waitlisted place counts too: the third activity is full.
    booked(&app, &ids[2], "13900139000", "booked").await;
    let first = booked(&app, &ids[0], PHONE, "booked").await;
    booked(&app, &ids[1], PHONE, "booked").await;
    booked(&app, &ids[2], PHONE, "waitlisted").await;

    let fourth = book(&app, &ids[3], "+86 138 0013 8000").await;
    let error = api_error(fourth, StatusCode::CONFLICT, "limit_reached").await;
    assert_eq!(error["field"], "phone", "{error}");
    let pool = app.sql().await;
    assert!(rows(&pool, &ids[3]).await.is_empty(), "nothing was stored");
    assert_eq!(booked_count(&pool, &ids[3]).await, 0);

    // The cap is per phone.
    booked(&app, &ids[3], "13700137000", "booked").await;
    cancelled(&app, &code_of(&first), PHONE).await;
    booked(&app, &ids[3], PHONE, "waitlisted").await;
    let fifth = book(&app, &ids[0], PHONE).await;
    let error = api_error(fifth, StatusCode::CONFLICT, "limit_reached").await;
    assert_eq!(error["field"], "phone", "three again: {error}");
}

async fn bookings_at_a_cancelled_activity_do_not_count_towards_the_cap(app: TestApp) {
    let wang = delegate(&app).await;
    let mut ids = Vec::new();
    for days in 10..14 {
        ids.push(activity(&app, &wang, 5, days).await);
    }
    for id in &ids[..3] {
        booked(&app, id, PHONE, "booked").await;
    }
    let refused = book(&app, &ids[3], PHONE).await;
    let error = api_error(refused, StatusCode::CONFLICT, "limit_reached").await;
    assert_eq!(error["field"], "phone", "three held: {error}");

    let request = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{}/cancel", ids[0])))
        .json(&json!({ "reason": "下雪" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    // The citizen's booking at the cancelled activity is no upcoming activity any more.
    booked(&app, &ids[3], PHONE, "booked").await;
}

async fn every_invalid_field_of_a_booking_is_a_400_naming_it_and_stores_nothing(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let cases = [
        ("an empty name", json!({ "name": "   " }), "name"),
        (
            "a name of 31 characters",
            json!({ "name": "张".repeat(31) }),
            "name",
        ),
        ("a landline", json!({ "phone": "0471-6512345" }), "phone"),
        ("too few digits", json!({ "phone": "1380013800" }), "phone"),
        ("an empty topic", json!({ "topic": "" }), "topic"),
        (
            "a topic of 201 characters",
            json!({ "topic": "话".repeat(201) }),
            "topic",
        ),
        ("no consent", json!({ "consent": false }), "consent"),
        ("consent as text", json!({ "consent": "yes" }), "consent"),
        (
            "an unknown access need",
            json!({ "access_needs": ["jetpack"] }),
            "access_needs",
        ),
    ];
    for (case, changes, field) in cases {
        let body = with(booking_body(PHONE), changes);
        bad_field(
            app.send(book_request(&app, &id, &body).await).await,
            field,
            case,
        )
        .await;
    }
    let mut no_consent = booking_body(PHONE);
    no_consent
        .as_object_mut()
        .expect("an object")
        .remove("consent");
    bad_field(
        app.send(book_request(&app, &id, &no_consent).await).await,
        "consent",
        "consent missing",
    )
    .await;
    let malformed = app.citizen(PHONE).await.signed(
        app.request(Method::POST, &bookings_path(&id))
            .header("content-type", "application/json")
            .body(r#"{"name": "张三","#),
    );
    bad_field(app.send(malformed).await, "body", "malformed JSON").await;
    // A phone other than the verified one is refused.
    let other = app.citizen(PHONE).await.signed(
        app.request(Method::POST, &bookings_path(&id))
            .json(&booking_body("13900139000")),
    );
    api_error(app.send(other).await, StatusCode::FORBIDDEN, "forbidden").await;
    assert_eq!(stored_bookings(&app).await, 0, "nothing was stored");
    assert_eq!(booked_count(&app.sql().await, &id).await, 0);

    // At the limits, and without access needs, it is fine.
    let body = json!({
        "name": "张".repeat(30),
        "phone": PHONE,
        "topic": "话".repeat(200),
        "consent": true,
    });
    let booking = json_body(
        app.send(book_request(&app, &id, &body).await).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(booking["access_needs"], json!([]));
    assert_eq!(stored_bookings(&app).await, 1);
}

async fn unknown_activities_are_a_404_and_cancelled_ones_a_409(app: TestApp) {
    let wang = delegate(&app).await;
    let unknown = book(&app, "no-such-activity", PHONE).await;
    api_error(unknown, StatusCode::NOT_FOUND, "not_found").await;

    let id = activity(&app, &wang, 5, 10).await;
    let request = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{id}/cancel")))
        .json(&json!({ "reason": "代表外出开会" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    let refused = book(&app, &id, PHONE).await;
    api_error(refused, StatusCode::CONFLICT, "activity_cancelled").await;
    assert_eq!(stored_bookings(&app).await, 0);
    assert_eq!(booked_count(&app.sql().await, &id).await, 0);
}

async fn a_booking_is_looked_up_only_with_its_phones_session(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);

    // The phone as a query parameter opens nothing any more: only the phone's session does.
    let by_digits = app
        .send(
            app.get(&format!("/api/bookings/{code}"))
                .query(&[("phone", PHONE)]),
        )
        .await;
    api_error(by_digits, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let other = look_up(&app, &code, "13900139000").await;
    api_error(other, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(status_of(&app, &code, PHONE).await, "booked");
}

/// 200 different phones book a 10-seat activity at the same moment: ten get the seats, ten the
/// waitlist (as long as the seats, and at least ten), and the rest are refused.
async fn two_hundred_simultaneous_bookings_fill_exactly_the_seats_and_the_waitlist_and_refuse_the_rest(
    app: TestApp,
) {
    const CITIZENS: usize = 200;
    const SEATS: usize = 10;
    const WAITING: usize = 10;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 10, 10).await;
    let phones: Vec<String> = (0..CITIZENS).map(|i| mobile("1390000", i)).collect();
    let mut jobs = Vec::new();
    for phone in &phones {
        jobs.push(answer(book_request(&app, &id, &booking_body(phone)).await));
    }

    let started = Instant::now();
    let answers = all_at_once(jobs).await;
    eprintln!(
        "{:?}: {CITIZENS} simultaneous bookings answered in {:?}",
        app.backend,
        started.elapsed()
    );

    let refused: Vec<_> = answers
        .iter()
        .filter(|(status, _)| *status != StatusCode::CREATED)
        .collect();
    assert_eq!(
        refused.len(),
        CITIZENS - SEATS - WAITING,
        "{:?}",
        refused.first()
    );
    assert!(
        refused
            .iter()
            .all(|(s, b)| *s == StatusCode::CONFLICT && b["code"] == "waitlist_full"),
        "every refusal is 409 waitlist_full: {:?}",
        refused.iter().find(|(_, b)| b["code"] != "waitlist_full")
    );
    let answers: Vec<_> = phones
        .iter()
        .zip(&answers)
        .filter(|(_, (status, _))| *status == StatusCode::CREATED)
        .collect();
    let answered = |s: &str| {
        answers
            .iter()
            .filter(|(_, (_, b))| b["status"] == s)
            .count()
    };
    assert_eq!(
        (answered("booked"), answered("waitlisted")),
        (SEATS, WAITING)
    );
    let codes: HashSet<String> = answers.iter().map(|(_, (_, b))| code_of(b)).collect();
    assert_eq!(
        codes.len(),
        SEATS + WAITING,
        "every booking has its own code"
    );

    let pool = app.sql().await;
    let stored = rows(&pool, &id).await;
    assert_eq!(tally(&stored), (SEATS, WAITING, 0));
    assert_eq!(booked_count(&pool, &id).await, 10);
    let seqs: Vec<i64> = stored.iter().map(|r| r.seq).collect();
    assert_eq!(
        seqs,
        (1..=20).collect::<Vec<i64>>(),
        "the waitlist order has no gaps or ties"
    );
    assert!(
        stored[..SEATS].iter().all(|r| r.status == "booked"),
        "the first ten in line have the seats: {stored:?}"
    );
    let stored_phones: HashSet<&str> = stored.iter().map(|r| r.phone.as_str()).collect();
    assert_eq!(stored_phones.len(), SEATS + WAITING);
    for (phone, (_, booking)) in answers {
        let row = stored
            .iter()
            .find(|r| r.code == code_of(booking))
            .unwrap_or_else(|| panic!("no row for {booking}"));
        assert_eq!(&row.phone, phone);
        assert_eq!(booking["status"], row.status.as_str());
    }
}

/// A citizen's double (or twentyfold) click sends the same booking many times at once.
async fn the_same_phone_submitting_twenty_times_at_once_gets_one_booking_and_409s(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let mut jobs = Vec::new();
    for _ in 0..20 {
        jobs.push(answer(book_request(&app, &id, &booking_body(PHONE)).await));
    }
    let answers = all_at_once(jobs).await;
    let statuses: Vec<StatusCode> = answers.iter().map(|(s, _)| *s).collect();
    let created = statuses
        .iter()
        .filter(|s| **s == StatusCode::CREATED)
        .count();
    let conflicts = statuses
        .iter()
        .filter(|s| **s == StatusCode::CONFLICT)
        .count();
    assert_eq!(
        (created, conflicts),
        (1, 19),
        "one booking and 19 conflicts, not {answers:?}"
    );
    let pool = app.sql().await;
    assert_eq!(tally(&rows(&pool, &id).await), (1, 0, 0));
    assert_eq!(
        booked_count(&pool, &id).await,
        1,
        "the refused took no seat"
    );
}

/// The cap must hold when a phone books many activities at the same moment, not only one by one.
async fn one_phone_booking_six_activities_at_once_gets_only_three(app: TestApp) {
    let wang = delegate(&app).await;
    let mut ids = Vec::new();
    for days in 10..16 {
        ids.push(activity(&app, &wang, 5, days).await);
    }
    let mut jobs = Vec::new();
    for id in &ids {
        jobs.push(answer(book_request(&app, id, &booking_body(PHONE)).await));
    }
    let answers = all_at_once(jobs).await;
    let count = |s: StatusCode| answers.iter().filter(|(status, _)| *status == s).count();
    assert_eq!(
        (count(StatusCode::CREATED), count(StatusCode::CONFLICT)),
        (3, 3),
        "three bookings and three refusals, not {answers:?}"
    );
    for (_, body) in answers.iter().filter(|(s, _)| *s == StatusCode::CONFLICT) {
        assert_eq!(
            (body["code"].as_str(), body["field"].as_str()),
            (Some("limit_reached"), Some("phone")),
            "{body}"
        );
    }
    assert_eq!(stored_bookings(&app).await, 3);
}

async fn the_same_cancellation_sent_ten_times_at_once_frees_the_seat_once(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 3, 10).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    booked(&app, &id, "13900139000", "booked").await;
    let mut jobs = Vec::new();
    for _ in 0..10 {
        jobs.push(answer(cancel_request(&app, &code, PHONE).await));
    }
    let answers = all_at_once(jobs).await;
    let count = |s: StatusCode| answers.iter().filter(|(status, _)| *status == s).count();
    assert_eq!(
        (count(StatusCode::OK), count(StatusCode::NOT_FOUND)),
        (1, 9),
        "one cancellation and nine 404s, not {answers:?}"
    );
    let pool = app.sql().await;
    assert_eq!(
        booked_count(&pool, &id).await,
        1,
        "one seat was freed, once"
    );
    assert_eq!(tally(&rows(&pool, &id).await), (1, 0, 1));
}

/// While the five seated citizens cancel, twenty more book; the five seats must go to the first
/// five who were waiting, and no more than five may ever hold one. The waitlist is full (ten)
/// when they start, so a newcomer joins it only in a place a promotion freed.
async fn cancellations_racing_new_bookings_promote_the_earliest_waitlisted_and_never_overbook(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let mut seated = Vec::new();
    for i in 0..5 {
        let phone = mobile("1381111", i);
        let code = code_of(&booked(&app, &id, &phone, "booked").await);
        seated.push((code, phone));
    }
    let mut waiting = Vec::new();
    for i in 0..10 {
        let phone = mobile("1382222", i);
        booked(&app, &id, &phone, "waitlisted").await;
        waiting.push(phone);
    }
    let newcomers: Vec<String> = (0..20).map(|i| mobile("1383333", i)).collect();

    let mut jobs = Vec::new();
    for (code, phone) in &seated {
        jobs.push(answer(cancel_request(&app, code, phone).await));
    }
    for phone in &newcomers {
        jobs.push(answer(book_request(&app, &id, &booking_body(phone)).await));
    }
    let started = Instant::now();
    let answers = all_at_once(jobs).await;
    eprintln!(
        "{:?}: 5 cancellations racing 20 bookings answered in {:?}",
        app.backend,
        started.elapsed()
    );
    for (status, body) in &answers[..5] {
        assert_eq!(*status, StatusCode::OK, "a cancellation: {body}");
        assert_eq!(body["status"], "cancelled", "{body}");
    }
    let mut joined = 0;
    for (status, body) in &answers[5..] {
        if *status == StatusCode::CONFLICT {
            assert_eq!(body["code"], "waitlist_full", "{body}");
            continue;
        }
        assert_eq!(*status, StatusCode::CREATED, "a new booking: {body}");
        assert_eq!(
            body["status"], "waitlisted",
            "the waitlist was never empty, so no newcomer may have a seat: {body}"
        );
        joined += 1;
    }
    assert!(joined <= 5, "only the places promotions freed: {joined}");

    let pool = app.sql().await;
    let stored = rows(&pool, &id).await;
    assert_eq!(tally(&stored), (5, 5 + joined, 5));
    assert_eq!(booked_count(&pool, &id).await, 5);
    let mut seated_now: Vec<&str> = stored
        .iter()
        .filter(|r| r.status == "booked")
        .map(|r| r.phone.as_str())
        .collect();
    seated_now.sort_unstable();
    assert_eq!(
        seated_now,
        waiting[..5].iter().map(String::as_str).collect::<Vec<_>>(),
        "the first five waiting were promoted"
    );
    let phones: HashSet<&str> = stored.iter().map(|r| r.phone.as_str()).collect();
    assert_eq!(phones.len(), stored.len(), "nobody holds two bookings");
    assert_eq!(stored.len(), 15 + joined);
    let waiting_now: Vec<&str> = stored
        .iter()
        .filter(|r| r.status == "waitlisted")
        .map(|r| r.phone.as_str())
        .collect();
    assert_eq!(
        &waiting_now[..5],
        waiting[5..].iter().map(String::as_str).collect::<Vec<_>>(),
        "the rest of the original waitlist keeps its place ahead of the newcomers"
    );
}

async fn real_bookings_match_their_schema(app: TestApp) {
    let doc = json_body(app.send(app.get("/api/openapi.json")).await, StatusCode::OK).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 10).await;
    let seat = booked(&app, &id, PHONE, "booked").await;
    let waiting = booked(&app, &id, "13900139000", "waitlisted").await;
    let found = json_body(look_up(&app, &code_of(&seat), PHONE).await, StatusCode::OK).await;
    let gone = cancelled(&app, &code_of(&seat), PHONE).await;
    let mut enums = 0;
    for booking in [&seat, &waiting, &found, &gone] {
        let object = booking.as_object().expect("an object");
        assert_eq!(object.len(), 7, "every key is checked: {booking}");
        enums += check_against_schema(&doc, "Booking", object);
    }
    assert_eq!(enums, 4, "status is an enum in Booking");
    let error = api_error(
        look_up(&app, &code_of(&seat), "13700137000").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    check_against_schema(&doc, "ApiError", error.as_object().expect("an object"));
}
