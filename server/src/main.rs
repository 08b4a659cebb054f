//! `deputy-homes-server serve` runs the app; `import FILE` replaces the homes register.

use anyhow::Context;
use clap::{Parser, Subcommand};
use deputy_homes_server::{bind, db::Db, register_file, Config};
use std::path::PathBuf;

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
    }
}

async fn serve(config: Config) -> anyhow::Result<()> {
    let (listener, app) = bind(&config).await?;
    let addr = listener.local_addr()?;
    println!("deputy-homes is serving on http://{addr}/");
    axum::serve(listener, app)
        .with_graceful_shutdown(async {
            let _ = tokio::signal::ctrl_c().await;
        })
        .await
        .context("server stopped with an error")
}
