//! What the role and limits tests send to the operations of the served OpenAPI document: the
//! accounts and records they act on, a real value for every path parameter, who the document
//! says may call an operation, and an example request for the operations that need a body, a
//! query or a header.

use crate::activities::date_in;
use crate::bookings::{activity, booked, code_of, delegate, PHONE};
use crate::helpers::{json_body, Browser, TestApp, PASSWORD};
use crate::moderation::{new_opinion, replied};
use crate::opinion_photos::uploaded;
use crate::opinions::{opinion_body, submitted};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};

/// One operation of the document: its method, its path as written there, and its entry.
#[derive(Debug, Clone)]
pub(crate) struct Operation {
    pub method: Method,
    pub template: String,
    pub spec: Value,
}

impl Operation {
    /// `POST /api/units`, for messages.
    pub fn name(&self) -> String {
        format!("{} {}", self.method, self.template)
    }

    /// Whether the method changes state, so the anti-forgery token is needed.
    pub fn changes_state(&self) -> bool {
        !matches!(self.method, Method::GET | Method::HEAD | Method::OPTIONS)
    }
}

/// The served document.
pub(crate) async fn served_document(app: &TestApp) -> Value {
    json_body(app.send(app.get("/api/openapi.json")).await, StatusCode::OK).await
}

/// Every operation of the document, by path and then method.
pub(crate) fn operations(doc: &Value) -> Vec<Operation> {
    let paths = doc["paths"].as_object().expect("the document has paths");
    let mut found = Vec::new();
    for (template, item) in paths {
        for (method, spec) in item.as_object().expect("a path item") {
            let Ok(method) = Method::from_bytes(method.to_uppercase().as_bytes()) else {
                continue;
            };
            if ["parameters", "servers"].contains(&method.as_str()) {
                continue;
            }
            found.push(Operation {
                method,
                template: template.clone(),
                spec: spec.clone(),
            });
        }
    }
    assert!(
        found.len() > 40,
        "the document lists too few operations: {found:?}"
    );
    found
}

/// Who the document says may call a guarded operation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Guard {
    /// The roles named on the `session` scheme, all requirements together: `staff`,
    /// `delegate`, `home_delegate`; empty when any signed-in account may call it.
    pub roles: Vec<String>,
    /// Whether every requirement also names the `csrf` scheme.
    pub csrf: bool,
}

impl Guard {
    pub fn admits(&self, role: &str) -> bool {
        self.roles.is_empty() || self.roles.iter().any(|r| r == role)
    }
}

/// The operation's guard as its `security` says, or `None` when it has none (open to all).
pub(crate) fn guard_of(operation: &Operation) -> Option<Guard> {
    let requirements = operation.spec["security"].as_array()?;
    if requirements.is_empty() {
        return None;
    }
    let name = operation.name();
    let mut roles = Vec::new();
    let mut any_account = false;
    let mut csrf = Vec::new();
    for requirement in requirements {
        let requirement = requirement.as_object().expect("a security requirement");
        let session = requirement
            .get("session")
            .and_then(Value::as_array)
            .unwrap_or_else(|| {
                panic!("{name}: a requirement without the session: {requirement:?}")
            });
        any_account |= session.is_empty();
        roles.extend(
            session
                .iter()
                .map(|r| r.as_str().expect("a role").to_owned()),
        );
        csrf.push(requirement.contains_key("csrf"));
        for key in requirement.keys() {
            assert!(
                ["session", "csrf"].contains(&key.as_str()),
                "{name}: unknown scheme {key}"
            );
        }
    }
    for role in &roles {
        assert!(
            ["staff", "delegate", "home_delegate"].contains(&role.as_str()),
            "{name}: unknown role {role}"
        );
    }
    assert!(
        csrf.iter().all(|c| *c == csrf[0]),
        "{name}: some requirements name csrf and some do not"
    );
    if any_account {
        roles.clear();
    }
    Some(Guard {
        roles,
        csrf: csrf[0],
    })
}

/// The accounts, records and values the tests act on. Every activity is at `xc-02`, whose
/// delegate is wang; li is a delegate of another home.
pub(crate) struct Fixtures {
    pub wang: Browser,
    pub li: Browser,
    pub staff: Browser,
    /// A second session of wang's, for signing out.
    pub leaving: Browser,
    pub wang_id: String,
    /// Activities to edit and to cancel, and one held with bookings.
    pub edited: String,
    pub cancelled: String,
    pub held: String,
    /// A booking of `held`, not checked in; another of it is checked in already, so its
    /// reception has begun and its record can be written.
    pub code: String,
    /// Opinions: one to take along the chain, one to reject, one replied (to close), one for
    /// bulk actions, one anonymous with its receipt's private token.
    pub chain: String,
    pub rejected: String,
    pub closed: String,
    pub bulk: String,
    pub token: String,
    pub photo: String,
}

impl Fixtures {
    pub async fn create(app: &TestApp) -> Fixtures {
        let wang = delegate(app).await;
        let li = app.signed_in_as("lina", Role::Delegate, &["xc-01"]).await;
        let staff = app.signed_in_as("staff", Role::Staff, &[]).await;
        let leaving = app.sign_in("wang", PASSWORD).await;
        let held = activity(app, &wang, 5, 14).await;
        let code = code_of(&booked(app, &held, PHONE, "booked").await);
        let arrived = code_of(&booked(app, &held, "13900139001", "booked").await);
        let check_in = wang
            .signed(app.request(Method::POST, &format!("/api/activities/{held}/check-in")))
            .json(&json!({ "code": arrived }));
        json_body(app.send(check_in).await, StatusCode::OK).await;
        let closed = new_opinion(app, Some("13900000002"), json!({})).await;
        replied(app, &staff, &closed).await;
        let receipt = submitted(app, "fixture-anonymous", &opinion_body(None, &[])).await;
        Fixtures {
            wang_id: wang.account["id"].as_str().expect("an id").to_owned(),
            edited: activity(app, &wang, 5, 10).await,
            cancelled: activity(app, &wang, 5, 11).await,
            chain: new_opinion(app, Some(PHONE), json!({})).await,
            rejected: new_opinion(app, Some("13900000001"), json!({})).await,
            bulk: new_opinion(app, Some("13900000003"), json!({})).await,
            token: receipt["private_token"]
                .as_str()
                .expect("a token")
                .to_owned(),
            photo: uploaded(app).await["id"]
                .as_str()
                .expect("an id")
                .to_owned(),
            wang,
            li,
            staff,
            leaving,
            held,
            code,
            closed,
        }
    }

    /// A real value for a path parameter, chosen by the path segment before it: `homes/{id}`
    /// is a home, `activities/{id}` an activity, and so on.
    pub fn path_value(&self, template: &str, segment_before: &str) -> String {
        match segment_before {
            "homes" => "xc-02".to_owned(),
            "activities" => self.held.clone(),
            "bookings" => self.code.clone(),
            "accounts" | "delegates" => self.wang_id.clone(),
            "units" => "u-jtj".to_owned(),
            "opinions" => self.chain.clone(),
            "by-token" => self.token.clone(),
            "opinion-photos" => self.photo.clone(),
            other => panic!(
                "{template}: no value for a parameter after `{other}`; add one to \
                 Fixtures::path_value"
            ),
        }
    }

    /// The operation's path with a real value for each parameter.
    pub fn path_of(&self, template: &str) -> String {
        let mut segments: Vec<String> = Vec::new();
        for segment in template.split('/') {
            let value = if segment.starts_with('{') && segment.ends_with('}') {
                let before = segments.last().map(String::as_str).unwrap_or_default();
                self.path_value(template, before)
            } else {
                segment.to_owned()
            };
            segments.push(value);
        }
        segments.join("/")
    }

    /// The caller the document admits that the tests send first: a delegate where delegates
    /// are admitted (the narrower grant), else staff; wang's spare session to sign out; li for
    /// anything any account may do; nobody for an open operation.
    pub fn allowed_caller(&self, operation: &Operation) -> Option<&Browser> {
        let guard = guard_of(operation)?;
        Some(if guard.roles.is_empty() {
            match operation.method {
                Method::DELETE => &self.leaving,
                _ => &self.li,
            }
        } else if guard.admits("delegate") || guard.admits("home_delegate") {
            &self.wang
        } else {
            &self.staff
        })
    }
}

/// A request that works for the allowed caller, for an operation that needs more than its path.
#[derive(Debug, Clone)]
pub(crate) struct Example {
    pub method: Method,
    pub template: &'static str,
    /// A path other than the one `Fixtures::path_of` makes.
    pub path: Option<String>,
    pub query: Vec<(String, String)>,
    pub headers: Vec<(String, String)>,
    pub body: Option<Value>,
    /// What the allowed caller gets, in the order of [`examples`].
    pub answer: Option<StatusCode>,
}

impl Example {
    pub fn is(&self, operation: &Operation) -> bool {
        self.method == operation.method && self.template == operation.template
    }

    /// The request without a caller.
    pub fn request(&self, app: &TestApp, fixtures: &Fixtures) -> RequestBuilder {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| fixtures.path_of(self.template));
        let mut request = app.request(self.method.clone(), &path).query(&self.query);
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        match &self.body {
            Some(body) => request.json(body),
            None => request,
        }
    }
}

fn example(method: Method, template: &'static str, answer: StatusCode) -> Example {
    Example {
        method,
        template,
        path: None,
        query: Vec::new(),
        headers: Vec::new(),
        body: None,
        answer: Some(answer),
    }
}

impl Example {
    fn at(mut self, path: String) -> Example {
        self.path = Some(path);
        self
    }

    fn body(mut self, body: Value) -> Example {
        self.body = Some(body);
        self
    }

    fn query(mut self, pairs: &[(&str, &str)]) -> Example {
        self.query = pairs
            .iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect();
        self
    }

    fn header(mut self, name: &str, value: &str) -> Example {
        self.headers.push((name.to_owned(), value.to_owned()));
        self
    }

    /// For an open operation, whose answer the role test does not check.
    fn open(mut self) -> Example {
        self.answer = None;
        self
    }
}

/// The example requests, in an order the allowed callers can follow one after the other (the
/// opinion steps walk the chain in order; signing out comes last).
pub(crate) fn examples(f: &Fixtures) -> Vec<Example> {
    use Method as M;
    use StatusCode as S;
    let step = |action: &str| format!("/api/staff/opinions/{}/{action}", f.chain);
    let new_account = json!({
        "username": "zhao", "display_name": "赵", "role": "delegate",
        "password": "a long enough password", "home_ids": ["xc-02"],
    });
    let new_activity = json!({
        "kind": "reception", "date": date_in(12), "start": "09:00", "end": "10:00",
        "capacity": 5, "topic": "议题", "repeat_weeks": 1,
    });
    let edit = json!({
        "date": date_in(13), "start": "09:00", "end": "10:00", "capacity": 6, "topic": "议题",
    });
    let holidays = json!({ "days": [{ "date": "2027-01-01", "name": "元旦", "kind": "holiday" }] });
    let walk_in = opinion_body(Some(PHONE), &[]);
    let rating = json!({ "rating": "fairly", "comment": "还行", "phone_last4": "8000" });
    vec![
        example(M::GET, "/api/session", S::OK),
        example(M::GET, "/api/accounts", S::OK),
        example(M::POST, "/api/accounts", S::CREATED).body(new_account),
        example(M::PUT, "/api/accounts/{id}/homes", S::OK).body(json!({ "home_ids": ["xc-02"] })),
        example(M::GET, "/api/notifications", S::OK),
        example(M::POST, "/api/homes/{id}/activities", S::CREATED).body(new_activity),
        example(M::PUT, "/api/activities/{id}", S::OK)
            .at(format!("/api/activities/{}", f.edited))
            .body(edit),
        example(M::POST, "/api/activities/{id}/cancel", S::OK)
            .at(format!("/api/activities/{}/cancel", f.cancelled))
            .body(json!({ "reason": "下雪" })),
        example(M::GET, "/api/activities/{id}/bookings", S::OK),
        example(M::POST, "/api/activities/{id}/check-in", S::OK).body(json!({ "code": f.code })),
        example(M::PUT, "/api/activities/{id}/record", S::OK)
            .body(json!({ "raised": "停车难", "booking_codes": [f.code] })),
        example(M::GET, "/api/activities/{id}/record", S::OK),
        example(M::GET, "/api/units", S::OK),
        example(M::POST, "/api/units", S::CREATED).body(json!({ "name": "市林业和草原局" })),
        example(M::PUT, "/api/units/{id}", S::OK).body(json!({ "name": "市交通运输局（新）" })),
        example(M::GET, "/api/holidays", S::OK),
        example(M::PUT, "/api/holidays", S::OK).body(holidays),
        example(M::GET, "/api/staff/opinions", S::OK),
        example(M::POST, "/api/staff/opinions", S::CREATED)
            .header("Idempotency-Key", "walk-in-1")
            .body(walk_in),
        example(M::GET, "/api/staff/opinions/{tracking_number}", S::OK),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/accept",
            S::OK,
        )
        .at(step("accept"))
        .body(json!({})),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/assign",
            S::OK,
        )
        .at(step("assign"))
        .body(json!({ "unit_ids": ["u-jtj"] })),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/acknowledge",
            S::OK,
        )
        .at(step("acknowledge"))
        .body(json!({})),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/extend",
            S::OK,
        )
        .at(step("extend"))
        .body(json!({ "reason": "协调", "working_days": 5 })),
        example(M::POST, "/api/staff/opinions/{tracking_number}/note", S::OK)
            .at(step("note"))
            .body(json!({ "text": "备注" })),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/reply",
            S::OK,
        )
        .at(step("reply"))
        .body(json!({ "class": "A", "text": "已解决" })),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/publish",
            S::OK,
        )
        .at(step("publish"))
        .body(json!({})),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/reveal-phone",
            S::OK,
        ),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/reject",
            S::OK,
        )
        .at(format!("/api/staff/opinions/{}/reject", f.rejected))
        .body(json!({ "reason": "spam", "message": "广告" })),
        example(
            M::POST,
            "/api/staff/opinions/{tracking_number}/close",
            S::OK,
        )
        .at(format!("/api/staff/opinions/{}/close", f.closed))
        .body(json!({})),
        example(M::POST, "/api/staff/opinions/bulk", S::OK)
            .body(json!({ "action": "accept", "trackings": [f.bulk] })),
        example(M::GET, "/api/staff/audit", S::OK),
        example(M::GET, "/api/staff/stats", S::OK),
        example(M::GET, "/api/delegate/opinions", S::OK),
        example(M::DELETE, "/api/session", S::NO_CONTENT),
        // Open operations whose limits the limits test probes need a base to vary.
        example(M::GET, "/api/homes", S::OK)
            .query(&[("lat", "40.8420"), ("lon", "111.6850")])
            .open(),
        example(M::GET, "/api/opinions/{tracking_number}", S::OK)
            .query(&[("phone_last4", "8000")])
            .open(),
        example(M::POST, "/api/opinions", S::CREATED)
            .header("Idempotency-Key", "example-1")
            .body(opinion_body(Some("13900000004"), &[]))
            .open(),
        example(M::POST, "/api/activities/{id}/bookings", S::CREATED)
            .body(crate::bookings::booking_body("13900139000"))
            .open(),
        example(M::POST, "/api/opinions/{tracking_number}/rating", S::OK)
            .body(rating)
            .open(),
    ]
}

/// The example for an operation, if it has one.
pub(crate) fn example_for<'a>(
    examples: &'a [Example],
    operation: &Operation,
) -> Option<&'a Example> {
    examples.iter().find(|e| e.is(operation))
}
