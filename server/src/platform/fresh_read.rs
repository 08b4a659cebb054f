//! One small read from the database (a data revision) shared by the requests that arrive
//! together, as fresh as [`Freshness`] says:
//! - A value read since this server's last change always does, so a change made here shows in
//!   the next answer (a booking, then the list: the seat is gone).
//! - A value whose read began at most `within` before the caller asked does too. So a change
//!   made on another server shows here within that time (`DH_FRESH_WITHIN_MS`, default 100 ms),
//!   and the database is read at most about once per `within` instead of per request.
//! - With `within` zero, a caller gets the value of a read that *began after it asked*: it
//!   never sees a value older than its own arrival, yet a hundred requests at once cost one or
//!   two queries.
//!
//! A caller that needs a new read and arrives while one is running waits for the next one, which
//! starts when the running one ends; at most one read runs at a time. The read runs in its own
//! task, so a caller that gives up (its client left) never leaves the others waiting.

use std::future::Future;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};
use tokio::sync::watch;

/// How fresh a shared read must be: what this server changed, and how old another server's
/// change may be. One per server, shared by all its reads (`AppState::freshness`).
#[derive(Debug, Clone, Default)]
pub struct Freshness {
    within: Duration,
    /// Changes this server has made (`changed`).
    changes: Arc<AtomicU64>,
}

impl Freshness {
    /// Reads that began at most `within` before a caller asked will do for it.
    pub fn new(within: Duration) -> Freshness {
        Freshness {
            within,
            changes: Arc::default(),
        }
    }

    /// Records that this server has just changed data (a write has been committed): no read that
    /// began before now will do.
    pub fn changed(&self) {
        self.changes.fetch_add(1, Ordering::SeqCst);
    }

    fn changes(&self) -> u64 {
        self.changes.load(Ordering::SeqCst)
    }
}

/// Tells `freshness` of each change this server made: after a request that may write (not
/// `GET`, `HEAD` or `OPTIONS`) has been answered successfully, its transaction committed, and
/// before the answer leaves, so the client's next read here sees the change.
pub async fn tell_changes(
    axum::extract::State(freshness): axum::extract::State<Freshness>,
    request: axum::extract::Request,
    next: axum::middleware::Next,
) -> axum::response::Response {
    let writes = !request.method().is_safe();
    let response = next.run(request).await;
    if writes && (response.status().is_success() || response.status().is_redirection()) {
        freshness.changed();
    }
    response
}

/// Reads of one value, shared by the callers that arrive together.
#[derive(Debug, Clone)]
pub struct FreshRead<T> {
    rounds: Arc<watch::Sender<Rounds<T>>>,
    freshness: Freshness,
}

/// The reads so far: how many began and ended, whether one is running, and the last value with
/// when its read began (and this server's changes by then).
#[derive(Debug, Clone)]
struct Rounds<T> {
    started: u64,
    finished: u64,
    running: bool,
    last: Option<Result<T, Arc<str>>>,
    last_began: Option<(Instant, u64)>,
}

impl<T> Default for FreshRead<T> {
    fn default() -> Self {
        FreshRead::new(Freshness::default())
    }
}

impl<T> FreshRead<T> {
    /// Reads as fresh as `freshness` says.
    pub fn new(freshness: Freshness) -> Self {
        FreshRead {
            rounds: Arc::new(watch::Sender::new(Rounds {
                started: 0,
                finished: 0,
                running: false,
                last: None,
                last_began: None,
            })),
            freshness,
        }
    }
}

/// Marks the read as no longer running if its task ends without an answer (a panic), so the
/// next caller starts another instead of all waiting forever.
struct Running<T>(Arc<watch::Sender<Rounds<T>>>);

impl<T> Drop for Running<T> {
    fn drop(&mut self) {
        self.0
            .send_if_modified(|rounds| std::mem::replace(&mut rounds.running, false));
    }
}

impl<T: Clone + Send + Sync + 'static> FreshRead<T> {
    /// The value as a read fresh enough for this call returned it (see the module); `read`
    /// makes a new read when one is needed and none is running.
    pub async fn get<F, Fut>(&self, read: F) -> anyhow::Result<T>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = anyhow::Result<T>> + Send + 'static,
    {
        if !self.freshness.within.is_zero() {
            let asked = Instant::now();
            let rounds = self.rounds.borrow();
            if let (Some(Ok(value)), Some((began, changes))) = (&rounds.last, rounds.last_began) {
                if began + self.freshness.within >= asked && changes == self.freshness.changes() {
                    return Ok(value.clone());
                }
            }
        }
        let mut changes = self.rounds.subscribe();
        // A read running now began before this call: only the next one will do.
        let wanted = self.rounds.borrow().started + 1;
        loop {
            let mut mine = false;
            self.rounds.send_if_modified(|rounds| {
                mine = !rounds.running && rounds.finished < wanted;
                if mine {
                    rounds.running = true;
                    rounds.started += 1;
                }
                mine
            });
            if mine {
                // This server's changes so far are all committed: the read will see them.
                let began = (Instant::now(), self.freshness.changes());
                let reading = read();
                let running = Running(Arc::clone(&self.rounds));
                tokio::spawn(async move {
                    let value = reading.await.map_err(|e| Arc::from(format!("{e:#}")));
                    running.0.send_modify(|rounds| {
                        rounds.finished = rounds.started;
                        rounds.last = Some(value);
                        rounds.last_began = Some(began);
                    });
                    drop(running);
                });
            }
            let rounds = changes
                .wait_for(|rounds| rounds.finished >= wanted || !rounds.running)
                .await
                .map_err(|_| anyhow::anyhow!("the shared read was dropped"))?
                .clone();
            if rounds.finished >= wanted {
                return match rounds.last {
                    Some(Ok(value)) => Ok(value),
                    Some(Err(e)) => Err(anyhow::anyhow!("{e}")),
                    None => Err(anyhow::anyhow!("a finished read left no value")),
                };
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::time::Duration;

    /// A read that takes a while and returns how many reads were made so far.
    fn counting(
        reads: &Arc<AtomicU64>,
    ) -> impl Fn() -> std::pin::Pin<Box<dyn Future<Output = anyhow::Result<u64>> + Send>>
           + Send
           + Sync
           + 'static {
        let reads = Arc::clone(reads);
        move || {
            let reads = Arc::clone(&reads);
            Box::pin(async move {
                tokio::time::sleep(Duration::from_millis(50)).await;
                Ok(reads.fetch_add(1, Ordering::SeqCst) + 1)
            })
        }
    }

    #[tokio::test]
    async fn callers_that_arrive_together_share_one_read_and_a_later_caller_gets_a_new_one() {
        let reads = Arc::new(AtomicU64::new(0));
        let fresh = FreshRead::<u64>::default();
        let mut callers = tokio::task::JoinSet::new();
        for _ in 0..20 {
            let (fresh, read) = (fresh.clone(), counting(&reads));
            callers.spawn(async move { fresh.get(read).await.unwrap() });
        }
        let together = callers.join_all().await;
        // The first caller starts read 1; the others came while it ran, so they share read 2.
        assert_eq!(reads.load(Ordering::SeqCst), 2, "{together:?}");
        assert!(together.iter().all(|&v| v == 1 || v == 2), "{together:?}");
        let later = fresh.get(counting(&reads)).await.unwrap();
        assert_eq!(later, 3, "a call after the others reads again");
    }

    #[tokio::test]
    async fn within_the_window_a_read_is_shared_until_this_server_changes_something() {
        let reads = Arc::new(AtomicU64::new(0));
        let freshness = Freshness::new(Duration::from_secs(3600));
        let fresh = FreshRead::<u64>::new(freshness.clone());
        assert_eq!(fresh.get(counting(&reads)).await.unwrap(), 1);
        for _ in 0..5 {
            assert_eq!(
                fresh.get(counting(&reads)).await.unwrap(),
                1,
                "the kept value"
            );
        }
        assert_eq!(reads.load(Ordering::SeqCst), 1);
        freshness.changed();
        assert_eq!(
            fresh.get(counting(&reads)).await.unwrap(),
            2,
            "read after a change"
        );
        assert_eq!(fresh.get(counting(&reads)).await.unwrap(), 2);
        // Another read of the same server's freshness is told too.
        let other = FreshRead::<u64>::new(freshness.clone());
        assert_eq!(other.get(counting(&reads)).await.unwrap(), 3);
        freshness.changed();
        assert_eq!(other.get(counting(&reads)).await.unwrap(), 4);
    }

    #[tokio::test]
    async fn past_the_window_a_call_reads_again_and_a_failure_is_never_kept() {
        let reads = Arc::new(AtomicU64::new(0));
        let fresh = FreshRead::<u64>::new(Freshness::new(Duration::from_millis(20)));
        assert_eq!(fresh.get(counting(&reads)).await.unwrap(), 1);
        tokio::time::sleep(Duration::from_millis(30)).await;
        assert_eq!(fresh.get(counting(&reads)).await.unwrap(), 2);

        let failing = FreshRead::<u64>::new(Freshness::new(Duration::from_secs(3600)));
        let error = failing
            .get(|| async { anyhow::bail!("the database is away") })
            .await
            .unwrap_err();
        assert!(error.to_string().contains("the database is away"));
        assert_eq!(failing.get(|| async { Ok(7) }).await.unwrap(), 7);
    }

    #[tokio::test]
    async fn a_failed_read_is_an_error_and_the_next_call_reads_again() {
        let fresh = FreshRead::<u64>::default();
        let error = fresh
            .get(|| async { anyhow::bail!("the database is away") })
            .await
            .unwrap_err();
        assert!(error.to_string().contains("the database is away"));
        assert_eq!(fresh.get(|| async { Ok(7) }).await.unwrap(), 7);
    }
}
