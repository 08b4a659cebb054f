//! Homes: the register's list with its filters, one home's page, the overview map, the pieces
//! they draw, and which name each language shows (`names`).

pub mod client;
pub mod components;
pub mod names;
pub mod pages;
