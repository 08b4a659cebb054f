//! Settings, read once from the environment (README lists them all).

use std::net::SocketAddr;
use std::path::PathBuf;

/// Everything the server needs to start.
#[derive(Debug, Clone)]
pub struct Config {
    /// Address to listen on (`DH_ADDR`, default 127.0.0.1:8080; port 0 picks a free one).
    pub addr: SocketAddr,
    /// `sqlite://path?mode=rwc` or `postgres://…` (`DH_DATABASE_URL`).
    pub database_url: String,
    /// The built app (`DH_DIST_DIR`, default `dist`).
    pub dist_dir: PathBuf,
    /// Register imported as sample data when the database has no homes (`DH_SAMPLE_REGISTER`,
    /// default `data/homes.csv`; empty to start with an empty register).
    pub sample_register: Option<PathBuf>,
}

impl Config {
    /// Reads the environment, with the defaults `./run` relies on.
    pub fn from_env() -> anyhow::Result<Config> {
        let var =
            |name: &str, default: &str| std::env::var(name).unwrap_or_else(|_| default.to_owned());
        let addr = var("DH_ADDR", "127.0.0.1:8080");
        let addr = addr.parse().map_err(|_| {
            anyhow::anyhow!("DH_ADDR must be an address like 127.0.0.1:8080, not {addr:?}")
        })?;
        let sample = var("DH_SAMPLE_REGISTER", "data/homes.csv");
        Ok(Config {
            addr,
            database_url: var("DH_DATABASE_URL", "sqlite://var/deputy-homes.db?mode=rwc"),
            dist_dir: var("DH_DIST_DIR", "dist").into(),
            sample_register: (!sample.is_empty()).then(|| sample.into()),
        })
    }
}
