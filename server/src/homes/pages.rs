//! The pages `/` (the list of homes) and `/homes/{id}`, served with their first screen drawn
//! (`first_screen`), kept per request, register revision and minute (`shared_answers`). Every
//! other page of the app, and these when the first screen cannot be drawn (a built page of
//! another shape, a query the list refuses, the database not answering) or would not look like
//! the phone's pages (another language or elders' mode, by its cookies), is the built page as
//! it is (`platform::static_files`).

use crate::homes::first_screen::{self, Shell};
use crate::platform::static_files::StaticFiles;
use crate::AppState;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode, Uri};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use axum::{Extension, Router};
use axum_extra::extract::CookieJar;
use deputy_homes_api::platform::first_answers::{self, ELDERS_COOKIE, LANGUAGE_COOKIE};
use deputy_homes_api::platform::time::shanghai_local;
use deputy_homes_api::{HomesQuery, HomesResponse, RegisterInfo};
use std::sync::Arc;

/// The built page, cut for the first screen, and the built app's files, which answer with the
/// page as it is.
#[derive(Debug)]
struct Built {
    shell: Shell,
    files: StaticFiles,
}

impl Built {
    /// The built page as it is (`dist/index.html`), as every other page of the app is answered.
    fn plain(&self, request: &HeaderMap) -> Response {
        self.files
            .respond(PAGE, request)
            .unwrap_or_else(|| StatusCode::NOT_FOUND.into_response())
    }
}

/// The citizens' page in the built app.
const PAGE: &str = "/index.html";

/// The pages with a first screen, cut from the built citizens' page among `files`; `None` when
/// it has no place for one.
pub fn router(files: &StaticFiles) -> Option<Router<AppState>> {
    let page = files.bytes(PAGE)?;
    let shell = Shell::new(std::str::from_utf8(&page).ok()?)?;
    let built = Arc::new(Built {
        shell,
        files: files.clone(),
    });
    let router = Router::new()
        .route("/", get(list))
        .route("/homes/{id}", get(home));
    Some(router.layer(Extension(built)))
}

/// Whether this phone's pages look as the first screen is drawn: in Chinese, at the standard
/// size. Any other look the app draws itself, so no Chinese flashes before the chosen language.
fn looks_default(request: &HeaderMap) -> bool {
    let cookies = CookieJar::from_headers(request);
    let value = |name| cookies.get(name).map(|c| c.value().to_owned());
    first_answers::looks_default(
        value(LANGUAGE_COOKIE).as_deref(),
        value(ELDERS_COOKIE).as_deref(),
    )
}

/// The first minute after `now_ms` starts: a first screen says what is open now.
fn next_minute(now_ms: i64) -> i64 {
    (now_ms.div_euclid(60_000) + 1) * 60_000
}

/// `/`: the list of homes, filtered as its query says.
async fn list(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    uri: Uri,
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
    let key = uri.path_and_query().map_or("/", |p| p.as_str());
    state
        .shared_answers
        .page_until(&headers, key, &register.revision, now_ms, || {
            let answer = HomesResponse {
                register: RegisterInfo {
                    sample: register.sample,
                    total: register.homes.len(),
                },
                items: filter.apply(&register.homes),
            };
            let json = serde_json::to_string(&answer).unwrap_or_default();
            let page = first_screen::list_page(
                &built.shell,
                &filter,
                &answer,
                json,
                shanghai_local(now_ms),
            );
            (page, Some(next_minute(now_ms)))
        })
}

/// `/homes/{id}`: one home; one the register lacks is left to the app to say so.
async fn home(
    State(state): State<AppState>,
    Extension(built): Extension<Arc<Built>>,
    headers: HeaderMap,
    uri: Uri,
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
    let now_ms = state.clock.now_ms();
    state
        .shared_answers
        .page_until(&headers, uri.path(), &register.revision, now_ms, || {
            let json = serde_json::to_string(home).unwrap_or_default();
            let page = first_screen::home_page(&built.shell, home, json, shanghai_local(now_ms));
            (page, Some(next_minute(now_ms)))
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_first_screen_holds_until_the_next_minute() {
        assert_eq!(next_minute(0), 60_000);
        assert_eq!(next_minute(59_999), 60_000);
        assert_eq!(next_minute(60_000), 120_000);
    }
}
