//! The QR code of a booking code, drawn on the server as SVG so the app carries no QR encoder.

use crate::platform::error::AppError;
use axum::extract::Path;
use axum::http::header;
use axum::response::IntoResponse;
use deputy_homes_api::meetings::booking::BookingField;
use deputy_homes_api::meetings::booking::{normalize_code, CODE_ALPHABET, CODE_LENGTH};
use deputy_homes_api::ApiError;
use qrcode::render::svg;
use qrcode::{EcLevel, QrCode};

/// The SVG of a QR code holding `code`.
pub fn qr_svg(code: &str) -> anyhow::Result<String> {
    let qr = QrCode::with_error_correction_level(code.as_bytes(), EcLevel::M)?;
    Ok(qr
        .render::<svg::Color>()
        .min_dimensions(200, 200)
        .quiet_zone(true)
        .build())
}

/// A booking code as a QR code, for check-in at the door. It holds only the code (which
/// opens nothing without the phone number), so any well-formed code is drawn without a lookup.
#[utoipa::path(get, path = "/api/bookings/{code}/qr.svg", tag = "bookings",
    params(("code" = String, Path, description = "Booking code")),
    responses(
        (status = 200, description = "The QR code", content_type = "image/svg+xml", body = String),
        (status = 400, description = "Not a booking code", body = ApiError),
    ))]
pub async fn booking_qr(Path(code): Path<String>) -> Result<impl IntoResponse, AppError> {
    let code = normalize_code(&code);
    if code.len() != CODE_LENGTH || !code.bytes().all(|b| CODE_ALPHABET.contains(&b)) {
        return Err(AppError::BadRequest(ApiError::bad_parameter(
            BookingField::Code,
            format!("a booking code has {CODE_LENGTH} letters and digits"),
        )));
    }
    let svg = qr_svg(&code)?;
    Ok((
        [
            (header::CONTENT_TYPE, "image/svg+xml"),
            (header::CACHE_CONTROL, "private, no-store"),
        ],
        svg,
    ))
}
