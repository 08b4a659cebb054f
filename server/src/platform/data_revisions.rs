//! Data revisions: a counter per kind of data (`data_revisions`), raised in the transaction of
//! every change to what an answer kept by the servers shows, so a server makes the answer again
//! only when the counter moved, and never sends one that its own change made stale, nor
//! another server's once `DH_FRESH_WITHIN_MS` has passed (`fresh_read`).
//! - `opinions`: what the statistics and the public board read (`opinions::store::revision`);
//! - `activities`: what the public lists of upcoming activities show (their times, topics, seats
//!   left and delegates on duty).

use crate::platform::db::Db;
use sqlx::AnyConnection;

/// Records, inside the change's transaction, that the data named `name` changed.
pub(crate) async fn data_changed(conn: &mut AnyConnection, name: &str) -> anyhow::Result<()> {
    let raised = sqlx::query("UPDATE data_revisions SET revision = revision + 1 WHERE name = $1")
        .bind(name)
        .execute(conn)
        .await?;
    anyhow::ensure!(raised.rows_affected() == 1, "no data revision named {name}");
    Ok(())
}

/// Records, inside the change's transaction, that an activity's listing changed.
pub(crate) async fn activities_changed(conn: &mut AnyConnection) -> anyhow::Result<()> {
    data_changed(conn, "activities").await
}

impl Db {
    /// The revision of the data named `name` now.
    pub async fn data_revision(&self, name: &str) -> anyhow::Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT revision FROM data_revisions WHERE name = $1")
                .bind(name)
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
