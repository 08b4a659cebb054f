//! The staff's outbox: every text message to citizens, about a booking or an opinion.

pub mod client;
pub mod pages;
