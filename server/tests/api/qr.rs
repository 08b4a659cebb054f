//! The QR code of a booking code: an SVG image drawn by the server, for any well-formed code.

use crate::helpers::{api_error, on_both_databases, TestApp};
use reqwest::StatusCode;

on_both_databases!(a_booking_code_is_drawn_as_an_svg_qr_code_and_other_text_is_refused,);

async fn qr(app: &TestApp, code: &str) -> reqwest::Response {
    app.send(app.get(&format!("/api/bookings/{code}/qr.svg")))
        .await
}

async fn a_booking_code_is_drawn_as_an_svg_qr_code_and_other_text_is_refused(app: TestApp) {
    let response = qr(&app, "ACD34X").await;
    assert_eq!(response.status(), StatusCode::OK);
    assert_eq!(response.headers()["content-type"], "image/svg+xml");
    let svg = response.text().await.expect("a body");
    assert!(svg.contains("<svg") && svg.contains("</svg>"), "{svg}");
    // A version-1 code with its quiet zone: dark modules drawn as path or rect elements.
    assert!(svg.contains("<path") || svg.contains("<rect"), "{svg}");

    // The code is read as typed: the lowercase, spaced form draws the same image.
    let typed = qr(&app, "acd-34x").await.text().await.expect("a body");
    assert_eq!(typed, svg);
    let other = qr(&app, "MNP479").await.text().await.expect("a body");
    assert_ne!(other, svg, "another code draws another image");

    for bad in ["ACD34", "ACD34XY", "ACD3OX", "%3Cscript%3E"] {
        let refused = api_error(
            qr(&app, bad).await,
            StatusCode::BAD_REQUEST,
            "bad_parameter",
        )
        .await;
        assert_eq!(refused["field"], "code", "{bad}");
    }
}
