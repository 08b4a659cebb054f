//! The opinions' routed pages: the citizen's, the public ones and the staff's.

pub mod audit;
pub mod board;
pub mod holidays;
pub mod opinion_new;
pub mod opinion_status;
pub mod staff_opinion;
pub mod staff_queue;
pub mod stats;
pub mod units;
