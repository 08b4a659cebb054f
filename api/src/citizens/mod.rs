//! Citizens who prove their phone with a text code (短信验证码): the code's rules, the citizen's
//! session, and "我的", everything held for one verified phone. Citizens have no account; a
//! verified phone is their whole identity, so nothing here shows one phone's records to another.

use crate::accounts::MobileNumber;
use crate::meetings::activity::Activity;
use crate::meetings::booking::Booking;
use crate::opinions::OpinionStatus;
use crate::ApiError;
use serde::{Deserialize, Serialize};

crate::form_fields! {
    /// The fields of asking for a code and of verifying it.
    pub enum CitizenField {
        /// The mobile number the code goes to.
        Phone = "phone",
        /// The code as typed.
        Code = "code",
    }
}

/// Digits in a code.
pub const CODE_DIGITS: usize = 6;
/// Minutes a code stays valid.
pub const CODE_VALID_MINUTES: i64 = 10;
/// Wrong tries after which a code is void.
pub const CODE_MAX_WRONG_TRIES: i64 = 5;
/// Days a citizen's session lasts.
pub const SESSION_DAYS: i64 = 30;

/// Body of `POST /api/citizen/codes`: the phone to send a code to.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeRequest {
    /// Mainland mobile number, as typed.
    pub phone: String,
}

impl CodeRequest {
    /// The number, or why it is not a mainland mobile number.
    pub fn validate(&self) -> Result<MobileNumber, ApiError> {
        MobileNumber::parse(&self.phone)
            .map_err(|e| ApiError::bad_parameter(CitizenField::Phone, e))
    }
}

/// Answer of `POST /api/citizen/codes`: a code is on its way.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CodeSent {
    /// The number it went to, masked.
    pub phone_masked: String,
    /// Minutes the code stays valid.
    pub valid_minutes: i64,
    /// Seconds before another code may be asked for.
    pub resend_after_seconds: i64,
}

/// Body of `POST /api/citizen/session`: the phone and the code that was texted to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct VerifyCode {
    /// Mainland mobile number, as typed.
    pub phone: String,
    /// The six digits, as typed (spaces ignored).
    pub code: String,
}

impl VerifyCode {
    /// The number and the six digits, or the field at fault.
    pub fn validate(&self) -> Result<(MobileNumber, String), ApiError> {
        let phone = MobileNumber::parse(&self.phone)
            .map_err(|e| ApiError::bad_parameter(CitizenField::Phone, e))?;
        let code = normalize_code(&self.code).ok_or_else(|| {
            ApiError::bad_parameter(
                CitizenField::Code,
                format!("a code is {CODE_DIGITS} digits"),
            )
        })?;
        Ok((phone, code))
    }
}

/// The six digits of a code as typed (full-width digits and spaces forgiven), or `None`.
pub fn normalize_code(typed: &str) -> Option<String> {
    let digits: String = typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .map(|c| match c {
            '０'..='９' => char::from_u32(c as u32 - '０' as u32 + '0' as u32).unwrap_or(c),
            c => c,
        })
        .collect();
    (digits.len() == CODE_DIGITS && digits.bytes().all(|b| b.is_ascii_digit())).then_some(digits)
}

/// A verified phone's session, as its owner sees it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct CitizenSession {
    /// The verified number, in full: only its owner holds this session.
    pub phone: String,
    /// The token state-changing requests must echo in `X-CSRF-Token`.
    pub csrf_token: String,
    /// When the session ends (Unix milliseconds).
    pub expires_at_ms: i64,
}

/// One booking in "我的", with its activity.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyBooking {
    pub booking: Booking,
    pub activity: Activity,
}

/// One opinion in "我的": enough to list it; the phone's session opens it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MyOpinion {
    pub tracking_number: String,
    pub title: String,
    pub status: OpinionStatus,
    /// When it was sent (Unix milliseconds).
    pub submitted_at_ms: i64,
}

/// Answer of `GET /api/citizen/mine`: everything held for the verified phone, newest first.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Mine {
    pub bookings: Vec<MyBooking>,
    pub opinions: Vec<MyOpinion>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_code_is_six_digits_typed_any_way() {
        assert_eq!(normalize_code(" 123 456 ").as_deref(), Some("123456"));
        assert_eq!(normalize_code("１２３４５６").as_deref(), Some("123456"));
        assert_eq!(normalize_code("12345"), None);
        assert_eq!(normalize_code("1234567"), None);
        assert_eq!(normalize_code("12345a"), None);
    }

    #[test]
    fn asking_for_a_code_needs_a_mobile_number() {
        let bad = CodeRequest {
            phone: "12345".into(),
        };
        assert_eq!(
            bad.validate().unwrap_err().field(),
            Some(CitizenField::Phone)
        );
        let good = VerifyCode {
            phone: "138 0013 8000".into(),
            code: "000111".into(),
        };
        let (phone, code) = good.validate().unwrap();
        assert_eq!((phone.as_str(), code.as_str()), ("13800138000", "000111"));
    }
}
