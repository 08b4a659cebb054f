//! The built apps, read from the dist folder once at start and served from memory: each file
//! with its `.br` and `.gz` forms (those `scripts/precompress.sh` wrote, else made when first
//! asked for), and for every other path the page of the app it belongs to, so deep links such
//! as `/homes/xc-01` load the app on reload. The citizens' app is `dist/index.html`; the office
//! app (delegates and staff) is `dist/office/index.html`, for the paths
//! `deputy_homes_api::platform::apps::is_office_path` names. Hashed assets are cached for a
//! year, pages are always re-checked (ETag), other files for an hour.

use crate::platform::encoded::Encoded;
use axum::body::{Body, Bytes};
use axum::extract::Request;
use axum::http::header::ALLOW;
use axum::http::{HeaderMap, HeaderValue, Method, StatusCode};
use axum::response::{IntoResponse, Response};
use deputy_homes_api::platform::apps::is_office_path;
use std::collections::HashMap;
use std::convert::Infallible;
use std::future::{ready, Ready};
use std::path::Path;
use std::sync::Arc;
use std::task::{Context, Poll};

/// One file of the built app.
#[derive(Debug)]
struct File {
    encoded: Encoded,
    content_type: HeaderValue,
    cache_control: HeaderValue,
}

/// The files of the built app by URL path (`/index.html`, `/office/index.html`, …).
#[derive(Debug, Clone, Default)]
pub struct StaticFiles {
    files: Arc<HashMap<String, File>>,
}

/// The extensions of the forms compressed beforehand, which are not served as files of their own.
const PRECOMPRESSED: [&str; 2] = ["gz", "br"];

impl StaticFiles {
    /// Reads every file under `dist` (none when it is missing: every path is then a 404).
    pub fn load(dist: &Path) -> StaticFiles {
        let mut files = HashMap::new();
        let mut folders = vec![dist.to_path_buf()];
        while let Some(folder) = folders.pop() {
            let Ok(entries) = std::fs::read_dir(&folder) else {
                continue;
            };
            for entry in entries.flatten() {
                let path = entry.path();
                if path.is_dir() {
                    folders.push(path);
                    continue;
                }
                let extension = path.extension().and_then(|e| e.to_str()).unwrap_or("");
                if PRECOMPRESSED.contains(&extension) {
                    continue;
                }
                let Ok(relative) = path.strip_prefix(dist) else {
                    continue;
                };
                let url: String = relative
                    .components()
                    .map(|c| format!("/{}", c.as_os_str().to_string_lossy()))
                    .collect();
                match read_file(&path, &url) {
                    Ok(file) => {
                        files.insert(url, file);
                    }
                    Err(e) => tracing::warn!(file = %path.display(), error = %e, "cannot read"),
                }
            }
        }
        StaticFiles {
            files: Arc::new(files),
        }
    }

    /// The bytes of the file at `url` (`/index.html`), as the build wrote it.
    pub fn bytes(&self, url: &str) -> Option<Bytes> {
        self.files
            .get(url)
            .map(|file| file.encoded.identity().clone())
    }

    /// The answer with the file at `url`, to a GET or HEAD with these headers.
    pub fn respond(&self, url: &str, request: &HeaderMap) -> Option<Response> {
        let file = self.files.get(url)?;
        Some(file.encoded.respond(
            request,
            file.content_type.clone(),
            file.cache_control.clone(),
        ))
    }

    /// The answer to a request for `path`: its file, the folder's `index.html`, or the page of the
    /// app the path belongs to.
    fn answer(&self, request: &Request) -> Response {
        if !matches!(*request.method(), Method::GET | Method::HEAD) {
            let mut refused = StatusCode::METHOD_NOT_ALLOWED.into_response();
            refused
                .headers_mut()
                .insert(ALLOW, HeaderValue::from_static("GET,HEAD"));
            return refused;
        }
        let path = request.uri().path();
        let page = if is_office_path(path) {
            "/office/index.html"
        } else {
            "/index.html"
        };
        let url = if path.ends_with('/') {
            format!("{path}index.html")
        } else {
            path.to_owned()
        };
        self.respond(&url, request.headers())
            .or_else(|| self.respond(page, request.headers()))
            .unwrap_or_else(|| (StatusCode::NOT_FOUND, Body::empty()).into_response())
    }
}

/// A file with its precompressed forms, if the build wrote them.
fn read_file(path: &Path, url: &str) -> std::io::Result<File> {
    let identity = Bytes::from(std::fs::read(path)?);
    let beside = |extension: &str| {
        let mut name = path.as_os_str().to_owned();
        name.push(format!(".{extension}"));
        std::fs::read(name).ok().map(Bytes::from)
    };
    let mime = mime_guess::from_path(path).first_or_octet_stream();
    let compressible = is_compressible(mime.essence_str());
    let content_type = HeaderValue::from_str(mime.as_ref())
        .unwrap_or_else(|_| HeaderValue::from_static("application/octet-stream"));
    let policy = if mime.essence_str() == "text/html" {
        "no-cache"
    } else if is_hashed(url) {
        "public, max-age=31536000, immutable"
    } else {
        "public, max-age=3600"
    };
    Ok(File {
        encoded: Encoded::new(identity, compressible)
            .with_precompressed(beside("gz"), beside("br")),
        content_type,
        cache_control: HeaderValue::from_static(policy),
    })
}

/// Whether compressing the type is worth it: text, scripts, WebAssembly, JSON, SVG; not images,
/// fonts or archives, which are compressed already.
fn is_compressible(essence: &str) -> bool {
    essence.starts_with("text/")
        || matches!(
            essence,
            "application/javascript"
                | "application/wasm"
                | "application/json"
                | "application/manifest+json"
                | "application/xml"
                | "image/svg+xml"
        )
}

/// Whether a file name carries Trunk's content hash (`app-9e892c54f8eb1a8_bg.wasm`): 12 to 16
/// hex digits, as Trunk prints the 64-bit hash without leading zeros.
fn is_hashed(path: &str) -> bool {
    let name = path.rsplit('/').next().unwrap_or_default();
    name.split(['-', '_', '.'])
        .any(|part| (12..=16).contains(&part.len()) && part.chars().all(|c| c.is_ascii_hexdigit()))
}

impl tower::Service<Request> for StaticFiles {
    type Response = Response;
    type Error = Infallible;
    type Future = Ready<Result<Response, Infallible>>;

    fn poll_ready(&mut self, _: &mut Context<'_>) -> Poll<Result<(), Infallible>> {
        Poll::Ready(Ok(()))
    }

    fn call(&mut self, request: Request) -> Self::Future {
        ready(Ok(self.answer(&request)))
    }
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
