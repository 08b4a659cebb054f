//! Pieces of the accounts' pages, and the gate other features put around staff-only content.

pub mod account_card;
pub mod account_create;
pub mod home_picker;
pub mod staff_gate;
