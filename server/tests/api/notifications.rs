//! The outbox of text messages: every change to a booking enqueues its message in the same
//! transaction; staff read them; the worker sends them, retries failures with backoff, enqueues
//! the day-before reminder once, and never sends one message twice.

use crate::activities::{date_in, home_name};
use crate::bookings::{
    activity, activity_from_noon, book, booked, booked_count, cancelled, code_of, delegate, mobile,
    noon_tomorrow, status_of, MASKED, PHONE,
};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp, PASSWORD};
use deputy_homes_api::accounts::Role;
use deputy_homes_server::outbox::{
    run_once, run_pass, LogSender, Outgoing, Pass, Sender, LEASE_MS, MAX_ATTEMPTS,
};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};
use std::collections::HashSet;
use std::sync::Mutex;

on_both_databases!(
    booking_waitlisting_cancelling_and_promotion_each_enqueue_their_message_in_chinese,
    cancelling_an_activity_cancels_every_booking_and_tells_each_why,
    staff_read_the_messages_newest_first_with_phones_masked_and_others_may_not,
    a_failed_send_stays_pending_and_is_sent_on_the_first_pass_after_the_backoff,
    a_message_is_given_up_after_eight_failed_attempts,
    the_day_before_reminder_is_enqueued_once_per_booking_however_often_the_worker_runs,
    two_workers_passing_at_once_send_each_message_exactly_once,
    each_message_is_leased_from_its_own_claim_however_slow_the_gateway,
);

/// A signed-in staff member.
pub(crate) async fn staff(app: &TestApp) -> Browser {
    app.signed_in_as("staff", Role::Staff, &[]).await
}

/// Verifies the phones before a scenario books with them, and sends their codes, so the pending
/// messages are only those the scenario makes.
pub(crate) async fn verified_first(app: &TestApp, phones: &[String]) {
    for phone in phones {
        app.citizen(phone).await;
    }
    let db = app.db().await;
    let mut sent = 0;
    // A pass sends a batch at a time.
    loop {
        let pass = run_once(&db, &LogSender, app.clock.now_ms())
            .await
            .expect("a pass");
        if pass.sent == 0 {
            break;
        }
        sent += pass.sent;
    }
    assert_eq!(sent, phones.len(), "the verification codes");
}

/// `GET /api/notifications?booking=CODE` as staff; must be 200.
pub(crate) async fn messages_for(app: &TestApp, staff: &Browser, code: &str) -> Vec<Value> {
    let request = staff.cookie_only(app.get("/api/notifications").query(&[("booking", code)]));
    let list = json_body(app.send(request).await, StatusCode::OK).await;
    list.as_array().expect("an array").clone()
}

/// The kinds of a list of messages, sorted.
pub(crate) fn kinds(list: &[Value]) -> Vec<String> {
    let mut kinds: Vec<String> = list
        .iter()
        .map(|m| m["kind"].as_str().expect("a kind").to_owned())
        .collect();
    kinds.sort();
    kinds
}

fn text(message: &Value) -> &str {
    message["message"].as_str().expect("a message text")
}

/// The one message of this kind in a list.
fn one<'a>(list: &'a [Value], kind: &str) -> &'a Value {
    let found: Vec<&Value> = list.iter().filter(|m| m["kind"] == kind).collect();
    assert_eq!(found.len(), 1, "one {kind} in {list:?}");
    found[0]
}

/// A sender that fails every time.
struct FailingSender;

impl Sender for FailingSender {
    async fn send(&self, _: &Outgoing) -> anyhow::Result<()> {
        anyhow::bail!("gateway unreachable")
    }
}

/// A sender that records what it sends.
#[derive(Default)]
pub(crate) struct RecordingSender(Mutex<Vec<Outgoing>>);

impl Sender for RecordingSender {
    async fn send(&self, notification: &Outgoing) -> anyhow::Result<()> {
        self.0
            .lock()
            .expect("the record")
            .push(notification.clone());
        Ok(())
    }
}

impl RecordingSender {
    pub(crate) fn sent(&self) -> Vec<Outgoing> {
        self.0.lock().expect("the record").clone()
    }
}

/// (status, attempts, last_error, next_attempt_at_ms) of every stored message of a booking.
async fn stored(app: &TestApp, code: &str) -> Vec<(String, i64, Option<String>, i64)> {
    sqlx::query_as(
        "SELECT status, attempts, last_error, next_attempt_at_ms FROM notifications WHERE booking_code = $1",
    )
    .bind(code)
    .fetch_all(&app.sql().await)
    .await
    .expect("the outbox is readable")
}

async fn booking_waitlisting_cancelling_and_promotion_each_enqueue_their_message_in_chinese(
    app: TestApp,
) {
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 1, 10).await;
    let seat = code_of(&booked(&app, &id, PHONE, "booked").await);
    let waiting = code_of(&booked(&app, &id, "13900139000", "waitlisted").await);

    let list = messages_for(&app, &staff, &seat).await;
    assert_eq!(kinds(&list), ["confirmation"]);
    assert_eq!(
        text(&list[0]),
        format!(
            "【人大代表之家】您已预约 {} 09:00 {} 接待日，预约码 {seat}。",
            date_in(10),
            home_name("xc-02")
        )
    );
    assert_eq!(list[0]["phone"], MASKED);
    assert_eq!(list[0]["status"], "pending");
    assert_eq!(list[0]["attempts"], 0);
    assert!(list[0].get("sent_at_ms").is_none(), "not sent yet");
    let waitlisted = messages_for(&app, &staff, &waiting).await;
    assert!(text(one(&waitlisted, "confirmation")).contains("候补"));

    cancelled(&app, &seat, PHONE).await;
    let list = messages_for(&app, &staff, &seat).await;
    assert_eq!(kinds(&list), ["cancellation", "confirmation"]);
    let cancellation = text(one(&list, "cancellation"));
    assert!(
        cancellation.contains("取消") && cancellation.contains(&seat),
        "{cancellation}"
    );

    let list = messages_for(&app, &staff, &waiting).await;
    assert_eq!(kinds(&list), ["confirmation", "promotion"]);
    let promotion = text(one(&list, "promotion"));
    for part in [waiting.as_str(), &date_in(10), "09:00", &home_name("xc-02")] {
        assert!(promotion.contains(part), "{promotion} lacks {part}");
    }

    // A refused booking enqueues nothing.
    api_error(
        book(&app, &id, "13900139000").await,
        StatusCode::CONFLICT,
        "already_booked",
    )
    .await;
    let all = json_body(
        app.send(staff.cookie_only(app.get("/api/notifications")))
            .await,
        StatusCode::OK,
    )
    .await;
    // The four messages about bookings, and the codes the two phones verified with.
    assert_eq!(all.as_array().expect("an array").len(), 6);
}

async fn cancelling_an_activity_cancels_every_booking_and_tells_each_why(app: TestApp) {
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 2, 10).await;
    let other = activity(&app, &wang, 2, 11).await;
    let phones = [PHONE, "13900139000", "13700137000"];
    let mut codes = Vec::new();
    for (phone, status) in phones.iter().zip(["booked", "booked", "waitlisted"]) {
        codes.push(code_of(&booked(&app, &id, phone, status).await));
    }
    let elsewhere = code_of(&booked(&app, &other, PHONE, "booked").await);

    let request = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{id}/cancel")))
        .json(&json!({ "reason": "代表外出开会" }));
    let activity = json_body(app.send(request).await, StatusCode::OK).await;
    assert_eq!(activity["seats_left"], 2, "the seats are free again");
    assert_eq!(booked_count(&app.sql().await, &id).await, 0);

    for (code, phone) in codes.iter().zip(phones) {
        assert_eq!(status_of(&app, code, phone).await, "cancelled", "{code}");
        let list = messages_for(&app, &staff, code).await;
        assert_eq!(kinds(&list), ["activity_cancelled", "confirmation"]);
        let message = text(one(&list, "activity_cancelled"));
        assert!(
            message.contains("代表外出开会") && message.contains(code.as_str()),
            "{message}"
        );
    }
    assert_eq!(status_of(&app, &elsewhere, PHONE).await, "booked");
    assert_eq!(
        kinds(&messages_for(&app, &staff, &elsewhere).await),
        ["confirmation"]
    );
    api_error(
        crate::bookings::cancel(&app, &codes[0], PHONE).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}

async fn staff_read_the_messages_newest_first_with_phones_masked_and_others_may_not(app: TestApp) {
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    // Their verification codes are older than every message about a booking.
    let first: Vec<String> = (0..3).map(|i| mobile("1380000", i)).collect();
    let later: Vec<String> = (0..198).map(|i| mobile("1391111", i)).collect();
    verified_first(&app, &[first, later].concat()).await;
    let mut codes = Vec::new();
    for i in 0..3 {
        codes.push(code_of(
            &booked(&app, &id, &mobile("1380000", i), "booked").await,
        ));
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let list = json_body(
        app.send(staff.cookie_only(app.get("/api/notifications")))
            .await,
        StatusCode::OK,
    )
    .await;
    let listed: Vec<&str> = list
        .as_array()
        .expect("an array")
        .iter()
        .filter_map(|m| m["booking_code"].as_str())
        .collect();
    assert_eq!(listed, [&codes[2], &codes[1], &codes[0]], "newest first");
    assert_eq!(list[0]["phone"], "138******02");

    let typed = codes[1].to_lowercase();
    let one_booking = messages_for(&app, &staff, &typed).await;
    assert_eq!(one_booking.len(), 1, "a code typed in lower case filters");
    assert_eq!(one_booking[0]["booking_code"], codes[1].as_str());

    let anonymous = app.send(app.get("/api/notifications")).await;
    api_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    let as_delegate = app
        .send(wang.cookie_only(app.get("/api/notifications")))
        .await;
    api_error(as_delegate, StatusCode::FORBIDDEN, "forbidden").await;

    // 198 newer messages: the list shows the newest 200, so the oldest drops out.
    let busy = activity(&app, &wang, 500, 11).await;
    app.clock.advance(1000);
    let mut newest = String::new();
    for i in 0..198 {
        if i == 197 {
            app.clock.advance(1000);
        }
        newest = code_of(&booked(&app, &busy, &mobile("1391111", i), "booked").await);
    }
    let all = json_body(
        app.send(staff.cookie_only(app.get("/api/notifications")))
            .await,
        StatusCode::OK,
    )
    .await;
    let all: Vec<&str> = all
        .as_array()
        .expect("an array")
        .iter()
        .map(|m| m["booking_code"].as_str().expect("a code"))
        .collect();
    assert_eq!(all.len(), 200, "at most 200");
    assert_eq!(all[0], newest, "the newest first");
    assert_eq!(&all[198..], [&codes[2], &codes[1]], "the oldest left out");
}

async fn a_failed_send_stays_pending_and_is_sent_on_the_first_pass_after_the_backoff(app: TestApp) {
    let staff = staff(&app).await;
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    verified_first(&app, &[PHONE.to_owned()]).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    let db = app.db().await;
    let now = app.clock.now_ms();

    let pass = run_once(&db, &FailingSender, now).await.expect("a pass");
    assert_eq!(
        pass,
        Pass {
            retrying: 1,
            ..Pass::default()
        }
    );
    let rows = stored(&app, &code).await;
    assert_eq!(rows.len(), 1);
    let (status, attempts, error, next) = rows[0].clone();
    assert_eq!((status.as_str(), attempts), ("pending", 1));
    assert!(error.is_some_and(|e| e.contains("gateway unreachable")));
    assert_eq!(next, now + 60_000, "tried again in a minute");

    let sender = RecordingSender::default();
    let early = run_once(&db, &sender, now + 59_000).await.expect("a pass");
    assert_eq!(early, Pass::default(), "not due before the backoff");
    let after = run_once(&db, &sender, now + 61_000).await.expect("a pass");
    assert_eq!(after.sent, 1);
    let sent = sender.sent();
    assert_eq!(sent.len(), 1);
    assert_eq!(sent[0].phone, PHONE, "the sender gets the phone in full");
    assert_eq!(sent[0].booking_code.as_deref(), Some(code.as_str()));
    assert!(sent[0].message.contains(&code));

    let list = messages_for(&app, &staff, &code).await;
    assert_eq!(list[0]["status"], "sent");
    assert_eq!(list[0]["attempts"], 2);
    assert_eq!(list[0]["sent_at_ms"], now + 61_000);
    assert_eq!(stored(&app, &code).await[0].2, None, "the error is cleared");
    let again = run_once(&db, &sender, now + 3_600_000)
        .await
        .expect("a pass");
    assert_eq!(again, Pass::default(), "nothing is sent twice");
    assert_eq!(sender.sent().len(), 1);
}

async fn a_message_is_given_up_after_eight_failed_attempts(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    verified_first(&app, &[PHONE.to_owned()]).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    let db = app.db().await;
    let mut now = app.clock.now_ms();
    for attempt in 1..=MAX_ATTEMPTS {
        let pass = run_once(&db, &FailingSender, now).await.expect("a pass");
        let expected = match attempt < MAX_ATTEMPTS {
            true => Pass {
                retrying: 1,
                ..Pass::default()
            },
            false => Pass {
                given_up: 1,
                ..Pass::default()
            },
        };
        assert_eq!(pass, expected, "attempt {attempt}");
        now = stored(&app, &code).await[0].3.min(now + 1_000_000_000);
    }
    let rows = stored(&app, &code).await;
    assert_eq!(
        (rows[0].0.as_str(), rows[0].1),
        ("failed", i64::from(MAX_ATTEMPTS))
    );
    let sender = RecordingSender::default();
    let later = run_once(&db, &sender, now + 86_400_000)
        .await
        .expect("a pass");
    assert_eq!(later, Pass::default());
}

async fn the_day_before_reminder_is_enqueued_once_per_booking_however_often_the_worker_runs(
    app: TestApp,
) {
    staff(&app).await;
    let wang = delegate(&app).await;
    let soon = activity_from_noon(&app, &wang, 10 * 60, 1).await;
    let later = activity(&app, &wang, 5, 3).await;
    let seat = code_of(&booked(&app, &soon, PHONE, "booked").await);
    let waiting = code_of(&booked(&app, &soon, "13900139000", "waitlisted").await);
    let gone = code_of(&booked(&app, &soon, "13700137000", "waitlisted").await);
    cancelled(&app, &gone, "13700137000").await;
    let far = code_of(&booked(&app, &later, PHONE, "booked").await);
    // The first activity starts in 10 hours, the second in about two days.
    app.move_clock_to(noon_tomorrow());
    let staff = app.sign_in("staff", PASSWORD).await;
    let db = app.db().await;
    let sender = RecordingSender::default();
    let now = app.clock.now_ms();

    let first = run_once(&db, &sender, now).await.expect("a pass");
    assert_eq!(
        first.reminders_enqueued, 2,
        "the live bookings within a day"
    );
    let second = run_once(&db, &sender, now + 5_000).await.expect("a pass");
    let concurrent = tokio::join!(
        run_once(&db, &sender, now + 10_000),
        run_once(&db, &sender, now + 10_000)
    );
    assert_eq!(second.reminders_enqueued, 0, "once only");
    assert_eq!(concurrent.0.expect("a pass").reminders_enqueued, 0);
    assert_eq!(concurrent.1.expect("a pass").reminders_enqueued, 0);

    let reminder = |list: Vec<Value>| {
        list.into_iter()
            .filter(|m| m["kind"] == "reminder")
            .collect::<Vec<_>>()
    };
    let seated = reminder(messages_for(&app, &staff, &seat).await);
    assert_eq!(seated.len(), 1);
    assert!(text(&seated[0]).contains("提醒") && text(&seated[0]).contains(&seat));
    let waited = reminder(messages_for(&app, &staff, &waiting).await);
    assert_eq!(waited.len(), 1);
    assert!(text(&waited[0]).contains("候补"));
    assert!(reminder(messages_for(&app, &staff, &gone).await).is_empty());
    assert!(reminder(messages_for(&app, &staff, &far).await).is_empty());
    let reminders_sent = sender
        .sent()
        .iter()
        .filter(|n| n.message.contains("提醒"))
        .count();
    assert_eq!(reminders_sent, 2, "each sent once");
}

async fn two_workers_passing_at_once_send_each_message_exactly_once(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 30, 10).await;
    let phones: Vec<String> = (0..20).map(|i| mobile("1381111", i)).collect();
    verified_first(&app, &phones).await;
    for i in 0..20 {
        booked(&app, &id, &mobile("1381111", i), "booked").await;
    }
    let (one, two) = (app.db().await, app.db().await);
    let (first, second) = (RecordingSender::default(), RecordingSender::default());
    let now = app.clock.now_ms();
    let (a, b) = tokio::join!(run_once(&one, &first, now), run_once(&two, &second, now));
    let (a, b) = (a.expect("a pass"), b.expect("a pass"));
    assert_eq!(a.sent + b.sent, 20, "{a:?} {b:?}");
    let ids: Vec<String> = first
        .sent()
        .into_iter()
        .chain(second.sent())
        .map(|n| n.id)
        .collect();
    let distinct: HashSet<&String> = ids.iter().collect();
    assert_eq!(
        (ids.len(), distinct.len()),
        (20, 20),
        "each message sent once"
    );
}

/// A gateway that takes four minutes for each message (by the app's clock), and notes how long
/// each message's lease had left when its sending began.
struct SlowSender {
    clock: deputy_homes_server::platform::clock::Clock,
    pool: sqlx::AnyPool,
    lease_left_ms: Mutex<Vec<i64>>,
}

impl Sender for SlowSender {
    async fn send(&self, notification: &Outgoing) -> anyhow::Result<()> {
        let lease_until: i64 =
            sqlx::query_scalar("SELECT next_attempt_at_ms FROM notifications WHERE id = $1")
                .bind(&notification.id)
                .fetch_one(&self.pool)
                .await?;
        let left = lease_until - self.clock.now_ms();
        self.lease_left_ms.lock().expect("the record").push(left);
        self.clock.advance(4 * 60_000);
        Ok(())
    }
}

async fn each_message_is_leased_from_its_own_claim_however_slow_the_gateway(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let phones: Vec<String> = (0..3).map(|i| mobile("1390000", i)).collect();
    verified_first(&app, &phones).await;
    for i in 0..3 {
        booked(&app, &id, &mobile("1390000", i), "booked").await;
    }
    let sender = SlowSender {
        clock: app.clock.clone(),
        pool: app.sql().await,
        lease_left_ms: Mutex::new(Vec::new()),
    };
    let clock = app.clock.clone();
    let pass = run_pass(&app.db().await, &sender, || clock.now_ms())
        .await
        .expect("a pass");
    assert_eq!(pass.sent, 3);
    let left = sender.lease_left_ms.lock().expect("the record").clone();
    assert_eq!(left.len(), 3);
    for (i, ms) in left.iter().enumerate() {
        assert!(
            *ms > LEASE_MS - 60_000,
            "message {i} began sending with {ms} ms of its lease left, not nearly {LEASE_MS}: {left:?}"
        );
    }
}
