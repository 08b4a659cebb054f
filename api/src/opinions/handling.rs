//! The staff side of the opinions chain: the queue, the full view with its internal timeline,
//! the actions that move an opinion along (审查 → 分办 → 签收 → 答复 → 公开), bulk actions,
//! walk-in entry and the audit log.

use crate::opinions::board::{OpinionRating, OpinionReply, ReplyClass};
use crate::opinions::{Category, MaskedContact, OpinionLocation, OpinionStatus};
use crate::platform::fields::ListField;
use crate::platform::photos::Photo;
use crate::platform::text::{check_text, Lines};
use crate::FormField;
use crate::{ApiError, District};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Items per page of the staff queue, the delegates' list and the audit log.
pub const PAGE_SIZE: u32 = 20;
/// Longest message, reply, reason or note, in characters.
pub const MAX_TEXT_CHARS: usize = 2000;
/// Highest page number a list takes: 20 million items at 20 a page, far past any real list
/// (a page past the last one is empty). The OpenAPI schema states it as `maximum`.
pub const MAX_PAGE: u32 = 1_000_000;
/// Most opinions one bulk action may name.
pub const MAX_BULK_OPINIONS: usize = 100;
/// Most working days one extension may add. The chain refuses anything past twice the
/// configured working days after the assignment anyway; this bound keeps the counting of
/// working days cheap whatever number is sent.
pub const MAX_EXTEND_WORKING_DAYS: u32 = 1000;

// Every limit above and in the checks below is repeated as a literal in the OpenAPI attributes
// (utoipa takes no constants there); the API test `limits` probes both edges of every
// documented limit, so the two cannot drift apart unnoticed.

/// How an opinion reached the platform.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum OpinionChannel {
    /// Sent by the citizen through the website.
    Online,
    /// Entered by staff for a citizen who came in person (consent given in person).
    WalkIn,
}

/// Why an opinion is not accepted (不予受理).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum RejectReason {
    /// Advertising or meaningless text.
    Spam,
    /// Insults or threats.
    Abusive,
    /// The same matter is already being handled; `duplicate_of` names it.
    Duplicate,
    /// Not a matter for the congress or the city's units.
    OutOfScope,
    /// Already in litigation, arbitration or administrative review.
    InLitigation,
}

/// What kind of step a timeline entry records. Status changes carry the name of the status
/// reached; `extended` and `note` leave the status as it was.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum EventKind {
    Submitted,
    Accepted,
    Rejected,
    Assigned,
    Acknowledged,
    Replied,
    Rated,
    Published,
    Closed,
    /// The due date was moved (督办); `internal_note` holds the reason.
    Extended,
    /// An internal note by staff; never shown to the citizen.
    Note,
}

crate::form_fields! {
    /// The fields of a step of the handling chain (and of a bulk action).
    pub enum StepField {
        /// The message to the citizen on rejecting.
        Message = "message",
        /// A reply's or an internal note's text.
        Text = "text",
        /// Why the due date is extended.
        Reason = "reason",
        /// A note shown to the citizen with the step.
        Note = "note",
        /// The opinion a duplicate repeats.
        DuplicateOf = "duplicate_of",
        /// The handling units assigned.
        UnitIds = "unit_ids",
        /// The new due date.
        DueDate = "due_date",
        /// Working days added to the due date.
        WorkingDays = "working_days",
        /// The opinions a bulk action names.
        Trackings = "trackings",
    }
}

/// Query of `GET /api/staff/opinions`; every filter is optional and they combine.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct StaffOpinionQuery {
    /// Only opinions at this step.
    #[serde(default)]
    pub status: Option<OpinionStatus>,
    /// Only this category.
    #[serde(default)]
    pub category: Option<Category>,
    /// Only opinions raised at a home of this district.
    #[serde(default)]
    pub district: Option<District>,
    /// Only opinions raised at this home (its id).
    #[serde(default)]
    pub home: Option<String>,
    /// Only opinions assigned to this handling unit (its id).
    #[serde(default)]
    pub unit: Option<String>,
    /// `true`: only opinions past their due date without a reply.
    #[serde(default)]
    pub overdue: Option<bool>,
    /// Words to find in the title or body.
    #[serde(default)]
    pub q: Option<String>,
    /// 1-based page number (20 per page), at most 1,000,000; 1 when absent or 0.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 0, maximum = 1000000))]
    pub page: Option<u32>,
}

/// A handling unit as an opinion names it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct UnitRef {
    /// The unit's id.
    pub id: String,
    /// The unit's name.
    pub name: String,
}

/// One line of the staff queue or of a delegate's list.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionSummary {
    /// e.g. `YJ20261128-0042`.
    pub tracking_number: String,
    /// What it is about.
    pub category: Category,
    /// The citizen's title.
    pub title: String,
    /// The step it is at.
    pub status: OpinionStatus,
    /// The home it was raised at, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub home_id: Option<String>,
    /// That home's district, if the home is in the register.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub district: Option<District>,
    /// Online or entered at a walk-in.
    pub channel: OpinionChannel,
    /// The contact's phone masked (`138******00`); absent for an anonymous opinion.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone_masked: Option<String>,
    /// When it was submitted, Unix milliseconds.
    pub created_at_ms: i64,
    /// The reply is due by the end of this Hohhot day (`YYYY-MM-DD`); set when assigned.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub due_date: Option<String>,
    /// Past its due date and not replied yet.
    pub overdue: bool,
    /// The handling units it is assigned to.
    pub units: Vec<UnitRef>,
    /// The tracking number of an earlier opinion (last 90 days) in nearly the same words.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub near_duplicate_of: Option<String>,
}

/// Answer of `GET /api/staff/opinions` and `GET /api/delegate/opinions`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct OpinionPage {
    /// This page's opinions, newest first, at most 20.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub items: Vec<OpinionSummary>,
    /// How many match the filters, over all pages.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// Items per page.
    pub page_size: u32,
}

/// One entry of the staff timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffOpinionEvent {
    /// What happened.
    pub kind: EventKind,
    /// The opinion's status after this entry.
    pub status: OpinionStatus,
    /// When, Unix milliseconds.
    pub at_ms: i64,
    /// The staff account that did it; absent when the citizen did (submission, rating).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub actor_account_id: Option<String>,
    /// That account's display name, or `市民` for the citizen.
    pub actor_name: String,
    /// What the citizen is told with this step (a reason, a reply, a rating's comment).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// Seen by staff only (an internal note, an extension's reason).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub internal_note: Option<String>,
}

/// Why an opinion was not accepted, as staff see it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct Rejection {
    /// The reason's code.
    pub reason: RejectReason,
    /// The opinion it repeats, for `duplicate`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate_of: Option<String>,
    /// What the citizen was told.
    pub message: String,
}

/// Answer of `GET /api/staff/opinions/{tracking}` and of every single-opinion action.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StaffOpinionView {
    /// The queue's line for it (masked phone, due date, units, near duplicate).
    pub summary: OpinionSummary,
    /// The citizen's text.
    pub body: String,
    /// Where the matter is, WGS-84.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<OpinionLocation>,
    /// Name and masked phone; absent for an anonymous opinion, and once erased.
    /// `reveal-phone` gives the phone.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub contact: Option<MaskedContact>,
    /// When the contact, location and photos were erased, the retention period after the
    /// handling ended being over (Unix milliseconds); absent while they are kept.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub personal_data_erased_at_ms: Option<i64>,
    /// Whether the citizen allows the public board to show it.
    pub allow_publish: bool,
    /// Set when rejected.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rejection: Option<Rejection>,
    /// Set once replied.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub reply: Option<OpinionReply>,
    /// Set once the citizen rated the reply.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rating: Option<OpinionRating>,
    /// Every entry, oldest first, internal notes included.
    pub timeline: Vec<StaffOpinionEvent>,
    /// The cleaned photos.
    pub photos: Vec<Photo>,
}

/// Body of `accept`, `acknowledge`, `publish` and `close`: an optional note for the citizen.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct StepNote {
    /// Shown to the citizen with this step; at most 2000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

/// Body of `reject`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RejectOpinion {
    /// Why it is not accepted.
    pub reason: RejectReason,
    /// For `duplicate`: the tracking number of the opinion it repeats (must exist).
    #[serde(default)]
    pub duplicate_of: Option<String>,
    /// What the citizen reads on the status page, 1 to 2000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub message: String,
}

/// Body of `assign`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AssignOpinion {
    /// One or more active handling units' ids, each once.
    #[cfg_attr(feature = "openapi", schema(min_items = 1))]
    pub unit_ids: Vec<String>,
    /// Shown to the citizen with this step; at most 2000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

/// Body of `reply`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ReplyToOpinion {
    /// A, B or C.
    pub class: ReplyClass,
    /// The reply, shown to the citizen, 1 to 2000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub text: String,
}

/// Body of `extend`: give exactly one of `due_date` and `working_days`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct ExtendOpinion {
    /// Why more time is needed (staff only), 1 to 2000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub reason: String,
    /// The new due date, `YYYY-MM-DD`; later than the current one.
    #[serde(default)]
    pub due_date: Option<String>,
    /// Or: this many working days past the current due date, 1 to
    /// 1000 (and no later than the chain allows).
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(minimum = 1, maximum = 1000))]
    pub working_days: Option<u32>,
}

/// Body of `note`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct InternalNote {
    /// Staff only, 1 to 2000 characters.
    #[cfg_attr(
        feature = "openapi",
        schema(min_length = 1, max_length = 2000, pattern = "\\S")
    )]
    pub text: String,
}

/// Answer of `reveal-phone` (the reveal is written to the audit log).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct RevealedPhone {
    /// The contact's phone in full, 11 digits.
    pub phone: String,
}

/// The actions `POST /api/staff/opinions/bulk` can apply.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
#[serde(rename_all = "snake_case")]
pub enum BulkKind {
    Accept,
    Assign,
    Close,
}

/// Body of `POST /api/staff/opinions/bulk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkAction {
    /// What to do to each.
    pub action: BulkKind,
    /// The opinions, 1 to 100 tracking numbers.
    #[cfg_attr(feature = "openapi", schema(min_items = 1, max_items = 100))]
    pub trackings: Vec<String>,
    /// For `assign`: the units' ids.
    #[serde(default)]
    pub unit_ids: Vec<String>,
    /// Shown to each citizen with the step; at most 2000 characters.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", schema(max_length = 2000))]
    pub note: Option<String>,
}

impl BulkAction {
    /// Checks the number of opinions named and the note; returns the note, trimmed, if any.
    pub fn validate(&self) -> Result<Option<&str>, ApiError> {
        if self.trackings.is_empty() || self.trackings.len() > MAX_BULK_OPINIONS {
            return Err(ApiError::bad_parameter(
                StepField::Trackings,
                format!("name 1 to {MAX_BULK_OPINIONS} opinions"),
            ));
        }
        optional_note(self.note.as_deref())
    }
}

/// An optional note for the citizen: absent or blank is none; otherwise at most
/// [`MAX_TEXT_CHARS`] characters, trimmed.
pub fn optional_note(note: Option<&str>) -> Result<Option<&str>, ApiError> {
    match note.map(str::trim).filter(|n| !n.is_empty()) {
        Some(n) => validate_text(StepField::Note, n).map(|()| Some(n)),
        None => Ok(None),
    }
}

/// The outcome for one opinion of a bulk action; each is done (or not) on its own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkItemResult {
    /// The tracking number as sent.
    pub tracking_number: String,
    /// Whether the action was applied.
    pub ok: bool,
    /// The opinion's status afterwards (absent when it does not exist).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status: Option<OpinionStatus>,
    /// Why not, when `ok` is false (the same error a single action answers).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<ApiError>,
}

/// Answer of `POST /api/staff/opinions/bulk`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct BulkResults {
    /// One per tracking number, in the order sent.
    pub results: Vec<BulkItemResult>,
}

/// Query of `GET /api/staff/audit`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::IntoParams))]
#[cfg_attr(feature = "openapi", into_params(parameter_in = Query))]
pub struct AuditQuery {
    /// Only entries about this target (e.g. a tracking number, `unit:<id>`, `holidays`).
    #[serde(default)]
    pub target: Option<String>,
    /// Only entries by this account id.
    #[serde(default)]
    pub actor: Option<String>,
    /// 1-based page number (20 per page), at most 1,000,000; 1 when absent or 0.
    #[serde(default)]
    #[cfg_attr(feature = "openapi", param(minimum = 0, maximum = 1000000))]
    pub page: Option<u32>,
}

/// The actor of audit entries the server writes by itself (housekeeping), in place of a staff
/// account's id; no account has this id (theirs are 20 hex digits).
pub const SYSTEM_ACTOR: &str = "system";

/// One entry of the append-only audit log.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditEntry {
    /// The entry's id.
    pub id: String,
    /// The staff account that acted, or [`SYSTEM_ACTOR`] (`system`) for the server itself.
    pub actor_account_id: String,
    /// Its display name; empty for `system`.
    pub actor_name: String,
    /// When, Unix milliseconds.
    pub at_ms: i64,
    /// e.g. `opinion.accept`, `opinion.reveal_phone`, `unit.create`, `holidays.replace`,
    /// `housekeeping.pass`.
    pub action: String,
    /// What it was done to: a tracking number, `unit:<id>`, `holidays` or `housekeeping`.
    pub target: String,
    /// The action's parameters (e.g. `reason`, `unit_ids`), as text.
    pub details: BTreeMap<String, String>,
}

/// Answer of `GET /api/staff/audit`, newest first.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "openapi", derive(utoipa::ToSchema))]
pub struct AuditPage {
    /// This page's entries, at most 20.
    #[cfg_attr(feature = "openapi", schema(max_items = 20))]
    pub items: Vec<AuditEntry>,
    /// How many match, over all pages.
    pub total: u64,
    /// This page's number, from 1.
    pub page: u32,
    /// Items per page.
    pub page_size: u32,
}

/// Checks a required free text (message, reply, reason, note): 1 to 2000 characters once trimmed.
pub fn validate_text(field: StepField, text: &str) -> Result<(), ApiError> {
    check_text(field, text, Lines::Many)?;
    let count = text.trim().chars().count();
    if count == 0 || count > MAX_TEXT_CHARS {
        return Err(ApiError::bad_parameter(
            field,
            format!("{} must be 1 to {MAX_TEXT_CHARS} characters", field.name()),
        ));
    }
    Ok(())
}

impl RejectOpinion {
    /// Checks the message and that `duplicate_of` is given exactly for a duplicate.
    pub fn validate(&self) -> Result<(), ApiError> {
        validate_text(StepField::Message, &self.message)?;
        match (self.reason, &self.duplicate_of) {
            (RejectReason::Duplicate, None) => Err(ApiError::bad_parameter(
                StepField::DuplicateOf,
                "name the opinion this one repeats",
            )),
            (RejectReason::Duplicate, Some(_)) | (_, None) => Ok(()),
            (_, Some(_)) => Err(ApiError::bad_parameter(
                StepField::DuplicateOf,
                "duplicate_of goes only with the reason duplicate",
            )),
        }
    }
}

impl ExtendOpinion {
    /// Checks the reason and that exactly one of the new date and the number of days is given.
    pub fn validate(&self) -> Result<(), ApiError> {
        validate_text(StepField::Reason, &self.reason)?;
        match (&self.due_date, self.working_days) {
            (Some(_), None) => Ok(()),
            (None, Some(1..=MAX_EXTEND_WORKING_DAYS)) => Ok(()),
            (None, Some(_)) => Err(ApiError::bad_parameter(
                StepField::WorkingDays,
                format!("working_days must be 1 to {MAX_EXTEND_WORKING_DAYS}"),
            )),
            _ => Err(ApiError::bad_parameter(
                StepField::DueDate,
                "give either a new due_date or a positive number of working_days",
            )),
        }
    }
}

/// A page number from a query: 1 when absent or 0; refused past [`MAX_PAGE`].
pub fn page_number(page: Option<u32>) -> Result<u32, ApiError> {
    match page.unwrap_or(1) {
        0 => Ok(1),
        page @ 1..=MAX_PAGE => Ok(page),
        _ => Err(ApiError::bad_parameter(
            ListField::Page,
            format!("page must be at most {MAX_PAGE}"),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn reject(reason: RejectReason, duplicate_of: Option<&str>) -> RejectOpinion {
        RejectOpinion {
            reason,
            duplicate_of: duplicate_of.map(Into::into),
            message: "已在诉讼中，不予受理".into(),
        }
    }

    #[test]
    fn a_duplicate_names_the_original_and_only_a_duplicate_does() {
        assert!(reject(RejectReason::Duplicate, Some("YJ20260101-0001"))
            .validate()
            .is_ok());
        assert!(reject(RejectReason::Duplicate, None).validate().is_err());
        assert!(reject(RejectReason::Spam, Some("YJ20260101-0001"))
            .validate()
            .is_err());
        assert!(reject(RejectReason::InLitigation, None).validate().is_ok());
        let empty = RejectOpinion {
            message: "  ".into(),
            ..reject(RejectReason::Spam, None)
        };
        assert_eq!(empty.validate().unwrap_err().field_name(), Some("message"));
    }

    #[test]
    fn an_extension_takes_a_date_or_a_number_of_days_not_both() {
        let extend = |due_date: Option<&str>, working_days: Option<u32>| ExtendOpinion {
            reason: "需要跨部门协调".into(),
            due_date: due_date.map(Into::into),
            working_days,
        };
        assert!(extend(Some("2026-09-01"), None).validate().is_ok());
        assert!(extend(None, Some(20)).validate().is_ok());
        assert!(extend(None, Some(MAX_EXTEND_WORKING_DAYS))
            .validate()
            .is_ok());
        for too_many in [0, MAX_EXTEND_WORKING_DAYS + 1, u32::MAX] {
            let refused = extend(None, Some(too_many)).validate().unwrap_err();
            assert_eq!(refused.field_name(), Some("working_days"), "{too_many}");
        }
        assert!(extend(None, None).validate().is_err());
        assert!(extend(Some("2026-09-01"), Some(20)).validate().is_err());
    }

    #[test]
    fn wire_names_are_snake_case() {
        assert_eq!(
            serde_json::to_value(RejectReason::InLitigation).unwrap(),
            "in_litigation"
        );
        assert_eq!(
            serde_json::to_value(OpinionChannel::WalkIn).unwrap(),
            "walk_in"
        );
        assert_eq!(
            serde_json::to_value(EventKind::Extended).unwrap(),
            "extended"
        );
    }

    #[test]
    fn a_page_number_is_1_when_absent_or_0_and_refused_past_the_last_allowed() {
        assert_eq!(page_number(None), Ok(1));
        assert_eq!(page_number(Some(0)), Ok(1));
        assert_eq!(page_number(Some(MAX_PAGE)), Ok(MAX_PAGE));
        let refused = page_number(Some(MAX_PAGE + 1)).unwrap_err();
        assert_eq!(refused.field_name(), Some("page"));
    }

    #[test]
    fn a_bulk_action_names_1_to_100_opinions_and_its_note_is_a_steps_note() {
        let bulk = |count: usize, note: Option<String>| BulkAction {
            action: BulkKind::Accept,
            trackings: (0..count).map(|i| format!("YJ20260101-{i:04}")).collect(),
            unit_ids: Vec::new(),
            note,
        };
        assert_eq!(bulk(1, Some(" 好 ".into())).validate(), Ok(Some("好")));
        assert_eq!(
            bulk(MAX_BULK_OPINIONS, Some("  ".into())).validate(),
            Ok(None)
        );
        for (count, note, field) in [
            (0, None, "trackings"),
            (MAX_BULK_OPINIONS + 1, None, "trackings"),
            (1, Some("字".repeat(MAX_TEXT_CHARS + 1)), "note"),
        ] {
            let refused = bulk(count, note).validate().unwrap_err();
            assert_eq!(refused.field_name(), Some(field), "{count}");
        }
    }
}
