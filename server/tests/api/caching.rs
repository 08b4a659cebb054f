//! Entity tags and compression of API responses.

use crate::helpers::{decoded_body, on_both_databases, TestApp, HASHED_ASSET};
use reqwest::header::{
    ACCEPT_ENCODING, CACHE_CONTROL, CONTENT_ENCODING, ETAG, IF_NONE_MATCH, VARY,
};
use reqwest::{Response, StatusCode};
use std::io::Read;

on_both_databases!(
    a_repeated_request_with_the_etag_is_answered_304_without_a_body,
    different_answers_have_different_etags,
    responses_are_gzip_or_brotli_compressed_when_the_client_accepts_it,
    every_encoding_of_a_public_answer_decodes_to_the_same_bytes_under_one_tag,
);

fn header(response: &Response, name: reqwest::header::HeaderName) -> Option<String> {
    response
        .headers()
        .get(name)
        .map(|v| v.to_str().expect("an ASCII header").to_owned())
}

async fn etag_of(app: &TestApp, path: &str) -> String {
    let response = app.send(app.get(path)).await;
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    header(&response, ETAG).unwrap_or_else(|| panic!("{path} has no ETag"))
}

async fn a_repeated_request_with_the_etag_is_answered_304_without_a_body(app: TestApp) {
    for path in [
        "/api/homes",
        "/api/homes?district=xincheng",
        "/api/homes/xc-01",
    ] {
        let first = app.send(app.get(path)).await;
        assert_eq!(first.status(), StatusCode::OK);
        let tag = header(&first, ETAG).unwrap_or_else(|| panic!("{path} has no ETag"));
        assert!(tag.starts_with("W/\"") && tag.ends_with('"'), "{tag}");
        assert_eq!(header(&first, CACHE_CONTROL).as_deref(), Some("no-cache"));
        let full_body = first.bytes().await.expect("a body");
        assert!(!full_body.is_empty());

        let again = app.send(app.get(path).header(IF_NONE_MATCH, &tag)).await;
        assert_eq!(again.status(), StatusCode::NOT_MODIFIED, "{path}");
        assert_eq!(header(&again, ETAG).as_deref(), Some(tag.as_str()));
        assert!(again.bytes().await.expect("a body").is_empty(), "{path}");

        let stale = app
            .send(
                app.get(path)
                    .header(IF_NONE_MATCH, "W/\"0123456789abcdef\""),
            )
            .await;
        assert_eq!(stale.status(), StatusCode::OK, "{path}");
        assert_eq!(stale.bytes().await.expect("a body"), full_body);
    }
}

async fn different_answers_have_different_etags(app: TestApp) {
    let all = etag_of(&app, "/api/homes").await;
    assert_eq!(etag_of(&app, "/api/homes").await, all, "the tag is stable");
    let xincheng = etag_of(&app, "/api/homes?district=xincheng").await;
    let saihan = etag_of(&app, "/api/homes?district=saihan").await;
    let one = etag_of(&app, "/api/homes/xc-01").await;
    let tags = [&all, &xincheng, &saihan, &one];
    for (i, a) in tags.iter().enumerate() {
        for b in &tags[i + 1..] {
            assert_ne!(a, b);
        }
    }
    let response = app
        .send(
            app.get("/api/homes?district=saihan")
                .header(IF_NONE_MATCH, &xincheng),
        )
        .await;
    assert_eq!(
        response.status(),
        StatusCode::OK,
        "another answer's tag must not give 304"
    );
}

fn gunzip(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    flate2::read::GzDecoder::new(bytes)
        .read_to_end(&mut out)
        .expect("a valid gzip body");
    out
}

fn unbrotli(bytes: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    brotli::Decompressor::new(bytes, 4096)
        .read_to_end(&mut out)
        .expect("a valid brotli body");
    out
}

async fn responses_are_gzip_or_brotli_compressed_when_the_client_accepts_it(app: TestApp) {
    let plain = app.send(app.get("/api/homes")).await;
    assert_eq!(header(&plain, CONTENT_ENCODING), None);
    let plain = plain.bytes().await.expect("a body").to_vec();

    for (encoding, decode) in [("gzip", gunzip as fn(&[u8]) -> Vec<u8>), ("br", unbrotli)] {
        let response = app
            .send(app.get("/api/homes").header(ACCEPT_ENCODING, encoding))
            .await;
        assert_eq!(response.status(), StatusCode::OK);
        assert_eq!(
            header(&response, CONTENT_ENCODING).as_deref(),
            Some(encoding)
        );
        assert!(
            header(&response, VARY)
                .is_some_and(|v| v.to_ascii_lowercase().contains("accept-encoding")),
            "a compressed answer must vary by Accept-Encoding"
        );
        let compressed = response.bytes().await.expect("a body");
        assert!(
            compressed.len() < plain.len() / 2,
            "{encoding} barely compressed"
        );
        assert_eq!(decode(&compressed), plain, "{encoding} body differs");
    }
}

/// The register's answers, the app's pages and its files are kept encoded in memory: each
/// encoding, first made or kept, decodes to the same bytes, and all carry one tag that a
/// re-check in any encoding answers 304.
async fn every_encoding_of_a_public_answer_decodes_to_the_same_bytes_under_one_tag(app: TestApp) {
    let asset = format!("/{HASHED_ASSET}");
    for path in [
        "/api/homes",
        "/api/homes?district=saihan&q=%E8%B5%9B%E7%BD%95",
        "/api/homes/xc-01",
        "/",
        "/homes/xc-01",
        "/office/",
        asset.as_str(),
    ] {
        let plain = app.send(app.get(path)).await;
        assert_eq!(plain.status(), StatusCode::OK, "{path}");
        let tag = header(&plain, ETAG).unwrap_or_else(|| panic!("{path} has no ETag"));
        let plain = plain.bytes().await.expect("a body").to_vec();
        for encoding in ["gzip", "br", "gzip, br", "identity"] {
            for _ in 0..2 {
                let response = app
                    .send(app.get(path).header(ACCEPT_ENCODING, encoding))
                    .await;
                assert_eq!(response.status(), StatusCode::OK, "{path} {encoding}");
                assert_eq!(header(&response, ETAG).as_deref(), Some(tag.as_str()));
                assert_eq!(decoded_body(response).await, plain, "{path} {encoding}");
            }
            let again = app
                .send(
                    app.get(path)
                        .header(ACCEPT_ENCODING, encoding)
                        .header(IF_NONE_MATCH, &tag),
                )
                .await;
            assert_eq!(
                again.status(),
                StatusCode::NOT_MODIFIED,
                "{path} {encoding}"
            );
        }
    }
}
