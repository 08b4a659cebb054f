//! The text with a verification code: staff never see the code in the outbox, the worker sends
//! it whole, and its parameters are erased once it is sent or given up.

use crate::helpers::{json_body, on_both_databases, Browser, TestApp};
use crate::notifications::{staff, RecordingSender};
use deputy_homes_server::outbox::templates::Message;
use deputy_homes_server::outbox::{
    notification_enqueue_verification, run_once, Outgoing, Pass, Sender, MAX_ATTEMPTS,
};
use reqwest::StatusCode;
use serde_json::Value;

on_both_databases!(
    staff_see_a_verification_message_with_the_code_hidden_and_it_is_erased_once_sent,
    a_verification_code_given_up_is_erased_too,
);

const PHONE: &str = "13800138000";
const CODE: &str = "493817";

/// Enqueues a verification code in a transaction of its own, as the verification flow will.
async fn enqueue_code(app: &TestApp) {
    let db = app.db().await;
    let mut tx = db.begin().await.expect("a transaction");
    notification_enqueue_verification(&mut tx, PHONE, CODE, 10, app.clock.now_ms())
        .await
        .expect("the code is enqueued");
    tx.commit().await.expect("committed");
}

/// `GET /api/notifications` as staff.
async fn outbox(app: &TestApp, staff: &Browser) -> Vec<Value> {
    let request = staff.cookie_only(app.get("/api/notifications"));
    let list = json_body(app.send(request).await, StatusCode::OK).await;
    list.as_array().expect("an array").clone()
}

/// (status, template, template_params) of the verification message.
async fn stored(app: &TestApp) -> (String, Option<String>, Option<String>) {
    sqlx::query_as(
        "SELECT status, template, template_params FROM notifications \
         WHERE kind = 'verification_code'",
    )
    .fetch_one(&app.sql().await)
    .await
    .expect("the message is stored")
}

async fn staff_see_a_verification_message_with_the_code_hidden_and_it_is_erased_once_sent(
    app: TestApp,
) {
    let staff = staff(&app).await;
    enqueue_code(&app).await;
    let list = outbox(&app, &staff).await;
    assert_eq!(list.len(), 1, "{list:?}");
    assert_eq!(list[0]["kind"], "verification_code");
    assert_eq!(
        list[0]["message"],
        "【人大代表之家】您的验证码为******，10分钟内有效，请勿告诉他人。"
    );
    assert_eq!(list[0]["phone"], "138******00");
    assert!(
        !list.iter().any(|m| m.to_string().contains(CODE)),
        "{list:?}"
    );
    let (_, template, parameters) = stored(&app).await;
    assert_eq!(template.as_deref(), Some("verification_code"));
    assert!(
        parameters.is_some_and(|p| p.contains(CODE)),
        "kept until sent"
    );

    let sender = RecordingSender::default();
    let db = app.db().await;
    let pass = run_once(&db, &sender, app.clock.now_ms())
        .await
        .expect("a pass");
    assert_eq!(pass.sent, 1);
    let sent = sender.sent();
    let message = Message::of(&sent[0])
        .expect("readable")
        .expect("a template");
    assert_eq!(
        message.text(),
        "【人大代表之家】您的验证码为493817，10分钟内有效，请勿告诉他人。",
        "the citizen's text has the code"
    );
    assert_eq!(message.values(), [CODE, "10"]);

    assert_eq!(
        stored(&app).await,
        (
            "sent".to_owned(),
            Some("verification_code".to_owned()),
            None
        )
    );
    assert!(!outbox(&app, &staff)
        .await
        .iter()
        .any(|m| m.to_string().contains(CODE)));
}

/// A sender that fails every time.
struct FailingSender;

impl Sender for FailingSender {
    async fn send(&self, _: &Outgoing) -> anyhow::Result<()> {
        anyhow::bail!("gateway unreachable")
    }
}

async fn a_verification_code_given_up_is_erased_too(app: TestApp) {
    enqueue_code(&app).await;
    let db = app.db().await;
    let mut now = app.clock.now_ms();
    for attempt in 1..=MAX_ATTEMPTS {
        let pass = run_once(&db, &FailingSender, now).await.expect("a pass");
        assert_eq!(pass.sent, 0, "attempt {attempt}");
        let (status, _, parameters) = stored(&app).await;
        match attempt < MAX_ATTEMPTS {
            true => assert!(parameters.is_some(), "kept for the retry {attempt}"),
            false => assert_eq!((status.as_str(), parameters), ("failed", None)),
        }
        now += 1_000_000_000;
    }
    assert_eq!(
        run_once(&db, &FailingSender, now).await.expect("a pass"),
        Pass::default()
    );
}
