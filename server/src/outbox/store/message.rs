//! A message in the form the outbox stores it, which the features' storage receives from their
//! wording (kept apart from the outbox's SQL so that storage of bookings can name it too).

use deputy_homes_api::platform::outbox::NotificationKind;

/// A message as the outbox stores it, written by `outbox::templates::Message::stored`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredMessage {
    pub kind: NotificationKind,
    /// The template's name.
    pub template: &'static str,
    /// The parameters, a JSON object.
    pub parameters: String,
    /// The text staff see in the outbox.
    pub text: String,
}
