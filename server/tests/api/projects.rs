//! Livelihood projects decided by the delegates' vote: a cycle from collection to its public
//! result, every refusal of the steps, supports and ballots sent at the same moment, the limits
//! per phone and address, and a read of every table and answer after a vote that finds no link
//! from a delegate to a choice.

use crate::bookings::{all_at_once, answer};
use crate::helpers::{api_error, json_body, on_both_databases, Backend, Browser, TestApp};
use crate::notifications::staff;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::projects::{WRITES_PER_ADDRESS_HOUR, WRITES_PER_PHONE_HOUR};
use deputy_homes_server::platform::auth::token_hash;
use reqwest::{Method, Response, StatusCode};
use serde_json::{json, Value};
use sqlx::Row;

on_both_databases!(
    a_cycle_runs_from_collection_to_a_public_result,
    proposals_need_a_verified_phone_and_an_open_collection_window,
    staff_merge_and_decline_proposals_and_nothing_is_deleted,
    a_list_without_more_candidates_than_places_does_not_open_the_vote,
    ballots_outside_the_window_of_another_congress_or_a_second_time_are_refused,
    supports_sent_at_once_by_one_phone_count_once,
    proposals_and_supports_are_limited_per_phone_and_per_address_when_raced,
    two_hundred_delegates_voting_at_once_are_each_counted_once,
    no_table_or_answer_links_a_delegate_to_a_choice,
);

const PROPOSER: &str = "13900139000";

/// Sends a state change as a browser, with its anti-forgery token.
async fn send(app: &TestApp, who: &Browser, method: Method, path: &str, body: Value) -> Response {
    app.send(who.signed(app.request(method, path)).json(&body))
        .await
}

async fn post(app: &TestApp, who: &Browser, path: &str, body: Value) -> Response {
    send(app, who, Method::POST, path, body).await
}

fn proposal_body(title: &str) -> Value {
    json!({
        "title": title,
        "what_and_where": "在赛罕区大学东街加装无障碍坡道和扶手",
        "beneficiaries": "附近老人和残疾人",
        "district": "saihan",
        "category": "elderly_care",
    })
}

fn candidate_body<S: serde::Serialize>(title: &str, proposals: &[S]) -> Value {
    json!({
        "title": format!("{title}民生项目"),
        "summary": "为全市老旧小区加装电梯，方便老人出行",
        "unit_id": "u-zjj",
        "budget_yuan": 5_000_000,
        "target": "加装 40 部电梯",
        "deadline": "2026-12-31",
        "proposals": proposals,
    })
}

/// A new cycle of the congress in 2026, by staff.
async fn cycle(app: &TestApp, staff: &Browser, congress: &str) -> String {
    let body = json!({ "congress": congress, "year": 2026 });
    let made = json_body(
        post(app, staff, "/api/staff/project-cycles", body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(made["phase"], "preparing", "{made}");
    made["id"].as_str().expect("an id").to_owned()
}

async fn phase(app: &TestApp, staff: &Browser, cycle: &str, next: &str) -> Response {
    let path = format!("/api/staff/project-cycles/{cycle}/phase");
    post(app, staff, &path, json!({ "phase": next })).await
}

async fn phase_ok(app: &TestApp, staff: &Browser, cycle: &str, next: &str) -> Value {
    let body = json_body(phase(app, staff, cycle, next).await, StatusCode::OK).await;
    assert_eq!(body["phase"], next, "{body}");
    body
}

async fn propose(app: &TestApp, citizen: &Browser, cycle: &str, title: &str) -> Response {
    let path = format!("/api/project-cycles/{cycle}/proposals");
    post(app, citizen, &path, proposal_body(title)).await
}

async fn proposed(app: &TestApp, citizen: &Browser, cycle: &str, title: &str) -> String {
    let body = json_body(
        propose(app, citizen, cycle, title).await,
        StatusCode::CREATED,
    )
    .await;
    body["tracking_number"]
        .as_str()
        .expect("a number")
        .to_owned()
}

async fn support(app: &TestApp, citizen: &Browser, tracking: &str) -> Response {
    let path = format!("/api/project-proposals/{tracking}/support");
    app.send(citizen.signed(app.request(Method::POST, &path)))
        .await
}

async fn add_candidate(app: &TestApp, staff: &Browser, cycle: &str, body: Value) -> Response {
    let path = format!("/api/staff/project-cycles/{cycle}/candidates");
    post(app, staff, &path, body).await
}

async fn to_adopt(app: &TestApp, staff: &Browser, cycle: &str, count: u32) -> Response {
    let path = format!("/api/staff/project-cycles/{cycle}/to-adopt");
    send(app, staff, Method::PUT, &path, json!({ "to_adopt": count })).await
}

async fn set_members(app: &TestApp, staff: &Browser, congress: &str, delegates: &[Browser]) {
    let ids: Vec<&str> = delegates
        .iter()
        .map(|d| d.account["id"].as_str().expect("an id"))
        .collect();
    let path = format!("/api/staff/congresses/{congress}/members");
    let body = json!({ "account_ids": ids });
    let saved = json_body(
        send(app, staff, Method::PUT, &path, body).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        saved["account_ids"].as_array().map(Vec::len),
        Some(ids.len())
    );
}

/// Delegates signed in as the app's users do.
async fn delegates(app: &TestApp, prefix: &str, count: usize) -> Vec<Browser> {
    let mut out = Vec::new();
    for i in 0..count {
        out.push(
            app.signed_in_as(&format!("{prefix}{i}"), Role::Delegate, &[])
                .await,
        );
    }
    out
}

/// Many delegates at once: accounts and sessions written straight into the database (a
/// password check per sign-in would take minutes), each session as the app keeps one.
async fn many_delegates(app: &TestApp, count: usize) -> Vec<Browser> {
    let sql = app.sql().await;
    let now = app.clock.now_ms();
    let mut out = Vec::new();
    for i in 0..count {
        let id = format!("acc-burst-{i:03}");
        sqlx::query(
            "INSERT INTO accounts (id, username, display_name, role, password_hash, created_at_ms) \
             VALUES ($1, $2, $3, 'delegate', 'no-password', $4)",
        )
        .bind(&id)
        .bind(format!("burst{i:03}"))
        .bind(format!("代表{i}"))
        .bind(now)
        .execute(&sql)
        .await
        .expect("an account");
        let token = format!("burst-session-{i:03}");
        let csrf = format!("burst-csrf-{i:03}");
        sqlx::query(
            "INSERT INTO sessions (token_hash, account_id, csrf_token, created_at_ms, expires_at_ms) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(token_hash(&token))
        .bind(&id)
        .bind(&csrf)
        .bind(now)
        .bind(now + 3_600_000)
        .execute(&sql)
        .await
        .expect("a session");
        out.push(Browser {
            cookie: format!("dh_session={token}"),
            csrf_token: csrf,
            account: json!({ "id": id }),
        });
    }
    out
}

/// A cycle of `congress` with its vote open: `candidates` on the list (each from its own
/// proposal), `places` to adopt, `voters` its electors. Answers the cycle and the candidates.
async fn open_vote(
    app: &TestApp,
    staff: &Browser,
    congress: &str,
    voters: &[Browser],
    candidates: usize,
    places: u32,
) -> (String, Vec<String>) {
    set_members(app, staff, congress, voters).await;
    let id = cycle(app, staff, congress).await;
    phase_ok(app, staff, &id, "collecting").await;
    let citizen = app.citizen(PROPOSER).await;
    let mut numbers = Vec::new();
    for i in 0..candidates {
        numbers.push(proposed(app, &citizen, &id, &format!("项目建议{i}")).await);
    }
    phase_ok(app, staff, &id, "shortlisting").await;
    let mut ids = Vec::new();
    for (i, number) in numbers.iter().enumerate() {
        let body = candidate_body(&format!("候选项目{i}"), &[number]);
        let added = json_body(
            add_candidate(app, staff, &id, body).await,
            StatusCode::CREATED,
        )
        .await;
        ids.push(added["id"].as_str().expect("an id").to_owned());
    }
    json_body(to_adopt(app, staff, &id, places).await, StatusCode::OK).await;
    let opened = phase_ok(app, staff, &id, "voting").await;
    assert_eq!(opened["eligible"], voters.len(), "{opened}");
    (id, ids)
}

async fn vote<S: serde::Serialize>(
    app: &TestApp,
    delegate: &Browser,
    cycle: &str,
    choices: &[S],
) -> Response {
    let path = format!("/api/delegate/project-cycles/{cycle}/ballot");
    post(app, delegate, &path, json!({ "choices": choices })).await
}

async fn voted<S: serde::Serialize>(
    app: &TestApp,
    delegate: &Browser,
    cycle: &str,
    choices: &[S],
) -> String {
    let receipt = json_body(
        vote(app, delegate, cycle, choices).await,
        StatusCode::CREATED,
    )
    .await;
    receipt["tracker"].as_str().expect("a tracker").to_owned()
}

async fn results(app: &TestApp, cycle: &str) -> Response {
    app.send(app.get(&format!("/api/project-cycles/{cycle}/results")))
        .await
}

/// The audit entries about a target, newest first.
async fn audit_of(app: &TestApp, staff: &Browser, target: &str) -> Vec<Value> {
    let page = app
        .send(staff.cookie_only(app.get("/api/staff/audit").query(&[("target", target)])))
        .await;
    json_body(page, StatusCode::OK).await["items"]
        .as_array()
        .expect("items")
        .clone()
}

async fn a_cycle_runs_from_collection_to_a_public_result(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "voter", 3).await;
    set_members(&app, &staff, "city", &voters).await;
    let id = cycle(&app, &staff, "city").await;
    phase_ok(&app, &staff, &id, "collecting").await;
    // A citizen proposes; the proposal has a tracking number and a public page with no phone.
    let citizen = app.citizen(PROPOSER).await;
    let first = proposed(&app, &citizen, &id, "老旧小区加装电梯").await;
    assert_eq!(first, "XM2026-0001");
    let second = proposed(&app, &citizen, &id, "社区食堂").await;
    let third = proposed(&app, &citizen, &id, "公交候车亭").await;
    let page = json_body(
        app.send(app.get(&format!("/api/project-proposals/{first}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["title"], "老旧小区加装电梯");
    assert_eq!(page["status"], "open");
    assert!(!page.to_string().contains(PROPOSER), "{page}");
    // Others support it, once per phone.
    let supporter = app.citizen("13700137001").await;
    let supported = json_body(support(&app, &supporter, &first).await, StatusCode::OK).await;
    assert_eq!(supported["supporters"], 1);
    api_error(
        support(&app, &supporter, &first).await,
        StatusCode::CONFLICT,
        "already_supported",
    )
    .await;
    phase_ok(&app, &staff, &id, "shortlisting").await;
    // Staff draft the list from the proposals, set the places, and open the vote.
    let mut candidates = Vec::new();
    for (title, number) in [
        ("加装电梯", &first),
        ("社区食堂", &second),
        ("候车亭", &third),
    ] {
        let body = candidate_body(title, &[number]);
        let added = json_body(
            add_candidate(&app, &staff, &id, body).await,
            StatusCode::CREATED,
        )
        .await;
        assert_eq!(added["proposals"], json!([number]));
        assert_eq!(added["unit_name"], "市住房和城乡建设局");
        candidates.push(added["id"].as_str().expect("an id").to_owned());
    }
    json_body(to_adopt(&app, &staff, &id, 2).await, StatusCode::OK).await;
    let opened = phase_ok(&app, &staff, &id, "voting").await;
    assert_eq!(opened["eligible"], 3);
    assert_eq!(opened["to_adopt"], 2);
    // No tally before the close.
    api_error(
        results(&app, &id).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    let paper = app
        .send(voters[0].cookie_only(app.get(&format!("/api/delegate/project-cycles/{id}/ballot"))))
        .await;
    let paper = json_body(paper, StatusCode::OK).await;
    assert_eq!(
        (paper["eligible"].clone(), paper["voted"].clone()),
        (json!(true), json!(false))
    );
    assert_eq!(paper["max_choices"], 2);
    let (a, b, c) = (
        candidates[0].as_str(),
        candidates[1].as_str(),
        candidates[2].as_str(),
    );
    let trackers = [
        voted(&app, &voters[0], &id, &[a, b]).await,
        voted(&app, &voters[1], &id, &[a, c]).await,
        voted(&app, &voters[2], &id, &[a, b]).await,
    ];
    api_error(
        results(&app, &id).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    phase_ok(&app, &staff, &id, "closed").await;
    let result = json_body(results(&app, &id).await, StatusCode::OK).await;
    assert_eq!(result["eligible"], 3);
    assert_eq!(result["ballots_cast"], 3);
    assert_eq!(result["quorum_met"], true);
    assert_eq!(result["places_tied"], 0);
    let votes: Vec<(String, u64, String)> = result["candidates"]
        .as_array()
        .expect("candidates")
        .iter()
        .map(|r| {
            (
                r["candidate"]["id"].as_str().expect("an id").to_owned(),
                r["votes"].as_u64().expect("votes"),
                r["outcome"].as_str().expect("an outcome").to_owned(),
            )
        })
        .collect();
    assert_eq!(
        votes,
        [
            (a.to_owned(), 3, "adopted".to_owned()),
            (b.to_owned(), 2, "adopted".to_owned()),
            (c.to_owned(), 1, "no_majority".to_owned()),
        ]
    );
    assert_eq!(result["adopted"], json!([a, b]));
    // Each delegate finds the hash of their tracker on the published list.
    let published: Vec<&str> = result["trackers"]
        .as_array()
        .expect("trackers")
        .iter()
        .map(|t| t.as_str().expect("a hash"))
        .collect();
    let mut expected: Vec<String> = trackers.iter().map(|t| token_hash(t)).collect();
    expected.sort();
    assert_eq!(published, expected);
    // Every staff and delegate step is in the audit log; a vote says only that it happened.
    let entries = audit_of(&app, &staff, &format!("project-cycle:{id}")).await;
    let actions: Vec<&str> = entries
        .iter()
        .map(|e| e["action"].as_str().expect("an action"))
        .collect();
    assert_eq!(actions.iter().filter(|a| **a == "project.vote").count(), 3);
    assert_eq!(actions.iter().filter(|a| **a == "project.phase").count(), 4);
    assert!(actions.contains(&"project.cycle_create"));
    assert!(actions.contains(&"project.to_adopt"));
    for entry in entries.iter().filter(|e| e["action"] == "project.vote") {
        assert_eq!(entry["details"], json!({}), "{entry}");
    }
    let added = audit_of(&app, &staff, &format!("project-candidate:{a}")).await;
    assert_eq!(added[0]["action"], "project.candidate_add");
    let members = audit_of(&app, &staff, "congress:city").await;
    assert_eq!(members[0]["action"], "congress.members");
    // The cycle's public page lists its proposals and candidates.
    let view = json_body(
        app.send(app.get(&format!("/api/project-cycles/{id}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(view["cycle"]["phase"], "closed");
    assert_eq!(view["proposals"].as_array().map(Vec::len), Some(3));
    assert_eq!(view["candidates"].as_array().map(Vec::len), Some(3));
}

async fn proposals_need_a_verified_phone_and_an_open_collection_window(app: TestApp) {
    let staff = staff(&app).await;
    let id = cycle(&app, &staff, "xincheng").await;
    let path = format!("/api/project-cycles/{id}/proposals");
    // Nobody's phone, and an account's session, are no verified phone.
    let anonymous = app
        .send(
            app.request(Method::POST, &path)
                .json(&proposal_body("加装电梯")),
        )
        .await;
    api_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    api_error(
        post(&app, &staff, &path, proposal_body("加装电梯")).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    let citizen = app.citizen(PROPOSER).await;
    let forged = app
        .send(
            citizen
                .cookie_only(app.request(Method::POST, &path))
                .json(&proposal_body("加装电梯")),
        )
        .await;
    api_error(forged, StatusCode::FORBIDDEN, "csrf_rejected").await;
    // Before the window opens, and after it closes.
    api_error(
        propose(&app, &citizen, &id, "加装电梯").await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    phase_ok(&app, &staff, &id, "collecting").await;
    let bad = api_error(
        propose(&app, &citizen, &id, "梯").await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    assert_eq!(bad["field"], "title");
    let number = proposed(&app, &citizen, &id, "加装电梯").await;
    phase_ok(&app, &staff, &id, "shortlisting").await;
    api_error(
        propose(&app, &citizen, &id, "社区食堂").await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    let other = app.citizen("13700137002").await;
    api_error(
        support(&app, &other, &number).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    // Phases move one step forward only.
    api_error(
        phase(&app, &staff, &id, "collecting").await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    api_error(
        phase(&app, &staff, &id, "closed").await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    // One cycle per congress and year.
    let again = post(
        &app,
        &staff,
        "/api/staff/project-cycles",
        json!({ "congress": "xincheng", "year": 2026 }),
    )
    .await;
    api_error(again, StatusCode::CONFLICT, "taken").await;
    let unknown = post(
        &app,
        &staff,
        "/api/staff/project-cycles",
        json!({ "congress": "beijing", "year": 2026 }),
    )
    .await;
    assert_eq!(
        api_error(unknown, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "congress"
    );
}

async fn staff_merge_and_decline_proposals_and_nothing_is_deleted(app: TestApp) {
    let staff = staff(&app).await;
    let id = cycle(&app, &staff, "huimin").await;
    phase_ok(&app, &staff, &id, "collecting").await;
    let citizen = app.citizen(PROPOSER).await;
    let kept = proposed(&app, &citizen, &id, "老旧小区加装电梯").await;
    let duplicate = proposed(&app, &citizen, &id, "小区装电梯").await;
    let declined = proposed(&app, &citizen, &id, "修建机场").await;
    let merge = |from: String, into: String| {
        let path = format!("/api/staff/project-proposals/{from}/merge");
        let staff = staff.clone();
        let app = &app;
        async move { post(app, &staff, &path, json!({ "into": into })).await }
    };
    let into_itself = merge(kept.clone(), kept.clone()).await;
    assert_eq!(
        api_error(into_itself, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "into"
    );
    let merged = json_body(merge(duplicate.clone(), kept.clone()).await, StatusCode::OK).await;
    assert_eq!(
        (merged["status"].clone(), merged["merged_into"].clone()),
        (json!("merged"), json!(kept))
    );
    let path = format!("/api/staff/project-proposals/{declined}/decline");
    let reason = "属于国家事权，不在市级民生实事范围";
    let body = json_body(
        post(&app, &staff, &path, json!({ "reason": reason })).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(body["status"], "declined");
    // The public pages keep both, with the merge and the published reason.
    let page = |number: String| {
        let app = &app;
        async move {
            json_body(
                app.send(app.get(&format!("/api/project-proposals/{number}")))
                    .await,
                StatusCode::OK,
            )
            .await
        }
    };
    assert_eq!(page(declined.clone()).await["decline_reason"], reason);
    assert_eq!(page(duplicate.clone()).await["merged_into"], json!(kept));
    // A merged or declined proposal takes no support, no second closing, and is no candidate's source.
    let supporter = app.citizen("13700137003").await;
    api_error(
        support(&app, &supporter, &duplicate).await,
        StatusCode::CONFLICT,
        "step_not_allowed",
    )
    .await;
    api_error(
        merge(declined.clone(), kept.clone()).await,
        StatusCode::CONFLICT,
        "step_not_allowed",
    )
    .await;
    let from_declined =
        add_candidate(&app, &staff, &id, candidate_body("机场", &[&declined])).await;
    assert_eq!(
        api_error(from_declined, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "proposals"
    );
    let mut body = candidate_body("电梯", &[&kept]);
    body["unit_id"] = json!("u-none");
    let unknown_unit = add_candidate(&app, &staff, &id, body).await;
    assert_eq!(
        api_error(unknown_unit, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "unit_id"
    );
    let view = json_body(
        app.send(app.get(&format!("/api/project-cycles/{id}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(view["proposals"].as_array().map(Vec::len), Some(3));
    let audit = audit_of(&app, &staff, &format!("project-proposal:{declined}")).await;
    assert_eq!(audit[0]["action"], "project.decline");
    assert_eq!(audit[0]["details"]["reason"], reason);
}

async fn a_list_without_more_candidates_than_places_does_not_open_the_vote(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "margin", 1).await;
    set_members(&app, &staff, "yuquan", &voters).await;
    let id = cycle(&app, &staff, "yuquan").await;
    phase_ok(&app, &staff, &id, "collecting").await;
    let citizen = app.citizen(PROPOSER).await;
    let first = proposed(&app, &citizen, &id, "加装电梯").await;
    let second = proposed(&app, &citizen, &id, "社区食堂").await;
    phase_ok(&app, &staff, &id, "shortlisting").await;
    let mut added = Vec::new();
    for number in [&first, &second] {
        let body = json_body(
            add_candidate(&app, &staff, &id, candidate_body("候选", &[number])).await,
            StatusCode::CREATED,
        )
        .await;
        added.push(body["id"].as_str().expect("an id").to_owned());
    }
    // The number to adopt is not set: refused.
    api_error(
        phase(&app, &staff, &id, "voting").await,
        StatusCode::CONFLICT,
        "no_margin",
    )
    .await;
    // Two candidates for two places: no 差额, refused.
    json_body(to_adopt(&app, &staff, &id, 2).await, StatusCode::OK).await;
    api_error(
        phase(&app, &staff, &id, "voting").await,
        StatusCode::CONFLICT,
        "no_margin",
    )
    .await;
    // A withdrawn candidate does not count: two for one place, then one for one place.
    json_body(to_adopt(&app, &staff, &id, 1).await, StatusCode::OK).await;
    let path = format!("/api/staff/project-candidates/{}/withdraw", added[1]);
    let withdrawn = json_body(post(&app, &staff, &path, json!({})).await, StatusCode::OK).await;
    assert_eq!(withdrawn["withdrawn"], true);
    api_error(
        phase(&app, &staff, &id, "voting").await,
        StatusCode::CONFLICT,
        "no_margin",
    )
    .await;
    let third = json_body(
        add_candidate(&app, &staff, &id, candidate_body("候选", &[&second])).await,
        StatusCode::CREATED,
    )
    .await;
    let opened = phase_ok(&app, &staff, &id, "voting").await;
    assert_eq!(opened["to_adopt"], 1);
    // The list is fixed once the vote is open.
    api_error(
        add_candidate(&app, &staff, &id, candidate_body("迟到", &[&first])).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    let path = format!(
        "/api/staff/project-candidates/{}/withdraw",
        third["id"].as_str().expect("an id")
    );
    api_error(
        post(&app, &staff, &path, json!({})).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    api_error(
        to_adopt(&app, &staff, &id, 2).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    // The refusals changed nothing: the audit log has one opening of the vote.
    let entries = audit_of(&app, &staff, &format!("project-cycle:{id}")).await;
    let openings = entries
        .iter()
        .filter(|e| e["action"] == "project.phase" && e["details"]["phase"] == "voting")
        .count();
    assert_eq!(openings, 1);
}

async fn ballots_outside_the_window_of_another_congress_or_a_second_time_are_refused(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "saihan", 2).await;
    let outsider = delegates(&app, "city", 1).await;
    set_members(&app, &staff, "city", &outsider).await;
    // Before the window: the cycle still collects.
    set_members(&app, &staff, "saihan", &voters).await;
    let early = cycle(&app, &staff, "saihan").await;
    phase_ok(&app, &staff, &early, "collecting").await;
    api_error(
        vote::<&str>(&app, &voters[0], &early, &[]).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    // A vote in another year's cycle, open.
    let (id, candidates) = {
        let body = json!({ "congress": "saihan", "year": 2027 });
        let made = json_body(
            post(&app, &staff, "/api/staff/project-cycles", body).await,
            StatusCode::CREATED,
        )
        .await;
        let id = made["id"].as_str().expect("an id").to_owned();
        phase_ok(&app, &staff, &id, "collecting").await;
        let citizen = app.citizen(PROPOSER).await;
        let a = proposed(&app, &citizen, &id, "加装电梯").await;
        let b = proposed(&app, &citizen, &id, "社区食堂").await;
        phase_ok(&app, &staff, &id, "shortlisting").await;
        let mut ids = Vec::new();
        for n in [&a, &b] {
            let c = json_body(
                add_candidate(&app, &staff, &id, candidate_body("候选", &[n])).await,
                StatusCode::CREATED,
            )
            .await;
            ids.push(c["id"].as_str().expect("an id").to_owned());
        }
        json_body(to_adopt(&app, &staff, &id, 1).await, StatusCode::OK).await;
        phase_ok(&app, &staff, &id, "voting").await;
        (id, ids)
    };
    // A delegate of another congress, and staff, may not vote.
    api_error(
        vote(&app, &outsider[0], &id, &[&candidates[0]]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    api_error(
        vote(&app, &staff, &id, &[&candidates[0]]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // A delegate made a member after the vote opened is no elector of it.
    let late = delegates(&app, "late", 1).await;
    let mut now_members = voters.clone();
    now_members.extend(late.iter().cloned());
    set_members(&app, &staff, "saihan", &now_members).await;
    api_error(
        vote::<&str>(&app, &late[0], &id, &[]).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    // Too many choices, a choice twice, an unknown one.
    let too_many = vote(&app, &voters[0], &id, &[&candidates[0], &candidates[1]]).await;
    assert_eq!(
        api_error(too_many, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "choices"
    );
    let unknown = vote(&app, &voters[0], &id, &["pk-none"]).await;
    assert_eq!(
        api_error(unknown, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "choices"
    );
    // One ballot, then a second is refused.
    voted(&app, &voters[0], &id, &[&candidates[0]]).await;
    api_error(
        vote(&app, &voters[0], &id, &[&candidates[1]]).await,
        StatusCode::CONFLICT,
        "already_voted",
    )
    .await;
    let paper = app
        .send(voters[0].cookie_only(app.get(&format!("/api/delegate/project-cycles/{id}/ballot"))))
        .await;
    assert_eq!(json_body(paper, StatusCode::OK).await["voted"], true);
    // After the close.
    phase_ok(&app, &staff, &id, "closed").await;
    api_error(
        vote::<&str>(&app, &voters[1], &id, &[]).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    // One of two electors voted: no more than half, so the quorum failed and nothing is adopted.
    let result = json_body(results(&app, &id).await, StatusCode::OK).await;
    assert_eq!(result["eligible"], 2);
    assert_eq!(result["ballots_cast"], 1);
    assert_eq!(result["quorum_met"], false);
    assert_eq!(result["adopted"], json!([]));
}

async fn supports_sent_at_once_by_one_phone_count_once(app: TestApp) {
    let staff = staff(&app).await;
    let id = cycle(&app, &staff, "togtoh").await;
    phase_ok(&app, &staff, &id, "collecting").await;
    let proposer = app.citizen(PROPOSER).await;
    let number = proposed(&app, &proposer, &id, "加装电梯").await;
    let supporter = app.citizen("13700137004").await;
    let path = format!("/api/project-proposals/{number}/support");
    let jobs = (0..10)
        .map(|_| answer(supporter.signed(app.request(Method::POST, &path))))
        .collect();
    let answers = all_at_once(jobs).await;
    let ok = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let again = answers
        .iter()
        .filter(|(s, b)| *s == StatusCode::CONFLICT && b["code"] == "already_supported")
        .count();
    assert_eq!((ok, again), (1, 9), "{answers:?}");
    let page = json_body(
        app.send(app.get(&format!("/api/project-proposals/{number}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(page["supporters"], 1);
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM project_supports")
        .fetch_one(&app.sql().await)
        .await
        .expect("a count");
    assert_eq!(stored, 1);
}

async fn proposals_and_supports_are_limited_per_phone_and_per_address_when_raced(app: TestApp) {
    let staff = staff(&app).await;
    let id = cycle(&app, &staff, "horinger").await;
    phase_ok(&app, &staff, &id, "collecting").await;
    let per_phone = usize::try_from(WRITES_PER_PHONE_HOUR).expect("a count");
    let per_address = usize::try_from(WRITES_PER_ADDRESS_HOUR).expect("a count");
    // One phone proposing at once: exactly its hourly limit gets through.
    let citizen = app.citizen(PROPOSER).await;
    let path = format!("/api/project-cycles/{id}/proposals");
    let jobs = (0..per_phone + 5)
        .map(|i| {
            let body = proposal_body(&format!("建议{i:02}号"));
            answer(citizen.signed(app.request(Method::POST, &path)).json(&body))
        })
        .collect();
    let answers = all_at_once(jobs).await;
    let created = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let limited = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((created, limited), (per_phone, 5), "{answers:?}");
    let view = json_body(
        app.send(app.get(&format!("/api/project-cycles/{id}")))
            .await,
        StatusCode::OK,
    )
    .await;
    let numbers: Vec<String> = view["proposals"]
        .as_array()
        .expect("proposals")
        .iter()
        .map(|p| p["tracking_number"].as_str().expect("a number").to_owned())
        .collect();
    assert_eq!(numbers.len(), per_phone);
    // The address has made `per_phone` writes; phones of its own fill the rest of its limit at
    // once, and no more get through.
    let left = per_address - per_phone;
    let mut phones = Vec::new();
    for i in 0..(left / per_phone + 2) {
        phones.push(app.citizen(&format!("1370013{i:04}")).await);
    }
    let mut jobs = Vec::new();
    for phone in &phones {
        for number in numbers.iter().take(per_phone) {
            if jobs.len() < left + 10 {
                let path = format!("/api/project-proposals/{number}/support");
                jobs.push(answer(phone.signed(app.request(Method::POST, &path))));
            }
        }
    }
    let answers = all_at_once(jobs).await;
    let ok = answers.iter().filter(|(s, _)| *s == StatusCode::OK).count();
    let limited = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::TOO_MANY_REQUESTS)
        .count();
    assert_eq!((ok, limited), (left, 10), "{answers:?}");
    // An hour later the limits start again.
    app.move_clock_to(app.clock.now_ms() + 3_600_000);
    let fresh = app.verified_after_a_minute("13600136000").await;
    json_body(support(&app, &fresh, &numbers[0]).await, StatusCode::OK).await;
}

/// The choices of the `i`-th delegate of the burst: each of 200 chooses 2 of 4 candidates by
/// its number, so the expected count of each candidate is known.
fn burst_choices(i: usize, candidates: &[String]) -> Vec<String> {
    let first = i % candidates.len();
    let second = (i / candidates.len() + first + 1) % candidates.len();
    let mut chosen = vec![candidates[first].clone()];
    if second != first {
        chosen.push(candidates[second].clone());
    }
    chosen
}

async fn two_hundred_delegates_voting_at_once_are_each_counted_once(app: TestApp) {
    const VOTERS: usize = 200;
    let staff = staff(&app).await;
    let voters = many_delegates(&app, VOTERS).await;
    let (id, candidates) = open_vote(&app, &staff, "city", &voters, 4, 2).await;
    // Every delegate sends the same ballot twice, all at the same moment.
    let path = format!("/api/delegate/project-cycles/{id}/ballot");
    let mut jobs = Vec::new();
    for (i, voter) in voters.iter().enumerate() {
        let body = json!({ "choices": burst_choices(i, &candidates) });
        for _ in 0..2 {
            jobs.push(answer(
                voter.signed(app.request(Method::POST, &path)).json(&body),
            ));
        }
    }
    let answers = all_at_once(jobs).await;
    let counted = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let refused = answers
        .iter()
        .filter(|(s, b)| *s == StatusCode::CONFLICT && b["code"] == "already_voted")
        .count();
    assert_eq!((counted, refused), (VOTERS, VOTERS), "{answers:?}");
    phase_ok(&app, &staff, &id, "closed").await;
    let result = json_body(results(&app, &id).await, StatusCode::OK).await;
    assert_eq!(result["ballots_cast"], VOTERS);
    assert_eq!(result["eligible"], VOTERS);
    assert_eq!(result["trackers"].as_array().map(Vec::len), Some(VOTERS));
    for row in result["candidates"].as_array().expect("candidates") {
        let candidate = row["candidate"]["id"].as_str().expect("an id");
        let expected = (0..VOTERS)
            .filter(|i| {
                burst_choices(*i, &candidates)
                    .iter()
                    .any(|c| c == candidate)
            })
            .count();
        assert_eq!(row["votes"], expected, "{candidate}: {row}");
    }
    let sql = app.sql().await;
    for table in ["project_voters", "project_ballots"] {
        let stored: i64 = sqlx::query_scalar(&format!("SELECT COUNT(*) FROM {table}"))
            .fetch_one(&sql)
            .await
            .expect("a count");
        assert_eq!(stored, i64::try_from(VOTERS).expect("a count"), "{table}");
    }
}

/// Every table of the schema with its columns, blobs left out (photos).
async fn tables(app: &TestApp) -> Vec<(String, Vec<String>)> {
    let sql = app.sql().await;
    let (list, columns) = match app.backend {
        Backend::Sqlite => (
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' \
             AND name <> '_sqlx_migrations' ORDER BY name",
            "SELECT name FROM pragma_table_info($1) WHERE type <> 'BLOB' ORDER BY cid",
        ),
        Backend::Postgres => (
            "SELECT table_name::text FROM information_schema.tables WHERE table_schema = 'public' \
             AND table_name <> '_sqlx_migrations' ORDER BY table_name",
            "SELECT column_name::text FROM information_schema.columns WHERE table_schema = 'public' \
             AND table_name = $1 AND data_type <> 'bytea' ORDER BY ordinal_position",
        ),
    };
    let names: Vec<String> = sqlx::query_scalar(list)
        .fetch_all(&sql)
        .await
        .expect("the tables");
    let mut out = Vec::new();
    for name in names {
        let cols: Vec<String> = sqlx::query_scalar(columns)
            .bind(&name)
            .fetch_all(&sql)
            .await
            .expect("the columns");
        out.push((name, cols));
    }
    out
}

/// Every row of a table as text, in the order the database stored them.
async fn rows_of(app: &TestApp, table: &str, columns: &[String]) -> Vec<String> {
    let sql = app.sql().await;
    let cells: Vec<String> = columns
        .iter()
        .map(|c| format!("COALESCE(CAST({c} AS TEXT), '')"))
        .collect();
    let order = match app.backend {
        Backend::Sqlite => "rowid",
        Backend::Postgres => "ctid",
    };
    let rows = sqlx::query(&format!(
        "SELECT {} AS row_text FROM {table} ORDER BY {order}",
        cells.join(" || '|' || ")
    ))
    .fetch_all(&sql)
    .await
    .unwrap_or_else(|e| panic!("reading {table}: {e}"));
    rows.iter()
        .map(|r| r.try_get::<String, _>("row_text").expect("text"))
        .collect()
}

async fn no_table_or_answer_links_a_delegate_to_a_choice(app: TestApp) {
    const VOTERS: usize = 12;
    let staff = staff(&app).await;
    let voters = delegates(&app, "secret", VOTERS).await;
    let (id, candidates) = open_vote(&app, &staff, "city", &voters, 5, 2).await;
    // Each delegate chooses something of their own (no two alike), one after the other, so any
    // order kept with the ballots would show whose is whose.
    let mut sorted = candidates.clone();
    sorted.sort();
    let mut patterns: Vec<Vec<String>> = vec![Vec::new()];
    for a in 0..sorted.len() {
        patterns.push(vec![sorted[a].clone()]);
        for b in a + 1..sorted.len() {
            patterns.push(vec![sorted[a].clone(), sorted[b].clone()]);
        }
    }
    let mut trackers = Vec::new();
    let mut answers = Vec::new();
    for (voter, choices) in voters.iter().zip(&patterns) {
        let chosen: Vec<&str> = choices.iter().map(String::as_str).collect();
        let response = vote(&app, voter, &id, &chosen).await;
        let receipt = json_body(response, StatusCode::CREATED).await;
        trackers.push(receipt["tracker"].as_str().expect("a tracker").to_owned());
        answers.push(receipt.to_string());
        let paper = app
            .send(voter.cookie_only(app.get(&format!("/api/delegate/project-cycles/{id}/ballot"))))
            .await;
        answers.push(json_body(paper, StatusCode::OK).await.to_string());
    }
    phase_ok(&app, &staff, &id, "closed").await;
    // What identifies a delegate: account id, username, display name and session.
    let delegate_marks: Vec<Vec<String>> = voters
        .iter()
        .map(|v| {
            let mut marks = vec![
                v.account["id"].as_str().expect("an id").to_owned(),
                v.account["username"]
                    .as_str()
                    .expect("a username")
                    .to_owned(),
            ];
            let token = v.cookie.split_once('=').expect("a cookie").1;
            marks.push(token_hash(token));
            marks.push(v.csrf_token.clone());
            marks
        })
        .collect();
    // What identifies a ballot: its tracker, the tracker's hash, its stored choices.
    let ballot_marks: Vec<String> = trackers
        .iter()
        .flat_map(|t| [t.clone(), token_hash(t)])
        .chain(
            patterns
                .iter()
                .take(VOTERS)
                .filter(|p| !p.is_empty())
                .map(|p| p.join(",")),
        )
        .collect();
    let mut read = 0;
    for (table, columns) in tables(&app).await {
        let rows = rows_of(&app, &table, &columns).await;
        read += 1;
        for row in &rows {
            let names_delegate = delegate_marks
                .iter()
                .flatten()
                .any(|m| row.contains(m.as_str()));
            let names_ballot = ballot_marks.iter().any(|m| row.contains(m.as_str()));
            assert!(
                !(names_delegate && names_ballot),
                "{table} links a delegate to a ballot: {row}"
            );
        }
        if table == "project_ballots" {
            assert_eq!(columns, ["slot", "cycle_id", "tracker_hash", "choices"]);
            // Stored in an order of their own, not the order the delegates voted in.
            let stored: Vec<String> = rows
                .iter()
                .map(|r| r.rsplit('|').next().expect("choices").to_owned())
                .collect();
            let in_voting_order: Vec<String> =
                patterns.iter().take(VOTERS).map(|p| p.join(",")).collect();
            assert_eq!(stored.len(), VOTERS);
            assert_ne!(
                stored, in_voting_order,
                "the ballots are stored in voting order"
            );
            let slots: Vec<i64> = rows
                .iter()
                .map(|r| {
                    r.split('|')
                        .next()
                        .expect("a slot")
                        .parse()
                        .expect("a number")
                })
                .collect();
            let mut sorted = slots.clone();
            sorted.sort_unstable();
            assert_eq!(
                slots, sorted,
                "after the close the ballots are stored in slot order"
            );
        }
        if table == "project_voters" {
            assert_eq!(columns, ["cycle_id", "account_id"]);
        }
    }
    assert!(read > 20, "only {read} tables read");
    // No answer to a delegate, and no public answer, names a choice next to a delegate.
    let result = json_body(results(&app, &id).await, StatusCode::OK).await;
    answers.push(result.to_string());
    let audit = audit_of(&app, &staff, &format!("project-cycle:{id}")).await;
    for entry in audit.iter().filter(|e| e["action"] == "project.vote") {
        assert_eq!(entry["details"], json!({}), "{entry}");
    }
    for answer in &answers {
        let names_delegate = delegate_marks
            .iter()
            .flatten()
            .any(|m| answer.contains(m.as_str()));
        let names_choice = candidates.iter().any(|c| answer.contains(c.as_str()));
        let names_tracker_hash = trackers.iter().any(|t| answer.contains(&token_hash(t)));
        assert!(
            !(names_delegate && (names_choice || names_tracker_hash)),
            "an answer links a delegate to a choice: {answer}"
        );
    }
}
