//! Every protected endpoint in one table: who is refused (anonymous 401; a delegate on a staff
//! endpoint 403; a delegate of another home 403; a state change without the anti-forgery token
//! 403), and that the allowed role gets past the guard.

use crate::activities::date_in;
use crate::bookings::{activity, booked, code_of, delegate, PHONE};
use crate::helpers::{api_error, on_both_databases, Browser, TestApp, PASSWORD};
use crate::moderation::{new_opinion, replied};
use crate::opinions::opinion_body;
use deputy_homes_api::accounts::Role;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both_databases!(every_protected_endpoint_refuses_the_wrong_caller_and_admits_the_right_one);

/// Who an endpoint admits.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Guard {
    /// Anyone signed in.
    SignedIn,
    Staff,
    /// Staff and the delegates of the home concerned (xc-02).
    HomeOf,
    /// Delegates only (staff are refused).
    Delegate,
}

struct Endpoint {
    method: Method,
    path: String,
    body: Option<Value>,
    guard: Guard,
    /// The answer of the allowed caller.
    allowed: StatusCode,
}

async fn every_protected_endpoint_refuses_the_wrong_caller_and_admits_the_right_one(app: TestApp) {
    let wang = delegate(&app).await;
    let li = app.signed_in_as("lina", Role::Delegate, &["xc-01"]).await;
    let staff = app.signed_in_as("staff", Role::Staff, &[]).await;
    let leaving = app.sign_in("wang", PASSWORD).await;
    let edited = activity(&app, &wang, 5, 10).await;
    let cancelled = activity(&app, &wang, 5, 11).await;
    let held = activity(&app, &wang, 5, 14).await;
    let code = code_of(&booked(&app, &held, PHONE, "booked").await);
    let wang_id = wang.account["id"].as_str().expect("an id").to_owned();
    let new_account = json!({
        "username": "zhao",
        "display_name": "赵",
        "role": "delegate",
        "password": "a long enough password",
        "home_ids": ["xc-02"],
    });
    let new_activity = json!({
        "kind": "reception", "date": date_in(12), "start": "09:00", "end": "10:00",
        "capacity": 5, "topic": "议题",
    });
    let edit = json!({
        "date": date_in(13), "start": "09:00", "end": "10:00", "capacity": 6, "topic": "议题",
    });
    let chain = new_opinion(&app, Some(PHONE), json!({})).await;
    let rejected = new_opinion(&app, Some("13900000001"), json!({})).await;
    let closed = new_opinion(&app, Some("13900000002"), json!({})).await;
    replied(&app, &staff, &closed).await;
    let bulk = new_opinion(&app, Some("13900000003"), json!({})).await;
    let step = |action: &str| format!("/api/staff/opinions/{chain}/{action}");
    let endpoint = |method: Method, path: String, body: Option<Value>, guard, allowed| Endpoint {
        method,
        path,
        body,
        guard,
        allowed,
    };
    let table = [
        endpoint(
            Method::GET,
            "/api/session".into(),
            None,
            Guard::SignedIn,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/accounts".into(),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            "/api/accounts".into(),
            Some(new_account),
            Guard::Staff,
            StatusCode::CREATED,
        ),
        endpoint(
            Method::PUT,
            format!("/api/accounts/{wang_id}/homes"),
            Some(json!({ "home_ids": ["xc-02"] })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/notifications".into(),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            "/api/homes/xc-02/activities".into(),
            Some(new_activity),
            Guard::HomeOf,
            StatusCode::CREATED,
        ),
        endpoint(
            Method::PUT,
            format!("/api/activities/{edited}"),
            Some(edit),
            Guard::HomeOf,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            format!("/api/activities/{cancelled}/cancel"),
            Some(json!({ "reason": "下雪" })),
            Guard::HomeOf,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            format!("/api/activities/{held}/bookings"),
            None,
            Guard::HomeOf,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            format!("/api/activities/{held}/check-in"),
            Some(json!({ "code": code })),
            Guard::HomeOf,
            StatusCode::OK,
        ),
        endpoint(
            Method::PUT,
            format!("/api/activities/{held}/record"),
            Some(json!({ "raised": "停车难", "booking_codes": [code] })),
            Guard::HomeOf,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            format!("/api/activities/{held}/record"),
            None,
            Guard::HomeOf,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/units".into(),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            "/api/units".into(),
            Some(json!({ "name": "市林业和草原局" })),
            Guard::Staff,
            StatusCode::CREATED,
        ),
        endpoint(
            Method::PUT,
            "/api/units/u-jtj".into(),
            Some(json!({ "name": "市交通运输局（新）" })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/holidays".into(),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::PUT,
            "/api/holidays".into(),
            Some(json!({ "days": [{ "date": "2027-01-01", "name": "元旦", "kind": "holiday" }] })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/staff/opinions".into(),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            "/api/staff/opinions".into(),
            Some(opinion_body(Some(PHONE), &[])),
            Guard::Staff,
            StatusCode::CREATED,
        ),
        endpoint(
            Method::GET,
            format!("/api/staff/opinions/{chain}"),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("accept"),
            Some(json!({})),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("assign"),
            Some(json!({ "unit_ids": ["u-jtj"] })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("acknowledge"),
            Some(json!({})),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("extend"),
            Some(json!({ "reason": "协调", "working_days": 5 })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("note"),
            Some(json!({ "text": "备注" })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("reply"),
            Some(json!({ "class": "A", "text": "已解决" })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("publish"),
            Some(json!({})),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            step("reveal-phone"),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            format!("/api/staff/opinions/{rejected}/reject"),
            Some(json!({ "reason": "spam", "message": "广告" })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            format!("/api/staff/opinions/{closed}/close"),
            Some(json!({})),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::POST,
            "/api/staff/opinions/bulk".into(),
            Some(json!({ "action": "accept", "trackings": [bulk] })),
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/staff/audit".into(),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/staff/stats".into(),
            None,
            Guard::Staff,
            StatusCode::OK,
        ),
        endpoint(
            Method::GET,
            "/api/delegate/opinions".into(),
            None,
            Guard::Delegate,
            StatusCode::OK,
        ),
        endpoint(
            Method::DELETE,
            "/api/session".into(),
            None,
            Guard::SignedIn,
            StatusCode::NO_CONTENT,
        ),
    ];

    let send = |browser: Option<&Browser>, signed: bool, e: &Endpoint| {
        let mut request = app.request(e.method.clone(), &e.path);
        if let Some(body) = &e.body {
            request = request.json(body);
        }
        match (browser, signed) {
            (Some(b), true) => b.signed(request),
            (Some(b), false) => b.cookie_only(request),
            (None, _) => request,
        }
    };
    let mut refusals = 0;
    for e in &table {
        let case = format!("{} {}", e.method, e.path);
        let anonymous = app.send(send(None, true, e)).await;
        let error = api_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
        assert!(error.is_object(), "{case}");
        refusals += 1;
        let wrong = match e.guard {
            Guard::SignedIn => None,
            Guard::Staff => Some(&wang),
            Guard::HomeOf => Some(&li),
            Guard::Delegate => Some(&staff),
        };
        if let Some(wrong) = wrong {
            let response = app.send(send(Some(wrong), true, e)).await;
            let error = api_error(response, StatusCode::FORBIDDEN, "forbidden").await;
            assert!(error.is_object(), "{case}");
            refusals += 1;
        }
        let right = match e.guard {
            Guard::Staff => &staff,
            Guard::HomeOf | Guard::Delegate => &wang,
            Guard::SignedIn if e.method == Method::DELETE => &leaving,
            Guard::SignedIn => &li,
        };
        if e.method != Method::GET {
            let forged = app.send(send(Some(right), false, e)).await;
            api_error(forged, StatusCode::FORBIDDEN, "csrf_rejected").await;
            refusals += 1;
        }
        let response = app.send(send(Some(right), true, e)).await;
        assert_eq!(response.status(), e.allowed, "{case} as the allowed caller");
    }
    // Anonymous: every row; wrong role: staff and delegate rows; forged: state changes.
    assert_eq!(
        refusals,
        (13 + 11 + 8) + (22 + 22 + 15),
        "every row was checked"
    );
}
