//! The staff's queue and view of opinions, walk-in entry, revealing a phone, bulk actions, and
//! a delegate's list of the opinions raised at their homes.

use crate::opinions::near_duplicates::mark_near_duplicates;
use crate::opinions::routes::steps::{assign_step, run_step, staff_view};
use crate::opinions::routes::submit::{check_home, idempotency_key, store, Submission};
use crate::opinions::step::Step;
use crate::opinions::store::QueueFilter;
use crate::opinions::store::RevealOutcome;
use crate::platform::auth::{random_token, SignedIn, Staff};
use crate::platform::error::AppError;
use crate::platform::mongolian::TypedText;
use crate::platform::rate_limits::{hour_window, HourlyCounter, Subject};
use crate::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::Json;
use deputy_homes_api::accounts::Role;
use deputy_homes_api::opinions::handling::{
    page_number, BulkAction, BulkItemResult, BulkKind, BulkResults, OpinionPage, RevealedPhone,
    StaffOpinionQuery, StaffOpinionView, PAGE_SIZE,
};
use deputy_homes_api::opinions::{normalize_tracking_number, NewOpinion, OpinionReceipt};
use deputy_homes_api::{ApiError, ErrorCode};

/// A page of the queue; for a delegate (`at_home`), without the citizens' phones (not even
/// masked: the opinion may be about that delegate) and with each opinion's near duplicate among
/// its own home's opinions only, as they may not see the others.
async fn page_of(
    state: &AppState,
    filter: &QueueFilter,
    page: Option<u32>,
    at_home: bool,
) -> Result<Json<OpinionPage>, AppError> {
    let page = page_number(page).map_err(AppError::BadRequest)?;
    let now_ms = state.clock.now_ms();
    let total = if filter.is_everything() {
        // Counting every opinion is a scan: kept until the opinions' data revision moves.
        let revision = state.stats.revision(&state.db).await?.to_string();
        state
            .kept_counts
            .count("queue|everything", &revision, || {
                state.db.opinion_queue_count(filter, now_ms)
            })
            .await?
    } else {
        state.db.opinion_queue_count(filter, now_ms).await?
    };
    let mut items = state.db.opinion_queue(filter, page, now_ms).await?;
    if at_home {
        for item in &mut items {
            item.phone_masked = None;
        }
    }
    mark_near_duplicates(&state.db, &mut items, at_home).await?;
    Ok(Json(OpinionPage {
        items,
        total,
        page,
        page_size: PAGE_SIZE,
    }))
}

/// The staff's queue: every opinion, newest first, 20 a page, filtered.
#[utoipa::path(get, path = "/api/staff/opinions", tag = "moderation", security(("session" = ["staff"])), params(StaffOpinionQuery),
    responses(
        (status = 200, description = "A page of summaries (phones masked)", body = OpinionPage),
        (status = 400, description = "A filter is invalid", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn staff_opinions_list(
    State(state): State<AppState>,
    _staff: Staff,
    query: Result<Query<StaffOpinionQuery>, QueryRejection>,
) -> Result<Json<OpinionPage>, AppError> {
    let Query(query) = query?;
    let page = query.page;
    let filter = QueueFilter {
        query,
        delegate: None,
    };
    page_of(&state, &filter, page, false).await
}

/// The opinions raised at the homes the signed-in delegate belongs to, with the staff queue's
/// filters; no citizen's phone, not even masked.
#[utoipa::path(get, path = "/api/delegate/opinions", tag = "moderation", security(("session" = ["delegate"])), params(StaffOpinionQuery),
    responses(
        (status = 200, description = "A page of summaries, without `phone_masked`", body = OpinionPage),
        (status = 400, description = "A filter is invalid", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not a delegate", body = ApiError),
    ))]
pub async fn delegate_opinions_list(
    State(state): State<AppState>,
    signed_in: SignedIn,
    query: Result<Query<StaffOpinionQuery>, QueryRejection>,
) -> Result<Json<OpinionPage>, AppError> {
    if signed_in.account.role != Role::Delegate {
        return Err(AppError::Forbidden(
            "only delegates have a list of their homes' opinions".into(),
        ));
    }
    let Query(query) = query?;
    let page = query.page;
    let filter = QueueFilter {
        query,
        delegate: Some(signed_in.account.id),
    };
    page_of(&state, &filter, page, true).await
}

/// One opinion in full for staff: the timeline with internal notes and who did each step.
#[utoipa::path(get, path = "/api/staff/opinions/{tracking_number}", tag = "moderation", security(("session" = ["staff"])),
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "The opinion (phone masked)", body = StaffOpinionView),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
        (status = 404, description = "No such opinion", body = ApiError),
    ))]
pub async fn staff_opinions_get(
    State(state): State<AppState>,
    _staff: Staff,
    Path(tracking_number): Path<String>,
) -> Result<Json<StaffOpinionView>, AppError> {
    let tracking_number = normalize_tracking_number(&tracking_number);
    Ok(Json(staff_view(&state, &tracking_number).await?))
}

/// Staff enter the opinion of a citizen who came in person (the same rules as online; consent
/// is given in person, and the opinion is recorded as `walk_in`). No hourly limits apply; an
/// `Idempotency-Key` makes a retry safe, and one is made up when absent.
#[utoipa::path(post, path = "/api/staff/opinions", tag = "moderation", security(("session" = ["staff"], "csrf" = [])), request_body = NewOpinion,
    params(("Idempotency-Key" = Option<String>, Header, min_length = 1, max_length = 100, pattern = "\\S",
        description = "Optional; a retry sends the same one")),
    responses(
        (status = 201, description = "Received; give the citizen the receipt", body = OpinionReceipt),
        (status = 200, description = "Received before under this key", body = OpinionReceipt),
        (status = 400, description = "A field is invalid", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 409, description = "The key was used for another opinion", body = ApiError),
    ))]
pub async fn staff_opinions_create(
    State(state): State<AppState>,
    Staff(staff): Staff,
    headers: HeaderMap,
    body: Result<Json<NewOpinion>, JsonRejection>,
) -> Result<(StatusCode, Json<OpinionReceipt>), AppError> {
    let key = match headers.get(crate::platform::idempotency::IDEMPOTENCY_KEY) {
        Some(_) => idempotency_key(&headers)?,
        None => format!("walk-in:{}", random_token()),
    };
    // The citizen's words, entered by staff: standardized as the citizen's own are.
    let Json(mut opinion) = body?;
    opinion.standardize_mongolian();
    let phone = opinion.validate().map_err(AppError::BadRequest)?;
    check_home(&state, &opinion).await?;
    let submission = Submission {
        key: &key,
        opinion: &opinion,
        phone: phone.as_ref().map(|p| p.as_str()),
        limits: &[],
        entered_by: Some(&staff.account.id),
        now_ms: state.clock.now_ms(),
    };
    store(&state, &submission, 0).await
}

/// The contact's phone in full, for calling the citizen; every reveal is written to the audit
/// log (who, when, which opinion), and each staff account may reveal at most
/// `DH_REVEAL_LIMIT_PER_HOUR` phones per clock hour, so no account can copy out the citizens'
/// phones in bulk.
#[utoipa::path(post, path = "/api/staff/opinions/{tracking_number}/reveal-phone", tag = "moderation", security(("session" = ["staff"], "csrf" = [])),
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "The phone (the reveal is audited)", body = RevealedPhone),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such opinion, or it has no phone (anonymous, or erased after the retention period)", body = ApiError),
        (status = 429, description = "This account revealed as many phones as allowed this hour (see Retry-After)", body = ApiError),
    ))]
pub async fn staff_opinions_reveal_phone(
    State(state): State<AppState>,
    Staff(staff): Staff,
    Path(tracking_number): Path<String>,
) -> Result<Json<RevealedPhone>, AppError> {
    let tracking_number = normalize_tracking_number(&tracking_number);
    let now = state.clock.now_ms();
    let (hour, retry_after_secs) = hour_window(now);
    let counter = HourlyCounter::PhoneReveals.name(&Subject::account(&staff.account.id), hour);
    let limit = (counter.as_str(), state.reveal_limit_per_hour);
    match state
        .db
        .opinion_reveal_phone(&tracking_number, &staff.account.id, limit, now)
        .await?
    {
        RevealOutcome::Revealed(phone) => Ok(Json(RevealedPhone { phone })),
        RevealOutcome::NoPhone => Err(AppError::NotFound(format!(
            "a phone for the opinion {tracking_number} (it is anonymous, or its contact was erased)"
        ))),
        RevealOutcome::NotFound => Err(AppError::NotFound(format!("opinion {tracking_number}"))),
        RevealOutcome::LimitReached => Err(AppError::Limited {
            message: format!(
                "you revealed {} phones this hour, the most allowed; try again in {retry_after_secs} s",
                state.reveal_limit_per_hour
            ),
            retry_after_secs,
        }),
    }
}

/// A refusal of one item as the error a single action would answer; a server failure stays a
/// failure of the whole request.
fn item_error(error: AppError) -> Result<ApiError, AppError> {
    match error {
        AppError::BadRequest(e) | AppError::Conflict(e) => Ok(e),
        AppError::NotFound(what) => Ok(ApiError::new(
            ErrorCode::NotFound,
            format!("{what} not found"),
        )),
        other => Err(other),
    }
}

/// Accepts, assigns or closes several opinions; each is done (or refused) on its own, in the
/// order sent, and audited like the single action.
#[utoipa::path(post, path = "/api/staff/opinions/bulk", tag = "moderation", security(("session" = ["staff"], "csrf" = [])), request_body = BulkAction,
    responses(
        (status = 200, description = "One result per tracking number", body = BulkResults),
        (status = 400, description = "No or too many tracking numbers, a note too long, or units missing for assign", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff, or no anti-forgery token", body = ApiError),
    ))]
pub async fn staff_opinions_bulk(
    State(state): State<AppState>,
    Staff(staff): Staff,
    body: Result<Json<BulkAction>, JsonRejection>,
) -> Result<Json<BulkResults>, AppError> {
    let Json(mut bulk) = body?;
    bulk.standardize_mongolian();
    let note = bulk.validate().map_err(AppError::BadRequest)?;
    let mut results = Vec::with_capacity(bulk.trackings.len());
    for sent in &bulk.trackings {
        let tracking_number = normalize_tracking_number(sent);
        let outcome = match bulk.action {
            BulkKind::Accept => {
                run_step(&state, &staff, &tracking_number, &Step::Accept { note }).await
            }
            BulkKind::Close => {
                run_step(&state, &staff, &tracking_number, &Step::Close { note }).await
            }
            BulkKind::Assign => {
                assign_step(&state, &staff, &tracking_number, &bulk.unit_ids, note).await
            }
        };
        results.push(match outcome {
            Ok(status) => BulkItemResult {
                tracking_number: sent.clone(),
                ok: true,
                status: Some(status),
                error: None,
            },
            Err(error) => {
                let error = item_error(error)?;
                let status = state
                    .db
                    .staff_opinion(&tracking_number, state.clock.now_ms())
                    .await?
                    .map(|v| v.summary.status);
                BulkItemResult {
                    tracking_number: sent.clone(),
                    ok: false,
                    status,
                    error: Some(error),
                }
            }
        });
    }
    Ok(Json(BulkResults { results }))
}
