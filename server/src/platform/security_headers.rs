//! Security headers on every answer: a Content-Security-Policy that allows the apps' own files,
//! the inline loader scripts Trunk writes into the built pages (by their SHA-256, read from
//! `dist/` at start-up, since they change with every build) and WebAssembly, and nothing else;
//! no framing, no MIME sniffing, no referrer, geolocation for this site only, and HSTS when the
//! site is served over TLS (`DH_SECURE_COOKIES=1`).

use axum::extract::{Request, State};
use axum::http::header::{
    CONTENT_SECURITY_POLICY, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY, X_CONTENT_TYPE_OPTIONS,
    X_FRAME_OPTIONS,
};
use axum::http::{HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use base64::Engine;
use sha2::{Digest, Sha256};
use std::path::Path;
use std::sync::Arc;

/// The headers every answer carries, built once at start-up.
#[derive(Debug, Clone)]
pub struct SecurityHeaders {
    csp: HeaderValue,
    hsts: bool,
}

const PERMISSIONS_POLICY: HeaderName = HeaderName::from_static("permissions-policy");

/// The pages whose inline scripts the policy allows: the citizens' app and the office.
const PAGES: [&str; 2] = ["index.html", "office/index.html"];

impl SecurityHeaders {
    /// Reads the built pages in `dist` (a missing page allows no inline script) and makes the
    /// policy; `hsts` when the site is served over TLS.
    pub fn from_dist(dist: &Path, hsts: bool) -> SecurityHeaders {
        let mut hashes: Vec<String> = PAGES
            .iter()
            .filter_map(|page| std::fs::read_to_string(dist.join(page)).ok())
            .flat_map(|html| inline_script_hashes(&html))
            .collect();
        hashes.sort();
        hashes.dedup();
        let csp =
            HeaderValue::from_str(&content_security_policy(&hashes)).expect("the policy is ASCII");
        SecurityHeaders { csp, hsts }
    }
}

/// The `'sha256-…'` source of each inline script (a `<script>` without `src`) of a page.
pub fn inline_script_hashes(html: &str) -> Vec<String> {
    // ASCII lower-casing keeps every byte offset, so positions found in `lower` cut `html`.
    let lower = html.to_ascii_lowercase();
    let mut hashes = Vec::new();
    let mut from = 0;
    while let Some(found) = lower[from..].find("<script") {
        let tag_start = from + found;
        let Some(tag_len) = lower[tag_start..].find('>') else {
            break;
        };
        let tag = &lower[tag_start + "<script".len()..tag_start + tag_len];
        let content_start = tag_start + tag_len + 1;
        let Some(content_len) = lower[content_start..].find("</script") else {
            break;
        };
        let has_src = tag
            .split(|c: char| c.is_ascii_whitespace() || c == '/')
            .any(|attribute| attribute == "src" || attribute.starts_with("src="));
        if !has_src {
            let content = &html[content_start..content_start + content_len];
            let digest = Sha256::digest(content.as_bytes());
            let encoded = base64::engine::general_purpose::STANDARD.encode(digest);
            hashes.push(format!("'sha256-{encoded}'"));
        }
        from = content_start + content_len;
    }
    hashes
}

/// The policy: the site's own files, the given inline scripts and WebAssembly; nothing from
/// elsewhere, no plugins, no framing.
pub fn content_security_policy(script_hashes: &[String]) -> String {
    let mut script_src = vec!["'self'", "'wasm-unsafe-eval'"];
    script_src.extend(script_hashes.iter().map(String::as_str));
    [
        "default-src 'self'".to_owned(),
        format!("script-src {}", script_src.join(" ")),
        "style-src 'self'".to_owned(),
        "img-src 'self'".to_owned(),
        "connect-src 'self'".to_owned(),
        // `data:` for the few glyphs of the language switch's Mongolian name, inlined in the
        // site's own stylesheet so a Chinese page draws it without fetching a font.
        "font-src 'self' data:".to_owned(),
        "manifest-src 'self'".to_owned(),
        "object-src 'none'".to_owned(),
        "base-uri 'self'".to_owned(),
        "form-action 'self'".to_owned(),
        "frame-ancestors 'none'".to_owned(),
    ]
    .join("; ")
}

/// Middleware: adds the headers to every answer, API and app alike.
pub async fn add(
    State(headers): State<Arc<SecurityHeaders>>,
    request: Request,
    next: Next,
) -> Response {
    let mut response = next.run(request).await;
    let out = response.headers_mut();
    out.insert(CONTENT_SECURITY_POLICY, headers.csp.clone());
    out.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    // For browsers older than `frame-ancestors`.
    out.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    // Opinions' private links carry their token in the path: no page's address leaves the site.
    out.insert(REFERRER_POLICY, HeaderValue::from_static("no-referrer"));
    out.insert(
        PERMISSIONS_POLICY,
        HeaderValue::from_static("geolocation=(self), camera=(), microphone=()"),
    );
    if headers.hsts {
        out.insert(
            STRICT_TRANSPORT_SECURITY,
            HeaderValue::from_static("max-age=31536000"),
        );
    }
    response
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What Trunk 0.21 writes into a built page: preloads, then the inline loader.
    const BUILT_PAGE: &str = r#"<!doctype html><html><head>
<link rel="modulepreload" href="/app-0123456789abcdef.js" crossorigin="anonymous" integrity="sha384-x">
<script src="/elsewhere.js"></script>
<script type="module">
import init, * as bindings from '/app-0123456789abcdef.js';
const wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });
window.wasmBindings = bindings;
</script></head><body><SCRIPT>1</SCRIPT></body></html>"#;

    #[test]
    fn every_inline_script_is_hashed_and_scripts_with_a_src_are_not() {
        let inline = "\nimport init, * as bindings from '/app-0123456789abcdef.js';\nconst wasm = await init({ module_or_path: '/app-0123456789abcdef_bg.wasm' });\nwindow.wasmBindings = bindings;\n";
        let expected = format!(
            "'sha256-{}'",
            base64::engine::general_purpose::STANDARD.encode(Sha256::digest(inline.as_bytes()))
        );
        // `printf 1 | openssl dgst -sha256 -binary | base64`
        let one = "'sha256-a4ayc/80/OGda4BO/1o/V0etpOqiLx1JwB5S3beHW0s='".to_owned();
        assert_eq!(inline_script_hashes(BUILT_PAGE), vec![expected, one]);
        assert!(inline_script_hashes("<p>no scripts</p>").is_empty());
    }

    #[test]
    fn the_policy_allows_wasm_and_the_hashes_and_forbids_framing() {
        let policy = content_security_policy(&["'sha256-abc='".to_owned()]);
        assert!(
            policy.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-abc='"),
            "{policy}"
        );
        assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
        assert!(!policy.contains("unsafe-inline"), "{policy}");
    }
}
