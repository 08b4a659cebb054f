//! The HTTP calls of the opinions' handling chain: the staff's queue, view, actions and audit
//! log, the citizen's rating, the public board and the statistics.

use super::{get_json, read_json, send_json, ClientError, CSRF_HEADER};
use deputy_homes_api::homes::maplinks::encode_component;
use deputy_homes_api::opinions::board::{
    OpinionStats, PublicBoardQuery, PublicOpinionPage, RateOpinion,
};
use deputy_homes_api::opinions::handling::{
    AuditPage, AuditQuery, BulkAction, BulkResults, OpinionPage, RevealedPhone, StaffOpinionQuery,
    StaffOpinionView,
};
use deputy_homes_api::opinions::units::{
    HandlingUnit, HolidayCalendar, HolidayCalendarView, NewUnit, UnitChange,
};
use deputy_homes_api::opinions::OpinionView;
use gloo_net::http::Request;
use serde::Serialize;

/// `GET` of a path with the given query parameters (absent ones left out), read as JSON.
async fn get_with_query<T: serde::de::DeserializeOwned>(
    path: &str,
    params: Vec<(&'static str, Option<String>)>,
) -> Result<T, ClientError> {
    let present: Vec<(&str, String)> = params
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    let response = Request::get(path)
        .query(present.iter().map(|(k, v)| (*k, v.as_str())))
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}

fn staff_opinion_path(tracking_number: &str) -> String {
    format!("/api/staff/opinions/{}", encode_component(tracking_number))
}

/// `GET /api/staff/opinions`: one page of the queue, filtered.
pub async fn staff_opinions(query: StaffOpinionQuery) -> Result<OpinionPage, ClientError> {
    let params = vec![
        ("status", query.status.map(|s| s.code().to_owned())),
        ("category", query.category.map(|c| c.code().to_owned())),
        ("district", query.district.map(|d| d.code().to_owned())),
        ("home", query.home),
        ("unit", query.unit),
        ("overdue", query.overdue.map(|o| o.to_string())),
        ("q", query.q),
        ("page", query.page.map(|p| p.to_string())),
    ];
    get_with_query("/api/staff/opinions", params).await
}

/// `GET /api/staff/opinions/{tracking}`: everything staff see of one opinion.
pub async fn staff_opinion(tracking_number: String) -> Result<StaffOpinionView, ClientError> {
    get_json(&staff_opinion_path(&tracking_number)).await
}

/// `POST /api/staff/opinions/{tracking}/{step}` (`accept`, `reject`, `assign`, …): one step of
/// the chain; answers the opinion as it now is.
pub async fn staff_opinion_step<B: Serialize>(
    tracking_number: String,
    step: &'static str,
    body: B,
    csrf_token: String,
) -> Result<StaffOpinionView, ClientError> {
    let path = format!("{}/{step}", staff_opinion_path(&tracking_number));
    send_json(Request::post(&path), &body, Some(&csrf_token)).await
}

/// `POST /api/staff/opinions/{tracking}/reveal-phone`: the contact's phone in full (audited).
pub async fn reveal_phone(
    tracking_number: String,
    csrf_token: String,
) -> Result<RevealedPhone, ClientError> {
    let path = format!("{}/reveal-phone", staff_opinion_path(&tracking_number));
    let response = Request::post(&path)
        .header(CSRF_HEADER, &csrf_token)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// `POST /api/staff/opinions/bulk`: one action on several opinions, each done on its own.
pub async fn staff_opinions_bulk(
    body: BulkAction,
    csrf_token: String,
) -> Result<BulkResults, ClientError> {
    send_json(
        Request::post("/api/staff/opinions/bulk"),
        &body,
        Some(&csrf_token),
    )
    .await
}

/// `GET /api/units`: every handling unit, active or not.
pub async fn units_list() -> Result<Vec<HandlingUnit>, ClientError> {
    get_json("/api/units").await
}

/// `GET /api/staff/audit`: one page of the audit log, newest first.
pub async fn audit_list(query: AuditQuery) -> Result<AuditPage, ClientError> {
    let params = vec![
        ("target", query.target),
        ("actor", query.actor),
        ("page", query.page.map(|p| p.to_string())),
    ];
    get_with_query("/api/staff/audit", params).await
}

/// `GET /api/delegate/opinions`: opinions raised at the signed-in delegate's homes.
pub async fn delegate_opinions(page: u32) -> Result<OpinionPage, ClientError> {
    get_with_query(
        "/api/delegate/opinions",
        vec![("page", Some(page.to_string()))],
    )
    .await
}

/// `POST /api/opinions/{tracking}/rating`: the citizen's one rating of the reply.
pub async fn opinion_rate(
    tracking_number: String,
    body: RateOpinion,
) -> Result<OpinionView, ClientError> {
    let path = format!(
        "/api/opinions/{}/rating",
        encode_component(&tracking_number)
    );
    send_json(Request::post(&path), &body, None).await
}

/// `GET /api/public/opinions`: the public board.
pub async fn public_opinions(query: PublicBoardQuery) -> Result<PublicOpinionPage, ClientError> {
    let params = vec![
        ("category", query.category.map(|c| c.code().to_owned())),
        ("page", query.page.map(|p| p.to_string())),
    ];
    get_with_query("/api/public/opinions", params).await
}

/// `GET /api/public/stats` (anyone) or `GET /api/staff/stats` (staff, with counts per home),
/// for one year or all.
pub async fn opinion_stats(staff: bool, year: Option<i64>) -> Result<OpinionStats, ClientError> {
    let path = if staff {
        "/api/staff/stats"
    } else {
        "/api/public/stats"
    };
    get_with_query(path, vec![("year", year.map(|y| y.to_string()))]).await
}

/// `POST /api/staff/opinions`: staff enter an opinion for a walk-in citizen (consent given in
/// person); the key makes a double tap harmless.
pub async fn walk_in_create(
    body: deputy_homes_api::opinions::NewOpinion,
    idempotency_key: String,
    csrf_token: String,
) -> Result<deputy_homes_api::opinions::OpinionReceipt, ClientError> {
    send_json(
        Request::post("/api/staff/opinions").header("Idempotency-Key", &idempotency_key),
        &body,
        Some(&csrf_token),
    )
    .await
}

/// `GET /api/holidays`: the holiday calendar and the years it lacks.
pub async fn holidays_get() -> Result<HolidayCalendarView, ClientError> {
    get_json("/api/holidays").await
}

/// `PUT /api/holidays`: replaces the calendar; open due dates set by the rule are counted again.
pub async fn holidays_put(
    calendar: HolidayCalendar,
    csrf_token: String,
) -> Result<HolidayCalendarView, ClientError> {
    send_json(Request::put("/api/holidays"), &calendar, Some(&csrf_token)).await
}

/// `POST /api/units`: a new handling unit.
pub async fn unit_create(body: NewUnit, csrf_token: String) -> Result<HandlingUnit, ClientError> {
    send_json(Request::post("/api/units"), &body, Some(&csrf_token)).await
}

/// `PUT /api/units/{id}`: renames a unit or (de)activates it.
pub async fn unit_update(
    id: String,
    change: UnitChange,
    csrf_token: String,
) -> Result<HandlingUnit, ClientError> {
    let path = format!("/api/units/{}", encode_component(&id));
    send_json(Request::put(&path), &change, Some(&csrf_token)).await
}
