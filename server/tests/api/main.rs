//! API integration tests: the real app on a free port, each test with a fresh database, every
//! scenario once on SQLite and once on PostgreSQL (PostgreSQL must be running; see
//! `helpers.rs` for `DH_TEST_POSTGRES_URL`).

mod helpers;

mod account_life;
mod accounts;
mod activities;
mod activities_listing;
mod activity_edit;
mod app_shell;
mod booking_limits;
mod booking_moves;
mod booking_retries;
mod bookings;
mod caching;
mod calendar;
mod citizens;
mod client_addresses;
mod document;
mod errors;
mod examples;
mod first_screen;
mod first_starts;
mod fixtures;
mod free_text;
mod freshness;
mod homes;
mod housekeeping;
mod import;
mod limits;
mod moderation;
mod moderation_board;
mod moderation_queue;
mod mongolian;
mod notifications;
mod openapi;
mod openapi_moderation;
mod opinion_notifications;
mod opinion_photos;
mod opinions;
mod phone_reveals;
mod project_figures;
mod project_photos;
mod project_staff_views;
mod projects;
mod qr;
mod reception;
mod roles;
mod sample_data;
mod schema;
mod security_headers;
mod sign_in_limits;
mod upgrades;
mod verification_messages;
mod walk_in_bookings;
mod write_locks;
