//! Livelihood projects (民生实事) for citizens: every congress's cycles and the term's figures,
//! proposing a project and supporting others' while a cycle collects, the candidate list, the
//! public result of the delegates' vote, and each adopted project's progress and evaluation.

pub mod client;
pub mod components;
pub mod pages;
pub mod rules;
