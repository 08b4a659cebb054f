//! Sign-in limits behind one proxy of our own: the lock-out counts per login and address, so a
//! staff account stays usable from its own address while another hammers it; an address may
//! fail only so often whatever the logins; all addresses together only so often per login; and
//! a login past 64 characters is a 400 before any password is checked.

use crate::bookings::bad_field;
use crate::helpers::{api_error, json_body, Backend, Register, TestApp, PASSWORD};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, Response, StatusCode};
use serde_json::json;

macro_rules! behind_one_proxy {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                use crate::helpers::Backend;

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_sqlite() {
                    super::$name(super::behind_one_proxy(Backend::Sqlite).await).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_postgres() {
                    super::$name(super::behind_one_proxy(Backend::Postgres).await).await;
                }
            }
        )+
    };
}

behind_one_proxy!(
    a_staff_account_stays_usable_from_its_own_address_while_another_address_hammers_it,
    one_address_trying_many_logins_is_stopped_after_thirty_failures,
    many_addresses_together_fail_at_most_fifty_times_an_hour_per_login,
    a_login_over_sixty_four_characters_is_a_400_naming_it,
);

async fn behind_one_proxy(backend: Backend) -> TestApp {
    TestApp::spawn_configured(backend, Register::Sample, |config| {
        config.forwarded_hops = 1;
    })
    .await
}

const WRONG: &str = "not the password";

async fn sign_in_from(app: &TestApp, address: &str, login: &str, password: &str) -> Response {
    let body = json!({ "login": login, "password": password });
    let request = app
        .request(Method::POST, "/api/session")
        .header("x-forwarded-for", address)
        .json(&body);
    app.send(request).await
}

async fn a_staff_account_stays_usable_from_its_own_address_while_another_address_hammers_it(
    app: TestApp,
) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let (attacker, office) = ("203.0.113.9", "198.51.100.7");
    for _ in 0..5 {
        let response = sign_in_from(&app, attacker, "alice", WRONG).await;
        api_error(response, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    }
    for _ in 0..10 {
        let response = sign_in_from(&app, attacker, "alice", PASSWORD).await;
        api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    }
    // From the office a mistyped password still counts, and the right one signs in.
    let typo = sign_in_from(&app, office, "alice", WRONG).await;
    api_error(typo, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    let response = sign_in_from(&app, office, "alice", PASSWORD).await;
    let session = json_body(response, StatusCode::OK).await;
    assert_eq!(session["account"]["username"], "alice", "{session}");
    // The attacker's address stays locked for alice.
    let response = sign_in_from(&app, attacker, "alice", PASSWORD).await;
    api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
}

async fn one_address_trying_many_logins_is_stopped_after_thirty_failures(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let address = "203.0.113.10";
    for i in 0..30 {
        let response = sign_in_from(&app, address, &format!("user{i}"), WRONG).await;
        api_error(response, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    }
    for login in ["user30", "alice"] {
        let response = sign_in_from(&app, address, login, WRONG).await;
        api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    }
    // Another address is not affected.
    let response = sign_in_from(&app, "198.51.100.7", "alice", PASSWORD).await;
    json_body(response, StatusCode::OK).await;
}

async fn many_addresses_together_fail_at_most_fifty_times_an_hour_per_login(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    for i in 0..10 {
        for _ in 0..5 {
            let response = sign_in_from(&app, &format!("203.0.113.{i}"), "alice", WRONG).await;
            api_error(response, StatusCode::UNAUTHORIZED, "bad_credentials").await;
        }
    }
    let response = sign_in_from(&app, "198.51.100.7", "alice", PASSWORD).await;
    api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    // An hour on, the login may be tried again.
    app.move_clock_to(app.clock.now_ms() + 60 * 60 * 1000 + 1000);
    let response = sign_in_from(&app, "198.51.100.7", "alice", PASSWORD).await;
    json_body(response, StatusCode::OK).await;
}

async fn a_login_over_sixty_four_characters_is_a_400_naming_it(app: TestApp) {
    let response = sign_in_from(&app, "203.0.113.11", &"a".repeat(65), WRONG).await;
    bad_field(response, "login", "65 characters").await;
    let response = sign_in_from(&app, "203.0.113.11", &"a".repeat(8000), WRONG).await;
    bad_field(response, "login", "8000 characters").await;
    let response = sign_in_from(&app, "203.0.113.11", &"a".repeat(64), WRONG).await;
    api_error(response, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    let response = sign_in_from(&app, "203.0.113.11", "alice", &"p".repeat(257)).await;
    bad_field(response, "password", "a password of 257 characters").await;
}
