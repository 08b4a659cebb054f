//! The deputy-homes browser app: citizens find Hohhot's representatives' homes.

pub mod accounts;
pub mod api;
pub mod app;
pub mod components;
pub mod homes;
pub mod i18n;
pub mod kit;
pub mod opinions;
pub mod outbox;
pub mod pages;
pub mod saved_bookings;
