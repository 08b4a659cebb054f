//! Text messages about opinions: an author who gave a phone is told, in the step's own
//! transaction, when the opinion is accepted, rejected, assigned, replied to, extended, closed or
//! published; never of an acknowledgement or an internal note; an anonymous author never;
//! a refused or rolled-back step tells of nothing.

use crate::bookings::{answer, bad_field, mobile, MASKED, PHONE};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::moderation::{act, acted, new_opinion, replied, staff_view};
use crate::notifications::{kinds, staff, RecordingSender};
use crate::opinions::{opinion_body, submitted};
use deputy_homes_server::outbox::run_once;
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    the_author_is_texted_at_every_step_they_should_hear_of_with_the_tracking_number_not_the_token,
    a_rejection_texts_the_reason_staff_gave,
    an_anonymous_opinion_is_texted_nothing,
    acknowledging_and_internal_notes_text_nothing_and_publishing_ends_the_story,
    a_bulk_accept_texts_each_opinion_with_a_phone_once,
    a_refused_or_rolled_back_step_texts_nothing,
    a_walk_in_opinion_with_a_phone_is_texted_too,
    the_worker_sends_an_opinions_message_to_the_phone_in_full,
);

/// `GET /api/notifications?opinion=TRACKING` as staff; must be 200.
async fn messages_about(app: &TestApp, staff: &Browser, tracking: &str) -> Vec<Value> {
    let request = staff.cookie_only(
        app.get("/api/notifications")
            .query(&[("opinion", tracking)]),
    );
    let list = json_body(app.send(request).await, StatusCode::OK).await;
    list.as_array().expect("an array").clone()
}

/// The text of the one message of this kind in a list.
fn text_of<'a>(list: &'a [Value], kind: &str) -> &'a str {
    let found: Vec<&Value> = list.iter().filter(|m| m["kind"] == kind).collect();
    assert_eq!(found.len(), 1, "one {kind} in {list:?}");
    found[0]["message"].as_str().expect("a text")
}

/// Every message in the outbox, as staff list it.
async fn outbox(app: &TestApp, staff: &Browser) -> Vec<Value> {
    let request = staff.cookie_only(app.get("/api/notifications"));
    let list = json_body(app.send(request).await, StatusCode::OK).await;
    list.as_array().expect("an array").clone()
}

/// A new opinion from `phone`; its tracking number and private token.
async fn opinion_with_token(app: &TestApp, key: &str, phone: Option<&str>) -> (String, String) {
    let receipt = submitted(app, key, &opinion_body(phone, &[])).await;
    let field = |name: &str| receipt[name].as_str().expect(name).to_owned();
    (field("tracking_number"), field("private_token"))
}

async fn the_author_is_texted_at_every_step_they_should_hear_of_with_the_tracking_number_not_the_token(
    app: TestApp,
) {
    let staff = staff(&app).await;
    let (tracking, token) = opinion_with_token(&app, "chain", Some(PHONE)).await;
    assert!(
        messages_about(&app, &staff, &tracking).await.is_empty(),
        "submitting texts nothing"
    );

    acted(
        &app,
        &staff,
        &tracking,
        "accept",
        json!({ "note": "已受理" }),
    )
    .await;
    let units = json!({ "unit_ids": ["u-jtj"] });
    let assigned = acted(&app, &staff, &tracking, "assign", units).await;
    let due = assigned["summary"]["due_date"]
        .as_str()
        .expect("a due date");
    acted(&app, &staff, &tracking, "acknowledge", json!({})).await;
    let extend = json!({ "reason": "需要跨部门协调", "working_days": 10 });
    let extended = acted(&app, &staff, &tracking, "extend", extend).await;
    let new_due = extended["summary"]["due_date"]
        .as_str()
        .expect("a due date");
    assert_ne!(due, new_due);
    let reply = json!({ "class": "B", "text": "已列入明年建设计划。" });
    acted(&app, &staff, &tracking, "reply", reply).await;
    acted(&app, &staff, &tracking, "close", json!({})).await;

    let list = messages_about(&app, &staff, &tracking.to_lowercase()).await;
    assert_eq!(
        kinds(&list),
        [
            "opinion_accepted",
            "opinion_assigned",
            "opinion_closed",
            "opinion_extended",
            "opinion_replied"
        ]
    );
    for message in &list {
        let text = message["message"].as_str().expect("a text");
        assert!(text.starts_with("【人大代表之家】"), "{text}");
        assert!(text.contains(&tracking), "{text} lacks the tracking number");
        assert!(
            text.contains("详情见专属链接或“我的”页"),
            "{text} lacks where to look it up"
        );
        assert!(!text.contains("8000"), "{text} names digits of the phone");
        assert!(!text.contains(&token), "{text} carries the private token");
        assert!(
            !text.contains("by-token"),
            "{text} carries the private link"
        );
        assert_eq!(message["tracking_number"], tracking.as_str());
        assert!(message.get("booking_code").is_none(), "{message}");
        assert_eq!(message["phone"], MASKED);
        assert_eq!(message["status"], "pending");
    }
    assert!(text_of(&list, "opinion_accepted").contains("已受理"));
    let assignment = text_of(&list, "opinion_assigned");
    assert!(
        assignment.contains("市交通运输局") && assignment.contains(due),
        "{assignment}"
    );
    let extension = text_of(&list, "opinion_extended");
    assert!(extension.contains(new_due), "{extension}");
    let reply = text_of(&list, "opinion_replied");
    assert!(reply.contains("B类"), "{reply}");
    assert!(text_of(&list, "opinion_closed").contains("办结"));

    let stored: Vec<(String,)> =
        sqlx::query_as("SELECT phone FROM notifications WHERE tracking_number = $1")
            .bind(&tracking)
            .fetch_all(&app.sql().await)
            .await
            .expect("the outbox is readable");
    assert!(stored.iter().all(|(phone,)| phone == PHONE), "{stored:?}");
}

async fn a_rejection_texts_the_reason_staff_gave(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    let reject = json!({ "reason": "in_litigation", "message": "该事项已进入诉讼程序。" });
    acted(&app, &staff, &tracking, "reject", reject).await;
    let list = messages_about(&app, &staff, &tracking).await;
    assert_eq!(kinds(&list), ["opinion_rejected"]);
    let text = text_of(&list, "opinion_rejected");
    assert!(
        text.contains("不予受理") && text.contains("该事项已进入诉讼程序"),
        "{text}"
    );
}

async fn an_anonymous_opinion_is_texted_nothing(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, None, json!({})).await;
    replied(&app, &staff, &tracking).await;
    acted(&app, &staff, &tracking, "publish", json!({})).await;
    let rejected = new_opinion(&app, None, json!({})).await;
    let reject = json!({ "reason": "spam", "message": "广告" });
    acted(&app, &staff, &rejected, "reject", reject).await;
    assert!(outbox(&app, &staff).await.is_empty());
}

async fn acknowledging_and_internal_notes_text_nothing_and_publishing_ends_the_story(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    acted(&app, &staff, &tracking, "accept", json!({})).await;
    let note = json!({ "text": "内部：已电话联系" });
    acted(&app, &staff, &tracking, "note", note.clone()).await;
    let units = json!({ "unit_ids": ["u-jtj"] });
    acted(&app, &staff, &tracking, "assign", units).await;
    let before = messages_about(&app, &staff, &tracking).await.len();
    assert_eq!(before, 2, "accepted and assigned");

    acted(&app, &staff, &tracking, "acknowledge", json!({})).await;
    acted(&app, &staff, &tracking, "note", note).await;
    assert_eq!(messages_about(&app, &staff, &tracking).await.len(), before);
    let reply = json!({ "class": "A", "text": "已在该站台加装遮阳棚。" });
    acted(&app, &staff, &tracking, "reply", reply).await;
    acted(&app, &staff, &tracking, "publish", json!({})).await;
    let list = messages_about(&app, &staff, &tracking).await;
    assert_eq!(
        kinds(&list),
        [
            "opinion_accepted",
            "opinion_assigned",
            "opinion_published",
            "opinion_replied"
        ],
        "publishing is the last step, so the author is told of it"
    );
    let published = text_of(&list, "opinion_published");
    assert!(
        published.contains("已办结") && published.contains("公开答复"),
        "{published}"
    );
}

async fn a_bulk_accept_texts_each_opinion_with_a_phone_once(app: TestApp) {
    let staff = staff(&app).await;
    let phones: Vec<String> = (1..=3).map(|i| mobile("1370000", i)).collect();
    let mut trackings = Vec::new();
    for phone in &phones {
        trackings.push(new_opinion(&app, Some(phone), json!({})).await);
    }
    let anonymous = new_opinion(&app, None, json!({})).await;
    let refused = new_opinion(&app, Some(&mobile("1370000", 9)), json!({})).await;
    let reject = json!({ "reason": "spam", "message": "广告" });
    acted(&app, &staff, &refused, "reject", reject).await;

    let mut named = trackings.clone();
    named.extend([anonymous.clone(), refused.clone()]);
    let request = staff.signed(
        app.request(Method::POST, "/api/staff/opinions/bulk")
            .json(&json!({ "action": "accept", "trackings": named })),
    );
    let (status, results) = answer(request).await;
    assert_eq!(status, StatusCode::OK, "{results}");
    let oks: Vec<bool> = results["results"]
        .as_array()
        .expect("results")
        .iter()
        .map(|r| r["ok"].as_bool().expect("ok"))
        .collect();
    assert_eq!(oks, [true, true, true, true, false]);

    for (tracking, phone) in trackings.iter().zip(&phones) {
        let list = messages_about(&app, &staff, tracking).await;
        assert_eq!(kinds(&list), ["opinion_accepted"], "{tracking}");
        assert_eq!(
            list[0]["phone"],
            format!("{}******{}", &phone[..3], &phone[9..])
        );
        assert!(text_of(&list, "opinion_accepted").contains(tracking.as_str()));
    }
    assert!(messages_about(&app, &staff, &anonymous).await.is_empty());
    let refused_list = messages_about(&app, &staff, &refused).await;
    assert_eq!(
        kinds(&refused_list),
        ["opinion_rejected"],
        "the refusal adds none"
    );
    // Besides the authors' verification codes (they verified their phones to send).
    let about_opinions = outbox(&app, &staff)
        .await
        .into_iter()
        .filter(|m| m["kind"] != "verification_code")
        .count();
    assert_eq!(about_opinions, 4);
}

async fn a_refused_or_rolled_back_step_texts_nothing(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    let early = act(&app, &staff, &tracking, "close", json!({})).await;
    api_error(early, StatusCode::CONFLICT, "step_not_allowed").await;
    acted(&app, &staff, &tracking, "accept", json!({})).await;
    let again = act(&app, &staff, &tracking, "accept", json!({})).await;
    api_error(again, StatusCode::CONFLICT, "step_not_allowed").await;
    assert_eq!(messages_about(&app, &staff, &tracking).await.len(), 1);

    // The first unit is stored before the second is found unknown: the whole step rolls back.
    let half = json!({ "unit_ids": ["u-jtj", "u-nowhere"] });
    let unknown_unit = act(&app, &staff, &tracking, "assign", half).await;
    bad_field(unknown_unit, "unit_ids", "an unknown unit").await;
    let view = staff_view(&app, &staff, &tracking).await;
    assert_eq!(view["summary"]["status"], "accepted");
    assert_eq!(view["summary"]["units"], json!([]), "rolled back");

    acted(
        &app,
        &staff,
        &tracking,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    let too_late = json!({ "reason": "协调", "due_date": "2099-01-01" });
    let extension = act(&app, &staff, &tracking, "extend", too_late).await;
    bad_field(extension, "due_date", "beyond twice the working days").await;
    let list = messages_about(&app, &staff, &tracking).await;
    assert_eq!(kinds(&list), ["opinion_accepted", "opinion_assigned"]);
}

async fn a_walk_in_opinion_with_a_phone_is_texted_too(app: TestApp) {
    let staff = staff(&app).await;
    let body = opinion_body(Some(PHONE), &[]);
    let request = staff.signed(app.request(Method::POST, "/api/staff/opinions").json(&body));
    let receipt = json_body(app.send(request).await, StatusCode::CREATED).await;
    let tracking = receipt["tracking_number"]
        .as_str()
        .expect("a tracking number");
    assert!(messages_about(&app, &staff, tracking).await.is_empty());
    acted(&app, &staff, tracking, "accept", json!({})).await;
    let list = messages_about(&app, &staff, tracking).await;
    assert_eq!(kinds(&list), ["opinion_accepted"]);
    assert_eq!(list[0]["phone"], MASKED);
}

async fn the_worker_sends_an_opinions_message_to_the_phone_in_full(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    acted(&app, &staff, &tracking, "accept", json!({})).await;
    let sender = RecordingSender::default();
    let pass = run_once(&app.db().await, &sender, crate::bookings::now_ms())
        .await
        .expect("a pass");
    assert_eq!(
        pass.sent, 2,
        "the author's verification code, then the acceptance"
    );
    let sent: Vec<_> = sender
        .sent()
        .into_iter()
        .filter(|m| m.tracking_number.is_some())
        .collect();
    assert_eq!(sent.len(), 1, "{sent:?}");
    assert_eq!(sent[0].phone, PHONE);
    assert_eq!(sent[0].tracking_number.as_deref(), Some(tracking.as_str()));
    assert_eq!(sent[0].booking_code, None);
    assert!(sent[0].message.contains(&tracking));
    let list = messages_about(&app, &staff, &tracking).await;
    assert_eq!(list[0]["status"], "sent");

    let both = staff.cookie_only(
        app.get("/api/notifications")
            .query(&[("opinion", tracking.as_str()), ("booking", "ACD34X")]),
    );
    bad_field(app.send(both).await, "opinion", "a booking and an opinion").await;
}
