//! The projects' routed pages: the index, a cycle, proposing, a proposal and a project.

pub mod cycle;
pub mod index;
pub mod project;
pub mod proposal;
pub mod propose;
