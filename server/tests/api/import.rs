//! Importing a register file: a valid file replaces the register, a rejected one changes nothing.

use crate::helpers::{decoded_body, item_ids, on_both_databases, sample_register_path, TestApp};
use deputy_homes_api::homes::register::COLUMNS;
use deputy_homes_server::homes::register_file::{import_file, ImportError};
use serde_json::{json, Value};
use std::path::{Path, PathBuf};

on_both_databases!(
    with_empty_register:
    an_empty_register_serves_an_empty_list,
    importing_a_valid_file_into_an_empty_register_serves_its_homes,
);

on_both_databases!(
    a_rejected_file_lists_every_problem_and_leaves_the_old_register_in_place,
    an_unreadable_file_is_reported_and_leaves_the_old_register_in_place,
    importing_a_valid_file_replaces_the_whole_sample_register,
    importing_the_official_register_removes_the_demonstration_accounts,
    every_server_on_the_database_answers_a_new_register_at_once_in_every_encoding,
);

/// The sample register's rows with the given ids, in the order given, as text cells.
pub(crate) fn sample_rows(ids: &[&str]) -> Vec<Vec<String>> {
    let mut reader = csv::Reader::from_path(sample_register_path()).expect("data/homes.csv");
    let all: Vec<Vec<String>> = reader
        .records()
        .map(|r| {
            r.expect("a valid record")
                .iter()
                .map(str::to_owned)
                .collect()
        })
        .collect();
    ids.iter()
        .map(|id| {
            all.iter()
                .find(|row| row[0] == *id)
                .unwrap_or_else(|| panic!("{id} is not in data/homes.csv"))
                .clone()
        })
        .collect()
}

pub(crate) fn set(row: &mut [String], column: &str, value: &str) {
    let index = COLUMNS
        .iter()
        .position(|c| *c == column)
        .expect("a register column");
    row[index] = value.to_owned();
}

/// Writes a register file: the header on line 1, then one row per line.
pub(crate) fn write_register(path: &Path, rows: &[Vec<String>]) {
    let mut writer = csv::Writer::from_path(path).expect("a writable register file");
    writer.write_record(COLUMNS).expect("the header");
    for row in rows {
        writer.write_record(row).expect("a row");
    }
    writer.flush().expect("the file is written");
    let text = std::fs::read_to_string(path).expect("the file is readable");
    assert_eq!(
        text.lines().count(),
        rows.len() + 1,
        "each row must be on one line for the line numbers to hold"
    );
}

pub(crate) async fn import(app: &TestApp, path: &Path, sample: bool) -> Result<usize, ImportError> {
    let db = app.db().await;
    import_file(&db, path, sample).await
}

async fn an_empty_register_serves_an_empty_list(app: TestApp) {
    let body = app.homes(&[]).await;
    assert_eq!(body["items"], json!([]));
    assert_eq!(body["register"]["total"], 0);
    let response = app.send(app.get("/api/homes/xc-01")).await;
    assert_eq!(response.status(), reqwest::StatusCode::NOT_FOUND);
}

async fn importing_a_valid_file_into_an_empty_register_serves_its_homes(app: TestApp) {
    let path = app.scratch_path("official.csv");
    let mut rows = sample_rows(&["tz-02", "xc-01", "pro-law"]);
    set(&mut rows[1], "phone", "0471-1234567");
    write_register(&path, &rows);

    assert_eq!(import(&app, &path, false).await.expect("a valid file"), 3);

    let body = app.homes(&[]).await;
    assert_eq!(item_ids(&body), ["tz-02", "xc-01", "pro-law"], "file order");
    assert_eq!(body["register"], json!({ "sample": false, "total": 3 }));
    assert_eq!(app.home_ids(&[("type", "professional")]).await, ["pro-law"]);
    let response = app.send(app.get("/api/homes/xc-01")).await;
    let home: serde_json::Value = response.json().await.expect("JSON");
    assert_eq!(
        home["phone"], "0471-1234567",
        "the imported values are served"
    );

    let as_sample = app.scratch_path("sample.csv");
    write_register(&as_sample, &sample_rows(&["xc-02"]));
    assert_eq!(
        import(&app, &as_sample, true).await.expect("a valid file"),
        1
    );
    assert_eq!(
        app.homes(&[]).await["register"],
        json!({ "sample": true, "total": 1 })
    );
}

async fn a_rejected_file_lists_every_problem_and_leaves_the_old_register_in_place(app: TestApp) {
    let before = app.homes(&[]).await;
    let before_one = app
        .send(app.get("/api/homes/xc-02"))
        .await
        .text()
        .await
        .expect("a body");
    assert_eq!(before["register"]["total"], 104);

    let path = app.scratch_path("broken.csv");
    let mut rows = sample_rows(&["xc-02", "xc-03", "xc-04", "xc-05"]);
    set(&mut rows[0], "phone", "0471-1111111");
    set(&mut rows[1], "district", "未知区");
    set(&mut rows[2], "mon", "8-17");
    set(&mut rows[3], "facilities", "parking;moat");
    set(&mut rows[3], "type", "castle");
    write_register(&path, &rows);

    let problems = match import(&app, &path, false).await {
        Err(ImportError::Rejected(problems)) => problems,
        Err(other) => panic!("expected a rejection, got: {other}"),
        Ok(count) => panic!("the broken file was imported ({count} homes)"),
    };
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(
        listed,
        [
            "line 3, district: 未知区 is not one of the 9 districts",
            "line 4, mon: \"8-17\" is not a time range like 08:30-17:30",
            "line 5, type: castle is not one of the 10 home types",
            "line 5, facilities: moat is not a known facility",
        ]
    );

    assert_eq!(app.homes(&[]).await, before, "the register changed");
    let after_one = app
        .send(app.get("/api/homes/xc-02"))
        .await
        .text()
        .await
        .expect("a body");
    assert_eq!(
        after_one, before_one,
        "the good row of the rejected file leaked in"
    );
}

async fn an_unreadable_file_is_reported_and_leaves_the_old_register_in_place(app: TestApp) {
    let before = app.homes(&[]).await;
    let missing: PathBuf = app.scratch_path("no-such-register.csv");
    match import(&app, &missing, false).await {
        Err(ImportError::Unreadable { path, .. }) => {
            assert!(path.ends_with("no-such-register.csv"))
        }
        other => panic!("expected Unreadable, got {other:?}"),
    }
    let empty = app.scratch_path("empty.csv");
    std::fs::write(&empty, "").expect("writable");
    match import(&app, &empty, false).await {
        Err(ImportError::Rejected(problems)) => {
            assert_eq!(problems.len(), 1);
            assert_eq!(problems[0].to_string(), "line 1, file: is empty");
        }
        other => panic!("expected a rejection, got {other:?}"),
    }
    assert_eq!(app.homes(&[]).await, before);
}

async fn importing_a_valid_file_replaces_the_whole_sample_register(app: TestApp) {
    let tag_before = app.send(app.get("/api/homes")).await;
    let tag_before = tag_before.headers()["etag"].clone();

    let path = app.scratch_path("official.csv");
    write_register(&path, &sample_rows(&["sh-01", "pro-education"]));
    assert_eq!(import(&app, &path, false).await.expect("a valid file"), 2);

    let body = app.homes(&[]).await;
    assert_eq!(item_ids(&body), ["sh-01", "pro-education"]);
    assert_eq!(body["register"], json!({ "sample": false, "total": 2 }));
    let gone = app.send(app.get("/api/homes/xc-01")).await;
    assert_eq!(
        gone.status(),
        reqwest::StatusCode::NOT_FOUND,
        "old homes are removed"
    );

    let tag_after = app.send(app.get("/api/homes")).await;
    assert_ne!(
        tag_after.headers()["etag"],
        tag_before,
        "a new register must not be answered 304 with the old tag"
    );
}

/// The harness itself: two apps never share a database, so an import in one test cannot leak
/// into another running at the same time.
mod each_test_app_has_a_database_of_its_own {
    use super::*;
    use crate::helpers::Backend;

    async fn check(backend: Backend) {
        let first = TestApp::spawn(backend).await;
        let second = TestApp::spawn(backend).await;
        assert_ne!(first.database_url(), second.database_url());
        let path = first.scratch_path("one.csv");
        write_register(&path, &sample_rows(&["hm-01"]));
        assert_eq!(import(&first, &path, false).await.expect("a valid file"), 1);
        assert_eq!(item_ids(&first.homes(&[]).await), ["hm-01"]);
        assert_eq!(second.homes(&[]).await["register"]["total"], 104);
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_sqlite() {
        check(Backend::Sqlite).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_postgres() {
        check(Backend::Postgres).await;
    }
}

async fn importing_the_official_register_removes_the_demonstration_accounts(app: TestApp) {
    use crate::helpers::PASSWORD;
    use deputy_homes_api::accounts::{NewAccount, Role};
    let demo = NewAccount {
        username: "demo-staff".to_owned(),
        display_name: "演示".to_owned(),
        role: Role::Staff,
        phone: None,
        password: PASSWORD.to_owned(),
        home_ids: Vec::new(),
    };
    deputy_homes_server::accounts::rules::create(&app.db().await, &demo, Vec::new(), true, 0)
        .await
        .expect("the demonstration account");
    app.create_account("zhang", Role::Staff, None, &[]).await;
    let session = app.sign_in("demo-staff", PASSWORD).await;
    let file = app.scratch_path("official.csv");
    write_register(&file, &sample_rows(&["xc-01", "xc-02"]));

    import(&app, &file, true)
        .await
        .expect("imported as sample data");
    app.sign_in("demo-staff", PASSWORD).await;

    import(&app, &file, false)
        .await
        .expect("imported as the official register");
    let refused = app.sign_in_response("demo-staff", PASSWORD).await;
    assert_eq!(refused.status(), reqwest::StatusCode::UNAUTHORIZED);
    let ended = app.send(session.cookie_only(app.get("/api/session"))).await;
    assert_eq!(
        ended.status(),
        reqwest::StatusCode::UNAUTHORIZED,
        "its sessions end too"
    );
    app.sign_in("zhang", PASSWORD).await;
}

/// The tag and the decoded JSON of a server's answer to a GET in one encoding.
async fn tag_and_json(request: reqwest::RequestBuilder, encoding: &str) -> (String, Value) {
    let response = request
        .header("accept-encoding", encoding)
        .send()
        .await
        .expect("an answer");
    assert_eq!(response.status(), reqwest::StatusCode::OK);
    let tag = response.headers()["etag"]
        .to_str()
        .expect("an ASCII tag")
        .to_owned();
    let json = serde_json::from_slice(&decoded_body(response).await).expect("a JSON body");
    (tag, json)
}

const PUBLIC_PATHS: [&str; 3] = [
    "/api/homes",
    "/api/homes?district=xincheng",
    "/api/homes/xc-01",
];

/// Two servers keep the register's answers encoded in memory; an import made elsewhere (the
/// command line, here a pool of its own) reaches both at once, in every encoding, and the old
/// tags no longer match.
async fn every_server_on_the_database_answers_a_new_register_at_once_in_every_encoding(
    app: TestApp,
) {
    let other = app.other_server().await;
    let mut before = Vec::new();
    for path in PUBLIC_PATHS {
        // Asked twice in each encoding on each server, so the later answers are the kept ones.
        for encoding in ["identity", "gzip", "br", "identity", "gzip", "br"] {
            for request in [app.get(path), other.get(path)] {
                before.push(tag_and_json(request, encoding).await);
            }
        }
        assert!(
            before.windows(2).all(|pair| pair[0] == pair[1]),
            "{path}: every server and encoding gives one tag and one JSON"
        );
        before.clear();
    }
    let old_tags: Vec<String> = {
        let mut tags = Vec::new();
        for path in PUBLIC_PATHS {
            tags.push(tag_and_json(app.get(path), "identity").await.0);
        }
        tags
    };

    let mut rows = sample_rows(&["xc-01", "sh-01"]);
    set(&mut rows[0], "name_zh", "新城区新名字代表之家");
    let path = app.scratch_path("official.csv");
    write_register(&path, &rows);
    assert_eq!(import(&app, &path, false).await.expect("a valid file"), 2);

    for (path, old_tag) in PUBLIC_PATHS.iter().zip(&old_tags) {
        for encoding in ["identity", "gzip", "br"] {
            for request in [app.get(path), other.get(path)] {
                let (tag, json) = tag_and_json(request, encoding).await;
                assert_ne!(&tag, old_tag, "{path} {encoding}: the old tag");
                let name = match *path {
                    "/api/homes/xc-01" => &json["name_zh"],
                    _ => &json["items"][0]["name_zh"],
                };
                assert_eq!(name, "新城区新名字代表之家", "{path} {encoding}");
                if *path == "/api/homes" {
                    assert_eq!(json["register"], json!({ "sample": false, "total": 2 }));
                }
            }
            for request in [app.get(path), other.get(path)] {
                let response = request
                    .header("if-none-match", old_tag)
                    .header("accept-encoding", encoding)
                    .send()
                    .await
                    .expect("an answer");
                assert_eq!(
                    response.status(),
                    reqwest::StatusCode::OK,
                    "{path} {encoding}: the old tag must not be answered 304"
                );
            }
        }
    }
}
