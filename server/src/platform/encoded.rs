//! Answers held in memory with their encodings: the identity bytes, gzip and brotli (each made at
//! most once, or read from the `.gz` and `.br` files the build wrote), the choice among them by
//! `Accept-Encoding`, and the answer itself with its entity tag, 304 when the client has it.

use crate::platform::etag;
use axum::body::{Body, Bytes};
use axum::http::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, CONTENT_TYPE, ETAG, IF_NONE_MATCH, VARY,
};
use axum::http::{HeaderMap, HeaderValue, StatusCode};
use axum::response::Response;
use std::io::Write;
use std::sync::OnceLock;

/// The encodings the server sends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Identity,
    Gzip,
    Brotli,
}

/// The encoding to send: brotli, else gzip, when `Accept-Encoding` takes it (a `q` of 0 refuses
/// it; `*` takes both), else the bytes as they are.
pub fn preferred(headers: &HeaderMap) -> Encoding {
    let (mut gzip, mut brotli) = (false, false);
    for value in headers.get_all(ACCEPT_ENCODING) {
        let Ok(value) = value.to_str() else { continue };
        for item in value.split(',') {
            let mut parts = item.split(';');
            let name = parts.next().unwrap_or_default().trim();
            let refused = parts.any(|p| {
                p.trim()
                    .strip_prefix("q=")
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .is_some_and(|q| q <= 0.0)
            });
            if refused {
                continue;
            }
            match name.to_ascii_lowercase().as_str() {
                "br" => brotli = true,
                "gzip" | "x-gzip" => gzip = true,
                "*" => (gzip, brotli) = (true, true),
                _ => {}
            }
        }
    }
    if brotli {
        Encoding::Brotli
    } else if gzip {
        Encoding::Gzip
    } else {
        Encoding::Identity
    }
}

/// One answer's bytes and their compressed forms. A form that would not be smaller is not sent.
#[derive(Debug)]
pub struct Encoded {
    identity: Bytes,
    compressible: bool,
    gzip: OnceLock<Option<Bytes>>,
    brotli: OnceLock<Option<Bytes>>,
    /// A weak tag from the identity bytes, as `etag::tag_for` makes for every API answer.
    tag: HeaderValue,
}

impl Encoded {
    /// The bytes, compressed when first asked for in a form if `compressible`.
    pub fn new(identity: Bytes, compressible: bool) -> Encoded {
        let tag = HeaderValue::from_str(&etag::tag_for(&identity)).expect("hex is a valid header");
        Encoded {
            identity,
            compressible,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
            tag,
        }
    }

    /// Uses forms compressed beforehand (the build's `.gz` and `.br` files) instead of making them.
    pub fn with_precompressed(self, gzip: Option<Bytes>, brotli: Option<Bytes>) -> Encoded {
        if let Some(gzip) = gzip {
            let _ = self.gzip.set(Some(gzip));
        }
        if let Some(brotli) = brotli {
            let _ = self.brotli.set(Some(brotli));
        }
        self
    }

    /// The identity bytes.
    pub fn identity(&self) -> &Bytes {
        &self.identity
    }

    /// The bytes in `encoding`, or the identity bytes when that form is not smaller.
    fn body(&self, encoding: Encoding) -> (Option<&'static str>, Bytes) {
        let smaller = |form: &OnceLock<Option<Bytes>>, make: fn(&[u8]) -> Vec<u8>| {
            form.get_or_init(|| {
                if !self.compressible {
                    return None;
                }
                let made = make(&self.identity);
                (made.len() < self.identity.len()).then(|| Bytes::from(made))
            })
            .clone()
        };
        let form = match encoding {
            Encoding::Identity => None,
            Encoding::Gzip => smaller(&self.gzip, gzip_bytes).map(|b| ("gzip", b)),
            Encoding::Brotli => smaller(&self.brotli, brotli_bytes).map(|b| ("br", b)),
        };
        match form {
            Some((name, bytes)) => (Some(name), bytes),
            None => (None, self.identity.clone()),
        }
    }

    /// The answer to a GET or HEAD with `request` headers: 304 when `If-None-Match` names the
    /// tag, else 200 in the encoding the client prefers; `content_type` and `cache_control` as
    /// given.
    pub fn respond(
        &self,
        request: &HeaderMap,
        content_type: HeaderValue,
        cache_control: HeaderValue,
    ) -> Response {
        let mut response = Response::new(Body::empty());
        let headers = response.headers_mut();
        headers.insert(ETAG, self.tag.clone());
        headers.insert(CACHE_CONTROL, cache_control);
        if self.compressible {
            headers.insert(VARY, HeaderValue::from_static("accept-encoding"));
        }
        let known = request
            .get(IF_NONE_MATCH)
            .and_then(|v| v.to_str().ok())
            .zip(self.tag.to_str().ok())
            .is_some_and(|(theirs, ours)| etag::matches(theirs, ours));
        if known {
            *response.status_mut() = StatusCode::NOT_MODIFIED;
            return response;
        }
        let (encoding, bytes) = self.body(preferred(request));
        headers.insert(CONTENT_TYPE, content_type);
        if let Some(encoding) = encoding {
            headers.insert(CONTENT_ENCODING, HeaderValue::from_static(encoding));
        }
        *response.body_mut() = Body::from(bytes);
        response
    }
}

/// gzip: level 9 for small answers, 6 past 1 MiB so a first request is not kept waiting.
fn gzip_bytes(bytes: &[u8]) -> Vec<u8> {
    let level = if bytes.len() <= 1 << 20 { 9 } else { 6 };
    let mut encoder = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::new(level));
    encoder.write_all(bytes).expect("writing to memory");
    encoder.finish().expect("writing to memory")
}

/// brotli: quality 9 for small answers, 5 past 1 MiB (the build writes quality 11 files for
/// the app's own big files).
fn brotli_bytes(bytes: &[u8]) -> Vec<u8> {
    let quality = if bytes.len() <= 1 << 20 { 9 } else { 5 };
    let mut out = Vec::new();
    {
        let mut writer = brotli::CompressorWriter::new(&mut out, 4096, quality, 22);
        writer.write_all(bytes).expect("writing to memory");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn accepting(value: &str) -> HeaderMap {
        let mut headers = HeaderMap::new();
        headers.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        headers
    }

    #[test]
    fn brotli_is_preferred_then_gzip_and_a_zero_q_refuses() {
        assert_eq!(preferred(&HeaderMap::new()), Encoding::Identity);
        assert_eq!(preferred(&accepting("gzip, deflate, br")), Encoding::Brotli);
        assert_eq!(preferred(&accepting("gzip")), Encoding::Gzip);
        assert_eq!(preferred(&accepting("br;q=0, gzip;q=0.5")), Encoding::Gzip);
        assert_eq!(preferred(&accepting("identity")), Encoding::Identity);
        assert_eq!(preferred(&accepting("*")), Encoding::Brotli);
    }

    #[test]
    fn every_form_decodes_to_the_identity_bytes() {
        use std::io::Read;
        let text = Bytes::from("{\"homes\": [1, 2, 3]} ".repeat(200));
        let encoded = Encoded::new(text.clone(), true);
        let (name, gz) = encoded.body(Encoding::Gzip);
        assert_eq!(name, Some("gzip"));
        let mut plain = Vec::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, text);
        let (name, br) = encoded.body(Encoding::Brotli);
        assert_eq!(name, Some("br"));
        let mut plain = Vec::new();
        brotli::Decompressor::new(&br[..], 4096)
            .read_to_end(&mut plain)
            .unwrap();
        assert_eq!(plain, text);
        let tiny = Encoded::new(Bytes::from_static(b"{}"), true);
        assert_eq!(
            tiny.body(Encoding::Brotli),
            (None, Bytes::from_static(b"{}"))
        );
    }
}
