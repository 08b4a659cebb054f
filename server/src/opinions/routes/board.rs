//! The end of the chain: the citizen rates the reply, the public board shows published
//! opinions, statistics for the public and for staff, and the staff's audit log.

use crate::citizens::session::MaybeCitizen;
use crate::opinions::lookups::FailedLookups;
use crate::opinions::store::RateOutcome;
use crate::opinions::store::RatingProof;
use crate::platform::auth::{token_hash, Staff};
use crate::platform::client_ip::ClientIp;
use crate::platform::error::AppError;
use crate::platform::mongolian::TypedText;
use crate::platform::rate_limits::Subject;
use crate::AppState;
use axum::extract::rejection::{JsonRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::HeaderMap;
use axum::response::Response;
use axum::Json;
use deputy_homes_api::opinions::board::StatsField;
use deputy_homes_api::opinions::board::{
    OpinionStats, PublicBoardQuery, PublicOpinionPage, RateOpinion, StatsQuery,
};
use deputy_homes_api::opinions::handling::{page_number, AuditPage, AuditQuery};
use deputy_homes_api::opinions::{normalize_tracking_number, OpinionView};
use deputy_homes_api::ApiError;
use deputy_homes_api::ErrorCode;

/// 评价: the citizen rates the reply, once, proving the opinion is theirs with the receipt's
/// private token or the citizen session of its phone. Without either the answer is the same 404
/// as for no such opinion, counted as a failed look-up of the record and of the address.
#[utoipa::path(post, path = "/api/opinions/{tracking_number}/rating", tag = "opinions",
    request_body = RateOpinion,
    params(("tracking_number" = String, Path, description = "e.g. YJ20261128-0042")),
    responses(
        (status = 200, description = "Rated: the status page now", body = OpinionView),
        (status = 400, description = "The comment is too long or holds control characters", body = ApiError),
        (status = 403, description = "`csrf_rejected`: a citizen session sent without its anti-forgery token (and no private token)", body = ApiError),
        (status = 404, description = "No opinion has this tracking number and the token or the session's phone", body = ApiError),
        (status = 409, description = "Not replied yet, or rated already", body = ApiError),
        (status = 429, description = "Too many failed look-ups of this tracking number, or from this address, this hour (see Retry-After)", body = ApiError),
    ))]
pub async fn opinions_rate(
    State(state): State<AppState>,
    ip: ClientIp,
    citizen: Result<MaybeCitizen, AppError>,
    Path(tracking_number): Path<String>,
    body: Result<Json<RateOpinion>, JsonRejection>,
) -> Result<Json<OpinionView>, AppError> {
    let Json(mut rate) = body?;
    rate.standardize_mongolian();
    rate.validate().map_err(AppError::BadRequest)?;
    let no_match = || AppError::NotFound("an opinion with this tracking number and proof".into());
    let record = Subject::tracking_number(&tracking_number).ok_or_else(no_match)?;
    let tracking_number = normalize_tracking_number(&tracking_number);
    let proof = match &rate.private_token {
        // The token proves it alone: a session sent along (even without its anti-forgery
        // token) is not needed, so it is not read.
        Some(token) => RatingProof {
            token_hash: Some(token_hash(token.trim())),
            phone: None,
        },
        None => RatingProof {
            token_hash: None,
            phone: citizen?.0.map(|c| c.phone.as_str().to_owned()),
        },
    };
    let now = state.clock.now_ms();
    let failures = FailedLookups::of(Some(&record), &ip, now);
    let outcome = state
        .db
        .opinion_rate(
            &tracking_number,
            &proof,
            (rate.rating, rate.comment.as_deref()),
            &failures.limits,
            now,
        )
        .await?;
    match outcome {
        RateOutcome::Rated(_) => {}
        RateOutcome::NotFound => return Err(no_match()),
        RateOutcome::TooManyFailures(counter) => return Err(failures.refused(&counter)),
        RateOutcome::NotReplied => {
            return Err(AppError::conflict(
                ErrorCode::NoReplyYet,
                "there is no reply to rate yet",
            ))
        }
        RateOutcome::AlreadyRated => {
            return Err(AppError::conflict(
                ErrorCode::AlreadyRated,
                "this reply was rated already; a rating is given once",
            ))
        }
    }
    let (view, _) = state
        .db
        .opinion_by_tracking_number(&tracking_number)
        .await?
        .ok_or_else(|| AppError::NotFound(format!("opinion {tracking_number}")))?;
    Ok(Json(view))
}

/// 公开: the public board, published opinions whose authors allowed it, with their replies;
/// never a name, phone, location, home or photo.
#[utoipa::path(get, path = "/api/public/opinions", tag = "opinions", params(PublicBoardQuery),
    responses(
        (status = 200, description = "A page of published opinions, newest first", body = PublicOpinionPage),
        (status = 400, description = "A filter is invalid", body = ApiError),
    ))]
pub async fn public_opinions_list(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<PublicBoardQuery>, QueryRejection>,
) -> Result<Response, AppError> {
    let Query(query) = query?;
    let page = page_number(query.page).map_err(AppError::BadRequest)?;
    // The same for everyone: kept encoded per page and revision of the opinions and register.
    let revision = board_revision(&state).await?;
    let category = query.category.map_or("", |c| c.code());
    let key = format!("/api/public/opinions?category={category}&page={page}");
    let answer = state
        .shared_answers
        .answer_read(&headers, &key, &revision, || async {
            let board = state.db.public_opinions(query.category, page).await?;
            Ok(serde_json::to_vec(&board)?)
        })
        .await?;
    Ok(answer)
}

/// The revision the board is made from: of the opinions, and of the register.
pub(crate) async fn board_revision(state: &AppState) -> anyhow::Result<String> {
    Ok(format!(
        "{}:{}",
        state.stats.revision(&state.db).await?,
        state.register.current(&state.db).await?.revision
    ))
}

async fn stats(
    state: &AppState,
    query: Result<Query<StatsQuery>, QueryRejection>,
    per_home: bool,
) -> Result<Json<OpinionStats>, AppError> {
    let Query(query) = query?;
    if let Some(year) = query.year.filter(|y| !(2000..=2100).contains(y)) {
        return Err(AppError::BadRequest(ApiError::bad_parameter(
            StatsField::Year,
            format!("year must be from 2000 to 2100, not {year}"),
        )));
    }
    let register = state.register.current(&state.db).await?;
    let stats = state
        .stats
        .stats(
            &state.db,
            &register.revision,
            query.year,
            per_home,
            state.clock.now_ms(),
        )
        .await?;
    Ok(Json(stats))
}

/// Figures over every opinion, or those of one year: counts by status, category, district;
/// reply times, punctuality, satisfaction, and each handling unit's scorecard. No personal data.
#[utoipa::path(get, path = "/api/public/stats", tag = "opinions", params(StatsQuery),
    responses(
        (status = 200, description = "The figures", body = OpinionStats),
        (status = 400, description = "The year is not a number from 2000 to 2100", body = ApiError),
    ))]
pub async fn public_stats(
    State(state): State<AppState>,
    query: Result<Query<StatsQuery>, QueryRejection>,
) -> Result<Json<OpinionStats>, AppError> {
    stats(&state, query, false).await
}

/// The same figures for staff, with the counts per home, never cached (`no-store`), so they see
/// each action at once.
#[utoipa::path(get, path = "/api/staff/stats", tag = "moderation", security(("session" = ["staff"])), params(StatsQuery),
    responses(
        (status = 200, description = "The figures", body = OpinionStats),
        (status = 400, description = "The year is not a number from 2000 to 2100", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn staff_stats(
    State(state): State<AppState>,
    _staff: Staff,
    query: Result<Query<StatsQuery>, QueryRejection>,
) -> Result<Json<OpinionStats>, AppError> {
    stats(&state, query, true).await
}

/// The audit log, newest first: every staff action on opinions, units and holidays, and every
/// reveal of a phone. Nothing changes or deletes an entry.
#[utoipa::path(get, path = "/api/staff/audit", tag = "moderation", security(("session" = ["staff"])), params(AuditQuery),
    responses(
        (status = 200, description = "A page of entries", body = AuditPage),
        (status = 400, description = "A filter is invalid", body = ApiError),
        (status = 401, description = "Not signed in", body = ApiError),
        (status = 403, description = "Not staff", body = ApiError),
    ))]
pub async fn audit_list(
    State(state): State<AppState>,
    _staff: Staff,
    query: Result<Query<AuditQuery>, QueryRejection>,
) -> Result<Json<AuditPage>, AppError> {
    let Query(query) = query?;
    let page = page_number(query.page).map_err(AppError::BadRequest)?;
    // Counting a city's years of entries is a scan: the count is kept until an entry is written
    // (the newest sequence number moves) or an import removes the sample's entries.
    let revision = format!(
        "{}:{}",
        state.db.audit_last_seq().await?,
        state.register.current(&state.db).await?.revision
    );
    let trimmed = |f: &Option<String>| f.as_deref().map(str::trim).unwrap_or_default().to_owned();
    let key = format!("audit|{}|{}", trimmed(&query.target), trimmed(&query.actor));
    let total = state
        .kept_counts
        .count(&key, &revision, || state.db.audit_count(&query))
        .await?;
    Ok(Json(state.db.audit_list(&query, page, total).await?))
}
