//! Several servers starting at the same moment on one fresh PostgreSQL database all come up:
//! the migrations, the sample register and the demonstration accounts are made once, and the
//! servers that lose those races go on instead of exiting.

use crate::helpers::{test_config, PostgresDatabase, Register};
use sqlx::AnyPool;

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn four_servers_starting_at_once_on_a_fresh_postgresql_all_come_up() {
    let database = PostgresDatabase::create().await;
    let files = tempfile::tempdir().expect("a temporary folder");
    let starts: Vec<_> = (0..4)
        .map(|_| {
            let mut config =
                test_config(database.url(), files.path().to_path_buf(), Register::Sample);
            config.demo_accounts = true;
            tokio::spawn(async move {
                deputy_homes_server::prepare(&config)
                    .await
                    .map(|_| ())
                    .map_err(|e| format!("{e:#}"))
            })
        })
        .collect();
    for (i, start) in starts.into_iter().enumerate() {
        let started = start.await.expect("the start did not panic");
        assert_eq!(started, Ok(()), "server {i} did not come up");
    }
    sqlx::any::install_default_drivers();
    let pool = AnyPool::connect(&database.url())
        .await
        .expect("the database opens");
    let demo: Vec<String> =
        sqlx::query_scalar("SELECT username FROM accounts WHERE demo <> 0 ORDER BY username")
            .fetch_all(&pool)
            .await
            .expect("the accounts");
    assert!(!demo.is_empty(), "the demonstration accounts were made");
    let homes: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM homes")
        .fetch_one(&pool)
        .await
        .expect("the homes");
    assert_eq!(homes, 104);
}
