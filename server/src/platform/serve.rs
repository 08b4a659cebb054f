//! The accept loop: HTTP/1.1 and HTTP/2 on one listener, with a header-read timeout, a cap on
//! open connections, and a graceful stop on SIGTERM or Ctrl-C that lets every request in flight
//! finish (its answer sent) before the process exits.

use axum::extract::{ConnectInfo, Request};
use axum::Router;
use hyper_util::rt::{TokioExecutor, TokioIo, TokioTimer};
use hyper_util::server::conn::auto;
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::{watch, Semaphore};
use tower::ServiceExt;

/// What bounds the connections (from `Config`).
#[derive(Debug, Clone, Copy)]
pub struct ConnectionLimits {
    /// A connection that has not sent a whole request head this long after it opened or after
    /// its last answer is closed (HTTP/1).
    pub header_read_timeout: Duration,
    /// Most connections open at once; more wait in the listen queue until one closes.
    pub max_connections: usize,
    /// Longest wait for requests in flight once a stop is asked for.
    pub drain_timeout: Duration,
}

/// Serves `app` on `listener` until `stop` completes, then stops accepting, lets the requests in
/// flight finish (idle connections close at once) and returns. Handlers see the peer address as
/// `ConnectInfo<SocketAddr>`, as with axum's `into_make_service_with_connect_info`.
pub async fn serve(
    listener: TcpListener,
    app: Router,
    limits: ConnectionLimits,
    stop: impl Future<Output = ()>,
) {
    let slots = Arc::new(Semaphore::new(limits.max_connections.max(1)));
    let graceful = GracefulShutdown::new();
    let mut builder = auto::Builder::new(TokioExecutor::new());
    builder
        .http1()
        .timer(TokioTimer::new())
        .header_read_timeout(limits.header_read_timeout);
    builder.http2().timer(TokioTimer::new());
    let stopping = watch::Sender::new(false);
    tokio::pin!(stop);
    loop {
        let slot = tokio::select! {
            slot = Arc::clone(&slots).acquire_owned() => slot.expect("the semaphore is never closed"),
            () = &mut stop => break,
        };
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors and the like: wait rather than spin.
                    tracing::warn!(error = %e, "cannot accept a connection");
                    tokio::time::sleep(Duration::from_millis(100)).await;
                    continue;
                }
            },
            () = &mut stop => break,
        };
        let _ = stream.set_nodelay(true);
        let app = app.clone().map_request(move |mut request: Request<_>| {
            request
                .extensions_mut()
                .insert(ConnectInfo::<SocketAddr>(peer));
            request
        });
        let builder = builder.clone();
        let watcher = graceful.watcher();
        let header_read_timeout = limits.header_read_timeout;
        let mut stopping = stopping.subscribe();
        tokio::spawn(async move {
            // HTTP/1's header timer starts once the protocol is known, that is once the first
            // bytes are in: a connection that sends nothing is closed here instead, and at once
            // when the server stops.
            let mut first = [0u8; 1];
            let spoke = tokio::select! {
                peeked = tokio::time::timeout(header_read_timeout, stream.peek(&mut first)) => {
                    matches!(peeked, Ok(Ok(n)) if n > 0)
                }
                _ = stopping.wait_for(|stopping| *stopping) => false,
            };
            if !spoke {
                drop(slot);
                return;
            }
            let connection =
                builder.serve_connection(TokioIo::new(stream), TowerToHyperService::new(app));
            if let Err(e) = watcher.watch(connection).await {
                tracing::debug!(error = %e, %peer, "connection ended with an error");
            }
            drop(slot);
        });
    }
    drop(listener);
    stopping.send_replace(true);
    let open = graceful.count();
    tracing::info!(
        open_connections = open,
        "shutting down: no new connections, finishing the requests in flight"
    );
    tokio::select! {
        () = graceful.shutdown() => tracing::info!("every connection closed; stopped"),
        () = tokio::time::sleep(limits.drain_timeout) => tracing::warn!(
            seconds = limits.drain_timeout.as_secs(),
            "requests still in flight after the drain timeout; stopping anyway"
        ),
    }
}

/// A future that completes on the first SIGTERM (what systemd and containers send) or Ctrl-C,
/// naming it. The SIGTERM handler is installed at once, so a signal sent as soon as the server
/// says it is serving is caught rather than killing the process.
pub fn stop_signal() -> std::io::Result<impl Future<Output = &'static str>> {
    #[cfg(unix)]
    let mut terminate = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())?;
    Ok(async move {
        #[cfg(unix)]
        let terminate = async move {
            terminate.recv().await;
            "SIGTERM"
        };
        #[cfg(not(unix))]
        let terminate = std::future::pending::<&'static str>();
        let ctrl_c = async {
            match tokio::signal::ctrl_c().await {
                Ok(()) => "Ctrl-C",
                Err(_) => std::future::pending().await,
            }
        };
        tokio::select! {
            name = ctrl_c => name,
            name = terminate => name,
        }
    })
}
