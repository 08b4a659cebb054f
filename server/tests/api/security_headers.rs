//! Every answer, page or API, success or error, carries the security headers; every answer
//! holding a citizen's phone is kept by no cache. (The policy's hash of the built page's
//! loader script and HSTS over TLS are checked on the real binary, in `tests/serve.rs`.)

use crate::bookings::{activity, booked, code_of, delegate, look_up, PHONE};
use crate::helpers::{on_both_databases, TestApp, HASHED_ASSET};
use crate::moderation::{act, new_opinion};
use crate::notifications::staff;
use reqwest::header::CACHE_CONTROL;
use reqwest::{Method, Response, StatusCode};
use serde_json::json;

on_both_databases!(
    every_answer_carries_the_security_headers,
    answers_holding_a_phone_are_never_stored_by_any_cache,
);

fn header(response: &Response, name: &str) -> String {
    response
        .headers()
        .get(name)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_else(|| panic!("{} has no {name}", response.url()))
        .to_owned()
}

fn check_security_headers(response: &Response) {
    let url = response.url().clone();
    let csp = header(response, "content-security-policy");
    for directive in [
        "default-src 'self'",
        "script-src 'self' 'wasm-unsafe-eval'",
        "style-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "frame-ancestors 'none'",
    ] {
        assert!(
            csp.contains(directive),
            "{url}: {directive} missing in {csp}"
        );
    }
    assert!(!csp.contains("unsafe-inline"), "{url}: {csp}");
    assert!(!csp.contains('*'), "{url}: {csp}");
    assert_eq!(
        header(response, "x-content-type-options"),
        "nosniff",
        "{url}"
    );
    assert_eq!(header(response, "x-frame-options"), "DENY", "{url}");
    assert_eq!(header(response, "referrer-policy"), "no-referrer", "{url}");
    assert!(
        header(response, "permissions-policy").contains("geolocation=(self)"),
        "{url}"
    );
    assert!(
        response
            .headers()
            .get("strict-transport-security")
            .is_none(),
        "{url}: HSTS without TLS"
    );
}

async fn every_answer_carries_the_security_headers(app: TestApp) {
    let hashed = format!("/{HASHED_ASSET}");
    for (path, status) in [
        ("/", StatusCode::OK),
        ("/homes/xc-01", StatusCode::OK),
        ("/office/queue", StatusCode::OK),
        (hashed.as_str(), StatusCode::OK),
        ("/api/homes", StatusCode::OK),
        ("/api/homes/xc-01", StatusCode::OK),
        ("/api/homes/none", StatusCode::NOT_FOUND),
        ("/api/no-such-path", StatusCode::NOT_FOUND),
        ("/api/session", StatusCode::UNAUTHORIZED),
    ] {
        let response = app.send(app.get(path)).await;
        assert_eq!(response.status(), status, "{path}");
        check_security_headers(&response);
    }
    let refused = app
        .send(
            app.request(Method::POST, "/api/session")
                .json(&json!({ "login": "nobody", "password": "wrong" })),
        )
        .await;
    assert_eq!(refused.status(), StatusCode::UNAUTHORIZED);
    check_security_headers(&refused);
}

async fn answers_holding_a_phone_are_never_stored_by_any_cache(app: TestApp) {
    let no_store = |response: &Response| {
        assert!(response.status().is_success(), "{}", response.url());
        assert_eq!(
            header(response, CACHE_CONTROL.as_str()),
            "private, no-store",
            "{}",
            response.url()
        );
    };
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 3).await;

    // The new booking, its look-up, its QR code.
    let created = app
        .send(
            crate::bookings::book_request(&app, &id, &crate::bookings::booking_body("13900139000"))
                .await,
        )
        .await;
    no_store(&created);
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    no_store(&look_up(&app, &code, PHONE).await);
    no_store(
        &app.send(app.get(&format!("/api/bookings/{code}/qr.svg")))
            .await,
    );

    // The delegate's roster, with the phones in full.
    no_store(
        &app.send(wang.cookie_only(app.get(&format!("/api/activities/{id}/bookings"))))
            .await,
    );

    // A revealed phone, and the messages to citizens.
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    no_store(&act(&app, &staff, &tracking, "reveal-phone", json!({})).await);
    no_store(
        &app.send(staff.cookie_only(app.get("/api/notifications")))
            .await,
    );

    // Public answers are still cached and re-validated.
    let homes = app.send(app.get("/api/homes")).await;
    assert_eq!(header(&homes, CACHE_CONTROL.as_str()), "no-cache");
}
