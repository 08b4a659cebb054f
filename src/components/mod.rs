//! Pieces of pages that carry no data loading of their own.

pub mod activity_list;
pub mod duty;
pub mod manage_activity;
pub mod publish_activity;
