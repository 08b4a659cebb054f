//! A booking sent with an `Idempotency-Key` can be sent again when its answer was lost: the
//! same key and body answer the first booking (200, same code) instead of a 409, another body
//! under the key is a 409 `key_reused`, and twenty tries at once make one booking.

use crate::bookings::{
    activity, all_at_once, answer, bad_field, book_request, booked_count, booking_body, code_of,
    delegate, rows, stored_bookings, tally, with, PHONE,
};
use crate::helpers::{api_error, json_body, on_both_databases, TestApp};
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_databases!(
    a_booking_sent_again_under_its_key_answers_the_same_booking_and_another_body_is_a_409,
    twenty_tries_at_once_under_one_key_make_one_booking_and_one_message,
);

const KEY: &str = "2b7e1c9a-booking-form-1";

async fn a_booking_sent_again_under_its_key_answers_the_same_booking_and_another_body_is_a_409(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let other = activity(&app, &wang, 5, 11).await;
    let body = booking_body(PHONE);
    let keyed = |activity: &str, body: &Value| {
        let (activity, body) = (activity.to_owned(), body.clone());
        let app = &app;
        async move {
            book_request(app, &activity, &body)
                .await
                .header("Idempotency-Key", KEY)
        }
    };
    let first = json_body(app.send(keyed(&id, &body).await).await, StatusCode::CREATED).await;
    let again = json_body(app.send(keyed(&id, &body).await).await, StatusCode::OK).await;
    assert_eq!(again, first, "the retry answers the first booking");

    let changed = with(body.clone(), json!({ "topic": "另一个议题" }));
    let error = api_error(
        app.send(keyed(&id, &changed).await).await,
        StatusCode::CONFLICT,
        "key_reused",
    )
    .await;
    assert_eq!(error["field"], "Idempotency-Key", "{error}");
    let error = api_error(
        app.send(keyed(&other, &body).await).await,
        StatusCode::CONFLICT,
        "key_reused",
    )
    .await;
    assert_eq!(error["field"], "Idempotency-Key", "{error}");
    // Without the key the same booking is a booking of a phone that holds one.
    let unkeyed = app.send(book_request(&app, &id, &body).await).await;
    api_error(unkeyed, StatusCode::CONFLICT, "already_booked").await;
    let blank = book_request(&app, &id, &body)
        .await
        .header("Idempotency-Key", " ");
    bad_field(app.send(blank).await, "Idempotency-Key", "a blank key").await;
    let long = book_request(&app, &id, &body)
        .await
        .header("Idempotency-Key", "k".repeat(101));
    bad_field(
        app.send(long).await,
        "Idempotency-Key",
        "a key of 101 characters",
    )
    .await;
    assert_eq!(stored_bookings(&app).await, 1);
    assert_eq!(code_of(&again), code_of(&first));
}

async fn twenty_tries_at_once_under_one_key_make_one_booking_and_one_message(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let mut jobs = Vec::new();
    for _ in 0..20 {
        let request = book_request(&app, &id, &booking_body(PHONE)).await;
        jobs.push(answer(request.header("Idempotency-Key", KEY)));
    }
    let answers = all_at_once(jobs).await;
    let count = |status: StatusCode| answers.iter().filter(|(s, _)| *s == status).count();
    assert_eq!(
        (count(StatusCode::CREATED), count(StatusCode::OK)),
        (1, 19),
        "one booking made and 19 answered with it, not {answers:?}"
    );
    let codes: std::collections::HashSet<String> =
        answers.iter().map(|(_, b)| code_of(b)).collect();
    assert_eq!(codes.len(), 1, "{codes:?}");
    let pool = app.sql().await;
    assert_eq!(tally(&rows(&pool, &id).await), (1, 0, 0));
    assert_eq!(booked_count(&pool, &id).await, 1);
    let messages: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM notifications WHERE kind <> 'verification_code'")
            .fetch_one(&pool)
            .await
            .expect("the outbox");
    assert_eq!(
        messages, 1,
        "one confirmation (and the phone's verification code)"
    );
}
