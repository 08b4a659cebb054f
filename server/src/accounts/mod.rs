//! Accounts: delegates and staff sign in, and staff keep the accounts and the homes each delegate serves.

pub mod routes;
pub mod rules;
pub mod store;
