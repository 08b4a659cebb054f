//! The opinions' data revision: a counter raised in the transaction of every change that the
//! statistics read (a step, a submission, a rating, unit assignments and names, due dates moved by
//! the holiday calendar, the sample), so `stats_cache` recomputes only when it moves.

use crate::platform::data_revisions::data_changed;
use crate::platform::db::Db;
use sqlx::{Any, Transaction};

/// Records, inside the change's transaction, that the opinions' figures changed.
pub(crate) async fn opinions_changed(tx: &mut Transaction<'_, Any>) -> anyhow::Result<()> {
    data_changed(tx, "opinions").await
}

impl Db {
    /// The opinions' data revision now.
    pub async fn opinions_revision(&self) -> anyhow::Result<i64> {
        self.data_revision("opinions").await
    }
}
