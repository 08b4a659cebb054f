//! The statistics kept per data revision: the opinions' rows are read and the figures made once
//! per revision of the opinions (`store::revision`) and of the register (districts), instead of
//! on every request. Each request reads the two revisions (small reads shared by the requests
//! that arrive together, as fresh as `fresh_read` says) first, so figures made before this
//! server's change are never sent, nor before another's once its window has passed; the
//! requests that arrive while the figures are made wait for them.

use crate::opinions::stats::Figures;
use crate::opinions::store::StatsRow;
use crate::platform::db::Db;
use crate::platform::fresh_read::{FreshRead, Freshness};
use deputy_homes_api::opinions::board::OpinionStats;
use std::collections::HashMap;
use std::sync::Arc;
use tokio::sync::Mutex;

/// The kept figures of this server.
#[derive(Debug, Clone)]
pub struct StatsCache {
    kept: Arc<Mutex<Kept>>,
    revision: FreshRead<i64>,
}

#[derive(Debug, Default)]
struct Kept {
    /// `(opinions' revision, register's revision)` the rows and figures were made from.
    revision: Option<(i64, String)>,
    rows: Option<Arc<Vec<StatsRow>>>,
    /// By `(year, per_home)`.
    figures: HashMap<(Option<i64>, bool), Arc<Figures>>,
}

impl StatsCache {
    /// A cache whose revision is read as fresh as `freshness` says.
    pub fn new(freshness: Freshness) -> StatsCache {
        StatsCache {
            kept: Arc::default(),
            revision: FreshRead::new(freshness),
        }
    }

    /// The opinions' data revision now (`store::revision`), read once for the requests that
    /// arrive together; the public board is kept per this revision too.
    pub async fn revision(&self, db: &Db) -> anyhow::Result<i64> {
        self.revision
            .get(|| {
                let db = db.clone();
                async move { db.opinions_revision().await }
            })
            .await
    }

    /// The statistics of `year` (all when `None`) at `now_ms`, with the counts per home when
    /// `per_home`; `register_revision` is the homes register's current revision.
    pub async fn stats(
        &self,
        db: &Db,
        register_revision: &str,
        year: Option<i64>,
        per_home: bool,
        now_ms: i64,
    ) -> anyhow::Result<OpinionStats> {
        let revision = (self.revision(db).await?, register_revision.to_owned());
        let mut kept = self.kept.lock().await;
        if kept.revision.as_ref() != Some(&revision) {
            *kept = Kept {
                revision: Some(revision),
                ..Kept::default()
            };
        }
        let figures = match kept.figures.get(&(year, per_home)) {
            Some(figures) => figures.clone(),
            None => {
                let rows = match &kept.rows {
                    Some(rows) => rows.clone(),
                    None => Arc::new(db.stats_rows().await?),
                };
                kept.rows = Some(rows.clone());
                let figures = Arc::new(Figures::new(&rows, year, per_home));
                kept.figures.insert((year, per_home), figures.clone());
                figures
            }
        };
        drop(kept);
        Ok(figures.at(now_ms))
    }
}
