//! Meetings: the homes' activities, booking a seat, the bookings kept on this device, and the
//! reception at the home (roster, check-in, record); a delegate's duty and publishing.

pub mod client;
pub mod components;
pub mod pages;
pub mod saved_bookings;
