//! The page `/activities` served with its first screen drawn (`first_screen`), kept per request
//! and revision of the activities and register until the first listed activity ends
//! (`shared_answers`); the built page as it is when the first screen cannot be drawn (a filter
//! the list refuses or the app would read otherwise, the database not answering) or would not
//! look like the phone's pages (`Built::plain`).

use crate::meetings::first_screen;
use crate::meetings::routes::activities::upcoming_revision;
use crate::platform::first_screen::{looks_default, Built};
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use deputy_homes_api::meetings::activity_query::{ActivitiesQuery, MAX_ACTIVITIES_LISTED};
use serde::Deserialize;
use std::sync::Arc;

/// The pages with a first screen.
pub fn router() -> Router<AppState> {
    Router::new().route("/activities", get(activities))
}

/// The page's filters as written in its URL.
#[derive(Debug, Deserialize)]
struct ActivitiesParams {
    district: Option<String>,
    kind: Option<String>,
    date: Option<String>,
}

/// `/activities`: every home's upcoming activities, filtered as the query says.
async fn activities(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    params: Result<Query<ActivitiesParams>, QueryRejection>,
) -> Response {
    if !looks_default(&headers) {
        return built.plain(&headers);
    }
    let Ok(Query(params)) = params else {
        return built.plain(&headers);
    };
    let query = ActivitiesQuery {
        district: params.district,
        kind: params.kind,
        date: params.date,
        home: None,
    };
    // A filter the list refuses is left to the app to explain; one written otherwise than the
    // list reads it (" saihan") the app's fields would show otherwise than the server.
    let Ok(filter) = query.validate() else {
        return built.plain(&headers);
    };
    let read = [
        filter.district.map(|d| d.code().to_owned()),
        filter.kind.map(|k| k.code().to_owned()),
        filter.date.clone(),
    ];
    let given =
        [&query.district, &query.kind, &query.date].map(|v| v.clone().filter(|v| !v.is_empty()));
    if read != given {
        return built.plain(&headers);
    }
    let Ok(revision) = upcoming_revision(&state).await else {
        return built.plain(&headers);
    };
    let key = first_screen::activities_request_key(&query);
    let now = state.clock.now_ms();
    state
        .shared_answers
        .page_until(&headers, &key, &revision, now, || async {
            let (list, first_end) = state
                .db
                .activities_upcoming_until(&filter, now, Some(MAX_ACTIVITIES_LISTED))
                .await?;
            let json = serde_json::to_string(&list)?;
            let page = first_screen::activities_page(&built.shell, &query, &list, json);
            Ok((page, first_end))
        })
        .await
        .unwrap_or_else(|_| built.plain(&headers))
}
