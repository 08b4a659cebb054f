//! A citizen moves a booking, code and all, to another activity; the seat left behind goes to
//! the first waiting. Also: a booking whose random code is taken gets a fresh one.

use crate::bookings::{
    activity, activity_from_noon, all_at_once, answer, bad_field, book, booked, booked_count,
    cancelled, code_of, delegate, mobile, noon_tomorrow, rows, status_of, stored_bookings, tally,
    MASKED, PHONE,
};
use crate::helpers::{api_error, json_body, on_both_databases, TestApp};
use crate::notifications::{kinds, messages_for, staff};
use reqwest::{Method, RequestBuilder, Response, StatusCode};
use serde_json::json;

on_both_databases!(
    a_booking_moves_with_its_code_to_a_free_seat_and_its_old_seat_goes_to_the_first_waiting,
    moving_into_a_full_activity_puts_the_booking_at_the_back_of_its_waitlist,
    moves_into_cancelled_past_or_too_soon_activities_or_where_the_phone_is_booked_are_refused,
    moves_need_the_phones_session_the_bookings_code_and_a_live_booking,
    twenty_opposite_moves_at_once_neither_deadlock_nor_overbook,
    a_booking_whose_code_is_taken_is_stored_with_a_fresh_code,
    a_cancel_racing_a_move_never_frees_a_seat_twice,
    a_checked_in_booking_is_not_moved_and_keeps_its_seat,
    a_check_in_racing_a_move_never_travels_with_the_booking,
);

/// A move as the app sends it, with the session of `phone`.
async fn move_request(app: &TestApp, code: &str, phone: &str, activity_id: &str) -> RequestBuilder {
    let session = crate::bookings::session_for(app, phone).await;
    session.signed(
        app.request(Method::POST, &format!("/api/bookings/{code}/move"))
            .json(&json!({ "activity_id": activity_id })),
    )
}

/// `POST /api/bookings/{code}/move`; whatever the answer.
pub(crate) async fn move_to(app: &TestApp, code: &str, phone: &str, activity_id: &str) -> Response {
    app.send(move_request(app, code, phone, activity_id).await)
        .await
}

async fn a_booking_moves_with_its_code_to_a_free_seat_and_its_old_seat_goes_to_the_first_waiting(
    app: TestApp,
) {
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let from = activity(&app, &wang, 1, 10).await;
    let to = activity(&app, &wang, 2, 11).await;
    let mover = code_of(&booked(&app, &from, PHONE, "booked").await);
    let first = code_of(&booked(&app, &from, "13900139000", "waitlisted").await);
    let second = code_of(&booked(&app, &from, "13700137000", "waitlisted").await);

    let moved = json_body(
        move_to(&app, &mover, "+86 138 0013 8000", &to).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(moved["code"], mover.as_str(), "the same code");
    assert_eq!(moved["activity_id"], to.as_str());
    assert_eq!(moved["status"], "booked");
    assert_eq!(moved["phone"], MASKED);
    assert_eq!(
        status_of(&app, &first, "13900139000").await,
        "booked",
        "promoted"
    );
    assert_eq!(status_of(&app, &second, "13700137000").await, "waitlisted");
    let pool = app.sql().await;
    assert_eq!(booked_count(&pool, &from).await, 1);
    assert_eq!(booked_count(&pool, &to).await, 1);
    assert_eq!(tally(&rows(&pool, &to).await), (1, 0, 0));

    let told = messages_for(&app, &staff, &mover).await;
    assert_eq!(kinds(&told), ["change", "confirmation"]);
    let change = told
        .iter()
        .find(|m| m["kind"] == "change")
        .expect("a change");
    assert!(change["message"]
        .as_str()
        .is_some_and(|m| m.contains(&crate::activities::date_in(11)) && m.contains(&mover)));
    assert_eq!(
        kinds(&messages_for(&app, &staff, &first).await),
        ["confirmation", "promotion"]
    );
    assert_eq!(
        kinds(&messages_for(&app, &staff, &second).await),
        ["confirmation"]
    );
}

async fn moving_into_a_full_activity_puts_the_booking_at_the_back_of_its_waitlist(app: TestApp) {
    let wang = delegate(&app).await;
    let from = activity(&app, &wang, 3, 10).await;
    let to = activity(&app, &wang, 1, 11).await;
    let mover = code_of(&booked(&app, &from, PHONE, "booked").await);
    booked(&app, &to, "13900139000", "booked").await;
    booked(&app, &to, "13700137000", "waitlisted").await;

    let moved = json_body(move_to(&app, &mover, PHONE, &to).await, StatusCode::OK).await;
    assert_eq!(moved["status"], "waitlisted");
    let pool = app.sql().await;
    let there = rows(&pool, &to).await;
    assert_eq!(
        there.last().map(|r| r.code.as_str()),
        Some(mover.as_str()),
        "at the back"
    );
    assert_eq!(tally(&there), (1, 2, 0));
    assert_eq!(booked_count(&pool, &to).await, 1);
    assert_eq!(booked_count(&pool, &from).await, 0, "the old seat is free");

    // Moving a waitlisted place back frees no seat there.
    let back = json_body(move_to(&app, &mover, PHONE, &from).await, StatusCode::OK).await;
    assert_eq!(back["status"], "booked");
    assert_eq!(booked_count(&pool, &to).await, 1);
    assert_eq!(tally(&rows(&pool, &to).await), (1, 1, 0));
}

async fn moves_into_cancelled_past_or_too_soon_activities_or_where_the_phone_is_booked_are_refused(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let from = activity(&app, &wang, 3, 10).await;
    let other = activity(&app, &wang, 3, 11).await;
    let cancelled_one = activity(&app, &wang, 3, 12).await;
    let request = wang
        .signed(app.request(
            Method::POST,
            &format!("/api/activities/{cancelled_one}/cancel"),
        ))
        .json(&json!({ "reason": "下雪" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    let started = activity_from_noon(&app, &wang, -10, 5).await;
    let too_soon = activity_from_noon(&app, &wang, 30, 5).await;
    let soon = activity_from_noon(&app, &wang, 90, 5).await;
    app.move_clock_to(noon_tomorrow());
    let code = code_of(&booked(&app, &from, PHONE, "booked").await);
    booked(&app, &other, PHONE, "booked").await;

    api_error(
        move_to(&app, &code, PHONE, &cancelled_one).await,
        StatusCode::CONFLICT,
        "activity_cancelled",
    )
    .await;
    crate::bookings::refused_field(
        move_to(&app, &code, PHONE, &started).await,
        "booking_closed",
        "activity_id",
        "started",
    )
    .await;
    crate::bookings::refused_field(
        move_to(&app, &code, PHONE, &too_soon).await,
        "booking_closed",
        "activity_id",
        "too soon",
    )
    .await;
    let booked_there = move_to(&app, &code, PHONE, &other).await;
    let error = api_error(booked_there, StatusCode::CONFLICT, "already_booked").await;
    assert_eq!(error["field"], "activity_id");
    api_error(
        move_to(&app, &code, PHONE, &from).await,
        StatusCode::CONFLICT,
        "already_booked",
    )
    .await;
    api_error(
        move_to(&app, &code, PHONE, "no-such-activity").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;

    let pool = app.sql().await;
    assert_eq!(rows(&pool, &from).await[0].code, code, "still where it was");
    assert_eq!(booked_count(&pool, &from).await, 1);
    for id in [&other, &cancelled_one, &started, &too_soon] {
        let expected = if id == &other { 1 } else { 0 };
        assert_eq!(booked_count(&pool, id).await, expected, "{id}");
    }

    // A booking at an activity under way cannot be moved away.
    let late = code_of(&booked(&app, &soon, "13900139000", "booked").await);
    app.clock.advance(91 * 60_000);
    crate::bookings::refused_field(
        move_to(&app, &late, "13900139000", &other).await,
        "activity_started",
        "code",
        "under way",
    )
    .await;
}

async fn moves_need_the_phones_session_the_bookings_code_and_a_live_booking(app: TestApp) {
    let wang = delegate(&app).await;
    let from = activity(&app, &wang, 3, 10).await;
    let to = activity(&app, &wang, 3, 11).await;
    let code = code_of(&booked(&app, &from, PHONE, "booked").await);
    let gone = code_of(&booked(&app, &from, "13900139000", "booked").await);
    cancelled(&app, &gone, "13900139000").await;

    for (case, code, phone) in [
        ("a wrong phone", code.as_str(), "13700137000"),
        ("an unknown code", "AAAAAA", PHONE),
        ("a cancelled booking", gone.as_str(), "13900139000"),
    ] {
        let response = move_to(&app, code, phone, &to).await;
        let error = api_error(response, StatusCode::NOT_FOUND, "not_found").await;
        assert!(
            !error["message"].as_str().unwrap_or_default().is_empty(),
            "{case}"
        );
    }
    let anonymous = app
        .request(Method::POST, &format!("/api/bookings/{code}/move"))
        .json(&json!({ "phone": PHONE, "activity_id": to }));
    api_error(
        app.send(anonymous).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    let malformed = app.citizen(PHONE).await.signed(
        app.request(Method::POST, &format!("/api/bookings/{code}/move"))
            .header("content-type", "application/json")
            .body(r#"{"phone": "13800138000"}"#),
    );
    bad_field(app.send(malformed).await, "activity_id", "no activity_id").await;
    assert_eq!(tally(&rows(&app.sql().await, &to).await), (0, 0, 0));

    let lower = json_body(
        move_to(&app, &code.to_lowercase(), PHONE, &to).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        lower["code"],
        code.as_str(),
        "the code may be typed in lower case"
    );
}

/// Ten citizens at A move to B while ten at B move to A, all at the same moment: the two
/// activities' rows are locked in one order, so nobody waits for ever, and the seats add up.
async fn twenty_opposite_moves_at_once_neither_deadlock_nor_overbook(app: TestApp) {
    let wang = delegate(&app).await;
    let a = activity(&app, &wang, 8, 10).await;
    let b = activity(&app, &wang, 8, 11).await;
    let mut jobs = Vec::new();
    for i in 0..10 {
        let (pa, pb) = (mobile("1381111", i), mobile("1382222", i));
        let ca = code_of(&booked(&app, &a, &pa, if i < 8 { "booked" } else { "waitlisted" }).await);
        let cb = code_of(&booked(&app, &b, &pb, if i < 8 { "booked" } else { "waitlisted" }).await);
        jobs.push(answer(move_request(&app, &ca, &pa, &b).await));
        jobs.push(answer(move_request(&app, &cb, &pb, &a).await));
    }
    let answers = all_at_once(jobs).await;
    for (status, body) in &answers {
        assert_eq!(*status, StatusCode::OK, "{body}");
    }
    let pool = app.sql().await;
    for id in [&a, &b] {
        let stored = rows(&pool, id).await;
        let (seated, waiting, _) = tally(&stored);
        assert_eq!((seated, waiting), (8, 2), "{id}: {stored:?}");
        assert_eq!(booked_count(&pool, id).await, 8);
    }
    assert_eq!(stored_bookings(&app).await, 20);
}

async fn a_booking_whose_code_is_taken_is_stored_with_a_fresh_code(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 3, 10).await;
    app.queue_booking_codes(&["ACD34X", "ACD34X", "ACD34X", "QWE34X"]);
    let first = booked(&app, &id, PHONE, "booked").await;
    assert_eq!(code_of(&first), "ACD34X");
    let second = json_body(book(&app, &id, "13900139000").await, StatusCode::CREATED).await;
    assert_eq!(
        code_of(&second),
        "QWE34X",
        "two taken codes, then a fresh one"
    );
    let pool = app.sql().await;
    assert_eq!(tally(&rows(&pool, &id).await), (2, 0, 0));
    assert_eq!(
        booked_count(&pool, &id).await,
        2,
        "the failed tries took no seat"
    );
    assert_eq!(status_of(&app, "QWE34X", "13900139000").await, "booked");
}

async fn a_cancel_racing_a_move_never_frees_a_seat_twice(app: TestApp) {
    let wang = delegate(&app).await;
    let from = activity(&app, &wang, 200, 1).await;
    let to = activity(&app, &wang, 200, 2).await;
    let pool = app.sql().await;
    for round in 0..150 {
        let phone = mobile("1390013", round);
        let code = code_of(&booked(&app, &from, &phone, "booked").await);
        // The same request-sending future for both, so they can race in one batch.
        let jobs = vec![
            answer(crate::bookings::cancel_request(&app, &code, &phone).await),
            answer(move_request(&app, &code, &phone, &to).await),
        ];
        let answers = all_at_once(jobs).await;
        let (cancel, moved) = (&answers[0], &answers[1]);
        assert_eq!(cancel.0, StatusCode::OK, "round {round}: {}", cancel.1);
        assert_eq!(cancel.1["status"], "cancelled", "round {round}");
        assert!(
            matches!(moved.0, StatusCode::OK | StatusCode::NOT_FOUND),
            "round {round}: {}",
            moved.1
        );
        for id in [&from, &to] {
            let seated = tally(&rows(&pool, id).await).0;
            assert_eq!(
                booked_count(&pool, id).await,
                i64::try_from(seated).unwrap(),
                "round {round}: {id}'s seat count drifted from its rows"
            );
        }
    }
    for id in [&from, &to] {
        assert_eq!(
            tally(&rows(&pool, id).await).0,
            0,
            "{id}: every booking ended cancelled"
        );
    }
}

async fn a_checked_in_booking_is_not_moved_and_keeps_its_seat(app: TestApp) {
    let wang = delegate(&app).await;
    let (from, to) = (
        activity(&app, &wang, 5, 10).await,
        activity(&app, &wang, 5, 11).await,
    );
    let code = code_of(&booked(&app, &from, PHONE, "booked").await);
    let check_in = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{from}/check-in")))
        .json(&json!({ "code": code }));
    json_body(app.send(check_in).await, StatusCode::OK).await;
    let error = api_error(
        move_to(&app, &code, PHONE, &to).await,
        StatusCode::CONFLICT,
        "already_checked_in",
    )
    .await;
    assert_eq!(error["field"], "code", "{error}");
    let pool = app.sql().await;
    assert_eq!(
        (
            booked_count(&pool, &from).await,
            booked_count(&pool, &to).await
        ),
        (1, 0)
    );
    let (activity_id, checked_in): (String, Option<i64>) =
        sqlx::query_as("SELECT activity_id, checked_in_at_ms FROM bookings WHERE code = $1")
            .bind(&code)
            .fetch_one(&pool)
            .await
            .expect("the booking");
    assert_eq!(
        activity_id, from,
        "the booking stays where it was checked in"
    );
    assert!(checked_in.is_some());
}

async fn a_check_in_racing_a_move_never_travels_with_the_booking(app: TestApp) {
    let wang = delegate(&app).await;
    let (from, to) = (
        activity(&app, &wang, 40, 10).await,
        activity(&app, &wang, 40, 11).await,
    );
    for round in 0..20 {
        let phone = mobile("1390000", round);
        let code = code_of(&booked(&app, &from, &phone, "booked").await);
        let check_in = wang
            .signed(app.request(Method::POST, &format!("/api/activities/{from}/check-in")))
            .json(&json!({ "code": code }));
        let answers = all_at_once(vec![
            answer(check_in),
            answer(move_request(&app, &code, &phone, &to).await),
        ])
        .await;
        let (checked, moved) = (answers[0].0, answers[1].0);
        assert!(
            matches!(
                (checked, moved),
                (StatusCode::OK, StatusCode::CONFLICT) | (StatusCode::NOT_FOUND, StatusCode::OK)
            ),
            "round {round}: one of them wins, not {answers:?}"
        );
        let (activity_id, checked_in): (String, Option<i64>) =
            sqlx::query_as("SELECT activity_id, checked_in_at_ms FROM bookings WHERE code = $1")
                .bind(&code)
                .fetch_one(&app.sql().await)
                .await
                .expect("the booking");
        assert_eq!(
            (activity_id == from, checked_in.is_some()),
            (checked == StatusCode::OK, checked == StatusCode::OK),
            "round {round}: {answers:?}"
        );
    }
}
