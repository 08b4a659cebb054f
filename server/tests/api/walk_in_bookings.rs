//! Staff book for a citizen who came in person, with consent taken there and no text code: the
//! booking is the phone's like any other (its session finds it), and the audit log names who
//! made it.

use crate::bookings::{
    activity, bad_field, booking_body, code_of, delegate, look_up, status_of, with, MASKED, PHONE,
};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    staff_book_a_walk_in_citizen_without_a_text_code_and_the_booking_is_audited,
    a_walk_in_booking_needs_the_consent_given_in_person_and_staff,
);

async fn walk_in(app: &TestApp, staff: &Browser, activity_id: &str, body: &Value) -> Response {
    let path = format!("/api/activities/{activity_id}/walk-in-bookings");
    app.send(staff.signed(app.request(Method::POST, &path)).json(body))
        .await
}

async fn staff_book_a_walk_in_citizen_without_a_text_code_and_the_booking_is_audited(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let staff = app.signed_in_as("staff", Role::Staff, &[]).await;

    let booking = json_body(
        walk_in(&app, &staff, &id, &booking_body(PHONE)).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(booking["status"], "booked", "{booking}");
    assert_eq!(booking["phone"], MASKED, "{booking}");
    let code = code_of(&booking);
    let codes_sent: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM verification_codes")
        .fetch_one(&app.sql().await)
        .await
        .expect("codes are countable");
    assert_eq!(codes_sent, 0, "no text code was needed");

    let target = format!("booking:{code}");
    let page = json_body(
        app.send(staff.cookie_only(app.get("/api/staff/audit").query(&[("target", &target)])))
            .await,
        StatusCode::OK,
    )
    .await;
    let entry = &page["items"][0];
    assert_eq!(entry["action"], "booking.walk_in", "{page}");
    assert_eq!(entry["actor_account_id"], staff.account["id"], "{page}");
    assert_eq!(entry["details"]["activity_id"], id.as_str(), "{page}");
    assert_eq!(entry["details"]["consent"], "in_person", "{page}");

    // The booking is the phone's: once it verifies, its session finds it.
    assert_eq!(status_of(&app, &code, PHONE).await, "booked");
    let other = look_up(&app, &code, "13900139000").await;
    api_error(other, StatusCode::NOT_FOUND, "not_found").await;
    // A second walk-in of the same phone is refused as a citizen's own would be.
    let twice = walk_in(&app, &staff, &id, &booking_body(PHONE)).await;
    api_error(twice, StatusCode::CONFLICT, "already_booked").await;
}

async fn a_walk_in_booking_needs_the_consent_given_in_person_and_staff(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let staff = app.signed_in_as("staff", Role::Staff, &[]).await;

    let refused = with(booking_body(PHONE), json!({ "consent": false }));
    bad_field(
        walk_in(&app, &staff, &id, &refused).await,
        "consent",
        "consent not given",
    )
    .await;
    let mut unsaid = booking_body(PHONE);
    unsaid.as_object_mut().expect("an object").remove("consent");
    bad_field(
        walk_in(&app, &staff, &id, &unsaid).await,
        "consent",
        "consent not said",
    )
    .await;
    let by_delegate = walk_in(&app, &wang, &id, &booking_body(PHONE)).await;
    api_error(by_delegate, StatusCode::FORBIDDEN, "forbidden").await;
    let citizen = app.citizen(PHONE).await;
    let by_citizen = walk_in(&app, &citizen, &id, &booking_body(PHONE)).await;
    api_error(by_citizen, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM bookings")
        .fetch_one(&app.sql().await)
        .await
        .expect("bookings are countable");
    assert_eq!(stored, 0);
}
