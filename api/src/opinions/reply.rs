//! The reply a citizen reads: its class (A/B/C), and the citizen's one rating (评价) of it.

use crate::platform::text::{check_text, Lines};
use crate::ApiError;
use serde::{Deserialize, Serialize};

/// Longest rating comment, in characters.
pub const MAX_COMMENT_CHARS: usize = 500;

/// How a reply is classed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub enum ReplyClass {
    /// Solved or adopted.
    A,
    /// Being solved or planned.
    B,
    /// Kept for reference; cannot be solved now.
    C,
}

crate::form_fields! {
    /// The fields of following an opinion and rating its reply.
    pub enum FollowField {
        /// The receipt's private token.
        PrivateToken = "private_token",
        /// A comment with the rating.
        Comment = "comment",
        /// The rating.
        Rating = "rating",
    }
}

impl ReplyClass {
    /// The stored code (`A`, `B`, `C`).
    pub fn code(self) -> &'static str {
        match self {
            ReplyClass::A => "A",
            ReplyClass::B => "B",
            ReplyClass::C => "C",
        }
    }

    /// Parses a stored code.
    pub fn from_code(code: &str) -> Option<ReplyClass> {
        [ReplyClass::A, ReplyClass::B, ReplyClass::C]
            .into_iter()
            .find(|c| c.code() == code)
    }
}

/// The citizen's verdict on the reply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    /// 满意.
    Satisfied,
    /// 基本满意.
    Fairly,
    /// 不满意.
    Not,
}

impl Rating {
    /// The stored number: 3 satisfied, 2 fairly, 1 not.
    pub fn score(self) -> i64 {
        match self {
            Rating::Satisfied => 3,
            Rating::Fairly => 2,
            Rating::Not => 1,
        }
    }

    /// Reads a stored number.
    pub fn from_score(score: i64) -> Option<Rating> {
        match score {
            3 => Some(Rating::Satisfied),
            2 => Some(Rating::Fairly),
            1 => Some(Rating::Not),
            _ => None,
        }
    }
}

/// Body of `POST /api/opinions/{tracking_number}/rating`. Ownership is proved with
/// `private_token`, or else by the citizen session of the opinion's phone (the `dh_citizen`
/// cookie with its `X-CSRF-Token`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RateOpinion {
    /// The verdict.
    pub rating: Rating,
    /// Optional words, up to 500 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 500))]
    pub comment: Option<String>,
    /// The private token of the receipt; without it, the session of the opinion's phone.
    #[serde(default)]
    pub private_token: Option<String>,
}

impl RateOpinion {
    /// Checks the comment (ownership is the server's to check: a token or a session).
    pub fn validate(&self) -> Result<(), ApiError> {
        if let Some(comment) = &self.comment {
            check_text(FollowField::Comment, comment, Lines::Many)?;
        }
        if self
            .comment
            .as_deref()
            .is_some_and(|c| c.trim().chars().count() > MAX_COMMENT_CHARS)
        {
            return Err(ApiError::bad_parameter(
                FollowField::Comment,
                format!("comment must be at most {MAX_COMMENT_CHARS} characters"),
            ));
        }
        Ok(())
    }
}

/// The citizen's rating as staff and the board show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionRating {
    /// The verdict.
    pub rating: Rating,
    /// The citizen's words, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub comment: Option<String>,
    /// When, Unix milliseconds.
    pub at_ms: i64,
}

/// The handling unit's answer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionReply {
    /// A solved/adopted, B being solved/planned, C kept for reference.
    pub class: ReplyClass,
    /// The reply the citizen reads.
    pub text: String,
    /// When it was given, Unix milliseconds.
    pub at_ms: i64,
}
