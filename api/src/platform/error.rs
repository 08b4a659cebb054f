//! The one JSON error shape that crosses the wire.

use crate::platform::fields::FormField;
use serde::{Deserialize, Serialize};

/// Machine-readable reason for a failed request; the app picks its message from this code and,
/// for a bad parameter, from the field it names. Each refusal has its own code, so the app never
/// needs to read the English `message`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum ErrorCode {
    /// A query parameter or body field failed validation; `field` names it.
    BadParameter,
    /// The requested resource does not exist.
    NotFound,
    /// Signing in is needed, or the session has ended.
    Unauthenticated,
    /// This needs the session of the phone it names, verified by a text code (401): an opinion
    /// with contact details. `field` names the phone.
    PhoneUnverified,
    /// The signed-in account may not do this.
    Forbidden,
    /// A state-changing request came without the session's anti-forgery token.
    CsrfRejected,
    /// The login and password do not match an account.
    BadCredentials,
    /// Too many attempts; the `Retry-After` header says when to try again.
    TooManyAttempts,
    /// The request would break a limit on how many there may be: a phone's upcoming bookings,
    /// or a capacity below the seats booked. `field` names the field at fault.
    LimitReached,
    /// The activity is full and so is its waitlist (`meetings::booking::waitlist_cap`).
    WaitlistFull,
    /// An upload is larger than allowed (413); `field` names it.
    TooLarge,
    /// The activity was cancelled: it takes no bookings, changes or check-ins.
    ActivityCancelled,
    /// The activity has started: it can no longer be changed, cancelled or left.
    ActivityStarted,
    /// Booking closes a set time before the start, and that time has passed.
    BookingClosed,
    /// This phone already holds a booking for that activity.
    AlreadyBooked,
    /// The booking was checked in already.
    AlreadyCheckedIn,
    /// The booking is on the waitlist and has no seat to check in to.
    Waitlisted,
    /// A reception's record is written once it has begun (started, or someone checked in).
    NotBegun,
    /// The name, username or phone is used by another unit or account already.
    Taken,
    /// The opinion's step is not one that may follow its present status.
    StepNotAllowed,
    /// The citizen did not allow this opinion to be published.
    PublishNotAllowed,
    /// There is no reply to rate yet.
    NoReplyYet,
    /// The reply was rated already; a rating is given once.
    AlreadyRated,
    /// The `Idempotency-Key` was used already for a different request.
    KeyReused,
    /// A photo named in the request no longer exists (unused photos are deleted after a day).
    PhotoGone,
    /// The text-message code is wrong (the code stays valid for its remaining tries).
    WrongCode,
    /// No code may be tried for this phone: none was sent, or it expired, was used, was
    /// replaced by a newer one or had too many wrong tries.
    CodeExpired,
    /// A livelihood-project cycle is not in the phase this needs: a proposal or support outside
    /// the collection window, a ballot outside the voting window, results before the close, a
    /// change to the candidate list once it is fixed.
    WrongPhase,
    /// This phone supported the proposal already; a phone supports a proposal once.
    AlreadySupported,
    /// This delegate has cast their ballot already; a delegate votes once.
    AlreadyVoted,
    /// The candidate list has no more candidates than projects to adopt (差额 is the rule), or
    /// the number to adopt is not set.
    NoMargin,
    /// The congress has no delegates marked as its members, so nobody could vote.
    NoElectors,
    /// The server failed; details are in its log, not in the response.
    Internal,
}

/// Body of every non-2xx API response.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ApiError {
    pub code: ErrorCode,
    /// An English explanation for developers and logs. Private: the app shows its own
    /// translation of `code` and `field`, never this.
    message: String,
    /// The parameter at fault, when there is one: its name in the request body or query.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    field: Option<String>,
}

impl ApiError {
    /// A refusal with its code and an explanation for developers.
    pub fn new(code: ErrorCode, message: impl Into<String>) -> Self {
        ApiError {
            code,
            message: message.into(),
            field: None,
        }
    }

    /// A validation failure of one field of a form.
    pub fn bad_parameter<F: FormField>(field: F, message: impl Into<String>) -> Self {
        ApiError::new(ErrorCode::BadParameter, message).on(field)
    }

    /// The same refusal, naming the field at fault.
    pub fn on<F: FormField>(mut self, field: F) -> Self {
        self.field = Some(field.name().to_owned());
        self
    }

    /// A bad parameter named by the deserializer (a body or query that does not fit its type),
    /// whose name is the request type's own field name and so one of its form's fields.
    pub fn undecodable(field: String, message: impl Into<String>) -> Self {
        ApiError {
            code: ErrorCode::BadParameter,
            message: message.into(),
            field: Some(field),
        }
    }

    /// The field at fault, read as one of form `F`'s fields; `None` when no field is named or
    /// it is not one of `F`'s.
    pub fn field<F: FormField>(&self) -> Option<F> {
        self.field_name().and_then(F::from_name)
    }

    /// The field's wire name, for logs and the server's own tests.
    pub fn field_name(&self) -> Option<&str> {
        self.field.as_deref()
    }
}

impl std::fmt::Display for ApiError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for ApiError {}
