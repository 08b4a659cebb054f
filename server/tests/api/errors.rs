//! Bad parameters and unknown resources give the one JSON error shape.

use crate::helpers::{json_body, on_both_databases, TestApp};
use reqwest::StatusCode;

on_both_databases!(
    every_bad_parameter_is_a_400_naming_the_field_at_fault,
    an_unknown_home_id_is_a_404_in_json,
    an_unknown_api_path_is_a_404_in_json_not_the_app_shell,
);

async fn every_bad_parameter_is_a_400_naming_the_field_at_fault(app: TestApp) {
    let long_query = "代".repeat(101);
    let cases: [(&[(&str, &str)], &str); 8] = [
        (&[("district", "未知区")], "district"),
        (&[("district", "Xincheng")], "district"),
        (&[("type", "castle")], "type"),
        (&[("lat", "40.8")], "lon"),
        (&[("lon", "111.6")], "lat"),
        (&[("lat", "north"), ("lon", "111.6")], "lat"),
        (&[("lat", "40.8"), ("lon", "180.5")], "lon"),
        (&[("q", &long_query)], "q"),
    ];
    for (query, field) in cases {
        let response = app.send(app.get("/api/homes").query(query)).await;
        let body = json_body(response, StatusCode::BAD_REQUEST).await;
        assert_eq!(body["code"], "bad_parameter", "{query:?}: {body}");
        assert_eq!(body["field"], field, "{query:?}: {body}");
        assert!(
            body["message"].as_str().is_some_and(|m| !m.is_empty()),
            "{query:?}: {body}"
        );
    }
    // The limit is 100 characters, not bytes: 100 Chinese characters are fine.
    let at_limit = "代".repeat(100);
    let body = app.homes(&[("q", &at_limit)]).await;
    assert!(body["items"].is_array());
}

async fn an_unknown_home_id_is_a_404_in_json(app: TestApp) {
    let response = app.send(app.get("/api/homes/xc-999")).await;
    let body = json_body(response, StatusCode::NOT_FOUND).await;
    assert_eq!(body["code"], "not_found", "{body}");
    assert!(body.get("field").is_none(), "{body}");
    assert!(
        body["message"]
            .as_str()
            .is_some_and(|m| m.contains("xc-999")),
        "{body}"
    );
}

async fn an_unknown_api_path_is_a_404_in_json_not_the_app_shell(app: TestApp) {
    for path in ["/api/whatever", "/api/homes/xc-01/photos", "/api", "/api/"] {
        let response = app.send(app.get(path)).await;
        let body = json_body(response, StatusCode::NOT_FOUND).await;
        assert_eq!(body["code"], "not_found", "{path}: {body}");
    }
}
