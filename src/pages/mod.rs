//! One module per routed page.

pub mod activities;
pub mod book;
pub mod my_bookings;
pub mod reception;
