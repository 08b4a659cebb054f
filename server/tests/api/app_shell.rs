//! Everything outside `/api` is the built app: deep links load `index.html`.

use crate::helpers::{
    on_both_databases, precompressed_br, TestApp, HASHED_ASSET, HASHED_ASSET_BODY, INDEX_HTML,
    OFFICE_HTML,
};
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE};
use reqwest::StatusCode;

on_both_databases!(
    a_deep_link_to_a_home_loads_the_app_shell_uncached,
    office_paths_load_the_office_app_and_citizen_paths_the_citizens_app,
    hashed_assets_are_cached_for_a_year,
    precompressed_assets_are_served_as_written_when_the_browser_accepts_them,
);

/// The pages without a first screen (`first_screen.rs` has those of `/`, `/homes/{id}`,
/// `/activities`, `/board`, `/stats` and `/opinions/new`).
async fn a_deep_link_to_a_home_loads_the_app_shell_uncached(app: TestApp) {
    for path in ["/opinions", "/homes/no-such-home", "/settings"] {
        let response = app.send(app.get(path)).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        let headers = response.headers().clone();
        assert_eq!(headers[CACHE_CONTROL], "no-cache", "{path}");
        assert!(
            headers[CONTENT_TYPE]
                .to_str()
                .is_ok_and(|t| t.starts_with("text/html")),
            "{path}: {:?}",
            headers[CONTENT_TYPE]
        );
        assert_eq!(response.text().await.expect("a body"), INDEX_HTML, "{path}");
    }
}

async fn office_paths_load_the_office_app_and_citizen_paths_the_citizens_app(app: TestApp) {
    let office = [
        "/sign-in",
        "/account",
        "/staff/opinions/YJ20261128-0001",
        "/manage/activities/a1",
    ];
    for path in office {
        let response = app.send(app.get(path)).await;
        assert_eq!(response.status(), StatusCode::OK, "{path}");
        assert_eq!(response.headers()[CACHE_CONTROL], "no-cache", "{path}");
        assert_eq!(
            response.text().await.expect("a body"),
            OFFICE_HTML,
            "{path}"
        );
    }
    for path in ["/map", "/bookings", "/opinions", "/staffing", "/projects"] {
        let response = app.send(app.get(path)).await;
        assert_eq!(response.text().await.expect("a body"), INDEX_HTML, "{path}");
    }
    // The office app's own files are files, not pages.
    let file = app.send(app.get("/office/index.html")).await;
    assert_eq!(file.text().await.expect("a body"), OFFICE_HTML);
}

async fn hashed_assets_are_cached_for_a_year(app: TestApp) {
    let response = app.send(app.get(&format!("/{HASHED_ASSET}"))).await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(
        response.headers()[CACHE_CONTROL],
        "public, max-age=31536000, immutable"
    );
    assert_eq!(response.text().await.expect("a body"), HASHED_ASSET_BODY);
}

async fn precompressed_assets_are_served_as_written_when_the_browser_accepts_them(app: TestApp) {
    let url = format!("/{HASHED_ASSET}");
    let response = app
        .send(app.get(&url).header("accept-encoding", "br"))
        .await;
    assert_eq!(response.headers()["content-encoding"], "br");
    let body = response.bytes().await.expect("a body");
    assert_eq!(
        &body[..],
        &precompressed_br(HASHED_ASSET_BODY.as_bytes())[..]
    );

    let plain = app.send(app.get(&url)).await;
    assert!(plain.headers().get("content-encoding").is_none());
    assert_eq!(plain.text().await.expect("a body"), HASHED_ASSET_BODY);
}
