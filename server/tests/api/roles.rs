//! Every operation of the served OpenAPI document is either on the public list below or guarded
//! as its `security` says, and the server holds to it: anonymous 401; the wrong role 403; a
//! delegate of another home 403; a state change without the anti-forgery token 403; a verified
//! phone's session 404 on another phone's booking; and the allowed caller gets past the guard. A new operation that is neither listed nor guarded fails.

use crate::document::{guard_of, operations, served_document, Guard, Operation};
use crate::examples::{example_for, examples, Example};
use crate::fixtures::Fixtures;
use crate::helpers::{api_error, on_both_databases, Browser, TestApp};
use reqwest::{RequestBuilder, StatusCode};

on_both_databases!(
    every_guarded_operation_refuses_the_wrong_caller_and_admits_the_right_one,
    every_public_operation_answers_without_an_account_and_everything_else_is_guarded,
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
    // Citizens send opinions with photos and follow them by tracking number and phone digits
    // or by the receipt's private token, and rate the reply the same way.
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
