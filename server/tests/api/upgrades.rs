//! A database written by an earlier version keeps its data when a newer server starts on it: the
//! migrations added after the first opinions release (0010 rebuilds the outbox, 0011 adds the
//! housekeeping columns, 0012 the audit order, 0013 the messages' templates) run over rows that
//! are already there.

use crate::helpers::PostgresDatabase;
use crate::notifications::RecordingSender;
use deputy_homes_api::opinions::handling::AuditQuery;
use deputy_homes_api::opinions::units::HolidayCalendar;
use deputy_homes_api::platform::outbox::NotificationKind;
use deputy_homes_server::outbox::{notification_enqueue_verification, run_once, LogSender, Sender};
use deputy_homes_server::platform::db::Db;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::migrate::Migrator;
use std::borrow::Cow;

/// The migrations of the release before the opinion messages: 0001 to 0009.
const RELEASED: usize = 9;

/// Migrates an empty database to the earlier release, writes rows as that release did, then
/// opens it with this server and checks every row is still there and still works.
async fn upgrade_keeps_the_data(url: &str) {
    install_default_drivers();
    let all = sqlx::migrate!("./migrations");
    assert!(
        all.migrations.len() > RELEASED,
        "there are newer migrations to test"
    );
    let released = Migrator {
        migrations: Cow::Owned(all.migrations[..RELEASED].to_vec()),
        ..Migrator::DEFAULT
    };
    let pool = AnyPoolOptions::new()
        .max_connections(1)
        .connect(url)
        .await
        .expect("the empty database opens");
    released
        .run(&pool)
        .await
        .expect("the earlier release's migrations run");
    sqlx::query(
        "INSERT INTO notifications (id, kind, booking_code, phone, activity_id, message, status, \
         attempts, next_attempt_at_ms, created_at_ms, dedupe_key) \
         VALUES ('n1', 'reminder', 'ABC234', '13800138000', 'act-1', '明天的接待请准时到场', \
         'pending', 0, 1000, 1000, 'reminder:ABC234:act-1')",
    )
    .execute(&pool)
    .await
    .expect("a pending reminder of the earlier release");
    sqlx::query(
        "INSERT INTO audit_log (id, actor_account_id, at_ms, action, target, details) \
         VALUES ('a1', 'staff-1', 2000, 'unit.update', 'unit:u-jtj', '{\"active\":\"false\"}')",
    )
    .execute(&pool)
    .await
    .expect("an audit entry of the earlier release");
    // A booking and an opinion made with a typed phone, before phones were verified.
    for statement in [
        "INSERT INTO accounts (id, username, display_name, role, password_hash, created_at_ms) \
         VALUES ('d1', 'delegate1', '代表', 'delegate', 'x', 1000)",
        "INSERT INTO activities (id, home_id, kind, local_date, start_clock, end_clock, \
         starts_at_ms, ends_at_ms, capacity, topic, series_id, created_by, created_at_ms) \
         VALUES ('act-1', 'xc-02', 'reception', '2026-12-01', '09:00', '11:00', 5000, 6000, 5, \
         '接待日', 's1', 'd1', 1000)",
        "INSERT INTO bookings (id, code, activity_id, seq, status, name, phone, topic, \
         access_needs, created_at_ms, updated_at_ms) VALUES ('b1', 'ABC234', 'act-1', 1, \
         'booked', '张三', '13800138000', '物业', '[]', 1000, 1000)",
        "INSERT INTO opinions (id, tracking_number, private_token_hash, category, title, body, \
         contact_name, contact_phone, consent_at_ms, allow_publish, status, created_at_ms, \
         updated_at_ms) VALUES ('o1', 'YJ20261128-0001', 'h1', 'transport', '公交站台遮阳', \
         '新华大街公交站没有遮阳棚', '张三', '13800138000', 1000, 1, 'submitted', 1000, 1000)",
    ] {
        sqlx::query(statement)
            .execute(&pool)
            .await
            .unwrap_or_else(|e| panic!("{statement}: {e}"));
    }
    pool.close().await;

    let db = Db::connect(url)
        .await
        .expect("this server opens and migrates it");
    // Once that phone is verified, "我的" holds what it made before (GET /api/citizen/mine
    // reads these two).
    let bookings = db
        .bookings_of_phone("13800138000", 10)
        .await
        .expect("the phone's bookings read");
    assert_eq!(
        bookings.iter().map(|b| b.code.as_str()).collect::<Vec<_>>(),
        ["ABC234"]
    );
    let opinions = db
        .opinions_of_phone("13800138000", 10)
        .await
        .expect("the phone's opinions read");
    assert_eq!(
        opinions
            .iter()
            .map(|o| o.tracking_number.as_str())
            .collect::<Vec<_>>(),
        ["YJ20261128-0001"]
    );
    let messages = db
        .notifications_list(None, 10)
        .await
        .expect("the outbox reads");
    assert_eq!(messages.len(), 1, "{messages:?}");
    let reminder = &messages[0];
    assert_eq!(reminder.kind, NotificationKind::Reminder);
    assert_eq!(reminder.booking_code.as_deref(), Some("ABC234"));
    assert_eq!(reminder.tracking_number, None);
    assert_eq!(reminder.message, "明天的接待请准时到场");
    // Written before templates, it has no template and no parameters, and is still sent by
    // its text; a verification code, about no booking or opinion, can now be written beside it.
    let (template, parameters): (Option<String>, Option<String>) =
        sqlx::query_as("SELECT template, template_params FROM notifications WHERE id = 'n1'")
            .fetch_one(
                &AnyPoolOptions::new()
                    .max_connections(1)
                    .connect(url)
                    .await
                    .expect("opens"),
            )
            .await
            .expect("the new columns read");
    assert_eq!((template, parameters), (None, None));
    let mut tx = db.begin().await.expect("a transaction");
    notification_enqueue_verification(&mut tx, "13800138000", "493817", 10, 1500)
        .await
        .expect("a verification code is written");
    tx.commit().await.expect("committed");
    let sender = RecordingSender::default();
    let pass = run_once(&db, &sender, 2000).await.expect("a pass");
    assert_eq!(pass.sent, 2, "{pass:?}");
    let old = sender
        .sent()
        .into_iter()
        .find(|n| n.id == "n1")
        .expect("the old reminder");
    assert_eq!(
        (old.message.as_str(), old.template.as_deref()),
        ("明天的接待请准时到场", None)
    );
    assert_eq!(
        LogSender.send(&old).await.ok(),
        Some(()),
        "the log sender writes its text"
    );
    // The reminder's guard against a second copy survived the rebuild of the table.
    let again = sqlx::query(
        "INSERT INTO notifications (id, kind, booking_code, phone, activity_id, message, status, \
         attempts, next_attempt_at_ms, created_at_ms, dedupe_key) \
         VALUES ('n2', 'reminder', 'ABC234', '13800138000', 'act-1', 'x', 'pending', 0, 1000, \
         1000, 'reminder:ABC234:act-1')",
    )
    .execute(
        &AnyPoolOptions::new()
            .max_connections(1)
            .connect(url)
            .await
            .expect("opens"),
    )
    .await;
    assert!(again.is_err(), "the dedupe key is still unique");

    // The old audit entry is kept and listed after a new one (the new one's seq is higher).
    db.holidays_replace(&HolidayCalendar { days: Vec::new() }, 60, "staff-2", 2000)
        .await
        .expect("a calendar save is audited");
    let all = AuditQuery::default();
    let total = db.audit_count(&all).await.expect("the audit log counts");
    assert_eq!(total, 2);
    let log = db
        .audit_list(&all, 1, total)
        .await
        .expect("the audit log reads");
    let actions: Vec<&str> = log.items.iter().map(|e| e.action.as_str()).collect();
    assert_eq!(actions, ["holidays.replace", "unit.update"]);
    assert_eq!(
        log.items[1].details.get("active").map(String::as_str),
        Some("false")
    );
}

#[tokio::test]
async fn a_sqlite_database_of_the_earlier_release_keeps_its_data() {
    let dir = tempfile::tempdir().expect("a temporary folder");
    let url = format!("sqlite://{}?mode=rwc", dir.path().join("old.db").display());
    upgrade_keeps_the_data(&url).await;
}

#[tokio::test]
async fn a_postgres_database_of_the_earlier_release_keeps_its_data() {
    let database = PostgresDatabase::create().await;
    upgrade_keeps_the_data(&database.url()).await;
}
