//! The staff's queue (filters, masked phones, near duplicates), due dates in working days, the
//! handling units and the holiday calendar, and a delegate's list.

use crate::bookings::{bad_field, mobile, now_ms, PHONE};
use crate::helpers::{api_error, json_body, on_both_databases, Browser, TestApp, PASSWORD};
use crate::moderation::{act, acted, audit_of, citizen_view, new_opinion, staff_get, staff_view};
use crate::notifications::staff;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::meetings::activity::{civil_from_days, format_date, parse_date, shanghai_ms};
use deputy_homes_api::opinions::workdays::{add_working_days, is_working_day};
use reqwest::{Method, StatusCode};
use serde_json::{json, Value};

on_both_databases!(
    the_queue_filters_masks_phones_and_flags_near_duplicates,
    due_dates_count_working_days_around_weekends_and_holidays,
    an_extension_moves_the_due_date_within_twice_the_working_days,
    staff_keep_the_list_of_handling_units,
    staff_keep_the_holiday_calendar,
    a_delegate_sees_the_opinions_of_their_homes_only,
    a_delegate_sees_near_duplicates_only_among_their_homes_opinions,
    near_duplicates_are_found_once_at_submission_and_stored,
);

fn trackings(page: &Value) -> Vec<String> {
    page["items"]
        .as_array()
        .expect("items")
        .iter()
        .map(|i| i["tracking_number"].as_str().unwrap().to_owned())
        .collect()
}

/// `GET /api/staff/opinions?{q}` as staff; must be 200.
async fn queue(app: &TestApp, staff: &Browser, q: &str) -> Value {
    staff_get(app, staff, &format!("/api/staff/opinions?{q}")).await
}

async fn the_queue_filters_masks_phones_and_flags_near_duplicates(app: TestApp) {
    let staff = staff(&app).await;
    let first = new_opinion(&app, Some(PHONE), json!({})).await;
    let again = new_opinion(
        &app,
        Some(&mobile("1390000", 1)),
        json!({
            "title": "公交站台缺遮阳棚",
            "body": "新华大街公交站夏天太晒了，老人等车困难，建议加装遮阳棚",
        }),
    )
    .await;
    let other = new_opinion(
        &app,
        None,
        json!({
            "category": "health",
            "home_id": "hm-01",
            "title": "社区医院挂号排队长",
            "body": "社区医院周一上午挂号要排一个多小时，希望增加窗口。",
        }),
    )
    .await;
    let all = staff_get(&app, &staff, "/api/staff/opinions").await;
    assert_eq!(all["total"], 3);
    assert_eq!(
        trackings(&all),
        [other.as_str(), again.as_str(), first.as_str()],
        "newest first"
    );
    let items = all["items"].as_array().unwrap();
    assert_eq!(items[1]["near_duplicate_of"], first.as_str());
    assert!(
        items[2].get("near_duplicate_of").is_none(),
        "the first is no one's duplicate"
    );
    assert!(items[0].get("near_duplicate_of").is_none());
    assert_eq!(items[2]["phone_masked"], "138******00");
    assert!(items[0].get("phone_masked").is_none(), "anonymous");
    assert!(!all.to_string().contains(PHONE), "no phone in full");
    assert_eq!(items[0]["district"], "huimin");
    let view = staff_view(&app, &staff, &again).await;
    assert_eq!(view["summary"]["near_duplicate_of"], first.as_str());
    assert_eq!(view["contact"]["phone_masked"], "139******01");

    assert_eq!(
        trackings(&queue(&app, &staff, "category=health").await),
        [other.as_str()]
    );
    assert_eq!(
        trackings(&queue(&app, &staff, "district=huimin").await),
        [other.as_str()]
    );
    assert_eq!(
        trackings(&queue(&app, &staff, "home=xc-01").await),
        [again.as_str(), first.as_str()]
    );
    assert_eq!(
        trackings(&queue(&app, &staff, "q=挂号").await),
        [other.as_str()]
    );
    assert_eq!(
        trackings(&queue(&app, &staff, "q=%25").await),
        Vec::<String>::new()
    );
    acted(&app, &staff, &first, "accept", json!({})).await;
    let view = acted(
        &app,
        &staff,
        &first,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    assert_eq!(
        trackings(&queue(&app, &staff, "status=assigned").await),
        [first.as_str()]
    );
    assert_eq!(
        trackings(&queue(&app, &staff, "unit=u-jtj").await),
        [first.as_str()]
    );
    assert_eq!(queue(&app, &staff, "overdue=true").await["total"], 0);
    // A minute before the due day ends it is not overdue yet; when it has ended, it is.
    let due = parse_date(view["summary"]["due_date"].as_str().unwrap()).unwrap();
    app.move_clock_to(shanghai_ms(due + 1, 0) - 60_000);
    let staff = app.sign_in("staff", PASSWORD).await;
    assert_eq!(queue(&app, &staff, "overdue=true").await["total"], 0);
    app.clock.advance(60_000);
    let overdue = queue(&app, &staff, "overdue=true").await;
    assert_eq!(trackings(&overdue), [first.as_str()]);
    assert_eq!(overdue["items"][0]["overdue"], true);
    let bad = app
        .send(staff.cookie_only(app.get("/api/staff/opinions?status=lost")))
        .await;
    bad_field(bad, "status", "an unknown status").await;
    let second_page = queue(&app, &staff, "page=2").await;
    assert_eq!(
        (second_page["total"].clone(), second_page["page"].clone()),
        (json!(3), json!(2))
    );
    assert!(second_page["items"].as_array().unwrap().is_empty());
}

/// The seeded calendar's holidays and make-up days, as day counts.
async fn calendar(app: &TestApp, staff: &Browser) -> (Vec<i64>, Vec<i64>) {
    let days = staff_get(app, staff, "/api/holidays").await;
    let mut holidays = Vec::new();
    let mut workdays = Vec::new();
    for day in days["days"].as_array().unwrap() {
        let date = parse_date(day["date"].as_str().unwrap()).unwrap();
        if day["kind"] == "holiday" {
            holidays.push(date);
        } else {
            workdays.push(date);
        }
    }
    (holidays, workdays)
}

fn hohhot_today() -> i64 {
    (now_ms() / 60_000 + 8 * 60).div_euclid(1440)
}

async fn due_dates_count_working_days_around_weekends_and_holidays(app: TestApp) {
    let staff = staff(&app).await;
    let (holidays, workdays) = calendar(&app, &staff).await;
    let today = hohhot_today();
    let first = new_opinion(&app, Some(PHONE), json!({})).await;
    acted(&app, &staff, &first, "accept", json!({})).await;
    let view = acted(
        &app,
        &staff,
        &first,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    let due = parse_date(view["summary"]["due_date"].as_str().unwrap()).unwrap();
    assert_eq!(due, add_working_days(today, 60, &holidays, &workdays));
    assert!(
        due - today >= 82,
        "60 working days take at least 11 weekends"
    );

    // A new holiday on the first working day after today pushes later due dates one working
    // day on.
    let holiday = (today + 1..)
        .find(|d| is_working_day(*d, &holidays, &workdays))
        .unwrap();
    // An extended due date was set by a person: a new calendar leaves it alone.
    let extended = new_opinion(&app, Some(&mobile("1390000", 5)), json!({})).await;
    acted(&app, &staff, &extended, "accept", json!({})).await;
    acted(
        &app,
        &staff,
        &extended,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    let extension = json!({ "reason": "涉及多个部门", "working_days": 5 });
    let extended_due =
        acted(&app, &staff, &extended, "extend", extension).await["summary"]["due_date"].clone();
    let mut days = staff_get(&app, &staff, "/api/holidays").await;
    days["days"]
        .as_array_mut()
        .unwrap()
        .push(json!({ "date": format_date(holiday), "name": "测试假日", "kind": "holiday" }));
    let put = staff.signed(app.request(Method::PUT, "/api/holidays").json(&days));
    let stored = json_body(app.send(put).await, StatusCode::OK).await;
    assert_eq!(
        stored["recomputed"], 1,
        "only the unextended due date moves"
    );
    // The save and the move it caused share one moment; the log still lists them newest first,
    // in the order they were written.
    let log = staff_get(&app, &staff, "/api/staff/audit").await;
    let actions: Vec<&str> = log["items"]
        .as_array()
        .unwrap()
        .iter()
        .take(3)
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions,
        [
            "holidays.replace",
            "opinion.due_recomputed",
            "opinion.extend"
        ]
    );

    let second = new_opinion(&app, Some(&mobile("1390000", 2)), json!({})).await;
    acted(&app, &staff, &second, "accept", json!({})).await;
    let later = acted(
        &app,
        &staff,
        &second,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    let later_due = parse_date(later["summary"]["due_date"].as_str().unwrap()).unwrap();
    let mut with_holiday = holidays.clone();
    with_holiday.push(holiday);
    assert_eq!(
        later_due,
        add_working_days(due, 1, &with_holiday, &workdays)
    );
    assert!(later_due > due);
    // The first opinion's date was counted on a calendar that lacked the holiday: it is
    // counted again, and the move is in the audit log.
    let moved = staff_view(&app, &staff, &first).await;
    assert_eq!(
        moved["summary"]["due_date"],
        format_date(later_due).as_str()
    );
    let citizen = citizen_view(&app, &first, PHONE).await;
    assert_eq!(citizen["due_date"], format_date(later_due).as_str());
    let audit = audit_of(&app, &staff, &first).await;
    let recomputed = audit
        .iter()
        .find(|e| e["action"] == "opinion.due_recomputed")
        .expect("the move is audited");
    assert_eq!(
        (
            recomputed["details"]["from_due"].as_str(),
            recomputed["details"]["to_due"].as_str()
        ),
        (
            Some(format_date(due).as_str()),
            Some(format_date(later_due).as_str())
        )
    );
    let kept = staff_view(&app, &staff, &extended).await;
    assert_eq!(
        kept["summary"]["due_date"], extended_due,
        "extended dates stay"
    );
    assert!(audit_of(&app, &staff, &extended)
        .await
        .iter()
        .all(|e| e["action"] != "opinion.due_recomputed"));
    // Removing the holiday again moves both dates set by the rule back (the second opinion's
    // too, assigned while the holiday was listed).
    days["days"].as_array_mut().unwrap().pop();
    let put = staff.signed(app.request(Method::PUT, "/api/holidays").json(&days));
    let stored = json_body(app.send(put).await, StatusCode::OK).await;
    assert_eq!(stored["recomputed"], 2);
    for tracking in [&first, &second] {
        let back = staff_view(&app, &staff, tracking).await;
        assert_eq!(back["summary"]["due_date"], format_date(due).as_str());
    }
    let kept = staff_view(&app, &staff, &extended).await;
    assert_eq!(kept["summary"]["due_date"], extended_due);
}

async fn an_extension_moves_the_due_date_within_twice_the_working_days(app: TestApp) {
    let staff = staff(&app).await;
    let (holidays, workdays) = calendar(&app, &staff).await;
    let today = hohhot_today();
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    acted(&app, &staff, &tracking, "accept", json!({})).await;
    let view = acted(
        &app,
        &staff,
        &tracking,
        "assign",
        json!({ "unit_ids": ["u-jtj"] }),
    )
    .await;
    let due = parse_date(view["summary"]["due_date"].as_str().unwrap()).unwrap();

    let by_days = acted(
        &app,
        &staff,
        &tracking,
        "extend",
        json!({ "reason": "涉及多个部门", "working_days": 10 }),
    )
    .await;
    let extended = add_working_days(due, 10, &holidays, &workdays);
    assert_eq!(
        by_days["summary"]["due_date"],
        format_date(extended).as_str()
    );
    let last = by_days["timeline"]
        .as_array()
        .unwrap()
        .last()
        .unwrap()
        .clone();
    assert_eq!(
        (last["kind"].clone(), last["internal_note"].clone()),
        (json!("extended"), json!("涉及多个部门"))
    );
    assert_eq!(last["status"], "assigned");

    let latest = add_working_days(today, 120, &holidays, &workdays);
    let to_latest = json!({ "reason": "需要立项", "due_date": format_date(latest) });
    let at_limit = acted(&app, &staff, &tracking, "extend", to_latest).await;
    assert_eq!(
        at_limit["summary"]["due_date"],
        format_date(latest).as_str()
    );
    for (body, case) in [
        (
            json!({ "reason": "再延", "due_date": format_date(latest + 1) }),
            "past six months",
        ),
        (
            json!({ "reason": "提前", "due_date": format_date(due) }),
            "not later",
        ),
        (
            json!({ "reason": "两者", "due_date": format_date(latest), "working_days": 1 }),
            "both",
        ),
        (
            json!({ "reason": "坏日期", "due_date": "2026-02-30" }),
            "no such date",
        ),
    ] {
        bad_field(
            act(&app, &staff, &tracking, "extend", body).await,
            "due_date",
            case,
        )
        .await;
    }
    bad_field(
        act(
            &app,
            &staff,
            &tracking,
            "extend",
            json!({ "reason": " ", "working_days": 1 }),
        )
        .await,
        "reason",
        "no reason",
    )
    .await;
    let citizen = citizen_view(&app, &tracking, PHONE).await;
    let kinds: Vec<&str> = citizen["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["status"].as_str().unwrap())
        .collect();
    assert_eq!(
        kinds,
        ["submitted", "accepted", "assigned"],
        "extensions are internal"
    );
}

async fn staff_keep_the_list_of_handling_units(app: TestApp) {
    let staff = staff(&app).await;
    let units = staff_get(&app, &staff, "/api/units").await;
    let names: Vec<&str> = units
        .as_array()
        .unwrap()
        .iter()
        .map(|u| u["name"].as_str().unwrap())
        .collect();
    assert!(names.len() >= 15, "{names:?}");
    assert!(names.contains(&"市住房和城乡建设局"));
    let post = |body: Value| staff.signed(app.request(Method::POST, "/api/units").json(&body));
    let created = json_body(
        app.send(post(json!({ "name": "市林业和草原局" }))).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(created["active"], true);
    let id = created["id"].as_str().unwrap().to_owned();
    let taken = app.send(post(json!({ "name": "市教育局" }))).await;
    api_error(taken, StatusCode::CONFLICT, "taken").await;
    bad_field(
        app.send(post(json!({ "name": "局" }))).await,
        "name",
        "too short",
    )
    .await;

    let put = |body: Value| {
        staff.signed(
            app.request(Method::PUT, &format!("/api/units/{id}"))
                .json(&body),
        )
    };
    let renamed = json_body(
        app.send(put(json!({ "name": "市林草局" }))).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (renamed["name"].clone(), renamed["active"].clone()),
        (json!("市林草局"), json!(true))
    );
    let off = json_body(
        app.send(put(json!({ "active": false }))).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(
        (off["name"].clone(), off["active"].clone()),
        (json!("市林草局"), json!(false))
    );
    let missing = staff.signed(
        app.request(Method::PUT, "/api/units/u-none")
            .json(&json!({ "active": true })),
    );
    api_error(app.send(missing).await, StatusCode::NOT_FOUND, "not_found").await;

    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    acted(&app, &staff, &tracking, "accept", json!({})).await;
    for body in [
        json!({ "unit_ids": [id] }),
        json!({ "unit_ids": ["u-none"] }),
        json!({ "unit_ids": [] }),
        json!({ "unit_ids": ["u-jtj", "u-jtj"] }),
    ] {
        let case = body.to_string();
        bad_field(
            act(&app, &staff, &tracking, "assign", body).await,
            "unit_ids",
            &case,
        )
        .await;
    }
    assert_eq!(
        staff_view(&app, &staff, &tracking).await["summary"]["status"],
        "accepted"
    );
    let audit = audit_of(&app, &staff, &format!("unit:{id}")).await;
    let actions: Vec<&str> = audit
        .iter()
        .map(|e| e["action"].as_str().unwrap())
        .collect();
    assert_eq!(actions, ["unit.create", "unit.update", "unit.update"]);
    assert_eq!(audit[2]["details"]["active"], "false");
}

async fn staff_keep_the_holiday_calendar(app: TestApp) {
    let staff = staff(&app).await;
    let seeded = staff_get(&app, &staff, "/api/holidays").await;
    let days = seeded["days"].as_array().unwrap();
    let find = |date: &str| days.iter().find(|d| d["date"] == date).cloned();
    assert_eq!(find("2026-10-01").unwrap()["name"], "国庆节");
    assert_eq!(find("2026-02-17").unwrap()["kind"], "holiday");
    assert_eq!(find("2026-05-09").unwrap()["kind"], "workday");
    // The years a due date set today may reach, less those with a holiday listed.
    let today = hohhot_today();
    let (holidays, workdays) = calendar(&app, &staff).await;
    let reach = add_working_days(today, 60, &holidays, &workdays);
    let year = |day: i64| civil_from_days(day).0;
    let expected: Vec<i64> = (year(today)..=year(reach)).filter(|y| *y != 2026).collect();
    assert_eq!(seeded["missing_years"], json!(expected));
    assert!(seeded.get("recomputed").is_none());
    let put = |body: Value| staff.signed(app.request(Method::PUT, "/api/holidays").json(&body));
    let replaced = json_body(
        app.send(put(json!({ "days": [
            { "date": "2027-01-01", "name": "元旦", "kind": "holiday" },
            { "date": "2026-12-31", "name": "测试", "kind": "workday" },
        ] })))
        .await,
        StatusCode::OK,
    )
    .await;
    let dates: Vec<&str> = replaced["days"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| d["date"].as_str().unwrap())
        .collect();
    assert_eq!(dates, ["2026-12-31", "2027-01-01"]);
    assert_eq!(replaced["recomputed"], 0);
    let (holidays, workdays) = (
        [parse_date("2027-01-01").unwrap()],
        [parse_date("2026-12-31").unwrap()],
    );
    let reach = add_working_days(today, 60, &holidays, &workdays);
    let expected: Vec<i64> = (year(today)..=year(reach)).filter(|y| *y != 2027).collect();
    assert_eq!(
        replaced["missing_years"],
        json!(expected),
        "a make-up day covers no year"
    );
    for (body, field) in [
        (
            json!({ "days": [{ "date": "2027-13-01", "name": "x", "kind": "holiday" }] }),
            "days.date",
        ),
        (
            json!({ "days": [
            { "date": "2027-01-01", "name": "x", "kind": "holiday" },
            { "date": "2027-01-01", "name": "y", "kind": "workday" },
        ] }),
            "days.date",
        ),
        (
            json!({ "days": [{ "date": "2027-01-01", "name": "", "kind": "holiday" }] }),
            "days.name",
        ),
    ] {
        let case = body.to_string();
        bad_field(app.send(put(body)).await, field, &case).await;
    }
    assert_eq!(
        staff_get(&app, &staff, "/api/holidays").await["days"],
        replaced["days"],
        "refusals store nothing"
    );
    let audit = audit_of(&app, &staff, "holidays").await;
    assert_eq!(audit.len(), 1);
    assert_eq!(audit[0]["details"]["days"], "2");
}

async fn a_delegate_sees_the_opinions_of_their_homes_only(app: TestApp) {
    let delegate = app.signed_in_as("wang", Role::Delegate, &["xc-01"]).await;
    let here = new_opinion(&app, Some(PHONE), json!({})).await;
    new_opinion(
        &app,
        Some(&mobile("1390000", 3)),
        json!({ "home_id": "hm-01" }),
    )
    .await;
    new_opinion(
        &app,
        Some(&mobile("1390000", 4)),
        json!({ "home_id": null }),
    )
    .await;
    let list = json_body(
        app.send(delegate.cookie_only(app.get("/api/delegate/opinions")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(trackings(&list), [here.as_str()]);
    // No phone at all, not even masked: the opinion may be about this delegate.
    assert!(list["items"][0].get("phone_masked").is_none(), "{list}");
    let text = list.to_string();
    assert!(!text.contains(PHONE) && !text.contains("******"), "{text}");
    // Staff still see it masked.
    let staff = staff(&app).await;
    let queue = json_body(
        app.send(staff.cookie_only(app.get("/api/staff/opinions")))
            .await,
        StatusCode::OK,
    )
    .await;
    let mine = queue["items"]
        .as_array()
        .expect("items")
        .iter()
        .find(|i| i["tracking_number"] == here.as_str())
        .expect("the opinion is in the staff queue");
    assert_eq!(mine["phone_masked"], "138******00");
    let refused = app
        .send(staff.cookie_only(app.get("/api/delegate/opinions")))
        .await;
    api_error(refused, StatusCode::FORBIDDEN, "forbidden").await;
}

async fn a_delegate_sees_near_duplicates_only_among_their_homes_opinions(app: TestApp) {
    let delegate = app.signed_in_as("wang", Role::Delegate, &["xc-01"]).await;
    let repeated = json!({
        "title": "公交站台缺遮阳棚",
        "body": "新华大街公交站夏天太晒了，老人等车困难，建议加装遮阳棚",
    });
    let elsewhere = new_opinion(
        &app,
        Some(&mobile("1390000", 5)),
        json!({ "home_id": "hm-01", "title": repeated["title"], "body": repeated["body"] }),
    )
    .await;
    let here = new_opinion(&app, Some(PHONE), repeated.clone()).await;
    let staff = staff(&app).await;
    let all = staff_get(&app, &staff, "/api/staff/opinions").await;
    assert_eq!(trackings(&all), [here.as_str(), elsewhere.as_str()]);
    assert_eq!(
        all["items"][0]["near_duplicate_of"],
        elsewhere.as_str(),
        "staff see it"
    );
    let list = json_body(
        app.send(delegate.cookie_only(app.get("/api/delegate/opinions")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(trackings(&list), [here.as_str()]);
    assert!(
        list["items"][0].get("near_duplicate_of").is_none(),
        "another home's opinion is not named to the delegate: {list}"
    );
    assert!(!list.to_string().contains(&elsewhere));
    // One at their own home is named.
    let again = new_opinion(&app, Some(&mobile("1390000", 6)), repeated).await;
    let list = json_body(
        app.send(delegate.cookie_only(app.get("/api/delegate/opinions")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(trackings(&list), [again.as_str(), here.as_str()]);
    assert_eq!(
        list["items"][0]["near_duplicate_of"],
        here.as_str(),
        "{list}"
    );
}

async fn near_duplicates_are_found_once_at_submission_and_stored(app: TestApp) {
    let repeated = json!({
        "title": "公交站台缺遮阳棚",
        "body": "新华大街公交站夏天太晒了，老人等车困难，建议加装遮阳棚",
    });
    let elsewhere = new_opinion(
        &app,
        Some(&mobile("1390000", 5)),
        json!({ "home_id": "hm-01", "title": repeated["title"], "body": repeated["body"] }),
    )
    .await;
    let here = new_opinion(&app, Some(PHONE), repeated.clone()).await;
    let again = new_opinion(&app, Some(&mobile("1390000", 6)), repeated).await;
    // Stored by the submissions themselves, before any page was shown.
    let pool = app.sql().await;
    let stored = |tracking: String| {
        let pool = pool.clone();
        async move {
            sqlx::query_as::<_, (Option<String>, Option<String>, i64)>(
                "SELECT near_duplicate_of, near_duplicate_at_home_of, near_duplicates_checked \
                 FROM opinions WHERE tracking_number = $1",
            )
            .bind(tracking)
            .fetch_one(&pool)
            .await
            .expect("the opinion")
        }
    };
    assert_eq!(stored(elsewhere.clone()).await, (None, None, 1));
    assert_eq!(
        stored(here.clone()).await,
        (Some(elsewhere.clone()), None, 1)
    );
    assert_eq!(
        stored(again.clone()).await,
        (Some(elsewhere.clone()), Some(here.clone()), 1)
    );
    // A page shows what is stored: staff the nearest of all, delegates the nearest at the home.
    sqlx::query("UPDATE opinions SET near_duplicate_of = $1 WHERE tracking_number = $2")
        .bind(&here)
        .bind(&again)
        .execute(&pool)
        .await
        .expect("the test's change");
    let staff = staff(&app).await;
    let all = staff_get(&app, &staff, "/api/staff/opinions").await;
    assert_eq!(
        all["items"][0]["near_duplicate_of"],
        here.as_str(),
        "read, not computed again"
    );
    // An opinion stored before the column existed is compared when first shown, then stored.
    sqlx::query("UPDATE opinions SET near_duplicate_of = NULL, near_duplicates_checked = 0")
        .execute(&pool)
        .await
        .expect("the test's change");
    let all = staff_get(&app, &staff, "/api/staff/opinions").await;
    assert_eq!(all["items"][0]["near_duplicate_of"], elsewhere.as_str());
    assert_eq!(stored(again).await.2, 1);
}
