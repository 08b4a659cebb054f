//! The HTTP handlers of meetings.

pub mod activities;
pub mod booking_move;
pub mod bookings;
pub mod calendar;
pub mod qr;
pub mod reception;

use crate::AppState;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The meetings' endpoints, each with its OpenAPI entry.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(
            activities::activities_for_home,
            activities::activities_create
        ))
        .routes(routes!(activities::activities_list))
        .routes(routes!(
            activities::activities_get,
            activities::activities_edit
        ))
        .routes(routes!(activities::activities_cancel))
        .routes(routes!(calendar::activities_calendar))
        .routes(routes!(reception::roster_get, bookings::bookings_create))
        .routes(routes!(reception::check_in))
        .routes(routes!(reception::record_get, reception::record_put))
        .routes(routes!(reception::year_summary))
        .routes(routes!(bookings::bookings_get))
        .routes(routes!(bookings::walk_in_bookings_create))
        .routes(routes!(bookings::bookings_cancel))
        .routes(routes!(qr::booking_qr))
        .routes(routes!(booking_move::bookings_move))
}
