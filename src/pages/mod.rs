//! One module per routed page.

pub mod account;
pub mod home_detail;
pub mod homes_filters;
pub mod homes_list;
pub mod map;
pub mod not_found;
pub mod sign_in;
pub mod staff_accounts;
