//! Pieces of the meetings' pages (some load their own data): an activity's time and list, a
//! delegate's duty, publishing an activity, and changing or cancelling one.

pub mod activity_list;
pub mod duty;
pub mod manage_activity;
pub mod publish_activity;
