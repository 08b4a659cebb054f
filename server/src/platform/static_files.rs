//! The built apps: files from the dist folder; for every other path the page of the app it
//! belongs to, so deep links such as `/homes/xc-01` load the app on reload. The citizens' app is
//! `dist/index.html`; the office app (delegates and staff) is `dist/office/index.html`, for the
//! paths `deputy_homes_api::platform::apps::is_office_path` names.

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::http::Request as HttpRequest;
use axum::middleware::Next;
use axum::response::Response;
use deputy_homes_api::platform::apps::is_office_path;
use std::convert::Infallible;
use std::future::Future;
use std::path::Path;
use std::pin::Pin;
use std::task::{Context, Poll};
use tower::{Service, ServiceExt};
use tower_http::services::fs::ServeFileSystemResponseBody;
use tower_http::services::{ServeDir, ServeFile};

/// The page of the app a path belongs to.
#[derive(Debug, Clone)]
pub struct AppPage {
    citizen: ServeFile,
    office: ServeFile,
}

impl<B: Send + 'static> Service<HttpRequest<B>> for AppPage {
    type Response = axum::http::Response<ServeFileSystemResponseBody>;
    type Error = Infallible;
    type Future = Pin<Box<dyn Future<Output = Result<Self::Response, Infallible>> + Send>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: HttpRequest<B>) -> Self::Future {
        let page = if is_office_path(request.uri().path()) {
            self.office.clone()
        } else {
            self.citizen.clone()
        };
        Box::pin(page.oneshot(request))
    }
}

fn page(path: std::path::PathBuf) -> ServeFile {
    ServeFile::new(path).precompressed_br().precompressed_gzip()
}

/// Serves `dist`, falling back to the page of the app the path belongs to, preferring the `.br`
/// and `.gz` files that `scripts/precompress.sh` wrote (the compression layer leaves encoded
/// answers alone).
pub fn service(dist: &Path) -> ServeDir<AppPage> {
    let pages = AppPage {
        citizen: page(dist.join("index.html")),
        office: page(dist.join("office").join("index.html")),
    };
    ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(pages)
}

/// Whether a file name carries Trunk's content hash (`app-9e892c54f8eb1a8_bg.wasm`): 12 to 16
/// hex digits, as Trunk prints the 64-bit hash without leading zeros.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.split(['-', '_', '.'])
        .any(|part| (12..=16).contains(&part.len()) && part.chars().all(|c| c.is_ascii_hexdigit()))
}

/// Middleware: hashed assets are cached for a year, the HTML shell is always re-checked.
pub async fn cache_policy(request: Request, next: Next) -> Response {
    let path = request.uri().path().to_owned();
    let mut response = next.run(request).await;
    if path.starts_with("/api/") || response.headers().contains_key(CACHE_CONTROL) {
        return response;
    }
    let is_html = response
        .headers()
        .get(CONTENT_TYPE)
        .is_some_and(|v| v.as_bytes().starts_with(b"text/html"));
    let policy = if is_html {
        "no-cache"
    } else if is_hashed(&path) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    response
        .headers_mut()
        .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn trunk_hashed_names_are_recognised() {
        assert!(is_hashed("/deputy-homes-6a1f0c2b9d8e7f60_bg.wasm"));
        assert!(is_hashed("/style-00112233aabbccdd.css"));
        assert!(is_hashed("/deputy-homes-9e892c54f8eb1a8.js"));
        assert!(!is_hashed("/manifest.webmanifest"));
        assert!(!is_hashed("/homes/xc-01"));
    }
}
