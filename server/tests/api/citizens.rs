//! Citizens prove their phone with a text code: the code's life (wrong, expired, replaced, used,
//! void after five wrong tries), the session it starts, the limits on asking for codes (also when
//! requests race), and the outbox, which never shows a code.

use crate::bookings::all_at_once;
use crate::helpers::{
    api_error, json_body, named_set_cookie, on_both_databases, TestApp, CITIZEN_COOKIE, TEST_CODE,
};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

on_both_databases!(
    a_texted_code_starts_a_session_of_that_phone_that_ends_on_sign_out,
    a_wrong_code_counts_and_five_wrong_tries_void_it,
    a_code_expires_after_ten_minutes_is_used_once_and_a_newer_one_replaces_it,
    a_phone_is_sent_one_code_a_minute_five_an_hour_and_ten_a_day,
    codes_asked_for_together_for_one_phone_are_counted_one_by_one,
    the_outbox_never_shows_a_code,
    bad_phones_and_codes_are_refused_with_their_field,
    housekeeping_deletes_ended_sessions_and_codes_older_than_a_day,
);

const PHONE: &str = "13800138000";

async fn a_texted_code_starts_a_session_of_that_phone_that_ends_on_sign_out(app: TestApp) {
    let asked = json_body(app.ask_code(PHONE).await, StatusCode::ACCEPTED).await;
    assert_eq!(asked["phone_masked"], "138******00", "{asked}");
    assert_eq!(asked["valid_minutes"], 10);
    assert_eq!(asked["resend_after_seconds"], 60);
    let response = app.verify_response(PHONE, TEST_CODE).await;
    let cookie = named_set_cookie(&response, CITIZEN_COOKIE).expect("the citizen cookie");
    for flag in ["HttpOnly", "SameSite=Strict", "Path=/"] {
        assert!(
            cookie
                .attributes
                .iter()
                .any(|a| a.eq_ignore_ascii_case(flag)),
            "{flag} missing: {cookie:?}"
        );
    }
    assert_eq!(
        cookie.attribute("Max-Age"),
        Some((30 * 86_400).to_string().as_str()),
        "a session lasts 30 days"
    );
    let session = json_body(response, StatusCode::OK).await;
    assert_eq!(session["phone"], PHONE);
    let citizen = crate::helpers::Browser {
        cookie: format!("{CITIZEN_COOKIE}={}", cookie.value),
        csrf_token: session["csrf_token"].as_str().expect("a token").to_owned(),
        account: session.clone(),
    };
    let mine = app
        .send(citizen.cookie_only(app.get("/api/citizen/session")))
        .await;
    assert_eq!(json_body(mine, StatusCode::OK).await["phone"], PHONE);
    // Ending it needs the anti-forgery token; then the cookie opens nothing.
    let forged = app
        .send(citizen.cookie_only(app.request(Method::DELETE, "/api/citizen/session")))
        .await;
    api_error(forged, StatusCode::FORBIDDEN, "csrf_rejected").await;
    let ended = app
        .send(citizen.signed(app.request(Method::DELETE, "/api/citizen/session")))
        .await;
    assert_eq!(ended.status(), StatusCode::NO_CONTENT);
    let after = app
        .send(citizen.cookie_only(app.get("/api/citizen/session")))
        .await;
    api_error(after, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    // A session lasts 30 days of the app's clock.
    let again = app.verified_after_a_minute(PHONE).await;
    app.clock.advance(30 * 86_400_000);
    let expired = app
        .send(again.cookie_only(app.get("/api/citizen/session")))
        .await;
    api_error(expired, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

async fn a_wrong_code_counts_and_five_wrong_tries_void_it(app: TestApp) {
    assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
    for left in (1..=4).rev() {
        let wrong = app.verify_response(PHONE, "000000").await;
        let body = api_error(wrong, StatusCode::BAD_REQUEST, "wrong_code").await;
        assert_eq!(body["field"], "code");
        assert!(
            body["message"]
                .as_str()
                .unwrap()
                .contains(&format!("{left} tries left")),
            "{body}"
        );
    }
    let fifth = app.verify_response(PHONE, "000000").await;
    api_error(fifth, StatusCode::BAD_REQUEST, "wrong_code").await;
    // Void now, even with the right digits.
    let right = app.verify_response(PHONE, TEST_CODE).await;
    let body = api_error(right, StatusCode::BAD_REQUEST, "code_expired").await;
    assert_eq!(body["field"], "code");
    // A new code (a minute later) verifies.
    app.verified_after_a_minute(PHONE).await;
}

async fn a_code_expires_after_ten_minutes_is_used_once_and_a_newer_one_replaces_it(app: TestApp) {
    assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
    app.clock.advance(10 * 60_000 + 1);
    let late = app.verify_response(PHONE, TEST_CODE).await;
    api_error(late, StatusCode::BAD_REQUEST, "code_expired").await;

    app.queue_verification_codes(&["111111", "222222"]);
    assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
    app.clock.advance(61_000);
    assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
    let replaced = app.verify_response(PHONE, "111111").await;
    api_error(replaced, StatusCode::BAD_REQUEST, "wrong_code").await;
    app.verify(PHONE, "222222").await;
    let reused = app.verify_response(PHONE, "222222").await;
    api_error(reused, StatusCode::BAD_REQUEST, "code_expired").await;
    // A code of one phone opens no other phone.
    assert_eq!(
        app.ask_code("13900139000").await.status(),
        StatusCode::ACCEPTED
    );
    let other = app.verify_response("13700137000", TEST_CODE).await;
    api_error(other, StatusCode::BAD_REQUEST, "code_expired").await;
}

async fn a_phone_is_sent_one_code_a_minute_five_an_hour_and_ten_a_day(app: TestApp) {
    assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
    let soon = app.ask_code(PHONE).await;
    let retry: i64 = soon.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(retry, 60);
    api_error(soon, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    for _ in 0..4 {
        app.clock.advance(61_000);
        assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
    }
    // Five in the last 305 seconds: the sixth waits until the first leaves the hour.
    app.clock.advance(61_000);
    let sixth = app.ask_code(PHONE).await;
    let retry: i64 = sixth.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert_eq!(retry, 3_600 - 5 * 61);
    api_error(sixth, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    app.clock.advance(retry * 1000);
    for _ in 0..5 {
        assert_eq!(app.ask_code(PHONE).await.status(), StatusCode::ACCEPTED);
        app.clock.advance(61_000);
    }
    // Ten today: the eleventh waits for the next hour and then still for the day.
    app.clock.advance(3_600_000);
    let eleventh = app.ask_code(PHONE).await;
    let retry: i64 = eleventh.headers()["retry-after"]
        .to_str()
        .unwrap()
        .parse()
        .unwrap();
    assert!(retry > 18 * 3600, "Retry-After {retry}");
    api_error(eleventh, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
}

/// Asks for a code for each phone, all at the same moment; the answers' statuses in order.
pub(crate) async fn ask_all_at_once(app: &TestApp, phones: &[String]) -> Vec<StatusCode> {
    let jobs = phones
        .iter()
        .map(|phone| {
            let request = app
                .request(Method::POST, "/api/citizen/codes")
                .json(&json!({ "phone": phone }));
            async move { request.send().await.expect("an answer").status() }
        })
        .collect();
    all_at_once(jobs).await
}

async fn codes_asked_for_together_for_one_phone_are_counted_one_by_one(app: TestApp) {
    let statuses = ask_all_at_once(&app, &vec![PHONE.to_owned(); 30]).await;
    let sent = statuses
        .iter()
        .filter(|s| **s == StatusCode::ACCEPTED)
        .count();
    let refused = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((sent, refused), (1, 29), "{statuses:?}");
}

async fn the_outbox_never_shows_a_code(app: TestApp) {
    app.verified(PHONE).await;
    let staff = app.signed_in_as("outbox-staff", Role::Staff, &[]).await;
    let list = app
        .send(staff.cookie_only(app.get("/api/notifications")))
        .await;
    let list = json_body(list, StatusCode::OK).await;
    let text = list.to_string();
    assert!(text.contains("verification_code"), "{text}");
    assert!(
        !text.contains(TEST_CODE),
        "the outbox shows the code: {text}"
    );
}

async fn bad_phones_and_codes_are_refused_with_their_field(app: TestApp) {
    let bad = app.ask_code("12345").await;
    assert_eq!(
        api_error(bad, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "phone"
    );
    let short = app.verify_response(PHONE, "12345").await;
    assert_eq!(
        api_error(short, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "code"
    );
    let none = app
        .send(
            app.request(Method::POST, "/api/citizen/session")
                .json(&json!({ "phone": PHONE })),
        )
        .await;
    assert_eq!(
        api_error(none, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "code"
    );
}

mod one_address_asks_for_at_most_twenty_codes_an_hour {
    use crate::helpers::{Backend, Register, TestApp};

    async fn limited(backend: Backend) -> TestApp {
        TestApp::spawn_configured(backend, Register::Empty, |config| {
            config.codes_per_address_hour = 20;
        })
        .await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_sqlite() {
        super::one_address(limited(Backend::Sqlite).await).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_postgres() {
        super::one_address(limited(Backend::Postgres).await).await;
    }
}

/// 40 phones asked for at once from one address: 20 are sent a code, 20 refused; an hour later
/// the address may ask again.
async fn one_address(app: TestApp) {
    let phones: Vec<String> = (0..40).map(|i| format!("1380000{i:04}")).collect();
    let statuses = ask_all_at_once(&app, &phones).await;
    let sent = statuses
        .iter()
        .filter(|s| **s == StatusCode::ACCEPTED)
        .count();
    assert_eq!(sent, 20, "{statuses:?}");
    app.clock.advance(3_600_001);
    assert_eq!(
        app.ask_code("13900000000").await.status(),
        StatusCode::ACCEPTED
    );
}

async fn housekeeping_deletes_ended_sessions_and_codes_older_than_a_day(app: TestApp) {
    app.verified(PHONE).await;
    let codes = || async {
        sqlx::query_scalar::<_, i64>("SELECT COUNT(*) FROM verification_codes")
            .fetch_one(&app.sql().await)
            .await
            .expect("the codes are readable")
    };
    let pass = crate::housekeeping::pass_now(&app).await;
    assert_eq!((pass.expired_sessions, codes().await), (0, 1), "{pass:?}");
    app.clock.advance(30 * 86_400_000 + 1);
    let pass = crate::housekeeping::pass_now(&app).await;
    assert_eq!((pass.expired_sessions, codes().await), (1, 0), "{pass:?}");
}
