//! The router: `/api` for JSON, everything else is the built app.

mod accounts;
mod activities;
mod booking_move;
mod bookings;
mod calendar;
mod homes;
mod notifications;
mod openapi;
mod opinion_actions;
mod opinion_board;
mod opinion_photos;
mod opinions;
mod qr;
mod reception;
mod session;
mod staff_opinions;
mod static_files;
mod units;

use crate::error::AppError;
use crate::{etag, AppState};
use axum::extract::DefaultBodyLimit;
use axum::routing::{any, get, post, put};
use axum::{middleware, Json, Router};
use deputy_homes_api::opinions::MAX_PHOTO_BYTES;
use serde::Serialize;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;

pub use openapi::ApiDoc;

/// The whole app, without a socket, so tests can call it directly.
pub fn app(state: AppState) -> Router {
    let api = Router::new()
        .route("/homes", get(homes::homes_list))
        .route("/homes/{id}", get(homes::homes_get))
        .route(
            "/homes/{id}/activities",
            get(activities::activities_for_home).post(activities::activities_create),
        )
        .route("/activities", get(activities::activities_list))
        .route(
            "/activities/{id}",
            get(activities::activities_get).put(activities::activities_edit),
        )
        .route(
            "/activities/{id}/cancel",
            post(activities::activities_cancel),
        )
        .route(
            "/activities/{id}/calendar.ics",
            get(calendar::activities_calendar),
        )
        .route(
            "/activities/{id}/bookings",
            get(reception::roster_get).post(bookings::bookings_create),
        )
        .route("/activities/{id}/check-in", post(reception::check_in))
        .route(
            "/activities/{id}/record",
            get(reception::record_get).put(reception::record_put),
        )
        .route("/delegates/{id}/summary", get(reception::year_summary))
        .route("/bookings/{code}", get(bookings::bookings_get))
        .route("/bookings/{code}/cancel", post(bookings::bookings_cancel))
        .route("/bookings/{code}/qr.svg", get(qr::booking_qr))
        .route("/bookings/{code}/move", post(booking_move::bookings_move))
        .route("/notifications", get(notifications::notifications_list))
        .route("/opinions", post(opinions::opinions_create))
        .route("/opinions/{tracking_number}", get(opinions::opinions_get))
        .route(
            "/opinions/{tracking_number}/rating",
            post(opinion_board::opinions_rate),
        )
        .route("/public/opinions", get(opinion_board::public_opinions_list))
        .route("/public/stats", get(opinion_board::public_stats))
        .route("/units", get(units::units_list).post(units::units_create))
        .route("/units/{id}", put(units::units_update))
        .route(
            "/holidays",
            get(units::holidays_get).put(units::holidays_put),
        )
        .route(
            "/staff/opinions",
            get(staff_opinions::staff_opinions_list).post(staff_opinions::staff_opinions_create),
        )
        .route(
            "/staff/opinions/bulk",
            post(staff_opinions::staff_opinions_bulk),
        )
        .route(
            "/staff/opinions/{tracking_number}",
            get(staff_opinions::staff_opinions_get),
        )
        .route(
            "/staff/opinions/{tracking_number}/reveal-phone",
            post(staff_opinions::staff_opinions_reveal_phone),
        )
        .route(
            "/staff/opinions/{tracking_number}/accept",
            post(opinion_actions::opinion_accept),
        )
        .route(
            "/staff/opinions/{tracking_number}/reject",
            post(opinion_actions::opinion_reject),
        )
        .route(
            "/staff/opinions/{tracking_number}/assign",
            post(opinion_actions::opinion_assign),
        )
        .route(
            "/staff/opinions/{tracking_number}/acknowledge",
            post(opinion_actions::opinion_acknowledge),
        )
        .route(
            "/staff/opinions/{tracking_number}/reply",
            post(opinion_actions::opinion_reply),
        )
        .route(
            "/staff/opinions/{tracking_number}/extend",
            post(opinion_actions::opinion_extend),
        )
        .route(
            "/staff/opinions/{tracking_number}/publish",
            post(opinion_actions::opinion_publish),
        )
        .route(
            "/staff/opinions/{tracking_number}/close",
            post(opinion_actions::opinion_close),
        )
        .route(
            "/staff/opinions/{tracking_number}/note",
            post(opinion_actions::opinion_note),
        )
        .route("/staff/audit", get(opinion_board::audit_list))
        .route("/staff/stats", get(opinion_board::staff_stats))
        .route(
            "/delegate/opinions",
            get(staff_opinions::delegate_opinions_list),
        )
        .route(
            "/opinions/by-token/{private_token}",
            get(opinions::opinions_get_by_token),
        )
        .route(
            "/opinion-photos",
            // Room for the form's own lines around the largest photo; the handler refuses a
            // larger photo itself, with the JSON error.
            post(opinion_photos::opinion_photos_create)
                .layer(DefaultBodyLimit::max(MAX_PHOTO_BYTES + 64 * 1024)),
        )
        .route(
            "/opinion-photos/{id}",
            get(opinion_photos::opinion_photos_get),
        )
        .route(
            "/opinion-photos/{id}/thumbnail",
            get(opinion_photos::opinion_photos_thumbnail),
        )
        .route(
            "/session",
            get(session::session_get)
                .post(session::session_create)
                .delete(session::session_delete),
        )
        .route(
            "/accounts",
            get(accounts::accounts_list).post(accounts::accounts_create),
        )
        .route("/accounts/{id}/homes", put(accounts::accounts_set_homes))
        .route("/openapi.json", get(openapi::openapi_json))
        .route("/health", get(health))
        .fallback(api_not_found)
        .layer(middleware::from_fn(etag::etag))
        .with_state(state.clone());
    Router::new()
        .nest("/api", api)
        // `nest` does not match `/api/` itself, which would fall through to the app shell.
        .route("/api/", any(api_not_found))
        .fallback_service(static_files::service(&state.dist_dir))
        .layer(middleware::from_fn(static_files::cache_policy))
        .layer(CompressionLayer::new())
        .layer(TraceLayer::new_for_http())
}

/// Body of `GET /api/health`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct Health {
    pub ok: bool,
}

/// Liveness and database check for load balancers.
#[utoipa::path(get, path = "/api/health", tag = "system",
    responses((status = 200, description = "The server and its database answer", body = Health)))]
async fn health(
    axum::extract::State(state): axum::extract::State<AppState>,
) -> Result<Json<Health>, AppError> {
    state.db.ping().await?;
    Ok(Json(Health { ok: true }))
}

async fn api_not_found(uri: axum::http::Uri) -> AppError {
    AppError::NotFound(format!("API path {}", uri.path()))
}
