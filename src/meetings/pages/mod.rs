//! The meetings' routed pages.

pub mod activities;
pub mod book;
pub mod my_bookings;
pub mod reception;
