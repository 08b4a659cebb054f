//! What every feature shares: the one JSON error shape and the form fields it names, Hohhot
//! time, the message outbox as staff see it, photos, and which paths belong to the office app, and
//! the characters free text may hold.

pub mod apps;
pub mod error;
pub mod fields;
pub mod outbox;
pub mod photos;
pub mod text;
pub mod time;
