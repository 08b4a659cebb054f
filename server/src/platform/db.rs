//! The database pool and its migrations. Each feature's `store` adds its SQL to [`Db`] (in
//! `impl Db` blocks of its own); one code path serves SQLite and PostgreSQL through sqlx's `Any`
//! driver, with one set of migrations written in SQL both accept.

use anyhow::Context;
use sqlx::any::{install_default_drivers, AnyPoolOptions};
use sqlx::{AnyPool, Executor};
use std::time::Duration;

/// A transaction on either database; storage functions take `&mut Tx`.
pub type Tx = sqlx::Transaction<'static, sqlx::Any>;

/// Which database engine a URL points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// Takes turns with every other transaction about the same `subjects` (a phone, an address):
/// on PostgreSQL an advisory lock on each, in the order given, held until the transaction ends;
/// SQLite let the transaction in as the only writer already. `space` (by custom the number of
/// the migration that brought the counted table) keeps one feature's locks apart from another's.
pub async fn take_turns(
    conn: &mut sqlx::AnyConnection,
    backend: Backend,
    space: i32,
    subjects: &[&str],
) -> anyhow::Result<()> {
    if backend == Backend::Postgres {
        for subject in subjects {
            sqlx::query("SELECT 1 FROM (SELECT pg_advisory_xact_lock($1, hashtext($2))) AS l")
                .bind(space)
                .bind(*subject)
                .execute(&mut *conn)
                .await?;
        }
    }
    Ok(())
}

impl Backend {
    /// Reads the engine from a database URL's scheme.
    pub fn from_url(url: &str) -> anyhow::Result<Backend> {
        if url.starts_with("sqlite:") {
            Ok(Backend::Sqlite)
        } else if url.starts_with("postgres:") || url.starts_with("postgresql:") {
            Ok(Backend::Postgres)
        } else {
            anyhow::bail!("DH_DATABASE_URL must start with sqlite: or postgres:, not {url:?}")
        }
    }
}

/// A connection pool and the engine behind it.
#[derive(Debug, Clone)]
pub struct Db {
    pub(crate) pool: AnyPool,
    pub(crate) backend: Backend,
}

impl Db {
    /// Connects, creating a SQLite file if it is missing, and brings the schema up to date.
    pub async fn connect(url: &str) -> anyhow::Result<Db> {
        install_default_drivers();
        let backend = Backend::from_url(url)?;
        if backend == Backend::Sqlite {
            create_sqlite_parent_dir(url)?;
        }
        let pool = AnyPoolOptions::new()
            .max_connections(if backend == Backend::Sqlite { 4 } else { 10 })
            .acquire_timeout(Duration::from_secs(10))
            .after_connect(move |connection, _| {
                Box::pin(async move {
                    // PostgreSQL plans a statement prepared again and again once for any values;
                    // for the queue's filters that plan walks every opinion by time to find the
                    // few that match. Planning with the values costs a fraction of a millisecond.
                    if backend == Backend::Postgres {
                        connection
                            .execute("SET plan_cache_mode = force_custom_plan")
                            .await?;
                    }
                    Ok(())
                })
            })
            .connect(url)
            .await
            .with_context(|| format!("cannot open the database at {}", redact(url)))?;
        let db = Db { pool, backend };
        db.migrate().await?;
        Ok(db)
    }

    async fn migrate(&self) -> anyhow::Result<()> {
        if self.backend == Backend::Sqlite {
            // Write-ahead logging lets readers go on while an import writes.
            sqlx::query("PRAGMA journal_mode = WAL")
                .execute(&self.pool)
                .await?;
        }
        // One set of migrations in SQL both databases accept; split it per dialect only when
        // the two must differ.
        sqlx::migrate!("./migrations")
            .run(&self.pool)
            .await
            .context("database migration failed")?;
        Ok(())
    }

    /// Starts a transaction, for a feature's decision that reads and writes through its storage
    /// functions and must see and change one state. Every transaction here writes, so on SQLite
    /// it takes the write lock as it begins (`BEGIN IMMEDIATE`, waiting up to the busy timeout
    /// for another writer): a transaction that read first and then tried to write while another
    /// wrote would instead fail at once with "database is locked". PostgreSQL locks rows as it
    /// goes, so a plain `BEGIN` serves there.
    pub async fn begin(&self) -> Result<Tx, sqlx::Error> {
        match self.backend {
            Backend::Sqlite => self.pool.begin_with("BEGIN IMMEDIATE").await,
            Backend::Postgres => self.pool.begin().await,
        }
    }

    /// The engine behind this pool.
    pub fn backend(&self) -> Backend {
        self.backend
    }

    /// Gathers the query planner's statistics of every table (after a bulk load).
    pub async fn analyze(&self) -> anyhow::Result<()> {
        sqlx::query("ANALYZE").execute(&self.pool).await?;
        Ok(())
    }

    /// Answers whether the database responds, for health checks.
    pub async fn ping(&self) -> anyhow::Result<()> {
        sqlx::query("SELECT 1").execute(&self.pool).await?;
        Ok(())
    }
}

/// Makes the folder of a `sqlite://path/to/file.db` URL, so a first start needs no set-up.
fn create_sqlite_parent_dir(url: &str) -> anyhow::Result<()> {
    let path = url
        .trim_start_matches("sqlite://")
        .trim_start_matches("sqlite:");
    let path = path.split('?').next().unwrap_or_default();
    if path.is_empty() || path == ":memory:" {
        return Ok(());
    }
    if let Some(parent) = std::path::Path::new(path)
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
    {
        std::fs::create_dir_all(parent)
            .with_context(|| format!("cannot create {}", parent.display()))?;
    }
    Ok(())
}

/// The URL without its password, for messages.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme_end), Some(at)) if at > scheme_end => {
            format!("{}://…{}", &url[..scheme_end], &url[at..])
        }
        _ => url.to_owned(),
    }
}
