//! The outbox's routed page.

pub mod outbox;
