//! The deputy-homes browser app: citizens find Hohhot's representatives' homes.

pub mod accounts;
pub mod app;
pub mod citizens;
pub mod homes;
pub mod i18n;
pub mod kit;
pub mod meetings;
pub mod opinions;
pub mod outbox;
pub mod projects;
