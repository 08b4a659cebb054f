//! Citizens' opinions and suggestions (意见建议): what a citizen sends, the receipt they keep, the
//! handling chain, and what the status page shows.
//!
//! No account is needed to send an anonymous opinion; one with contact details needs the session
//! of that phone (verified by a text code). Everyone follows an opinion by the private link of
//! its receipt (its private token); a citizen who left a phone also with that phone's session.

pub mod board;
pub mod handling;
pub mod reply;
pub mod similarity;
pub mod units;
pub mod workdays;

use crate::accounts::MobileNumber;
use crate::platform::photos::{check_photo_ids, Photo};
use crate::platform::text::{check_text, Lines};
use crate::ApiError;
use crate::FormField;
use serde::{Deserialize, Serialize};

/// Shortest title, in characters.
pub const MIN_TITLE_CHARS: usize = 5;
/// Longest title, in characters.
pub const MAX_TITLE_CHARS: usize = 60;
/// Shortest body, in characters.
pub const MIN_BODY_CHARS: usize = 10;
/// Longest body, in characters.
pub const MAX_BODY_CHARS: usize = 2000;
/// Longest contact name, in characters.
pub const MAX_CONTACT_NAME_CHARS: usize = 30;
/// The prefix of tracking numbers (意见, yìjiàn).
pub const TRACKING_PREFIX: &str = "YJ";

crate::form_fields! {
    /// The fields of sending an opinion (and of uploading its photos).
    pub enum OpinionField {
        /// The title.
        Title = "title",
        /// What the opinion says.
        Body = "body",
        /// Where it is about.
        Location = "location",
        /// The citizen's name.
        ContactName = "contact.name",
        /// The citizen's mobile number.
        ContactPhone = "contact.phone",
        /// The photos attached.
        PhotoIds = "photo_ids",
        /// One photo being uploaded.
        Photo = "photo",
        /// Consent to the use of what is sent.
        Consent = "consent",
        /// The home it was raised at.
        HomeId = "home_id",
        /// The `Idempotency-Key` header that makes a retry safe.
        IdempotencyKey = "Idempotency-Key",
    }
}

/// What an opinion is about; the handling office is chosen from it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum Category {
    UrbanConstruction,
    Transport,
    Education,
    Health,
    EcologyEnvironment,
    BusinessEnvironment,
    SocialSecurity,
    PublicSafety,
    Other,
}

impl Category {
    /// Every category, in the order forms list them.
    pub const ALL: [Category; 9] = [
        Category::UrbanConstruction,
        Category::Transport,
        Category::Education,
        Category::Health,
        Category::EcologyEnvironment,
        Category::BusinessEnvironment,
        Category::SocialSecurity,
        Category::PublicSafety,
        Category::Other,
    ];

    /// The wire and stored name.
    pub fn code(self) -> &'static str {
        match self {
            Category::UrbanConstruction => "urban_construction",
            Category::Transport => "transport",
            Category::Education => "education",
            Category::Health => "health",
            Category::EcologyEnvironment => "ecology_environment",
            Category::BusinessEnvironment => "business_environment",
            Category::SocialSecurity => "social_security",
            Category::PublicSafety => "public_safety",
            Category::Other => "other",
        }
    }

    /// Parses a wire or stored name.
    pub fn from_code(code: &str) -> Option<Category> {
        Category::ALL.into_iter().find(|c| c.code() == code)
    }
}

/// A step of the handling chain: 提出 → 审查 → 分办 → 签收 → 答复 → 评价 → 公开. Each opinion is at
/// one step; every step it passed is an event of its timeline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpinionStatus {
    /// 提出: received, not yet reviewed.
    Submitted,
    /// 审查: accepted for handling.
    Accepted,
    /// 不予受理: not accepted (e.g. already in litigation); the note says why. Final.
    Rejected,
    /// 分办: sent to a handling unit (承办单位).
    Assigned,
    /// 签收: the unit acknowledged it.
    Acknowledged,
    /// 答复: the unit replied.
    Replied,
    /// 评价: the citizen rated the reply.
    Rated,
    /// 公开: shown on the public board. Final.
    Published,
    /// Closed without publishing (the citizen did not allow it). Final.
    Closed,
}

impl OpinionStatus {
    /// Every status, in the order of the chain.
    pub const ALL: [OpinionStatus; 9] = [
        OpinionStatus::Submitted,
        OpinionStatus::Accepted,
        OpinionStatus::Rejected,
        OpinionStatus::Assigned,
        OpinionStatus::Acknowledged,
        OpinionStatus::Replied,
        OpinionStatus::Rated,
        OpinionStatus::Published,
        OpinionStatus::Closed,
    ];

    /// The wire and stored name.
    pub fn code(self) -> &'static str {
        match self {
            OpinionStatus::Submitted => "submitted",
            OpinionStatus::Accepted => "accepted",
            OpinionStatus::Rejected => "rejected",
            OpinionStatus::Assigned => "assigned",
            OpinionStatus::Acknowledged => "acknowledged",
            OpinionStatus::Replied => "replied",
            OpinionStatus::Rated => "rated",
            OpinionStatus::Published => "published",
            OpinionStatus::Closed => "closed",
        }
    }

    /// Parses a wire or stored name.
    pub fn from_code(code: &str) -> Option<OpinionStatus> {
        OpinionStatus::ALL.into_iter().find(|s| s.code() == code)
    }

    /// The steps that may follow this one; empty for a final step.
    pub fn next_steps(self) -> &'static [OpinionStatus] {
        use OpinionStatus::*;
        match self {
            Submitted => &[Accepted, Rejected],
            Accepted => &[Assigned],
            Assigned => &[Acknowledged],
            Acknowledged => &[Replied],
            Replied => &[Rated, Published, Closed],
            Rated => &[Published, Closed],
            Rejected | Published | Closed => &[],
        }
    }

    /// Whether the chain allows going from this step to `next`.
    pub fn can_become(self, next: OpinionStatus) -> bool {
        self.next_steps().contains(&next)
    }
}

/// A point on the map, WGS-84.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionLocation {
    /// Degrees, -90 to 90.
    #[cfg_attr(feature = "openapi", schema(minimum = -90, maximum = 90))]
    pub lat: f64,
    /// Degrees, -180 to 180.
    #[cfg_attr(feature = "openapi", schema(minimum = -180, maximum = 180))]
    pub lon: f64,
}

/// How to reach the citizen; absent for an anonymous opinion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionContact {
    /// 1 to 30 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 30, pattern = "\\S")
    )]
    pub name: String,
    /// Mainland mobile number, as typed.
    pub phone: String,
}

/// Body of `POST /api/opinions` (with an `Idempotency-Key` header).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct NewOpinion {
    pub category: Category,
    /// The home the opinion was raised at, if any.
    #[serde(default)]
    pub home_id: Option<String>,
    /// 5 to 60 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 5, max_length = 60, pattern = "\\S[\\s\\S]{3,}\\S")
    )]
    pub title: String,
    /// 10 to 2000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 10, max_length = 2000, pattern = "\\S[\\s\\S]{8,}\\S")
    )]
    pub body: String,
    /// Where the matter is, WGS-84.
    #[serde(default)]
    pub location: Option<OpinionLocation>,
    /// `None` (or absent) for an anonymous opinion.
    #[serde(default)]
    pub contact: Option<OpinionContact>,
    /// Explicit consent to the stated use of what is sent (PIPL); must be true.
    pub consent: bool,
    /// Whether the opinion and its reply may be shown on the public board (without the contact).
    #[serde(default)]
    pub allow_publish: bool,
    /// Ids of photos uploaded with `POST /api/opinion-photos`, not yet attached; at most
    /// 3, each once.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_items = 3))]
    pub photo_ids: Vec<String>,
}

/// Answer of `POST /api/opinions`: what the citizen keeps to follow the opinion.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionReceipt {
    /// Readable and date-based, e.g. `YJ20261128-0042`.
    pub tracking_number: String,
    /// A secret that alone opens the status page; the only key of an anonymous opinion.
    pub private_token: String,
    pub status: OpinionStatus,
}

/// One step of an opinion's timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionEvent {
    /// The step reached.
    pub status: OpinionStatus,
    /// When, in Unix milliseconds.
    pub at_ms: i64,
    /// What the citizen is told with this step (a reason, a reply), if anything.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
}

/// The contact as the status page shows it: the phone masked (`138******34`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct MaskedContact {
    pub name: String,
    pub phone_masked: String,
}

/// Answer of `GET /api/opinions/{tracking_number}` and `GET /api/opinions/by-token/{token}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionView {
    pub tracking_number: String,
    pub category: Category,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_id: Option<String>,
    pub title: String,
    pub body: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<OpinionLocation>,
    /// Absent for an anonymous opinion, and once erased.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<MaskedContact>,
    /// When the contact, location and photos were erased, the retention period after the
    /// handling ended being over (Unix milliseconds); absent while they are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data_erased_at_ms: Option<i64>,
    pub allow_publish: bool,
    /// When it was submitted, in Unix milliseconds.
    pub created_at_ms: i64,
    pub status: OpinionStatus,
    /// Every step so far, oldest first; it starts with `submitted`.
    pub timeline: Vec<OpinionEvent>,
    pub photos: Vec<Photo>,
    /// The reply is due by the end of this Hohhot day (`YYYY-MM-DD`), once assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// The handling unit's reply, once given; the citizen may then rate it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<crate::opinions::reply::OpinionReply>,
    /// The citizen's rating, once given (only once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<crate::opinions::reply::OpinionRating>,
    /// The handling units (承办单位) it was passed to, by name; empty until assigned.
    #[serde(default)]
    pub units: Vec<String>,
}

/// The tracking number of the `sequence`-th opinion of a Hohhot day, e.g. `YJ20261128-0042`
/// (more digits past 9999).
pub fn tracking_number(year: i64, month: u32, day: u32, sequence: i64) -> String {
    format!("{TRACKING_PREFIX}{year:04}{month:02}{day:02}-{sequence:04}")
}

/// Reads a tracking number as typed: case and spaces do not matter.
pub fn normalize_tracking_number(text: &str) -> String {
    text.chars()
        .filter(|c| !c.is_whitespace())
        .flat_map(char::to_uppercase)
        .collect()
}

/// A tracking number as typed, normalized, if it has the form of one (`YJ`, a date of 8
/// digits, `-`, 4 to 9 digits); `None` for anything else, which no opinion has.
pub fn parse_tracking_number(text: &str) -> Option<String> {
    let number = normalize_tracking_number(text);
    let digits = |part: &str, lengths: std::ops::RangeInclusive<usize>| {
        lengths.contains(&part.len()) && part.bytes().all(|b| b.is_ascii_digit())
    };
    let (date, sequence) = number.strip_prefix(TRACKING_PREFIX)?.split_once('-')?;
    (digits(date, 8..=8) && digits(sequence, 4..=9)).then_some(number)
}

fn chars_between(field: OpinionField, text: &str, min: usize, max: usize) -> Result<(), ApiError> {
    let lines = if field == OpinionField::Body {
        Lines::Many
    } else {
        Lines::One
    };
    check_text(field, text, lines)?;
    let count = text.trim().chars().count();
    if count < min || count > max {
        return Err(ApiError::bad_parameter(
            field,
            format!("{} must be {min} to {max} characters", field.name()),
        ));
    }
    Ok(())
}

impl NewOpinion {
    /// Checks every field, naming the first at fault; returns the parsed phone, if one was given.
    pub fn validate(&self) -> Result<Option<MobileNumber>, ApiError> {
        chars_between(
            OpinionField::Title,
            &self.title,
            MIN_TITLE_CHARS,
            MAX_TITLE_CHARS,
        )?;
        chars_between(
            OpinionField::Body,
            &self.body,
            MIN_BODY_CHARS,
            MAX_BODY_CHARS,
        )?;
        if let Some(location) = &self.location {
            let valid =
                (-90.0..=90.0).contains(&location.lat) && (-180.0..=180.0).contains(&location.lon);
            if !valid {
                return Err(ApiError::bad_parameter(
                    OpinionField::Location,
                    "location must be a latitude and longitude in degrees",
                ));
            }
        }
        let phone = match &self.contact {
            None => None,
            Some(contact) => {
                chars_between(
                    OpinionField::ContactName,
                    &contact.name,
                    1,
                    MAX_CONTACT_NAME_CHARS,
                )?;
                let phone = MobileNumber::parse(&contact.phone)
                    .map_err(|m| ApiError::bad_parameter(OpinionField::ContactPhone, m))?;
                Some(phone)
            }
        };
        check_photo_ids(OpinionField::PhotoIds, &self.photo_ids)?;
        if !self.consent {
            return Err(ApiError::bad_parameter(
                OpinionField::Consent,
                "consent to the use of what you send is needed",
            ));
        }
        Ok(phone)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn opinion() -> NewOpinion {
        NewOpinion {
            category: Category::Transport,
            home_id: Some("xc-01".into()),
            title: "公交站台缺少遮阳棚".into(),
            body: "新华大街公交站夏天很晒，老人等车困难，建议加装遮阳棚。".into(),
            location: Some(OpinionLocation {
                lat: 40.84,
                lon: 111.68,
            }),
            contact: Some(OpinionContact {
                name: "张三".into(),
                phone: "138 0013 8000".into(),
            }),
            consent: true,
            allow_publish: true,
            photo_ids: vec!["a".into(), "b".into()],
        }
    }

    fn field_at_fault(opinion: &NewOpinion) -> Option<String> {
        opinion
            .validate()
            .err()
            .and_then(|e| e.field_name().map(str::to_owned))
    }

    #[test]
    fn a_complete_opinion_is_valid_and_yields_its_phone() {
        let phone = opinion().validate().unwrap();
        assert_eq!(phone.unwrap().as_str(), "13800138000");
    }

    #[test]
    fn an_anonymous_opinion_has_no_phone() {
        let anonymous = NewOpinion {
            contact: None,
            ..opinion()
        };
        assert_eq!(anonymous.validate().unwrap(), None);
    }

    #[test]
    fn title_and_body_lengths_are_counted_in_characters_at_both_ends() {
        let with_title = |t: &str| NewOpinion {
            title: t.into(),
            ..opinion()
        };
        assert_eq!(field_at_fault(&with_title("五个汉字好")), None);
        assert_eq!(
            field_at_fault(&with_title("四个汉字")).as_deref(),
            Some("title")
        );
        assert_eq!(field_at_fault(&with_title(&"字".repeat(60))), None);
        assert_eq!(
            field_at_fault(&with_title(&"字".repeat(61))).as_deref(),
            Some("title")
        );
        let with_body = |b: &str| NewOpinion {
            body: b.into(),
            ..opinion()
        };
        assert_eq!(field_at_fault(&with_body(&"字".repeat(10))), None);
        assert_eq!(
            field_at_fault(&with_body(&format!("  {}  ", "字".repeat(9)))).as_deref(),
            Some("body")
        );
        assert_eq!(field_at_fault(&with_body(&"字".repeat(2000))), None);
        assert_eq!(
            field_at_fault(&with_body(&"字".repeat(2001))).as_deref(),
            Some("body")
        );
    }

    #[test]
    fn consent_a_valid_phone_and_few_distinct_photos_are_required() {
        let no_consent = NewOpinion {
            consent: false,
            ..opinion()
        };
        assert_eq!(field_at_fault(&no_consent).as_deref(), Some("consent"));
        let bad_phone = NewOpinion {
            contact: Some(OpinionContact {
                name: "张三".into(),
                phone: "12345".into(),
            }),
            ..opinion()
        };
        assert_eq!(field_at_fault(&bad_phone).as_deref(), Some("contact.phone"));
        let four = NewOpinion {
            photo_ids: vec!["a".into(), "b".into(), "c".into(), "d".into()],
            ..opinion()
        };
        assert_eq!(field_at_fault(&four).as_deref(), Some("photo_ids"));
        let twice = NewOpinion {
            photo_ids: vec!["a".into(), "a".into()],
            ..opinion()
        };
        assert_eq!(field_at_fault(&twice).as_deref(), Some("photo_ids"));
        let far = NewOpinion {
            location: Some(OpinionLocation {
                lat: 91.0,
                lon: 0.0,
            }),
            ..opinion()
        };
        assert_eq!(field_at_fault(&far).as_deref(), Some("location"));
    }

    #[test]
    fn codes_round_trip_and_match_the_json_names() {
        for category in Category::ALL {
            assert_eq!(Category::from_code(category.code()), Some(category));
            assert_eq!(
                serde_json::to_value(category).unwrap(),
                serde_json::Value::from(category.code())
            );
        }
        for status in OpinionStatus::ALL {
            assert_eq!(OpinionStatus::from_code(status.code()), Some(status));
            assert_eq!(
                serde_json::to_value(status).unwrap(),
                serde_json::Value::from(status.code())
            );
        }
        assert_eq!(Category::from_code("weather"), None);
    }

    #[test]
    fn the_chain_goes_forward_only_and_ends_in_final_steps() {
        use OpinionStatus::*;
        assert!(Submitted.can_become(Accepted));
        assert!(Submitted.can_become(Rejected));
        assert!(!Submitted.can_become(Replied));
        assert!(!Replied.can_become(Submitted));
        for status in [Rejected, Published, Closed] {
            assert!(status.next_steps().is_empty(), "{status:?}");
        }
    }

    #[test]
    fn tracking_numbers_are_date_based_and_read_as_typed() {
        assert_eq!(tracking_number(2026, 11, 28, 42), "YJ20261128-0042");
        assert_eq!(tracking_number(2026, 1, 2, 12345), "YJ20260102-12345");
        assert_eq!(
            normalize_tracking_number(" yj20261128-0042 "),
            "YJ20261128-0042"
        );
    }

    #[test]
    fn an_absent_contact_and_photo_list_read_as_anonymous_and_none() {
        let json = r#"{"category":"health","title":"医院挂号排队长","body":"社区医院挂号排队时间太长了。","consent":true}"#;
        let parsed: NewOpinion = serde_json::from_str(json).unwrap();
        assert_eq!(parsed.contact, None);
        assert!(parsed.photo_ids.is_empty());
        assert!(!parsed.allow_publish);
    }
}
