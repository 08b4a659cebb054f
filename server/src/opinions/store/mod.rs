//! The SQL of opinions: submission, look-ups by the owner's proof, the queue, the chain's
//! steps, the author's texts, the board and units.

pub mod board;
pub mod counters;
pub mod lookups;
pub mod notices;
pub mod queue;
pub mod revision;
pub mod steps;
pub mod submit;
pub mod timeline;
pub mod units;

pub use board::{RateOutcome, RatingProof, StatsRow};
pub use lookups::{Looked, OpinionKey};
pub use queue::QueueFilter;
pub use steps::RevealOutcome;
pub use submit::{OpinionRecord, SubmitOutcome};
pub use units::{UnitOutcome, WorkCalendar};
