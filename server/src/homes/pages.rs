//! The pages `/` (the list of homes) and `/homes/{id}`, served with their first screen drawn
//! (`first_screen`), kept per request, register revision and minute (`shared_answers`); the
//! built page as it is when the first screen cannot be drawn (a query the list refuses, the
//! database not answering) or would not look like the phone's pages (`Built::plain`).

use crate::homes::first_screen;
use crate::meetings::routes::activities::upcoming_revision_of;
use crate::platform::first_screen::{looks_default, next_minute, Built};
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use deputy_homes_api::meetings::activity_query::ActivityFilter;
use deputy_homes_api::platform::time::shanghai_local;
use deputy_homes_api::{HomesQuery, HomesResponse, RegisterInfo};
use std::sync::Arc;

/// The pages with a first screen.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/", get(list))
        .route("/homes/{id}", get(home))
}

/// `/`: the list of homes, filtered as its query says.
async fn list(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    query: Result<Query<HomesQuery>, QueryRejection>,
) -> Response {
    if !looks_default(&headers) {
        return built.plain(&headers);
    }
    let filter = query.ok().and_then(|Query(query)| query.validate().ok());
    // "Near me" is never in the URL; a query the list refuses is left to the app to explain.
    let Some(filter) = filter.filter(|f| f.near.is_none()) else {
        return built.plain(&headers);
    };
    let Ok(register) = state.register.current(&state.db).await else {
        return built.plain(&headers);
    };
    let now_ms = state.clock.now_ms();
    let key = first_screen::list_request_key(&filter);
    state
        .shared_answers
        .page_until(&headers, &key, &register.revision, now_ms, || async {
            let answer = HomesResponse {
                register: RegisterInfo {
                    sample: register.sample,
                    total: register.homes.len(),
                },
                items: filter.apply(&register.homes),
            };
            let json = serde_json::to_string(&answer)?;
            let page = first_screen::list_page(
                &built.shell,
                &filter,
                &answer,
                json,
                shanghai_local(now_ms),
            );
            Ok((page, Some(next_minute(now_ms))))
        })
        .await
        .unwrap_or_else(|_| built.plain(&headers))
}

/// `/homes/{id}`: one home and its upcoming activities, kept per revision of the activities and
/// register until the next minute or the first listed activity's end; a home the register
/// lacks is left to the app to say so.
async fn home(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    Path(id): Path<String>,
) -> Response {
    if !looks_default(&headers) {
        return built.plain(&headers);
    }
    let Ok(register) = state.register.current(&state.db).await else {
        return built.plain(&headers);
    };
    let Some(home) = register.homes.get(&id) else {
        return built.plain(&headers);
    };
    // The activities' revision, with the register's read above.
    let Ok(revision) = upcoming_revision_of(&state, &register.revision).await else {
        return built.plain(&headers);
    };
    let now_ms = state.clock.now_ms();
    state
        .shared_answers
        .page_until(
            &headers,
            &first_screen::home_request_key(&id),
            &revision,
            now_ms,
            || async {
                let filter = ActivityFilter {
                    home: Some(id.clone()),
                    ..ActivityFilter::default()
                };
                let (activities, first_end) = state
                    .db
                    .activities_upcoming_until(&filter, now_ms, None)
                    .await?;
                let page = first_screen::home_page(
                    &built.shell,
                    (home, serde_json::to_string(home)?),
                    (&activities, serde_json::to_string(&activities)?),
                    shanghai_local(now_ms),
                );
                let until =
                    first_end.map_or(next_minute(now_ms), |end| end.min(next_minute(now_ms)));
                Ok((page, Some(until)))
            },
        )
        .await
        .unwrap_or_else(|_| built.plain(&headers))
}
