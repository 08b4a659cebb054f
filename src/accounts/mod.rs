//! Accounts: signing in and out, who is signed in (the session every feature reads), the
//! delegate's or staff member's own page, and the staff's accounts page.

pub mod account_rules;
pub mod client;
pub mod components;
pub mod pages;
pub mod session;
