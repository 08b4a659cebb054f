//! Homes: the register's list with its filters, one home's page, the overview map, and the
//! pieces they draw.

pub mod client;
pub mod components;
pub mod pages;
