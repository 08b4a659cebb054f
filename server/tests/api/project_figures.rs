//! The term's public figures of livelihood projects: projects decided in closed votes, the
//! share completed and completed on time, and the delegates' satisfaction, by congress.

use crate::helpers::{json_body, on_both_databases, TestApp, PASSWORD};
use crate::notifications::staff;
use crate::projects::{
    adopted, days_ahead, delegates, evaluate, evaluation_window, open_vote, progress,
};
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_databases!(the_figures_count_adopted_projects_completion_on_time_and_satisfaction);

async fn figures(app: &TestApp) -> Value {
    json_body(
        app.send(app.get("/api/project-figures")).await,
        StatusCode::OK,
    )
    .await
}

/// A figure's counts, in the order of the answer's fields.
fn counts(f: &Value) -> [u64; 6] {
    [
        "decided",
        "completed",
        "completed_on_time",
        "evaluated",
        "satisfied",
        "basically_satisfied",
    ]
    .map(|k| f[k].as_u64().unwrap_or_else(|| panic!("{k} in {f}")))
}

async fn the_figures_count_adopted_projects_completion_on_time_and_satisfaction(app: TestApp) {
    let staff = staff(&app).await;
    let none = figures(&app).await;
    assert_eq!(counts(&none["total"]), [0; 6], "{none}");
    assert_eq!(none["by_congress"], json!([]));
    let city_voters = delegates(&app, "figcity", 3).await;
    let saihan_voters = delegates(&app, "figsaihan", 3).await;
    let huimin_voters = delegates(&app, "fighuimin", 3).await;
    let deadline = days_ahead(&app, 30);
    // Saihan's cycle is closed first; the city's after; Huimin's vote is still open.
    let (_, saihan) = adopted(&app, &staff, "saihan", &saihan_voters, &deadline).await;
    let (city_cycle, city) = adopted(&app, &staff, "city", &city_voters, &deadline).await;
    open_vote(&app, &staff, "huimin", &huimin_voters, 3, 1).await;
    // The city's first project is done in time; its second is half done.
    let done = |percent: u32| json!({ "percent": percent, "done": "完成主体施工" });
    for (project, percent) in [(&city[0], 100), (&city[1], 50), (&saihan[0], 60)] {
        json_body(
            progress(&app, &staff, project, done(percent)).await,
            StatusCode::CREATED,
        )
        .await;
    }
    // The city's delegates evaluate: the first satisfied by all, the second by none.
    json_body(
        evaluation_window(&app, &staff, &city_cycle, "open").await,
        StatusCode::OK,
    )
    .await;
    let (a, b) = (city[0].as_str(), city[1].as_str());
    for voter in &city_voters {
        let choices = [(a, "satisfied"), (b, "dissatisfied")];
        json_body(
            evaluate(&app, voter, &city_cycle, &choices).await,
            StatusCode::CREATED,
        )
        .await;
    }
    // An open evaluation counts for nothing yet.
    assert_eq!(counts(&figures(&app).await["total"])[3], 0);
    json_body(
        evaluation_window(&app, &staff, &city_cycle, "closed").await,
        StatusCode::OK,
    )
    .await;
    // Saihan's first project is finished a day after its deadline (staff sign in again: a
    // month later their session has ended).
    app.clock.advance(31 * 86_400_000);
    let staff = app.sign_in("staff", PASSWORD).await;
    json_body(
        progress(&app, &staff, &saihan[0], done(100)).await,
        StatusCode::CREATED,
    )
    .await;
    let answer = figures(&app).await;
    assert_eq!(counts(&answer["total"]), [4, 2, 1, 2, 1, 0], "{answer}");
    assert_eq!(answer["total"]["congress"], "all");
    let by: Vec<(&str, [u64; 6])> = answer["by_congress"]
        .as_array()
        .expect("by_congress")
        .iter()
        .map(|f| (f["congress"].as_str().expect("a congress"), counts(f)))
        .collect();
    assert_eq!(
        by,
        [("city", [2, 1, 1, 2, 1, 0]), ("saihan", [2, 1, 0, 0, 0, 0]),]
    );
}
