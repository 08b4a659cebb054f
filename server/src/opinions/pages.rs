//! The pages `/board`, `/stats` and `/opinions/new` served with their first screen drawn
//! (`first_screen`), kept per request and revision of the opinions and register
//! (`shared_answers`), the statistics until the next minute (what is overdue follows the
//! clock); the built page as it is when the first screen cannot be drawn (a page number or year
//! refused, the database not answering) or would not look like the phone's pages
//! (`Built::plain`).

use crate::opinions::first_screen;
use crate::opinions::routes::board::board_revision;
use crate::platform::first_screen::{looks_default, next_minute, Built};
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use deputy_homes_api::opinions::board::PublicBoardQuery;
use deputy_homes_api::opinions::handling::page_number;
use serde::Deserialize;
use std::sync::Arc;

/// The pages with a first screen.
pub fn router() -> Router<AppState> {
    Router::new()
        .route("/board", get(board))
        .route("/stats", get(stats))
        .route("/opinions/new", get(new_opinion))
}

/// The board's page parameters as written in its URL, read as the app reads them.
#[derive(Debug, Deserialize)]
struct BoardParams {
    category: Option<String>,
    page: Option<String>,
}

/// `/board`: the published opinions of a category and page.
async fn board(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    params: Result<Query<BoardParams>, QueryRejection>,
) -> Response {
    if !looks_default(&headers) {
        return built.plain(&headers);
    }
    let Ok(Query(params)) = params else {
        return built.plain(&headers);
    };
    let query = PublicBoardQuery::from_page(params.category.as_deref(), params.page.as_deref());
    let Ok(page) = page_number(query.page) else {
        return built.plain(&headers);
    };
    let Ok(revision) = board_revision(&state).await else {
        return built.plain(&headers);
    };
    let key = first_screen::board_request_key(&query);
    state
        .shared_answers
        .page_until(&headers, &key, &revision, 0, || async {
            let answer = state.db.public_opinions(query.category, page).await?;
            let json = serde_json::to_string(&answer)?;
            Ok((
                first_screen::board_page(&built.shell, &query, &answer, json),
                None,
            ))
        })
        .await
        .unwrap_or_else(|_| built.plain(&headers))
}

/// The statistics' year as written in the page's URL.
#[derive(Debug, Deserialize)]
struct StatsParams {
    year: Option<String>,
}

/// `/stats`: how opinions are handled, over every year or one, as a citizen sees it.
async fn stats(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    params: Result<Query<StatsParams>, QueryRejection>,
) -> Response {
    if !looks_default(&headers) {
        return built.plain(&headers);
    }
    let Ok(Query(params)) = params else {
        return built.plain(&headers);
    };
    // Read as the app reads it; a year the statistics refuse is left to the app to explain.
    let year = params.year.and_then(|y| y.parse::<i64>().ok());
    if year.is_some_and(|y| !(2000..=2100).contains(&y)) {
        return built.plain(&headers);
    }
    let Ok(revision) = board_revision(&state).await else {
        return built.plain(&headers);
    };
    let key = first_screen::stats_request_key(year);
    let now = state.clock.now_ms();
    state
        .shared_answers
        .page_until(&headers, &key, &revision, now, || async {
            let register = state.register.current(&state.db).await?;
            let stats = state
                .stats
                .stats(&state.db, &register.revision, year, false, now)
                .await?;
            let json = serde_json::to_string(&stats)?;
            let page = first_screen::stats_page(&built.shell, year, &stats, json);
            Ok((page, Some(next_minute(now))))
        })
        .await
        .unwrap_or_else(|_| built.plain(&headers))
}

/// `/opinions/new`: the form for an opinion, whose first screen is the same for everyone (the
/// home in `?home=` is the app's to choose in the form).
async fn new_opinion(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
) -> Response {
    if !looks_default(&headers) {
        return built.plain(&headers);
    }
    state
        .shared_answers
        .page_until(&headers, "/opinions/new", "", 0, || async {
            Ok((first_screen::new_opinion_page(&built.shell), None))
        })
        .await
        .unwrap_or_else(|_| built.plain(&headers))
}
