//! The pages `/board`, `/stats` and `/opinions/new` served with their first screen drawn
//! (`first_screen`), kept per request and revision of the opinions and register
//! (`shared_answers`), the statistics until the next minute (what is overdue follows the
//! clock); the built page as it is when the first screen cannot be drawn (a page number or year
//! refused, the database not answering) or would not look like the phone's pages
//! (`Built::plain`).

use crate::opinions::first_screen;
use crate::opinions::routes::board::board_revision;
use crate::platform::auth::CITIZEN_COOKIE;
use crate::platform::first_screen::{looks_default, next_minute, Built};
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::routing::get;
use axum::{Extension, Router};
use axum_extra::extract::CookieJar;
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::opinions::board::PublicBoardQuery;
use deputy_homes_api::opinions::handling::page_number;
use deputy_homes_api::{HomesResponse, RegisterInfo};
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

/// What `/opinions/new` is asked for: `?home=ID`, the home the form starts with.
#[derive(Debug, Deserialize)]
struct NewOpinionQuery {
    home: Option<String>,
}

/// `/opinions/new`: the form for an opinion with the register's homes to choose from, kept per
/// register revision and home chosen. A phone with a verified number (the citizen's cookie)
/// gets the plain page: its form shows the number verified, which only the app knows.
async fn new_opinion(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    query: Result<Query<NewOpinionQuery>, QueryRejection>,
) -> Response {
    if !looks_default(&headers) || has_citizen_session(&headers) {
        return built.plain(&headers);
    }
    let Ok(Query(NewOpinionQuery { home })) = query else {
        return built.plain(&headers);
    };
    let Ok(register) = state.register.current(&state.db).await else {
        return built.plain(&headers);
    };
    // A home the register lacks is the app's to leave unchosen.
    let home = home.filter(|h| !h.is_empty());
    if home
        .as_ref()
        .is_some_and(|h| register.homes.get(h).is_none())
    {
        return built.plain(&headers);
    }
    let key = match &home {
        Some(h) => format!("/opinions/new?home={h}"),
        None => "/opinions/new".to_owned(),
    };
    state
        .shared_answers
        .page_until(&headers, &key, &register.revision, 0, || async {
            let answer = HomesResponse {
                register: RegisterInfo {
                    sample: register.sample,
                    total: register.homes.len(),
                },
                items: HomeFilter::default().apply(&register.homes),
            };
            let json = serde_json::to_string(&answer)?;
            let page = first_screen::new_opinion_page(&built.shell, &answer, json, home.as_deref());
            Ok((page, None))
        })
        .await
        .unwrap_or_else(|_| built.plain(&headers))
}

/// Whether the request comes with a phone's session (`citizens::session`).
fn has_citizen_session(headers: &HeaderMap) -> bool {
    CookieJar::from_headers(headers)
        .get(CITIZEN_COOKIE)
        .is_some()
}
