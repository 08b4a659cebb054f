//! The citizens' components.

pub mod verify_phone;
