//! Homes: the register of the 104 homes, its import from a CSV file, and the in-memory copy that
//! answers searches.

pub mod register_cache;
pub mod register_file;
pub mod routes;
pub mod store;
