//! The SQL of meetings: activities, bookings and the reception.

pub mod activities;
pub mod bookings;
pub mod change_limits;
pub mod reception;
pub mod texts;

pub use activities::{ActivityChange, EditOutcome, NewSeries};
pub use bookings::{BookOutcome, BookingRecord, CancelOutcome, MoveOutcome};
pub use change_limits::ChangeLimits;
pub use reception::{CheckInOutcome, RecordWrite, YearCounts};
