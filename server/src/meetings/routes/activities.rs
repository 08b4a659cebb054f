//! Delegates publish, edit and cancel activities at their homes; anyone lists upcoming ones.

use crate::meetings::messages::Texts;
use crate::meetings::store::ActivityChange;
use crate::meetings::store::EditOutcome;
use crate::meetings::store::NewSeries;
use crate::platform::auth::{random_id, SignedIn};
use crate::platform::error::AppError;
use crate::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use axum::Json;
use deputy_homes_api::accounts::{Account, Role};
use deputy_homes_api::meetings::activity::ActivityField;
use deputy_homes_api::meetings::activity::{Activity, CancelActivity, EditActivity, NewActivities};
use deputy_homes_api::meetings::activity_query::{
    ActivitiesQuery, ActivityFilter, MAX_ACTIVITIES_LISTED,
};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

/// Whether the account may manage the home's schedule: staff, or a delegate of that home.
pub(crate) fn may_manage(account: &Account, home_id: &str) -> bool {
    account.role == Role::Staff || account.home_ids.iter().any(|h| h == home_id)
}

async fn require_home(state: &AppState, home_id: &str) -> Result<(), AppError> {
    let register = state.register.current(&state.db).await?;
    match register.homes.get(home_id) {
        Some(_) => Ok(()),
        None => Err(AppError::NotFound(format!("home {home_id}"))),
    }
}

/// The delegates on duty: as given (each must be a delegate of the home), or the publisher.
async fn on_duty(
    state: &AppState,
    publisher: &Account,
    home_id: &str,
    given: &[String],
) -> Result<Vec<String>, AppError> {
    let bad = |m: String| AppError::BadRequest(ApiError::bad_parameter(ActivityField::OnDuty, m));
    if given.is_empty() {
        return match publisher.role {
            Role::Delegate => Ok(vec![publisher.id.clone()]),
            Role::Staff => Err(bad("name at least one delegate on duty".into())),
        };
    }
    let mut ids = given.to_vec();
    ids.sort();
    ids.dedup();
    for id in &ids {
        let account = state.db.account_by_id(id).await?;
        if !account
            .is_some_and(|a| a.role == Role::Delegate && a.home_ids.iter().any(|h| h == home_id))
        {
            return Err(bad(format!("{id} is not a delegate of this home")));
        }
    }
    Ok(ids)
}

/// Publishes an activity, or a weekly series of them, at a home.
#[utoipa::path(post, path = "/api/homes/{id}/activities", tag = "activities", security(("session" = ["staff"], "csrf" = []), ("session" = ["home_delegate"], "csrf" = [])), request_body = NewActivities,
    params(("id" = String, Path, description = "The home")),
    responses(
        (status = 201, description = "The activities created", body = Vec<Activity>),
        (status = 400, description = "A field is invalid; `field` names it", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff nor a delegate of this home, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such home", body = ApiError),
    ))]
pub async fn activities_create(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(home_id): Path<String>,
    body: Result<Json<NewActivities>, JsonRejection>,
) -> Result<(StatusCode, Json<Vec<Activity>>), AppError> {
    require_home(&state, &home_id).await?;
    if !may_manage(&signed_in.account, &home_id) {
        return Err(AppError::Forbidden(
            "only staff and this home's delegates publish its activities".into(),
        ));
    }
    let Json(body) = body?;
    let now = state.clock.now_ms();
    let occurrences = body.occurrences(now).map_err(AppError::BadRequest)?;
    let (start, end) = body.clock_range().ok_or_else(|| {
        AppError::BadRequest(ApiError::bad_parameter(ActivityField::Start, "bad time"))
    })?;
    let duty = on_duty(&state, &signed_in.account, &home_id, &body.on_duty).await?;
    let series = NewSeries {
        home_id: &home_id,
        kind: body.kind,
        start_clock: &start,
        end_clock: &end,
        capacity: body.capacity,
        topic: body.topic.trim(),
        on_duty: &duty,
        created_by: &signed_in.account.id,
        now_ms: now,
    };
    let ids = state
        .db
        .activities_insert(&series, &occurrences, random_id)
        .await?;
    let mut created = Vec::with_capacity(ids.len());
    for id in ids {
        created.extend(state.db.activity_by_id(&id).await?);
    }
    Ok((StatusCode::CREATED, Json(created)))
}

/// A home's activities that have not ended yet, soonest first (cancelled ones carry their reason).
#[utoipa::path(get, path = "/api/homes/{id}/activities", tag = "activities",
    params(("id" = String, Path, description = "The home")),
    responses(
        (status = 200, description = "Upcoming activities", body = Vec<Activity>),
        (status = 404, description = "No such home", body = ApiError),
    ))]
pub async fn activities_for_home(
    State(state): State<AppState>,
    Path(home_id): Path<String>,
    headers: HeaderMap,
) -> Result<Response, AppError> {
    require_home(&state, &home_id).await?;
    let filter = ActivityFilter {
        home: Some(home_id),
        ..ActivityFilter::default()
    };
    upcoming(&state, &headers, &filter, None).await
}

/// Upcoming (not yet ended) activities of every home, soonest first, cancelled ones included
/// with their reason; at most 200.
#[utoipa::path(get, path = "/api/activities", tag = "activities", params(ActivitiesQuery),
    responses(
        (status = 200, description = "Upcoming activities", body = Vec<Activity>),
        (status = 400, description = "A parameter is invalid; `field` names it", body = ApiError),
    ))]
pub async fn activities_list(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<ActivitiesQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(query) = query?;
    let filter = query.validate().map_err(AppError::BadRequest)?;
    upcoming(&state, &headers, &filter, Some(MAX_ACTIVITIES_LISTED)).await
}

/// The upcoming activities passing `filter`, the same for everyone: kept encoded per filter
/// and revision of the activities and the register (home names), until the first listed one
/// ends and the list moves on.
async fn upcoming(
    state: &AppState,
    headers: &HeaderMap,
    filter: &ActivityFilter,
    limit: Option<usize>,
) -> Result<Response, AppError> {
    let revision = upcoming_revision(state).await?;
    let key = format!("activities:{filter:?}:{limit:?}");
    let now = state.clock.now_ms();
    let answer = state
        .shared_answers
        .answer_read_until(headers, &key, &revision, now, || async {
            let (list, first_end) = state
                .db
                .activities_upcoming_until(filter, now, limit)
                .await?;
            Ok((serde_json::to_vec(&list)?, first_end))
        })
        .await?;
    Ok(answer)
}

/// The revision the upcoming activities are listed from: of the activities (and their
/// bookings), and of the register (home names).
pub(crate) async fn upcoming_revision(state: &AppState) -> anyhow::Result<String> {
    let register = state.register.current(&state.db).await?;
    upcoming_revision_of(state, &register.revision).await
}

/// [`upcoming_revision`] with the register's revision already read.
pub(crate) async fn upcoming_revision_of(
    state: &AppState,
    register_revision: &str,
) -> anyhow::Result<String> {
    let activities = state
        .activities_revision
        .get(|| {
            let db = state.db.clone();
            async move { db.data_revision("activities").await }
        })
        .await?;
    Ok(format!("{activities}:{register_revision}"))
}

async fn activity_or_404(state: &AppState, id: &str) -> Result<Activity, AppError> {
    state
        .db
        .activity_by_id(id)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("activity {id}")))
}

/// One activity.
#[utoipa::path(get, path = "/api/activities/{id}", tag = "activities",
    params(("id" = String, Path, description = "The activity")),
    responses(
        (status = 200, description = "The activity", body = Activity),
        (status = 404, description = "No such activity", body = ApiError),
    ))]
pub async fn activities_get(
    State(state): State<AppState>,
    Path(id): Path<String>,
) -> Result<Json<Activity>, AppError> {
    Ok(Json(activity_or_404(&state, &id).await?))
}

/// Changes an activity's date, time, capacity, topic or delegates on duty. Everyone booked or
/// waiting is told of a new time; a larger capacity goes to the waitlist in order.
#[utoipa::path(put, path = "/api/activities/{id}", tag = "activities", security(("session" = ["staff"], "csrf" = []), ("session" = ["home_delegate"], "csrf" = [])), request_body = EditActivity,
    params(("id" = String, Path, description = "The activity")),
    responses(
        (status = 200, description = "The activity as changed", body = Activity),
        (status = 400, description = "A field is invalid (`field` names it), or the activity has started", body = ApiError),
        (status = 409, description = "`limit_reached` on `capacity`: below the seats booked", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff nor a delegate of its home, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
        (status = 409, description = "The activity was cancelled", body = ApiError),
    ))]
pub async fn activities_edit(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    body: Result<Json<EditActivity>, JsonRejection>,
) -> Result<Json<Activity>, AppError> {
    let activity = activity_or_404(&state, &id).await?;
    if !may_manage(&signed_in.account, &activity.home_id) {
        return Err(AppError::Forbidden(
            "only staff and this home's delegates edit its activities".into(),
        ));
    }
    let Json(body) = body?;
    let cancelled = || {
        AppError::conflict(
            ErrorCode::ActivityCancelled,
            "a cancelled activity cannot be edited",
        )
    };
    if activity.cancel_reason.is_some() {
        return Err(cancelled());
    }
    let now = state.clock.now_ms();
    let started = || {
        AppError::refused(
            ErrorCode::ActivityStarted,
            ActivityField::Id,
            "the activity has already started",
        )
    };
    if activity.starts_at_ms <= now {
        return Err(started());
    }
    let new = body.as_new(activity.kind);
    let occurrence = new
        .occurrences(now)
        .map_err(AppError::BadRequest)?
        .remove(0);
    let (start, end) = new.clock_range().ok_or_else(|| {
        AppError::BadRequest(ApiError::bad_parameter(ActivityField::Start, "bad time"))
    })?;
    let duty = match body.on_duty.is_empty() {
        true => None,
        false => Some(on_duty(&state, &signed_in.account, &activity.home_id, &body.on_duty).await?),
    };
    let change = ActivityChange {
        date: &occurrence.date,
        start_clock: &start,
        end_clock: &end,
        starts_at_ms: occurrence.starts_at_ms,
        ends_at_ms: occurrence.ends_at_ms,
        capacity: body.capacity,
        topic: body.topic.trim(),
        on_duty: duty.as_deref(),
        now_ms: now,
    };
    match state.db.activity_edit(&id, &change, &Texts).await? {
        EditOutcome::Edited => Ok(Json(activity_or_404(&state, &id).await?)),
        EditOutcome::Cancelled => Err(cancelled()),
        EditOutcome::Started => Err(started()),
        EditOutcome::BelowBooked(booked) => Err(AppError::limit_reached(
            ActivityField::Capacity,
            format!("{booked} seats are booked already; the capacity cannot be less"),
        )),
    }
}

/// Cancels an activity with a reason, and with it every booking, each citizen told why.
#[utoipa::path(post, path = "/api/activities/{id}/cancel", tag = "activities", security(("session" = ["staff"], "csrf" = []), ("session" = ["home_delegate"], "csrf" = [])), request_body = CancelActivity,
    params(("id" = String, Path, description = "The activity")),
    responses(
        (status = 200, description = "The cancelled activity", body = Activity),
        (status = 400, description = "No reason, or the activity is over", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff nor a delegate of its home, or no anti-forgery token", body = ApiError),
        (status = 404, description = "No such activity", body = ApiError),
        (status = 409, description = "Cancelled already", body = ApiError),
    ))]
pub async fn activities_cancel(
    State(state): State<AppState>,
    signed_in: SignedIn,
    Path(id): Path<String>,
    body: Result<Json<CancelActivity>, JsonRejection>,
) -> Result<Json<Activity>, AppError> {
    let activity = activity_or_404(&state, &id).await?;
    if !may_manage(&signed_in.account, &activity.home_id) {
        return Err(AppError::Forbidden(
            "only staff and this home's delegates cancel its activities".into(),
        ));
    }
    let Json(body) = body?;
    let reason = body.validate().map_err(AppError::BadRequest)?;
    let now = state.clock.now_ms();
    if activity.starts_at_ms <= now {
        return Err(AppError::refused(
            ErrorCode::ActivityStarted,
            ActivityField::Id,
            "the activity has already started",
        ));
    }
    if !state.db.activity_cancel(&id, reason, now, &Texts).await? {
        return Err(AppError::conflict(
            ErrorCode::ActivityCancelled,
            "the activity is cancelled already",
        ));
    }
    Ok(Json(activity_or_404(&state, &id).await?))
}
