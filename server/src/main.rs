//! `deputy-homes-server serve` runs the app; `import FILE` replaces the homes register;
//! `create-staff` makes a staff account; `generate --scale S` fills a database for benchmarks.

use anyhow::Context;
use clap::{Parser, Subcommand};
use deputy_homes_api::accounts::{NewAccount, Role};
use deputy_homes_server::accounts::rules;
use deputy_homes_server::homes::register_file;
use deputy_homes_server::housekeeping;
use deputy_homes_server::outbox::{self, senders::ConfiguredSender};
use deputy_homes_server::platform::db::Db;
use deputy_homes_server::platform::{self, serve::stop_signal, serve::ConnectionLimits};
use deputy_homes_server::sample;
use deputy_homes_server::{listen, prepare, Config};
use std::path::PathBuf;
use std::time::Duration;

#[derive(Parser)]
#[command(about = "Hohhot representatives' homes: server and admin commands")]
struct Cli {
    #[command(subcommand)]
    command: Option<Command>,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the app and the API (the default).
    Serve,
    /// Replace the homes register with a CSV file, in one transaction (see README for the format).
    Import {
        file: PathBuf,
        /// Mark the imported register as sample data rather than the official register.
        #[arg(long)]
        sample: bool,
    },
    /// Create a staff account (the first one, or another). The password is read from the
    /// environment variable DH_NEW_PASSWORD, or else from the first line of standard input.
    CreateStaff {
        #[arg(long)]
        username: String,
        #[arg(long)]
        display_name: String,
        /// Mainland mobile number, to sign in with instead of the username.
        #[arg(long)]
        phone: Option<String>,
    },
    /// Fill the database with five years of a city beside the sample register (imported first
    /// when there are no homes): at scale 1.0, 20,000 activities, 500,000 bookings and 100,000
    /// opinions with their timelines, units, ratings and audit entries, all marked as sample
    /// data (the official register's import deletes them).
    Generate {
        /// 1.0 is the whole city; 0.1 a tenth of it.
        #[arg(long, default_value_t = 1.0)]
        scale: f64,
    },
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            tracing_subscriber::EnvFilter::try_from_default_env().unwrap_or_else(|_| "info".into()),
        )
        .init();
    let config = Config::from_env()?;
    match Cli::parse().command.unwrap_or(Command::Serve) {
        Command::Serve => serve(config).await,
        Command::Import { file, sample } => {
            let db = Db::connect(&config.database_url).await?;
            let count = register_file::import_file(&db, &file, sample).await?;
            println!("imported {count} homes from {}", file.display());
            Ok(())
        }
        Command::Generate { scale } => generate(&config, scale).await,
        Command::CreateStaff {
            username,
            display_name,
            phone,
        } => {
            let password = match std::env::var("DH_NEW_PASSWORD") {
                Ok(p) => p,
                Err(_) => {
                    let mut line = String::new();
                    std::io::stdin()
                        .read_line(&mut line)
                        .context("cannot read the password from standard input")?;
                    line.trim_end_matches(['\r', '\n']).to_owned()
                }
            };
            let db = Db::connect(&config.database_url).await?;
            let new = NewAccount {
                username,
                display_name,
                role: Role::Staff,
                phone,
                password,
                home_ids: Vec::new(),
            };
            let account = rules::create_by_command(
                &db,
                &new,
                deputy_homes_server::platform::clock::system_now_ms(),
            )
            .await
            .map_err(|e| anyhow::anyhow!("{e}"))?;
            println!("created staff account {}", account.username);
            Ok(())
        }
    }
}

async fn generate(config: &Config, scale: f64) -> anyhow::Result<()> {
    if !(scale > 0.0 && scale <= 10.0) {
        anyhow::bail!("--scale must be above 0 and at most 10");
    }
    let db = Db::connect(&config.database_url).await?;
    if db.homes_count().await? == 0 {
        let file = config
            .sample_register
            .clone()
            .unwrap_or_else(|| PathBuf::from("data/homes.csv"));
        register_file::import_file(&db, &file, true).await?;
    }
    let started = std::time::Instant::now();
    let plan = sample::Plan::at_scale(
        scale,
        platform::clock::system_now_ms(),
        config.opinion_due_working_days,
        config.personal_data_retention_days,
    );
    let made = sample::create_at_scale(&db, &plan).await?;
    // A database that grew over years has its planner statistics; one filled at once has none
    // until autovacuum (PostgreSQL) or anyone (SQLite) gathers them.
    db.analyze().await?;
    println!(
        "generated {} activities, {} bookings, {} opinions ({} timeline events, {} audit entries) \
         in {:.1} s",
        made.activities,
        made.bookings,
        made.opinions,
        made.events,
        made.audit_entries,
        started.elapsed().as_secs_f64()
    );
    Ok(())
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let sender = ConfiguredSender::new(&config.sms)?;
    let state = prepare(&config).await?;
    if config.notify_interval_seconds > 0 {
        let interval = std::time::Duration::from_secs(config.notify_interval_seconds);
        println!("{}", sender.describe());
        outbox::spawn_worker(state.db.clone(), state.clock.clone(), sender, interval);
    }
    if config.housekeeping_interval_seconds > 0 {
        let interval = std::time::Duration::from_secs(config.housekeeping_interval_seconds);
        housekeeping::spawn_worker(
            state.db.clone(),
            state.clock.clone(),
            config.personal_data_retention_days,
            interval,
        );
    }
    let (listener, app) = listen(&config, state).await?;
    let stop = stop_signal().context("cannot watch for SIGTERM")?;
    let addr = listener.local_addr()?;
    println!("deputy-homes is serving on http://{addr}/");
    let limits = ConnectionLimits {
        header_read_timeout: Duration::from_secs(config.header_timeout_seconds),
        max_connections: config.max_connections,
        // Every request in flight ends by its own timeout; a little more lets its answer out.
        drain_timeout: Duration::from_secs(config.request_timeout_seconds + 5),
    };
    platform::serve::serve(listener, app, limits, async {
        let signal = stop.await;
        tracing::info!(signal, "asked to stop");
    })
    .await;
    Ok(())
}
