//! The first screen of `/`, `/homes/{id}`, `/activities`, `/board` and `/stats`: drawn into the built
//! page with the answer the app asks for first, the same answer `/api` gives; new at once after
//! an import, a booking, a publication or a reply, on every server; following the clock; the plain page
//! where it cannot be drawn. (That the app draws the same markup is the browser's test,
//! `tests/e2e/first-screen.test.mjs`.)

use crate::bookings::{activity, book, delegate, PHONE};
use crate::helpers::{on_both_databases, TestApp, INDEX_HTML};
use crate::import::{import, sample_rows, set, write_register};
use crate::moderation::{acted, new_opinion, replied};
use crate::notifications::staff;
use reqwest::header::{CACHE_CONTROL, CONTENT_TYPE, COOKIE, ETAG, IF_NONE_MATCH, LOCATION};
use reqwest::StatusCode;
use serde_json::{json, Value};

on_both_databases!(
    the_homes_pages_carry_the_answer_the_app_asks_for_and_draw_it,
    a_page_the_first_screen_cannot_draw_is_the_plain_page,
    a_new_register_is_drawn_at_once_on_every_server,
    the_open_badge_follows_the_clock,
    the_activities_page_carries_its_list_and_follows_each_booking,
    the_board_page_carries_its_page_and_follows_each_publication,
    the_statistics_page_carries_its_figures_and_follows_each_change,
    the_form_for_an_opinion_is_drawn_with_the_homes_to_choose_from,
    a_filter_form_sent_without_the_app_is_the_page_the_app_writes_for_it,
);

/// The page at `path`: 200, HTML, re-validated.
async fn page(request: reqwest::RequestBuilder) -> (String, String) {
    let response = request.send().await.expect("the server answers");
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()[CACHE_CONTROL], "no-cache");
    assert!(response.headers()[CONTENT_TYPE]
        .to_str()
        .is_ok_and(|t| t.starts_with("text/html")));
    let tag = response.headers()[ETAG].to_str().unwrap().to_owned();
    (tag, response.text().await.expect("a body"))
}

/// The answers a page carries: (the request's key, the JSON).
fn carried(page: &str) -> Vec<(String, Value)> {
    let mut found = Vec::new();
    let mut rest = page;
    let open = "<script type=\"application/json\" data-request=\"";
    while let Some(start) = rest.find(open) {
        let after = &rest[start + open.len()..];
        let (key, after) = after.split_once("\">").expect("the key's end");
        let (json, after) = after.split_once("</script>").expect("the script's end");
        let key = key.replace("&quot;", "\"").replace("&amp;", "&");
        found.push((key, serde_json::from_str(json).expect("JSON")));
        rest = after;
    }
    found
}

async fn api_json(app: &TestApp, path: &str) -> Value {
    let response = app.send(app.get(path)).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    response.json().await.expect("JSON")
}

async fn the_homes_pages_carry_the_answer_the_app_asks_for_and_draw_it(app: TestApp) {
    for (path, api, key) in [
        ("/", "/api/homes", r#"["/api/homes",[]]"#),
        (
            "/?type=professional&q=%E6%B3%95%E5%BE%8B",
            "/api/homes?q=%E6%B3%95%E5%BE%8B&type=professional",
            // In the order the app sends them, whatever the page's URL says.
            r#"["/api/homes",[["q","法律"],["type","professional"]]]"#,
        ),
        (
            "/?district=saihan",
            "/api/homes?district=saihan",
            r#"["/api/homes",[["district","saihan"]]]"#,
        ),
    ] {
        let (_, body) = page(app.get(path)).await;
        let expected = api_json(&app, api).await;
        assert_eq!(
            carried(&body),
            [(key.to_owned(), expected.clone())],
            "{path}"
        );
        let items = expected["items"].as_array().unwrap();
        assert!(!items.is_empty(), "{path}");
        assert_eq!(
            body.matches("<li class=\"home-card\">").count(),
            items.len(),
            "{path}"
        );
        for item in items {
            let id = item["id"].as_str().unwrap();
            let name = item["name_zh"].as_str().unwrap();
            assert!(
                body.contains(&format!(
                    "href=\"/homes/{id}\"><span class=\"home-card__name\">{name}</span>"
                )),
                "{path}: {id}"
            );
        }
        assert!(
            !body.contains("<p>shell</p>"),
            "{path}: the shell is replaced"
        );
    }

    let (tag, body) = page(app.get("/homes/xc-01")).await;
    let home = api_json(&app, "/api/homes/xc-01").await;
    let activities = api_json(&app, "/api/homes/xc-01/activities").await;
    assert_eq!(activities, json!([]));
    assert_eq!(
        carried(&body),
        [
            (r#"["/api/homes/xc-01",[]]"#.to_owned(), home.clone()),
            (
                r#"["/api/homes/xc-01/activities",[]]"#.to_owned(),
                activities
            )
        ]
    );
    assert!(body.contains("<h2 id=\"activities-heading\">近期活动</h2><p>暂无已发布的活动。</p>"));
    let name = home["name_zh"].as_str().unwrap();
    assert!(body.contains(&format!("<title>{name} · 呼和浩特人大代表之家</title>")));
    assert!(body.contains(&format!("<h1 data-read=\"\">{name}</h1>")));
    assert!(body.contains(home["address"].as_str().unwrap()));

    // Kept: asked again with its tag, the page has not changed.
    let again = app
        .send(app.get("/homes/xc-01").header(IF_NONE_MATCH, &tag))
        .await;
    assert_eq!(again.status(), StatusCode::NOT_MODIFIED);
}

async fn a_page_the_first_screen_cannot_draw_is_the_plain_page(app: TestApp) {
    // A home the register lacks, a filter the list refuses, a position (never in the app's
    // URLs): the app explains these itself.
    for path in [
        "/homes/no-such-home",
        "/?district=atlantis",
        "/?lat=40.8&lon=111.7",
        "/?q=x&type=castle",
    ] {
        let (_, body) = page(app.get(path)).await;
        assert_eq!(body, INDEX_HTML, "{path}");
    }
    // A phone that chose English, Mongolian or elders' mode has its page drawn by the app, so
    // no Chinese or standard-size screen flashes first.
    for cookie in [
        "dh-lang=en",
        "dh-lang=mn-Mong-CN",
        "dh-elders=on",
        "x=1; dh-lang=en",
    ] {
        for path in ["/", "/homes/xc-01"] {
            let (_, body) = page(app.get(path).header(COOKIE, cookie)).await;
            assert_eq!(body, INDEX_HTML, "{path} with {cookie}");
        }
    }
    let chinese = app
        .send(app.get("/").header(COOKIE, "dh-lang=zh-CN; dh-elders=off"))
        .await;
    assert_eq!(chinese.headers()[CACHE_CONTROL], "private, no-cache");
    let body = chinese.text().await.expect("a body");
    assert_eq!(carried(&body).len(), 1, "drawn with its answer");
}

async fn a_new_register_is_drawn_at_once_on_every_server(app: TestApp) {
    let other = app.other_server().await;
    for request in [app.get("/"), other.get("/"), app.get("/homes/xc-01")] {
        let (_, body) = page(request).await;
        assert!(!body.contains("新城区新名字代表之家"));
    }
    let mut rows = sample_rows(&["xc-01", "sh-01"]);
    set(&mut rows[0], "name_zh", "新城区新名字代表之家");
    let path = app.scratch_path("official.csv");
    write_register(&path, &rows);
    assert_eq!(import(&app, &path, false).await.expect("a valid file"), 2);

    for request in [app.get("/"), other.get("/")] {
        let (_, body) = page(request).await;
        assert_eq!(body.matches("<li class=\"home-card\">").count(), 2);
        assert!(body.contains("新城区新名字代表之家"));
        assert!(
            !body.contains("<p class=\"notice\">"),
            "no longer the sample"
        );
    }
    for request in [app.get("/homes/xc-01"), other.get("/homes/xc-01")] {
        let (_, body) = page(request).await;
        assert!(body.contains("<h1 data-read=\"\">新城区新名字代表之家</h1>"));
    }
}

/// The next Monday at `minute` of the day, Hohhot time, after `now_ms`.
fn next_monday_at(now_ms: i64, minute: i64) -> i64 {
    const DAY: i64 = 86_400_000;
    const HOHHOT: i64 = 8 * 3_600_000;
    let local_day = (now_ms + HOHHOT).div_euclid(DAY);
    // 1970-01-01 was a Thursday (3, Monday being 0).
    let weekday = (local_day + 3).rem_euclid(7);
    let monday = local_day + 7 - weekday;
    monday * DAY - HOHHOT + minute * 60_000
}

async fn the_open_badge_follows_the_clock(app: TestApp) {
    // The sample's xc-01 is open on weekdays 08:00–12:00 and 15:00–18:00.
    let badge = |body: &str| -> String {
        let card = body
            .split("<li class=\"home-card\">")
            .find(|card| card.contains("href=\"/homes/xc-01\""))
            .expect("xc-01's card")
            .to_owned();
        let start = card.find("<span class=\"open-badge").expect("a badge");
        card[start..card[start..].find("</span>").unwrap() + start].to_owned()
    };
    let monday_ten = next_monday_at(app.clock.now_ms(), 10 * 60);
    app.move_clock_to(monday_ten);
    let (_, body) = page(app.get("/")).await;
    let open = badge(&body);
    assert!(
        open.contains("open-badge--open") && open.contains("12:00"),
        "{open}"
    );
    let (_, body) = page(app.get("/homes/xc-01")).await;
    assert!(body.contains("<tr class=\"today\" aria-current=\"date\"><th scope=\"row\">周一"));

    // Half past twelve the same day: the kept page is not used, the badge says when it opens.
    app.move_clock_to(monday_ten + 150 * 60_000);
    let (_, body) = page(app.get("/")).await;
    let closed = badge(&body);
    assert!(
        !closed.contains("open-badge--open") && closed.contains("15:00"),
        "{closed}"
    );
}

async fn the_activities_page_carries_its_list_and_follows_each_booking(app: TestApp) {
    let delegate = delegate(&app).await;
    let id = activity(&app, &delegate, 2, 3).await;
    let other = app.other_server().await;
    for (path, api, key) in [
        (
            "/activities",
            "/api/activities",
            r#"["/api/activities",[]]"#,
        ),
        (
            "/activities?kind=reception&district=xincheng",
            "/api/activities?district=xincheng&kind=reception",
            r#"["/api/activities",[["district","xincheng"],["kind","reception"]]]"#,
        ),
    ] {
        let (_, body) = page(app.get(path)).await;
        let expected = api_json(&app, api).await;
        assert_eq!(carried(&body), [(key.to_owned(), expected)], "{path}");
        assert!(
            body.contains("<title>近期活动 · 呼和浩特人大代表之家</title>"),
            "{path}"
        );
        assert!(
            body.contains(&format!("href=\"/activities/{id}/book\">预约</a>")),
            "{path}"
        );
        assert!(body.contains("剩余 2 个名额"), "{path}");
    }
    // The home's page draws it too, carrying the home's activities.
    let listed = api_json(&app, "/api/activities").await;
    let home = listed[0]["home_id"].as_str().unwrap().to_owned();
    let home_page = format!("/homes/{home}");
    let (_, body) = page(app.get(&home_page)).await;
    let expected = api_json(&app, &format!("/api/homes/{home}/activities")).await;
    assert_eq!(expected.as_array().map(Vec::len), Some(1));
    assert!(carried(&body).contains(&(format!(r#"["/api/homes/{home}/activities",[]]"#), expected)));
    assert!(body.contains(&format!("href=\"/activities/{id}/book\">预约</a>")));
    assert!(body.contains("剩余 2 个名额"));

    // A district without it: drawn empty, as the app would.
    let (_, body) = page(app.get("/activities?district=saihan")).await;
    assert!(!body.contains(&id));
    assert!(body.contains("共 0 场活动"));

    // A booking changes the seats at once, on every server.
    for path in ["/activities", &home_page] {
        let (_, before) = page(other.get(path)).await;
        assert!(before.contains("剩余 2 个名额"), "{path}");
    }
    assert_eq!(book(&app, &id, PHONE).await.status(), StatusCode::CREATED);
    for request in [
        app.get("/activities"),
        other.get("/activities"),
        app.get(&home_page),
        other.get(&home_page),
    ] {
        let (_, body) = page(request).await;
        assert!(body.contains("剩余 1 个名额"), "{body}");
    }

    // Filters the list refuses, or writes otherwise than the app reads them, and another
    // language: the app draws the page.
    for path in [
        "/activities?district=atlantis",
        "/activities?date=2026-02-30",
        "/activities?district=%20xincheng",
        "/activities?kind=party",
    ] {
        let (_, body) = page(app.get(path)).await;
        assert_eq!(body, INDEX_HTML, "{path}");
    }
    let (_, body) = page(app.get("/activities").header(COOKIE, "dh-lang=en")).await;
    assert_eq!(body, INDEX_HTML);
}

async fn the_board_page_carries_its_page_and_follows_each_publication(app: TestApp) {
    let staff = staff(&app).await;
    let empty = page(app.get("/board")).await.1;
    assert!(empty.contains("还没有公开的答复。"), "{empty}");
    let other = app.other_server().await;
    page(other.get("/board?category=health")).await;

    let shown = new_opinion(
        &app,
        Some(PHONE),
        json!({ "category": "health", "title": "社区医院<挂号>排队长" }),
    )
    .await;
    replied(&app, &staff, &shown).await;
    acted(&app, &staff, &shown, "publish", json!({})).await;

    for (path, api, key) in [
        (
            "/board",
            "/api/public/opinions",
            r#"["/api/public/opinions",[]]"#,
        ),
        (
            "/board?page=1&category=health",
            "/api/public/opinions?category=health&page=1",
            r#"["/api/public/opinions",[["category","health"],["page","1"]]]"#,
        ),
        // A category the app cannot read it leaves out, and so does the page.
        (
            "/board?category=castles",
            "/api/public/opinions",
            r#"["/api/public/opinions",[]]"#,
        ),
    ] {
        for server in [app.get(path), other.get(path)] {
            let (_, body) = page(server).await;
            let expected = api_json(&app, api).await;
            assert_eq!(carried(&body), [(key.to_owned(), expected)], "{path}");
            assert!(body.contains("<title>公开答复 · 呼和浩特人大代表之家</title>"));
            assert!(
                body.contains(&format!(
                    "<li class=\"card board__item\" data-tracking=\"{shown}\">"
                )),
                "{path}: {body}"
            );
            assert!(
                body.contains("社区医院&lt;挂号&gt;排队长"),
                "{path}: escaped"
            );
            assert!(body.contains("共 1 条"), "{path}");
        }
    }
    let (_, body) = page(app.get("/board?category=transport")).await;
    assert!(body.contains("还没有公开的答复。"));
    assert!(
        body.contains("<option value=\"transport\" selected>"),
        "{body}"
    );

    // A page number the board refuses, and elders' mode: the app draws the page.
    let (_, body) = page(app.get("/board?page=99999999")).await;
    assert_eq!(body, INDEX_HTML);
    let (_, body) = page(app.get("/board").header(COOKIE, "dh-elders=on")).await;
    assert_eq!(body, INDEX_HTML);
}

async fn the_statistics_page_carries_its_figures_and_follows_each_change(app: TestApp) {
    let staff = staff(&app).await;
    let other = app.other_server().await;
    let (_, before) = page(other.get("/stats")).await;
    assert!(before.contains("<p>还没有分办的意见建议。</p>"), "{before}");

    let tracking = new_opinion(&app, Some(PHONE), json!({ "category": "transport" })).await;
    replied(&app, &staff, &tracking).await;
    let year = &tracking[2..6];
    for (path, api, key) in [
        (
            "/stats",
            "/api/public/stats".to_owned(),
            r#"["/api/public/stats",[]]"#.to_owned(),
        ),
        (
            &format!("/stats?year={year}") as &str,
            format!("/api/public/stats?year={year}"),
            format!(r#"["/api/public/stats",[["year","{year}"]]]"#),
        ),
    ] {
        for server in [app.get(path), other.get(path)] {
            let (_, body) = page(server).await;
            let expected = api_json(&app, &api).await;
            assert_eq!(carried(&body), [(key.clone(), expected)], "{path}");
            assert!(body.contains("<title>办理情况统计 · 呼和浩特人大代表之家</title>"));
            assert!(body.contains("<dt>收到</dt><dd>1</dd>"), "{path}: {body}");
            assert!(body.contains("<th scope=\"row\">交通出行</th>"), "{path}");
            assert!(
                body.contains("<th scope=\"row\">市交通运输局</th>"),
                "{path}: a unit's row"
            );
            assert!(
                body.contains(&format!("<option value=\"{year}\"")),
                "{path}: its year to choose"
            );
        }
    }
    // A year the statistics refuse, and another language: the app draws the page.
    let (_, body) = page(app.get("/stats?year=1999")).await;
    assert_eq!(body, INDEX_HTML);
    let (_, body) = page(app.get("/stats").header(COOKIE, "dh-lang=en")).await;
    assert_eq!(body, INDEX_HTML);
}

/// The form is drawn empty with every home of the register to choose from, the one in `?home=`
/// chosen, and carries the list the app asks for to fill that choice.
async fn the_form_for_an_opinion_is_drawn_with_the_homes_to_choose_from(app: TestApp) {
    let homes = api_json(&app, "/api/homes").await;
    let count = homes["items"].as_array().unwrap().len();
    assert!(count > 0);
    for (path, chosen) in [
        ("/opinions/new", None),
        ("/opinions/new?home=xc-01", Some("xc-01")),
    ] {
        let (_, body) = page(app.get(path)).await;
        assert!(
            body.contains("<title>提意见建议 · 呼和浩特人大代表之家</title><meta name=\"app-start\" content=\"on-first-use\">"),
            "{path}"
        );
        assert!(
            body.contains("<h1>提意见建议</h1><p>您的意见建议会由"),
            "{path}: {body}"
        );
        assert!(
            body.contains("<label for=\"opinion-title\">标题</label>"),
            "{path}"
        );
        let home_list = body
            .split_once("<select id=\"opinion-home\">")
            .and_then(|(_, rest)| rest.split_once("</select>"))
            .expect("the homes to choose from")
            .0;
        assert_eq!(home_list.matches("<option ").count(), count + 1, "{path}");
        assert_eq!(
            home_list.matches(" selected>").count(),
            usize::from(chosen.is_some()),
            "{path}"
        );
        if let Some(id) = chosen {
            assert!(home_list.contains(&format!("<option value=\"{id}\" selected>")));
        }
        assert_eq!(
            carried(&body),
            [(r#"["/api/homes",[]]"#.to_owned(), homes.clone())],
            "{path}"
        );
    }
    // A home the register lacks, a phone with a verified number (its form shows the number,
    // which only the app knows), another language: the app draws the page.
    let (_, body) = page(app.get("/opinions/new?home=nowhere")).await;
    assert_eq!(body, INDEX_HTML);
    let (_, body) = page(app.get("/opinions/new").header(COOKIE, "dh_citizen=abc")).await;
    assert_eq!(body, INDEX_HTML);
    let (_, body) = page(
        app.get("/opinions/new")
            .header(COOKIE, "dh-lang=mn-Mong-CN"),
    )
    .await;
    assert_eq!(body, INDEX_HTML);
}

/// Without the app, a filter form is sent by the browser as it is: every field by its name,
/// the empty ones too (`/?q=&district=saihan&type=`). The page sends it on to the address the
/// app writes for that filter, which is drawn (and kept) like any other.
async fn a_filter_form_sent_without_the_app_is_the_page_the_app_writes_for_it(app: TestApp) {
    let (_, list) = page(app.get("/")).await;
    for field in [
        "<form class=\"filters\" role=\"search\">",
        "id=\"search\" name=\"q\"",
        "id=\"district\" name=\"district\"",
        "id=\"type\" name=\"type\"",
        "<button class=\"button filters__submit\" type=\"submit\">搜索</button>",
    ] {
        assert!(list.contains(field), "{field}");
    }
    let (_, board) = page(app.get("/board")).await;
    assert!(board.contains("<form class=\"field filters\"><label for=\"board-category\">"));
    assert!(board.contains("id=\"board-category\" name=\"category\""));
    let (_, stats) = page(app.get("/stats")).await;
    assert!(stats.contains("id=\"stats-year\" name=\"year\""));
    let (_, activities) = page(app.get("/activities")).await;
    for name in ["district", "kind", "date"] {
        assert!(
            activities.contains(&format!("id=\"activities-{name}\" name=\"{name}\"")),
            "{name}"
        );
    }

    let unfollowed = reqwest::Client::builder()
        .no_proxy()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap();
    for (sent, written) in [
        ("/?q=&district=saihan&type=", "/?district=saihan"),
        (
            "/?q=%E6%B3%95%E5%BE%8B&district=&type=professional",
            "/?q=%E6%B3%95%E5%BE%8B&type=professional",
        ),
        ("/?q=&district=&type=", "/"),
        (
            "/activities?district=&kind=reception&date=",
            "/activities?kind=reception",
        ),
        ("/board?category=", "/board"),
        ("/stats?year=", "/stats"),
    ] {
        let response = unfollowed.get(app.url(sent)).send().await.unwrap();
        assert_eq!(response.status(), StatusCode::SEE_OTHER, "{sent}");
        assert_eq!(response.headers()[LOCATION], written, "{sent}");
        // Followed, it is the page drawn for that filter.
        let (_, followed) = page(app.get(sent)).await;
        let (_, direct) = page(app.get(written)).await;
        assert_eq!(followed, direct, "{sent}");
    }
    // A filter written in full is drawn where it is asked for.
    let direct = unfollowed
        .get(app.url("/?district=saihan"))
        .send()
        .await
        .unwrap();
    assert_eq!(direct.status(), StatusCode::OK);
}
