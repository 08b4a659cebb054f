//! Citizens booking a place at an activity: what they send, what they get back, and the rules.

use crate::accounts::MobileNumber;
use crate::platform::text::{check_text, Lines};
use crate::ApiError;
use serde::{Deserialize, Serialize};

crate::form_fields! {
    /// The fields of booking, looking up, cancelling and moving a booking.
    pub enum BookingField {
        /// The citizen's name.
        Name = "name",
        /// The citizen's mobile number.
        Phone = "phone",
        /// What they want to raise.
        Topic = "topic",
        /// Help they need to attend.
        AccessNeeds = "access_needs",
        /// Consent to the use of name and phone.
        Consent = "consent",
        /// The activity booked (closed to bookings when it starts soon).
        Activity = "activity",
        /// The booking code.
        Code = "code",
        /// The activity a booking moves to.
        ActivityId = "activity_id",
        /// The `Idempotency-Key` header that makes a retry safe.
        IdempotencyKey = "Idempotency-Key",
    }
}

/// Help a citizen needs to take part.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum AccessNeed {
    Wheelchair,
    SignLanguage,
    LargePrint,
    HearingLoop,
    Companion,
}

impl AccessNeed {
    /// Every kind of help, in the order forms list them.
    pub const ALL: [AccessNeed; 5] = [
        AccessNeed::Wheelchair,
        AccessNeed::SignLanguage,
        AccessNeed::LargePrint,
        AccessNeed::HearingLoop,
        AccessNeed::Companion,
    ];

    /// The wire name (as in JSON), for form values.
    pub fn code(self) -> &'static str {
        match self {
            AccessNeed::Wheelchair => "wheelchair",
            AccessNeed::SignLanguage => "sign_language",
            AccessNeed::LargePrint => "large_print",
            AccessNeed::HearingLoop => "hearing_loop",
            AccessNeed::Companion => "companion",
        }
    }
}

/// Body of `POST /api/activities/{id}/bookings`. No account: the phone number and the booking
/// code together identify the booking later.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewBooking {
    /// 1 to 30 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 30, pattern = "\\S")
    )]
    pub name: String,
    /// Mainland mobile number, as typed.
    pub phone: String,
    /// What the citizen wants to raise, briefly: 1 to 200 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 200, pattern = "\\S")
    )]
    pub topic: String,
    #[serde(default)]
    pub access_needs: Vec<AccessNeed>,
    /// Explicit consent to the stated use of the name and phone (PIPL); must be true.
    pub consent: bool,
}

/// Where a booking stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BookingStatus {
    /// Has a seat.
    Booked,
    /// Waiting for a seat; promoted automatically, first come first served.
    Waitlisted,
    Cancelled,
}

impl BookingStatus {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            BookingStatus::Booked => "booked",
            BookingStatus::Waitlisted => "waitlisted",
            BookingStatus::Cancelled => "cancelled",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<BookingStatus> {
        [
            BookingStatus::Booked,
            BookingStatus::Waitlisted,
            BookingStatus::Cancelled,
        ]
        .into_iter()
        .find(|s| s.code() == code)
    }
}

/// A booking as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Booking {
    /// Short code without look-alike characters, for check-in and changes.
    pub code: String,
    pub activity_id: String,
    pub status: BookingStatus,
    pub name: String,
    /// Masked (`138******34`).
    pub phone: String,
    pub topic: String,
    pub access_needs: Vec<AccessNeed>,
}

/// Body of `POST /api/bookings/{code}/move`: the same booking, at another activity.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MoveBooking {
    /// The activity to move to.
    pub activity_id: String,
}

/// The fewest places on a waitlist, however small the activity.
pub const MIN_WAITLIST: u32 = 10;

/// How many may wait for a seat at an activity of `capacity` seats: as many as it seats, and at
/// least [`MIN_WAITLIST`] (beyond that, a waiting citizen has little hope of a seat).
pub fn waitlist_cap(capacity: u32) -> u32 {
    capacity.max(MIN_WAITLIST)
}

/// Letters and digits of booking codes: no 0/O, 1/I/L, 2/Z, 5/S, 8/B, so a code read aloud or
/// copied from paper comes back right.
pub const CODE_ALPHABET: &[u8] = b"ACDEFGHJKMNPQRTUVWXY34679";
/// Length of a booking code: 25^6 ≈ 244 million codes.
pub const CODE_LENGTH: usize = 6;
/// Longest name, in characters.
pub const MAX_NAME_CHARS: usize = 30;
/// Longest topic, in characters.
pub const MAX_TOPIC_CHARS: usize = 200;

/// Makes a code from random bytes (one byte per character, reduced into the alphabet).
pub fn code_from_random(bytes: [u8; CODE_LENGTH]) -> String {
    bytes
        .iter()
        .map(|b| CODE_ALPHABET[usize::from(*b) % CODE_ALPHABET.len()] as char)
        .collect()
}

/// Whether a text (already normalised) has the form of a booking code.
pub fn is_code(text: &str) -> bool {
    text.len() == CODE_LENGTH && text.bytes().all(|c| CODE_ALPHABET.contains(&c))
}

/// Reads a code as typed: case and spaces do not matter.
pub fn normalize_code(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .flat_map(char::to_uppercase)
        .collect()
}

impl NewBooking {
    /// Checks every field, naming the first at fault; returns the parsed phone.
    pub fn validate(&self) -> Result<MobileNumber, ApiError> {
        check_text(BookingField::Name, &self.name, Lines::One)?;
        check_text(BookingField::Topic, &self.topic, Lines::Many)?;
        let name = self.name.trim().chars().count();
        if name == 0 || name > MAX_NAME_CHARS {
            return Err(ApiError::bad_parameter(
                BookingField::Name,
                format!("name must be 1 to {MAX_NAME_CHARS} characters"),
            ));
        }
        let phone = MobileNumber::parse(&self.phone)
            .map_err(|m| ApiError::bad_parameter(BookingField::Phone, m))?;
        let topic = self.topic.trim().chars().count();
        if topic == 0 || topic > MAX_TOPIC_CHARS {
            return Err(ApiError::bad_parameter(
                BookingField::Topic,
                format!("topic must be 1 to {MAX_TOPIC_CHARS} characters"),
            ));
        }
        if !self.consent {
            return Err(ApiError::bad_parameter(
                BookingField::Consent,
                "consent to the use of your name and phone is needed",
            ));
        }
        Ok(phone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn booking() -> NewBooking {
        NewBooking {
            name: "张三".into(),
            phone: "138 0013 8000".into(),
            topic: "小区停车".into(),
            access_needs: vec![AccessNeed::Wheelchair],
            consent: true,
        }
    }

    #[test]
    fn a_waitlist_holds_as_many_as_the_seats_and_never_fewer_than_ten() {
        assert_eq!(waitlist_cap(1), 10);
        assert_eq!(waitlist_cap(10), 10);
        assert_eq!(waitlist_cap(40), 40);
    }

    #[test]
    fn codes_use_only_unambiguous_characters() {
        let code = code_from_random([0, 24, 25, 49, 200, 255]);
        assert_eq!(code.len(), CODE_LENGTH);
        assert!(code.bytes().all(|c| CODE_ALPHABET.contains(&c)));
        for ambiguous in "0O1IL2Z5S8B".chars() {
            assert!(!CODE_ALPHABET.contains(&(ambiguous as u8)), "{ambiguous}");
        }
        assert_eq!(normalize_code(" ac-d3 4x "), "ACD34X");
        assert!(is_code(&code) && is_code("ACD34X"));
        assert!(!is_code("ACD34") && !is_code("ACD34B") && !is_code("ACD34XX"));
    }

    #[test]
    fn a_booking_needs_a_name_a_mobile_a_topic_and_consent() {
        assert_eq!(booking().validate().unwrap().as_str(), "13800138000");
        let field = |b: NewBooking| b.validate().unwrap_err().field_name().unwrap().to_owned();
        assert_eq!(
            field(NewBooking {
                name: " ".into(),
                ..booking()
            }),
            "name"
        );
        assert_eq!(
            field(NewBooking {
                phone: "0471-6512345".into(),
                ..booking()
            }),
            "phone"
        );
        assert_eq!(
            field(NewBooking {
                topic: "".into(),
                ..booking()
            }),
            "topic"
        );
        assert_eq!(
            field(NewBooking {
                consent: false,
                ..booking()
            }),
            "consent"
        );
    }
}
