//! What every feature stands on: configuration, the database pool, errors, sessions and roles,
//! the audit log, ETags, the clock, idempotency keys, hourly counters, the router, the OpenAPI
//! document, the JSON-objects-only check, the static files, request deadlines, security headers
//! and the accept loop.

pub mod audit;
pub mod auth;
pub mod client_ip;
pub mod clock;
pub mod config;
pub mod db;
pub mod deadline;
pub mod error;
pub mod etag;
pub mod idempotency;
pub mod ids;
pub mod json_objects;
pub mod openapi;
pub mod rate_limits;
pub mod router;
pub mod security_headers;
pub mod serve;
pub mod static_files;
