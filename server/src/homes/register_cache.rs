//! The homes register held in memory. A request asks the database only for the register's
//! revision (one tiny query, shared by the requests that arrive together: `fresh_read`) and
//! reloads the homes when another import, possibly on another app server, changed it. So the
//! servers stay stateless as far as correctness goes.

use crate::platform::db::Db;
use crate::platform::fresh_read::{FreshRead, Freshness};
use deputy_homes_api::homes::search::SearchIndex;
use std::sync::{Arc, RwLock};

/// One version of the register.
#[derive(Debug)]
pub struct Register {
    pub revision: String,
    /// The homes, each with its search text prepared.
    pub homes: SearchIndex,
    /// True while the shipped sample register is in use.
    pub sample: bool,
}

/// The cached register, shared by all requests of this server.
#[derive(Debug, Clone)]
pub struct RegisterCache {
    current: Arc<RwLock<Option<Arc<Register>>>>,
    revision: FreshRead<String>,
}

impl RegisterCache {
    /// A cache whose revision is read as fresh as `freshness` says.
    pub fn new(freshness: Freshness) -> RegisterCache {
        RegisterCache {
            current: Arc::default(),
            revision: FreshRead::new(freshness),
        }
    }

    /// The register as the database holds it now.
    pub async fn current(&self, db: &Db) -> anyhow::Result<Arc<Register>> {
        // Read the revision before the homes: if an import lands in between, the homes are newer
        // than the revision they are stored under, and the next request reloads them.
        let revision =
            self.revision
                .get(|| {
                    let db = db.clone();
                    async move {
                        Ok::<_, anyhow::Error>(db.register_revision().await?.unwrap_or_default())
                    }
                })
                .await?;
        if let Some(cached) = self.cached(&revision) {
            return Ok(cached);
        }
        let homes = SearchIndex::new(db.homes_all().await?);
        let sample = db.register_meta().await?.is_none_or(|m| m.sample);
        let register = Arc::new(Register {
            revision,
            homes,
            sample,
        });
        *self
            .current
            .write()
            .unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(register.clone());
        Ok(register)
    }

    fn cached(&self, revision: &str) -> Option<Arc<Register>> {
        let guard = self
            .current
            .read()
            .unwrap_or_else(|poisoned| poisoned.into_inner());
        guard.as_ref().filter(|r| r.revision == revision).cloned()
    }
}
