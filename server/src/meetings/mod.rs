//! Meetings: activities at the homes, citizens' bookings with waitlist and moves, and the
//! reception on the day (roster, check-in, records).

pub mod booking_codes;
pub mod first_screen;
pub mod ics;
pub mod messages;
pub mod pages;
pub mod routes;
pub mod store;
