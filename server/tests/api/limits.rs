//! Every limit the served OpenAPI document states (lengths, bounds, list sizes) holds at both
//! edges: a request just inside is not refused for that field, and one just outside is a 400
//! `bad_parameter` naming it (or the object holding it). The limits are read from the document,
//! so a limit stated there but not enforced, or enforced at another value, fails here; and every
//! JSON body must be an object, as every body schema says.

use crate::document::{operations, served_document, Operation};
use crate::examples::{example_for, examples, Example};
use crate::fixtures::Fixtures;
use crate::helpers::{api_error, on_both_databases, TestApp};
use crate::schema::{faults, resolve};
use regex::Regex;
use reqwest::header::CONTENT_TYPE;
use reqwest::{RequestBuilder, Response, StatusCode};
use serde_json::{json, Value};
use std::sync::atomic::{AtomicUsize, Ordering};

on_both_databases!(
    every_query_and_header_limit_of_the_document_holds_at_both_edges,
    every_body_field_limit_of_the_document_holds_at_both_edges,
    a_body_that_is_not_a_json_object_is_refused_by_every_operation_that_takes_one,
);

/// A value just inside or just outside one bound of a schema.
#[derive(Debug)]
struct Probe {
    /// e.g. `maxLength 100`.
    bound: String,
    value: Value,
    inside: bool,
}

/// The schema itself, or its one alternative that is not `null` (an `Option`'s schema).
fn not_null<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    let schema = resolve(doc, schema);
    for key in ["oneOf", "anyOf"] {
        if let Some(list) = schema[key].as_array() {
            let mut others = list.iter().filter(|s| s["type"] != "null");
            if let (Some(only), None) = (others.next(), others.next()) {
                return not_null(doc, only);
            }
        }
    }
    schema
}

fn has_type(schema: &Value, name: &str) -> bool {
    match &schema["type"] {
        Value::String(t) => t == name,
        Value::Array(list) => list.iter().any(|t| t == name),
        _ => false,
    }
}

const BOUNDS: [&str; 6] = [
    "minLength",
    "maxLength",
    "minimum",
    "maximum",
    "minItems",
    "maxItems",
];

fn has_limits(schema: &Value) -> bool {
    BOUNDS.iter().any(|b| !schema[*b].is_null())
}

/// `text` cut or stretched to `length` characters, stretched by repeating its last character
/// (or `字`, when empty), so a value keeps its form: digits stay digits, a username stays one.
fn resized(text: &str, length: u64) -> String {
    let length = usize::try_from(length).expect("a length");
    let last = text.chars().last().unwrap_or('字');
    text.chars()
        .chain(std::iter::repeat(last))
        .take(length)
        .collect()
}

/// `count` distinct items in the form of the base list's first item.
fn items(base: Option<&Value>, count: u64) -> Value {
    let first = base
        .and_then(|b| b.get(0))
        .and_then(Value::as_str)
        .unwrap_or("item")
        .to_owned();
    Value::Array(
        (0..count)
            .map(|i| match i {
                0 => Value::from(first.clone()),
                _ => Value::from(format!("{first}-{i}")),
            })
            .collect(),
    )
}

/// The values just inside and just outside each bound of a (non-null) schema; `base` is the
/// example's value, whose form they keep.
fn probes(schema: &Value, base: Option<&Value>) -> Vec<Probe> {
    let mut found = Vec::new();
    let mut add = |bound: &str, inside: Value, outside: Option<Value>| {
        let bound = format!("{bound} {}", schema[bound]);
        found.push(Probe {
            bound: bound.clone(),
            value: inside,
            inside: true,
        });
        if let Some(outside) = outside {
            found.push(Probe {
                bound,
                value: outside,
                inside: false,
            });
        }
    };
    if has_type(schema, "string") {
        let text = base.and_then(Value::as_str).unwrap_or("字");
        if let Some(max) = schema["maxLength"].as_u64() {
            add(
                "maxLength",
                resized(text, max).into(),
                Some(resized(text, max + 1).into()),
            );
        }
        if let Some(min) = schema["minLength"].as_u64() {
            let outside = min.checked_sub(1).map(|m| resized(text, m).into());
            add("minLength", resized(text, min).into(), outside);
        }
    } else if has_type(schema, "integer") {
        if let Some(max) = schema["maximum"].as_i64() {
            add("maximum", max.into(), Some((max + 1).into()));
        }
        if let Some(min) = schema["minimum"].as_i64() {
            add("minimum", min.into(), Some((min - 1).into()));
        }
    } else if has_type(schema, "number") {
        if let Some(max) = schema["maximum"].as_f64() {
            add("maximum", json!(max), Some(json!(max + 0.001)));
        }
        if let Some(min) = schema["minimum"].as_f64() {
            add("minimum", json!(min), Some(json!(min - 0.001)));
        }
    } else if has_type(schema, "array") {
        if let Some(max) = schema["maxItems"].as_u64() {
            add("maxItems", items(base, max), Some(items(base, max + 1)));
        }
        if let Some(min) = schema["minItems"].as_u64() {
            add(
                "minItems",
                items(base, min),
                min.checked_sub(1).map(|m| items(base, m)),
            );
        }
    }
    assert!(
        found.len() >= 2 || !has_limits(schema),
        "a bound this test cannot probe: {schema}"
    );
    // A text of spaces as long as the shortest allowed breaks a pattern that asks for more than
    // spaces (`\S`: the server counts lengths without surrounding spaces).
    if let Some(pattern) = schema["pattern"].as_str() {
        let regex = Regex::new(pattern).unwrap_or_else(|e| panic!("pattern {pattern:?}: {e}"));
        let length = schema["minLength"].as_u64().unwrap_or(1).max(1);
        let blank = resized(" ", length);
        if !regex.is_match(&blank) {
            found.push(Probe {
                bound: format!("pattern {pattern}"),
                value: blank.into(),
                inside: false,
            });
        }
    }
    found
}

/// Checks that a value the test sends as allowed is allowed by the document.
fn check_allowed(doc: &Value, schema: &Value, probe: &Probe, case: &str) {
    if probe.inside {
        let found = faults(doc, schema, &probe.value);
        assert!(
            found.is_empty(),
            "{case}: the value for {} is not one the document allows: {found:?}",
            probe.bound
        );
    }
}

/// A query parameter or a header value as text.
fn as_text(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        other => other.to_string(),
    }
}

/// A fresh value for the `Idempotency-Key` of each request, so probes are new submissions.
fn fresh_key(base: &str) -> String {
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    format!("{base}-{}", NEXT.fetch_add(1, Ordering::Relaxed))
}

/// What the probes change in an example request.
enum Change<'a> {
    Query(&'a str, String),
    Header(&'a str, String),
    Body(Value),
    /// A body sent as is, as JSON.
    Raw(&'static str),
}

/// The example request of an operation with one change, sent as its allowed caller.
fn request(
    app: &TestApp,
    f: &Fixtures,
    op: &Operation,
    example: Option<&Example>,
    change: Change<'_>,
) -> RequestBuilder {
    let path = example
        .and_then(|e| e.path.clone())
        .unwrap_or_else(|| f.path_of(&op.template));
    let mut query: Vec<(String, String)> = example.map(|e| e.query.clone()).unwrap_or_default();
    let mut headers: Vec<(String, String)> = example.map(|e| e.headers.clone()).unwrap_or_default();
    for (name, value) in &mut headers {
        if name == "Idempotency-Key" {
            *value = fresh_key(value);
        }
    }
    let mut body = example.and_then(|e| e.body.clone());
    let mut raw = None;
    match change {
        Change::Query(name, value) => {
            query.retain(|(k, _)| k != name);
            query.push((name.to_owned(), value));
        }
        Change::Header(name, value) => {
            headers.retain(|(k, _)| k != name);
            headers.push((name.to_owned(), value));
        }
        Change::Body(changed) => body = Some(changed),
        Change::Raw(text) => {
            body = None;
            raw = Some(text);
        }
    }
    let mut request = app.request(op.method.clone(), &path).query(&query);
    for (name, value) in headers {
        request = request.header(name, value);
    }
    if let Some(body) = body {
        request = request.json(&body);
    }
    if let Some(raw) = raw {
        request = request.header(CONTENT_TYPE, "application/json").body(raw);
    }
    match (f.allowed_caller(op), example) {
        (Some(caller), _) => caller.signed(request),
        (None, Some(example)) => example.with_caller(request, f),
        (None, None) => request,
    }
}

/// Checks the answer to one probe of `place` (a parameter, or a body field as `contact.name`).
async fn check(response: Response, probe: &Probe, place: &str, case: &str) {
    let status = response.status();
    let names_it = |field: &str| place == field || place.starts_with(&format!("{field}."));
    if probe.inside {
        let text = response.text().await.unwrap_or_default();
        let body: Value = serde_json::from_str(&text).unwrap_or(Value::Null);
        let field = body["field"].as_str().unwrap_or_default();
        let refused_for_it = status == StatusCode::BAD_REQUEST && names_it(field);
        // A login or password the document allows is answered like any wrong one when no
        // account has it: that 401 is the sign-in's answer, not a refusal of the length.
        let signing_in = case == "POST /api/session" && status == StatusCode::UNAUTHORIZED;
        let broken = status.is_server_error()
            || [
                StatusCode::UNAUTHORIZED,
                StatusCode::FORBIDDEN,
                StatusCode::PAYLOAD_TOO_LARGE,
                StatusCode::UNPROCESSABLE_ENTITY,
            ]
            .contains(&status)
                && !signing_in;
        assert!(
            !refused_for_it && !broken,
            "{case}: {place} at {} ({}) is allowed by the document but was refused: {status} {text}",
            probe.bound,
            probe.value
        );
    } else {
        let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
        let field = error["field"].as_str().unwrap_or_default();
        assert!(
            names_it(field),
            "{case}: {place} past {} ({}) was refused naming {field:?}, not {place}: {error}",
            probe.bound,
            probe.value
        );
    }
}

async fn every_query_and_header_limit_of_the_document_holds_at_both_edges(app: TestApp) {
    let doc = served_document(&app).await;
    let f = Fixtures::create(&app).await;
    let examples = examples(&f);
    let mut probed = Vec::new();
    for op in operations(&doc) {
        let example = example_for(&examples, &op);
        for parameter in op.spec["parameters"].as_array().into_iter().flatten() {
            let name = parameter["name"].as_str().expect("a parameter name");
            let place = parameter["in"].as_str().expect("where the parameter is");
            let schema = not_null(&doc, &parameter["schema"]);
            let base = example.and_then(|e| match place {
                "query" => e
                    .query
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| Value::from(v.as_str())),
                "header" => e
                    .headers
                    .iter()
                    .find(|(k, _)| k == name)
                    .map(|(_, v)| Value::from(v.as_str())),
                _ => None,
            });
            for probe in probes(schema, base.as_ref()) {
                check_allowed(&doc, schema, &probe, &op.name());
                let value = as_text(&probe.value);
                let change = match place {
                    "query" => Change::Query(name, value),
                    "header" => Change::Header(name, value),
                    other => panic!("{}: a limit on a {other} parameter", op.name()),
                };
                let response = app.send(request(&app, &f, &op, example, change)).await;
                check(response, &probe, name, &op.name()).await;
                probed.push(format!("{} {name} {}", op.name(), probe.bound));
            }
        }
    }
    // Pages of four lists, two years, the homes' text and position, the phone digits and the
    // idempotency keys: at least these are stated, each with both edges of each bound.
    assert!(probed.len() >= 40, "too few limits probed: {probed:#?}");
    for expected in [
        "GET /api/staff/audit page maximum",
        "GET /api/public/stats year minimum",
        "POST /api/opinions Idempotency-Key pattern",
    ] {
        assert!(
            probed.iter().any(|p| p.starts_with(expected)),
            "{expected} was not probed: {probed:#?}"
        );
    }
}

/// The body fields of a schema that state a limit, as paths from the body (`contact.name`;
/// `days.name` for the items of a list), with their schemas.
fn limited_fields(
    doc: &Value,
    schema: &Value,
    path: &[String],
    found: &mut Vec<(Vec<String>, Value)>,
) {
    let schema = not_null(doc, schema);
    let Some(properties) = schema["properties"].as_object() else {
        return;
    };
    for (name, property) in properties {
        let property = not_null(doc, property);
        let mut here = path.to_vec();
        here.push(name.clone());
        if has_limits(property) {
            found.push((here.clone(), property.clone()));
        }
        if has_type(property, "array") && !property["items"].is_null() {
            limited_fields(doc, &property["items"], &here, found);
        } else {
            limited_fields(doc, property, &here, found);
        }
    }
}

/// The value at a path of a body, taking the first item of a list on the way.
fn value_at<'a>(body: &'a Value, path: &[String]) -> Option<&'a Value> {
    path.iter().try_fold(body, |value, name| {
        let value = if value.is_array() {
            value.get(0)?
        } else {
            value
        };
        value.get(name)
    })
}

/// The body with the value at a path replaced (in the first item of a list on the way); the
/// objects on the way must exist.
fn with_value(mut body: Value, path: &[String], new: Value, case: &str) -> Value {
    let mut here = &mut body;
    for (i, name) in path.iter().enumerate() {
        if here.is_array() {
            here = here.get_mut(0).unwrap_or_else(|| {
                panic!("{case}: the example's list on the way to {path:?} is empty")
            });
        }
        let object = here
            .as_object_mut()
            .unwrap_or_else(|| panic!("{case}: the example has no object on the way to {path:?}"));
        if i + 1 == path.len() {
            object.insert(name.clone(), new);
            break;
        }
        here = object
            .get_mut(name)
            .unwrap_or_else(|| panic!("{case}: the example lacks {name:?} on the way to {path:?}; give it one so its limits are probed"));
    }
    body
}

/// The JSON body schema of an operation, if it takes one.
fn body_schema(op: &Operation) -> Option<&Value> {
    let schema = &op.spec["requestBody"]["content"]["application/json"]["schema"];
    (!schema.is_null()).then_some(schema)
}

async fn every_body_field_limit_of_the_document_holds_at_both_edges(app: TestApp) {
    let doc = served_document(&app).await;
    let f = Fixtures::create(&app).await;
    let examples = examples(&f);
    let mut probed = Vec::new();
    for op in operations(&doc) {
        let Some(schema) = body_schema(&op) else {
            continue;
        };
        let mut fields = Vec::new();
        limited_fields(&doc, schema, &[], &mut fields);
        if fields.is_empty() {
            continue;
        }
        let case = op.name();
        let example = example_for(&examples, &op).unwrap_or_else(|| {
            panic!(
                "{case} states body limits; give it an example in examples.rs so they are probed"
            )
        });
        let base = example
            .body
            .clone()
            .unwrap_or_else(|| panic!("{case}: the example has no body"));
        for (path, schema) in fields {
            let place = path.join(".");
            for probe in probes(&schema, value_at(&base, &path)) {
                check_allowed(&doc, &schema, &probe, &case);
                let body = with_value(base.clone(), &path, probe.value.clone(), &case);
                let response = app
                    .send(request(&app, &f, &op, Some(example), Change::Body(body)))
                    .await;
                check(response, &probe, &place, &case).await;
                probed.push(format!("{case} {place} {}", probe.bound));
            }
        }
    }
    assert!(probed.len() >= 100, "too few limits probed: {probed:#?}");
    for expected in [
        "POST /api/opinions contact.name maxLength",
        "PUT /api/holidays days.name maxLength",
        "POST /api/staff/opinions/bulk note maxLength",
        "POST /api/staff/opinions/{tracking_number}/extend working_days maximum",
        "POST /api/accounts password maxLength",
        "POST /api/accounts username pattern",
        "POST /api/opinions title pattern",
    ] {
        assert!(
            probed.iter().any(|p| p.starts_with(expected)),
            "{expected} was not probed: {probed:#?}"
        );
    }
}

async fn a_body_that_is_not_a_json_object_is_refused_by_every_operation_that_takes_one(
    app: TestApp,
) {
    let doc = served_document(&app).await;
    let f = Fixtures::create(&app).await;
    let examples = examples(&f);
    let mut refused = Vec::new();
    for op in operations(&doc) {
        let Some(schema) = body_schema(&op) else {
            continue;
        };
        assert!(
            has_type(resolve(&doc, schema), "object"),
            "{}: a body schema that is not an object: {schema}",
            op.name()
        );
        let example = example_for(&examples, &op);
        for not_an_object in ["[null, null]", "[]", "\"text\"", "7", "null"] {
            let response = app
                .send(request(&app, &f, &op, example, Change::Raw(not_an_object)))
                .await;
            let error = api_error(response, StatusCode::BAD_REQUEST, "bad_parameter").await;
            assert_eq!(
                error["field"],
                "body",
                "{} with {not_an_object}: {error}",
                op.name()
            );
        }
        refused.push(op.name());
    }
    assert!(
        refused.contains(&"PUT /api/units/{id}".to_owned()),
        "{refused:?}"
    );
    assert!(
        refused.len() >= 25,
        "too few operations take a body: {refused:?}"
    );
}
