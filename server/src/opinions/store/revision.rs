//! The opinions' data revision: a counter raised in the transaction of every change that the
//! statistics read (a step, a submission, a rating, unit assignments and names, due dates moved by
//! the holiday calendar, the sample), so `stats_cache` recomputes only when it moves.

use crate::platform::db::Db;
use sqlx::{Any, Transaction};

/// Records, inside the change's transaction, that the opinions' figures changed.
pub(crate) async fn opinions_changed(tx: &mut Transaction<'_, Any>) -> anyhow::Result<()> {
    sqlx::query("UPDATE data_revisions SET revision = revision + 1 WHERE name = 'opinions'")
        .execute(&mut **tx)
        .await?;
    Ok(())
}

impl Db {
    /// The opinions' data revision now.
    pub async fn opinions_revision(&self) -> anyhow::Result<i64> {
        Ok(
            sqlx::query_scalar("SELECT revision FROM data_revisions WHERE name = 'opinions'")
                .fetch_one(&self.pool)
                .await?,
        )
    }
}
