//! Homes: the register of the 104 homes, where they are, when they open, and how to find one.

pub mod district;
pub mod geo;
pub mod home;
pub mod hours;
pub mod maplinks;
pub mod query;
pub mod register;
pub mod search;
