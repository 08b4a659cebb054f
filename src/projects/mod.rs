//! Livelihood projects decided by the delegates' vote (民生实事项目代表票决制), in the browser.
//! For citizens: every congress's cycles and the term's figures, proposing a project and
//! supporting others' while a cycle collects, the candidate list, the public result of the vote,
//! and each adopted project's progress and evaluation. `office/` holds the office app's screens:
//! staff run a cycle, delegates vote, inspect and evaluate.

pub mod client;
pub mod components;
pub mod office;
pub mod pages;
pub mod rules;
