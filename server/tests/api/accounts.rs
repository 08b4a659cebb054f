//! Accounts and sessions: signing in and out, the session cookie, throttling, the role guards,
//! the anti-forgery token, and staff managing accounts.

use crate::helpers::{
    api_error, json_body, on_both_databases, session_set_cookie, Browser, TestApp, PASSWORD,
    SESSION_COOKIE,
};
use deputy_homes_api::accounts::{Account, Role};
use reqwest::header::{COOKIE, RETRY_AFTER};
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};
use sha2::{Digest, Sha256};
use sqlx::{AnyPool, Row};

on_both_databases!(
    signing_in_by_username_sets_an_http_only_strict_session_cookie_and_returns_the_session,
    the_session_cookie_brings_back_the_same_account_and_token,
    a_mobile_number_signs_in_however_it_is_typed,
    a_username_signs_in_in_any_case_and_with_surrounding_spaces,
    a_wrong_password_is_a_401_bad_credentials_and_starts_no_session,
    an_unknown_login_gets_exactly_the_answer_of_a_wrong_password,
    after_five_wrong_passwords_even_the_right_one_must_wait,
    throttling_one_login_does_not_slow_another,
    the_throttle_counts_a_mobile_number_however_it_is_typed,
    guesses_sent_all_at_once_are_throttled_too,
    a_successful_sign_in_forgets_earlier_failures,
    without_a_session_every_account_endpoint_is_a_401,
    a_made_up_session_cookie_is_a_401,
    a_delegate_has_a_session_but_is_forbidden_the_account_endpoints,
    staff_may_use_every_account_endpoint,
    a_staff_change_without_the_right_anti_forgery_token_is_rejected_and_changes_nothing,
    one_sessions_anti_forgery_token_does_not_pass_for_another,
    signing_out_without_the_token_is_rejected_and_the_session_lives_on,
    signing_out_ends_the_session_on_the_server_and_clears_the_cookie,
    signing_out_ends_only_that_session,
    an_expired_session_is_a_401_and_is_removed,
    a_session_lasts_the_configured_twelve_hours,
    every_invalid_field_of_a_new_account_is_a_400_naming_it,
    a_malformed_body_is_a_400_in_the_json_error_shape,
    a_username_or_mobile_number_in_use_is_a_409_conflict,
    personal_answers_are_never_stored_by_caches,
    the_username_and_phone_of_one_account_share_one_failure_limit,
    a_created_delegate_has_its_homes_sorted_and_deduplicated_and_can_sign_in,
    staff_see_every_account_staff_first_with_full_mobile_numbers,
    putting_homes_replaces_a_delegates_homes,
    homes_cannot_be_put_on_a_staff_account_an_unknown_account_or_an_unknown_home,
    stored_passwords_are_salted_argon2id_hashes_never_the_password,
    the_database_keeps_only_a_hash_of_the_session_token,
);

const WRONG: &str = "not the password at all";
const MOBILE: &str = "13800138000";

/// A valid `POST /api/accounts` body for a delegate.
fn new_delegate(username: &str) -> Value {
    json!({
        "username": username,
        "display_name": "新代表",
        "role": "delegate",
        "password": "a long enough password",
        "home_ids": ["xc-01"],
    })
}

/// The account as JSON, as the API sends it.
fn as_json(account: &Account) -> Value {
    serde_json::to_value(account).expect("an account serialises")
}

/// `GET /api/accounts` as this browser; must be 200.
async fn account_list(app: &TestApp, browser: &Browser) -> Vec<Value> {
    let response = app
        .send(browser.cookie_only(app.get("/api/accounts")))
        .await;
    json_body(response, StatusCode::OK)
        .await
        .as_array()
        .unwrap_or_else(|| panic!("GET /api/accounts is not an array"))
        .clone()
}

/// The usernames of a list of accounts, in list order.
fn usernames(accounts: &[Value]) -> Vec<String> {
    accounts
        .iter()
        .map(|a| a["username"].as_str().expect("a username").to_owned())
        .collect()
}

/// `GET /api/session` as this browser, whatever the answer.
async fn session_of(app: &TestApp, browser: &Browser) -> reqwest::Response {
    app.send(browser.cookie_only(app.get("/api/session"))).await
}

/// The status of `GET /api/session` with this browser's cookie.
async fn session_status(app: &TestApp, browser: &Browser) -> StatusCode {
    session_of(app, browser).await.status()
}

/// Number of rows in a table.
async fn count(pool: &AnyPool, table: &str) -> i64 {
    sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
        .fetch_one(pool)
        .await
        .unwrap_or_else(|e| panic!("cannot count {table}: {e}"))
}

fn is_hex_token(text: &str) -> bool {
    text.len() == 64 && text.chars().all(|c| c.is_ascii_hexdigit())
}

async fn signing_in_by_username_sets_an_http_only_strict_session_cookie_and_returns_the_session(
    app: TestApp,
) {
    let alice = app
        .create_account("alice", Role::Delegate, None, &["xc-02", "pro-law"])
        .await;
    let response = app.sign_in_response("alice", PASSWORD).await;
    let cookie = session_set_cookie(&response).expect("signing in sets the session cookie");
    let body = json_body(response, StatusCode::OK).await;

    assert!(
        is_hex_token(&cookie.value),
        "cookie value {:?}",
        cookie.value
    );
    assert_eq!(cookie.attribute("HttpOnly"), Some(""), "{cookie:?}");
    assert_eq!(cookie.attribute("SameSite"), Some("Strict"), "{cookie:?}");
    assert_eq!(cookie.attribute("Path"), Some("/"), "{cookie:?}");
    assert_eq!(
        cookie.attribute("Secure"),
        None,
        "the test app serves plain HTTP (secure_cookies = false): {cookie:?}"
    );
    assert_eq!(
        cookie.attribute("Max-Age"),
        Some("43200"),
        "the cookie lasts as long as the session, 12 hours: {cookie:?}"
    );

    let keys: Vec<&String> = body.as_object().expect("an object").keys().collect();
    assert_eq!(keys, ["account", "csrf_token"], "{body}");
    assert_eq!(body["account"], as_json(&alice));
    assert_eq!(body["account"]["home_ids"], json!(["pro-law", "xc-02"]));
    let csrf_token = body["csrf_token"].as_str().expect("a token");
    assert!(is_hex_token(csrf_token), "{csrf_token}");
    assert_ne!(csrf_token, cookie.value, "the two tokens are independent");
    assert!(
        !body.to_string().contains("password") && !body.to_string().contains("argon2"),
        "{body}"
    );
}

async fn the_session_cookie_brings_back_the_same_account_and_token(app: TestApp) {
    let alice = app.create_account("alice", Role::Staff, None, &[]).await;
    let browser = app.sign_in("alice", PASSWORD).await;
    let session = json_body(session_of(&app, &browser).await, StatusCode::OK).await;
    assert_eq!(
        session,
        json!({ "account": as_json(&alice), "csrf_token": browser.csrf_token })
    );
    assert_eq!(session["account"], browser.account);

    let anonymous = app.send(app.get("/api/session")).await;
    api_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

async fn a_mobile_number_signs_in_however_it_is_typed(app: TestApp) {
    let wang = app
        .create_account(
            "wang",
            Role::Delegate,
            Some("+86 138 0013 8000"),
            &["xc-01"],
        )
        .await;
    assert_eq!(wang.phone.as_deref(), Some(MOBILE), "stored as digits");
    for typed in [
        MOBILE,
        "+86 138 0013 8000",
        "138 0013 8000",
        "138-0013-8000",
        "8613800138000",
        " 13800138000 ",
    ] {
        let browser = app.sign_in(typed, PASSWORD).await;
        assert_eq!(browser.account, as_json(&wang), "login {typed:?}");
    }
    let other = app.sign_in_response("13800138001", PASSWORD).await;
    api_error(other, StatusCode::UNAUTHORIZED, "bad_credentials").await;
}

async fn a_username_signs_in_in_any_case_and_with_surrounding_spaces(app: TestApp) {
    let alice = app.create_account("alice", Role::Staff, None, &[]).await;
    for typed in ["ALICE", "  Alice  "] {
        let browser = app.sign_in(typed, PASSWORD).await;
        assert_eq!(browser.account, as_json(&alice), "login {typed:?}");
    }
    let response = app
        .sign_in_response("alice", &PASSWORD.to_uppercase())
        .await;
    api_error(response, StatusCode::UNAUTHORIZED, "bad_credentials").await;
}

async fn a_wrong_password_is_a_401_bad_credentials_and_starts_no_session(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let response = app.sign_in_response("alice", WRONG).await;
    assert!(
        session_set_cookie(&response).is_none(),
        "a failed sign-in sets no session cookie"
    );
    let body = api_error(response, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    assert_eq!(body.get("field"), None, "{body}");
    assert_eq!(count(&app.sql().await, "sessions").await, 0);
}

async fn an_unknown_login_gets_exactly_the_answer_of_a_wrong_password(app: TestApp) {
    app.create_account("alice", Role::Staff, Some(MOBILE), &[])
        .await;
    let wrong_password = app.sign_in_response("alice", WRONG).await;
    let wrong_password =
        api_error(wrong_password, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    for unknown in ["nobody", "13900139000"] {
        let response = app.sign_in_response(unknown, PASSWORD).await;
        assert!(session_set_cookie(&response).is_none());
        let body = json_body(response, StatusCode::UNAUTHORIZED).await;
        assert_eq!(body, wrong_password, "login {unknown:?}");
    }
}

async fn after_five_wrong_passwords_even_the_right_one_must_wait(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    for attempt in 1..=5 {
        let response = app.sign_in_response("alice", WRONG).await;
        let body = json_body(response, StatusCode::UNAUTHORIZED).await;
        assert_eq!(body["code"], "bad_credentials", "attempt {attempt}: {body}");
    }
    for password in [PASSWORD, WRONG] {
        let response = app.sign_in_response("alice", password).await;
        assert!(session_set_cookie(&response).is_none(), "{password}");
        let retry_after: i64 = response
            .headers()
            .get(RETRY_AFTER)
            .expect("a 429 says when to retry")
            .to_str()
            .expect("text")
            .parse()
            .expect("Retry-After in seconds");
        assert!(
            (1..=15 * 60).contains(&retry_after),
            "Retry-After {retry_after} s is not within the 15 minute window"
        );
        api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    }
    assert_eq!(count(&app.sql().await, "sessions").await, 0);
}

async fn throttling_one_login_does_not_slow_another(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let bob = app.create_account("bob", Role::Staff, None, &[]).await;
    for _ in 0..5 {
        let response = app.sign_in_response("alice", WRONG).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    }
    let alice = app.sign_in_response("alice", PASSWORD).await;
    assert_eq!(alice.status(), StatusCode::TOO_MANY_REQUESTS);

    let wrong = app.sign_in_response("bob", WRONG).await;
    api_error(wrong, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    assert_eq!(app.sign_in("bob", PASSWORD).await.account, as_json(&bob));
}

async fn the_throttle_counts_a_mobile_number_however_it_is_typed(app: TestApp) {
    app.create_account("wang", Role::Delegate, Some(MOBILE), &[])
        .await;
    for typed in [
        MOBILE,
        "138 0013 8000",
        "+86 13800138000",
        "138-0013-8000",
        "8613800138000",
    ] {
        let response = app.sign_in_response(typed, WRONG).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{typed}");
    }
    for typed in [MOBILE, "1 3800138000", "+86 138 0013 8000"] {
        let response = app.sign_in_response(typed, PASSWORD).await;
        api_error(response, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
    }
}

async fn guesses_sent_all_at_once_are_throttled_too(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let guesses = (0..20).map(|i| {
        let request = app
            .request(Method::POST, "/api/session")
            .json(&json!({ "login": "alice", "password": format!("guess number {i}") }));
        async move {
            request
                .send()
                .await
                .expect("the request is answered")
                .status()
        }
    });
    let statuses = futures_join_all(guesses).await;
    let checked = statuses
        .iter()
        .filter(|s| **s == StatusCode::UNAUTHORIZED)
        .count();
    let throttled = statuses
        .iter()
        .filter(|s| **s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!(checked + throttled, 20, "{statuses:?}");
    assert!(
        checked <= 5,
        "{checked} of 20 parallel guesses were checked; at most 5 may be: {statuses:?}"
    );
    let right = app.sign_in_response("alice", PASSWORD).await;
    api_error(right, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;
}

/// Runs futures at the same time and returns their outputs in order.
async fn futures_join_all<F>(futures: impl IntoIterator<Item = F>) -> Vec<F::Output>
where
    F: std::future::Future + Send + 'static,
    F::Output: Send + 'static,
{
    let tasks: Vec<_> = futures.into_iter().map(tokio::spawn).collect();
    let mut outputs = Vec::with_capacity(tasks.len());
    for task in tasks {
        outputs.push(task.await.expect("the task did not panic"));
    }
    outputs
}

async fn a_successful_sign_in_forgets_earlier_failures(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    for round in 1..=2 {
        for _ in 0..4 {
            let response = app.sign_in_response("alice", WRONG).await;
            assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "round {round}");
        }
        let response = app.sign_in_response("alice", PASSWORD).await;
        assert_eq!(
            response.status(),
            StatusCode::OK,
            "round {round}: 4 failures then success must not count towards the next round"
        );
    }
}

/// The five session and account endpoints, with a body that would succeed for staff.
fn account_endpoints(delegate_id: &str) -> Vec<(Method, String, Option<Value>)> {
    vec![
        (Method::GET, "/api/session".into(), None),
        (Method::GET, "/api/accounts".into(), None),
        (
            Method::POST,
            "/api/accounts".into(),
            Some(new_delegate("newcomer")),
        ),
        (
            Method::PUT,
            format!("/api/accounts/{delegate_id}/homes"),
            Some(json!({ "home_ids": ["pro-law"] })),
        ),
        (Method::DELETE, "/api/session".into(), None),
    ]
}

fn build(app: &TestApp, method: &Method, path: &str, body: Option<&Value>) -> RequestBuilder {
    let request = app.request(method.clone(), path);
    match body {
        Some(body) => request.json(body),
        None => request,
    }
}

async fn without_a_session_every_account_endpoint_is_a_401(app: TestApp) {
    let delegate = app
        .create_account("delegate", Role::Delegate, None, &["xc-01"])
        .await;
    for (method, path, body) in account_endpoints(&delegate.id) {
        for token in [None, Some("0".repeat(64))] {
            let mut request = build(&app, &method, &path, body.as_ref());
            if let Some(token) = &token {
                request = request.header("x-csrf-token", token);
            }
            let response = app.send(request).await;
            let body = json_body(response, StatusCode::UNAUTHORIZED).await;
            assert_eq!(body["code"], "unauthenticated", "{method} {path}: {body}");
        }
    }
    assert_eq!(count(&app.sql().await, "accounts").await, 1);
}

async fn a_made_up_session_cookie_is_a_401(app: TestApp) {
    let alice = app.create_account("alice", Role::Staff, None, &[]).await;
    let real = app.sign_in("alice", PASSWORD).await;
    for cookie in [
        format!("{SESSION_COOKIE}={}", "a".repeat(64)),
        format!("{SESSION_COOKIE}="),
        format!(
            "other={}",
            real.cookie.split_once('=').expect("name=value").1
        ),
    ] {
        let response = app
            .send(app.get("/api/session").header(COOKIE, &cookie))
            .await;
        api_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        let response = app
            .send(
                app.get("/api/accounts")
                    .header(COOKIE, &cookie)
                    .header("x-csrf-token", &real.csrf_token),
            )
            .await;
        api_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    }
    let session = json_body(session_of(&app, &real).await, StatusCode::OK).await;
    assert_eq!(session["account"], as_json(&alice), "the real cookie works");
}

async fn a_delegate_has_a_session_but_is_forbidden_the_account_endpoints(app: TestApp) {
    let delegate = app
        .create_account("delegate", Role::Delegate, None, &["xc-01"])
        .await;
    let browser = app.sign_in("delegate", PASSWORD).await;
    let mut allowed = Vec::new();
    for (method, path, body) in account_endpoints(&delegate.id) {
        let request = browser.signed(build(&app, &method, &path, body.as_ref()));
        let response = app.send(request).await;
        if path.starts_with("/api/accounts") {
            let body = json_body(response, StatusCode::FORBIDDEN).await;
            assert_eq!(body["code"], "forbidden", "{method} {path}: {body}");
        } else {
            allowed.push((method.to_string(), response.status()));
        }
    }
    assert_eq!(
        allowed,
        [
            ("GET".to_owned(), StatusCode::OK),
            ("DELETE".to_owned(), StatusCode::NO_CONTENT)
        ]
    );
    let pool = app.sql().await;
    assert_eq!(count(&pool, "accounts").await, 1, "nobody was created");
    let homes: Vec<String> = sqlx::query_scalar("SELECT home_id FROM account_homes")
        .fetch_all(&pool)
        .await
        .expect("homes are readable");
    assert_eq!(homes, ["xc-01"], "the delegate's homes did not change");
}

async fn staff_may_use_every_account_endpoint(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let delegate = app
        .create_account("delegate", Role::Delegate, None, &["xc-01"])
        .await;
    let browser = app.sign_in("staff", PASSWORD).await;
    let expected = [
        StatusCode::OK,
        StatusCode::OK,
        StatusCode::CREATED,
        StatusCode::OK,
        StatusCode::NO_CONTENT,
    ];
    for ((method, path, body), status) in account_endpoints(&delegate.id).into_iter().zip(expected)
    {
        let request = browser.signed(build(&app, &method, &path, body.as_ref()));
        let response = app.send(request).await;
        let actual = response.status();
        let text = response.text().await.unwrap_or_default();
        assert_eq!(actual, status, "{method} {path}: {text}");
    }
    assert_eq!(count(&app.sql().await, "accounts").await, 3);
}

async fn a_staff_change_without_the_right_anti_forgery_token_is_rejected_and_changes_nothing(
    app: TestApp,
) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let delegate = app
        .create_account("delegate", Role::Delegate, None, &["xc-01"])
        .await;
    let browser = app.sign_in("staff", PASSWORD).await;
    let before = account_list(&app, &browser).await;
    assert_eq!(usernames(&before), ["staff", "delegate"]);

    let homes_path = format!("/api/accounts/{}/homes", delegate.id);
    let wrong_tokens = [None, Some(String::new()), Some("0".repeat(64))];
    for token in &wrong_tokens {
        let with_token = |request: RequestBuilder| {
            let request = browser.cookie_only(request);
            match token {
                Some(t) => request.header("x-csrf-token", t),
                None => request,
            }
        };
        let create =
            with_token(app.request(Method::POST, "/api/accounts")).json(&new_delegate("newcomer"));
        let response = app.send(create).await;
        api_error(response, StatusCode::FORBIDDEN, "csrf_rejected").await;
        let put = with_token(app.request(Method::PUT, &homes_path))
            .json(&json!({ "home_ids": ["pro-law"] }));
        let response = app.send(put).await;
        api_error(response, StatusCode::FORBIDDEN, "csrf_rejected").await;
    }
    assert_eq!(
        account_list(&app, &browser).await,
        before,
        "nothing changed"
    );

    let create = browser
        .signed(app.request(Method::POST, "/api/accounts"))
        .json(&new_delegate("newcomer"));
    json_body(app.send(create).await, StatusCode::CREATED).await;
    assert_eq!(
        usernames(&account_list(&app, &browser).await),
        ["staff", "delegate", "newcomer"]
    );
}

async fn one_sessions_anti_forgery_token_does_not_pass_for_another(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    app.create_account("delegate", Role::Delegate, None, &[])
        .await;
    let first = app.sign_in("staff", PASSWORD).await;
    let second = app.sign_in("staff", PASSWORD).await;
    let delegate = app.sign_in("delegate", PASSWORD).await;
    assert_ne!(
        first.csrf_token, second.csrf_token,
        "each session has its own"
    );
    for other in [&second, &delegate] {
        let request = first
            .cookie_only(app.request(Method::POST, "/api/accounts"))
            .header("x-csrf-token", &other.csrf_token)
            .json(&new_delegate("newcomer"));
        api_error(
            app.send(request).await,
            StatusCode::FORBIDDEN,
            "csrf_rejected",
        )
        .await;
    }
    assert_eq!(count(&app.sql().await, "accounts").await, 2);
}

async fn signing_out_without_the_token_is_rejected_and_the_session_lives_on(app: TestApp) {
    app.create_account("alice", Role::Delegate, None, &[]).await;
    let browser = app.sign_in("alice", PASSWORD).await;
    for token in [None, Some("0".repeat(64))] {
        let mut request = browser.cookie_only(app.request(Method::DELETE, "/api/session"));
        if let Some(token) = &token {
            request = request.header("x-csrf-token", token);
        }
        let response = app.send(request).await;
        assert!(
            session_set_cookie(&response).is_none(),
            "a rejected sign-out must not clear the cookie"
        );
        api_error(response, StatusCode::FORBIDDEN, "csrf_rejected").await;
        assert_eq!(session_status(&app, &browser).await, StatusCode::OK);
    }
    let response = app
        .send(browser.signed(app.request(Method::DELETE, "/api/session")))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
}

async fn signing_out_ends_the_session_on_the_server_and_clears_the_cookie(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let browser = app.sign_in("alice", PASSWORD).await;
    assert_eq!(session_status(&app, &browser).await, StatusCode::OK);

    let response = app
        .send(browser.signed(app.request(Method::DELETE, "/api/session")))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    let cleared = session_set_cookie(&response).expect("signing out clears the cookie");
    assert_eq!(cleared.value, "", "{cleared:?}");
    assert_eq!(cleared.attribute("Max-Age"), Some("0"), "{cleared:?}");
    assert_eq!(
        cleared.attribute("Path"),
        Some("/"),
        "only a cookie with the same path replaces the session cookie: {cleared:?}"
    );
    assert!(response.bytes().await.expect("a body").is_empty());

    // The browser may ignore the clearing cookie; the old one must not work any more.
    let old = session_of(&app, &browser).await;
    api_error(old, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let again = app
        .send(browser.signed(app.request(Method::DELETE, "/api/session")))
        .await;
    api_error(again, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_eq!(count(&app.sql().await, "sessions").await, 0);
}

async fn signing_out_ends_only_that_session(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let phone = app.sign_in("alice", PASSWORD).await;
    let laptop = app.sign_in("alice", PASSWORD).await;
    let response = app
        .send(phone.signed(app.request(Method::DELETE, "/api/session")))
        .await;
    assert_eq!(response.status(), StatusCode::NO_CONTENT);
    assert_eq!(session_status(&app, &phone).await, StatusCode::UNAUTHORIZED);
    assert_eq!(session_status(&app, &laptop).await, StatusCode::OK);
}

async fn an_expired_session_is_a_401_and_is_removed(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let browser = app.sign_in("alice", PASSWORD).await;
    let pool = app.sql().await;

    // Sessions last 12 hours: a minute before the end it still works, at the end it does not.
    app.clock.advance(12 * 3_600_000 - 60_000);
    assert_eq!(
        session_status(&app, &browser).await,
        StatusCode::OK,
        "a session about to end still works"
    );

    app.clock.advance(60_000);
    let response = session_of(&app, &browser).await;
    api_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    assert_eq!(
        count(&pool, "sessions").await,
        0,
        "the ended session is deleted"
    );
    let change = browser
        .signed(app.request(Method::POST, "/api/accounts"))
        .json(&new_delegate("newcomer"));
    api_error(
        app.send(change).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

async fn a_session_lasts_the_configured_twelve_hours(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let before = app.clock.now_ms();
    app.sign_in("alice", PASSWORD).await;
    let after = app.clock.now_ms();
    let row = sqlx::query("SELECT created_at_ms, expires_at_ms FROM sessions")
        .fetch_one(&app.sql().await)
        .await
        .expect("one session");
    let created: i64 = row.try_get("created_at_ms").expect("created_at_ms");
    let expires: i64 = row.try_get("expires_at_ms").expect("expires_at_ms");
    assert!(
        (before..=after).contains(&created),
        "{before} {created} {after}"
    );
    assert_eq!(expires - created, 12 * 3_600_000);
}

async fn every_invalid_field_of_a_new_account_is_a_400_naming_it(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let browser = app.sign_in("staff", PASSWORD).await;
    let cases: [(&str, Value, &str); 11] = [
        ("username", json!("Ab"), "username"),
        ("username", json!("2wang"), "username"),
        ("username", json!("wang li"), "username"),
        ("password", json!("short"), "password"),
        ("password", json!("x".repeat(300)), "password"),
        ("phone", json!("12345"), "phone"),
        ("phone", json!("0471-6512345"), "phone"),
        ("home_ids", json!(["nope"]), "home_ids"),
        ("home_ids", json!(["xc-01", "nope"]), "home_ids"),
        ("display_name", json!("   "), "display_name"),
        ("display_name", json!("代".repeat(51)), "display_name"),
    ];
    for (key, value, field) in cases {
        let mut body = new_delegate("newcomer");
        body[key] = value.clone();
        let request = browser
            .signed(app.request(Method::POST, "/api/accounts"))
            .json(&body);
        let error = api_error(
            app.send(request).await,
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
        assert_eq!(error["field"], field, "{key} = {value}: {error}");
    }
    let mut staff_with_homes = new_delegate("colleague");
    staff_with_homes["role"] = json!("staff");
    let request = browser
        .signed(app.request(Method::POST, "/api/accounts"))
        .json(&staff_with_homes);
    let error = api_error(
        app.send(request).await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    assert_eq!(
        error["field"], "home_ids",
        "staff belong to no home: {error}"
    );

    assert_eq!(usernames(&account_list(&app, &browser).await), ["staff"]);
}

async fn a_malformed_body_is_a_400_in_the_json_error_shape(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let delegate = app
        .create_account("delegate", Role::Delegate, None, &["xc-01"])
        .await;
    let browser = app.sign_in("staff", PASSWORD).await;
    let before = account_list(&app, &browser).await;
    let mut unknown_role = new_delegate("newcomer");
    unknown_role["role"] = json!("admin");
    let mut no_password = new_delegate("newcomer");
    no_password
        .as_object_mut()
        .expect("an object")
        .remove("password");
    let homes_path = format!("/api/accounts/{}/homes", delegate.id);
    // A field serde cannot read is named; a body that is not a JSON object is `body`.
    let cases: Vec<(Method, &str, RequestBody, &str)> = vec![
        (
            Method::POST,
            "/api/accounts",
            RequestBody::Json(unknown_role),
            "role",
        ),
        (
            Method::POST,
            "/api/accounts",
            RequestBody::Json(no_password),
            "password",
        ),
        (
            Method::POST,
            "/api/accounts",
            RequestBody::Json(json!([1, 2])),
            "body",
        ),
        (
            Method::POST,
            "/api/accounts",
            RequestBody::Raw("{not json"),
            "body",
        ),
        (Method::POST, "/api/accounts", RequestBody::NotJson, "body"),
        (
            Method::PUT,
            &homes_path,
            RequestBody::Json(json!({ "home_ids": "xc-02" })),
            "home_ids",
        ),
        (
            Method::POST,
            "/api/session",
            RequestBody::Json(json!({ "login": "staff" })),
            "password",
        ),
        (Method::POST, "/api/session", RequestBody::Raw(""), "body"),
    ];
    for (method, path, body, field) in cases {
        let request = browser.signed(app.request(method.clone(), path));
        let request = match &body {
            RequestBody::Json(value) => request.json(value),
            RequestBody::Raw(text) => request
                .header("content-type", "application/json")
                .body(*text),
            RequestBody::NotJson => request
                .header("content-type", "text/plain")
                .body(new_delegate("newcomer").to_string()),
        };
        let response = app.send(request).await;
        let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
        assert_eq!(error["field"], field, "{method} {path} {body:?}: {error}");
    }
    assert_eq!(
        account_list(&app, &browser).await,
        before,
        "nothing changed"
    );
}

/// A request body for [`a_malformed_body_is_a_400_in_the_json_error_shape`].
#[derive(Debug)]
enum RequestBody {
    Json(Value),
    Raw(&'static str),
    NotJson,
}

async fn a_username_or_mobile_number_in_use_is_a_409_conflict(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    app.create_account("alice", Role::Delegate, Some(MOBILE), &[])
        .await;
    let browser = app.sign_in("staff", PASSWORD).await;
    let before = account_list(&app, &browser).await;

    let mut same_phone = new_delegate("other");
    same_phone["phone"] = json!("+86 138-0013-8000");
    for (body, field) in [
        (new_delegate("alice"), "username"),
        (new_delegate("ALICE"), "username"),
        (same_phone, "phone"),
    ] {
        let request = browser
            .signed(app.request(Method::POST, "/api/accounts"))
            .json(&body);
        let error = api_error(app.send(request).await, StatusCode::CONFLICT, "taken").await;
        assert_eq!(error["field"], field, "{body}: {error}");
    }
    assert_eq!(account_list(&app, &browser).await, before);
}

async fn a_created_delegate_has_its_homes_sorted_and_deduplicated_and_can_sign_in(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let staff = app.sign_in("staff", PASSWORD).await;
    let body = json!({
        "username": "New.Delegate",
        "display_name": "  新代表  ",
        "role": "delegate",
        "phone": "+86 139 0013 9000",
        "password": "a long enough password",
        "home_ids": ["xc-02", "pro-law", "xc-02", " pro-law "],
    });
    let request = staff
        .signed(app.request(Method::POST, "/api/accounts"))
        .json(&body);
    let created = json_body(app.send(request).await, StatusCode::CREATED).await;
    let id = created["id"].as_str().expect("an id").to_owned();
    assert!(!id.is_empty());
    assert_eq!(
        created,
        json!({
            "id": id,
            "username": "new.delegate",
            "display_name": "新代表",
            "role": "delegate",
            "phone": "13900139000",
            "home_ids": ["pro-law", "xc-02"],
            "demo": false,
            "active": true,
        })
    );
    assert!(account_list(&app, &staff).await.contains(&created));

    for login in ["new.delegate", "139 0013 9000"] {
        let delegate = app.sign_in(login, "a long enough password").await;
        assert_eq!(delegate.account, created, "login {login}");
    }
}

async fn staff_see_every_account_staff_first_with_full_mobile_numbers(app: TestApp) {
    let bob = app
        .create_account("bob", Role::Delegate, Some(MOBILE), &["xc-01"])
        .await;
    let amy = app.create_account("amy", Role::Delegate, None, &[]).await;
    let zoe = app.create_account("zoe", Role::Staff, None, &[]).await;
    let browser = app.sign_in("zoe", PASSWORD).await;
    let list = account_list(&app, &browser).await;
    assert_eq!(list, [as_json(&zoe), as_json(&amy), as_json(&bob)]);
    assert_eq!(list[2]["phone"], MOBILE, "staff see phones in full");
}

async fn putting_homes_replaces_a_delegates_homes(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let delegate = app
        .create_account(
            "delegate",
            Role::Delegate,
            Some(MOBILE),
            &["xc-01", "xc-02"],
        )
        .await;
    let staff = app.sign_in("staff", PASSWORD).await;
    let path = format!("/api/accounts/{}/homes", delegate.id);
    let cases: [(Value, Value); 3] = [
        (json!(["pro-law"]), json!(["pro-law"])),
        (
            json!(["xc-02", "xc-01", "xc-02"]),
            json!(["xc-01", "xc-02"]),
        ),
        (json!([]), json!([])),
    ];
    for (home_ids, expected) in cases {
        let request = staff
            .signed(app.request(Method::PUT, &path))
            .json(&json!({ "home_ids": home_ids }));
        let updated = json_body(app.send(request).await, StatusCode::OK).await;
        let mut want = as_json(&delegate);
        want["home_ids"] = expected.clone();
        assert_eq!(updated, want, "PUT {home_ids}");
        let signed_in = app.sign_in("delegate", PASSWORD).await;
        assert_eq!(signed_in.account["home_ids"], expected, "PUT {home_ids}");
    }
}

async fn homes_cannot_be_put_on_a_staff_account_an_unknown_account_or_an_unknown_home(
    app: TestApp,
) {
    let staff_account = app.create_account("staff", Role::Staff, None, &[]).await;
    let delegate = app
        .create_account("delegate", Role::Delegate, None, &["xc-01"])
        .await;
    let staff = app.sign_in("staff", PASSWORD).await;
    let before = account_list(&app, &staff).await;
    let put = |id: &str, homes: Value| {
        staff
            .signed(app.request(Method::PUT, &format!("/api/accounts/{id}/homes")))
            .json(&json!({ "home_ids": homes }))
    };

    for homes in [json!(["xc-01"]), json!([])] {
        let response = app.send(put(&staff_account.id, homes)).await;
        let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
        assert_eq!(error["field"], "home_ids", "{error}");
    }
    let response = app.send(put("no-such-account", json!(["xc-01"]))).await;
    api_error(response, StatusCode::NOT_FOUND, "not_found").await;
    let response = app.send(put(&delegate.id, json!(["xc-02", "nope"]))).await;
    let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
    assert_eq!(error["field"], "home_ids", "{error}");

    assert_eq!(account_list(&app, &staff).await, before, "nothing changed");
}

async fn stored_passwords_are_salted_argon2id_hashes_never_the_password(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    app.create_account("twin", Role::Delegate, None, &[]).await;
    let staff = app.sign_in("staff", PASSWORD).await;
    let request = staff
        .signed(app.request(Method::POST, "/api/accounts"))
        .json(&new_delegate("newcomer"));
    json_body(app.send(request).await, StatusCode::CREATED).await;

    let rows = sqlx::query("SELECT username, password_hash FROM accounts ORDER BY username")
        .fetch_all(&app.sql().await)
        .await
        .expect("accounts are readable");
    let hashes: Vec<(String, String)> = rows
        .iter()
        .map(|r| {
            (
                r.try_get("username").expect("username"),
                r.try_get("password_hash").expect("password_hash"),
            )
        })
        .collect();
    assert_eq!(hashes.len(), 3);
    for (username, hash) in &hashes {
        assert!(hash.starts_with("$argon2id$v=19$"), "{username}: {hash}");
        for password in [PASSWORD, "a long enough password"] {
            assert!(!hash.contains(password), "{username}: {hash}");
        }
    }
    let same_password: Vec<&String> = hashes
        .iter()
        .filter(|(u, _)| u == "staff" || u == "twin")
        .map(|(_, h)| h)
        .collect();
    assert_ne!(
        same_password[0], same_password[1],
        "equal passwords get different salts"
    );
}

async fn the_database_keeps_only_a_hash_of_the_session_token(app: TestApp) {
    app.create_account("alice", Role::Staff, None, &[]).await;
    let browser = app.sign_in("alice", PASSWORD).await;
    let token = browser.cookie.split_once('=').expect("name=value").1;
    let stored: Vec<String> = sqlx::query_scalar("SELECT token_hash FROM sessions")
        .fetch_all(&app.sql().await)
        .await
        .expect("sessions are readable");
    let sha256: String = Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(stored, [sha256]);
    assert_ne!(stored[0], token);

    // A leaked table opens no session: its value is not a cookie.
    let leaked = format!("{SESSION_COOKIE}={}", stored[0]);
    let response = app
        .send(app.get("/api/session").header(COOKIE, leaked))
        .await;
    api_error(response, StatusCode::UNAUTHORIZED, "unauthenticated").await;
}

async fn personal_answers_are_never_stored_by_caches(app: TestApp) {
    app.create_account("staff", Role::Staff, None, &[]).await;
    let browser = app.sign_in("staff", PASSWORD).await;
    for path in ["/api/session", "/api/accounts"] {
        let response = app
            .send(browser.cookie_only(app.request(Method::GET, path)))
            .await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(
            response.headers()["cache-control"],
            "private, no-store",
            "{path}"
        );
        assert!(response.headers().get("etag").is_none(), "{path}");
    }
    let homes = app
        .send(browser.cookie_only(app.request(Method::GET, "/api/homes")))
        .await;
    assert_eq!(homes.headers()["cache-control"], "private, no-cache");
}

async fn the_username_and_phone_of_one_account_share_one_failure_limit(app: TestApp) {
    app.create_account("alice", Role::Delegate, Some(MOBILE), &[])
        .await;
    for attempt in 0..5 {
        let login = if attempt % 2 == 0 { "alice" } else { MOBILE };
        let response = app.sign_in_response(login, "wrong password!").await;
        assert_eq!(
            response.status(),
            StatusCode::UNAUTHORIZED,
            "attempt {attempt}"
        );
    }
    let response = app.sign_in_response(MOBILE, PASSWORD).await;
    assert_eq!(response.status(), StatusCode::TOO_MANY_REQUESTS);
}
