//! What every feature shares: the one JSON error shape, Hohhot time, the message outbox as staff
//! see it, and which paths belong to the office app.

pub mod apps;
pub mod error;
pub mod outbox;
pub mod time;
