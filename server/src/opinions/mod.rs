//! Opinions (意见建议): submission with photos, look-ups by their owners, the staff's handling
//! chain, due dates, the public board, ratings, statistics, handling units and the holiday
//! calendar.

pub mod chain;
pub mod first_screen;
pub mod lookups;
pub mod messages;
pub mod near_duplicates;
pub mod pages;
pub mod routes;
pub mod stats;
pub mod stats_cache;
pub mod step;
pub mod store;
