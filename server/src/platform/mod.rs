//! What every feature stands on: configuration, the database pool, errors, sessions and roles,
//! the audit log, ETags, the clock, idempotency keys, hourly counters, the router, the OpenAPI
//! document, the JSON-objects-only check, Mongolian in the standard encoding, the static files, request deadlines, security headers,
//! the accept loop, and answers kept encoded in memory (`encoded`, `shared_answers`,
//! `fresh_read`).

pub mod audit;
pub mod auth;
pub mod client_ip;
pub mod clock;
pub mod config;
pub mod data_revisions;
pub mod db;
pub mod deadline;
pub mod encoded;
pub mod error;
pub mod etag;
pub mod first_screen;
pub mod fresh_read;
pub mod idempotency;
pub mod ids;
pub mod json_objects;
pub mod kept_counts;
pub mod mongolian;
pub mod openapi;
pub mod rate_limits;
pub mod router;
pub mod security_headers;
pub mod serve;
pub mod shared_answers;
pub mod static_files;
