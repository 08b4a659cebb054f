//! Traditional Mongolian: the register's optional Mongolian name and address columns, and what
//! citizens, staff and delegates type with a vendor's keyboard stored and shown in the standard
//! encoding (UTN #57).

use crate::bookings::{
    activity, book_request, booked, booking_body, code_of, delegate, with, PHONE,
};
use crate::helpers::{json_body, on_both_databases, TestApp};
use crate::import::{import, sample_rows};
use crate::moderation::{acted, citizen_view, new_opinion};
use crate::notifications::staff;
use crate::opinions::{opinion_body, submitted};
use crate::reception::{check_in, put_record};
use deputy_homes_api::homes::register::{COLUMNS, MONGOLIAN_COLUMNS};
use deputy_homes_server::homes::register_file::ImportError;
use reqwest::StatusCode;
use serde_json::{json, Value};
use std::path::Path;

on_both_databases!(
    a_register_with_mongolian_columns_serves_them_where_given_and_nothing_where_not,
    a_mongolian_column_in_another_script_is_refused_naming_its_row_and_nothing_changes,
    an_opinion_typed_in_menksoft_shape_codes_is_stored_and_shown_in_utn57,
    a_booking_typed_in_menksoft_shape_codes_is_stored_in_utn57_and_chinese_is_untouched,
    staff_steps_and_replies_typed_in_menksoft_shape_codes_are_stored_and_shown_in_utn57,
    a_reception_record_typed_in_menksoft_shape_codes_is_stored_in_utn57,
);

/// ᠮᠣᠩᠭᠣᠯ as Menksoft's keyboard sends it: one Private Use code per glyph.
const MONGOL_MENKSOFT: &str = "\u{E2F1}\u{E291}\u{E2BD}\u{E2D9}\u{E291}\u{E2F9}";
/// The same word as `mongol-convert` writes it in UTN #57: the letters with the variation
/// selectors that pin each glyph (it draws as ᠮᠣᠩᠭᠣᠯ).
const MONGOL_UTN57: &str =
    "\u{182E}\u{1823}\u{1820}\u{182D}\u{180C}\u{1828}\u{180B}\u{1828}\u{180B}\u{1823}\u{182F}";

const NAME_MN: &str = "ᠬᠥᠬᠡᠬᠣᠲᠠ ᠶᠢᠨ ᠠᠷᠠᠳ ᠤᠨ ᠲᠥᠯᠦᠭᠡᠯᠡᠭᠴᠢ ᠶᠢᠨ ᠭᠡᠷ";
const ADDRESS_MN: &str = "ᠰᠢᠨᠬᠤᠸᠠ ᠶᠢᠨ ᠭᠤᠳᠤᠮᠵᠢ 1";

/// Writes a register file with the Mongolian columns: each row's sample cells and then its two.
fn write_with_mongolian(path: &Path, rows: &[(Vec<String>, &str, &str)]) {
    let mut writer = csv::Writer::from_path(path).expect("a writable register file");
    writer
        .write_record(COLUMNS.iter().chain(&MONGOLIAN_COLUMNS))
        .expect("the header");
    for (cells, name_mn, address_mn) in rows {
        let mut cells = cells.clone();
        cells.extend([name_mn.to_string(), address_mn.to_string()]);
        writer.write_record(&cells).expect("a row");
    }
    writer.flush().expect("the file is written");
}

async fn a_register_with_mongolian_columns_serves_them_where_given_and_nothing_where_not(
    app: TestApp,
) {
    let rows = sample_rows(&["xc-01", "xc-02", "xc-03"]);
    let path = app.scratch_path("with-mongolian.csv");
    write_with_mongolian(
        &path,
        &[
            (rows[0].clone(), NAME_MN, ADDRESS_MN),
            // Typed with Menksoft's keyboard: standardized on import.
            (rows[1].clone(), MONGOL_MENKSOFT, ""),
            (rows[2].clone(), "", ""),
        ],
    );
    assert_eq!(import(&app, &path, false).await.expect("a valid file"), 3);

    let list = app.homes(&[]).await;
    let items = list["items"].as_array().expect("items");
    assert_eq!(items[0]["name_mn"], NAME_MN);
    assert_eq!(items[0]["address_mn"], ADDRESS_MN);
    assert_eq!(items[1]["name_mn"], MONGOL_UTN57, "{}", items[1]);
    for (item, absent) in [
        (&items[1], "address_mn"),
        (&items[2], "name_mn"),
        (&items[2], "address_mn"),
    ] {
        assert!(
            item.get(absent).is_none(),
            "{absent} is left out, not null: {item}"
        );
    }
    let home = json_body(app.send(app.get("/api/homes/xc-01")).await, StatusCode::OK).await;
    assert_eq!(
        (home["name_mn"].clone(), home["address_mn"].clone()),
        (json!(NAME_MN), json!(ADDRESS_MN))
    );

    // The file without the columns, as before: no home has them any more.
    let plain = app.scratch_path("plain.csv");
    let mut writer = csv::Writer::from_path(&plain).expect("writable");
    writer.write_record(COLUMNS).expect("the header");
    writer.write_record(&rows[0]).expect("a row");
    writer.flush().expect("written");
    assert_eq!(import(&app, &plain, false).await.expect("a valid file"), 1);
    let home = json_body(app.send(app.get("/api/homes/xc-01")).await, StatusCode::OK).await;
    assert!(
        home.get("name_mn").is_none() && home.get("address_mn").is_none(),
        "{home}"
    );
}

async fn a_mongolian_column_in_another_script_is_refused_naming_its_row_and_nothing_changes(
    app: TestApp,
) {
    let before = app.homes(&[]).await;
    let rows = sample_rows(&["xc-01", "xc-02"]);
    let path = app.scratch_path("bad-mongolian.csv");
    write_with_mongolian(
        &path,
        &[
            (rows[0].clone(), NAME_MN, ""),
            (rows[1].clone(), "ᠭᠡᠷ", "海拉尔东街45号"),
        ],
    );
    let problems = match import(&app, &path, false).await {
        Err(ImportError::Rejected(problems)) => problems,
        other => panic!("expected a rejection, got {other:?}"),
    };
    let listed: Vec<String> = problems.iter().map(ToString::to_string).collect();
    assert_eq!(listed.len(), 1, "{listed:?}");
    assert!(
        listed[0].starts_with(
            "line 3, address_mn: holds 海 (U+6D77), which is not traditional Mongolian script"
        ),
        "{listed:?}"
    );
    assert_eq!(app.homes(&[]).await, before, "the register changed");
}

async fn an_opinion_typed_in_menksoft_shape_codes_is_stored_and_shown_in_utn57(app: TestApp) {
    let mut opinion = opinion_body(None, &[]);
    opinion["title"] = json!(format!("{MONGOL_MENKSOFT} 公交站台"));
    opinion["body"] = json!(format!("{MONGOL_MENKSOFT} 新华大街公交站夏天很晒 😀"));
    let receipt = submitted(&app, "menksoft", &opinion).await;
    let token = receipt["private_token"].as_str().expect("a token");
    let view = json_body(
        app.send(app.get(&format!("/api/opinions/by-token/{token}")))
            .await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(view["title"], format!("{MONGOL_UTN57} 公交站台"), "{view}");
    assert_eq!(
        view["body"],
        format!("{MONGOL_UTN57} 新华大街公交站夏天很晒 😀")
    );
    let (title, body): (String, String) = sqlx::query_as("SELECT title, body FROM opinions")
        .fetch_one(&app.sql().await)
        .await
        .expect("the opinion is stored");
    assert_eq!(
        (title.as_str(), body.as_str()),
        (
            view["title"].as_str().unwrap(),
            view["body"].as_str().unwrap()
        )
    );
}

async fn a_booking_typed_in_menksoft_shape_codes_is_stored_in_utn57_and_chinese_is_untouched(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let body = with(
        booking_body(PHONE),
        json!({ "name": "张三", "topic": format!("小区停车 {MONGOL_MENKSOFT}") }),
    );
    let booking = json_body(
        app.send(book_request(&app, &id, &body).await).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(booking["name"], "张三");
    assert_eq!(
        booking["topic"],
        format!("小区停车 {MONGOL_UTN57}"),
        "{booking}"
    );
}

async fn staff_steps_and_replies_typed_in_menksoft_shape_codes_are_stored_and_shown_in_utn57(
    app: TestApp,
) {
    let staff = staff(&app).await;
    let tracking = new_opinion(&app, Some(PHONE), json!({})).await;
    let typed = |chinese: &str| json!(format!("{MONGOL_MENKSOFT} {chinese}"));
    let standard = |chinese: &str| json!(format!("{MONGOL_UTN57} {chinese}"));
    let accept = json!({ "note": typed("已受理") });
    acted(&app, &staff, &tracking, "accept", accept).await;
    let assign = json!({ "unit_ids": ["u-jtj"], "note": typed("转交通局") });
    acted(&app, &staff, &tracking, "assign", assign).await;
    acted(&app, &staff, &tracking, "acknowledge", json!({})).await;
    let extend = json!({ "reason": typed("需要现场勘查"), "working_days": 5 });
    acted(&app, &staff, &tracking, "extend", extend).await;
    let note = json!({ "text": typed("已电话联系") });
    acted(&app, &staff, &tracking, "note", note).await;
    let reply = json!({ "class": "A", "text": typed("已加装遮阳棚 😀") });
    let view = acted(&app, &staff, &tracking, "reply", reply).await;

    assert_eq!(view["reply"]["text"], standard("已加装遮阳棚 😀"), "{view}");
    let written: Vec<&Value> = view["timeline"]
        .as_array()
        .expect("a timeline")
        .iter()
        .flat_map(|event| [&event["note"], &event["internal_note"]])
        .filter(|text| text.is_string())
        .collect();
    for text in ["已受理", "转交通局", "需要现场勘查", "已电话联系"] {
        assert!(
            written.contains(&&standard(text)),
            "{text} in UTN #57: {written:?}"
        );
    }
    assert!(
        !written
            .iter()
            .any(|text| text.to_string().contains('\u{E2F1}')),
        "no shape code is left: {written:?}"
    );
    let citizen = citizen_view(&app, &tracking, PHONE).await;
    assert_eq!(citizen["reply"]["text"], standard("已加装遮阳棚 😀"));
}

async fn a_reception_record_typed_in_menksoft_shape_codes_is_stored_in_utn57(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 3).await;
    let code = code_of(&booked(&app, &id, PHONE, "booked").await);
    json_body(check_in(&app, &wang, &id, &code).await, StatusCode::OK).await;
    let body = json!({
        "raised": format!("{MONGOL_MENKSOFT} 小区停车位不足"),
        "follow_up": format!("转街道办 {MONGOL_MENKSOFT}"),
        "booking_codes": [code],
    });
    let record = json_body(put_record(&app, &wang, &id, body).await, StatusCode::OK).await;
    assert_eq!(
        record["raised"],
        format!("{MONGOL_UTN57} 小区停车位不足"),
        "{record}"
    );
    assert_eq!(record["follow_up"], format!("转街道办 {MONGOL_UTN57}"));
    let (raised,): (String,) = sqlx::query_as("SELECT raised FROM reception_records")
        .fetch_one(&app.sql().await)
        .await
        .expect("the record is stored");
    assert_eq!(raised, format!("{MONGOL_UTN57} 小区停车位不足"));
}
