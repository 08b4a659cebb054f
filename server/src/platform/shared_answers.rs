//! Answers that are the same for everyone who asks (the homes register and its searches, the
//! public board, the first screens of the citizens' pages), kept
//! serialized and compressed per request and data revision, so a repeated request costs a look-up
//! instead of building, tagging and compressing the answer again. The caller names the revision
//! of the data the answer is made from, read from the database as fresh as `fresh_read` says, so
//! an answer made before this server changed the data is never sent, nor one made before another
//! server's change once `DH_FRESH_WITHIN_MS` has passed.

use crate::platform::encoded::Encoded;
use axum::body::Bytes;
use axum::http::header::COOKIE;
use axum::http::{HeaderMap, HeaderValue};
use axum::response::Response;
use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, RwLock};

/// Most answers kept; past it the answers of older revisions go, then all (a flood of distinct
/// searches cannot grow memory without bound).
const MOST_ANSWERS: usize = 1024;

/// The kept answers of this server, by request (path and query).
#[derive(Debug, Clone, Default)]
pub struct SharedAnswers {
    answers: Arc<RwLock<HashMap<String, Arc<Kept>>>>,
}

#[derive(Debug)]
struct Kept {
    revision: String,
    /// The answer holds until this moment (an upcoming activity listed in it ends), or for as
    /// long as its revision when `None`.
    valid_until_ms: Option<i64>,
    encoded: Encoded,
}

impl SharedAnswers {
    /// The JSON answer to the request `key` made from data at `revision`: the one kept, or the
    /// one `make` writes now, kept for the next request. Tagged and re-validated like every API
    /// answer (`no-cache`, `private` when the request carries a cookie).
    pub fn answer(
        &self,
        request: &HeaderMap,
        key: &str,
        revision: &str,
        make: impl FnOnce() -> anyhow::Result<Vec<u8>>,
    ) -> anyhow::Result<Response> {
        let kept = match self.kept(key, revision, 0) {
            Some(kept) => kept,
            None => self.keep(key, revision, None, make()?),
        };
        Ok(respond(request, &kept, JSON))
    }

    /// [`SharedAnswers::answer`] for an answer made by reading the database.
    pub async fn answer_read<F, Fut>(
        &self,
        request: &HeaderMap,
        key: &str,
        revision: &str,
        make: F,
    ) -> anyhow::Result<Response>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = anyhow::Result<Vec<u8>>>,
    {
        let kept = match self.kept(key, revision, 0) {
            Some(kept) => kept,
            None => self.keep(key, revision, None, make().await?),
        };
        Ok(respond(request, &kept, JSON))
    }

    /// [`SharedAnswers::answer_read`] for an answer that also changes with the clock: `make`
    /// says until when (milliseconds) what it wrote holds, and from then on it is made again.
    pub async fn answer_read_until<F, Fut>(
        &self,
        request: &HeaderMap,
        key: &str,
        revision: &str,
        now_ms: i64,
        make: F,
    ) -> anyhow::Result<Response>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = anyhow::Result<(Vec<u8>, Option<i64>)>>,
    {
        let kept = match self.kept(key, revision, now_ms) {
            Some(kept) => kept,
            None => {
                let (json, valid_until_ms) = make().await?;
                self.keep(key, revision, valid_until_ms, json)
            }
        };
        Ok(respond(request, &kept, JSON))
    }

    /// A page that is the same for everyone (a first screen, `platform::first_screen`), kept
    /// like an answer under the key of the request it carries (what the page is drawn from, so
    /// parameters it does not read make no new page): `make` writes it and says until when
    /// (milliseconds) it holds.
    pub async fn page_until<F, Fut>(
        &self,
        request: &HeaderMap,
        key: &str,
        revision: &str,
        now_ms: i64,
        make: F,
    ) -> anyhow::Result<Response>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = anyhow::Result<(String, Option<i64>)>>,
    {
        let key = format!("page:{key}");
        let kept = match self.kept(&key, revision, now_ms) {
            Some(kept) => kept,
            None => {
                let (html, valid_until_ms) = make().await?;
                self.keep(&key, revision, valid_until_ms, html.into_bytes())
            }
        };
        Ok(respond(request, &kept, HTML))
    }

    fn kept(&self, key: &str, revision: &str, now_ms: i64) -> Option<Arc<Kept>> {
        let answers = self.answers.read().unwrap_or_else(|p| p.into_inner());
        answers
            .get(key)
            .filter(|kept| kept.revision == revision)
            .filter(|kept| kept.valid_until_ms.is_none_or(|until| now_ms < until))
            .cloned()
    }

    fn keep(
        &self,
        key: &str,
        revision: &str,
        valid_until_ms: Option<i64>,
        json: Vec<u8>,
    ) -> Arc<Kept> {
        let kept = Arc::new(Kept {
            revision: revision.to_owned(),
            valid_until_ms,
            encoded: Encoded::new(Bytes::from(json), true),
        });
        let mut answers = self.answers.write().unwrap_or_else(|p| p.into_inner());
        if answers.len() >= MOST_ANSWERS {
            answers.retain(|_, other| other.revision == revision);
            if answers.len() >= MOST_ANSWERS {
                answers.clear();
            }
        }
        answers.insert(key.to_owned(), Arc::clone(&kept));
        kept
    }
}

const JSON: &str = "application/json";
const HTML: &str = "text/html; charset=utf-8";

/// A kept answer, tagged and re-validated like every API answer (`no-cache`, `private` when the
/// request carries a cookie).
fn respond(request: &HeaderMap, kept: &Kept, content_type: &'static str) -> Response {
    let cache_control = if request.contains_key(COOKIE) {
        "private, no-cache"
    } else {
        "no-cache"
    };
    kept.encoded.respond(
        request,
        HeaderValue::from_static(content_type),
        HeaderValue::from_static(cache_control),
    )
}
