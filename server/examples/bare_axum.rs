//! The baseline for `scripts/bench.sh`: a bare axum handler that returns fixed bytes, with no
//! database, no filtering, no ETag and no compression. Usage: `bare_axum ADDR FILE`.

use axum::http::header::CONTENT_TYPE;
use axum::routing::get;
use axum::Router;

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let mut args = std::env::args().skip(1);
    let addr = args.next().unwrap_or_else(|| "127.0.0.1:18081".into());
    let body: &'static [u8] = Box::leak(
        std::fs::read(args.next().expect("FILE with the body to serve"))?.into_boxed_slice(),
    );
    let app = Router::new().route(
        "/api/homes",
        get(move || async move { ([(CONTENT_TYPE, "application/json")], body) }),
    );
    let listener = tokio::net::TcpListener::bind(&addr).await?;
    println!("bare axum serving on http://{addr}/");
    axum::serve(listener, app).await?;
    Ok(())
}
