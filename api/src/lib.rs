//! Wire types and validation rules shared by the browser app and the server.
//!
//! This crate does no I/O and depends on no web or database crate: everything here is plain data
//! and pure functions, so the same rules run in the browser (instant feedback) and on the server
//! (the authority).

pub mod account;
pub mod activity;
pub mod activity_query;
pub mod apps;
pub mod booking;
pub mod district;
pub mod error;
pub mod geo;
pub mod home;
pub mod hours;
pub mod maplinks;
pub mod moderation;
pub mod notification;
pub mod opinion;
pub mod opinion_board;
pub mod query;
pub mod reception;
pub mod register;
pub mod search;
pub mod similarity;
pub mod time;
pub mod units;
pub mod workdays;

pub use district::District;
pub use error::{ApiError, ErrorCode};
pub use geo::LatLon;
pub use home::{Facility, Home, HomeSummary, HomeType, HomesResponse, RegisterInfo};
pub use hours::{TimeRange, WeeklyHours};
pub use query::HomesQuery;
