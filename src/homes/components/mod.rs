//! Pieces of the homes' pages: elders' shortcuts, a home's card, its open-now badge, the
//! overview map and the sample-data notice.

pub mod elders_shortcuts;
pub mod home_card;
pub mod open_status;
pub mod overview_map;
pub mod sample_notice;
