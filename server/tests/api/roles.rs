//! Every operation of the served OpenAPI document is either on the public list below or guarded
//! as its `security` says, and the server holds to it: anonymous 401; the wrong role 403; a
//! delegate of another home 403; a state change without the anti-forgery token 403; a verified
//! phone's session 404 on another phone's booking; and the allowed caller gets past the guard. A
//! new operation that is neither listed nor guarded fails. The open operations that act for one
//! phone's opinion have their own row: a citizen of another phone (and nobody) gets nothing, the
//! phone's own session gets in.

use crate::document::{guard_of, operations, served_document, Guard, Operation};
use crate::examples::{example_for, examples, Example};
use crate::fixtures::Fixtures;
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::moderation::{new_opinion, replied};
use crate::notifications::staff;
use crate::opinions::opinion_body;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::json;

on_both_databases!(
    every_guarded_operation_refuses_the_wrong_caller_and_admits_the_right_one,
    every_public_operation_answers_without_an_account_and_everything_else_is_guarded,
    a_citizen_of_another_phone_neither_opens_rates_nor_sends_a_phones_opinion,
);

/// The operations open to everyone, each with why. Anything else must name in the document who
/// may call it, or the tests below fail.
const PUBLIC: &[(&str, &str)] = &[
    // Load balancers check the server without an account.
    ("GET", "/api/health"),
    // Citizens find homes, their activities and the delegates' yearly figures without an account.
    ("GET", "/api/homes"),
    ("GET", "/api/homes/{id}"),
    ("GET", "/api/homes/{id}/activities"),
    ("GET", "/api/activities"),
    ("GET", "/api/activities/{id}"),
    ("GET", "/api/activities/{id}/calendar.ics"),
    ("GET", "/api/delegates/{id}/summary"),
    // A QR code holds only the booking code, which opens nothing without the phone's session.
    ("GET", "/api/bookings/{code}/qr.svg"),
    // Citizens send opinions with photos (with contact details in the session of that phone:
    // see the row for a citizen of another phone below) and follow them by the receipt's
    // private token or by the tracking number in that session, and rate the reply either way.
    ("POST", "/api/opinions"),
    ("GET", "/api/opinions/{tracking_number}"),
    ("GET", "/api/opinions/by-token/{private_token}"),
    ("POST", "/api/opinions/{tracking_number}/rating"),
    ("POST", "/api/opinion-photos"),
    // Photos are served by an unguessable id, to whoever has the opinion's page.
    ("GET", "/api/opinion-photos/{id}"),
    ("GET", "/api/opinion-photos/{id}/thumbnail"),
    // The public board and figures show no personal data.
    ("GET", "/api/public/opinions"),
    ("GET", "/api/public/stats"),
    // Livelihood projects are public: the cycles, each proposal's page (no phone), and a
    // closed vote's result (refused before the close), and each adopted project's page.
    ("GET", "/api/project-cycles"),
    ("GET", "/api/project-cycles/{id}"),
    ("GET", "/api/project-cycles/{id}/results"),
    ("GET", "/api/project-cycles/{id}/projects"),
    ("GET", "/api/projects/{id}"),
    ("GET", "/api/project-cycles/{id}/evaluation-trackers"),
    ("GET", "/api/project-proposals/{tracking_number}"),
    // A project's photos are on its public pages, served by their unguessable ids.
    ("GET", "/api/project-photos/{id}"),
    ("GET", "/api/project-photos/{id}/thumbnail"),
    // The term's figures of livelihood projects are counts, no personal data.
    ("GET", "/api/project-figures"),
    // Signing in is how an account starts.
    ("POST", "/api/session"),
    // A citizen asks for a text code and verifies it: that is how a phone's session starts.
    ("POST", "/api/citizen/codes"),
    ("POST", "/api/citizen/session"),
];

fn is_public(operation: &Operation) -> bool {
    PUBLIC
        .iter()
        .any(|(m, t)| *m == operation.method.as_str() && *t == operation.template)
}

/// The request of an operation: its example, or its path with real values and nothing more.
fn request(
    app: &TestApp,
    f: &Fixtures,
    example: Option<&Example>,
    op: &Operation,
) -> RequestBuilder {
    match example {
        Some(example) => example.request(app, f),
        None => app.request(op.method.clone(), &f.path_of(&op.template)),
    }
}

async fn every_public_operation_answers_without_an_account_and_everything_else_is_guarded(
    app: TestApp,
) {
    let doc = served_document(&app).await;
    let f = Fixtures::create(&app).await;
    let all = operations(&doc);
    let examples = examples(&f);
    for (method, template) in PUBLIC {
        assert!(
            all.iter()
                .any(|op| op.method.as_str() == *method && op.template == *template),
            "{method} {template} is on the public list but not in the document"
        );
    }
    let mut unguarded = Vec::new();
    for op in &all {
        let guard = guard_of(op);
        if !is_public(op) {
            if guard.is_none() {
                unguarded.push(op.name());
            }
            continue;
        }
        assert_eq!(
            guard,
            None,
            "{} is public but its entry names a guard",
            op.name()
        );
        let response = app
            .send(request(&app, &f, example_for(&examples, op), op))
            .await;
        let status = response.status();
        assert!(
            ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
            "{} is public but refused an anonymous caller: {status} {}",
            op.name(),
            response.text().await.unwrap_or_default()
        );
    }
    assert!(
        unguarded.is_empty(),
        "these operations are neither on the public list of roles.rs nor name in the document \
         who may call them (`security` on their #[utoipa::path]): {unguarded:?}"
    );
}

/// Sends an operation's request as a caller, with or without the anti-forgery token.
fn send_as(
    app: &TestApp,
    f: &Fixtures,
    example: Option<&Example>,
    op: &Operation,
    caller: Option<(&Browser, bool)>,
) -> RequestBuilder {
    let request = request(app, f, example, op);
    match caller {
        Some((browser, true)) => browser.signed(request),
        Some((browser, false)) => browser.cookie_only(request),
        None => request,
    }
}

async fn every_guarded_operation_refuses_the_wrong_caller_and_admits_the_right_one(app: TestApp) {
    let doc = served_document(&app).await;
    let f = Fixtures::create(&app).await;
    let examples = examples(&f);
    let all = operations(&doc);
    for example in &examples {
        assert!(
            all.iter().any(|op| example.is(op)),
            "the example for {} {} matches no operation of the document",
            example.method,
            example.template
        );
    }
    // The examples' order first (it walks the opinion chain and signs out last), then the rest.
    let position = |op: &Operation| {
        examples
            .iter()
            .position(|e| e.is(op))
            .unwrap_or(examples.len())
    };
    let mut guarded: Vec<&Operation> = all.iter().filter(|op| guard_of(op).is_some()).collect();
    guarded.sort_by_key(|op| position(op));
    let mut refusals = 0;
    for op in &guarded {
        refusals += probe(&app, &f, example_for(&examples, op), op).await;
    }
    // Anonymous: every guarded operation; the wrong role: those of one role or one home;
    // no token: state changes. Counted from the document, so no probe is skipped silently.
    let expected: usize = guarded
        .iter()
        .map(|op| {
            let guard = guard_of(op).expect("guarded");
            let wrong = wrong_callers(&f, &guard).len();
            1 + wrong + usize::from(op.changes_state()) + usize::from(is_a_phones_booking(op))
        })
        .sum();
    assert_eq!(refusals, expected, "every refusal was checked");
    assert!(
        guarded.len() >= 35,
        "only {} guarded operations",
        guarded.len()
    );
}

/// The callers the roles do not admit: staff where only delegates are; a delegate of `xc-02`
/// where delegates are not; a delegate of another home where only the home's delegates are.
fn wrong_callers<'a>(f: &'a Fixtures, guard: &Guard) -> Vec<(&'static str, &'a Browser)> {
    if guard.citizen {
        // An account's session is no verified phone.
        return vec![("staff without a verified phone", &f.staff)];
    }
    let roles = &guard.roles;
    if roles.is_empty() {
        return Vec::new();
    }
    let has = |role: &str| roles.iter().any(|r| r == role);
    let mut wrong = Vec::new();
    if !has("staff") {
        wrong.push(("staff", &f.staff));
    }
    if !has("delegate") && !has("home_delegate") {
        wrong.push(("a delegate", &f.wang));
    }
    if has("home_delegate") && !has("delegate") {
        wrong.push(("a delegate of another home", &f.li));
    }
    wrong
}

/// Whether the operation acts on one booking for its phone: a session of another phone finds
/// no such booking.
fn is_a_phones_booking(op: &Operation) -> bool {
    guard_of(op).is_some_and(|g| g.citizen) && op.template.starts_with("/api/bookings/{code}")
}

/// Probes one guarded operation; returns how many refusals it checked.
async fn probe(app: &TestApp, f: &Fixtures, example: Option<&Example>, op: &Operation) -> usize {
    let name = op.name();
    let guard = guard_of(op).expect("a guarded operation");
    let responses = &op.spec["responses"];
    assert!(
        responses["401"].is_object(),
        "{name} does not document its 401"
    );
    assert_eq!(
        guard.csrf,
        op.changes_state(),
        "{name}: the document must name the csrf scheme exactly on state changes"
    );
    if !guard.roles.is_empty() || guard.csrf {
        assert!(
            responses["403"].is_object(),
            "{name} does not document its 403"
        );
    }
    let mut refusals = 0;
    let anonymous = app.send(send_as(app, f, example, op, None)).await;
    let status = anonymous.status();
    assert_eq!(status, StatusCode::UNAUTHORIZED, "{name} as anonymous");
    api_error(anonymous, status, "unauthenticated").await;
    refusals += 1;
    let (wrong_status, wrong_code) = if guard.citizen {
        (StatusCode::UNAUTHORIZED, "unauthenticated")
    } else {
        (StatusCode::FORBIDDEN, "forbidden")
    };
    for (who, browser) in wrong_callers(f, &guard) {
        let response = app
            .send(send_as(app, f, example, op, Some((browser, true))))
            .await;
        let status = response.status();
        assert_eq!(status, wrong_status, "{name} as {who}");
        api_error(response, status, wrong_code).await;
        refusals += 1;
    }
    if is_a_phones_booking(op) {
        let response = app
            .send(send_as(app, f, example, op, Some((&f.other_citizen, true))))
            .await;
        let status = response.status();
        assert_eq!(
            status,
            StatusCode::NOT_FOUND,
            "{name} as a citizen of another phone"
        );
        api_error(response, status, "not_found").await;
        refusals += 1;
    }
    let allowed = f
        .allowed_caller(op)
        .expect("a guarded operation admits someone");
    if op.changes_state() {
        let forged = app
            .send(send_as(app, f, example, op, Some((allowed, false))))
            .await;
        let status = forged.status();
        assert_eq!(
            status,
            StatusCode::FORBIDDEN,
            "{name} without the anti-forgery token"
        );
        api_error(forged, status, "csrf_rejected").await;
        refusals += 1;
    }
    let response = app
        .send(send_as(app, f, example, op, Some((allowed, true))))
        .await;
    let status = response.status();
    let body = response.text().await.unwrap_or_default();
    match example.and_then(|e| e.answer) {
        Some(answer) => assert_eq!(status, answer, "{name} as the allowed caller: {body}"),
        None => assert!(
            ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
            "{name} refused the allowed caller: {status} {body}"
        ),
    }
    // Staff may also act at a home whose delegates are admitted: past the guard, whatever the
    // state the first caller left behind.
    let named = |role: &str| guard.roles.iter().any(|r| r == role);
    if named("staff") && named("home_delegate") {
        let response = app
            .send(send_as(app, f, example, op, Some((&f.staff, true))))
            .await;
        let status = response.status();
        assert!(
            ![StatusCode::UNAUTHORIZED, StatusCode::FORBIDDEN].contains(&status),
            "{name} refused staff: {status}"
        );
    }
    refusals
}

/// The open operations that act for the phone of an opinion, and what a caller without that
/// phone's session gets: the answer of no such opinion (it is not told the opinion exists), or
/// for sending one in that phone's name, 401 without a session and 403 in another's.
const PHONE_ROWS: [(&str, &str); 3] = [
    ("GET", "/api/opinions/{tracking_number}"),
    ("POST", "/api/opinions/{tracking_number}/rating"),
    ("POST", "/api/opinions"),
];

async fn a_citizen_of_another_phone_neither_opens_rates_nor_sends_a_phones_opinion(app: TestApp) {
    let doc = served_document(&app).await;
    let all = operations(&doc);
    for (method, template) in PHONE_ROWS {
        assert!(
            all.iter()
                .any(|op| op.method.as_str() == method && op.template == template),
            "{method} {template} is a row here but not in the document"
        );
    }
    const OWNER: &str = "13800138000";
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(OWNER), json!({})).await;
    replied(&app, &staff, &tracking).await;
    let owner = app.citizen(OWNER).await;
    // Same first three and last two digits: what a masked phone shows is no key.
    let other = app.citizen("13811118800").await;
    let view = |session: Option<&Browser>| {
        let request = app.get(&format!("/api/opinions/{tracking}"));
        match session {
            Some(s) => s.cookie_only(request),
            None => request,
        }
    };
    let rating = |session: Option<&Browser>| {
        let path = format!("/api/opinions/{tracking}/rating");
        let request = app
            .request(Method::POST, &path)
            .json(&json!({ "rating": "fairly" }));
        match session {
            Some(s) => s.signed(request),
            None => request,
        }
    };
    let send = |session: Option<&Browser>, key: &str| {
        let request = app
            .request(Method::POST, "/api/opinions")
            .header("Idempotency-Key", key)
            .json(&opinion_body(Some(OWNER), &[]));
        match session {
            Some(s) => s.signed(request),
            None => request,
        }
    };
    let rows = [
        (
            "GET the status page",
            view(None),
            view(Some(&other)),
            (404, "not_found"),
            (404, "not_found"),
        ),
        (
            "rate the reply",
            rating(None),
            rating(Some(&other)),
            (404, "not_found"),
            (404, "not_found"),
        ),
        (
            "send an opinion with that phone",
            send(None, "anonymous"),
            send(Some(&other), "other"),
            (401, "phone_unverified"),
            (403, "forbidden"),
        ),
    ];
    for (what, anonymous, another, (status, code), (other_status, other_code)) in rows {
        let status = StatusCode::from_u16(status).expect("a status");
        let error = api_error(app.send(anonymous).await, status, code).await;
        assert!(
            !error.to_string().contains("张三"),
            "{what} anonymously: {error}"
        );
        let other_status = StatusCode::from_u16(other_status).expect("a status");
        let error = api_error(app.send(another).await, other_status, other_code).await;
        assert!(
            !error.to_string().contains("张三"),
            "{what} as another phone: {error}"
        );
    }
    // The phone's own session gets in.
    json_body(app.send(view(Some(&owner))).await, StatusCode::OK).await;
    json_body(app.send(rating(Some(&owner))).await, StatusCode::OK).await;
    json_body(
        app.send(send(Some(&owner), "own")).await,
        StatusCode::CREATED,
    )
    .await;
    // And "我的" of the other phone lists none of the owner's opinions.
    let mine = app
        .send(other.cookie_only(app.get("/api/citizen/mine")))
        .await;
    let mine = json_body(mine, StatusCode::OK).await;
    assert!(!mine.to_string().contains(&tracking), "{mine}");
}
