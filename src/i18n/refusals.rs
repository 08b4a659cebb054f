//! Every refusal the app explains, in one place: the server's (or the form's own check's) `code`
//! and typed field become a message of the catalog and, for a form, the field it is shown next
//! to. Nothing here reads the server's English `message`; the api crate keeps it private.

use crate::i18n::Catalog;
use crate::kit::http::ClientError;
use crate::kit::submission::Refusal;
use deputy_homes_api::accounts::{AccountField, PasswordField};
use deputy_homes_api::citizens::CitizenField;
use deputy_homes_api::meetings::activity::ActivityField;
use deputy_homes_api::meetings::booking::BookingField;
use deputy_homes_api::meetings::reception::ReceptionField;
use deputy_homes_api::opinions::handling::StepField;
use deputy_homes_api::opinions::reply::FollowField;
use deputy_homes_api::opinions::units::{HolidayField, UnitField};
use deputy_homes_api::opinions::OpinionField;
use deputy_homes_api::projects::ProjectField;
use deputy_homes_api::{ApiError, ErrorCode, FormField};

/// A refusal by a form's own check (the api crate's rules run in the browser), or one carried
/// inside an answer, as if the server had answered it.
fn refused(error: &ApiError) -> ClientError {
    ClientError::Api {
        status: 400,
        error: error.clone(),
    }
}

/// What any form says when its own words do not cover the refusal.
fn fallback(error: &ClientError, t: &Catalog) -> &'static str {
    match error {
        ClientError::Network => t.error_network,
        ClientError::BadResponse => t.error_server,
        ClientError::Api { error, .. } => match error.code {
            ErrorCode::Unauthenticated | ErrorCode::CsrfRejected => t.session_ended,
            ErrorCode::Forbidden => t.forbidden,
            ErrorCode::TooManyAttempts => t.error_rate_limited,
            ErrorCode::BadParameter => t.error_bad_request,
            _ => t.error_server,
        },
    }
}

/// A form's own words for a refusal (`None` where it has none), applied to a failed request.
fn explain<F: FormField, R>(
    error: &ClientError,
    t: &Catalog,
    form: impl Fn(ErrorCode, Option<F>, &Catalog) -> Option<R>,
    otherwise: impl Fn(&'static str) -> R,
) -> R {
    match error {
        ClientError::Api { error, .. } => form(error.code, error.field::<F>(), t),
        _ => None,
    }
    .unwrap_or_else(|| otherwise(fallback(error, t)))
}

fn on<F: FormField>(field: F, message: &'static str) -> Option<Refusal> {
    Some((Some(field.name()), message))
}

fn whole(message: &'static str) -> Option<Refusal> {
    Some((None, message))
}

// ---- citizens -------------------------------------------------------------------------------

fn verification_words(
    code: ErrorCode,
    field: Option<CitizenField>,
    t: &Catalog,
) -> Option<Refusal> {
    use CitizenField as F;
    match (code, field) {
        (ErrorCode::BadParameter, Some(F::Phone)) => on(F::Phone, t.error_phone),
        (ErrorCode::BadParameter, _) => on(F::Code, t.error_verify_code_format),
        (ErrorCode::WrongCode, _) => on(F::Code, t.error_wrong_code),
        (ErrorCode::CodeExpired, _) => on(F::Code, t.error_code_expired),
        (ErrorCode::TooManyAttempts, Some(F::Code)) => on(F::Code, t.error_code_expired),
        (ErrorCode::TooManyAttempts, _) => on(F::Phone, t.error_codes_too_many),
        _ => None,
    }
}

/// A refused text code or verification, and the field it belongs to (the phone or the code).
pub fn verification(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, verification_words, |m| (None, m))
}

/// The verification's own check failed (`VerifyCode::validate`).
pub fn verification_check(error: &ApiError, t: &Catalog) -> Refusal {
    verification(&refused(error), t)
}

/// Whether a refusal says the verified phone's session is gone, so the phone must be verified
/// again before the request can go.
pub fn verification_ended(error: &ClientError) -> bool {
    matches!(
        error.code(),
        Some(ErrorCode::Unauthenticated | ErrorCode::CsrfRejected | ErrorCode::PhoneUnverified)
    )
}

// ---- meetings -------------------------------------------------------------------------------

fn booking_words(code: ErrorCode, field: Option<BookingField>, t: &Catalog) -> Option<Refusal> {
    use BookingField as F;
    match (code, field) {
        (ErrorCode::BadParameter, Some(F::Name)) => on(F::Name, t.error_name),
        (ErrorCode::BadParameter, Some(F::Phone)) => on(F::Phone, t.error_phone),
        (ErrorCode::BadParameter, Some(F::Topic)) => on(F::Topic, t.error_topic),
        (ErrorCode::BadParameter, Some(F::Consent)) => on(F::Consent, t.error_consent),
        (ErrorCode::LimitReached, _) => on(F::Phone, t.error_cap),
        (ErrorCode::AlreadyBooked, _) => on(F::Phone, t.error_already_booked),
        (ErrorCode::BookingClosed, _) => whole(t.error_closed),
        (ErrorCode::ActivityStarted, _) => whole(t.error_started),
        (ErrorCode::AlreadyCheckedIn, _) => whole(t.error_check_in_already),
        (ErrorCode::ActivityCancelled, _) => whole(t.error_activity_cancelled),
        (ErrorCode::WaitlistFull, _) => whole(t.error_waitlist_full),
        (ErrorCode::TooManyAttempts, _) => whole(t.error_booking_changes_limited),
        (ErrorCode::NotFound, _) => whole(t.activity_not_found),
        _ => None,
    }
}

/// A refused booking, cancellation or move, and the field it belongs to.
pub fn booking(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, booking_words, |m| (None, m))
}

/// The booking form's own check failed (`NewBooking::validate`).
pub fn booking_check(error: &ApiError, t: &Catalog) -> Refusal {
    booking(&refused(error), t)
}

fn activity_words(code: ErrorCode, field: Option<ActivityField>, t: &Catalog) -> Option<Refusal> {
    use ActivityField as F;
    match (code, field) {
        (ErrorCode::LimitReached, _) => on(F::Capacity, t.error_capacity_below),
        (ErrorCode::ActivityStarted, _) => whole(t.error_started),
        (ErrorCode::ActivityCancelled, _) => whole(t.error_activity_cancelled),
        (ErrorCode::BadParameter, Some(F::Reason)) => on(F::Reason, t.error_reason),
        (ErrorCode::BadParameter, Some(F::Date)) => on(F::Date, t.activity_date_error),
        (ErrorCode::BadParameter, Some(f @ (F::Start | F::End))) => on(f, t.activity_time_error),
        (ErrorCode::BadParameter, Some(F::Capacity)) => on(F::Capacity, t.activity_capacity_error),
        (ErrorCode::BadParameter, Some(F::Topic)) => on(F::Topic, t.activity_topic_error),
        (ErrorCode::BadParameter, Some(F::RepeatWeeks)) => {
            on(F::RepeatWeeks, t.activity_repeat_error)
        }
        _ => None,
    }
}

/// A refused publishing, change or cancellation of an activity.
pub fn activity(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, activity_words, |m| (None, m))
}

/// The activity form's own check failed (`NewActivities::occurrences`, `CancelActivity`).
pub fn activity_check(error: &ApiError, t: &Catalog) -> Refusal {
    activity(&refused(error), t)
}

fn reception_words(code: ErrorCode, field: Option<ReceptionField>, t: &Catalog) -> Option<Refusal> {
    use ReceptionField as F;
    match (code, field) {
        (ErrorCode::BadParameter, Some(F::Code)) => on(F::Code, t.error_code_format),
        (ErrorCode::BadParameter, Some(F::Raised)) => on(F::Raised, t.record_raised_error),
        (ErrorCode::BadParameter, Some(F::FollowUp)) => on(F::FollowUp, t.record_follow_up_error),
        (ErrorCode::NotBegun, _) => whole(t.record_not_begun),
        (ErrorCode::Waitlisted, _) => whole(t.error_check_in_waitlisted),
        (ErrorCode::AlreadyCheckedIn, _) => whole(t.error_check_in_already),
        (ErrorCode::ActivityCancelled, _) => whole(t.error_activity_cancelled),
        (ErrorCode::NotFound, _) => whole(t.error_check_in_unknown),
        _ => None,
    }
}

/// A refused check-in or reception record, and the field it belongs to.
pub fn reception(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, reception_words, |m| (None, m))
}

/// The record form's own check failed (`RecordInput::validate`).
pub fn reception_check(error: &ApiError, t: &Catalog) -> Refusal {
    reception(&refused(error), t)
}

// ---- photos (opinions' and projects') ---------------------------------------------------------

/// What a photo upload, or a record naming its photos, may be refused for: said on the form's
/// `photo` field, given with the form's list of photos (`photo_ids`).
fn photo_words<F: FormField + PartialEq>(
    code: ErrorCode,
    field: Option<F>,
    (photo, photo_ids): (F, F),
    t: &Catalog,
) -> Option<Refusal> {
    match code {
        ErrorCode::TooLarge => on(photo, t.error_photo_size),
        ErrorCode::PhotoGone => on(photo, t.error_photo_gone),
        ErrorCode::BadParameter if field == Some(photo_ids) => on(photo, t.error_photo_count),
        ErrorCode::BadParameter if field == Some(photo) => on(photo, t.error_photo_type),
        _ => None,
    }
}

// ---- opinions -------------------------------------------------------------------------------

fn opinion_words(code: ErrorCode, field: Option<OpinionField>, t: &Catalog) -> Option<Refusal> {
    use OpinionField as F;
    if let Some(refusal) = photo_words(code, field, (F::Photo, F::PhotoIds), t) {
        return Some(refusal);
    }
    match (code, field) {
        (ErrorCode::BadParameter, Some(F::Title)) => on(F::Title, t.error_title),
        (ErrorCode::BadParameter, Some(F::Body)) => on(F::Body, t.error_body),
        (ErrorCode::BadParameter, Some(F::ContactName)) => on(F::ContactName, t.error_contact_name),
        (ErrorCode::BadParameter, Some(F::ContactPhone)) => on(F::ContactPhone, t.error_phone),
        (ErrorCode::BadParameter, Some(F::Consent)) => on(F::Consent, t.error_opinion_consent),
        _ => None,
    }
}

/// A refused opinion or photo upload, and the field it belongs to.
pub fn opinion(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, opinion_words, |m| (None, m))
}

/// The opinion form's own check failed (`NewOpinion::validate`).
pub fn opinion_check(error: &ApiError, t: &Catalog) -> Refusal {
    opinion(&refused(error), t)
}

fn step_words(code: ErrorCode, field: Option<StepField>, t: &Catalog) -> Option<Refusal> {
    use StepField as F;
    match (code, field) {
        (ErrorCode::BadParameter, Some(F::DuplicateOf)) => on(F::DuplicateOf, t.error_duplicate_of),
        (ErrorCode::BadParameter, Some(F::UnitIds)) => on(F::UnitIds, t.error_units),
        (ErrorCode::BadParameter, Some(F::DueDate | F::WorkingDays)) => {
            on(F::DueDate, t.error_due_date)
        }
        (ErrorCode::BadParameter, Some(f @ (F::Message | F::Text | F::Reason | F::Note))) => {
            on(f, t.error_text_required)
        }
        (
            ErrorCode::StepNotAllowed
            | ErrorCode::PublishNotAllowed
            | ErrorCode::NoReplyYet
            | ErrorCode::AlreadyRated,
            _,
        ) => whole(t.error_step_conflict),
        (ErrorCode::NotFound, _) => whole(t.error_tracking_not_found),
        _ => None,
    }
}

fn follow_words(code: ErrorCode, field: Option<FollowField>, t: &Catalog) -> Option<Refusal> {
    use FollowField as F;
    match (code, field) {
        (ErrorCode::BadParameter, Some(F::PrivateToken)) => whole(t.error_tracking_not_found),
        (ErrorCode::BadParameter, Some(F::Comment)) => on(F::Comment, t.error_comment),
        _ => None,
    }
}

/// A refused step of the handling chain, bulk action or rating, and the field it belongs to.
pub fn step(error: &ClientError, t: &Catalog) -> Refusal {
    if let ClientError::Api { error: e, .. } = error {
        if let Some(refusal) = follow_words(e.code, e.field(), t) {
            return refusal;
        }
    }
    explain(error, t, step_words, |m| (None, m))
}

/// A step form's (or the rating form's) own check failed, or one item of a bulk action was
/// refused.
pub fn step_check(error: &ApiError, t: &Catalog) -> Refusal {
    step(&refused(error), t)
}

/// A refused reveal of a phone: past the hourly limit it says so (the step forms' "too many
/// submissions" would be wrong there); otherwise as for a step.
pub fn reveal(error: &ClientError, t: &Catalog) -> &'static str {
    match error.code() {
        Some(ErrorCode::TooManyAttempts) => t.error_reveal_limited,
        _ => step(error, t).1,
    }
}

/// A refused look-up of an opinion (by the verified phone or the private link).
pub fn lookup(error: &ClientError, t: &Catalog) -> &'static str {
    let words = |code, _: Option<FollowField>, t: &Catalog| match code {
        ErrorCode::NotFound | ErrorCode::BadParameter => Some(t.error_tracking_not_found),
        _ => None,
    };
    explain(error, t, words, |m| m)
}

/// A refused handling unit (a name too short or long, or taken), and the field it belongs to.
pub fn unit(error: &ClientError, t: &Catalog) -> Refusal {
    let words = |code, field: Option<UnitField>, t: &Catalog| match (code, field) {
        (ErrorCode::Taken, _) => on(UnitField::Name, t.error_unit_taken),
        (ErrorCode::BadParameter, Some(UnitField::Name)) => on(UnitField::Name, t.error_unit_name),
        _ => None,
    };
    explain(error, t, words, |m| (None, m))
}

/// The unit form's own check failed (`validate_unit_name`).
pub fn unit_check(error: &ApiError, t: &Catalog) -> Refusal {
    unit(&refused(error), t)
}

fn holiday_words(
    code: ErrorCode,
    field: Option<HolidayField>,
    t: &Catalog,
) -> Option<(HolidayField, &'static str)> {
    use HolidayField as F;
    match (code, field) {
        (ErrorCode::BadParameter, Some(f @ (F::Name | F::DaysName))) => Some((f, t.error_day_name)),
        (ErrorCode::BadParameter, Some(f)) => Some((f, t.error_day_range)),
        _ => None,
    }
}

/// A refused save of the holiday calendar.
pub fn holidays(error: &ClientError, t: &Catalog) -> &'static str {
    explain(
        error,
        t,
        |c, f, t| holiday_words(c, f, t).map(|(_, m)| m),
        |m| m,
    )
}

/// The run-of-days form's own check failed (`day_range`): the field and its message.
pub fn holiday_check(error: &ApiError, t: &Catalog) -> (HolidayField, &'static str) {
    holiday_words(error.code, error.field(), t).unwrap_or((HolidayField::To, t.error_day_range))
}

// ---- accounts -------------------------------------------------------------------------------

/// The message next to an account field that is invalid (or, with `taken`, in use).
pub fn account_field(field: AccountField, taken: bool, t: &Catalog) -> &'static str {
    match (field, taken) {
        (AccountField::Phone, true) => t.phone_taken,
        (_, true) => t.username_taken,
        (AccountField::DisplayName, false) => t.invalid_display_name,
        (AccountField::Phone, false) => t.invalid_phone,
        (AccountField::Password, false) => t.invalid_password,
        (AccountField::HomeIds, false) => t.invalid_homes,
        (AccountField::Username | AccountField::Login | AccountField::Role, false) => {
            t.invalid_username
        }
    }
}

fn password_words(code: ErrorCode, field: Option<PasswordField>, t: &Catalog) -> Option<Refusal> {
    use PasswordField as F;
    match (code, field) {
        // A present password longer than any password can be is as wrong as a mistyped one.
        (ErrorCode::BadCredentials, _) | (ErrorCode::BadParameter, Some(F::Password)) => {
            on(F::Password, t.error_present_password_wrong)
        }
        (ErrorCode::BadParameter, Some(F::NewPassword)) => {
            on(F::NewPassword, t.error_new_password_length)
        }
        _ => None,
    }
}

/// A refused change of one's own password, and the field it belongs to.
pub fn password_change(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, password_words, |m| (None, m))
}

/// The password form's own check failed (`ChangePassword::validate`).
pub fn password_change_check(error: &ApiError, t: &Catalog) -> Refusal {
    password_change(&refused(error), t)
}

fn account_change_words(
    code: ErrorCode,
    field: Option<AccountField>,
    t: &Catalog,
) -> Option<Refusal> {
    match (code, field) {
        (ErrorCode::BadParameter, Some(AccountField::Password)) => {
            on(AccountField::Password, t.error_temporary_password_length)
        }
        (ErrorCode::NotFound, _) => whole(t.error_account_not_found),
        // The page offers no change of one's own account, so a refusal means the session is
        // no longer staff's.
        (ErrorCode::Forbidden, _) => whole(t.staff_only),
        _ => None,
    }
}

/// A refused disabling, enabling or password reset of an account by staff.
pub fn account_change(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, account_change_words, |m| (None, m))
}

/// The reset form's own check of the temporary password failed (`validate_password`).
pub fn temporary_password_check(t: &Catalog) -> Refusal {
    (
        Some(AccountField::Password.name()),
        t.error_temporary_password_length,
    )
}

// ---- projects (the citizens' forms) ------------------------------------------------------------

/// The photo field and photo list of the projects' forms.
const PROJECT_PHOTOS: (ProjectField, ProjectField) = (ProjectField::Photo, ProjectField::PhotoIds);

fn proposal_words(code: ErrorCode, field: Option<ProjectField>, t: &Catalog) -> Option<Refusal> {
    use ProjectField as F;
    if let Some(refusal) = photo_words(code, field, PROJECT_PHOTOS, t) {
        return Some(refusal);
    }
    match (code, field) {
        (ErrorCode::BadParameter, Some(F::Title)) => on(F::Title, t.projects_error_title),
        (ErrorCode::BadParameter, Some(F::WhatAndWhere)) => {
            on(F::WhatAndWhere, t.projects_error_what)
        }
        (ErrorCode::BadParameter, Some(F::Beneficiaries)) => {
            on(F::Beneficiaries, t.projects_error_beneficiaries)
        }
        _ => citizen_write_words(code, t),
    }
}

/// What every citizen's write on projects may be refused for, said for the whole form.
fn citizen_write_words(code: ErrorCode, t: &Catalog) -> Option<Refusal> {
    match code {
        ErrorCode::WrongPhase => whole(t.projects_error_not_collecting),
        ErrorCode::AlreadySupported => whole(t.projects_error_already_supported),
        ErrorCode::AlreadyRated => whole(t.projects_error_already_rated),
        ErrorCode::TooManyAttempts => whole(t.projects_error_limited),
        _ => None,
    }
}

// ---- livelihood projects, office screens -----------------------------------------------------

fn project_field_words(field: ProjectField, t: &Catalog) -> &'static str {
    use ProjectField as F;
    let p = t.project_office;
    match field {
        F::Congress => p.error_congress,
        F::Year => p.error_year,
        F::Phase => p.error_wrong_phase,
        F::ToAdopt => p.error_to_adopt,
        F::Title => p.error_title,
        F::Summary | F::WhatAndWhere => p.error_summary,
        F::Beneficiaries | F::Target => p.error_target,
        F::District | F::Category | F::Rating => t.error_bad_request,
        F::Into => p.error_into,
        F::Reason => p.error_reason,
        F::UnitId => p.error_unit,
        F::BudgetYuan => p.error_budget,
        F::Deadline => p.error_deadline,
        F::Proposals => p.error_proposals,
        F::AccountIds => p.error_members,
        F::Choices => p.error_choices,
        F::Percent => p.error_percent,
        F::Done => p.error_done,
        F::DelayReason => p.error_delay_reason,
        F::LowerReason => p.error_lower_reason,
        F::Notes => p.error_notes,
        F::Evaluations => p.error_evaluate_each,
        F::PhotoIds => t.error_photo_count,
        F::Photo => t.error_photo_type,
    }
}

fn project_words(code: ErrorCode, field: Option<ProjectField>, t: &Catalog) -> Option<Refusal> {
    let p = t.project_office;
    if let Some(refusal) = photo_words(code, field, PROJECT_PHOTOS, t) {
        return Some(refusal);
    }
    match (code, field) {
        (ErrorCode::BadParameter, Some(f)) => on(f, project_field_words(f, t)),
        (ErrorCode::Taken, _) => on(ProjectField::Year, p.error_taken),
        (ErrorCode::WrongPhase, _) => whole(p.error_wrong_phase),
        (ErrorCode::AlreadyVoted, _) => whole(p.already_voted),
        (ErrorCode::NoMargin, _) => whole(p.error_no_margin),
        (ErrorCode::NoElectors, _) => whole(p.error_no_electors),
        (ErrorCode::StepNotAllowed, _) => whole(p.error_not_adopted),
        (ErrorCode::NotFound, _) => whole(p.error_gone),
        (ErrorCode::Forbidden, _) => whole(p.error_not_member),
        _ => None,
    }
}

/// A refused proposal, and the field it belongs to.
pub fn proposal(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, proposal_words, |m| (None, m))
}

/// The proposal form's own check failed (`NewProposal::validate`).
pub fn proposal_check(error: &ApiError, t: &Catalog) -> Refusal {
    proposal(&refused(error), t)
}

/// A refused support of a proposal, for the whole form.
pub fn support(error: &ClientError, t: &Catalog) -> Refusal {
    let words = |code: ErrorCode, _: Option<ProjectField>, t: &Catalog| match code {
        ErrorCode::StepNotAllowed => whole(t.projects_error_not_open),
        _ => citizen_write_words(code, t),
    };
    explain(error, t, words, |m| (None, m))
}

/// A refused advisory rating of a project, for the whole form.
pub fn rating(error: &ClientError, t: &Catalog) -> Refusal {
    let words = |code: ErrorCode, _: Option<ProjectField>, t: &Catalog| match code {
        ErrorCode::StepNotAllowed => whole(t.projects_error_not_adopted),
        _ => citizen_write_words(code, t),
    };
    explain(error, t, words, |m| (None, m))
}

/// Any form of the office's project screens was refused: the step's phase, a second ballot, a
/// list without 差额, a congress without delegates, or a field at fault.
pub fn project_office(error: &ClientError, t: &Catalog) -> Refusal {
    explain(error, t, project_words, |m| (None, m))
}

/// A project form's own check failed (the api crate's `validate`).
pub fn project_office_check(error: &ApiError, t: &Catalog) -> Refusal {
    project_office(&refused(error), t)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::i18n::Lang;
    use deputy_homes_api::accounts::ChangePassword;

    fn answered<F: FormField>(status: u16, code: ErrorCode, field: Option<F>) -> ClientError {
        let error = ApiError::new(code, "whatever the server says in English");
        ClientError::Api {
            status,
            error: match field {
                Some(f) => error.on(f),
                None => error,
            },
        }
    }

    fn plain(status: u16, code: ErrorCode) -> ClientError {
        answered::<StepField>(status, code, None)
    }

    #[test]
    fn step_refusals_land_next_to_their_field() {
        let t = Lang::En.catalog();
        let duplicate = answered(400, ErrorCode::BadParameter, Some(StepField::DuplicateOf));
        assert_eq!(
            step(&duplicate, t),
            (Some("duplicate_of"), t.error_duplicate_of)
        );
        let message = answered(400, ErrorCode::BadParameter, Some(StepField::Message));
        assert_eq!(step(&message, t).0, Some("message"));
        let token = answered(
            400,
            ErrorCode::BadParameter,
            Some(FollowField::PrivateToken),
        );
        assert_eq!(step(&token, t), (None, t.error_tracking_not_found));
        assert_eq!(
            step(&plain(409, ErrorCode::StepNotAllowed), t),
            (None, t.error_step_conflict)
        );
        assert_eq!(step(&ClientError::Network, t).1, t.error_network);
    }

    #[test]
    fn a_refused_reveal_past_the_hourly_limit_says_so_in_chinese() {
        let t = Lang::Zh.catalog();
        let limited = reveal(&plain(429, ErrorCode::TooManyAttempts), t);
        assert_eq!(limited, t.error_reveal_limited);
        assert!(
            limited.contains("查看完整手机号的次数已达上限"),
            "{limited}"
        );
        assert_ne!(limited, t.error_rate_limited);
        assert_eq!(
            reveal(&plain(404, ErrorCode::NotFound), t),
            t.error_tracking_not_found
        );
        assert_eq!(reveal(&ClientError::Network, t), t.error_network);
    }

    #[test]
    fn photo_refusals_are_told_apart_by_code_and_field_not_by_wording() {
        let t = Lang::Zh.catalog();
        let photo = Some(OpinionField::Photo);
        let too_large = answered(413, ErrorCode::TooLarge, photo);
        assert_eq!(opinion(&too_large, t), (Some("photo"), t.error_photo_size));
        let not_image = answered(400, ErrorCode::BadParameter, photo);
        assert_eq!(opinion(&not_image, t), (Some("photo"), t.error_photo_type));
        let gone = answered(409, ErrorCode::PhotoGone, Some(OpinionField::PhotoIds));
        assert_eq!(opinion(&gone, t), (Some("photo"), t.error_photo_gone));
        let too_many = answered(400, ErrorCode::BadParameter, Some(OpinionField::PhotoIds));
        assert_eq!(opinion(&too_many, t), (Some("photo"), t.error_photo_count));
    }

    #[test]
    fn a_waitlisted_check_in_is_told_from_one_already_made_by_its_code() {
        let t = Lang::Zh.catalog();
        let code = Some(ReceptionField::Code);
        let waitlisted = answered(409, ErrorCode::Waitlisted, code);
        assert_eq!(
            reception(&waitlisted, t),
            (None, t.error_check_in_waitlisted)
        );
        let again = answered(409, ErrorCode::AlreadyCheckedIn, code);
        assert_eq!(reception(&again, t), (None, t.error_check_in_already));
        assert_ne!(t.error_check_in_waitlisted, t.error_check_in_already);
    }

    #[test]
    fn a_booking_already_held_is_shown_at_the_phone_and_a_closed_one_for_the_form() {
        let t = Lang::Zh.catalog();
        let held = answered(
            409,
            ErrorCode::AlreadyBooked,
            Some(BookingField::ActivityId),
        );
        assert_eq!(booking(&held, t), (Some("phone"), t.error_already_booked));
        let closed = answered(400, ErrorCode::BookingClosed, Some(BookingField::Activity));
        assert_eq!(booking(&closed, t), (None, t.error_closed));
        let unknown_field = answered(400, ErrorCode::BadParameter, Some(BookingField::Code));
        assert_eq!(booking(&unknown_field, t), (None, t.error_bad_request));
    }

    #[test]
    fn a_refused_activity_field_is_shown_next_to_that_field() {
        let t = Lang::Zh.catalog();
        let end = answered(400, ErrorCode::BadParameter, Some(ActivityField::End));
        assert_eq!(activity(&end, t), (Some("end"), t.activity_time_error));
        let below = answered(409, ErrorCode::LimitReached, Some(ActivityField::Id));
        assert_eq!(
            activity(&below, t),
            (Some("capacity"), t.error_capacity_below)
        );
        let taken = answered(409, ErrorCode::Taken, Some(UnitField::Name));
        assert_eq!(unit(&taken, t), (Some("name"), t.error_unit_taken));
    }

    #[test]
    fn a_taken_phone_and_a_taken_username_have_their_own_words() {
        let t = Lang::En.catalog();
        assert_eq!(account_field(AccountField::Phone, true, t), t.phone_taken);
        assert_eq!(
            account_field(AccountField::Username, true, t),
            t.username_taken
        );
        assert_eq!(
            account_field(AccountField::Username, false, t),
            t.invalid_username
        );
    }

    #[test]
    fn a_wrong_present_password_and_a_short_new_one_are_told_apart_in_chinese() {
        let t = Lang::Zh.catalog();
        let wrong = answered(
            400,
            ErrorCode::BadCredentials,
            Some(PasswordField::Password),
        );
        assert_eq!(
            password_change(&wrong, t),
            (Some("password"), t.error_present_password_wrong)
        );
        assert!(t.error_present_password_wrong.contains("现在的密码不正确"));
        let short = ChangePassword {
            password: "the present one".into(),
            new_password: "short".into(),
        };
        let refused = short.validate().expect_err("too short");
        assert_eq!(
            password_change_check(&refused, t),
            (Some("new_password"), t.error_new_password_length)
        );
        assert!(t.error_new_password_length.contains("10 到 256"));
        assert_eq!(
            password_change(&plain(401, ErrorCode::Unauthenticated), t),
            (None, t.session_ended)
        );
    }

    #[test]
    fn a_refused_account_change_says_what_went_wrong() {
        let t = Lang::Zh.catalog();
        let short = answered(400, ErrorCode::BadParameter, Some(AccountField::Password));
        assert_eq!(
            account_change(&short, t),
            (Some("password"), t.error_temporary_password_length)
        );
        assert_eq!(temporary_password_check(t), account_change(&short, t));
        assert_eq!(
            account_change(&plain(404, ErrorCode::NotFound), t),
            (None, t.error_account_not_found)
        );
        assert_eq!(
            account_change(&plain(403, ErrorCode::Forbidden), t),
            (None, t.staff_only)
        );
        assert_eq!(
            account_change(&plain(403, ErrorCode::CsrfRejected), t),
            (None, t.session_ended)
        );
    }

    #[test]
    fn every_error_code_has_words_in_every_form() {
        // A code no form knows still gets a message, never an empty one.
        for lang in Lang::ALL {
            let t = lang.catalog();
            for code in [
                ErrorCode::KeyReused,
                ErrorCode::Internal,
                ErrorCode::TooManyAttempts,
                ErrorCode::Forbidden,
            ] {
                let error = plain(409, code);
                assert!(!booking(&error, t).1.is_empty());
                assert!(!step(&error, t).1.is_empty());
                assert!(!reception(&error, t).1.is_empty());
                assert!(!activity(&error, t).1.is_empty());
                assert!(!unit(&error, t).1.is_empty());
                assert!(!password_change(&error, t).1.is_empty());
                assert!(!account_change(&error, t).1.is_empty());
            }
        }
    }
    #[test]
    fn a_second_support_and_a_closed_collection_are_told_in_words() {
        let t = Lang::Zh.catalog();
        assert_eq!(
            support(&plain(409, ErrorCode::AlreadySupported), t),
            (None, t.projects_error_already_supported)
        );
        assert_eq!(
            support(&plain(409, ErrorCode::WrongPhase), t),
            (None, t.projects_error_not_collecting)
        );
        assert_eq!(
            proposal(
                &answered(400, ErrorCode::BadParameter, Some(ProjectField::Title)),
                t
            ),
            (Some("title"), t.projects_error_title)
        );
        assert_eq!(
            rating(&plain(409, ErrorCode::AlreadyRated), t),
            (None, t.projects_error_already_rated)
        );
    }

    #[test]
    fn project_refusals_name_the_phase_the_margin_and_the_field() {
        for lang in [Lang::Zh, Lang::En] {
            let t = lang.catalog();
            let p = t.project_office;
            assert_eq!(
                project_office(&plain(409, ErrorCode::NoMargin), t),
                (None, p.error_no_margin)
            );
            assert_eq!(
                project_office(&plain(409, ErrorCode::AlreadyVoted), t),
                (None, p.already_voted)
            );
            assert_eq!(
                project_office(&plain(409, ErrorCode::WrongPhase), t),
                (None, p.error_wrong_phase)
            );
            let budget = ApiError::bad_parameter(ProjectField::BudgetYuan, "budget");
            assert_eq!(
                project_office_check(&budget, t),
                (Some("budget_yuan"), p.error_budget)
            );
            assert!(!project_office(&plain(500, ErrorCode::Internal), t)
                .1
                .is_empty());
        }
    }
}
