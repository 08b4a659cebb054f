//! `GET /api/activities/{id}/calendar.ics`: a valid iCalendar file a phone can import.

use crate::activities::{date_in, home_name};
use crate::bookings::{bad_field, delegate};
use crate::helpers::{api_error, json_body, on_both_databases, sample_homes, TestApp};
use reqwest::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use reqwest::{Method, StatusCode};
use serde_json::json;

on_both_databases!(
    an_activity_downloads_as_an_icalendar_file_with_utc_times_folded_lines_and_the_code,
    a_cancelled_activity_says_so_and_bad_codes_or_unknown_activities_are_refused_in_json,
);

/// The content lines of an iCalendar text, unfolded, after checking every physical line ends in
/// CRLF and is at most 75 octets.
fn content_lines(text: &str) -> Vec<String> {
    let body = text.strip_suffix("\r\n").expect("the file ends with CRLF");
    let mut lines: Vec<String> = Vec::new();
    for line in body.split("\r\n") {
        assert!(
            !line.contains(['\r', '\n']),
            "a bare line break in {line:?}"
        );
        assert!(line.len() <= 75, "{} octets: {line:?}", line.len());
        match line.strip_prefix(' ') {
            Some(rest) => lines.last_mut().expect("a line to continue").push_str(rest),
            None => lines.push(line.to_owned()),
        }
    }
    lines
}

fn value<'a>(lines: &'a [String], name: &str) -> &'a str {
    let prefix = format!("{name}:");
    let found: Vec<&str> = lines
        .iter()
        .filter_map(|l| l.strip_prefix(&prefix))
        .collect();
    assert_eq!(found.len(), 1, "one {name} in {lines:?}");
    found[0]
}

async fn publish(app: &TestApp, topic: &str) -> String {
    let wang = delegate(app).await;
    let body = json!({
        "kind": "reception",
        "date": date_in(10),
        "start": "09:00",
        "end": "11:30",
        "capacity": 5,
        "topic": topic,
    });
    let request = wang
        .signed(app.request(Method::POST, "/api/homes/xc-02/activities"))
        .json(&body);
    let created = json_body(app.send(request).await, StatusCode::CREATED).await;
    created[0]["id"].as_str().expect("an id").to_owned()
}

async fn an_activity_downloads_as_an_icalendar_file_with_utc_times_folded_lines_and_the_code(
    app: TestApp,
) {
    let topic = "关于社区停车难、老旧小区加装电梯，以及垃圾分类的意见建议".repeat(3);
    let id = publish(&app, &topic).await;
    let response = app
        .send(app.get(&format!("/api/activities/{id}/calendar.ics?code=acd-34x")))
        .await;
    assert_eq!(response.status(), StatusCode::OK);
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .unwrap_or_default()
            .to_owned()
    };
    assert_eq!(header(CONTENT_TYPE), "text/calendar; charset=utf-8");
    assert_eq!(
        header(CONTENT_DISPOSITION),
        format!("attachment; filename=\"activity-{id}.ics\"")
    );
    let text = response.text().await.expect("a body");
    assert!(
        text.split("\r\n").any(|l| l.starts_with(' ')),
        "long lines are folded"
    );
    let lines = content_lines(&text);
    assert_eq!(lines.first().map(String::as_str), Some("BEGIN:VCALENDAR"));
    assert_eq!(lines.last().map(String::as_str), Some("END:VCALENDAR"));
    assert_eq!(value(&lines, "VERSION"), "2.0");
    assert!(!value(&lines, "PRODID").is_empty());
    assert!(lines.iter().any(|l| l == "BEGIN:VEVENT") && lines.iter().any(|l| l == "END:VEVENT"));
    assert!(value(&lines, "UID").contains(&id));
    assert!(value(&lines, "DTSTAMP").ends_with('Z'));
    // 09:00 and 11:30 in Hohhot are 01:00 and 03:30 UTC the same day.
    let day = date_in(10).replace('-', "");
    assert_eq!(value(&lines, "DTSTART"), format!("{day}T010000Z"));
    assert_eq!(value(&lines, "DTEND"), format!("{day}T033000Z"));
    assert_eq!(
        value(&lines, "SUMMARY"),
        format!("接待日 {}", home_name("xc-02"))
    );
    let address = sample_homes()
        .into_iter()
        .find(|h| h.id == "xc-02")
        .expect("xc-02")
        .address;
    let escaped = address
        .replace('\\', "\\\\")
        .replace(',', "\\,")
        .replace(';', "\\;");
    assert_eq!(value(&lines, "LOCATION"), escaped);
    let description = value(&lines, "DESCRIPTION");
    assert!(description.contains("预约码：ACD34X"), "{description}");
    assert!(
        description.contains("\\n"),
        "lines of the description are escaped: {description}"
    );
    assert!(
        description.contains(&topic.replace(',', "\\,")),
        "{description}"
    );
    assert!(!lines.iter().any(|l| l.starts_with("STATUS:")));

    let without_code = app
        .send(app.get(&format!("/api/activities/{id}/calendar.ics")))
        .await;
    let text = without_code.text().await.expect("a body");
    assert!(!text.contains("预约码"));
}

async fn a_cancelled_activity_says_so_and_bad_codes_or_unknown_activities_are_refused_in_json(
    app: TestApp,
) {
    let id = publish(&app, "停车").await;
    let wang = app.sign_in("wang", crate::helpers::PASSWORD).await;
    let request = wang
        .signed(app.request(Method::POST, &format!("/api/activities/{id}/cancel")))
        .json(&json!({ "reason": "下雪, 道路结冰" }));
    json_body(app.send(request).await, StatusCode::OK).await;
    let response = app
        .send(app.get(&format!("/api/activities/{id}/calendar.ics")))
        .await;
    let lines = content_lines(&response.text().await.expect("a body"));
    assert_eq!(value(&lines, "STATUS"), "CANCELLED");
    assert!(value(&lines, "DESCRIPTION").contains("下雪\\, 道路结冰"));

    for code in ["ABC", "0O1IL2", "ACD34XX"] {
        let response = app
            .send(
                app.get(&format!("/api/activities/{id}/calendar.ics"))
                    .query(&[("code", code)]),
            )
            .await;
        bad_field(response, "code", code).await;
    }
    let missing = app.send(app.get("/api/activities/none/calendar.ics")).await;
    api_error(missing, StatusCode::NOT_FOUND, "not_found").await;
}
