//! Homes: the register of the 104 homes, its import from a CSV file, the in-memory copy that
//! answers searches, and the homes' pages served with their first screen drawn.

pub mod first_screen;
pub mod pages;
pub mod register_cache;
pub mod register_file;
pub mod routes;
pub mod store;
