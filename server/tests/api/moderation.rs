//! Staff handle opinions along the chain 提出 → 审查 → 分办 → 签收 → 答复 → 评价 → 公开: each step
//! is checked against the chain, recorded in the timeline and written to the audit log.

use crate::bookings::{answer, bad_field, mobile, PHONE};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::notifications::staff;
use crate::opinions::{opinion_body, submitted};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    an_opinion_goes_the_whole_chain_to_its_rating_and_the_public_board,
    every_rejection_reason_is_kept_and_told_to_the_citizen,
    steps_out_of_order_are_409s_that_change_nothing,
    publishing_needs_the_authors_permission_and_closing_does_not,
    every_staff_action_is_audited_and_so_is_every_reveal_of_a_phone,
    a_bulk_action_answers_for_each_opinion_on_its_own,
    staff_enter_a_walk_in_citizens_opinion,
);

/// A new opinion from `phone` (anonymous when `None`); its tracking number.
pub(crate) async fn new_opinion(app: &TestApp, phone: Option<&str>, changes: Value) -> String {
    let mut body = opinion_body(phone, &[]);
    for (key, value) in changes.as_object().expect("an object") {
        body[key] = value.clone();
    }
    let key = format!("key-{}", rand_index());
    let receipt = submitted(app, &key, &body).await;
    receipt["tracking_number"]
        .as_str()
        .expect("a tracking number")
        .to_owned()
}

fn rand_index() -> usize {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static NEXT: AtomicUsize = AtomicUsize::new(0);
    NEXT.fetch_add(1, Ordering::Relaxed)
}

/// `POST /api/staff/opinions/{tracking}/{action}` as staff, with the token.
pub(crate) async fn act(
    app: &TestApp,
    staff: &Browser,
    tracking: &str,
    action: &str,
    body: Value,
) -> Response {
    let path = format!("/api/staff/opinions/{tracking}/{action}");
    app.send(staff.signed(app.request(Method::POST, &path).json(&body)))
        .await
}

/// An action that must succeed; the staff view it answers.
pub(crate) async fn acted(
    app: &TestApp,
    staff: &Browser,
    tracking: &str,
    action: &str,
    body: Value,
) -> Value {
    json_body(
        act(app, staff, tracking, action, body).await,
        StatusCode::OK,
    )
    .await
}

/// Takes an opinion from `submitted` through `replied` (unit `u-jtj`, class A).
pub(crate) async fn replied(app: &TestApp, staff: &Browser, tracking: &str) -> Value {
    acted(app, staff, tracking, "accept", json!({})).await;
    acted(
        app,
        staff,
        tracking,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    acted(app, staff, tracking, "acknowledge", json!({})).await;
    let reply = json!({ "class": "A", "text": "已在该站台加装遮阳棚。" });
    acted(app, staff, tracking, "reply", reply).await
}

/// `GET` a staff path; must be 200.
pub(crate) async fn staff_get(app: &TestApp, staff: &Browser, path: &str) -> Value {
    json_body(
        app.send(staff.cookie_only(app.get(path))).await,
        StatusCode::OK,
    )
    .await
}

/// The staff view of an opinion.
pub(crate) async fn staff_view(app: &TestApp, staff: &Browser, tracking: &str) -> Value {
    staff_get(app, staff, &format!("/api/staff/opinions/{tracking}")).await
}

/// The citizen's status page, in the session of `phone` (the opinion's).
pub(crate) async fn citizen_view(app: &TestApp, tracking: &str, phone: &str) -> Value {
    let session = app.citizen(phone).await;
    let request = session.cookie_only(app.get(&format!("/api/opinions/{tracking}")));
    json_body(app.send(request).await, StatusCode::OK).await
}

/// `POST /api/opinions/{tracking}/rating` in the session of `phone`.
pub(crate) async fn rate(app: &TestApp, tracking: &str, phone: &str, body: Value) -> Response {
    let session = app.citizen(phone).await;
    let path = format!("/api/opinions/{tracking}/rating");
    app.send(session.signed(app.request(Method::POST, &path).json(&body)))
        .await
}

/// The audit entries about a target, oldest first.
pub(crate) async fn audit_of(app: &TestApp, staff: &Browser, target: &str) -> Vec<Value> {
    let page = staff_get(app, staff, &format!("/api/staff/audit?target={target}")).await;
    let mut items = page["items"].as_array().expect("items").clone();
    items.reverse();
    items
}

fn strings(values: &Value, key: &str) -> Vec<String> {
    values
        .as_array()
        .expect("an array")
        .iter()
        .map(|v| v[key].as_str().unwrap_or_default().to_owned())
        .collect()
}

async fn an_opinion_goes_the_whole_chain_to_its_rating_and_the_public_board(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    let queue = staff_get(&app, &staff, "/api/staff/opinions").await;
    assert_eq!(queue["total"], 1);
    assert_eq!(queue["items"][0]["phone_masked"], "138******00");
    assert_eq!(queue["items"][0]["status"], "submitted");

    acted(
        &app,
        &staff,
        &tracking,
        "accept",
        json!({ "note": "已受理" }),
    )
    .await;
    let assigned = acted(
        &app,
        &staff,
        &tracking,
        "assign",
        json!({ "unit_ids": ["u-jtj", "u-zjj"] }),
    )
    .await;
    assert_eq!(assigned["summary"]["status"], "assigned");
    assert_eq!(
        strings(&assigned["summary"]["units"], "name"),
        ["市交通运输局", "市住房和城乡建设局"]
    );
    assert!(assigned["summary"]["due_date"].is_string());
    assert_eq!(assigned["summary"]["overdue"], false);
    acted(&app, &staff, &tracking, "acknowledge", json!({})).await;
    acted(
        &app,
        &staff,
        &tracking,
        "note",
        json!({ "text": "内部：已电话联系" }),
    )
    .await;
    let reply = json!({ "class": "A", "text": "已在该站台加装遮阳棚。" });
    let answered = acted(&app, &staff, &tracking, "reply", reply).await;
    assert_eq!(answered["reply"]["class"], "A");

    let before = citizen_view(&app, &tracking, PHONE).await;
    assert_eq!(before["status"], "replied");
    assert_eq!(before["reply"]["text"], "已在该站台加装遮阳棚。");
    assert_eq!(
        before["units"],
        json!(["市交通运输局", "市住房和城乡建设局"]),
        "the citizen sees who handles it"
    );
    let rated = json_body(
        rate(
            &app,
            &tracking,
            PHONE,
            json!({ "rating": "satisfied", "comment": "很快" }),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(rated["status"], "rated");
    assert_eq!(rated["rating"]["rating"], "satisfied");
    assert_eq!(
        strings(&rated["timeline"], "status"),
        [
            "submitted",
            "accepted",
            "assigned",
            "acknowledged",
            "replied",
            "rated"
        ],
        "the citizen sees no internal note"
    );
    assert!(!rated.to_string().contains("内部"));

    let published = acted(&app, &staff, &tracking, "publish", json!({})).await;
    assert_eq!(published["summary"]["status"], "published");
    let timeline = &published["timeline"];
    assert_eq!(
        strings(timeline, "kind"),
        [
            "submitted",
            "accepted",
            "assigned",
            "acknowledged",
            "note",
            "replied",
            "rated",
            "published"
        ]
    );
    let actors = strings(timeline, "actor_name");
    assert_eq!(actors[0], "市民");
    assert_eq!(actors[1], "Test staff");
    assert_eq!(actors[6], "市民");
    assert_eq!(timeline[4]["internal_note"], "内部：已电话联系");
    assert_eq!(timeline[1]["note"], "已受理");

    let board = json_body(
        app.send(app.get("/api/public/opinions")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(board["total"], 1);
    assert_eq!(board["items"][0]["tracking_number"], tracking.as_str());
    assert_eq!(board["items"][0]["rating"], "satisfied");
    assert_eq!(board["items"][0]["district"], "xincheng");
}

async fn every_rejection_reason_is_kept_and_told_to_the_citizen(app: TestApp) {
    let staff = staff(&app).await;
    let original = new_opinion(&app, Some(&mobile("1390000", 0)), json!({})).await;
    let reasons = [
        ("spam", None),
        ("abusive", None),
        ("duplicate", Some(original.clone())),
        ("out_of_scope", None),
        ("in_litigation", None),
    ];
    for (i, (reason, duplicate_of)) in reasons.iter().enumerate() {
        let phone = mobile("1390000", i + 1);
        let tracking = new_opinion(&app, Some(&phone), json!({})).await;
        let message = format!("不予受理：{reason}");
        let view = acted(
            &app,
            &staff,
            &tracking,
            "reject",
            json!({ "reason": reason, "duplicate_of": duplicate_of, "message": message }),
        )
        .await;
        assert_eq!(view["summary"]["status"], "rejected");
        assert_eq!(view["rejection"]["reason"], *reason);
        assert_eq!(
            view["rejection"]["duplicate_of"],
            duplicate_of.clone().map_or(Value::Null, Value::from)
        );
        let citizen = citizen_view(&app, &tracking, &phone).await;
        assert_eq!(citizen["status"], "rejected");
        assert_eq!(citizen["timeline"][1]["note"], message.as_str());
        let audit = audit_of(&app, &staff, &tracking).await;
        assert_eq!(audit[0]["action"], "opinion.reject");
        assert_eq!(audit[0]["details"]["reason"], *reason);
    }
    let other = new_opinion(&app, Some(&mobile("1390000", 9)), json!({})).await;
    let cases = [
        (
            json!({ "reason": "duplicate", "message": "重复" }),
            "duplicate_of",
        ),
        (
            json!({ "reason": "duplicate", "duplicate_of": "YJ20200101-0001", "message": "重复" }),
            "duplicate_of",
        ),
        (
            json!({ "reason": "duplicate", "duplicate_of": other, "message": "重复" }),
            "duplicate_of",
        ),
        (
            json!({ "reason": "spam", "duplicate_of": original, "message": "重复" }),
            "duplicate_of",
        ),
        (json!({ "reason": "spam", "message": " " }), "message"),
    ];
    for (body, field) in cases {
        let case = body.to_string();
        bad_field(
            act(&app, &staff, &other, "reject", body).await,
            field,
            &case,
        )
        .await;
    }
    let refused = act(
        &app,
        &staff,
        &other,
        "reject",
        json!({ "reason": "weather", "message": "x" }),
    );
    bad_field(refused.await, "reason", "an unknown reason").await;
    assert_eq!(
        staff_view(&app, &staff, &other).await["summary"]["status"],
        "submitted"
    );
}

/// Expects a 409 for the step and returns its message.
async fn refused(app: &TestApp, staff: &Browser, tracking: &str, action: &str, body: Value) {
    let response = act(app, staff, tracking, action, body).await;
    let error = api_error(response, StatusCode::CONFLICT, "step_not_allowed").await;
    assert!(error["message"].as_str().unwrap().len() > 10, "{error}");
}

async fn steps_out_of_order_are_409s_that_change_nothing(app: TestApp) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    let reply = json!({ "class": "B", "text": "正在处理" });
    let extend = json!({ "reason": "需要协调", "working_days": 5 });
    for (action, body) in [
        ("assign", json!({ "unit_ids": ["u-jtj"] })),
        ("acknowledge", json!({})),
        ("reply", reply.clone()),
        ("extend", extend.clone()),
        ("publish", json!({})),
        ("close", json!({})),
    ] {
        refused(&app, &staff, &tracking, action, body).await;
    }
    let view = staff_view(&app, &staff, &tracking).await;
    assert_eq!(view["summary"]["status"], "submitted");
    assert_eq!(view["timeline"].as_array().unwrap().len(), 1);
    assert!(audit_of(&app, &staff, &tracking).await.is_empty());

    let rating = json!({ "rating": "fairly" });
    let early = rate(&app, &tracking, PHONE, rating.clone()).await;
    api_error(early, StatusCode::CONFLICT, "no_reply_yet").await;

    acted(&app, &staff, &tracking, "accept", json!({})).await;
    refused(&app, &staff, &tracking, "accept", json!({})).await;
    refused(
        &app,
        &staff,
        &tracking,
        "reject",
        json!({ "reason": "spam", "message": "x" }),
    )
    .await;
    refused(&app, &staff, &tracking, "reply", reply.clone()).await;
    acted(
        &app,
        &staff,
        &tracking,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    refused(
        &app,
        &staff,
        &tracking,
        "assign",
        json!({ "unit_ids": ["u-zjj"] }),
    )
    .await;
    refused(&app, &staff, &tracking, "reply", reply.clone()).await;
    acted(&app, &staff, &tracking, "acknowledge", json!({})).await;
    acted(&app, &staff, &tracking, "reply", reply.clone()).await;
    refused(&app, &staff, &tracking, "reply", reply).await;
    refused(&app, &staff, &tracking, "extend", extend).await;

    // Another phone's session, or a wrong private token, rates nothing: the same 404 as for no
    // such opinion.
    let wrong = rate(&app, &tracking, "13900139000", rating.clone()).await;
    api_error(wrong, StatusCode::NOT_FOUND, "not_found").await;
    let path = format!("/api/opinions/{tracking}/rating");
    let token = json!({ "rating": "fairly", "private_token": "not-the-token" });
    let wrong = app.request(Method::POST, &path).json(&token);
    api_error(app.send(wrong).await, StatusCode::NOT_FOUND, "not_found").await;
    json_body(
        rate(&app, &tracking, PHONE, rating.clone()).await,
        StatusCode::OK,
    )
    .await;
    let again = rate(&app, &tracking, PHONE, rating).await;
    api_error(again, StatusCode::CONFLICT, "already_rated").await;

    acted(&app, &staff, &tracking, "close", json!({})).await;
    refused(&app, &staff, &tracking, "publish", json!({})).await;
    let notes_still = acted(
        &app,
        &staff,
        &tracking,
        "note",
        json!({ "text": "结案后备注" }),
    )
    .await;
    assert_eq!(notes_still["summary"]["status"], "closed");
    let missing = act(&app, &staff, "YJ20200101-0001", "accept", json!({})).await;
    api_error(missing, StatusCode::NOT_FOUND, "not_found").await;
}

async fn publishing_needs_the_authors_permission_and_closing_does_not(app: TestApp) {
    let staff = staff(&app).await;
    let private = new_opinion(&app, Some(PHONE), json!({ "allow_publish": false })).await;
    replied(&app, &staff, &private).await;
    let response = act(&app, &staff, &private, "publish", json!({})).await;
    let error = api_error(response, StatusCode::CONFLICT, "publish_not_allowed").await;
    assert!(
        error["message"].as_str().unwrap().contains("did not allow"),
        "{error}"
    );
    let closed = acted(&app, &staff, &private, "close", json!({})).await;
    assert_eq!(closed["summary"]["status"], "closed");
    let board = json_body(
        app.send(app.get("/api/public/opinions")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(board["total"], 0);
}

async fn every_staff_action_is_audited_and_so_is_every_reveal_of_a_phone(app: TestApp) {
    let staff = staff(&app).await;
    let staff_id = staff.account["id"].as_str().unwrap().to_owned();
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    acted(&app, &staff, &tracking, "accept", json!({})).await;
    acted(
        &app,
        &staff,
        &tracking,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    acted(&app, &staff, &tracking, "acknowledge", json!({})).await;
    let extend = json!({ "reason": "需要跨部门协调", "working_days": 10 });
    acted(&app, &staff, &tracking, "extend", extend).await;
    acted(&app, &staff, &tracking, "note", json!({ "text": "已督办" })).await;
    acted(
        &app,
        &staff,
        &tracking,
        "reply",
        json!({ "class": "C", "text": "留作参考" }),
    )
    .await;
    acted(&app, &staff, &tracking, "publish", json!({})).await;

    let revealed = json_body(
        act(&app, &staff, &tracking, "reveal-phone", json!({})).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(revealed["phone"], PHONE);

    let audit = audit_of(&app, &staff, &tracking).await;
    assert_eq!(
        strings(&Value::from(audit.clone()), "action"),
        [
            "opinion.accept",
            "opinion.assign",
            "opinion.acknowledge",
            "opinion.extend",
            "opinion.note",
            "opinion.reply",
            "opinion.publish",
            "opinion.reveal_phone"
        ]
    );
    for entry in &audit {
        assert_eq!(entry["actor_account_id"], staff_id.as_str());
        assert_eq!(entry["actor_name"], "Test staff");
        assert!(entry["at_ms"].as_i64().unwrap() > 0);
    }
    assert_eq!(audit[1]["details"]["unit_ids"], "u-jtj");
    assert_eq!(audit[3]["details"]["internal_note"], "需要跨部门协调");
    assert_eq!(audit[5]["details"]["class"], "C");
    assert!(
        !audit[7].to_string().contains(PHONE),
        "the audit log does not copy the phone"
    );

    let anonymous = new_opinion(&app, None, json!({})).await;
    let nothing = act(&app, &staff, &anonymous, "reveal-phone", json!({})).await;
    api_error(nothing, StatusCode::NOT_FOUND, "not_found").await;
    assert!(audit_of(&app, &staff, &anonymous).await.is_empty());

    let by_actor = staff_get(&app, &staff, &format!("/api/staff/audit?actor={staff_id}")).await;
    assert_eq!(by_actor["total"], 8);
    let nobody = staff_get(&app, &staff, "/api/staff/audit?actor=nobody").await;
    assert_eq!(nobody["total"], 0);

    let stored: Vec<(String,)> = sqlx::query_as("SELECT action FROM audit_log")
        .fetch_all(&app.sql().await)
        .await
        .expect("the audit log is readable");
    assert_eq!(stored.len(), 8, "one row per action, written with it");
}

async fn a_bulk_action_answers_for_each_opinion_on_its_own(app: TestApp) {
    let staff = staff(&app).await;
    let first = new_opinion(&app, Some(&mobile("1370000", 1)), json!({})).await;
    let second = new_opinion(&app, Some(&mobile("1370000", 2)), json!({})).await;
    let rejected = new_opinion(&app, Some(&mobile("1370000", 3)), json!({})).await;
    acted(
        &app,
        &staff,
        &rejected,
        "reject",
        json!({ "reason": "spam", "message": "广告" }),
    )
    .await;
    let bulk = |body: Value| {
        staff.signed(
            app.request(Method::POST, "/api/staff/opinions/bulk")
                .json(&body),
        )
    };

    let (status, accepted) = answer(bulk(json!({
        "action": "accept",
        "trackings": [first, second.to_lowercase(), rejected, "YJ20200101-0001"],
    })))
    .await;
    assert_eq!(status, StatusCode::OK, "{accepted}");
    let results = accepted["results"].as_array().unwrap();
    assert_eq!(
        results
            .iter()
            .map(|r| r["ok"].as_bool().unwrap())
            .collect::<Vec<_>>(),
        [true, true, false, false]
    );
    assert_eq!(
        results[1]["tracking_number"],
        second.to_lowercase().as_str()
    );
    assert_eq!(results[1]["status"], "accepted");
    assert_eq!(results[2]["status"], "rejected");
    assert_eq!(results[2]["error"]["code"], "step_not_allowed");
    assert_eq!(results[3]["error"]["code"], "not_found");
    assert!(results[3].get("status").is_none());

    let (status, assigned) = answer(bulk(json!({
        "action": "assign", "trackings": [first, second], "unit_ids": ["u-jyj"],
    })))
    .await;
    assert_eq!(status, StatusCode::OK, "{assigned}");
    assert!(assigned["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["status"] == "assigned"));
    let view = staff_view(&app, &staff, &second).await;
    assert_eq!(view["summary"]["units"][0]["id"], "u-jyj");

    let (_, no_units) = answer(bulk(json!({ "action": "assign", "trackings": [first] }))).await;
    assert_eq!(no_units["results"][0]["error"]["field"], "unit_ids");
    let (_, closed) = answer(bulk(json!({ "action": "close", "trackings": [first] }))).await;
    assert_eq!(closed["results"][0]["error"]["code"], "step_not_allowed");
    let empty = app
        .send(bulk(json!({ "action": "close", "trackings": [] })))
        .await;
    bad_field(empty, "trackings", "no opinions").await;

    for tracking in [&first, &second] {
        let actions = strings(
            &Value::from(audit_of(&app, &staff, tracking).await),
            "action",
        );
        assert_eq!(actions, ["opinion.accept", "opinion.assign"]);
    }
}

async fn staff_enter_a_walk_in_citizens_opinion(app: TestApp) {
    let staff = staff(&app).await;
    let body = opinion_body(Some(PHONE), &[]);
    let request = staff.signed(app.request(Method::POST, "/api/staff/opinions").json(&body));
    let receipt = json_body(app.send(request).await, StatusCode::CREATED).await;
    let tracking = receipt["tracking_number"].as_str().unwrap();
    let view = staff_view(&app, &staff, tracking).await;
    assert_eq!(view["summary"]["channel"], "walk_in");
    assert_eq!(view["timeline"][0]["kind"], "submitted");
    assert_eq!(view["timeline"][0]["actor_name"], "Test staff");
    let audit = audit_of(&app, &staff, tracking).await;
    assert_eq!(audit[0]["action"], "opinion.walk_in");
    assert_eq!(
        citizen_view(&app, tracking, PHONE).await["status"],
        "submitted"
    );

    let online = new_opinion(&app, Some(&mobile("1360000", 1)), json!({})).await;
    assert_eq!(
        staff_view(&app, &staff, &online).await["summary"]["channel"],
        "online"
    );
    let no_consent = json!({ "consent": false });
    let mut refused_body = body.clone();
    refused_body["consent"] = no_consent["consent"].clone();
    let refused = staff.signed(
        app.request(Method::POST, "/api/staff/opinions")
            .json(&refused_body),
    );
    bad_field(app.send(refused).await, "consent", "no consent").await;
}
