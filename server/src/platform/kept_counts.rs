//! Counts that cost a scan of a large table (the audit log's entries, for its pager), kept per
//! revision of what they count: a request reads the revision, a cheap indexed read, and counts
//! again only when it moved.

use std::collections::HashMap;
use std::future::Future;
use std::sync::{Arc, Mutex};

/// Most counts kept; past it all go (a flood of distinct filters cannot grow memory).
const MOST_COUNTS: usize = 256;

/// The kept counts of this server, by what was counted.
#[derive(Debug, Clone, Default)]
pub struct KeptCounts {
    counts: Arc<Mutex<HashMap<String, (String, u64)>>>,
}

impl KeptCounts {
    /// The count of `key` at `revision`: the one kept, or the one `count` makes now.
    pub async fn count<F, Fut>(&self, key: &str, revision: &str, count: F) -> anyhow::Result<u64>
    where
        F: FnOnce() -> Fut,
        Fut: Future<Output = anyhow::Result<u64>>,
    {
        if let Some(kept) = self.kept(key, revision) {
            return Ok(kept);
        }
        let counted = count().await?;
        let mut counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        if counts.len() >= MOST_COUNTS {
            counts.clear();
        }
        counts.insert(key.to_owned(), (revision.to_owned(), counted));
        Ok(counted)
    }

    fn kept(&self, key: &str, revision: &str) -> Option<u64> {
        let counts = self.counts.lock().unwrap_or_else(|p| p.into_inner());
        counts
            .get(key)
            .filter(|(kept, _)| kept == revision)
            .map(|(_, count)| *count)
    }
}
