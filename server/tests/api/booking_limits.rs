//! The limits on citizens' bookings: changes (book, cancel, move) per phone per day and per
//! client address per hour, 429 with `Retry-After`, also when requests race; texts to one phone
//! per day; a waitlist as long as the seats and at least ten. Each scenario runs with the limit
//! it checks at its real value (the usual test settings raise them).

use crate::booking_moves::move_to;
use crate::bookings::{
    activity, all_at_once, answer, book, book_request, booked, booking_body, cancel, cancelled,
    code_of, delegate, mobile, rows, tally, PHONE,
};
use crate::helpers::{api_error, configured, on_both_databases, TestApp};
use reqwest::{Response, StatusCode};

configured!(
    a_phone_changes_bookings_ten_times_a_day_and_then_waits => |c| {
        c.booking_changes_per_phone_day = 10;
        c.booking_cap = 100;
    },
    thirty_bookings_of_one_phone_at_once_make_no_more_than_ten => |c| {
        c.booking_changes_per_phone_day = 10;
        c.booking_cap = 100;
    },
    one_address_changes_bookings_thirty_times_an_hour_also_when_requests_race => |c| {
        c.booking_changes_per_address_hour = 30;
    },
    a_phone_is_written_twenty_texts_a_day_and_the_bookings_go_on => |c| {
        c.booking_cap = 100;
    },
);

on_both_databases!(a_waitlist_is_as_long_as_the_seats_and_at_least_ten);

const DAY_MS: i64 = 86_400_000;

/// The seconds of a 429's `Retry-After`.
async fn limited(response: Response) -> i64 {
    let retry_after = response
        .headers()
        .get("retry-after")
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<i64>().ok())
        .unwrap_or_else(|| panic!("a 429 has a Retry-After: {:?}", response.headers()));
    api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    retry_after
}

async fn a_phone_changes_bookings_ten_times_a_day_and_then_waits(app: TestApp) {
    let wang = delegate(&app).await;
    let mut ids = Vec::new();
    for days in 10..17 {
        ids.push(activity(&app, &wang, 5, days).await);
    }
    // Four bookings and their cancellations: eight changes.
    for id in &ids[..4] {
        let code = code_of(&booked(&app, id, PHONE, "booked").await);
        cancelled(&app, &code, PHONE).await;
    }
    let kept = code_of(&booked(&app, &ids[4], PHONE, "booked").await);
    // A refused change counts nothing: booking the same activity again is a 409.
    let again = book(&app, &ids[4], PHONE).await;
    api_error(again, StatusCode::CONFLICT, "already_booked").await;
    let moved = move_to(&app, &kept, PHONE, &ids[5]).await;
    assert_eq!(moved.status(), StatusCode::OK, "the tenth change");

    let retry_after = limited(book(&app, &ids[6], PHONE).await).await;
    assert!(
        retry_after > DAY_MS / 1000 - 60 && retry_after <= DAY_MS / 1000,
        "the first change leaves the day in about a day: {retry_after}"
    );
    limited(cancel(&app, &kept, PHONE).await).await;
    limited(move_to(&app, &kept, PHONE, &ids[6]).await).await;
    assert_eq!(tally(&rows(&app.sql().await, &ids[6]).await), (0, 0, 0));
    // Another phone is not held back by this one.
    booked(&app, &ids[6], "13900139000", "booked").await;

    app.clock.advance(DAY_MS);
    booked(&app, &ids[6], PHONE, "booked").await;
    // Housekeeping deletes the changes that no longer count: all but the last.
    let changes = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM booking_changes")
            .fetch_one(&app.sql().await)
            .await
            .expect("the changes are readable")
    };
    assert_eq!(changes().await, 12);
    crate::housekeeping::pass_now(&app).await;
    assert_eq!(changes().await, 1);
}

async fn thirty_bookings_of_one_phone_at_once_make_no_more_than_ten(app: TestApp) {
    let wang = delegate(&app).await;
    let mut jobs = Vec::new();
    for days in 10..40 {
        let id = activity(&app, &wang, 5, days).await;
        jobs.push(answer(book_request(&app, &id, &booking_body(PHONE)).await));
    }
    let answers = all_at_once(jobs).await;
    let count = |s: StatusCode| answers.iter().filter(|(status, _)| *status == s).count();
    assert_eq!(
        (
            count(StatusCode::CREATED),
            count(StatusCode::TOO_MANY_REQUESTS)
        ),
        (10, 20),
        "{answers:?}"
    );
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings WHERE phone = $1")
        .bind(PHONE)
        .fetch_one(&app.sql().await)
        .await
        .expect("bookings are countable");
    assert_eq!(stored, 10);
}

async fn one_address_changes_bookings_thirty_times_an_hour_also_when_requests_race(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 50, 10).await;
    // Ten changes one after the other, then 40 phones at once: 20 more fit in the hour.
    for i in 0..5 {
        let phone = mobile("1371111", i);
        let code = code_of(&booked(&app, &id, &phone, "booked").await);
        cancelled(&app, &code, &phone).await;
    }
    let mut jobs = Vec::new();
    for i in 0..40 {
        let phone = mobile("1372222", i);
        jobs.push(answer(book_request(&app, &id, &booking_body(&phone)).await));
    }
    let answers = all_at_once(jobs).await;
    let count = |s: StatusCode| answers.iter().filter(|(status, _)| *status == s).count();
    assert_eq!(
        (
            count(StatusCode::CREATED),
            count(StatusCode::TOO_MANY_REQUESTS)
        ),
        (20, 20),
        "{answers:?}"
    );
    let retry_after = limited(book(&app, &id, "13900139000").await).await;
    assert!(
        retry_after > 0 && retry_after <= 3600,
        "within the hour: {retry_after}"
    );
    assert_eq!(tally(&rows(&app.sql().await, &id).await), (20, 0, 5));

    app.clock.advance(3_600_000);
    booked(&app, &id, "13900139000", "booked").await;
}

/// Messages written to a phone, verification codes apart, and its verification codes.
async fn texts_to(app: &TestApp, phone: &str) -> (i64, i64) {
    let count = |verification: bool| {
        let sql = format!(
            "SELECT COUNT(*) FROM notifications WHERE phone = $1 AND kind {} 'verification_code'",
            if verification { "=" } else { "<>" }
        );
        async move {
            sqlx::query_scalar::<_, i64>(&sql)
                .bind(phone)
                .fetch_one(&app.sql().await)
                .await
                .expect("messages are countable")
        }
    };
    (count(false).await, count(true).await)
}

/// 25 bookings of one phone at once are all made, and the first 20 confirmations are written;
/// a verification code still goes out.
async fn a_phone_is_written_twenty_texts_a_day_and_the_bookings_go_on(app: TestApp) {
    let wang = delegate(&app).await;
    let later = activity(&app, &wang, 5, 40).await;
    let mut jobs = Vec::new();
    for days in 10..35 {
        let id = activity(&app, &wang, 5, days).await;
        jobs.push(answer(book_request(&app, &id, &booking_body(PHONE)).await));
    }
    let answers = all_at_once(jobs).await;
    assert!(
        answers.iter().all(|(s, _)| *s == StatusCode::CREATED),
        "{answers:?}"
    );
    assert_eq!(texts_to(&app, PHONE).await, (20, 1));

    app.clock.advance(61_000);
    assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
    assert_eq!(texts_to(&app, PHONE).await, (20, 2));
    // A day after the first, texts are written again.
    app.clock.advance(DAY_MS);
    booked(&app, &later, PHONE, "booked").await;
    assert_eq!(texts_to(&app, PHONE).await.0, 21);
}

/// A one-seat activity takes one booking and ten waiting; the next booking and a move there are
/// refused with 409 `waitlist_full`, and a cancellation makes room again.
async fn a_waitlist_is_as_long_as_the_seats_and_at_least_ten(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 10).await;
    let other = activity(&app, &wang, 1, 11).await;
    booked(&app, &id, PHONE, "booked").await;
    let mut waiting = Vec::new();
    for i in 0..10 {
        let phone = mobile("1373333", i);
        waiting.push((
            code_of(&booked(&app, &id, &phone, "waitlisted").await),
            phone,
        ));
    }
    let full = book(&app, &id, "13900139000").await;
    api_error(full, StatusCode::CONFLICT, "waitlist_full").await;
    let elsewhere = code_of(&booked(&app, &other, "13900139000", "booked").await);
    let moved = move_to(&app, &elsewhere, "13900139000", &id).await;
    api_error(moved, StatusCode::CONFLICT, "waitlist_full").await;
    assert_eq!(tally(&rows(&app.sql().await, &id).await), (1, 10, 0));

    let (code, phone) = &waiting[0];
    cancelled(&app, code, phone).await;
    booked(&app, &id, "13900139000", "waitlisted").await;
}
