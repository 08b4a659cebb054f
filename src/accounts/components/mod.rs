//! Pieces of the accounts' pages, and the gate other features put around staff-only content.

pub mod account_active;
pub mod account_card;
pub mod account_create;
pub mod home_picker;
pub mod homes_editor;
pub mod password_change;
pub mod password_reset;
pub mod staff_gate;
