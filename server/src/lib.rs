//! The deputy-homes backend: a JSON API under `/api` and the built single-page app, on SQLite or
//! PostgreSQL. One folder per feature (homes, meetings, opinions, accounts, the outbox,
//! housekeeping, projects), each with its routes, decisions and storage, on `platform`;
//! `photos` is the upload pipeline opinions and projects share.

pub mod accounts;
pub mod citizens;
pub mod homes;
pub mod housekeeping;
pub mod meetings;
pub mod opinions;
pub mod outbox;
pub mod photos;
pub mod platform;
pub mod projects;
pub mod sample;

use anyhow::Context;
pub use platform::config::Config;
use platform::db::Db;
use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration;
use tokio::net::TcpListener;
use tokio::sync::Semaphore;

/// What every handler can reach.
#[derive(Debug, Clone)]
pub struct AppState {
    pub db: Db,
    pub register: homes::register_cache::RegisterCache,
    /// Answers that are the same for everyone, kept encoded per request and data revision.
    pub shared_answers: platform::shared_answers::SharedAnswers,
    /// The opinions' statistics, kept per data revision.
    pub stats: opinions::stats_cache::StatsCache,
    /// Counts kept per revision of what they count (the audit log's pager).
    pub kept_counts: platform::kept_counts::KeptCounts,
    /// The upcoming activities' data revision, read once for the requests that arrive together.
    pub activities_revision: platform::fresh_read::FreshRead<i64>,
    /// How fresh those shared reads are; told of each change this server makes.
    pub freshness: platform::fresh_read::Freshness,
    /// Whether the session cookie is marked Secure (the site is served over TLS).
    pub secure_cookies: bool,
    /// How long a session lasts, in hours.
    pub session_hours: i64,
    /// Bookings close this many minutes before an activity starts.
    pub booking_notice_minutes: i64,
    /// Most upcoming bookings one phone number may hold.
    pub booking_cap: i64,
    /// Most opinions per phone number per hour.
    pub opinion_limit_per_phone: i64,
    /// Most opinions per client address per hour.
    pub opinion_limit_per_ip: i64,
    /// Most phones one staff account may reveal per hour.
    pub reveal_limit_per_hour: i64,
    /// How many proxies of our own append to `X-Forwarded-For` (0: the socket is the client).
    pub forwarded_hops: usize,
    /// Working days an assigned opinion has for its reply; an extension may reach twice as many.
    pub opinion_due_working_days: u32,
    /// What time it is: the system's, moved forward by tests.
    pub clock: platform::clock::Clock,
    /// Where new booking codes come from.
    pub booking_codes: meetings::booking_codes::BookingCodes,
    /// Most text-message codes one client address may ask for per hour.
    pub codes_per_address_hour: i64,
    /// Most booking changes (book, cancel, move) one phone may make in any 24 hours.
    pub booking_changes_per_phone_day: i64,
    /// Most booking changes one client address may make in any hour.
    pub booking_changes_per_address_hour: i64,
    /// Where new text-message codes come from.
    pub verification_codes: citizens::codes::VerificationCodes,
    pub dist_dir: PathBuf,
    /// Longest time from a request's head to its answer's head (`DH_REQUEST_TIMEOUT_SECONDS`).
    pub request_timeout: Duration,
    /// Longest pause inside a request body (`DH_BODY_TIMEOUT_SECONDS`).
    pub body_timeout: Duration,
    /// Permits for password checks (argon2) running at once: two per core, so a burst of
    /// sign-ins queues instead of taking every core and 19 MiB of memory each.
    pub password_checks: Arc<Semaphore>,
    /// Permits for photo decodes running at once (one per core, at most 4): each may take up
    /// to 160 MiB for its pixels and as much again to encode them.
    pub photo_decodes: Arc<Semaphore>,
}

/// Opens the database (migrating it) and, when it holds no homes, imports the sample register;
/// with it, the first start makes the demonstration accounts and the living sample.
pub async fn prepare(config: &Config) -> anyhow::Result<AppState> {
    let db = Db::connect(&config.database_url).await?;
    if let Some(sample) = &config.sample_register {
        if db.homes_count().await? == 0 {
            match homes::register_file::import_file(&db, sample, true).await {
                Ok(count) => {
                    tracing::info!(count, file = %sample.display(), "imported the sample register")
                }
                // Another instance starting at the same moment may have seeded it first.
                Err(_) if db.homes_count().await? > 0 => {}
                Err(e) => return Err(e).context("cannot import the sample register"),
            }
        }
    }
    if config.demo_accounts && db.register_meta().await?.is_some_and(|m| m.sample) {
        let created = match accounts::rules::create_demo_accounts(&db).await {
            Ok(created) => created,
            // Another instance starting at the same moment created them first (their usernames
            // are taken): they exist, which is all this start needs.
            Err(e) if db.accounts_count().await? > 0 => {
                tracing::info!(
                    error = format!("{e:#}"),
                    "demo accounts made by another instance"
                );
                Vec::new()
            }
            Err(e) => return Err(e).context("cannot create the demo accounts"),
        };
        for (account, password) in created {
            println!(
                "demo account (sample data only): {} / {}  [{}]",
                account.username,
                password,
                account.role.code()
            );
        }
    }
    if config.sample_data && config.sample_register.is_some() {
        let plan = sample::Plan::living(
            platform::clock::system_now_ms(),
            config.opinion_due_working_days,
            config.personal_data_retention_days,
        );
        if let Some(made) = sample::create_living_sample(&db, &plan)
            .await
            .context("cannot create the living sample")?
        {
            tracing::info!(
                activities = made.activities,
                bookings = made.bookings,
                opinions = made.opinions,
                "created the living sample (removed by the official register's import)"
            );
        }
    }
    let freshness =
        platform::fresh_read::Freshness::new(Duration::from_millis(config.fresh_within_ms));
    Ok(AppState {
        db,
        register: homes::register_cache::RegisterCache::new(freshness.clone()),
        shared_answers: Default::default(),
        stats: opinions::stats_cache::StatsCache::new(freshness.clone()),
        kept_counts: Default::default(),
        activities_revision: platform::fresh_read::FreshRead::new(freshness.clone()),
        freshness,
        secure_cookies: config.secure_cookies,
        session_hours: config.session_hours,
        booking_notice_minutes: config.booking_notice_minutes,
        booking_cap: config.booking_cap,
        opinion_limit_per_phone: config.opinion_limit_per_phone,
        opinion_limit_per_ip: config.opinion_limit_per_ip,
        reveal_limit_per_hour: config.reveal_limit_per_hour,
        forwarded_hops: config.forwarded_hops,
        opinion_due_working_days: config.opinion_due_working_days,
        booking_codes: Default::default(),
        verification_codes: Default::default(),
        codes_per_address_hour: config.codes_per_address_hour,
        booking_changes_per_phone_day: config.booking_changes_per_phone_day,
        booking_changes_per_address_hour: config.booking_changes_per_address_hour,
        clock: Default::default(),
        dist_dir: config.dist_dir.clone(),
        request_timeout: Duration::from_secs(config.request_timeout_seconds),
        body_timeout: Duration::from_secs(config.body_timeout_seconds),
        password_checks: Arc::new(Semaphore::new(2 * cores())),
        photo_decodes: Arc::new(Semaphore::new(cores().min(4))),
    })
}

/// The cores this process may use (1 when the system will not say).
fn cores() -> usize {
    std::thread::available_parallelism().map_or(1, usize::from)
}

/// Binds the listening socket and builds the app; the caller runs `axum::serve` with
/// `into_make_service_with_connect_info::<SocketAddr>()`, which [`client_ip`] needs.
pub async fn bind(config: &Config) -> anyhow::Result<(TcpListener, axum::Router)> {
    listen(config, prepare(config).await?).await
}

/// Binds the listening socket and builds the app on a state already prepared.
pub async fn listen(
    config: &Config,
    state: AppState,
) -> anyhow::Result<(TcpListener, axum::Router)> {
    let listener = TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("cannot listen on {}", config.addr))?;
    Ok((listener, platform::router::app(state)))
}
