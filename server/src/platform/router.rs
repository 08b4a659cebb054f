//! The router: `/api` for JSON, from each feature's own router, and everything else is the built
//! app.

use crate::platform::error::AppError;
use crate::platform::security_headers::{self, SecurityHeaders};
use crate::platform::static_files::StaticFiles;
use crate::platform::{deadline, etag, first_screen, fresh_read, json_objects, openapi::ApiDoc};
use crate::{accounts, citizens, homes, meetings, opinions, outbox, projects, AppState};
use axum::routing::{any, get};
use axum::{middleware, Extension, Json, Router};
use serde::Serialize;
use std::sync::Arc;
use tower_http::compression::CompressionLayer;
use tower_http::trace::TraceLayer;
use utoipa::OpenApi;
use utoipa_axum::{router::OpenApiRouter, routes};

/// Every endpoint under `/api` with its OpenAPI entry, each feature adding its own.
pub fn api_routes() -> OpenApiRouter<AppState> {
    OpenApiRouter::with_openapi(ApiDoc::openapi())
        .merge(homes::routes::router())
        .merge(meetings::routes::router())
        .merge(opinions::routes::router())
        .merge(accounts::routes::router())
        .merge(citizens::routes::router())
        .merge(outbox::routes::router())
        .merge(projects::routes::router())
        .routes(routes!(health))
}

/// The OpenAPI document the server serves at `/api/openapi.json`.
pub fn openapi() -> utoipa::openapi::OpenApi {
    api_routes().into_openapi()
}

/// The whole app, without a socket, so tests can call it directly.
pub fn app(state: AppState) -> Router {
    let (api, doc) = api_routes().split_for_parts();
    let doc = Json(doc);
    let api = api
        .route("/api/openapi.json", get(move || async move { doc }))
        // Unknown paths under `/api` are JSON 404s, never the app's page.
        .route("/api", any(api_not_found))
        .route("/api/", any(api_not_found))
        .route("/api/{*rest}", any(api_not_found))
        .layer(middleware::from_fn(json_objects::only_objects))
        .layer(middleware::from_fn(etag::etag))
        // Answers kept encoded (`shared_answers`) pass the compression untouched.
        .layer(CompressionLayer::new())
        .layer(middleware::from_fn_with_state(
            state.freshness.clone(),
            fresh_read::tell_changes,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            deadline::deadline,
        ))
        .with_state(state.clone());
    let security = Arc::new(SecurityHeaders::from_dist(
        &state.dist_dir,
        state.secure_cookies,
    ));
    // The app's files are answered from memory, already encoded and with their cache policy:
    // they need none of the API's layers (no body is read, nothing waits), only the headers
    // every answer carries.
    let files = StaticFiles::load(&state.dist_dir);
    // The citizens' pages with their first screen drawn, when the built page has room for it.
    let pages = first_screen::Built::new(&files)
        .map(|built| {
            homes::pages::router()
                .merge(meetings::pages::router())
                .merge(opinions::pages::router())
                .layer(Extension(Arc::new(built)))
                .layer(middleware::from_fn(first_screen::without_empty_fields))
        })
        .unwrap_or_default()
        .with_state(state.clone());
    Router::new()
        .merge(api)
        .merge(pages)
        .fallback_service(files)
        .layer(middleware::from_fn_with_state(
            security,
            security_headers::add,
        ))
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
