//! `GET /api/homes` and `GET /api/homes/{id}`.

use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use deputy_homes_api::{ApiError, Home, HomesQuery, HomesResponse, RegisterInfo};

/// Lists homes, filtered by text, district and type, optionally nearest first.
#[utoipa::path(get, path = "/api/homes", tag = "homes", params(HomesQuery),
    responses(
        (status = 200, description = "Matching homes", body = HomesResponse),
        (status = 400, description = "A parameter is invalid; `field` names it", body = ApiError),
    ))]
pub async fn homes_list(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    query: Result<Query<HomesQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(query) = query?;
    let filter = query.validate().map_err(AppError::BadRequest)?;
    let register = state.register.current(&state.db).await?;
    // The answer is the same for everyone: kept encoded per query and register revision.
    let key = uri.path_and_query().map_or("/api/homes", |p| p.as_str());
    let answer = state
        .shared_answers
        .answer(&headers, key, &register.revision, || {
            let answer = HomesResponse {
                register: RegisterInfo {
                    sample: register.sample,
                    total: register.homes.len(),
                },
                items: filter.apply(&register.homes),
            };
            Ok(serde_json::to_vec(&answer)?)
        })?;
    Ok(answer)
}

/// One home with everything the register holds about it.
#[utoipa::path(get, path = "/api/homes/{id}", tag = "homes",
    params(("id" = String, Path, description = "The home's stable id, e.g. `xc-01`")),
    responses(
        (status = 200, description = "The home", body = Home),
        (status = 404, description = "No home has this id", body = ApiError),
    ))]
pub async fn homes_get(
    State(state): State<AppState>,
    headers: HeaderMap,
    uri: Uri,
    Path(id): Path<String>,
) -> Result<Response, AppError> {
    let register = state.register.current(&state.db).await?;
    let Some(home) = register.homes.get(&id) else {
        return Err(AppError::NotFound(format!("home {id}")));
    };
    let answer = state
        .shared_answers
        .answer(&headers, uri.path(), &register.revision, || {
            Ok(serde_json::to_vec::<Home>(home)?)
        })?;
    Ok(answer)
}

/// The homes' endpoints, each with its OpenAPI entry.
pub fn router() -> utoipa_axum::router::OpenApiRouter<AppState> {
    use utoipa_axum::routes;
    utoipa_axum::router::OpenApiRouter::new()
        .routes(routes!(homes_list))
        .routes(routes!(homes_get))
}
