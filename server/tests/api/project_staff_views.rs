//! What staff see and set around a cycle besides its steps: a title the public pages show, and
//! how far the year-end evaluation has come (how many of the eligible delegates evaluated, the
//! window's state), never what anyone chose.

use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp};
use crate::notifications::staff;
use crate::projects::{adopted, cycle, days_ahead, delegates, evaluate, evaluation_window};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    staff_give_a_cycle_a_title_that_its_public_pages_carry,
    staff_follow_how_many_delegates_evaluated_but_never_what_they_chose,
);

async fn put_title(app: &TestApp, who: &Browser, cycle: &str, title: &str) -> reqwest::Response {
    let path = format!("/api/staff/project-cycles/{cycle}/title");
    app.send(
        who.signed(app.request(Method::PUT, &path))
            .json(&json!({ "title": title })),
    )
    .await
}

async fn public_cycle(app: &TestApp, id: &str) -> Value {
    json_body(
        app.send(app.get(&format!("/api/project-cycles/{id}")))
            .await,
        StatusCode::OK,
    )
    .await
}

async fn staff_give_a_cycle_a_title_that_its_public_pages_carry(app: TestApp) {
    let staff = staff(&app).await;
    let id = cycle(&app, &staff, "city").await;
    assert_eq!(public_cycle(&app, &id).await["cycle"]["title"], Value::Null);
    let title = "2027年 呼和浩特市民生实事项目";
    let saved = json_body(put_title(&app, &staff, &id, title).await, StatusCode::OK).await;
    assert_eq!(saved["title"], title, "{saved}");
    assert_eq!(public_cycle(&app, &id).await["cycle"]["title"], title);
    let listed = json_body(
        app.send(app.get("/api/project-cycles")).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(listed[0]["title"], title, "{listed}");
    // Too short, on two lines, by a delegate, or of no cycle: refused, and the title stays.
    for bad in ["短", "第一行\n第二行的标题"] {
        let refused = put_title(&app, &staff, &id, bad).await;
        let error = api_error(refused, StatusCode::BAD_REQUEST, "bad_parameter").await;
        assert_eq!(error["field"], "title", "{error}");
    }
    let delegate = delegates(&app, "titled", 1).await.remove(0);
    let refused = put_title(&app, &delegate, &id, "代表改的标题").await;
    api_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
    let refused = put_title(&app, &staff, "pc-none", title).await;
    api_error(refused, StatusCode::NOT_FOUND, "not_found").await;
    assert_eq!(public_cycle(&app, &id).await["cycle"]["title"], title);
}

async fn evaluation_of(app: &TestApp, who: &Browser, cycle: &str) -> reqwest::Response {
    let path = format!("/api/staff/project-cycles/{cycle}/evaluation");
    app.send(who.cookie_only(app.get(&path))).await
}

async fn staff_follow_how_many_delegates_evaluated_but_never_what_they_chose(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "counted", 3).await;
    let deadline = days_ahead(&app, 60);
    let (id, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    let state = json_body(evaluation_of(&app, &staff, &id).await, StatusCode::OK).await;
    assert_eq!(
        state,
        json!({ "cycle_id": id, "state": null, "eligible": 0, "evaluated": 0 })
    );
    api_error(
        evaluation_of(&app, &voters[0], &id).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    api_error(
        evaluation_of(&app, &staff, "pc-none").await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
    json_body(
        evaluation_window(&app, &staff, &id, "open").await,
        StatusCode::OK,
    )
    .await;
    let (a, b) = (projects[0].as_str(), projects[1].as_str());
    for (voter, choice) in voters[..2].iter().zip(["satisfied", "dissatisfied"]) {
        json_body(
            evaluate(&app, voter, &id, &[(a, choice), (b, choice)]).await,
            StatusCode::CREATED,
        )
        .await;
    }
    let answer = evaluation_of(&app, &staff, &id).await;
    let text = answer.text().await.expect("a body");
    let state: Value = serde_json::from_str(&text).expect("JSON");
    assert_eq!(
        state,
        json!({ "cycle_id": id, "state": "open", "eligible": 3, "evaluated": 2 })
    );
    for sealed in ["satisfied", "dissatisfied", a, b] {
        assert!(!text.contains(sealed), "the answer tells {sealed}: {text}");
    }
    json_body(
        evaluation_window(&app, &staff, &id, "closed").await,
        StatusCode::OK,
    )
    .await;
    let state = json_body(evaluation_of(&app, &staff, &id).await, StatusCode::OK).await;
    assert_eq!(state["state"], "closed");
    assert_eq!(state["evaluated"], 2);
}
