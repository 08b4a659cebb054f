//! Example requests for the operations of the document that need more than their path: a
//! body, a query or a header, and the answer the allowed caller gets, in an order the callers
//! can follow one after the other.

use crate::activities::date_in;
use crate::bookings::PHONE;
use crate::document::Operation;
use crate::fixtures::Fixtures;
use crate::helpers::TestApp;
use crate::opinions::opinion_body;
use reqwest::{Method, RequestBuilder, StatusCode};
use serde_json::{json, Value};

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
    /// Sent in the citizen session of the fixtures' phone (an open operation that acts for a
    /// phone: an opinion with contact details, its status page and rating).
    pub as_citizen: bool,
}

impl Example {
    pub fn is(&self, operation: &Operation) -> bool {
        self.method == operation.method && self.template == operation.template
    }

    /// The request without an account's session (in the citizen session if it needs one).
    pub fn request(&self, app: &TestApp, fixtures: &Fixtures) -> RequestBuilder {
        let path = self
            .path
            .clone()
            .unwrap_or_else(|| fixtures.path_of(self.template));
        let mut request = app.request(self.method.clone(), &path).query(&self.query);
        for (name, value) in &self.headers {
            request = request.header(name, value);
        }
        let request = match &self.body {
            Some(body) => request.json(body),
            None => request,
        };
        self.with_caller(request, fixtures)
    }

    /// The request in the citizen session, when the example needs one.
    pub fn with_caller(&self, request: RequestBuilder, fixtures: &Fixtures) -> RequestBuilder {
        match self.as_citizen {
            true => fixtures.citizen.signed(request),
            false => request,
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
        as_citizen: false,
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

    /// In the citizen session of the fixtures' phone ([`PHONE`]).
    fn in_citizen_session(mut self) -> Example {
        self.as_citizen = true;
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
    let rating = json!({ "rating": "fairly", "comment": "还行" });
    vec![
        example(M::GET, "/api/session", S::OK),
        example(M::POST, "/api/session", S::OK)
            .body(json!({ "login": "staff", "password": crate::helpers::PASSWORD })),
        example(M::GET, "/api/accounts", S::OK),
        example(M::POST, "/api/accounts", S::CREATED).body(new_account),
        example(M::PUT, "/api/accounts/{id}/homes", S::OK).body(json!({ "home_ids": ["xc-02"] })),
        example(M::PUT, "/api/accounts/{id}/active", S::OK).body(json!({ "active": true })),
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
            .in_citizen_session()
            .open(),
        example(M::POST, "/api/opinions", S::CREATED)
            .header("Idempotency-Key", "example-1")
            .body(opinion_body(Some(PHONE), &[]))
            .in_citizen_session()
            .open(),
        example(M::POST, "/api/activities/{id}/bookings", S::CREATED)
            .at(format!("/api/activities/{}/bookings", f.edited))
            .body(crate::bookings::booking_body(crate::bookings::PHONE)),
        // Moving needs a body to reach the booking (the phone's own, or another phone's: 404).
        example(M::POST, "/api/bookings/{code}/move", S::CONFLICT)
            .body(json!({ "activity_id": f.edited })),
        example(M::POST, "/api/activities/{id}/walk-in-bookings", S::CREATED)
            .at(format!("/api/activities/{}/walk-in-bookings", f.edited))
            .body(crate::bookings::booking_body("13900139002")),
        example(M::POST, "/api/opinions/{tracking_number}/rating", S::OK)
            .body(rating)
            .in_citizen_session()
            .open(),
        // Livelihood projects: one real cycle; the paths name none that exists, so the allowed
        // caller is past the guard and the body's checks, at a 404.
        example(M::POST, "/api/staff/project-cycles", S::CREATED)
            .body(json!({ "congress": "city", "year": 2026 })),
        example(
            M::PUT,
            "/api/staff/project-cycles/{id}/to-adopt",
            S::NOT_FOUND,
        )
        .body(json!({ "to_adopt": 2 })),
        example(M::PUT, "/api/staff/project-cycles/{id}/title", S::NOT_FOUND)
            .body(json!({ "title": "2027年 呼和浩特市民生实事项目" })),
        example(M::POST, "/api/project-cycles/{id}/proposals", S::NOT_FOUND).body(json!({
            "title": "老旧小区加装电梯", "what_and_where": "新城区老旧小区加装电梯若干部",
            "beneficiaries": "小区老人", "district": "xincheng", "category": "elderly_care",
        })),
        example(
            M::POST,
            "/api/staff/project-proposals/{tracking_number}/decline",
            S::NOT_FOUND,
        )
        .body(json!({ "reason": "不属于民生实事范围" })),
        example(
            M::POST,
            "/api/staff/project-cycles/{id}/candidates",
            S::NOT_FOUND,
        )
        .body(json!({
            "title": "老旧小区加装电梯", "summary": "为新城区二十个老旧小区加装电梯",
            "unit_id": "u-zjj", "budget_yuan": 5_000_000, "target": "加装 40 部",
            "deadline": "2026-12-31", "proposals": ["XM2026-0001"],
        })),
        example(M::POST, "/api/staff/projects/{id}/progress", S::NOT_FOUND).body(json!({
            "percent": 40, "done": "完成二十部电梯安装", "delay_reason": "雨季停工两周",
        })),
        example(
            M::POST,
            "/api/delegate/projects/{id}/inspections",
            S::NOT_FOUND,
        )
        .body(json!({ "notes": "现场查看电梯安装进度" })),
        example(
            M::POST,
            "/api/staff/project-cycles/{id}/evaluation",
            S::NOT_FOUND,
        )
        .body(json!({ "state": "open" })),
        example(
            M::POST,
            "/api/delegate/project-cycles/{id}/evaluation",
            S::NOT_FOUND,
        )
        .body(json!({ "evaluations": [] })),
        example(M::POST, "/api/projects/{id}/rating", S::NOT_FOUND).body(json!({ "rating": 4 })),
    ]
}

/// The example for an operation, if it has one.
pub(crate) fn example_for<'a>(
    examples: &'a [Example],
    operation: &Operation,
) -> Option<&'a Example> {
    examples.iter().find(|e| e.is(operation))
}
