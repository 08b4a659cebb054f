//! Pieces of the opinions' pages: the queue's filters and bulk action, one form per step, the
//! unit picker, the reply with its rating, a delegate's list of opinions, and a phone's own.

pub mod bulk_action;
pub mod delegate_opinions;
pub mod my_opinions;
pub mod opinion_reply;
pub mod opinion_steps;
pub mod queue_filters;
pub mod unit_picker;
