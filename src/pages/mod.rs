//! One module per routed page.

pub mod activities;
pub mod audit;
pub mod board;
pub mod book;
pub mod holidays;
pub mod my_bookings;
pub mod opinion_new;
pub mod opinion_status;
pub mod outbox;
pub mod reception;
pub mod staff_opinion;
pub mod staff_queue;
pub mod stats;
pub mod units;
