//! What happens at a reception: who booked (the roster), who came (check-in by booking code),
//! what was raised (the reception record), and a delegate's yearly summary.

use crate::meetings::booking::{normalize_code, AccessNeed, BookingStatus, CODE_LENGTH};
use crate::platform::text::{check_text, Lines};
use crate::ApiError;
use serde::{Deserialize, Serialize};

crate::form_fields! {
    /// The fields of check-in, the reception record and the year summary.
    pub enum ReceptionField {
        /// The booking code checked in.
        Code = "code",
        /// What was raised.
        Raised = "raised",
        /// What follows up.
        FollowUp = "follow_up",
        /// The bookings that came.
        BookingCodes = "booking_codes",
        /// The year summed up.
        Year = "year",
        /// The activity itself (its state, not a typed value).
        Id = "id",
    }
}

/// One booking as the delegates and staff of the home see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RosterEntry {
    pub code: String,
    pub name: String,
    /// In full for the delegates on duty, masked (`138******00`) for everyone else.
    pub phone: String,
    pub topic: String,
    pub access_needs: Vec<AccessNeed>,
    /// `booked` or `waitlisted` (cancelled bookings are not listed).
    pub status: BookingStatus,
    /// When the citizen was checked in, as Unix milliseconds.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub checked_in_at_ms: Option<i64>,
}

/// Answer of `GET /api/activities/{id}/bookings`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Roster {
    /// Whether the phones are shown in full (the caller is on duty at this activity).
    pub phones_in_full: bool,
    /// Seated first, then the waitlist, each in booking order.
    pub entries: Vec<RosterEntry>,
}

/// Body of `POST /api/activities/{id}/check-in`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CheckIn {
    /// The booking code, as typed or scanned (case, spaces and dashes do not matter).
    pub code: String,
}

impl CheckIn {
    /// The code in its stored form, or a message naming the field.
    pub fn normalized_code(&self) -> Result<String, ApiError> {
        let code = normalize_code(&self.code);
        if code.chars().count() != CODE_LENGTH {
            return Err(ApiError::bad_parameter(
                ReceptionField::Code,
                format!("a booking code has {CODE_LENGTH} characters"),
            ));
        }
        Ok(code)
    }
}

/// Longest text of each part of a reception record, in characters.
pub const MAX_RECORD_CHARS: usize = 2000;

/// Body of `PUT /api/activities/{id}/record`: what a delegate writes after a reception.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RecordInput {
    /// What citizens raised, 1 to 2000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub raised: String,
    /// What will be done about it, by whom (may be empty), at most 2000
    /// characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub follow_up: String,
    /// Bookings the record covers (codes of this activity's bookings).
    #[serde(default)]
    pub booking_codes: Vec<String>,
}

impl RecordInput {
    /// Checks the texts, naming the first field at fault; returns the normalized codes.
    pub fn validate(&self) -> Result<Vec<String>, ApiError> {
        check_text(ReceptionField::Raised, &self.raised, Lines::Many)?;
        check_text(ReceptionField::FollowUp, &self.follow_up, Lines::Many)?;
        let raised = self.raised.trim().chars().count();
        if raised == 0 || raised > MAX_RECORD_CHARS {
            return Err(ApiError::bad_parameter(
                ReceptionField::Raised,
                format!("write what was raised, 1 to {MAX_RECORD_CHARS} characters"),
            ));
        }
        if self.follow_up.trim().chars().count() > MAX_RECORD_CHARS {
            return Err(ApiError::bad_parameter(
                ReceptionField::FollowUp,
                format!("the follow-up may have at most {MAX_RECORD_CHARS} characters"),
            ));
        }
        let mut codes: Vec<String> = self
            .booking_codes
            .iter()
            .map(|c| normalize_code(c))
            .collect();
        codes.sort();
        codes.dedup();
        Ok(codes)
    }
}

/// A reception record as stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReceptionRecord {
    pub activity_id: String,
    pub raised: String,
    pub follow_up: String,
    pub booking_codes: Vec<String>,
    /// Account id of whoever wrote it last.
    pub written_by: String,
    pub written_by_name: String,
    pub updated_at_ms: i64,
}

/// Answer of `GET /api/delegates/{id}/summary?year=`: a delegate's year at the homes.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct YearSummary {
    pub account_id: String,
    pub display_name: String,
    pub year: i32,
    /// Activities held that year with this delegate on duty (started, not cancelled).
    pub activities: u32,
    /// Citizens checked in at those activities.
    pub people_met: u32,
    /// Reception records this delegate wrote that year.
    pub records: u32,
}

/// Whether a booking in this state can be checked in.
pub fn may_check_in(status: BookingStatus) -> bool {
    status == BookingStatus::Booked
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn check_in_reads_codes_as_typed_and_refuses_wrong_lengths() {
        let code = |c: &str| CheckIn { code: c.into() }.normalized_code();
        assert_eq!(code(" acd-34x ").unwrap(), "ACD34X");
        assert_eq!(code("ACD34").unwrap_err().field_name(), Some("code"));
        assert_eq!(code("ACD34XY").unwrap_err().field_name(), Some("code"));
    }

    #[test]
    fn a_record_needs_what_was_raised_and_dedupes_its_codes() {
        let input = RecordInput {
            raised: "停车难".into(),
            follow_up: String::new(),
            booking_codes: vec!["acd34x".into(), "ACD34X".into(), "mnp479".into()],
        };
        assert_eq!(input.validate().unwrap(), vec!["ACD34X", "MNP479"]);
        let empty = RecordInput {
            raised: "  ".into(),
            ..input.clone()
        };
        assert_eq!(empty.validate().unwrap_err().field_name(), Some("raised"));
        let long = RecordInput {
            follow_up: "字".repeat(MAX_RECORD_CHARS + 1),
            ..input
        };
        assert_eq!(long.validate().unwrap_err().field_name(), Some("follow_up"));
    }

    #[test]
    fn only_seated_bookings_are_checked_in() {
        assert!(may_check_in(BookingStatus::Booked));
        assert!(!may_check_in(BookingStatus::Waitlisted));
        assert!(!may_check_in(BookingStatus::Cancelled));
    }
}
