//! The HTTP handlers of opinions.

pub mod board;
pub mod photos;
pub mod staff;
pub mod steps;
pub mod submit;
pub mod units;

use crate::photos::upload::UPLOAD_BODY_LIMIT;
use crate::AppState;
use axum::extract::DefaultBodyLimit;
use utoipa_axum::{router::OpenApiRouter, routes};

/// The opinions' endpoints, each with its OpenAPI entry.
pub fn router() -> OpenApiRouter<AppState> {
    OpenApiRouter::new()
        .routes(routes!(photos::opinion_photos_create))
        .layer(DefaultBodyLimit::max(UPLOAD_BODY_LIMIT))
        .routes(routes!(photos::opinion_photos_get))
        .routes(routes!(photos::opinion_photos_thumbnail))
        .routes(routes!(submit::opinions_create))
        .routes(routes!(submit::opinions_get))
        .routes(routes!(submit::opinions_get_by_token))
        .routes(routes!(board::opinions_rate))
        .routes(routes!(board::public_opinions_list))
        .routes(routes!(board::public_stats))
        .routes(routes!(board::staff_stats))
        .routes(routes!(board::audit_list))
        .routes(routes!(units::units_list, units::units_create))
        .routes(routes!(units::units_update))
        .routes(routes!(units::holidays_get, units::holidays_put))
        .routes(routes!(
            staff::staff_opinions_list,
            staff::staff_opinions_create
        ))
        .routes(routes!(staff::staff_opinions_bulk))
        .routes(routes!(staff::staff_opinions_get))
        .routes(routes!(staff::staff_opinions_reveal_phone))
        .routes(routes!(staff::delegate_opinions_list))
        .routes(routes!(steps::opinion_accept))
        .routes(routes!(steps::opinion_reject))
        .routes(routes!(steps::opinion_assign))
        .routes(routes!(steps::opinion_acknowledge))
        .routes(routes!(steps::opinion_reply))
        .routes(routes!(steps::opinion_extend))
        .routes(routes!(steps::opinion_publish))
        .routes(routes!(steps::opinion_close))
        .routes(routes!(steps::opinion_note))
}
