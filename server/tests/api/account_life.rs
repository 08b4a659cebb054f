//! The life of an account: staff disable one (its sessions end at once, it cannot sign in) and
//! enable it again; no one disables their own account; creating an account and changing a
//! delegate's homes are in the audit log too.

use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp, PASSWORD};
use deputy_homes_api::accounts::{NewAccount, Role};
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    a_disabled_account_loses_its_sessions_at_once_and_cannot_sign_in_until_enabled,
    creating_an_account_and_changing_its_homes_are_audited,
    a_staff_account_made_by_the_server_command_is_audited,
    an_account_changes_its_own_password_and_its_other_sessions_end,
    after_staff_reset_a_password_the_account_must_choose_a_new_one_before_anything_else,
);

async fn set_active(app: &TestApp, staff: &Browser, id: &str, active: bool) -> Response {
    let request = app
        .request(Method::PUT, &format!("/api/accounts/{id}/active"))
        .json(&json!({ "active": active }));
    app.send(staff.signed(request)).await
}

async fn session_status(app: &TestApp, browser: &Browser) -> StatusCode {
    app.send(browser.cookie_only(app.get("/api/session")))
        .await
        .status()
}

/// The `active` of account `id` in staff's `GET /api/accounts`.
async fn listed_active(app: &TestApp, staff: &Browser, id: &str) -> Value {
    let list = json_body(
        app.send(staff.cookie_only(app.get("/api/accounts"))).await,
        StatusCode::OK,
    )
    .await;
    list.as_array()
        .expect("a list")
        .iter()
        .find(|a| a["id"] == id)
        .map(|a| a["active"].clone())
        .expect("the account is listed")
}

async fn audit_actions(app: &TestApp, staff: &Browser, target: &str) -> Vec<Value> {
    let page = json_body(
        app.send(staff.cookie_only(app.get("/api/staff/audit").query(&[("target", target)])))
            .await,
        StatusCode::OK,
    )
    .await;
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|e| e["action"].clone())
        .collect()
}

async fn a_disabled_account_loses_its_sessions_at_once_and_cannot_sign_in_until_enabled(
    app: TestApp,
) {
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    let wang = app.signed_in_as("wang", Role::Delegate, &["xc-02"]).await;
    let phone_too = app.sign_in("wang", PASSWORD).await;
    let id = wang.account["id"].as_str().expect("an id").to_owned();
    assert_eq!(session_status(&app, &wang).await, StatusCode::OK);

    let account = json_body(set_active(&app, &staff, &id, false).await, StatusCode::OK).await;
    assert_eq!(account["username"], "wang");
    assert_eq!(account["active"], false, "the answer says it is disabled");
    assert_eq!(
        listed_active(&app, &staff, &id).await,
        false,
        "so does the list"
    );
    for session in [&wang, &phone_too] {
        assert_eq!(
            session_status(&app, session).await,
            StatusCode::UNAUTHORIZED
        );
    }
    let refused = app.sign_in_response("wang", PASSWORD).await;
    api_error(refused, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    // Its username stays taken.
    let taken = staff.signed(app.request(Method::POST, "/api/accounts").json(&json!({
        "username": "wang", "display_name": "王", "role": "delegate",
        "password": "a long enough password", "home_ids": [],
    })));
    api_error(app.send(taken).await, StatusCode::CONFLICT, "taken").await;

    let enabled = json_body(set_active(&app, &staff, &id, true).await, StatusCode::OK).await;
    assert_eq!(enabled["active"], true);
    assert_eq!(listed_active(&app, &staff, &id).await, true);
    let back = app.sign_in("wang", PASSWORD).await;
    assert_eq!(
        back.account["active"], true,
        "the session's account is active"
    );
    assert_eq!(session_status(&app, &back).await, StatusCode::OK);
    assert_eq!(
        audit_actions(&app, &staff, &format!("account:{id}")).await,
        [json!("account.enable"), json!("account.disable")],
        "newest first"
    );

    let own = staff.account["id"].as_str().expect("an id").to_owned();
    api_error(
        set_active(&app, &staff, &own, false).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    assert_eq!(session_status(&app, &staff).await, StatusCode::OK);
    api_error(
        set_active(&app, &staff, "no-such-account", false).await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    let by_delegate = set_active(&app, &back, &own, false).await;
    api_error(by_delegate, StatusCode::FORBIDDEN, "forbidden").await;
}

async fn creating_an_account_and_changing_its_homes_are_audited(app: TestApp) {
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    let created = staff.signed(app.request(Method::POST, "/api/accounts").json(&json!({
        "username": "zhao", "display_name": "赵", "role": "delegate",
        "password": "a long enough password", "home_ids": ["xc-02"],
    })));
    let account = json_body(app.send(created).await, StatusCode::CREATED).await;
    let id = account["id"].as_str().expect("an id").to_owned();
    let homes = staff.signed(
        app.request(Method::PUT, &format!("/api/accounts/{id}/homes"))
            .json(&json!({ "home_ids": ["xc-01", "xc-02"] })),
    );
    json_body(app.send(homes).await, StatusCode::OK).await;
    let page = json_body(
        app.send(
            staff.cookie_only(
                app.get("/api/staff/audit")
                    .query(&[("target", format!("account:{id}"))]),
            ),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 2, "{page}");
    assert_eq!(items[0]["action"], "account.homes");
    assert_eq!(items[0]["details"]["home_ids"], "xc-01,xc-02");
    assert_eq!(items[1]["action"], "account.create");
    assert_eq!(items[1]["details"]["username"], "zhao");
    for item in items {
        assert_eq!(item["actor_account_id"], staff.account["id"], "{item}");
    }
}

async fn a_staff_account_made_by_the_server_command_is_audited(app: TestApp) {
    let new = NewAccount {
        username: "gao".into(),
        display_name: "高".into(),
        role: Role::Staff,
        phone: None,
        password: "a long enough password".into(),
        home_ids: Vec::new(),
    };
    let made = deputy_homes_server::accounts::rules::create_by_command(
        &app.db().await,
        &new,
        app.clock.now_ms(),
    )
    .await
    .expect("the command creates it");
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    let page = json_body(
        app.send(
            staff.cookie_only(
                app.get("/api/staff/audit")
                    .query(&[("target", format!("account:{}", made.id))]),
            ),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    let items = page["items"].as_array().expect("items");
    assert_eq!(items.len(), 1, "{page}");
    assert_eq!(items[0]["action"], "account.create");
    assert_eq!(items[0]["actor_account_id"], "command-line");
    assert_eq!(items[0]["details"]["role"], "staff");
}

async fn an_account_changes_its_own_password_and_its_other_sessions_end(app: TestApp) {
    let here = app.signed_in_as("wang", Role::Delegate, &["xc-02"]).await;
    let elsewhere = app.sign_in("wang", PASSWORD).await;
    let change = |current: &str, new: &str| {
        here.signed(
            app.request(Method::PUT, "/api/session/password")
                .json(&json!({ "password": current, "new_password": new })),
        )
    };
    let wrong = app
        .send(change("not the password", "a new long password"))
        .await;
    let error = api_error(wrong, StatusCode::BAD_REQUEST, "bad_credentials").await;
    assert_eq!(error["field"], "password");
    let short = app.send(change(PASSWORD, "short")).await;
    let error = api_error(short, StatusCode::BAD_REQUEST, "bad_parameter").await;
    assert_eq!(error["field"], "new_password");
    assert_eq!(
        session_status(&app, &elsewhere).await,
        StatusCode::OK,
        "refusals change nothing"
    );

    let done = app.send(change(PASSWORD, "a new long password")).await;
    assert_eq!(done.status(), StatusCode::NO_CONTENT);
    assert_eq!(session_status(&app, &here).await, StatusCode::OK);
    assert_eq!(
        session_status(&app, &elsewhere).await,
        StatusCode::UNAUTHORIZED
    );
    let old = app.sign_in_response("wang", PASSWORD).await;
    api_error(old, StatusCode::UNAUTHORIZED, "bad_credentials").await;
    app.sign_in("wang", "a new long password").await;

    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    let id = here.account["id"].as_str().expect("an id");
    assert_eq!(
        audit_actions(&app, &staff, &format!("account:{id}")).await,
        [json!("account.password")]
    );
    let signed_out = app.request(Method::PUT, "/api/session/password");
    let signed_out =
        signed_out.json(&json!({ "password": PASSWORD, "new_password": "x".repeat(12) }));
    api_error(
        app.send(signed_out).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
}

async fn after_staff_reset_a_password_the_account_must_choose_a_new_one_before_anything_else(
    app: TestApp,
) {
    let staff = app.signed_in_as("chen", Role::Staff, &[]).await;
    let wang = app.signed_in_as("wang", Role::Delegate, &["xc-02"]).await;
    let id = wang.account["id"].as_str().expect("an id").to_owned();
    let reset = |password: &str| {
        staff.signed(
            app.request(Method::PUT, &format!("/api/accounts/{id}/password"))
                .json(&json!({ "password": password })),
        )
    };
    let short = api_error(
        app.send(reset("short")).await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    assert_eq!(short["field"], "password");
    assert_eq!(
        app.send(reset("a temporary password")).await.status(),
        StatusCode::NO_CONTENT
    );
    assert_eq!(
        session_status(&app, &wang).await,
        StatusCode::UNAUTHORIZED,
        "its sessions end"
    );
    api_error(
        app.sign_in_response("wang", PASSWORD).await,
        StatusCode::UNAUTHORIZED,
        "bad_credentials",
    )
    .await;

    let response = app.sign_in_response("wang", "a temporary password").await;
    let session = json_body(response, StatusCode::OK).await;
    assert_eq!(session["must_change_password"], true, "{session}");
    let temporary = app.sign_in("wang", "a temporary password").await;
    let roster = app
        .send(temporary.cookie_only(app.get("/api/delegate/opinions")))
        .await;
    api_error(roster, StatusCode::FORBIDDEN, "forbidden").await;
    let change = temporary.signed(app.request(Method::PUT, "/api/session/password").json(
        &json!({ "password": "a temporary password", "new_password": "wang's own password" }),
    ));
    assert_eq!(app.send(change).await.status(), StatusCode::NO_CONTENT);
    let list = app
        .send(temporary.cookie_only(app.get("/api/delegate/opinions")))
        .await;
    assert_eq!(list.status(), StatusCode::OK);
    let session = json_body(
        app.sign_in_response("wang", "wang's own password").await,
        StatusCode::OK,
    )
    .await;
    assert!(session.get("must_change_password").is_none(), "{session}");
    let audit = audit_actions(&app, &staff, &format!("account:{id}")).await;
    assert_eq!(
        audit,
        [json!("account.password"), json!("account.password_reset")]
    );
    let own = staff.account["id"].as_str().expect("an id").to_owned();
    let own_reset = staff.signed(
        app.request(Method::PUT, &format!("/api/accounts/{own}/password"))
            .json(&json!({ "password": "a temporary password" })),
    );
    api_error(
        app.send(own_reset).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
}
