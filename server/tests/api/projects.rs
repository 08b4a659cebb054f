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
    adopted_projects_take_progress_and_inspections_and_are_flagged_when_late,
    the_year_end_evaluation_is_one_secret_ballot_per_delegate_in_its_window,
    evaluation_ballots_sent_at_once_by_one_delegate_count_once,
    citizens_rate_an_adopted_project_once_per_verified_phone,
    no_table_or_answer_links_a_delegate_to_an_evaluation,
    evaluation_trackers_are_published_after_the_close,
);

pub(crate) const PROPOSER: &str = "13900139000";

/// Sends a state change as a browser, with its anti-forgery token.
async fn send(app: &TestApp, who: &Browser, method: Method, path: &str, body: Value) -> Response {
    app.send(who.signed(app.request(method, path)).json(&body))
        .await
}

pub(crate) async fn post(app: &TestApp, who: &Browser, path: &str, body: Value) -> Response {
    send(app, who, Method::POST, path, body).await
}

pub(crate) fn proposal_body(title: &str) -> Value {
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
pub(crate) async fn cycle(app: &TestApp, staff: &Browser, congress: &str) -> String {
    let body = json!({ "congress": congress, "year": 2026 });
    let made = json_body(
        post(app, staff, "/api/staff/project-cycles", body).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(made["phase"], "preparing", "{made}");
    made["id"].as_str().expect("an id").to_owned()
}

pub(crate) async fn phase(app: &TestApp, staff: &Browser, cycle: &str, next: &str) -> Response {
    let path = format!("/api/staff/project-cycles/{cycle}/phase");
    post(app, staff, &path, json!({ "phase": next })).await
}

pub(crate) async fn phase_ok(app: &TestApp, staff: &Browser, cycle: &str, next: &str) -> Value {
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

pub(crate) async fn set_members(
    app: &TestApp,
    staff: &Browser,
    congress: &str,
    delegates: &[Browser],
) {
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
pub(crate) async fn delegates(app: &TestApp, prefix: &str, count: usize) -> Vec<Browser> {
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
pub(crate) async fn open_vote(
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
    let cycle_now = json_body(
        app.send(app.get(&format!("/api/project-cycles/{id}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(cycle_now["cycle"]["collection_closed_at_ms"], Value::Null);
    let before = app.clock.now_ms();
    let shortlisting = phase_ok(&app, &staff, &id, "shortlisting").await;
    // The cycle says when collection closed, so a closed proposal's page can.
    let closed_at = shortlisting["collection_closed_at_ms"].as_i64();
    assert!(
        closed_at.is_some_and(|at| (before..=app.clock.now_ms()).contains(&at)),
        "{shortlisting}"
    );
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

/// A closed cycle of `congress` whose `voters` all chose the first two of three candidates
/// (each due `deadline`): those two are adopted, the third is not. Answers the cycle and the
/// candidates in list order.
pub(crate) async fn adopted(
    app: &TestApp,
    staff: &Browser,
    congress: &str,
    voters: &[Browser],
    deadline: &str,
) -> (String, Vec<String>) {
    set_members(app, staff, congress, voters).await;
    let id = cycle(app, staff, congress).await;
    phase_ok(app, staff, &id, "collecting").await;
    let citizen = app.citizen(PROPOSER).await;
    let mut numbers = Vec::new();
    for i in 0..3 {
        numbers.push(proposed(app, &citizen, &id, &format!("项目建议{i}")).await);
    }
    phase_ok(app, staff, &id, "shortlisting").await;
    let mut ids = Vec::new();
    for (i, number) in numbers.iter().enumerate() {
        let mut body = candidate_body(&format!("候选项目{i}"), &[number]);
        body["deadline"] = json!(deadline);
        let added = json_body(
            add_candidate(app, staff, &id, body).await,
            StatusCode::CREATED,
        )
        .await;
        ids.push(added["id"].as_str().expect("an id").to_owned());
    }
    json_body(to_adopt(app, staff, &id, 2).await, StatusCode::OK).await;
    phase_ok(app, staff, &id, "voting").await;
    for voter in voters {
        voted(app, voter, &id, &ids[..2]).await;
    }
    phase_ok(app, staff, &id, "closed").await;
    (id, ids)
}

/// A date `days` after today, `YYYY-MM-DD`.
pub(crate) fn days_ahead(app: &TestApp, days: i64) -> String {
    deputy_homes_api::meetings::activity::format_date(app.clock.now_ms() / 86_400_000 + days)
}

pub(crate) async fn project_page(app: &TestApp, project: &str) -> Value {
    json_body(
        app.send(app.get(&format!("/api/projects/{project}"))).await,
        StatusCode::OK,
    )
    .await
}

pub(crate) async fn progress(
    app: &TestApp,
    staff: &Browser,
    project: &str,
    body: Value,
) -> Response {
    post(
        app,
        staff,
        &format!("/api/staff/projects/{project}/progress"),
        body,
    )
    .await
}

async fn inspect(app: &TestApp, delegate: &Browser, project: &str) -> Response {
    let path = format!("/api/delegate/projects/{project}/inspections");
    post(
        app,
        delegate,
        &path,
        json!({ "notes": "现场查看施工进度，质量良好" }),
    )
    .await
}

pub(crate) async fn evaluation_window(
    app: &TestApp,
    staff: &Browser,
    cycle: &str,
    state: &str,
) -> Response {
    let path = format!("/api/staff/project-cycles/{cycle}/evaluation");
    post(app, staff, &path, json!({ "state": state })).await
}

pub(crate) async fn evaluate(
    app: &TestApp,
    delegate: &Browser,
    cycle: &str,
    choices: &[(&str, &str)],
) -> Response {
    let evaluations: Vec<Value> = choices
        .iter()
        .map(|(p, c)| json!({ "project": p, "choice": c }))
        .collect();
    let path = format!("/api/delegate/project-cycles/{cycle}/evaluation");
    post(app, delegate, &path, json!({ "evaluations": evaluations })).await
}

async fn adopted_projects_take_progress_and_inspections_and_are_flagged_when_late(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "impl", 3).await;
    let outsider = delegates(&app, "implout", 1).await;
    set_members(&app, &staff, "xincheng", &outsider).await;
    let deadline = days_ahead(&app, 60);
    let (id, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    let (p, not_adopted) = (&projects[0], &projects[2]);
    // A candidate not adopted takes no progress and has no project page.
    let body = json!({ "percent": 10, "done": "完成立项" });
    api_error(
        progress(&app, &staff, not_adopted, body.clone()).await,
        StatusCode::CONFLICT,
        "step_not_allowed",
    )
    .await;
    api_error(
        app.send(app.get(&format!("/api/projects/{not_adopted}")))
            .await,
        StatusCode::CONFLICT,
        "step_not_allowed",
    )
    .await;
    api_error(
        progress(&app, &voters[0], p, body.clone()).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let page = project_page(&app, p).await;
    assert_eq!(page["percent_done"], 0, "{page}");
    assert_eq!(page["flags"], json!([]), "{page}");
    assert_eq!(page["votes"], 3);
    assert_eq!(page["eligible"], 3);
    assert_eq!(page["project"]["budget_yuan"], 5_000_000);
    assert_eq!(
        page["origin"].as_array().expect("origin").len(),
        1,
        "{page}"
    );
    // Progress: up freely, down only with a reason; a delay with its reason.
    let body =
        json!({ "percent": 40, "done": "完成二十部电梯安装", "delay_reason": "雨季停工两周" });
    let page = json_body(progress(&app, &staff, p, body).await, StatusCode::CREATED).await;
    assert_eq!(page["percent_done"], 40, "{page}");
    let lower = json!({ "percent": 30, "done": "返工两部电梯" });
    let refused = progress(&app, &staff, p, lower.clone()).await;
    assert_eq!(
        api_error(refused, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "lower_reason"
    );
    let mut lower = lower;
    lower["lower_reason"] = json!("验收发现两部不合格");
    let page = json_body(progress(&app, &staff, p, lower).await, StatusCode::CREATED).await;
    assert_eq!(page["percent_done"], 30);
    let timeline = page["progress"].as_array().expect("progress");
    assert_eq!(timeline.len(), 2, "{page}");
    assert_eq!(timeline[0]["delay_reason"], "雨季停工两周");
    assert_eq!(timeline[1]["lower_reason"], "验收发现两部不合格");
    let over = json!({ "percent": 101, "done": "超额完成" });
    api_error(
        progress(&app, &staff, p, over).await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    // Inspections: a delegate of the congress, not one of another congress.
    let page = json_body(inspect(&app, &voters[1], p).await, StatusCode::CREATED).await;
    let inspections = page["inspections"].as_array().expect("inspections");
    assert_eq!(inspections.len(), 1, "{page}");
    assert_eq!(inspections[0]["notes"], "现场查看施工进度，质量良好");
    api_error(
        inspect(&app, &outsider[0], p).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    api_error(
        inspect(&app, &voters[1], not_adopted).await,
        StatusCode::CONFLICT,
        "step_not_allowed",
    )
    .await;
    // Each step audited.
    let audit = audit_of(&app, &staff, &format!("project:{p}")).await;
    let actions: Vec<&str> = audit.iter().filter_map(|e| e["action"].as_str()).collect();
    assert_eq!(
        actions,
        ["project.inspect", "project.progress", "project.progress"]
    );
    // The cycle's projects: the two adopted.
    let list = json_body(
        app.send(app.get(&format!("/api/project-cycles/{id}/projects")))
            .await,
        StatusCode::OK,
    )
    .await;
    let mut listed: Vec<&str> = list
        .as_array()
        .expect("a list")
        .iter()
        .filter_map(|v| v["project"]["id"].as_str())
        .collect();
    listed.sort_unstable();
    let mut expected = vec![projects[0].as_str(), projects[1].as_str()];
    expected.sort_unstable();
    assert_eq!(listed, expected);
    // Flags come from the time of asking: 32 days without an update, then past the deadline.
    let other = &projects[1];
    assert_eq!(project_page(&app, other).await["flags"], json!([]));
    app.clock.advance(32 * 86_400_000);
    assert_eq!(
        project_page(&app, other).await["flags"],
        json!(["update_overdue"])
    );
    app.clock.advance(40 * 86_400_000);
    assert_eq!(
        project_page(&app, other).await["flags"],
        json!(["update_overdue", "past_deadline"])
    );
}

async fn the_year_end_evaluation_is_one_secret_ballot_per_delegate_in_its_window(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "eval", 3).await;
    let outsider = delegates(&app, "evalout", 1).await;
    set_members(&app, &staff, "saihan", &outsider).await;
    // Not before the vote is closed.
    let (open, _) = open_vote(&app, &staff, "huimin", &voters, 3, 1).await;
    api_error(
        evaluation_window(&app, &staff, &open, "open").await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    let deadline = days_ahead(&app, 60);
    let (id, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    let (a, b) = (projects[0].as_str(), projects[1].as_str());
    let all_satisfied = [(a, "satisfied"), (b, "satisfied")];
    // Outside the window: before it opens.
    api_error(
        evaluate(&app, &voters[0], &id, &all_satisfied).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    api_error(
        evaluation_window(&app, &staff, &id, "closed").await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    api_error(
        evaluation_window(&app, &voters[0], &id, "open").await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let window = json_body(
        evaluation_window(&app, &staff, &id, "open").await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(window["eligible"], 3, "{window}");
    api_error(
        evaluation_window(&app, &staff, &id, "open").await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    // A delegate of another congress; a ballot missing a project, or naming one not adopted.
    api_error(
        evaluate(&app, &outsider[0], &id, &all_satisfied).await,
        StatusCode::FORBIDDEN,
        "forbidden",
    )
    .await;
    let partial = evaluate(&app, &voters[0], &id, &[(a, "satisfied")]).await;
    assert_eq!(
        api_error(partial, StatusCode::BAD_REQUEST, "bad_parameter").await["field"],
        "evaluations"
    );
    let wrong = evaluate(
        &app,
        &voters[0],
        &id,
        &[(a, "satisfied"), (projects[2].as_str(), "satisfied")],
    )
    .await;
    api_error(wrong, StatusCode::BAD_REQUEST, "bad_parameter").await;
    let paper = json_body(
        app.send(
            voters[0]
                .cookie_only(app.get(&format!("/api/delegate/project-cycles/{id}/evaluation"))),
        )
        .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (
            paper["state"].clone(),
            paper["eligible"].clone(),
            paper["evaluated"].clone()
        ),
        (json!("open"), json!(true), json!(false)),
        "{paper}"
    );
    assert_eq!(paper["projects"].as_array().expect("projects").len(), 2);
    // Three ballots; a second one is refused.
    let cast = json_body(
        evaluate(&app, &voters[0], &id, &all_satisfied).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(cast["projects"], 2);
    json_body(
        evaluate(
            &app,
            &voters[1],
            &id,
            &[(a, "satisfied"), (b, "basically_satisfied")],
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    json_body(
        evaluate(
            &app,
            &voters[2],
            &id,
            &[(a, "dissatisfied"), (b, "dissatisfied")],
        )
        .await,
        StatusCode::CREATED,
    )
    .await;
    api_error(
        evaluate(&app, &voters[0], &id, &all_satisfied).await,
        StatusCode::CONFLICT,
        "already_voted",
    )
    .await;
    // No result while the window is open.
    let page = project_page(&app, a).await;
    assert_eq!(page["evaluation_state"], "open");
    assert_eq!(page["evaluation"], Value::Null, "{page}");
    json_body(
        evaluation_window(&app, &staff, &id, "closed").await,
        StatusCode::OK,
    )
    .await;
    api_error(
        evaluate(&app, &voters[0], &id, &all_satisfied).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    // The published rule: a has 2 of 3 satisfied; b has 1 + 1 of 3.
    let page = project_page(&app, a).await;
    assert_eq!(
        page["evaluation"],
        json!({ "eligible": 3, "satisfied": 2, "basically_satisfied": 0, "dissatisfied": 1, "result": "satisfied" }),
        "{page}"
    );
    let page = project_page(&app, b).await;
    assert_eq!(
        page["evaluation"],
        json!({ "eligible": 3, "satisfied": 1, "basically_satisfied": 1, "dissatisfied": 1, "result": "basically_satisfied" }),
        "{page}"
    );
    let audit = audit_of(&app, &staff, &format!("project-cycle:{id}")).await;
    let evaluations: Vec<&Value> = audit
        .iter()
        .filter(|e| e["action"] == "project.evaluate")
        .collect();
    assert_eq!(evaluations.len(), 3);
    for entry in evaluations {
        assert_eq!(entry["details"], json!({}), "{entry}");
    }
    assert_eq!(
        audit
            .iter()
            .filter(|e| e["action"] == "project.evaluation")
            .count(),
        2
    );
}

async fn evaluation_ballots_sent_at_once_by_one_delegate_count_once(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "evalrace", 3).await;
    let deadline = days_ahead(&app, 60);
    let (id, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    json_body(
        evaluation_window(&app, &staff, &id, "open").await,
        StatusCode::OK,
    )
    .await;
    let path = format!("/api/delegate/project-cycles/{id}/evaluation");
    let body = json!({ "evaluations": [
        { "project": projects[0], "choice": "satisfied" },
        { "project": projects[1], "choice": "dissatisfied" },
    ] });
    let jobs = (0..10)
        .map(|_| {
            answer(
                voters[0]
                    .signed(app.request(Method::POST, &path))
                    .json(&body),
            )
        })
        .collect();
    let answers = all_at_once(jobs).await;
    let ok = answers
        .iter()
        .filter(|(s, _)| *s == StatusCode::CREATED)
        .count();
    let again = answers
        .iter()
        .filter(|(s, b)| *s == StatusCode::CONFLICT && b["code"] == "already_voted")
        .count();
    assert_eq!((ok, again), (1, 9), "{answers:?}");
    let sql = app.sql().await;
    let ballots: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM project_evaluation_ballots")
        .fetch_one(&sql)
        .await
        .expect("a count");
    let voters_stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM project_evaluation_voters")
        .fetch_one(&sql)
        .await
        .expect("a count");
    assert_eq!((ballots, voters_stored), (1, 1));
    json_body(
        evaluation_window(&app, &staff, &id, "closed").await,
        StatusCode::OK,
    )
    .await;
    let page = project_page(&app, &projects[0]).await;
    assert_eq!(page["evaluation"]["satisfied"], 1, "{page}");
}

async fn citizens_rate_an_adopted_project_once_per_verified_phone(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "rate", 3).await;
    let deadline = days_ahead(&app, 60);
    let (_, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    let path = format!("/api/projects/{}/rating", projects[0]);
    // Nobody's phone, and an account's session, are no verified phone.
    let anonymous = app
        .send(
            app.request(Method::POST, &path)
                .json(&json!({ "rating": 4 })),
        )
        .await;
    api_error(anonymous, StatusCode::UNAUTHORIZED, "unauthenticated").await;
    api_error(
        post(&app, &voters[0], &path, json!({ "rating": 4 })).await,
        StatusCode::UNAUTHORIZED,
        "unauthenticated",
    )
    .await;
    let citizen = app.citizen("13700137011").await;
    api_error(
        post(&app, &citizen, &path, json!({ "rating": 6 })).await,
        StatusCode::BAD_REQUEST,
        "bad_parameter",
    )
    .await;
    let page = json_body(
        post(&app, &citizen, &path, json!({ "rating": 4 })).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        page["citizen_ratings"],
        json!({ "count": 1, "by_rating": [0, 0, 0, 1, 0] })
    );
    api_error(
        post(&app, &citizen, &path, json!({ "rating": 5 })).await,
        StatusCode::CONFLICT,
        "already_rated",
    )
    .await;
    let other = app.citizen("13700137012").await;
    let page = json_body(
        post(&app, &other, &path, json!({ "rating": 2 })).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(
        page["citizen_ratings"],
        json!({ "count": 2, "by_rating": [0, 1, 0, 1, 0] })
    );
    // Advisory, apart from the delegates' evaluation.
    assert_eq!(page["evaluation"], Value::Null);
    let not_adopted = format!("/api/projects/{}/rating", projects[2]);
    api_error(
        post(&app, &other, &not_adopted, json!({ "rating": 2 })).await,
        StatusCode::CONFLICT,
        "step_not_allowed",
    )
    .await;
    let stored: Vec<String> = sqlx::query_scalar("SELECT phone_hash FROM project_ratings")
        .fetch_all(&app.sql().await)
        .await
        .expect("the ratings");
    assert!(
        stored.iter().all(|h| !h.contains("1370013701")),
        "{stored:?}"
    );
}

async fn no_table_or_answer_links_a_delegate_to_an_evaluation(app: TestApp) {
    // Nine delegates, each with their own choices for the two projects (3 × 3 patterns), one
    // after the other, so any order kept with the ballots would show whose is whose.
    const EVALUATORS: usize = 9;
    let staff = staff(&app).await;
    let voters = delegates(&app, "evalsecret", EVALUATORS).await;
    let deadline = days_ahead(&app, 60);
    let (id, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    json_body(
        evaluation_window(&app, &staff, &id, "open").await,
        StatusCode::OK,
    )
    .await;
    let codes = ["satisfied", "basically_satisfied", "dissatisfied"];
    let mut sorted = projects[..2].to_vec();
    sorted.sort();
    let patterns: Vec<[(String, &str); 2]> = (0..EVALUATORS)
        .map(|i| {
            [
                (sorted[0].clone(), codes[i / 3]),
                (sorted[1].clone(), codes[i % 3]),
            ]
        })
        .collect();
    let stored_forms: Vec<String> = patterns
        .iter()
        .map(|p| {
            p.iter()
                .map(|(id, c)| format!("{id}={c}"))
                .collect::<Vec<_>>()
                .join(",")
        })
        .collect();
    let mut answers = Vec::new();
    let mut trackers = Vec::new();
    for (voter, pattern) in voters.iter().zip(&patterns) {
        let choices: Vec<(&str, &str)> = pattern.iter().map(|(p, c)| (p.as_str(), *c)).collect();
        let cast = json_body(
            evaluate(&app, voter, &id, &choices).await,
            StatusCode::CREATED,
        )
        .await;
        trackers.push(cast["tracker"].as_str().expect("a tracker").to_owned());
        answers.push(cast.to_string());
        let paper = app
            .send(
                voter
                    .cookie_only(app.get(&format!("/api/delegate/project-cycles/{id}/evaluation"))),
            )
            .await;
        answers.push(json_body(paper, StatusCode::OK).await.to_string());
    }
    json_body(
        evaluation_window(&app, &staff, &id, "closed").await,
        StatusCode::OK,
    )
    .await;
    let delegate_marks: Vec<String> = voters
        .iter()
        .flat_map(|v| {
            let token = v.cookie.split_once('=').expect("a cookie").1;
            [
                v.account["id"].as_str().expect("an id").to_owned(),
                v.account["username"]
                    .as_str()
                    .expect("a username")
                    .to_owned(),
                token_hash(token),
                v.csrf_token.clone(),
            ]
        })
        .collect();
    let mut read = 0;
    for (table, columns) in tables(&app).await {
        let rows = rows_of(&app, &table, &columns).await;
        read += 1;
        for row in &rows {
            let names_delegate = delegate_marks.iter().any(|m| row.contains(m.as_str()));
            let names_choice = stored_forms.iter().any(|f| row.contains(f.as_str()))
                || codes.iter().any(|c| row.contains(c))
                || trackers
                    .iter()
                    .any(|t| row.contains(t.as_str()) || row.contains(&token_hash(t)));
            assert!(
                !(names_delegate && names_choice),
                "{table} links a delegate to an evaluation: {row}"
            );
        }
        if table == "project_evaluation_ballots" {
            assert_eq!(columns, ["slot", "cycle_id", "choices", "tracker_hash"]);
            let stored: Vec<String> = rows
                .iter()
                .map(|r| r.split('|').nth(2).expect("choices").to_owned())
                .collect();
            assert_eq!(stored.len(), EVALUATORS);
            assert_ne!(
                stored, stored_forms,
                "the evaluations are stored in their order"
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
            let mut in_order = slots.clone();
            in_order.sort_unstable();
            assert_eq!(
                slots, in_order,
                "after the close the ballots are in slot order"
            );
        }
        if table == "project_evaluation_voters" {
            assert_eq!(columns, ["cycle_id", "account_id"]);
        }
    }
    assert!(read > 25, "only {read} tables read");
    let audit = audit_of(&app, &staff, &format!("project-cycle:{id}")).await;
    for entry in audit.iter().filter(|e| e["action"] == "project.evaluate") {
        assert_eq!(entry["details"], json!({}), "{entry}");
    }
    for project in &projects[..2] {
        answers.push(project_page(&app, project).await.to_string());
    }
    for answer in &answers {
        let names_delegate = delegate_marks.iter().any(|m| answer.contains(m.as_str()));
        let names_choice = codes.iter().any(|c| answer.contains(c))
            || trackers.iter().any(|t| answer.contains(&token_hash(t)));
        assert!(
            !(names_delegate && names_choice),
            "an answer links a delegate to an evaluation: {answer}"
        );
    }
}

async fn evaluation_trackers_are_published_after_the_close(app: TestApp) {
    let staff = staff(&app).await;
    let voters = delegates(&app, "evaltrack", 3).await;
    let deadline = days_ahead(&app, 60);
    let (id, projects) = adopted(&app, &staff, "city", &voters, &deadline).await;
    let trackers_path = format!("/api/project-cycles/{id}/evaluation-trackers");
    // Nothing is published before the window opens, nor while it is open.
    api_error(
        app.send(app.get(&trackers_path)).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    json_body(
        evaluation_window(&app, &staff, &id, "open").await,
        StatusCode::OK,
    )
    .await;
    let choices = [
        (projects[0].as_str(), "satisfied"),
        (projects[1].as_str(), "basically_satisfied"),
    ];
    let mut hashes = Vec::new();
    for voter in &voters {
        let cast = json_body(
            evaluate(&app, voter, &id, &choices).await,
            StatusCode::CREATED,
        )
        .await;
        let tracker = cast["tracker"].as_str().expect("a tracker");
        assert!(tracker.len() >= 20, "{cast}");
        hashes.push(token_hash(tracker));
    }
    assert_ne!(hashes[0], hashes[1], "each ballot has its own tracker");
    api_error(
        app.send(app.get(&trackers_path)).await,
        StatusCode::CONFLICT,
        "wrong_phase",
    )
    .await;
    json_body(
        evaluation_window(&app, &staff, &id, "closed").await,
        StatusCode::OK,
    )
    .await;
    let published = json_body(app.send(app.get(&trackers_path)).await, StatusCode::OK).await;
    hashes.sort();
    assert_eq!(published["trackers"], json!(hashes), "{published}");
    assert_eq!(published["cycle_id"], json!(id));
    api_error(
        app.send(app.get("/api/project-cycles/pc-nothing/evaluation-trackers"))
            .await,
        StatusCode::NOT_FOUND,
        "not_found",
    )
    .await;
}
