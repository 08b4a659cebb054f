//! Accounts of delegates and staff: who they are, and the rules for names, phones and passwords.

use crate::platform::text::{text_problem, Lines};
use serde::{Deserialize, Serialize};

/// What an account may do. The server checks it on every request; the app only hides what a
/// role cannot do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// Staff of the standing committee: accounts, register, moderation.
    Staff,
    /// A delegate (人大代表): their own homes' schedules and bookings.
    Delegate,
}

impl Role {
    /// The stored code.
    pub fn code(self) -> &'static str {
        match self {
            Role::Staff => "staff",
            Role::Delegate => "delegate",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<Role> {
        [Role::Staff, Role::Delegate]
            .into_iter()
            .find(|r| r.code() == code)
    }
}

crate::form_fields! {
    /// The fields of signing in and of creating and changing accounts.
    pub enum AccountField {
        /// The username or phone used to sign in.
        Login = "login",
        /// The password.
        Password = "password",
        /// A new account's username.
        Username = "username",
        /// The name shown for the account.
        DisplayName = "display_name",
        /// The account's mobile number.
        Phone = "phone",
        /// Staff or delegate.
        Role = "role",
        /// The homes a delegate belongs to.
        HomeIds = "home_ids",
    }
}

/// An account as the app sees it (never the password).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Account {
    pub id: String,
    pub username: String,
    pub display_name: String,
    pub role: Role,
    /// Masked to everyone but the account's owner and staff (`138******34`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    /// The homes a delegate belongs to (empty for staff).
    pub home_ids: Vec<String>,
    /// A demonstration account created with the sample register.
    pub demo: bool,
    /// `false` once staff disabled the account (it cannot sign in and has no sessions) until
    /// they enable it again.
    // An answer from before the field existed reads as active; the server always sends it, so
    // the document calls it required.
    #[serde(default = "active_by_default")]
    #[cfg_attr(feature = "openapi", schema(required = true))]
    pub active: bool,
}

/// What an [`Account`] without `active` means: accounts are active unless disabled.
fn active_by_default() -> bool {
    true
}

/// Body of `POST /api/session`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct SignIn {
    /// Username or mobile number, at most 64 characters.
    #[cfg_attr(feature = "openapi", schema(max_length = 64))]
    pub login: String,
    /// At most 256 characters, as every password is.
    #[cfg_attr(feature = "openapi", schema(max_length = 256))]
    pub password: String,
}

impl SignIn {
    /// Checks the login's characters: it is a username or a phone, one line.
    pub fn validate(&self) -> Result<(), crate::ApiError> {
        if self.login.trim().chars().count() > MAX_LOGIN_CHARS {
            return Err(crate::ApiError::bad_parameter(
                AccountField::Login,
                format!("login may have at most {MAX_LOGIN_CHARS} characters"),
            ));
        }
        if self.password.chars().count() > MAX_PASSWORD_CHARS {
            return Err(crate::ApiError::bad_parameter(
                AccountField::Password,
                format!("password may have at most {MAX_PASSWORD_CHARS} characters"),
            ));
        }
        crate::platform::text::check_text(AccountField::Login, &self.login, Lines::One)
    }
}

/// The signed-in account and the token that state-changing requests must echo in the
/// `X-CSRF-Token` header.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Session {
    pub account: Account,
    pub csrf_token: String,
    /// Staff reset the password: until a new one is chosen (`PUT /api/session/password`), the
    /// session may do nothing else. Sent only when true.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub must_change_password: bool,
}

/// Body of `POST /api/accounts`: staff create a delegate's (or a colleague's) account.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewAccount {
    /// 3 to 32 of `a-z 0-9 _ . -`, starting with a letter (capitals are read as small letters).
    #[cfg_attr(
        feature = "openapi",
        schema(
            min_length = 3,
            max_length = 32,
            pattern = "^\\s*[A-Za-z][A-Za-z0-9_.-]{2,31}\\s*$"
        )
    )]
    pub username: String,
    /// 1 to 50 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 50, pattern = "\\S")
    )]
    pub display_name: String,
    pub role: Role,
    /// A mainland mobile number, as typed.
    #[serde(default)]
    pub phone: Option<String>,
    /// 10 to 256 characters.
    #[cfg_attr(feature = "openapi", schema(min_length = 10, max_length = 256))]
    pub password: String,
    #[serde(default)]
    pub home_ids: Vec<String>,
}

crate::form_fields! {
    /// The fields of changing one's own password.
    pub enum PasswordField {
        /// The present password.
        Password = "password",
        /// The new one.
        NewPassword = "new_password",
    }
}

/// Body of `PUT /api/session/password`: the signed-in account changes its own password.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ChangePassword {
    /// The present password.
    pub password: String,
    /// The new one: 10 to 256 characters. (Not stated as schema limits: the document tests
    /// would probe them by changing a fixture account's password under its other sessions.)
    pub new_password: String,
}

impl ChangePassword {
    /// Checks what can be checked without the stored password: the new one is 10 to 256
    /// characters, and the present one is not longer than any password can be.
    pub fn validate(&self) -> Result<(), crate::ApiError> {
        validate_password(&self.new_password)
            .map_err(|m| crate::ApiError::bad_parameter(PasswordField::NewPassword, m))?;
        if self.password.chars().count() > MAX_PASSWORD_CHARS {
            return Err(crate::ApiError::bad_parameter(
                PasswordField::Password,
                "no password is that long",
            ));
        }
        Ok(())
    }
}

/// Body of `PUT /api/accounts/{id}/password`: staff give an account a temporary password, to
/// be replaced at its next sign-in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct PasswordReset {
    /// The temporary password, 10 to 256 characters.
    pub password: String,
}

/// Body of `PUT /api/accounts/{id}/active`: staff disable an account (its sessions end at once)
/// or enable it again.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountActive {
    /// `false` disables the account, `true` enables it again.
    pub active: bool,
}

/// Body of `PUT /api/accounts/{id}/homes`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AccountHomes {
    pub home_ids: Vec<String>,
}

// The limits below are repeated as literals in the OpenAPI attributes above (utoipa takes no
// constants there); the API test `limits` probes both edges of every documented limit, so the
// two cannot drift apart unnoticed.

/// Longest login accepted when signing in, in characters (a username has at most 32, a phone
/// typed with spaces and `+86` fewer than 20).
pub const MAX_LOGIN_CHARS: usize = 64;

/// Shortest accepted password, in characters.
pub const MIN_PASSWORD_CHARS: usize = 10;
/// Longest accepted password, in characters (argon2 takes any length; this bounds the work).
/// Counted in characters like every other limit, so the schema's `maxLength` says it exactly.
pub const MAX_PASSWORD_CHARS: usize = 256;

/// Longest accepted display name, in characters.
pub const MAX_DISPLAY_NAME_CHARS: usize = 50;

/// Checks a display name (after trimming): 1 to [`MAX_DISPLAY_NAME_CHARS`] characters.
pub fn validate_display_name(name: &str) -> Result<(), String> {
    if let Some(problem) = text_problem(name, Lines::One) {
        return Err(format!("display name: {problem}"));
    }
    let chars = name.trim().chars().count();
    if (1..=MAX_DISPLAY_NAME_CHARS).contains(&chars) {
        Ok(())
    } else {
        Err(format!(
            "display name must be 1 to {MAX_DISPLAY_NAME_CHARS} characters"
        ))
    }
}

/// Checks a username: 3 to 32 of `a-z 0-9 _ . -`, starting with a letter.
pub fn validate_username(name: &str) -> Result<(), String> {
    let ok_chars = name
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || matches!(c, '_' | '.' | '-'));
    let starts_with_letter = name.chars().next().is_some_and(|c| c.is_ascii_lowercase());
    if (3..=32).contains(&name.len()) && ok_chars && starts_with_letter {
        Ok(())
    } else {
        Err("username must be 3 to 32 characters of a-z, 0-9, _ . -, starting with a letter".into())
    }
}

/// Checks a new password's length.
pub fn validate_password(password: &str) -> Result<(), String> {
    if password.chars().count() < MIN_PASSWORD_CHARS {
        Err(format!(
            "password must be at least {MIN_PASSWORD_CHARS} characters"
        ))
    } else if password.chars().count() > MAX_PASSWORD_CHARS {
        Err(format!(
            "password must be at most {MAX_PASSWORD_CHARS} characters"
        ))
    } else {
        Ok(())
    }
}

/// A mainland China mobile number (11 digits starting 13–19), stored without spaces or `+86`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(try_from = "String", into = "String")]
pub struct MobileNumber(String);

impl MobileNumber {
    /// Reads a number as people type it: spaces, dashes and a `+86`/`86` prefix are allowed.
    pub fn parse(text: &str) -> Result<MobileNumber, String> {
        let digits: String = text
            .chars()
            .filter(|c| !matches!(c, ' ' | '-' | '\u{3000}'))
            .collect();
        let digits = digits
            .strip_prefix("+86")
            .or_else(|| digits.strip_prefix("86").filter(|d| d.len() == 11))
            .unwrap_or(&digits);
        let valid = digits.len() == 11
            && digits.chars().all(|c| c.is_ascii_digit())
            && digits.starts_with('1')
            && matches!(digits.as_bytes()[1], b'3'..=b'9');
        if valid {
            Ok(MobileNumber(digits.to_owned()))
        } else {
            Err("mobile number must be 11 digits starting with 13 to 19".into())
        }
    }

    /// The number as digits.
    pub fn as_str(&self) -> &str {
        &self.0
    }

    /// The number as shown to anyone but its owner: `138******34`, its first 3 and last 2 digits
    /// only, so no masked number shows the 4 digits people use as a secret elsewhere.
    pub fn masked(&self) -> String {
        format!("{}******{}", &self.0[..3], &self.0[9..])
    }
}

impl TryFrom<String> for MobileNumber {
    type Error = String;
    fn try_from(value: String) -> Result<Self, Self::Error> {
        MobileNumber::parse(&value)
    }
}

impl From<MobileNumber> for String {
    fn from(value: MobileNumber) -> String {
        value.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn mobile_numbers_are_read_as_people_type_them() {
        for typed in [
            "13812341234",
            "138 1234 1234",
            "+86 138-1234-1234",
            "8613812341234",
        ] {
            assert_eq!(
                MobileNumber::parse(typed).unwrap().as_str(),
                "13812341234",
                "{typed}"
            );
        }
        for bad in [
            "1381234123",
            "12812341234",
            "0471-6512345",
            "1381234123x",
            "",
        ] {
            assert!(MobileNumber::parse(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn an_account_answered_without_active_reads_as_active() {
        let old = r#"{"id":"a1","username":"wang","display_name":"王","role":"delegate","home_ids":[],"demo":false}"#;
        let account: Account = serde_json::from_str(old).expect("an older answer parses");
        assert!(account.active);
        let disabled = serde_json::to_value(Account {
            active: false,
            ..account
        })
        .expect("serialises");
        assert_eq!(disabled["active"], false);
    }

    #[test]
    fn a_mobile_number_shows_only_its_first_three_and_last_two_digits() {
        assert_eq!(
            MobileNumber::parse("13812341234").unwrap().masked(),
            "138******34"
        );
    }

    #[test]
    fn usernames_and_passwords_follow_the_rules() {
        assert!(validate_username("wang.li-2").is_ok());
        for bad in ["ab", "2wang", "Wang", "王力", &"a".repeat(33)] {
            assert!(validate_username(bad).is_err(), "{bad}");
        }
        assert!(validate_password("short").is_err());
        assert!(validate_password("long enough pass").is_ok());
        assert!(validate_password(&"x".repeat(MAX_PASSWORD_CHARS + 1)).is_err());
        assert!(
            validate_password(&"字".repeat(MAX_PASSWORD_CHARS)).is_ok(),
            "the limit counts characters, as the schema's maxLength does"
        );
        assert!(validate_display_name(" 王丽 ").is_ok());
        assert!(validate_display_name("   ").is_err());
        assert!(validate_display_name(&"王".repeat(51)).is_err());
    }
}
