//! Housekeeping: photos no opinion took, old idempotency keys and past hours' counters are
//! deleted; three years after an opinion's handling or a booked activity ended, the citizen's
//! name, phone, location and photos are erased while the opinion still counts and shows; each
//! pass that changed something is audited once; a second pass finds nothing to do.

use crate::activities::date_of;
use crate::bookings::{
    activity, activity_on, booked, code_of, delegate, ends_at_ms, look_up, mobile, PHONE,
};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp, PASSWORD};
use crate::moderation::{acted, replied, staff_get, staff_view};
use crate::notifications::staff;
use crate::opinion_photos::uploaded;
use crate::opinions::{opinion_body, submit, submitted};
use deputy_homes_server::housekeeping::{run_once, Pass};
use deputy_homes_server::outbox::{self, LogSender};
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_databases!(
    photos_no_opinion_took_within_a_day_are_deleted_and_the_others_kept,
    idempotency_keys_older_than_a_day_are_deleted_and_a_new_key_still_dedupes,
    rate_limit_counters_are_deleted_once_their_hour_is_over,
    expired_sessions_are_deleted_and_live_ones_kept,
    contacts_of_opinions_ended_three_years_ago_are_erased_and_board_stats_and_link_still_work,
    bookings_of_activities_ended_three_years_ago_are_anonymised_and_old_messages_deleted,
    a_pass_that_changes_something_is_audited_once_by_the_system,
    two_passes_at_once_do_the_work_once,
);

const HOUR: i64 = 3_600_000;
const DAY: i64 = 24 * HOUR;
/// The default retention period, 3 years.
const RETENTION_DAYS: u32 = 1095;

/// Runs a pass at `now`, then a second one, which must find nothing to do; the first's counts.
async fn pass_at(app: &TestApp, now: i64) -> Pass {
    let db = app.db().await;
    let pass = run_once(&db, RETENTION_DAYS, now)
        .await
        .unwrap_or_else(|e| panic!("the pass failed on {:?}: {e:#}", app.backend));
    let again = run_once(&db, RETENTION_DAYS, now)
        .await
        .expect("the second pass runs");
    assert_eq!(again, Pass::default(), "the second pass changed something");
    pass
}

/// Runs a pass at the app's time, then a second one, which must find nothing to do; the first's
/// counts.
pub(crate) async fn pass_now(app: &TestApp) -> Pass {
    pass_at(app, app.clock.now_ms()).await
}

/// The staff member of [`staff`] signed in again, after the clock moved past their session.
async fn staff_again(app: &TestApp) -> Browser {
    app.sign_in("staff", PASSWORD).await
}

async fn status_of_path(app: &TestApp, path: &str) -> StatusCode {
    app.send(app.get(path)).await.status()
}

/// Sends an opinion from `phone` with these fields changed; its tracking number and private
/// token.
async fn opinion(
    app: &TestApp,
    key: &str,
    phone: Option<&str>,
    changes: Value,
) -> (String, String) {
    let mut body = opinion_body(phone, &[]);
    for (field, value) in changes.as_object().expect("an object") {
        body[field] = value.clone();
    }
    let receipt = submitted(app, key, &body).await;
    let text = |field: &str| receipt[field].as_str().expect("a receipt").to_owned();
    (text("tracking_number"), text("private_token"))
}

async fn by_token(app: &TestApp, token: &str) -> Value {
    let path = format!("/api/opinions/by-token/{token}");
    json_body(app.send(app.get(&path)).await, StatusCode::OK).await
}

async fn count(app: &TestApp, query: &str) -> i64 {
    sqlx::query_scalar(query)
        .fetch_one(&app.sql().await)
        .await
        .unwrap_or_else(|e| panic!("{query}: {e}"))
}

async fn photos_no_opinion_took_within_a_day_are_deleted_and_the_others_kept(app: TestApp) {
    let stale = uploaded(&app).await;
    let taken = uploaded(&app).await;
    let taken_id = taken["id"].as_str().unwrap();
    submitted(&app, "with-photo", &opinion_body(Some(PHONE), &[taken_id])).await;
    app.clock.advance(2 * HOUR);
    let recent = uploaded(&app).await;
    // The first two were uploaded 25 h ago, the last 23 h ago.
    app.clock.advance(23 * HOUR);

    let pass = pass_now(&app).await;
    assert_eq!(pass.unattached_photos, 1, "{pass:?}");
    assert_eq!(pass.opinion_photos, 0, "{pass:?}");
    let url = |photo: &Value| photo["url"].as_str().unwrap().to_owned();
    let thumbnail = |photo: &Value| photo["thumbnail_url"].as_str().unwrap().to_owned();
    assert_eq!(
        status_of_path(&app, &url(&stale)).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(
        status_of_path(&app, &thumbnail(&stale)).await,
        StatusCode::NOT_FOUND
    );
    assert_eq!(status_of_path(&app, &url(&recent)).await, StatusCode::OK);
    assert_eq!(status_of_path(&app, &url(&taken)).await, StatusCode::OK);
    // The photo uploaded 23 h ago may still be sent with an opinion.
    let recent_id = recent["id"].as_str().unwrap();
    let body = opinion_body(Some(&mobile("1390000", 1)), &[recent_id]);
    submitted(&app, "with-recent-photo", &body).await;
}

async fn idempotency_keys_older_than_a_day_are_deleted_and_a_new_key_still_dedupes(app: TestApp) {
    let old_body = opinion_body(Some(PHONE), &[]);
    let old = submitted(&app, "old-key", &old_body).await;
    app.clock.advance(2 * HOUR);
    let new_body = opinion_body(Some(&mobile("1390000", 1)), &[]);
    let new = submitted(&app, "new-key", &new_body).await;
    // The old key was made 25 h ago, the new one 23 h ago.
    app.clock.advance(23 * HOUR);

    let pass = pass_now(&app).await;
    assert_eq!(pass.idempotency_keys, 1, "{pass:?}");
    let keys: Vec<(String,)> = sqlx::query_as("SELECT idempotency_key FROM opinion_idempotency")
        .fetch_all(&app.sql().await)
        .await
        .expect("the keys are readable");
    assert_eq!(keys, [("new-key".to_owned(),)]);
    // A retry under the key of 23 hours ago still gets the same receipt, not a second opinion.
    let again = json_body(submit(&app, "new-key", &new_body).await, StatusCode::OK).await;
    assert_eq!(again, new);
    assert_eq!(count(&app, "SELECT COUNT(*) FROM opinions").await, 2);
    // Forgetting the key loses nothing of the opinion it made.
    let view = by_token(&app, old["private_token"].as_str().unwrap()).await;
    assert_eq!(view["tracking_number"], old["tracking_number"]);
}

async fn rate_limit_counters_are_deleted_once_their_hour_is_over(app: TestApp) {
    let start = app.clock.now_ms();
    for i in 0..5 {
        submitted(&app, &format!("p{i}"), &opinion_body(Some(PHONE), &[])).await;
    }
    uploaded(&app).await;
    let tracking = json_body(
        submit(&app, "p0", &opinion_body(Some(PHONE), &[])).await,
        StatusCode::OK,
    )
    .await["tracking_number"]
        .as_str()
        .unwrap()
        .to_owned();
    let wrong = app.get(&format!("/api/opinions/{tracking}"));
    api_error(app.send(wrong).await, StatusCode::NOT_FOUND, "not_found").await;
    let names = || async {
        let rows: Vec<(String,)> = sqlx::query_as("SELECT name FROM opinion_counters")
            .fetch_all(&app.sql().await)
            .await
            .expect("the counters are readable");
        let mut kinds: Vec<String> = rows
            .into_iter()
            .map(|(name,)| name.split(':').next().unwrap_or_default().to_owned())
            .collect();
        kinds.sort();
        kinds
    };
    assert_eq!(
        names().await,
        ["day", "ip", "lookup", "lookup-ip", "phone", "photo-ip"]
    );

    // Within their hour the counters stay, and the limit still holds.
    let pass = pass_at(&app, start).await;
    assert_eq!(pass.counters, 0, "{pass:?}");
    let sixth = submit(&app, "p5", &opinion_body(Some(PHONE), &[])).await;
    api_error(sixth, StatusCode::TOO_MANY_REQUESTS, "too_many_attempts").await;

    // An hour later they are gone; the day's tracking-number sequence is not a limit and stays.
    let pass = pass_at(&app, start + HOUR).await;
    assert_eq!(pass.counters, 5, "{pass:?}");
    assert_eq!(names().await, ["day"]);
    // Counters hold no personal data: a pass that only removed them is not in the audit log.
    let staff = staff(&app).await;
    let log = staff_get(&app, &staff, "/api/staff/audit?target=housekeeping").await;
    assert_eq!(log["total"], 0, "{log}");
}

async fn contacts_of_opinions_ended_three_years_ago_are_erased_and_board_stats_and_link_still_work(
    app: TestApp,
) {
    staff(&app).await;
    // Sent four years before the pass and never handled: its handling has not ended, so nothing
    // goes.
    let open = opinion(&app, "open", Some(&mobile("1390000", 4)), json!({}))
        .await
        .0;
    app.clock.advance((1460 - 1096) * DAY);

    // Handled 1096 days before the pass: published, closed and rejected.
    let staff = staff_again(&app).await;
    let photo = uploaded(&app).await;
    let photo_id = photo["id"].as_str().unwrap();
    let (published, published_token) = opinion(
        &app,
        "published",
        Some(PHONE),
        json!({ "photo_ids": [photo_id] }),
    )
    .await;
    replied(&app, &staff, &published).await;
    acted(&app, &staff, &published, "publish", json!({})).await;
    let closed_old = opinion(&app, "closed-old", Some(&mobile("1390000", 1)), json!({}))
        .await
        .0;
    replied(&app, &staff, &closed_old).await;
    acted(&app, &staff, &closed_old, "close", json!({})).await;
    let rejected = opinion(&app, "rejected", Some(&mobile("1390000", 2)), json!({}))
        .await
        .0;
    let reason = json!({ "reason": "out_of_scope", "message": "不属于人大代表之家的职责范围。" });
    acted(&app, &staff, &rejected, "reject", reason).await;
    app.clock.advance((1096 - 10) * DAY);

    // Closed 10 days before the pass.
    let staff = staff_again(&app).await;
    let closed_recent = opinion(&app, "closed-new", Some(&mobile("1390000", 3)), json!({}))
        .await
        .0;
    replied(&app, &staff, &closed_recent).await;
    acted(&app, &staff, &closed_recent, "close", json!({})).await;
    app.clock.advance(10 * DAY);

    let staff = staff_again(&app).await;
    let before_view = by_token(&app, &published_token).await;
    let board_before = staff_get(&app, &staff, "/api/public/opinions").await;
    let stats_before = staff_get(&app, &staff, "/api/public/stats").await;
    let staff_stats_before = staff_get(&app, &staff, "/api/staff/stats").await;

    let pass = pass_now(&app).await;
    assert_eq!(pass.opinions_erased, 3, "{pass:?}");
    assert_eq!(pass.opinion_photos, 1, "{pass:?}");

    // The status page by its private link still opens, without contact, location or photos.
    let view = by_token(&app, &published_token).await;
    assert!(view["contact"].is_null(), "{view}");
    assert!(view["location"].is_null(), "{view}");
    assert_eq!(view["photos"], json!([]));
    assert!(
        view["personal_data_erased_at_ms"].as_i64().is_some(),
        "{view}"
    );
    for kept in [
        "title", "body", "category", "home_id", "status", "timeline", "reply", "units",
    ] {
        assert_eq!(view[kept], before_view[kept], "{kept}");
    }
    assert!(before_view["personal_data_erased_at_ms"].is_null());
    let photo_url = photo["url"].as_str().unwrap();
    assert_eq!(status_of_path(&app, photo_url).await, StatusCode::NOT_FOUND);
    // With the phone gone, the phone's session opens nothing.
    let citizen = app.citizen(PHONE).await;
    let by_phone = citizen.cookie_only(app.get(&format!("/api/opinions/{published}")));
    api_error(app.send(by_phone).await, StatusCode::NOT_FOUND, "not_found").await;

    // The board and the statistics are as they were.
    assert_eq!(
        staff_get(&app, &staff, "/api/public/opinions").await,
        board_before
    );
    assert_eq!(board_before["total"], 1);
    assert_eq!(
        staff_get(&app, &staff, "/api/public/stats").await,
        stats_before
    );
    assert_eq!(
        staff_get(&app, &staff, "/api/staff/stats").await,
        staff_stats_before
    );

    // Staff see it erased, not anonymous, and there is no phone left to reveal.
    for tracking in [&closed_old, &rejected] {
        let view = staff_view(&app, &staff, tracking).await;
        assert!(view["contact"].is_null(), "{view}");
        assert!(
            view["personal_data_erased_at_ms"].as_i64().is_some(),
            "{view}"
        );
        assert!(view["summary"]["phone_masked"].is_null(), "{view}");
    }
    let reveal = app.request(
        reqwest::Method::POST,
        &format!("/api/staff/opinions/{closed_old}/reveal-phone"),
    );
    api_error(
        app.send(staff.signed(reveal)).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let left: i64 = count(
        &app,
        "SELECT COUNT(*) FROM opinions WHERE contact_name IS NOT NULL OR contact_phone IS NOT NULL \
         OR lat IS NOT NULL OR lon IS NOT NULL",
    )
    .await;
    assert_eq!(
        left, 2,
        "only the recent and the open opinion keep personal data"
    );
    for tracking in [&closed_recent, &open] {
        let view = staff_view(&app, &staff, tracking).await;
        assert_eq!(view["contact"]["name"], "张三", "{view}");
        assert!(view["location"].is_object(), "{view}");
        assert!(view["personal_data_erased_at_ms"].is_null(), "{view}");
    }
}

async fn bookings_of_activities_ended_three_years_ago_are_anonymised_and_old_messages_deleted(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let old = activity(&app, &wang, 2, 10).await;
    let old_codes = [
        code_of(&booked(&app, &old, PHONE, "booked").await),
        code_of(&booked(&app, &old, &mobile("1390000", 1), "booked").await),
    ];
    let sent = outbox::run_once(&app.db().await, &LogSender, app.clock.now_ms())
        .await
        .expect("the messages are sent");
    // The two confirmations and the two verification codes the phones were sent.
    assert_eq!(sent.sent, 4);
    // The pass comes 1096 days after the old activity ended; the recent one ends about 10 days
    // before it, and is published and booked 10 days before it starts.
    let pass_time = ends_at_ms(&app, &old).await + 1096 * DAY;
    app.move_clock_to(pass_time - 20 * DAY);
    let wang = app.sign_in("wang", PASSWORD).await;
    let recent = activity_on(&app, &wang, 2, &date_of(pass_time - 10 * DAY)).await;
    let recent_code = code_of(&booked(&app, &recent, PHONE, "booked").await);
    let sent = outbox::run_once(&app.db().await, &LogSender, app.clock.now_ms())
        .await
        .expect("the message is sent");
    // The confirmation, and the code the phone was sent to verify again (its session of three
    // years ago has ended).
    assert_eq!(sent.sent, 2);
    let recent_end = ends_at_ms(&app, &recent).await;
    assert!(recent_end < pass_time - 9 * DAY && recent_end > pass_time - 11 * DAY);
    app.move_clock_to(pass_time);

    let pass = pass_now(&app).await;
    assert_eq!(pass.bookings_erased, 2, "{pass:?}");
    // The two old confirmations and the two codes sent with them.
    assert_eq!(pass.notifications, 4, "{pass:?}");

    let stored = |code: String| {
        let app = &app;
        async move {
            sqlx::query_as::<_, (String, String, String, String, String)>(
                "SELECT name, phone, topic, status, access_needs FROM bookings WHERE code = $1",
            )
            .bind(&code)
            .fetch_one(&app.sql().await)
            .await
            .expect("the booking is stored")
        }
    };
    for code in &old_codes {
        let (name, phone, topic, status, access_needs) = stored(code.clone()).await;
        assert_eq!(
            (name.as_str(), phone.as_str(), topic.as_str()),
            ("", "", "")
        );
        assert_eq!(status, "booked", "the row still counts");
        assert!(access_needs.contains("wheelchair"), "{access_needs}");
    }
    api_error(
        look_up(&app, &old_codes[0], PHONE).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let (name, phone, topic, ..) = stored(recent_code.clone()).await;
    assert_eq!(
        (name.as_str(), phone.as_str(), topic.as_str()),
        ("张三", PHONE, "小区停车")
    );
    json_body(look_up(&app, &recent_code, PHONE).await, StatusCode::OK).await;
    let messages: Vec<(String,)> =
        sqlx::query_as("SELECT activity_id FROM notifications WHERE kind <> 'verification_code'")
            .fetch_all(&app.sql().await)
            .await
            .expect("the outbox is readable");
    assert_eq!(messages, [(recent.clone(),)]);
}

async fn a_pass_that_changes_something_is_audited_once_by_the_system(app: TestApp) {
    staff(&app).await;
    uploaded(&app).await;
    app.clock.advance(25 * HOUR);
    let staff = staff_again(&app).await;
    let now = app.clock.now_ms();
    let pass = pass_at(&app, now).await;
    assert_eq!(pass.unattached_photos, 1, "{pass:?}");

    let log = staff_get(&app, &staff, "/api/staff/audit?target=housekeeping").await;
    assert_eq!(
        log["total"], 1,
        "the second pass, which changed nothing, wrote nothing: {log}"
    );
    let entry = &log["items"][0];
    assert_eq!(entry["actor_account_id"], "system");
    assert_eq!(entry["actor_name"], "");
    assert_eq!(entry["action"], "housekeeping.pass");
    assert_eq!(entry["at_ms"], now);
    assert_eq!(entry["details"]["unattached_photos"], "1");
    assert_eq!(entry["details"]["opinions_erased"], "0");
    assert_eq!(entry["details"]["retention_days"], "1095");
    let by_system = staff_get(&app, &staff, "/api/staff/audit?actor=system").await;
    assert_eq!(by_system["total"], 1);
    // The whole log, as the audit page reads it, still answers.
    let all = staff_get(&app, &staff, "/api/staff/audit").await;
    assert_eq!(all["total"], 1);
}

async fn two_passes_at_once_do_the_work_once(app: TestApp) {
    staff(&app).await;
    for _ in 0..3 {
        uploaded(&app).await;
    }
    app.clock.advance(25 * HOUR);
    let staff = staff_again(&app).await;
    let (first, second) = (app.db().await, app.db().await);
    let now = app.clock.now_ms();
    let (a, b) = tokio::join!(
        run_once(&first, RETENTION_DAYS, now),
        run_once(&second, RETENTION_DAYS, now)
    );
    let (a, b) = (a.expect("a pass"), b.expect("a pass"));
    assert_eq!(a.unattached_photos + b.unattached_photos, 3, "{a:?} {b:?}");
    assert!(
        a.is_empty() || b.is_empty(),
        "the passes took turns: {a:?} {b:?}"
    );
    let log = staff_get(&app, &staff, "/api/staff/audit?target=housekeeping").await;
    assert_eq!(log["total"], 1, "{log}");
}

async fn expired_sessions_are_deleted_and_live_ones_kept(app: TestApp) {
    let old = staff(&app).await;
    // Sessions last 12 hours: the first has just expired when the second begins.
    app.clock.advance(12 * HOUR + 1000);
    let live = staff_again(&app).await;
    let pass = pass_now(&app).await;
    assert_eq!(pass.expired_sessions, 1, "{pass:?}");
    assert!(!pass.touched_personal_data(), "not audited: {pass:?}");
    let left: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM sessions")
        .fetch_one(&app.sql().await)
        .await
        .expect("sessions count");
    assert_eq!(left, 1);
    let answer = app.send(live.cookie_only(app.get("/api/session"))).await;
    assert_eq!(
        json_body(answer, StatusCode::OK).await["account"]["role"],
        "staff"
    );
    let gone = app.send(old.cookie_only(app.get("/api/session"))).await;
    assert_ne!(gone.status(), StatusCode::OK);
}
