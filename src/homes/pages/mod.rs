//! The homes' routed pages (and the list's filter form).

pub mod home_detail;
pub mod homes_filters;
pub mod homes_list;
pub mod map;
