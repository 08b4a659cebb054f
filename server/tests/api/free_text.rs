//! Free text: control characters (line breaks only where the text has several lines) and
//! bidirectional overrides are a 400 naming the field in every write, a NUL anywhere is a 400
//! rather than PostgreSQL's 500, and text is stored in Unicode normalization form C.

use crate::bookings::{
    activity, bad_field, book_request, booking_body, code_of, delegate, stored_bookings, with,
    PHONE,
};
use crate::helpers::{json_body, on_both_databases, TestApp};
use crate::opinions::{opinion_body, submit_request};
use deputy_homes_api::accounts::Role;
use reqwest::{Method, StatusCode};
use serde_json::json;

on_both_databases!(
    control_and_bidirectional_characters_are_a_400_naming_the_field_and_store_nothing,
    a_nul_in_any_string_is_a_400_naming_its_field,
    text_is_stored_in_normalization_form_c,
);

async fn control_and_bidirectional_characters_are_a_400_naming_the_field_and_store_nothing(
    app: TestApp,
) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let cases = [
        (
            "a right-to-left override",
            json!({ "name": "张\u{202E}三" }),
            "name",
        ),
        (
            "a first-strong isolate",
            json!({ "name": "\u{2068}张三" }),
            "name",
        ),
        (
            "a line break in a name",
            json!({ "name": "张\n三" }),
            "name",
        ),
        ("a bell", json!({ "topic": "停车\u{7}" }), "topic"),
        (
            "an escape sequence",
            json!({ "topic": "\u{1b}[31m停车" }),
            "topic",
        ),
        ("a C1 control", json!({ "topic": "停\u{85}车" }), "topic"),
    ];
    for (case, changes, field) in cases {
        let body = with(booking_body(PHONE), changes);
        bad_field(
            app.send(book_request(&app, &id, &body).await).await,
            field,
            case,
        )
        .await;
    }
    assert_eq!(stored_bookings(&app).await, 0, "nothing was stored");
    // A topic is written in a text area: its line breaks and tabs are kept.
    let body = with(booking_body(PHONE), json!({ "topic": "停车\r\n\t充电" }));
    let booking = json_body(
        app.send(book_request(&app, &id, &body).await).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(booking["topic"], "停车\r\n\t充电", "{booking}");

    let mut title = opinion_body(None, &[]);
    title["title"] = json!("公交站台\u{202D}缺少遮阳棚");
    let mut body_text = opinion_body(None, &[]);
    body_text["body"] = json!("新华大街公交站夏天很晒\u{8}，老人等车困难。");
    let mut contact = opinion_body(Some(PHONE), &[]);
    contact["contact"]["name"] = json!("张\u{2066}三");
    for (case, opinion, field) in [
        ("an override in a title", title, "title"),
        ("a backspace in a body", body_text, "body"),
        ("an isolate in a contact name", contact, "contact.name"),
    ] {
        let request = submit_request(&app, &format!("key-{field}"), &opinion).await;
        bad_field(app.send(request).await, field, case).await;
    }

    let staff = app.signed_in_as("lihua", Role::Staff, &[]).await;
    let unit = staff.signed(
        app.request(Method::POST, "/api/units")
            .json(&json!({ "name": "交通局\u{202E}" })),
    );
    bad_field(app.send(unit).await, "name", "an override in a unit name").await;
    let reason = wang.signed(
        app.request(Method::POST, &format!("/api/activities/{id}/cancel"))
            .json(&json!({ "reason": "临时\u{1}有事" })),
    );
    bad_field(app.send(reason).await, "reason", "a control in a reason").await;
    let account = staff.signed(app.request(Method::POST, "/api/accounts").json(&json!({
        "username": "zhao",
        "display_name": "赵\u{202E}六",
        "role": "staff",
        "password": "long enough password",
    })));
    bad_field(
        app.send(account).await,
        "display_name",
        "an override in a display name",
    )
    .await;
    bad_field(
        app.sign_in_response("lihua\u{202E}", "whatever it is")
            .await,
        "login",
        "an override in a login",
    )
    .await;
}

async fn a_nul_in_any_string_is_a_400_naming_its_field(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    let body = with(booking_body(PHONE), json!({ "name": "张\u{0}三" }));
    bad_field(
        app.send(book_request(&app, &id, &body).await).await,
        "name",
        "NUL in a name",
    )
    .await;
    let mut opinion = opinion_body(Some(PHONE), &[]);
    opinion["contact"]["name"] = json!("\u{0}");
    let request = submit_request(&app, "key-nul", &opinion).await;
    bad_field(
        app.send(request).await,
        "contact.name",
        "NUL in a contact name",
    )
    .await;
    bad_field(
        app.sign_in_response("wang\u{0}", "whatever it is").await,
        "login",
        "NUL in a login",
    )
    .await;
    let staff = app.signed_in_as("lihua", Role::Staff, &[]).await;
    let homes = staff.signed(
        app.request(
            Method::PUT,
            &format!("/api/accounts/{}/homes", wang_id(&wang)),
        )
        .json(&json!({ "home_ids": ["xc-02\u{0}"] })),
    );
    bad_field(app.send(homes).await, "home_ids", "NUL in a home id").await;
    assert_eq!(stored_bookings(&app).await, 0, "nothing was stored");
}

fn wang_id(wang: &crate::helpers::Browser) -> String {
    wang.account["id"].as_str().expect("an id").to_owned()
}

async fn text_is_stored_in_normalization_form_c(app: TestApp) {
    let wang = delegate(&app).await;
    let id = activity(&app, &wang, 5, 10).await;
    // "Zoë" typed with a combining diaeresis, as some keyboards send it.
    let body = with(booking_body(PHONE), json!({ "name": "Zoe\u{308}" }));
    let booking = json_body(
        app.send(book_request(&app, &id, &body).await).await,
        StatusCode::CREATED,
    )
    .await;
    assert_eq!(booking["name"], "Zo\u{eb}", "{booking}");
    let code = code_of(&booking);
    let looked_up = json_body(
        crate::bookings::look_up(&app, &code, PHONE).await,
        StatusCode::OK,
    )
    .await;
    assert_eq!(looked_up["name"], "Zo\u{eb}", "{looked_up}");
}
