//! Opinions (意见建议): a citizen sends one and follows it; staff handle it along the chain
//! (queue, steps, units, holiday calendar, audit log); the public board and the statistics.

pub mod calendar_rules;
pub mod client;
pub mod components;
pub mod moderation_rules;
pub mod pages;
pub mod saved_opinions;
