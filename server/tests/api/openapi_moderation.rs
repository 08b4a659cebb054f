//! Real answers of moderation (the staff's views and steps, the audit log, units, holidays, bulk
//! actions, the public board and figures) match their schemas in the OpenAPI document.

use crate::bookings::PHONE;
use crate::helpers::{json_body, on_both_databases, TestApp};
use crate::moderation::{act, acted, new_opinion, rate, replied, staff_get};
use crate::notifications::staff;
use crate::openapi::check_against_schema;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both_databases!(real_moderation_answers_match_their_schemas);

fn object(value: &Value) -> &serde_json::Map<String, Value> {
    value
        .as_object()
        .unwrap_or_else(|| panic!("not an object: {value}"))
}

fn each(value: &Value) -> impl Iterator<Item = &serde_json::Map<String, Value>> {
    value
        .as_array()
        .unwrap_or_else(|| panic!("not an array: {value}"))
        .iter()
        .map(object)
}

fn check_summary(doc: &Value, summary: &Value) {
    check_against_schema(doc, "OpinionSummary", object(summary));
    for unit in each(&summary["units"]) {
        check_against_schema(doc, "UnitRef", unit);
    }
}

fn check_staff_view(doc: &Value, view: &Value) {
    check_against_schema(doc, "StaffOpinionView", object(view));
    check_summary(doc, &view["summary"]);
    for event in each(&view["timeline"]) {
        check_against_schema(doc, "StaffOpinionEvent", event);
    }
    for (key, schema) in [
        ("contact", "MaskedContact"),
        ("reply", "OpinionReply"),
        ("rating", "OpinionRating"),
        ("rejection", "Rejection"),
        ("location", "OpinionLocation"),
    ] {
        if !view[key].is_null() {
            check_against_schema(doc, schema, object(&view[key]));
        }
    }
}

async fn real_moderation_answers_match_their_schemas(app: TestApp) {
    let doc = json_body(app.send(app.get("/api/openapi.json")).await, StatusCode::OK).await;
    let staff = staff(&app).await;
    let published = new_opinion(&app, Some(PHONE), json!({})).await;
    replied(&app, &staff, &published).await;
    let rated = json_body(
        rate(
            &app,
            &published,
            PHONE,
            json!({ "rating": "fairly", "comment": "还行" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    check_against_schema(&doc, "OpinionView", object(&rated));
    check_against_schema(&doc, "OpinionReply", object(&rated["reply"]));
    check_against_schema(&doc, "OpinionRating", object(&rated["rating"]));
    for event in each(&rated["timeline"]) {
        check_against_schema(&doc, "OpinionEvent", event);
    }
    let view = acted(&app, &staff, &published, "publish", json!({})).await;
    check_staff_view(&doc, &view);
    let again = new_opinion(&app, Some("13900000001"), json!({})).await;
    let rejected = acted(
        &app,
        &staff,
        &again,
        "reject",
        json!({ "reason": "duplicate", "duplicate_of": published, "message": "重复" }),
    )
    .await;
    check_staff_view(&doc, &rejected);

    let page = staff_get(&app, &staff, "/api/staff/opinions").await;
    check_against_schema(&doc, "OpinionPage", object(&page));
    for item in page["items"].as_array().unwrap() {
        check_summary(&doc, item);
    }
    assert!(page["items"][0]["near_duplicate_of"].is_string(), "{page}");
    let revealed = json_body(
        act(&app, &staff, &published, "reveal-phone", json!({})).await,
        StatusCode::OK,
    )
    .await;
    check_against_schema(&doc, "RevealedPhone", object(&revealed));
    let audit = staff_get(&app, &staff, "/api/staff/audit").await;
    check_against_schema(&doc, "AuditPage", object(&audit));
    for entry in each(&audit["items"]) {
        check_against_schema(&doc, "AuditEntry", entry);
    }
    for unit in each(&staff_get(&app, &staff, "/api/units").await) {
        check_against_schema(&doc, "HandlingUnit", unit);
    }
    let holidays = staff_get(&app, &staff, "/api/holidays").await;
    check_against_schema(&doc, "HolidayCalendarView", object(&holidays));
    for day in each(&holidays["days"]) {
        check_against_schema(&doc, "CalendarDay", day);
    }
    let bulk = staff.signed(
        app.request(Method::POST, "/api/staff/opinions/bulk")
            .json(&json!({ "action": "close", "trackings": [published, "YJ20200101-0001"] })),
    );
    let results = json_body(app.send(bulk).await, StatusCode::OK).await;
    check_against_schema(&doc, "BulkResults", object(&results));
    for item in each(&results["results"]) {
        check_against_schema(&doc, "BulkItemResult", item);
        check_against_schema(&doc, "ApiError", object(&item["error"]));
    }
    let board = json_body(
        app.send(app.get("/api/public/opinions")).await,
        StatusCode::OK,
    )
    .await;
    check_against_schema(&doc, "PublicOpinionPage", object(&board));
    for item in each(&board["items"]) {
        check_against_schema(&doc, "PublicOpinion", item);
    }
    assert_eq!(board["total"], 1);
    let stats = json_body(app.send(app.get("/api/public/stats")).await, StatusCode::OK).await;
    check_against_schema(&doc, "OpinionStats", object(&stats));
    check_against_schema(&doc, "Satisfaction", object(&stats["satisfaction"]));
    for key in ["by_status", "by_category", "by_district"] {
        for count in each(&stats[key]) {
            check_against_schema(&doc, "NamedCount", count);
        }
    }
    for unit in each(&stats["units"]) {
        check_against_schema(&doc, "UnitScore", unit);
    }
}
