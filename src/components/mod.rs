//! Pieces of pages that carry no data loading of their own.

pub mod account_card;
pub mod account_create;
pub mod activity_list;
pub mod bulk_action;
pub mod delegate_opinions;
pub mod duty;
pub mod home_picker;
pub mod manage_activity;
pub mod opinion_reply;
pub mod opinion_steps;
pub mod publish_activity;
pub mod queue_filters;
pub mod staff_gate;
pub mod unit_picker;
