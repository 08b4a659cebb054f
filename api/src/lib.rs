//! Wire types and validation rules shared by the browser app and the server.
//!
//! This crate does no I/O and depends on no web or database crate: everything here is plain data
//! and pure functions, so the same rules run in the browser (instant feedback) and on the server
//! (the authority). One folder per feature (homes, meetings, opinions, accounts, citizens, projects) and `platform`
//! for what they share (the error shape, Hohhot time, the outbox, which app owns a path).

pub mod accounts;
pub mod citizens;
pub mod homes;
pub mod meetings;
pub mod opinions;
pub mod platform;
pub mod projects;

pub use homes::district::District;
pub use homes::geo::LatLon;
pub use homes::home::{Facility, Home, HomeSummary, HomeType, HomesResponse, RegisterInfo};
pub use homes::hours::{TimeRange, WeeklyHours};
pub use homes::query::HomesQuery;
pub use platform::error::{ApiError, ErrorCode};
pub use platform::fields::FormField;
