//! How fresh the public answers are (`platform::fresh_read`, `DH_FRESH_WITHIN_MS`): a change this
//! server made shows in its next answer; one made elsewhere (another server, the `import`
//! command) shows once the window has passed, and until then the kept answer is served without
//! asking the database. The usual test settings use no window (every read asks), as each scenario
//! elsewhere changes the data directly or on another server and reads at once.

use crate::bookings::{activity, booked, delegate, PHONE};
use crate::helpers::{configured, json_body, TestApp};
use crate::import::{import, sample_rows, write_register};
use reqwest::StatusCode;
use serde_json::Value;
use std::time::Duration;

configured!(
    // An hour: longer than any scenario, so what is kept is certain.
    this_servers_changes_show_at_once_and_others_wait_for_the_window => |c| {
        c.fresh_within_ms = 3_600_000;
    },
    another_servers_change_shows_once_the_window_has_passed => |c| c.fresh_within_ms = 50,
);

/// The number of homes `/api/homes` lists on `app`.
async fn homes_listed(app: &TestApp) -> usize {
    app.homes(&[]).await["items"]
        .as_array()
        .expect("a list of homes")
        .len()
}

/// The seats left of the activity `id` in `/api/activities` on `app`.
async fn seats_left(app: &TestApp, id: &str) -> Value {
    let list = json_body(app.send(app.get("/api/activities")).await, StatusCode::OK).await;
    list.as_array()
        .expect("a list of activities")
        .iter()
        .find(|a| a["id"] == id)
        .map(|a| a["seats_left"].clone())
        .unwrap_or_else(|| panic!("{id} is not listed: {list}"))
}

/// Imports two homes into the app's database directly, as the `import` command or another
/// server does: nothing tells this server.
async fn imported_elsewhere(app: &TestApp) {
    let path = app.scratch_path("official.csv");
    write_register(&path, &sample_rows(&["xc-01", "sh-01"]));
    assert_eq!(import(app, &path, false).await.expect("a valid file"), 2);
}

async fn this_servers_changes_show_at_once_and_others_wait_for_the_window(app: TestApp) {
    // A booking made here: the list read next shows the seat gone, then back.
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 2, 3).await;
    assert_eq!(seats_left(&app, &id).await, 2);
    booked(&app, &id, PHONE, "booked").await;
    assert_eq!(
        seats_left(&app, &id).await,
        1,
        "a booking made here shows at once"
    );

    // A register imported elsewhere is not seen within the window: the kept list is served.
    assert_eq!(homes_listed(&app).await, 104);
    imported_elsewhere(&app).await;
    assert_eq!(
        homes_listed(&app).await,
        104,
        "another's change waits for the window"
    );
    // A refused write changes nothing, so it does not make the server read again.
    let refused = app
        .send(
            app.request(reqwest::Method::POST, "/api/opinions")
                .json(&serde_json::json!({})),
        )
        .await;
    assert!(refused.status().is_client_error(), "{}", refused.status());
    assert_eq!(homes_listed(&app).await, 104);
    // Any change made here makes every kept answer read the database again.
    booked(&app, &id, "13900000002", "booked").await;
    assert_eq!(
        homes_listed(&app).await,
        2,
        "read again after a change here"
    );
}

async fn another_servers_change_shows_once_the_window_has_passed(app: TestApp) {
    assert_eq!(homes_listed(&app).await, 104);
    imported_elsewhere(&app).await;
    // Past the window (50 ms): the next answer reads the database.
    tokio::time::sleep(Duration::from_millis(60)).await;
    assert_eq!(homes_listed(&app).await, 2);
}
