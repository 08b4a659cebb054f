//! The served OpenAPI document as the role and limits tests read it: its operations, and who
//! each one's `security` says may call it.

use crate::helpers::{json_body, TestApp};
use reqwest::{Method, StatusCode};
use serde_json::Value;

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

/// The methods a path item of OpenAPI 3.1 may hold.
const METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Every operation of the document, by path and then method.
pub(crate) fn operations(doc: &Value) -> Vec<Operation> {
    let paths = doc["paths"].as_object().expect("the document has paths");
    let mut found = Vec::new();
    for (template, item) in paths {
        for (key, spec) in item.as_object().expect("a path item") {
            // A path item also holds `parameters`, `summary` and the like besides its methods.
            if !METHODS.contains(&key.as_str()) {
                continue;
            }
            let method = Method::from_bytes(key.to_uppercase().as_bytes()).expect("a method");
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
    /// Whether it needs a verified phone's session (the `citizen` scheme) instead of an account.
    pub citizen: bool,
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
    let mut citizen = Vec::new();
    for requirement in requirements {
        let requirement = requirement.as_object().expect("a security requirement");
        citizen.push(requirement.contains_key("citizen"));
        let session = requirement
            .get("session")
            .or_else(|| requirement.get("citizen"))
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
                ["session", "citizen", "csrf"].contains(&key.as_str()),
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
    assert!(
        citizen.iter().all(|c| *c == citizen[0]),
        "{name}: some requirements need a citizen and some an account"
    );
    if any_account {
        roles.clear();
    }
    Some(Guard {
        roles,
        csrf: csrf[0],
        citizen: citizen[0],
    })
}
