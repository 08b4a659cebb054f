//! Text messages to citizens about their bookings and their opinions, as staff see them in the
//! outbox.

use serde::{Deserialize, Serialize};

crate::form_fields! {
    /// The filters of the outbox.
    pub enum OutboxField {
        /// The booking code whose messages are listed.
        Booking = "booking",
        /// The opinion whose messages are listed.
        Opinion = "opinion",
    }
}

/// Why a message is sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationKind {
    /// A booking was made: booked or waitlisted.
    Confirmation,
    /// The booking moved to another activity, or its activity's time changed.
    Change,
    /// The citizen cancelled.
    Cancellation,
    /// The activity was cancelled, and with it the booking.
    ActivityCancelled,
    /// Moved from the waitlist to a seat.
    Promotion,
    /// The day before.
    Reminder,
    /// An opinion was accepted for handling (受理).
    OpinionAccepted,
    /// An opinion was not accepted; the message quotes what staff told the citizen.
    OpinionRejected,
    /// An opinion went to its handling units, with the date the reply is due.
    OpinionAssigned,
    /// The handling unit replied, classed A, B or C.
    OpinionReplied,
    /// The reply's due date moved later.
    OpinionExtended,
    /// The opinion was closed (办结).
    OpinionClosed,
    /// The opinion was closed by publishing it with its reply (the author allowed it).
    OpinionPublished,
    /// A code that proves the citizen holds the phone; the outbox never shows the code.
    VerificationCode,
}

impl NotificationKind {
    /// Every kind.
    pub const ALL: [NotificationKind; 14] = [
        NotificationKind::Confirmation,
        NotificationKind::Change,
        NotificationKind::Cancellation,
        NotificationKind::ActivityCancelled,
        NotificationKind::Promotion,
        NotificationKind::Reminder,
        NotificationKind::OpinionAccepted,
        NotificationKind::OpinionRejected,
        NotificationKind::OpinionAssigned,
        NotificationKind::OpinionReplied,
        NotificationKind::OpinionExtended,
        NotificationKind::OpinionClosed,
        NotificationKind::OpinionPublished,
        NotificationKind::VerificationCode,
    ];

    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            NotificationKind::Confirmation => "confirmation",
            NotificationKind::Change => "change",
            NotificationKind::Cancellation => "cancellation",
            NotificationKind::ActivityCancelled => "activity_cancelled",
            NotificationKind::Promotion => "promotion",
            NotificationKind::Reminder => "reminder",
            NotificationKind::OpinionAccepted => "opinion_accepted",
            NotificationKind::OpinionRejected => "opinion_rejected",
            NotificationKind::OpinionAssigned => "opinion_assigned",
            NotificationKind::OpinionReplied => "opinion_replied",
            NotificationKind::OpinionExtended => "opinion_extended",
            NotificationKind::OpinionClosed => "opinion_closed",
            NotificationKind::OpinionPublished => "opinion_published",
            NotificationKind::VerificationCode => "verification_code",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<NotificationKind> {
        NotificationKind::ALL.into_iter().find(|k| k.code() == code)
    }
}

/// Where a message stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum NotificationStatus {
    /// Waiting to be sent, or to be tried again after a failure.
    Pending,
    Sent,
    /// Given up after repeated failures.
    Failed,
}

impl NotificationStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            NotificationStatus::Pending => "pending",
            NotificationStatus::Sent => "sent",
            NotificationStatus::Failed => "failed",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<NotificationStatus> {
        [
            NotificationStatus::Pending,
            NotificationStatus::Sent,
            NotificationStatus::Failed,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// A message in the outbox, as `GET /api/notifications` lists it for staff.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Notification {
    pub id: String,
    pub kind: NotificationKind,
    /// The booking a booking's message is about; absent for any other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub booking_code: Option<String>,
    /// The opinion an opinion's message is about (`YJ20261128-0042`); absent for any other.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tracking_number: Option<String>,
    /// Masked (`138******00`).
    pub phone: String,
    /// The text sent, in Chinese; a verification code shows as `******`.
    pub message: String,
    pub status: NotificationStatus,
    /// Sending attempts so far.
    pub attempts: u32,
    pub created_at_ms: i64,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sent_at_ms: Option<i64>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_round_trip_and_match_the_wire_form() {
        for kind in NotificationKind::ALL {
            assert_eq!(NotificationKind::from_code(kind.code()), Some(kind));
            let wire = serde_json::to_value(kind).unwrap();
            assert_eq!(wire, kind.code());
        }
        for status in ["pending", "sent", "failed"] {
            let parsed = NotificationStatus::from_code(status).unwrap();
            assert_eq!(serde_json::to_value(parsed).unwrap(), status);
        }
        assert_eq!(NotificationKind::from_code("fax"), None);
    }
}
