//! Pieces of the meetings' pages (some load their own data): an activity's time and list, a
//! delegate's duty, publishing an activity, changing or cancelling one, and staff's booking
//! for a citizen in person.

pub mod activity_list;
pub mod duty;
pub mod manage_activity;
pub mod publish_activity;
pub mod walk_in_booking;
