//! What the bookings' storage needs to write a text message inside a change's transaction: the
//! facts about the activity it reads there, and the message (a template and its parameters),
//! which the feature's `messages` module supplies (so storage decides no words).

use crate::outbox::store::message::StoredMessage;
use deputy_homes_api::meetings::activity::ActivityKind;
use deputy_homes_api::meetings::booking::BookingStatus;

/// What a message says about an activity.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ActivityFacts {
    pub kind: ActivityKind,
    /// `YYYY-MM-DD`.
    pub date: String,
    /// `HH:MM`.
    pub start: String,
    pub end: String,
    /// The home's Chinese name.
    pub home_name: String,
    pub address: String,
}

/// The messages about bookings, ready to store.
pub trait BookingTexts: Send + Sync {
    /// A booking was made: booked, or on the waitlist.
    fn confirmation(
        &self,
        facts: &ActivityFacts,
        code: &str,
        status: BookingStatus,
    ) -> StoredMessage;
    /// A booking was moved, or its activity changed.
    fn change(&self, facts: &ActivityFacts, code: &str, status: BookingStatus) -> StoredMessage;
    /// The citizen cancelled.
    fn cancellation(&self, facts: &ActivityFacts, code: &str) -> StoredMessage;
    /// The activity was cancelled, with the reason.
    fn activity_cancelled(&self, facts: &ActivityFacts, code: &str, reason: &str) -> StoredMessage;
    /// A seat was freed for someone on the waitlist.
    fn promotion(&self, facts: &ActivityFacts, code: &str) -> StoredMessage;
    /// The day before.
    fn reminder(&self, facts: &ActivityFacts, code: &str, status: BookingStatus) -> StoredMessage;
}
