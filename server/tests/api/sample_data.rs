//! Sample data: the living sample a first start makes beside the sample register (shown by the
//! citizens' pages, made once, never with the official register, deleted by its import), and
//! the generator at scale, whose rows the app reads.

use crate::helpers::{
    json_body, on_both_databases, sample_register_path, test_config, Backend, Register, TestApp,
};
use deputy_homes_api::accounts::Role;
use deputy_homes_server::homes::register_file::import_file;
use deputy_homes_server::platform::clock::system_now_ms;
use deputy_homes_server::sample::{create_at_scale, Plan};
use reqwest::StatusCode;
use serde_json::Value;
use std::collections::HashSet;

on_both_databases!(
    with_empty_register:
    the_generator_at_a_tiny_scale_fills_what_the_app_reads,
);

/// The app as a first start with the sample register and the living sample makes it.
async fn with_living_sample(backend: Backend) -> TestApp {
    TestApp::spawn_configured(backend, Register::Sample, |c| c.sample_data = true).await
}

macro_rules! with_living_sample {
    ($($name:ident),+ $(,)?) => {
        $(
            mod $name {
                use crate::helpers::Backend;

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_sqlite() {
                    super::$name(super::with_living_sample(Backend::Sqlite).await).await;
                }

                #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
                async fn on_postgres() {
                    super::$name(super::with_living_sample(Backend::Postgres).await).await;
                }
            }
        )+
    };
}

with_living_sample!(
    the_first_start_shows_sample_activities_opinions_and_statistics,
    the_living_sample_spreads_over_the_handling_chain_with_invented_citizens,
    a_restart_does_not_make_the_living_sample_again,
    importing_the_official_register_deletes_the_living_sample,
    a_start_after_the_official_register_was_imported_makes_no_sample,
);

async fn get(app: &TestApp, path: &str) -> Value {
    json_body(app.send(app.get(path)).await, StatusCode::OK).await
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    sqlx::query_scalar(sql)
        .fetch_one(&app.sql().await)
        .await
        .unwrap_or_else(|e| panic!("{sql}: {e}"))
}

async fn the_first_start_shows_sample_activities_opinions_and_statistics(app: TestApp) {
    let activities = get(&app, "/api/activities").await;
    let activities = activities.as_array().expect("a list");
    assert!(activities.len() >= 50, "{} activities", activities.len());
    let homes: HashSet<&str> = activities
        .iter()
        .map(|a| a["home_id"].as_str().expect("a home"))
        .collect();
    assert!(
        (20..=35).contains(&homes.len()),
        "activities at {} homes, not about a third of 104",
        homes.len()
    );
    let four_weeks_ahead = app.clock.now_ms() + 29 * 86_400_000;
    for activity in activities {
        let starts = activity["starts_at_ms"].as_i64().expect("a start");
        assert!(
            starts > app.clock.now_ms() && starts < four_weeks_ahead,
            "{activity}"
        );
    }
    let board = get(&app, "/api/public/opinions").await;
    assert!(board["total"].as_u64().expect("a total") >= 1, "{board}");
    assert!(board["items"][0]["reply_text"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let stats = get(&app, "/api/public/stats").await;
    assert_eq!(stats["total"], 60, "{stats}");
}

async fn the_living_sample_spreads_over_the_handling_chain_with_invented_citizens(app: TestApp) {
    let statuses = count(
        &app,
        "SELECT COUNT(DISTINCT status) FROM opinions WHERE sample = 1",
    )
    .await;
    assert!(statuses >= 6, "only {statuses} statuses");
    for (what, sql) in [
        (
            "rated",
            "SELECT COUNT(*) FROM opinions WHERE rating IS NOT NULL",
        ),
        (
            "published",
            "SELECT COUNT(*) FROM opinions WHERE status = 'published'",
        ),
        (
            "assigned to units",
            "SELECT COUNT(DISTINCT opinion_id) FROM opinion_units",
        ),
        (
            "audited",
            "SELECT COUNT(*) FROM audit_log WHERE action = 'opinion.assign'",
        ),
        (
            "booked",
            "SELECT COUNT(*) FROM bookings WHERE status = 'booked'",
        ),
    ] {
        assert!(count(&app, sql).await > 0, "none {what}");
    }
    let not_invented = count(
        &app,
        "SELECT COUNT(*) FROM opinions WHERE contact_phone NOT LIKE '1990%' \
         OR contact_name NOT LIKE '%（示例）'",
    )
    .await
        + count(
            &app,
            "SELECT COUNT(*) FROM bookings WHERE phone NOT LIKE '1990%' \
             OR name NOT LIKE '%（示例）'",
        )
        .await;
    assert_eq!(not_invented, 0);
    // Every opinion's timeline starts with its submission and ends at its status.
    let off_timeline = count(
        &app,
        "SELECT COUNT(*) FROM opinions o WHERE NOT EXISTS (SELECT 1 FROM opinion_events e \
         WHERE e.opinion_id = o.id AND e.kind = o.status AND e.at_ms = o.updated_at_ms)",
    )
    .await;
    assert_eq!(off_timeline, 0);
    let assigned_without_due = count(
        &app,
        "SELECT COUNT(*) FROM opinions WHERE assigned_at_ms IS NOT NULL AND due_at_ms IS NULL",
    )
    .await;
    assert_eq!(assigned_without_due, 0);
}

/// The counts a second start must leave as they are.
async fn sample_counts(app: &TestApp) -> [i64; 4] {
    [
        count(app, "SELECT COUNT(*) FROM activities").await,
        count(app, "SELECT COUNT(*) FROM bookings").await,
        count(app, "SELECT COUNT(*) FROM opinions").await,
        count(app, "SELECT COUNT(*) FROM audit_log").await,
    ]
}

async fn a_restart_does_not_make_the_living_sample_again(app: TestApp) {
    let before = sample_counts(&app).await;
    assert!(before.iter().all(|n| *n > 0), "{before:?}");
    let files = tempfile::tempdir().expect("a temporary folder");
    let mut config = test_config(
        app.database_url().to_owned(),
        files.path().to_path_buf(),
        Register::Sample,
    );
    config.sample_data = true;
    deputy_homes_server::prepare(&config)
        .await
        .expect("the second start");
    assert_eq!(sample_counts(&app).await, before);
}

async fn import_official(app: &TestApp) {
    let path = app.scratch_path("official.csv");
    std::fs::copy(sample_register_path(), &path).expect("a copy of the register");
    import_file(&app.db().await, &path, false)
        .await
        .expect("the official register is imported");
}

async fn importing_the_official_register_deletes_the_living_sample(app: TestApp) {
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    import_official(&app).await;
    assert_eq!(sample_counts(&app).await, [0, 0, 0, 0]);
    for table in [
        "opinion_events",
        "opinion_units",
        "activity_duty",
        "reception_records",
    ] {
        let left = count(&app, &format!("SELECT COUNT(*) FROM {table}")).await;
        assert_eq!(left, 0, "{table}");
    }
    let sample_accounts = count(
        &app,
        "SELECT COUNT(*) FROM accounts WHERE username LIKE 'sample-%'",
    )
    .await;
    assert_eq!(sample_accounts, 0);
    assert_eq!(get(&app, "/api/activities").await, serde_json::json!([]));
    assert_eq!(get(&app, "/api/public/opinions").await["total"], 0);
    assert_eq!(get(&app, "/api/public/stats").await["total"], 0);
    // Real accounts stay.
    let me = app.send(staff.cookie_only(app.get("/api/session"))).await;
    assert_eq!(me.status(), StatusCode::OK);
}

async fn a_start_after_the_official_register_was_imported_makes_no_sample(app: TestApp) {
    import_official(&app).await;
    let files = tempfile::tempdir().expect("a temporary folder");
    let mut config = test_config(
        app.database_url().to_owned(),
        files.path().to_path_buf(),
        Register::Sample,
    );
    config.sample_data = true;
    deputy_homes_server::prepare(&config)
        .await
        .expect("a start with the official register");
    assert_eq!(sample_counts(&app).await, [0, 0, 0, 0]);
}

async fn the_generator_at_a_tiny_scale_fills_what_the_app_reads(app: TestApp) {
    let db = app.db().await;
    let plan = Plan::at_scale(0.002, system_now_ms(), 60, 1095);
    let refused = create_at_scale(&db, &plan).await;
    assert!(
        refused.is_err(),
        "made sample data without the sample register"
    );
    import_file(&db, &sample_register_path(), true)
        .await
        .expect("the sample register");
    let made = create_at_scale(&db, &plan).await.expect("generated");
    assert_eq!(
        (made.activities, made.bookings, made.opinions),
        (40, 1000, 200)
    );
    for (table, expected) in [
        ("activities", 40),
        ("bookings", 1000),
        ("opinions", 200),
        ("opinion_events", made.events as i64),
        ("audit_log", made.audit_entries as i64),
    ] {
        let stored = count(&app, &format!("SELECT COUNT(*) FROM {table}")).await;
        assert_eq!(stored, expected, "{table}");
    }
    assert_eq!(get(&app, "/api/public/stats").await["total"], 200);
    assert!(get(&app, "/api/public/opinions").await["total"].as_u64() > Some(0));
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    let queue = json_body(
        app.send(staff.cookie_only(app.get("/api/staff/opinions")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(queue["total"], 200, "{queue}");
    let number = queue["items"][0]["tracking_number"]
        .as_str()
        .expect("a number");
    let view = app
        .send(staff.cookie_only(app.get(&format!("/api/staff/opinions/{number}"))))
        .await;
    assert_eq!(view.status(), StatusCode::OK);
    let audit = json_body(
        app.send(staff.cookie_only(app.get("/api/staff/audit")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert!(audit["total"].as_u64() > Some(0), "{audit}");
    let delegate: String =
        sqlx::query_scalar("SELECT created_by FROM activities ORDER BY starts_at_ms LIMIT 1")
            .fetch_one(&app.sql().await)
            .await
            .expect("a delegate");
    let summary = app
        .send(staff.cookie_only(app.get(&format!("/api/delegates/{delegate}/summary"))))
        .await;
    assert_eq!(summary.status(), StatusCode::OK);
}
