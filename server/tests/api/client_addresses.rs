//! Behind one proxy of our own (`DH_TRUST_FORWARDED_FOR=1`), limits per address count the entry
//! that proxy appended to `X-Forwarded-For`, not what the client wrote in front of it, and an
//! IPv6 client by its /64 network.

use crate::helpers::TestApp;
use crate::opinions::{opinion_body, submit_request};
use reqwest::StatusCode;

mod limits_count_the_address_our_proxy_wrote_and_an_ipv6_client_by_its_slash_64 {
    use crate::helpers::{Backend, Register, TestApp};

    async fn behind_one_proxy(backend: Backend) -> TestApp {
        TestApp::spawn_configured(backend, Register::Sample, |config| {
            config.forwarded_hops = 1;
        })
        .await
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_sqlite() {
        super::scenario(behind_one_proxy(Backend::Sqlite).await).await;
    }

    #[tokio::test(flavor = "multi_thread", worker_threads = 2)]
    async fn on_postgres() {
        super::scenario(behind_one_proxy(Backend::Postgres).await).await;
    }
}

async fn submit_from(app: &TestApp, key: &str, forwarded_for: &str) -> StatusCode {
    let request = submit_request(app, key, &opinion_body(None, &[]))
        .await
        .header("x-forwarded-for", forwarded_for);
    app.send(request).await.status()
}

async fn scenario(app: TestApp) {
    // 20 opinions per address per hour. The client changes what it writes in front and the last
    // 64 bits of its IPv6 address each time: all 20 count for one client.
    for i in 0..20 {
        let forwarded = format!("198.51.100.{i}, 2001:db8:1:2::{i:x}");
        let status = submit_from(&app, &format!("key-{i}"), &forwarded).await;
        assert_eq!(status, StatusCode::CREATED, "opinion {i}");
    }
    let status = submit_from(&app, "key-21", "203.0.113.99, 2001:db8:1:2:ffff:ffff:0:1").await;
    assert_eq!(
        status,
        StatusCode::TOO_MANY_REQUESTS,
        "the 21st from the same /64"
    );
    // Another /64, or another IPv4 address, is another client.
    let status = submit_from(&app, "key-22", "2001:db8:1:3::1").await;
    assert_eq!(status, StatusCode::CREATED, "another /64");
    let status = submit_from(&app, "key-23", "2001:db8:1:2::1, 203.0.113.8").await;
    assert_eq!(status, StatusCode::CREATED, "another IPv4 address");
}
