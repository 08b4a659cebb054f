//! Staff may reveal a citizen's phone on an opinion, each reveal audited, and at most
//! `DH_REVEAL_LIMIT_PER_HOUR` (30 in the tests) per staff account per clock hour.

use crate::bookings::PHONE;
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::moderation::{act, new_opinion, staff_get};
use crate::notifications::staff;
use deputy_homes_api::accounts::Role;
use reqwest::header::RETRY_AFTER;
use reqwest::StatusCode;
use serde_json::json;

on_both_databases!(a_staff_member_reveals_at_most_thirty_phones_an_hour,);

async fn reveal(app: &TestApp, staff: &Browser, tracking: &str) -> reqwest::Response {
    act(app, staff, tracking, "reveal-phone", json!({})).await
}

async fn a_staff_member_reveals_at_most_thirty_phones_an_hour(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    // Asking for the phone of an anonymous opinion reveals nothing and counts nothing.
    let anonymous = new_opinion(&app, None, json!({})).await;
    api_error(
        reveal(&app, &staff, &anonymous).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    for _ in 0..30 {
        let revealed = json_body(reveal(&app, &staff, &tracking).await, StatusCode::OK).await;
        assert_eq!(revealed["phone"], PHONE);
    }

    let refused = reveal(&app, &staff, &tracking).await;
    let retry_after: i64 = refused
        .headers()
        .get(RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse().ok())
        .expect("a Retry-After in seconds");
    assert!((1..=3600).contains(&retry_after), "{retry_after}");
    let error = api_error(refused, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    let message = error["message"].as_str().unwrap();
    assert!(message.contains("30 phones this hour"), "{error}");
    assert!(!error.to_string().contains(PHONE), "{error}");

    // The refused reveal is not audited; the 30 that were are.
    let audit = staff_get(&app, &staff, &format!("/api/staff/audit?target={tracking}")).await;
    assert_eq!(audit["total"], 30);
    // The limit is each account's own.
    let colleague = app.signed_in_as("staff2", Role::Staff, &[]).await;
    let revealed = json_body(reveal(&app, &colleague, &tracking).await, StatusCode::OK).await;
    assert_eq!(revealed["phone"], PHONE);
}
