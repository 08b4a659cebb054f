//! At the home: the roster of an activity (phones in full only for the delegates on duty),
//! check-in by booking code, the reception record, and a delegate's yearly summary.

use crate::bookings::{
    activity, activity_from_noon, booked, cancel, code_of, delegate, noon_tomorrow, MASKED, PHONE,
};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp, PASSWORD};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    the_delegate_on_duty_sees_full_phones_and_everyone_else_of_the_home_masked_ones,
    strangers_to_the_home_cannot_see_its_roster,
    a_seated_citizen_is_checked_in_once_by_their_code_as_typed,
    check_in_refuses_waitlisted_unknown_and_malformed_codes_and_forged_requests,
    a_record_is_written_once_the_reception_has_begun_and_rewriting_replaces_it,
    a_record_links_only_bookings_of_its_activity,
    the_yearly_summary_counts_held_activities_people_checked_in_and_records,
    the_summary_is_only_for_delegates_and_real_years,
    a_booking_is_not_cancelled_once_checked_in_or_once_its_activity_has_started,
);

fn id_of(browser: &Browser) -> String {
    browser.account["id"]
        .as_str()
        .expect("the session names the account")
        .to_owned()
}

async fn roster(app: &TestApp, browser: &Browser, activity_id: &str) -> Response {
    app.send(browser.cookie_only(app.get(&format!("/api/activities/{activity_id}/bookings"))))
        .await
}

pub(crate) async fn check_in(
    app: &TestApp,
    browser: &Browser,
    activity_id: &str,
    code: &str,
) -> Response {
    let request = app
        .request(
            Method::POST,
            &format!("/api/activities/{activity_id}/check-in"),
        )
        .json(&json!({ "code": code }));
    app.send(browser.signed(request)).await
}

pub(crate) async fn put_record(
    app: &TestApp,
    browser: &Browser,
    activity_id: &str,
    body: Value,
) -> Response {
    let request = app
        .request(
            Method::PUT,
            &format!("/api/activities/{activity_id}/record"),
        )
        .json(&body);
    app.send(browser.signed(request)).await
}

/// A second delegate of `xc-02`, and a staff member, both signed in.
async fn colleagues(app: &TestApp) -> (Browser, Browser) {
    app.create_account("lina", Role::Delegate, None, &["xc-02"])
        .await;
    app.create_account("chen", Role::Staff, None, &[]).await;
    (
        app.sign_in("lina", PASSWORD).await,
        app.sign_in("chen", PASSWORD).await,
    )
}

async fn the_delegate_on_duty_sees_full_phones_and_everyone_else_of_the_home_masked_ones(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 3).await;
    booked(&app, &id, PHONE, "booked").await;
    booked(&app, &id, "13900139000", "waitlisted").await;
    let (li, chen) = colleagues(&app).await;

    let full = json_body(roster(&app, &wang, &id).await, StatusCode::OK).await;
    assert_eq!(full["phones_in_full"], true);
    let entries = full["entries"].as_array().expect("entries");
    let seen: Vec<(&str, &str)> = entries
        .iter()
        .map(|e| (e["phone"].as_str().unwrap(), e["status"].as_str().unwrap()))
        .collect();
    assert_eq!(seen, [(PHONE, "booked"), ("13900139000", "waitlisted")]);
    assert_eq!(entries[0]["topic"], "小区停车");
    assert_eq!(
        entries[0]["access_needs"],
        json!(["wheelchair", "large_print"])
    );

    for other in [&li, &chen] {
        let masked = json_body(roster(&app, other, &id).await, StatusCode::OK).await;
        assert_eq!(masked["phones_in_full"], false);
        assert_eq!(masked["entries"][0]["phone"], MASKED);
        assert_eq!(masked["entries"][1]["phone"], "139******00");
    }
}

async fn strangers_to_the_home_cannot_see_its_roster(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 3).await;
    booked(&app, &id, PHONE, "booked").await;
    app.create_account("zhao", Role::Delegate, None, &["hm-01"])
        .await;
    let zhao = app.sign_in("zhao", PASSWORD).await;
    api_error(
        roster(&app, &zhao, &id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let anonymous = app
        .send(app.get(&format!("/api/activities/{id}/bookings")))
        .await;
    api_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    api_error(
        roster(&app, &wang, "no-such-activity").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    api_error(
        check_in(&app, &zhao, &id, "ACD34X").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}

async fn a_seated_citizen_is_checked_in_once_by_their_code_as_typed(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 3).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    let typed = format!(" {}-{} ", &code[..3], code[3..].to_lowercase());
    let before = app.clock.now_ms();
    let entry = json_body(check_in(&app, &wang, &id, &typed).await, StatusCode::OK).await;
    assert_eq!(entry["code"], code.as_str());
    assert_eq!(entry["phone"], PHONE);
    let at = entry["checked_in_at_ms"].as_i64().expect("a check-in time");
    assert!(at >= before && at <= app.clock.now_ms(), "{at}");

    let again = api_error(
        check_in(&app, &wang, &id, &code).await,
        StatusCode::CONFLICT,
        "already_checked_in",
    )
    .await;
    assert_eq!(again["field"], "code");
    assert!(
        again["message"].as_str().unwrap().contains("already"),
        "{again}"
    );

    // Staff may check people in too, and see the phone masked.
    let (_, chen) = colleagues(&app).await;
    let second = code_of(&booked(&app, &id, "13900139000", "booked").await);
    let entry = json_body(check_in(&app, &chen, &id, &second).await, StatusCode::OK).await;
    assert_eq!(entry["phone"], "139******00");
    let listed = json_body(roster(&app, &wang, &id).await, StatusCode::OK).await;
    assert!(listed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e["checked_in_at_ms"].is_i64()));
}

async fn check_in_refuses_waitlisted_unknown_and_malformed_codes_and_forged_requests(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 3).await;
    let seated = code_of(&booked(&app, &id, PHONE, "booked").await);
    let waiting = code_of(&booked(&app, &id, "13900139000", "waitlisted").await);
    let other = activity(&app, &wang, 1, 4).await;
    let elsewhere = code_of(&booked(&app, &other, "13700137000", "booked").await);

    let refused = api_error(
        check_in(&app, &wang, &id, &waiting).await,
        StatusCode::CONFLICT,
        "waitlisted",
    )
    .await;
    assert_eq!(refused["field"], "code");
    api_error(
        check_in(&app, &wang, &id, &elsewhere).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let malformed = api_error(
        check_in(&app, &wang, &id, "ACD3").await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    assert_eq!(malformed["field"], "code");

    let forged = app.send(
        wang.cookie_only(
            app.request(Method::POST, &format!("/api/activities/{id}/check-in"))
                .json(&json!({ "code": seated })),
        ),
    );
    api_error(forged.await, StatusCode::FORBIDDEN, "csrf_rejected").await;
    let listed = json_body(roster(&app, &wang, &id).await, StatusCode::OK).await;
    assert!(listed["entries"]
        .as_array()
        .unwrap()
        .iter()
        .all(|e| e.get("checked_in_at_ms").is_none()));
}

async fn a_record_is_written_once_the_reception_has_begun_and_rewriting_replaces_it(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 3).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    let body =
        json!({ "raised": "小区停车位不足", "follow_up": "转街道办", "booking_codes": [code] });

    let early = api_error(
        put_record(&app, &wang, &id, body.clone()).await,
        StatusCode::BAD_REQUEST,
        "not_begun",
    )
    .await;
    assert_eq!(early["field"], "id", "{early}");
    let none = app.send(wang.cookie_only(app.get(&format!("/api/activities/{id}/record"))));
    api_error(none.await, StatusCode::NOT_FOUND, "not_found").await;

    json_body(check_in(&app, &wang, &id, &code).await, StatusCode::OK).await;
    let record = json_body(put_record(&app, &wang, &id, body).await, StatusCode::OK).await;
    assert_eq!(record["raised"], "小区停车位不足");
    assert_eq!(record["booking_codes"], json!([code]));
    assert_eq!(record["written_by"], id_of(&wang).as_str());
    assert_eq!(record["written_by_name"], "Test wang");

    let (li, _) = colleagues(&app).await;
    let empty = api_error(
        put_record(&app, &li, &id, json!({ "raised": "  " })).await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    assert_eq!(empty["field"], "raised");
    let rewritten = json_body(
        put_record(&app, &li, &id, json!({ "raised": "另有噪音投诉" })).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(rewritten["written_by"], id_of(&li).as_str());
    let read = app.send(wang.cookie_only(app.get(&format!("/api/activities/{id}/record"))));
    let read = json_body(read.await, StatusCode::OK).await;
    assert_eq!(read["raised"], "另有噪音投诉");
    assert_eq!(read["follow_up"], "");
    assert_eq!(read["booking_codes"], json!([]));
}

async fn a_record_links_only_bookings_of_its_activity(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 3).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    let other = activity(&app, &wang, 5, 4).await;
    let elsewhere = code_of(&booked(&app, &other, "13900139000", "booked").await);
    json_body(check_in(&app, &wang, &id, &code).await, StatusCode::OK).await;
    let refused = api_error(
        put_record(
            &app,
            &wang,
            &id,
            json!({ "raised": "停车", "booking_codes": [code, elsewhere] }),
        )
        .await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    assert_eq!(refused["field"], "booking_codes");
    assert!(refused["message"].as_str().unwrap().contains(&elsewhere));
}

async fn summary(app: &TestApp, account_id: &str, year: Option<&str>) -> Response {
    let mut request = app.get(&format!("/api/delegates/{account_id}/summary"));
    if let Some(year) = year {
        request = request.query(&[("year", year)]);
    }
    app.send(request).await
}

async fn the_yearly_summary_counts_held_activities_people_checked_in_and_records(app: TestApp) {
    let wang = delegate(&app).await;
    let wang_id = id_of(&wang);
    let empty = json_body(summary(&app, &wang_id, None).await, StatusCode::OK).await;
    assert_eq!(
        (
            &empty["activities"],
            &empty["people_met"],
            &empty["records"]
        ),
        (&json!(0), &json!(0), &json!(0))
    );
    let this_year = empty["year"].as_i64().expect("a year");

    let held = activity(&app, &wang, 5, 3).await;
    // It counts in the year of its date; the record counts in this year, which may be the year
    // before.
    let page = app.send(app.get(&format!("/api/activities/{held}"))).await;
    let page = json_body(page, StatusCode::OK).await;
    let held_year: i64 = page["date"].as_str().expect("a date")[..4]
        .parse()
        .expect("a year");
    let first = code_of(&booked(&app, &held, PHONE, "booked").await);
    let second = code_of(&booked(&app, &held, "13900139000", "booked").await);
    booked(&app, &held, "13700137000", "booked").await; // booked, never came
    for code in [&first, &second] {
        json_body(check_in(&app, &wang, &held, code).await, StatusCode::OK).await;
    }
    json_body(
        put_record(&app, &wang, &held, json!({ "raised": "停车" })).await,
        StatusCode::OK,
    )
    .await;
    // Still upcoming: booked and even checked in, but not held yet.
    let year = held_year.to_string();
    let pending = json_body(summary(&app, &wang_id, Some(&year)).await, StatusCode::OK).await;
    assert_eq!(
        (&pending["activities"], &pending["people_met"]),
        (&json!(0), &json!(0))
    );
    let now = json_body(summary(&app, &wang_id, None).await, StatusCode::OK).await;
    assert_eq!(now["records"], 1);

    activity(&app, &wang, 5, 5).await; // upcoming, not counted
    let cancelled = activity(&app, &wang, 5, 3).await; // cancelled before it began
    let request = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{cancelled}/cancel")))
        .json(&json!({ "reason": "下雨" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    // A minute after the reception (and the cancelled one) began: held.
    app.move_clock_to(page["starts_at_ms"].as_i64().expect("a start") + 60_000);
    let counted = json_body(summary(&app, &wang_id, Some(&year)).await, StatusCode::OK).await;
    assert_eq!(counted["display_name"], "Test wang");
    assert_eq!(
        (
            &counted["activities"],
            &counted["people_met"],
            &counted["records"]
        ),
        (
            &json!(1),
            &json!(2),
            &json!(u64::from(held_year == this_year))
        ),
        "{counted}"
    );
    let last_year = json_body(
        summary(&app, &wang_id, Some(&(held_year - 1).to_string())).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (
            &last_year["activities"],
            &last_year["people_met"],
            &last_year["records"]
        ),
        (&json!(0), &json!(0), &json!(0))
    );
}

async fn the_summary_is_only_for_delegates_and_real_years(app: TestApp) {
    let staff = app.create_account("chen", Role::Staff, None, &[]).await;
    api_error(
        summary(&app, &staff.id, None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    api_error(
        summary(&app, "nobody", None).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let wang = delegate(&app).await;
    for year in ["abc", "1999", "3000"] {
        let bad = api_error(
            summary(&app, &id_of(&wang), Some(year)).await,
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
        assert_eq!(bad["field"], "year");
    }
}

async fn a_booking_is_not_cancelled_once_checked_in_or_once_its_activity_has_started(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity_from_noon(&app, &wang, 120, 5).await;
    let came = code_of(&booked(&app, &id, PHONE, "booked").await);
    let other = "13900139000";
    let late = code_of(&booked(&app, &id, other, "booked").await);
    json_body(check_in(&app, &wang, &id, &came).await, StatusCode::OK).await;
    let refused = api_error(
        cancel(&app, &came, PHONE).await,
        StatusCode::CONFLICT,
        "already_checked_in",
    )
    .await;
    assert_eq!(refused["field"], "code");

    app.move_clock_to(noon_tomorrow() + 121 * 60_000);
    api_error(
        cancel(&app, &late, other).await,
        StatusCode::CONFLICT,
        "activity_started",
    )
    .await;
    let wang = app.sign_in("wang", PASSWORD).await;
    let roster = json_body(roster(&app, &wang, &id).await, StatusCode::OK).await;
    let statuses: Vec<&str> = roster["entries"]
        .as_array()
        .expect("entries")
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["booked", "booked"], "both keep their seats");
}
