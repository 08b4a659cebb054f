//! The accounts and records the role and limits tests act on, a real value for every path
//! parameter of the document, and the caller each operation admits.

use crate::bookings::{activity, booked, code_of, delegate, PHONE};
use crate::document::{guard_of, Operation};
use crate::helpers::{json_body, Browser, TestApp, PASSWORD};
use crate::moderation::{new_opinion, replied};
use crate::opinion_photos::uploaded;
use crate::opinions::{opinion_body, submitted};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

/// The accounts, records and values the tests act on. Every activity is at `xc-02`, whose
/// delegate is wang; li is a delegate of another home.
pub(crate) struct Fixtures {
    pub wang: Browser,
    pub li: Browser,
    pub staff: Browser,
    /// A second session of wang's, for signing out.
    pub leaving: Browser,
    /// A verified phone's session ([`PHONE`]'s), and a second one of it for ending.
    pub citizen: Browser,
    pub citizen_leaving: Browser,
    /// The session of another verified phone, which holds none of [`PHONE`]'s bookings.
    pub other_citizen: Browser,
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
        let citizen = app.citizen(PHONE).await;
        let citizen_leaving = app.verified_after_a_minute(PHONE).await;
        let other_citizen = app.citizen("13700137000").await;
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
            citizen,
            citizen_leaving,
            other_citizen,
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
            // No cycle, proposal or candidate exists: the allowed caller gets past the guard
            // to a 404; `projects.rs` walks the real ones.
            "project-cycles" => "pc-none".to_owned(),
            "project-proposals" => "XM2026-0001".to_owned(),
            "project-photos" => "no-such-photo".to_owned(),
            "project-candidates" | "projects" => "pk-none".to_owned(),
            "congresses" => "city".to_owned(),
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
        Some(if guard.citizen {
            match operation.method {
                Method::DELETE => &self.citizen_leaving,
                _ => &self.citizen,
            }
        } else if guard.roles.is_empty() {
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
