//! Entity tags for API responses, so a phone re-checking the register downloads nothing new.

use axum::body::{Body, Bytes, HttpBody};
use axum::extract::Request;
use axum::http::header::{CACHE_CONTROL, CONTENT_LENGTH, CONTENT_TYPE, ETAG, IF_NONE_MATCH};
use axum::http::{HeaderValue, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use hyper::body::Frame;
use sha2::{Digest, Sha256};
use std::collections::VecDeque;
use std::future::poll_fn;
use std::pin::Pin;
use std::task::{Context, Poll};

/// Largest body this layer will buffer to hash; larger ones pass through untagged.
const MAX_TAGGED_BODY: usize = 8 * 1024 * 1024;

/// A weak tag from the body's SHA-256: the same bytes give the same tag on every instance.
/// It is weak because compression further out changes the bytes on the wire.
pub fn tag_for(body: &[u8]) -> String {
    let digest = Sha256::digest(body);
    let hex: String = digest[..16].iter().map(|b| format!("{b:02x}")).collect();
    format!("W/\"{hex}\"")
}

/// Whether `If-None-Match` names `tag` (weak or strong) or is `*`.
pub fn matches(if_none_match: &str, tag: &str) -> bool {
    let bare = |t: &str| t.trim().trim_start_matches("W/").to_owned();
    if_none_match
        .split(',')
        .any(|t| t.trim() == "*" || bare(t) == bare(tag))
}

/// Whether a path answers with one person's data (their session, staff's account list, the
/// messages to citizens, a citizen's opinion or booking, an activity's roster with the
/// citizens' phones), which no cache may keep. Paths are as seen inside `/api`.
fn is_personal(path: &str) -> bool {
    let path = path.strip_prefix("/api").unwrap_or(path);
    let under = |p: &str| path == p || path.starts_with(&format!("{p}/"));
    let personal = [
        "/session",
        "/accounts",
        "/notifications",
        "/opinions",
        "/bookings",
        "/staff",
        "/delegate",
    ];
    if personal.iter().any(|p| under(p)) {
        return true;
    }
    // `/activities/{id}/bookings` (the roster), `/check-in` and `/record`.
    let segments: Vec<&str> = path.split('/').collect();
    matches!(
        segments.as_slice(),
        ["", "activities", _, "bookings" | "check-in" | "record"]
    )
}

/// Middleware: tags successful GET responses and answers 304 when the client has them already.
/// Personal answers, and answers to writes, are marked `no-store` instead; answers to a
/// signed-in browser are `private`.
/// An answer whose handler chose its own `Cache-Control` (a photo, a QR code) passes untouched.
pub async fn etag(request: Request, next: Next) -> Response {
    if is_personal(request.uri().path()) {
        let mut response = next.run(request).await;
        response
            .headers_mut()
            .insert(CACHE_CONTROL, HeaderValue::from_static("private, no-store"));
        return response;
    }
    let signed_in = request.headers().contains_key(axum::http::header::COOKIE);
    let cacheable = matches!(*request.method(), Method::GET | Method::HEAD);
    let if_none_match = request
        .headers()
        .get(IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_owned);
    let mut response = next.run(request).await;
    if !cacheable {
        // What a write answers (a new booking, a check-in) is kept by no cache either.
        response
            .headers_mut()
            .entry(CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("private, no-store"));
        return response;
    }
    if response.status() != StatusCode::OK || response.headers().contains_key(CACHE_CONTROL) {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let bytes = match buffer_up_to(body, MAX_TAGGED_BODY).await {
        Ok(Buffered::Whole(bytes)) => bytes,
        Ok(Buffered::TooLarge(body)) => return Response::from_parts(parts, body),
        Err(e) => {
            tracing::error!(error = %e, "the answer's body failed while being tagged");
            return StatusCode::INTERNAL_SERVER_ERROR.into_response();
        }
    };
    let tag = tag_for(&bytes);
    parts.headers.insert(
        ETAG,
        HeaderValue::from_str(&tag).expect("hex is a valid header"),
    );
    let policy = if signed_in {
        "private, no-cache"
    } else {
        "no-cache"
    };
    parts
        .headers
        .insert(CACHE_CONTROL, HeaderValue::from_static(policy));
    if if_none_match.is_some_and(|inm| matches(&inm, &tag)) {
        parts.status = StatusCode::NOT_MODIFIED;
        parts.headers.remove(CONTENT_LENGTH);
        parts.headers.remove(CONTENT_TYPE);
        return Response::from_parts(parts, Body::empty());
    }
    Response::from_parts(parts, Body::from(bytes))
}

/// A body read whole, or one too large to hold, given back whole for streaming.
enum Buffered {
    Whole(Bytes),
    TooLarge(Body),
}

/// Reads a body up to `limit` bytes. A larger one is returned as a body that gives the bytes
/// read so far and then the rest, so it passes through unchanged and untagged.
async fn buffer_up_to(mut body: Body, limit: usize) -> Result<Buffered, axum::Error> {
    let mut read: Vec<Bytes> = Vec::new();
    let mut size = 0;
    while let Some(frame) = poll_fn(|cx| Pin::new(&mut body).poll_frame(cx)).await {
        let Ok(data) = frame?.into_data() else {
            continue;
        };
        size += data.len();
        read.push(data);
        if size > limit {
            return Ok(Buffered::TooLarge(Body::new(Prefixed {
                read: read.into(),
                rest: body,
            })));
        }
    }
    let mut whole = Vec::with_capacity(size);
    for piece in read {
        whole.extend_from_slice(&piece);
    }
    Ok(Buffered::Whole(Bytes::from(whole)))
}

/// Bytes already read from a body, then the rest of it.
struct Prefixed {
    read: VecDeque<Bytes>,
    rest: Body,
}

impl HttpBody for Prefixed {
    type Data = Bytes;
    type Error = axum::Error;

    fn poll_frame(
        mut self: Pin<&mut Self>,
        cx: &mut Context<'_>,
    ) -> Poll<Option<Result<Frame<Bytes>, axum::Error>>> {
        if let Some(piece) = self.read.pop_front() {
            return Poll::Ready(Some(Ok(Frame::data(piece))));
        }
        Pin::new(&mut self.rest).poll_frame(cx)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn session_and_account_paths_are_personal() {
        for path in [
            "/session",
            "/api/session",
            "/accounts",
            "/accounts/abc/homes",
            "/api/notifications",
            "/api/opinions/YJ20261128-0001",
            "/opinions/by-token/abc",
            "/api/bookings/ABC234",
            "/api/bookings/ABC234/cancel",
            "/api/activities/a1/bookings",
            "/api/activities/a1/check-in",
            "/api/activities/a1/record",
        ] {
            assert!(is_personal(path), "{path}");
        }
        for path in [
            "/homes",
            "/api/homes/xc-01",
            "/sessions-of-congress",
            "/api/opinion-photos/abc",
            "/api/activities/a1",
            "/api/activities/a1/calendar.ics",
        ] {
            assert!(!is_personal(path), "{path}");
        }
    }

    #[test]
    fn a_tag_matches_itself_weak_or_strong_and_a_star() {
        let tag = tag_for(b"homes");
        assert!(matches(&tag, &tag));
        assert!(matches(&tag.replace("W/", ""), &tag));
        assert!(matches(&format!("\"other\", {tag}"), &tag));
        assert!(matches("*", &tag));
        assert!(!matches(&tag_for(b"other homes"), &tag));
    }

    #[tokio::test]
    async fn a_body_over_the_buffer_limit_passes_through_whole_and_untagged() {
        use tower::ServiceExt;
        let big = vec![b'x'; MAX_TAGGED_BODY + 1024 * 1024];
        let expected = big.clone();
        let app = axum::Router::new()
            .route(
                "/api/big",
                axum::routing::get(move || {
                    let big = big.clone();
                    // Several pieces, as a streamed answer has them.
                    async move {
                        Body::new(Prefixed {
                            read: big
                                .chunks(1024 * 1024)
                                .map(Bytes::copy_from_slice)
                                .collect(),
                            rest: Body::empty(),
                        })
                    }
                }),
            )
            .layer(axum::middleware::from_fn(etag));
        let request = Request::builder()
            .uri("/api/big")
            .body(Body::empty())
            .unwrap();
        let response = app.oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK);
        assert!(!response.headers().contains_key(ETAG));
        let body = axum::body::to_bytes(response.into_body(), usize::MAX)
            .await
            .unwrap();
        assert_eq!(body.len(), expected.len());
        assert!(body == expected);
    }
}
