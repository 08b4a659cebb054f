//! What the features share: the HTTP base every feature's client is built on, the page pieces
//! several features draw, and small browser helpers. Nothing here knows a feature.

pub mod bar_chart;
pub mod choice_fields;
pub mod clock;
pub mod device_store;
pub mod digest;
pub mod dom;
pub mod elders;
pub mod geolocation;
pub mod http;
pub mod language_switch;
pub mod load_error;
pub mod loader;
pub mod not_found;
pub mod page_title;
pub mod pager;
pub mod photos;
pub mod review_notice;
pub mod settings;
pub mod submission;
pub mod text_field;
