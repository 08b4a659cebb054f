//! Meetings: activities at the homes, citizens' bookings of them, and the reception on the day.

pub mod activity;
pub mod activity_query;
pub mod booking;
pub mod reception;
