//! Writes that read first (a phone reveal counts, the holiday calendar replaces what it read)
//! running beside bookings: on SQLite every write transaction takes the write lock when it
//! begins, so none fails with "database is locked"; no mix of simultaneous writes is a 500.

use crate::bookings::{
    activity, all_at_once, answer, book_request, booking_body, delegate, mobile,
};
use crate::helpers::{on_both_databases, TestApp};
use crate::moderation::new_opinion;
use crate::notifications::staff;
use reqwest::{Method, StatusCode};
use serde_json::json;

on_both_databases!(fifty_simultaneous_mixed_writes_are_all_answered_without_a_server_error,);

async fn fifty_simultaneous_mixed_writes_are_all_answered_without_a_server_error(app: TestApp) {
    let wang = delegate(&app).await;
    let activity_id = activity(&app, &wang, 10, 5).await;
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(crate::bookings::PHONE), json!({})).await;

    let mut jobs = Vec::new();
    for i in 0..50 {
        let request = match i % 3 {
            0 => staff
                .signed(app.request(Method::PUT, "/api/holidays"))
                .json(&json!({ "days": [
                    { "date": "2027-01-01", "name": format!("元旦 {i}"), "kind": "holiday" }
                ] })),
            1 => staff
                .signed(app.request(
                    Method::POST,
                    &format!("/api/staff/opinions/{tracking}/reveal-phone"),
                ))
                .json(&json!({})),
            _ => book_request(&app, &activity_id, &booking_body(&mobile("1391234", i))).await,
        };
        jobs.push(answer(request));
    }
    let answers = all_at_once(jobs).await;

    let failures: Vec<String> = answers
        .iter()
        .enumerate()
        .filter(|(_, (status, _))| status.is_server_error())
        .map(|(i, (status, body))| format!("write {i}: {status} {body}"))
        .collect();
    assert!(
        failures.is_empty(),
        "{} of 50 writes failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
    for (i, (status, body)) in answers.iter().enumerate() {
        let expected = if i % 3 == 2 {
            StatusCode::CREATED
        } else {
            StatusCode::OK
        };
        assert_eq!(*status, expected, "write {i}: {body}");
    }
}
