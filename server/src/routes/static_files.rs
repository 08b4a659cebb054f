//! The built app: files from the dist folder, `index.html` for every other path so deep links
//! such as `/homes/xc-01` load the app on reload.

use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::http::HeaderValue;
use axum::middleware::Next;
use axum::response::Response;
use std::path::Path;
use tower_http::services::{ServeDir, ServeFile};

/// Serves `dist`, falling back to its `index.html`, preferring the `.br` and `.gz` files that
/// `scripts/precompress.sh` wrote (the compression layer leaves encoded answers alone).
pub fn service(dist: &Path) -> ServeDir<ServeFile> {
    let index = ServeFile::new(dist.join("index.html"))
        .precompressed_br()
        .precompressed_gzip();
    ServeDir::new(dist)
        .precompressed_br()
        .precompressed_gzip()
        .fallback(index)
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
