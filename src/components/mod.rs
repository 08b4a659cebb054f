//! Pieces of pages that carry no data loading of their own.

pub mod account_card;
pub mod account_create;
pub mod activity_list;
pub mod duty;
pub mod home_card;
pub mod home_picker;
pub mod language_switch;
pub mod load_error;
pub mod manage_activity;
pub mod open_status;
pub mod overview_map;
pub mod publish_activity;
pub mod sample_notice;
pub mod text_field;
