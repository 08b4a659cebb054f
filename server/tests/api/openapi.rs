//! The OpenAPI document describes the API as it really answers, so it cannot drift: real
//! answers are checked against their schemas, and the document itself against a checked-in
//! snapshot, so any change to it is seen in review.

use crate::bookings::{activity, booked, code_of, delegate, PHONE};
use crate::helpers::{items, json_body, on_both_databases, Backend, TestApp, PASSWORD};
use crate::moderation::{acted, new_opinion};
use crate::notifications::staff;
use crate::schema::{faults, resolve};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;
use serde_json::{Map, Value};
use std::path::PathBuf;

on_both_databases!(
    every_field_of_real_responses_is_a_property_of_its_schema,
    session_and_account_responses_match_their_schemas,
    listed_edited_and_moved_answers_and_notifications_match_their_schemas,
    real_opinion_answers_match_their_schemas,
);

async fn openapi(app: &TestApp) -> Value {
    json_body(app.send(app.get("/api/openapi.json")).await, StatusCode::OK).await
}

/// The checked-in copy of the served document.
fn snapshot_path() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/api/openapi.snapshot.json")
}

/// The served document is the checked-in snapshot: every path, parameter, schema, limit and
/// guard, so a change to any of them shows in review as a change of that file. After a
/// deliberate change, `UPDATE_SNAPSHOTS=1 cargo test -p deputy-homes-server --test api
/// openapi::the_served_document` rewrites it.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_served_document_is_the_checked_in_snapshot() {
    let app = TestApp::spawn(Backend::Sqlite).await;
    let doc = openapi(&app).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let served = serde_json::to_string_pretty(&doc).expect("the document prints") + "\n";
    let path = snapshot_path();
    if std::env::var_os("UPDATE_SNAPSHOTS").is_some_and(|v| v == "1") {
        std::fs::write(&path, &served)
            .unwrap_or_else(|e| panic!("cannot write {}: {e}", path.display()));
        return;
    }
    let checked_in = std::fs::read_to_string(&path).unwrap_or_default();
    if served != checked_in {
        let line = served
            .lines()
            .zip(checked_in.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| served.lines().count().min(checked_in.lines().count()));
        let show = |text: &str| {
            text.lines()
                .skip(line.saturating_sub(3))
                .take(7)
                .collect::<Vec<_>>()
                .join("\n")
        };
        panic!(
            "the served OpenAPI document differs from {} from line {} on.\n\
             served:\n{}\n\nchecked in:\n{}\n\n\
             If the change is meant, rewrite the snapshot and review its diff:\n  \
             UPDATE_SNAPSHOTS=1 cargo test -p deputy-homes-server --test api \
             openapi::the_served_document",
            path.display(),
            line + 1,
            show(&served),
            show(&checked_in),
        );
    }
}

/// The enumerated values a property allows, if it is (a reference to) an enum.
fn enum_values<'a>(doc: &'a Value, property: &'a Value) -> Option<&'a Vec<Value>> {
    let resolved = resolve(doc, property);
    if let Some(values) = resolved["enum"].as_array() {
        return Some(values);
    }
    ["allOf", "oneOf", "anyOf"].iter().find_map(|k| {
        resolved[*k]
            .as_array()?
            .iter()
            .find_map(|s| resolve(doc, s)["enum"].as_array())
    })
}

/// Checks a real body against a named schema, all the way down (see `schema::faults`): every
/// key is a property, every required property is present, and every value has the type, form,
/// length, bounds and enum value its schema states. Returns how many enum fields it checked at
/// the top, so callers can tell the enums were there to check.
pub(crate) fn check_against_schema(
    doc: &Value,
    schema_name: &str,
    body: &Map<String, Value>,
) -> usize {
    let reference = json!({ "$ref": format!("#/components/schemas/{schema_name}") });
    let found = faults(doc, &reference, &Value::Object(body.clone()));
    assert!(
        found.is_empty(),
        "the answer breaks the {schema_name} schema: {found:#?}"
    );
    let schema = &doc["components"]["schemas"][schema_name];
    let properties = schema["properties"]
        .as_object()
        .unwrap_or_else(|| panic!("no schema {schema_name} with properties: {schema}"));
    for key in body.keys() {
        assert!(
            properties.contains_key(key),
            "{schema_name} has no property {key:?}; it has {:?}",
            properties.keys().collect::<Vec<_>>()
        );
    }
    for required in schema["required"].as_array().into_iter().flatten() {
        let required = required.as_str().expect("a property name");
        assert!(
            body.contains_key(required),
            "{schema_name} requires {required:?}, which the response lacks"
        );
    }
    let mut enums_checked = 0;
    for (key, value) in body {
        if let Some(allowed) = enum_values(doc, &properties[key]) {
            assert!(
                allowed.contains(value),
                "{schema_name}.{key} = {value} is not in {allowed:?}"
            );
            enums_checked += 1;
        }
    }
    enums_checked
}

async fn every_field_of_real_responses_is_a_property_of_its_schema(app: TestApp) {
    let doc = openapi(&app).await;

    let list = app.homes(&[("lat", "40.8420"), ("lon", "111.6850")]).await;
    let body = list.as_object().expect("an object");
    check_against_schema(&doc, "HomesResponse", body);
    check_against_schema(
        &doc,
        "RegisterInfo",
        list["register"].as_object().expect("an object"),
    );
    for item in items(&list) {
        let item = item.as_object().expect("an object");
        assert!(
            item.contains_key("distance_m"),
            "sorted items carry a distance"
        );
        let enums = check_against_schema(&doc, "HomeSummary", item);
        assert_eq!(enums, 2, "type and district are enums in HomeSummary");
    }

    let mut facilities_checked = 0;
    for id in ["xc-01", "pro-law"] {
        let response = app.send(app.get(&format!("/api/homes/{id}"))).await;
        let home = json_body(response, StatusCode::OK).await;
        let home = home.as_object().expect("an object");
        let enums = check_against_schema(&doc, "Home", home);
        assert_eq!(enums, 2, "type and district are enums in Home");
        let facility_values = enum_values(
            &doc,
            &doc["components"]["schemas"]["Home"]["properties"]["facilities"]["items"],
        )
        .expect("facilities are enum values");
        for facility in home["facilities"].as_array().expect("an array") {
            assert!(
                facility_values.contains(facility),
                "{facility} is not in the Facility schema"
            );
            facilities_checked += 1;
        }
    }

    assert!(facilities_checked > 0, "no facility was checked");

    let error = app.send(app.get("/api/homes?type=castle")).await;
    let error = json_body(error, StatusCode::BAD_REQUEST).await;
    check_against_schema(&doc, "ApiError", error.as_object().expect("an object"));
    let missing = app.send(app.get("/api/homes/none")).await;
    let missing = json_body(missing, StatusCode::NOT_FOUND).await;
    check_against_schema(&doc, "ApiError", missing.as_object().expect("an object"));
}

async fn session_and_account_responses_match_their_schemas(app: TestApp) {
    let doc = openapi(&app).await;
    app.create_account("staff", Role::Staff, None, &[]).await;
    app.create_account("delegate", Role::Delegate, Some("13800138000"), &["xc-01"])
        .await;
    let staff = app.sign_in("staff", PASSWORD).await;

    let session = app.send(staff.cookie_only(app.get("/api/session"))).await;
    let session = json_body(session, StatusCode::OK).await;
    check_against_schema(&doc, "Session", session.as_object().expect("an object"));
    let enums = check_against_schema(
        &doc,
        "Account",
        session["account"].as_object().expect("an object"),
    );
    assert_eq!(enums, 1, "role is an enum in Account");

    let list = app.send(staff.cookie_only(app.get("/api/accounts"))).await;
    let list = json_body(list, StatusCode::OK).await;
    let accounts = list.as_array().expect("an array");
    assert_eq!(accounts.len(), 2);
    for account in accounts {
        check_against_schema(&doc, "Account", account.as_object().expect("an object"));
    }
    assert!(
        accounts.iter().any(|a| a["phone"].is_string()),
        "a phone was checked"
    );

    let wrong = app.sign_in_response("staff", "not the password").await;
    let wrong = json_body(wrong, StatusCode::UNAUTHORIZED).await;
    check_against_schema(&doc, "ApiError", wrong.as_object().expect("an object"));
    let forged = app
        .send(staff.cookie_only(app.request(Method::DELETE, "/api/session")))
        .await;
    let forged = json_body(forged, StatusCode::FORBIDDEN).await;
    check_against_schema(&doc, "ApiError", forged.as_object().expect("an object"));
}

async fn listed_edited_and_moved_answers_and_notifications_match_their_schemas(app: TestApp) {
    let doc = openapi(&app).await;
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 10).await;
    let other = activity(&app, &wang, 1, 11).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    booked(&app, &id, "13900139000", "waitlisted").await;
    let opinion = new_opinion(&app, Some(PHONE), json!({})).await;
    acted(&app, &staff, &opinion, "accept", json!({})).await;

    let list = app.send(app.get("/api/activities")).await;
    let list = json_body(list, StatusCode::OK).await;
    let mut checked = 0;
    for item in list.as_array().expect("an array") {
        let item = item.as_object().expect("an object");
        assert!(item.contains_key("seats_left") && item.contains_key("home_name"));
        assert_eq!(check_against_schema(&doc, "Activity", item), 1, "kind");
        checked += 1;
    }
    assert_eq!(checked, 2);
    let edit = json!({
        "date": crate::activities::date_in(12), "start": "10:00", "end": "11:00",
        "capacity": 2, "topic": "议题",
    });
    let request = wang
        .signed(app.request(Method::PUT, &format!("/api/activities/{id}")))
        .json(&edit);
    let edited = json_body(app.send(request).await, StatusCode::OK).await;
    check_against_schema(&doc, "Activity", edited.as_object().expect("an object"));

    let moved = crate::booking_moves::move_to(&app, &code, PHONE, &other).await;
    let moved = json_body(moved, StatusCode::OK).await;
    assert_eq!(
        check_against_schema(&doc, "Booking", moved.as_object().expect("an object")),
        1
    );

    let notifications = app
        .send(staff.cookie_only(app.get("/api/notifications")))
        .await;
    let notifications = json_body(notifications, StatusCode::OK).await;
    let notifications = notifications.as_array().expect("an array");
    assert!(
        notifications.len() >= 5,
        "confirmations, change, promotion, an opinion accepted: {notifications:?}"
    );
    for notification in notifications {
        let object = notification.as_object().expect("an object");
        let enums = check_against_schema(&doc, "Notification", object);
        assert_eq!(enums, 2, "kind and status are enums in Notification");
    }
    let bad = app.send(app.get("/api/activities?kind=picnic")).await;
    let bad = json_body(bad, StatusCode::BAD_REQUEST).await;
    check_against_schema(&doc, "ApiError", bad.as_object().expect("an object"));
}

async fn real_opinion_answers_match_their_schemas(app: TestApp) {
    let doc = openapi(&app).await;
    let photo = crate::opinion_photos::uploaded(&app).await;
    check_against_schema(&doc, "Photo", photo.as_object().expect("an object"));
    let id = photo["id"].as_str().expect("an id");
    let body = crate::opinions::opinion_body(Some(PHONE), &[id]);
    let receipt = crate::opinions::submitted(&app, "schema", &body).await;
    let receipt = receipt.as_object().expect("an object");
    assert_eq!(
        check_against_schema(&doc, "OpinionReceipt", receipt),
        1,
        "status"
    );
    let token = receipt["private_token"].as_str().expect("a token");
    let view = app
        .send(app.get(&format!("/api/opinions/by-token/{token}")))
        .await;
    let view = json_body(view, StatusCode::OK).await;
    let enums = check_against_schema(&doc, "OpinionView", view.as_object().expect("an object"));
    assert_eq!(enums, 2, "category and status are enums in OpinionView");
    check_against_schema(
        &doc,
        "MaskedContact",
        view["contact"].as_object().expect("a contact"),
    );
    check_against_schema(
        &doc,
        "OpinionLocation",
        view["location"].as_object().expect("a place"),
    );
    for event in view["timeline"].as_array().expect("a timeline") {
        let enums =
            check_against_schema(&doc, "OpinionEvent", event.as_object().expect("an object"));
        assert_eq!(enums, 1, "status is an enum in OpinionEvent");
    }
    for photo in view["photos"].as_array().expect("photos") {
        check_against_schema(&doc, "Photo", photo.as_object().expect("an object"));
    }
    let conflict =
        crate::opinions::submit(&app, "schema", &crate::opinions::opinion_body(None, &[])).await;
    let conflict = json_body(conflict, StatusCode::CONFLICT).await;
    check_against_schema(&doc, "ApiError", conflict.as_object().expect("an object"));
}
