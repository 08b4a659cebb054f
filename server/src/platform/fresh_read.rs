//! One small read from the database shared by the requests that arrive together: a caller gets
//! the value of a read that *began after it asked*, so it never sees a value older than its own
//! arrival (another server's change committed before the request came is always seen), yet a
//! hundred requests at once cost one or two queries instead of a hundred.
//!
//! A caller that arrives while a read is running waits for the next one, which starts when the
//! running one ends; at most one read runs at a time. The read runs in its own task, so a caller
//! that gives up (its client left) never leaves the others waiting.

use std::future::Future;
use std::sync::Arc;
use tokio::sync::watch;

/// Reads of one value, shared by the callers that arrive together.
#[derive(Debug, Clone)]
pub struct FreshRead<T> {
    rounds: Arc<watch::Sender<Rounds<T>>>,
}

/// The reads so far: how many began and ended, whether one is running, and the last value.
#[derive(Debug, Clone)]
struct Rounds<T> {
    started: u64,
    finished: u64,
    running: bool,
    last: Option<Result<T, Arc<str>>>,
}

impl<T> Default for FreshRead<T> {
    fn default() -> Self {
        FreshRead {
            rounds: Arc::new(watch::Sender::new(Rounds {
                started: 0,
                finished: 0,
                running: false,
                last: None,
            })),
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
    /// The value as a read that began after this call returned it; `read` makes that read when
    /// no read is running.
    pub async fn get<F, Fut>(&self, read: F) -> anyhow::Result<T>
    where
        F: Fn() -> Fut,
        Fut: Future<Output = anyhow::Result<T>> + Send + 'static,
    {
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
                let reading = read();
                let running = Running(Arc::clone(&self.rounds));
                tokio::spawn(async move {
                    let value = reading.await.map_err(|e| Arc::from(format!("{e:#}")));
                    running.0.send_modify(|rounds| {
                        rounds.finished = rounds.started;
                        rounds.last = Some(value);
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
