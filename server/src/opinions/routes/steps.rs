//! The staff's steps on one opinion: `POST /api/staff/opinions/{tracking_number}/<action>`.
//! Each is checked against the handling chain (409 when the step does not follow from the
//! current status), recorded in the timeline and written to the audit log in one transaction,
//! and answers the opinion's full staff view.

use crate::opinions::chain;
use crate::opinions::near_duplicates::mark_near_duplicates;
use crate::opinions::step::ExtendTo;
use crate::opinions::step::Step;
use crate::opinions::step::StepRefusal;
use crate::platform::auth::{SignedIn, Staff};
use crate::platform::error::AppError;
use crate::platform::mongolian::TypedText;
use crate::AppState;
use axum::extract::rejection::JsonRejection;
use axum::extract::{Path, State};
use axum::Json;
use deputy_homes_api::meetings::activity::parse_date;
use deputy_homes_api::opinions::handling::StepField;
use deputy_homes_api::opinions::handling::{
    self, validate_text, AssignOpinion, ExtendOpinion, InternalNote, RejectOpinion, ReplyToOpinion,
    StaffOpinionView, StepNote,
};
use deputy_homes_api::opinions::workdays::{end_of_day_ms, hohhot_day};
use deputy_homes_api::opinions::{normalize_tracking_number, OpinionStatus};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

/// The staff view of an opinion, with its near duplicate.
pub(super) async fn staff_view(
    state: &AppState,
    tracking_number: &str,
) -> Result<StaffOpinionView, AppError> {
    let mut view = state
        .db
        .staff_opinion(tracking_number, state.clock.now_ms())
        .await?
        .ok_or_else(|| AppError::NotFound(format!("opinion {tracking_number}")))?;
    mark_near_duplicates(&state.db, std::slice::from_mut(&mut view.summary), false).await?;
    Ok(view)
}

fn refusal(refusal: StepRefusal, tracking_number: &str, action: &str) -> AppError {
    match refusal {
        StepRefusal::NotFound => AppError::NotFound(format!("opinion {tracking_number}")),
        StepRefusal::NotAllowed { from } => AppError::conflict(
            ErrorCode::StepNotAllowed,
            format!(
                "an opinion that is {} cannot be given the step {action}; next steps from there: {}",
                from.code(),
                from.next_steps()
                    .iter()
                    .map(|s| s.code())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        ),
        StepRefusal::PublishNotAllowed(message) => {
            AppError::conflict(ErrorCode::PublishNotAllowed, message)
        }
        StepRefusal::BadParameter { field, message } => {
            AppError::BadRequest(ApiError::bad_parameter(field, message))
        }
    }
}

fn step_name(step: &Step<'_>) -> &'static str {
    match step {
        Step::Accept { .. } => "accept",
        Step::Reject(_) => "reject",
        Step::Assign { .. } => "assign",
        Step::Acknowledge { .. } => "acknowledge",
        Step::Reply { .. } => "reply",
        Step::Extend { .. } => "extend",
        Step::Publish { .. } => "publish",
        Step::Close { .. } => "close",
        Step::Note { .. } => "note",
    }
}

/// Takes a step as this staff member; the opinion's status afterwards.
pub(super) async fn run_step(
    state: &AppState,
    staff: &SignedIn,
    tracking_number: &str,
    step: &Step<'_>,
) -> Result<OpinionStatus, AppError> {
    chain::take_step(
        &state.db,
        tracking_number,
        step,
        &staff.account.id,
        state.clock.now_ms(),
    )
    .await?
    .map_err(|r| refusal(r, tracking_number, step_name(step)))
}

/// Assigns to units, due the configured number of working days from today (Hohhot).
pub(super) async fn assign_step(
    state: &AppState,
    staff: &SignedIn,
    tracking_number: &str,
    unit_ids: &[String],
    note: Option<&str>,
) -> Result<OpinionStatus, AppError> {
    let mut units = unit_ids.to_vec();
    units.sort();
    units.dedup();
    if units.is_empty() || units.len() != unit_ids.len() {
        return Err(AppError::BadRequest(ApiError::bad_parameter(
            StepField::UnitIds,
            "name one or more handling units, each once",
        )));
    }
    let calendar = state.db.work_calendar().await?;
    let today = hohhot_day(state.clock.now_ms());
    let due = calendar.working_days_after(today, state.opinion_due_working_days);
    let step = Step::Assign {
        unit_ids: &units,
        note,
        due_at_ms: end_of_day_ms(due),
    };
    run_step(state, staff, tracking_number, &step).await
}

async fn answer(
    state: &AppState,
    staff: &SignedIn,
    tracking_number: &str,
    step: &Step<'_>,
) -> Result<Json<StaffOpinionView>, AppError> {
    run_step(state, staff, tracking_number, step).await?;
    Ok(Json(staff_view(state, tracking_number).await?))
}

fn optional_note(note: &Option<String>) -> Result<Option<&str>, AppError> {
    handling::optional_note(note.as_deref()).map_err(AppError::BadRequest)
}

macro_rules! note_step {
    ($name:ident, $variant:ident, $path:literal, $what:literal) => {
        #[doc = $what]
        #[utoipa::path(post, path = $path, tag = "moderation", security(("session" = ["staff"], "csrf" = [])), request_body = StepNote,
            params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
            responses(
                (status = 200, description = "Done: the opinion now", body = StaffOpinionView),
                (status = 400, description = "The note is too long", body = ApiError),
                (status = 401, description = "Not signed in", body = ApiError),
                (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
                (status = 404, description = "No such opinion", body = ApiError),
                (status = 409, description = "The chain does not allow this step now", body = ApiError),
            ))]
        pub async fn $name(
            State(state): State<AppState>,
            Staff(staff): Staff,
            Path(tracking_number): Path<String>,
            body: Result<Json<StepNote>, JsonRejection>,
        ) -> Result<Json<StaffOpinionView>, AppError> {
            let Json(mut body) = body?;
            body.standardize_mongolian();
            let tracking_number = normalize_tracking_number(&tracking_number);
            let note = optional_note(&body.note)?;
            answer(&state, &staff, &tracking_number, &Step::$variant { note }).await
        }
    };
}

note_step!(
    opinion_accept,
    Accept,
    "/api/staff/opinions/{tracking_number}/accept",
    "审查: accepts a submitted opinion for handling."
);
note_step!(
    opinion_acknowledge,
    Acknowledge,
    "/api/staff/opinions/{tracking_number}/acknowledge",
    "签收: records that the handling unit signed for the opinion."
);
note_step!(
    opinion_publish,
    Publish,
    "/api/staff/opinions/{tracking_number}/publish",
    "公开: shows a replied opinion on the public board; 409 unless its author allowed it."
);
note_step!(
    opinion_close,
    Close,
    "/api/staff/opinions/{tracking_number}/close",
    "Closes a replied opinion without publishing it."
);

/// 不予受理: does not accept a submitted opinion, with the reason and what the citizen is told.
#[utoipa::path(post, path = "/api/staff/opinions/{tracking_number}/reject", tag = "moderation", security(("session" = ["staff"], "csrf" = [])),
    request_body = RejectOpinion,
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "Rejected: the opinion now", body = StaffOpinionView),
        (status = 400, description = "No message, or `duplicate_of` missing, misplaced or unknown", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such opinion", body = ApiError),
        (status = 409, description = "It is past review", body = ApiError),
    ))]
pub async fn opinion_reject(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
    body: Result<Json<RejectOpinion>, JsonRejection>,
) -> Result<Json<StaffOpinionView>, AppError> {
    let Json(mut reject) = body?;
    reject.standardize_mongolian();
    reject.validate().map_err(AppError::BadRequest)?;
    let tracking_number = normalize_tracking_number(&tracking_number);
    answer(&state, &staff, &tracking_number, &Step::Reject(&reject)).await
}

/// 分办: assigns an accepted opinion to one or more handling units; the reply is due the
/// configured number of working days from today (`DH_OPINION_DUE_WORKING_DAYS`).
#[utoipa::path(post, path = "/api/staff/opinions/{tracking_number}/assign", tag = "moderation", security(("session" = ["staff"], "csrf" = [])),
    request_body = AssignOpinion,
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "Assigned: the opinion now, with its due date", body = StaffOpinionView),
        (status = 400, description = "No units, a unit twice, or an unknown or inactive unit", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such opinion", body = ApiError),
        (status = 409, description = "It is not accepted, or already assigned", body = ApiError),
    ))]
pub async fn opinion_assign(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
    body: Result<Json<AssignOpinion>, JsonRejection>,
) -> Result<Json<StaffOpinionView>, AppError> {
    let Json(mut assign) = body?;
    assign.standardize_mongolian();
    let note = optional_note(&assign.note)?;
    let tracking_number = normalize_tracking_number(&tracking_number);
    assign_step(&state, &staff, &tracking_number, &assign.unit_ids, note).await?;
    Ok(Json(staff_view(&state, &tracking_number).await?))
}

/// 答复: records the unit's reply, classed A, B or C; the citizen reads it and may rate it.
#[utoipa::path(post, path = "/api/staff/opinions/{tracking_number}/reply", tag = "moderation", security(("session" = ["staff"], "csrf" = [])),
    request_body = ReplyToOpinion,
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "Replied: the opinion now", body = StaffOpinionView),
        (status = 400, description = "The text is empty or too long", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such opinion", body = ApiError),
        (status = 409, description = "The unit has not acknowledged it, or it was replied already", body = ApiError),
    ))]
pub async fn opinion_reply(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
    body: Result<Json<ReplyToOpinion>, JsonRejection>,
) -> Result<Json<StaffOpinionView>, AppError> {
    let Json(mut reply) = body?;
    reply.standardize_mongolian();
    validate_text(StepField::Text, &reply.text).map_err(AppError::BadRequest)?;
    let tracking_number = normalize_tracking_number(&tracking_number);
    let step = Step::Reply {
        class: reply.class,
        text: &reply.text,
    };
    answer(&state, &staff, &tracking_number, &step).await
}

/// 督办: moves the due date of an assigned, unreplied opinion later, with a reason; at most
/// twice the configured working days after the assignment (3 months extendable to 6).
#[utoipa::path(post, path = "/api/staff/opinions/{tracking_number}/extend", tag = "moderation", security(("session" = ["staff"], "csrf" = [])),
    request_body = ExtendOpinion,
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "Extended: the opinion now", body = StaffOpinionView),
        (status = 400, description = "No reason, neither or both of date and days, or a date not later or too late", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such opinion", body = ApiError),
        (status = 409, description = "It is not assigned, or replied already", body = ApiError),
    ))]
pub async fn opinion_extend(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
    body: Result<Json<ExtendOpinion>, JsonRejection>,
) -> Result<Json<StaffOpinionView>, AppError> {
    let Json(mut extend) = body?;
    extend.standardize_mongolian();
    extend.validate().map_err(AppError::BadRequest)?;
    let to = match (&extend.due_date, extend.working_days) {
        (Some(date), _) => ExtendTo::Day(parse_date(date).ok_or_else(|| {
            AppError::BadRequest(ApiError::bad_parameter(
                StepField::DueDate,
                "due_date must be a YYYY-MM-DD date",
            ))
        })?),
        (None, days) => ExtendTo::WorkingDays(days.unwrap_or_default()),
    };
    let calendar = state.db.work_calendar().await?;
    let tracking_number = normalize_tracking_number(&tracking_number);
    let step = Step::Extend {
        reason: &extend.reason,
        to,
        calendar: &calendar,
        max_working_days: state.opinion_due_working_days * 2,
    };
    answer(&state, &staff, &tracking_number, &step).await
}

/// Adds an internal note (staff only; the status does not change).
#[utoipa::path(post, path = "/api/staff/opinions/{tracking_number}/note", tag = "moderation", security(("session" = ["staff"], "csrf" = [])),
    request_body = InternalNote,
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "Noted: the opinion now", body = StaffOpinionView),
        (status = 400, description = "The text is empty or too long", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such opinion", body = ApiError),
    ))]
pub async fn opinion_note(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
    body: Result<Json<InternalNote>, JsonRejection>,
) -> Result<Json<StaffOpinionView>, AppError> {
    let Json(mut note) = body?;
    note.standardize_mongolian();
    validate_text(StepField::Text, &note.text).map_err(AppError::BadRequest)?;
    let tracking_number = normalize_tracking_number(&tracking_number);
    answer(
        &state,
        &staff,
        &tracking_number,
        &Step::Note { text: &note.text },
    )
    .await
}
