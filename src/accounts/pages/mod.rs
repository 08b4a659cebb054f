//! The accounts' routed pages.

pub mod account;
pub mod sign_in;
pub mod staff_accounts;
