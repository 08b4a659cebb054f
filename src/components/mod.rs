//! Pieces of pages that carry no data loading of their own.

pub mod activity_list;
pub mod bulk_action;
pub mod delegate_opinions;
pub mod duty;
pub mod manage_activity;
pub mod opinion_reply;
pub mod opinion_steps;
pub mod publish_activity;
pub mod queue_filters;
pub mod unit_picker;
