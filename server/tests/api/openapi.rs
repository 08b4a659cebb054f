//! The OpenAPI document describes the API as it really answers, so it cannot drift.

use crate::bookings::{activity, booked, code_of, delegate, PHONE};
use crate::helpers::{items, json_body, on_both_databases, TestApp, PASSWORD};
use crate::moderation::{acted, new_opinion};
use crate::notifications::staff;
use deputy_homes_api::accounts::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;
use serde_json::{Map, Value};

on_both_databases!(
    the_openapi_document_is_3_1_and_lists_the_homes_paths_and_parameters,
    every_field_of_real_responses_is_a_property_of_its_schema,
    the_openapi_document_lists_the_session_and_account_paths_and_their_answers,
    session_and_account_responses_match_their_schemas,
    the_listing_edit_move_calendar_and_notification_paths_are_documented,
    listed_edited_and_moved_answers_and_notifications_match_their_schemas,
    the_opinion_paths_are_documented_and_real_opinion_answers_match_their_schemas,
);

async fn openapi(app: &TestApp) -> Value {
    json_body(app.send(app.get("/api/openapi.json")).await, StatusCode::OK).await
}

async fn the_openapi_document_is_3_1_and_lists_the_homes_paths_and_parameters(app: TestApp) {
    let doc = openapi(&app).await;
    assert_eq!(doc["openapi"], "3.1.0");
    let list = &doc["paths"]["/api/homes"]["get"];
    assert!(list.is_object(), "no GET /api/homes in {}", doc["paths"]);
    let mut names: Vec<&str> = list["parameters"]
        .as_array()
        .unwrap_or_else(|| panic!("GET /api/homes has no parameters: {list}"))
        .iter()
        .map(|p| {
            assert_eq!(p["in"], "query", "{p}");
            p["name"].as_str().expect("a parameter name")
        })
        .collect();
    names.sort_unstable();
    assert_eq!(names, ["district", "lat", "lon", "q", "type"]);
    for status in ["200", "400"] {
        assert!(
            list["responses"][status].is_object(),
            "no {status} for /api/homes"
        );
    }

    let one = &doc["paths"]["/api/homes/{id}"]["get"];
    assert!(
        one.is_object(),
        "no GET /api/homes/{{id}} in {}",
        doc["paths"]
    );
    let id = &one["parameters"][0];
    assert_eq!(
        (&id["name"], &id["in"]),
        (&Value::from("id"), &Value::from("path"))
    );
    for status in ["200", "404"] {
        assert!(
            one["responses"][status].is_object(),
            "no {status} for /api/homes/{{id}}"
        );
    }
    assert!(doc["paths"]["/api/health"]["get"].is_object());
}

/// A schema of `components.schemas`, following a `$ref` if given one.
fn resolve<'a>(doc: &'a Value, schema: &'a Value) -> &'a Value {
    match schema["$ref"].as_str() {
        Some(reference) => {
            let name = reference
                .strip_prefix("#/components/schemas/")
                .unwrap_or_else(|| panic!("unexpected $ref {reference}"));
            let target = &doc["components"]["schemas"][name];
            assert!(target.is_object(), "dangling $ref {reference}");
            target
        }
        None => schema,
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

/// Checks a real body against a named schema: every key is a property, every required property
/// is present, and enum-valued fields hold allowed values. Returns how many enum fields it checked.
pub(crate) fn check_against_schema(
    doc: &Value,
    schema_name: &str,
    body: &Map<String, Value>,
) -> usize {
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

async fn the_openapi_document_lists_the_session_and_account_paths_and_their_answers(app: TestApp) {
    let doc = openapi(&app).await;
    let paths = &doc["paths"];
    let expected: [(&str, &str, &[&str]); 6] = [
        ("/api/session", "post", &["200", "400", "401", "429"]),
        ("/api/session", "get", &["200", "401"]),
        ("/api/session", "delete", &["204", "401", "403"]),
        ("/api/accounts", "get", &["200", "401", "403"]),
        (
            "/api/accounts",
            "post",
            &["201", "400", "401", "403", "409"],
        ),
        (
            "/api/accounts/{id}/homes",
            "put",
            &["200", "400", "403", "404"],
        ),
    ];
    for (path, method, statuses) in expected {
        let operation = &paths[path][method];
        assert!(
            operation.is_object(),
            "no {method} {path} in {:?}",
            paths.as_object().map(|p| p.keys().collect::<Vec<_>>())
        );
        for status in statuses {
            assert!(
                operation["responses"][status].is_object(),
                "no {status} for {method} {path}: {}",
                operation["responses"]
            );
        }
    }
    let mut methods: Vec<&str> = paths["/api/accounts/{id}/homes"]
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .filter(|k| ["get", "post", "put", "delete", "patch"].contains(k))
        .collect();
    methods.sort_unstable();
    assert_eq!(methods, ["put"]);
    let id = &paths["/api/accounts/{id}/homes"]["put"]["parameters"][0];
    assert_eq!(
        (&id["name"], &id["in"]),
        (&Value::from("id"), &Value::from("path"))
    );
    for (path, method, schema) in [
        ("/api/session", "post", "SignIn"),
        ("/api/accounts", "post", "NewAccount"),
        ("/api/accounts/{id}/homes", "put", "AccountHomes"),
    ] {
        let body = &paths[path][method]["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(
            body["$ref"],
            format!("#/components/schemas/{schema}"),
            "{method} {path}"
        );
    }
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

async fn the_listing_edit_move_calendar_and_notification_paths_are_documented(app: TestApp) {
    let doc = openapi(&app).await;
    let paths = &doc["paths"];
    let expected: [(&str, &str, &[&str]); 6] = [
        ("/api/activities", "get", &["200", "400"]),
        ("/api/activities/{id}", "get", &["200", "404"]),
        (
            "/api/activities/{id}",
            "put",
            &["200", "400", "401", "403", "404", "409"],
        ),
        (
            "/api/activities/{id}/calendar.ics",
            "get",
            &["200", "400", "404"],
        ),
        (
            "/api/bookings/{code}/move",
            "post",
            &["200", "400", "404", "409"],
        ),
        ("/api/notifications", "get", &["200", "400", "401", "403"]),
    ];
    for (path, method, statuses) in expected {
        let operation = &paths[path][method];
        assert!(
            operation.is_object(),
            "no {method} {path} in {:?}",
            paths.as_object().map(|p| p.keys().collect::<Vec<_>>())
        );
        for status in statuses {
            assert!(
                operation["responses"][status].is_object(),
                "no {status} for {method} {path}: {}",
                operation["responses"]
            );
        }
    }
    let query_names = |path: &str| -> Vec<String> {
        let mut names: Vec<String> = paths[path]["get"]["parameters"]
            .as_array()
            .unwrap_or_else(|| panic!("{path} has no parameters"))
            .iter()
            .filter(|p| p["in"] == "query")
            .map(|p| p["name"].as_str().expect("a name").to_owned())
            .collect();
        names.sort();
        names
    };
    assert_eq!(
        query_names("/api/activities"),
        ["date", "district", "home", "kind"]
    );
    assert_eq!(query_names("/api/notifications"), ["booking", "opinion"]);
    assert_eq!(query_names("/api/activities/{id}/calendar.ics"), ["code"]);
    assert!(
        paths["/api/activities/{id}/calendar.ics"]["get"]["responses"]["200"]["content"]
            ["text/calendar"]
            .is_object(),
        "the file is text/calendar"
    );
    for (path, method, schema) in [
        ("/api/activities/{id}", "put", "EditActivity"),
        ("/api/bookings/{code}/move", "post", "MoveBooking"),
    ] {
        let body = &paths[path][method]["requestBody"]["content"]["application/json"]["schema"];
        assert_eq!(
            body["$ref"],
            format!("#/components/schemas/{schema}"),
            "{method} {path}"
        );
    }
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

    let request = app
        .request(Method::POST, &format!("/api/bookings/{code}/move"))
        .json(&json!({ "phone": PHONE, "activity_id": other }));
    let moved = json_body(app.send(request).await, StatusCode::OK).await;
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

async fn the_opinion_paths_are_documented_and_real_opinion_answers_match_their_schemas(
    app: TestApp,
) {
    let doc = openapi(&app).await;
    let paths = &doc["paths"];
    let expected: [(&str, &str, &[&str]); 6] = [
        (
            "/api/opinions",
            "post",
            &["200", "201", "400", "409", "429"],
        ),
        (
            "/api/opinions/{tracking_number}",
            "get",
            &["200", "400", "404", "429"],
        ),
        (
            "/api/opinions/by-token/{private_token}",
            "get",
            &["200", "404"],
        ),
        ("/api/opinion-photos", "post", &["201", "400", "413", "429"]),
        ("/api/opinion-photos/{id}", "get", &["200", "404"]),
        ("/api/opinion-photos/{id}/thumbnail", "get", &["200", "404"]),
    ];
    for (path, method, statuses) in expected {
        let operation = &paths[path][method];
        assert!(operation.is_object(), "no {method} {path}");
        for status in statuses {
            assert!(
                operation["responses"][status].is_object(),
                "no {status} for {method} {path}"
            );
        }
    }
    let submit = &paths["/api/opinions"]["post"];
    assert!(
        submit["parameters"]
            .as_array()
            .expect("parameters")
            .iter()
            .any(|p| p["name"] == "Idempotency-Key" && p["in"] == "header"),
        "{submit}"
    );
    assert_eq!(
        submit["requestBody"]["content"]["application/json"]["schema"]["$ref"],
        "#/components/schemas/NewOpinion"
    );
    assert!(
        paths["/api/opinion-photos"]["post"]["requestBody"]["content"]["multipart/form-data"]
            .is_object()
    );
    let lookup = &paths["/api/opinions/{tracking_number}"]["get"]["parameters"];
    assert!(
        lookup
            .as_array()
            .expect("parameters")
            .iter()
            .any(|p| p["name"] == "phone_last4" && p["in"] == "query"),
        "{lookup}"
    );
    let category = enum_values(
        &doc,
        &doc["components"]["schemas"]["NewOpinion"]["properties"]["category"],
    )
    .expect("category is an enum");
    assert_eq!(category.len(), 9);

    let photo = crate::opinion_photos::uploaded(&app).await;
    check_against_schema(&doc, "OpinionPhoto", photo.as_object().expect("an object"));
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
        check_against_schema(&doc, "OpinionPhoto", photo.as_object().expect("an object"));
    }
    let conflict =
        crate::opinions::submit(&app, "schema", &crate::opinions::opinion_body(None, &[])).await;
    let conflict = json_body(conflict, StatusCode::CONFLICT).await;
    check_against_schema(&doc, "ApiError", conflict.as_object().expect("an object"));
}
