//! The opinions' HTTP calls: the citizen's opinion, photos, status page (by private link or by
//! the verified phone) and rating; the staff's
//! queue, view, steps, audit log, units and holiday calendar; the public board and statistics.

use crate::kit::http::{ApiRequest, ClientError};
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
use deputy_homes_api::opinions::{NewOpinion, OpinionReceipt, OpinionView};
use deputy_homes_api::platform::photos::Photo;
use serde::Serialize;

/// `POST /api/opinion-photos`: uploads one photo (the server strips its metadata).
pub async fn opinion_photo_upload(file: web_sys::File) -> Result<Photo, ClientError> {
    ApiRequest::post("/api/opinion-photos")
        .send_photo(file)
        .await
}

/// `POST /api/opinions`: sends an opinion; the same key never creates a second one. One with
/// contact details carries the verified phone's anti-forgery token.
pub async fn opinion_create(
    body: NewOpinion,
    idempotency_key: String,
    csrf_token: String,
) -> Result<OpinionReceipt, ClientError> {
    ApiRequest::post("/api/opinions")
        .header("Idempotency-Key", idempotency_key)
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `GET /api/opinions/{tracking}`: an opinion of the verified phone of this browser.
pub async fn opinion_by_number(tracking_number: String) -> Result<OpinionView, ClientError> {
    let path = format!("/api/opinions/{}", encode_component(&tracking_number));
    ApiRequest::get(path).send().await
}

/// `GET /api/opinions/by-token/{token}`: the private link.
pub async fn opinion_by_token(token: String) -> Result<OpinionView, ClientError> {
    let path = format!("/api/opinions/by-token/{}", encode_component(&token));
    ApiRequest::get(path).send().await
}

fn staff_opinion_path(tracking_number: &str) -> String {
    format!("/api/staff/opinions/{}", encode_component(tracking_number))
}

/// `GET /api/staff/opinions`: one page of the queue, filtered.
pub async fn staff_opinions(query: StaffOpinionQuery) -> Result<OpinionPage, ClientError> {
    ApiRequest::get("/api/staff/opinions")
        .query("status", query.status.map(|s| s.code().to_owned()))
        .query("category", query.category.map(|c| c.code().to_owned()))
        .query("district", query.district.map(|d| d.code().to_owned()))
        .query("home", query.home)
        .query("unit", query.unit)
        .query("overdue", query.overdue.map(|o| o.to_string()))
        .query("q", query.q)
        .query("page", query.page.map(|p| p.to_string()))
        .send()
        .await
}

/// `GET /api/staff/opinions/{tracking}`: everything staff see of one opinion.
pub async fn staff_opinion(tracking_number: String) -> Result<StaffOpinionView, ClientError> {
    ApiRequest::get(staff_opinion_path(&tracking_number))
        .send()
        .await
}

/// `POST /api/staff/opinions/{tracking}/{step}` (`accept`, `reject`, `assign`, …): one step of
/// the chain; answers the opinion as it now is.
pub async fn staff_opinion_step<B: Serialize>(
    tracking_number: String,
    step: &'static str,
    body: B,
    csrf_token: String,
) -> Result<StaffOpinionView, ClientError> {
    ApiRequest::post(format!("{}/{step}", staff_opinion_path(&tracking_number)))
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `POST /api/staff/opinions/{tracking}/reveal-phone`: the contact's phone in full (audited).
pub async fn reveal_phone(
    tracking_number: String,
    csrf_token: String,
) -> Result<RevealedPhone, ClientError> {
    ApiRequest::post(format!(
        "{}/reveal-phone",
        staff_opinion_path(&tracking_number)
    ))
    .csrf(csrf_token)
    .send()
    .await
}

/// `POST /api/staff/opinions/bulk`: one action on several opinions, each done on its own.
pub async fn staff_opinions_bulk(
    body: BulkAction,
    csrf_token: String,
) -> Result<BulkResults, ClientError> {
    ApiRequest::post("/api/staff/opinions/bulk")
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `GET /api/units`: every handling unit, active or not.
pub async fn units_list() -> Result<Vec<HandlingUnit>, ClientError> {
    ApiRequest::get("/api/units").send().await
}

/// `GET /api/staff/audit`: one page of the audit log, newest first.
pub async fn audit_list(query: AuditQuery) -> Result<AuditPage, ClientError> {
    ApiRequest::get("/api/staff/audit")
        .query("target", query.target)
        .query("actor", query.actor)
        .query("page", query.page.map(|p| p.to_string()))
        .send()
        .await
}

/// `GET /api/delegate/opinions`: opinions raised at the signed-in delegate's homes.
pub async fn delegate_opinions(page: u32) -> Result<OpinionPage, ClientError> {
    ApiRequest::get("/api/delegate/opinions")
        .query("page", page.to_string())
        .send()
        .await
}

/// `POST /api/opinions/{tracking}/rating`: the citizen's one rating of the reply.
pub async fn opinion_rate(
    tracking_number: String,
    body: RateOpinion,
    csrf_token: String,
) -> Result<OpinionView, ClientError> {
    let path = format!(
        "/api/opinions/{}/rating",
        encode_component(&tracking_number)
    );
    ApiRequest::post(path)
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `GET /api/public/opinions`: the public board.
pub async fn public_opinions(query: PublicBoardQuery) -> Result<PublicOpinionPage, ClientError> {
    ApiRequest::get("/api/public/opinions")
        .queries(query.pairs())
        .send_unless_carried()
        .await
}

/// `GET /api/public/stats` (anyone) or `GET /api/staff/stats` (staff, with counts per home),
/// for one year or all.
pub async fn opinion_stats(staff: bool, year: Option<i64>) -> Result<OpinionStats, ClientError> {
    let path = if staff {
        "/api/staff/stats"
    } else {
        "/api/public/stats"
    };
    // A citizen's first screen carries the public figures (staff's are never carried).
    ApiRequest::get(path)
        .query("year", year.map(|y| y.to_string()))
        .send_unless_carried()
        .await
}

/// `POST /api/staff/opinions`: staff enter an opinion for a walk-in citizen (consent given in
/// person); the key makes a double tap harmless.
pub async fn walk_in_create(
    body: NewOpinion,
    idempotency_key: String,
    csrf_token: String,
) -> Result<OpinionReceipt, ClientError> {
    ApiRequest::post("/api/staff/opinions")
        .header("Idempotency-Key", idempotency_key)
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `GET /api/holidays`: the holiday calendar and the years it lacks.
pub async fn holidays_get() -> Result<HolidayCalendarView, ClientError> {
    ApiRequest::get("/api/holidays").send().await
}

/// `PUT /api/holidays`: replaces the calendar; open due dates set by the rule are counted again.
pub async fn holidays_put(
    calendar: HolidayCalendar,
    csrf_token: String,
) -> Result<HolidayCalendarView, ClientError> {
    ApiRequest::put("/api/holidays")
        .csrf(csrf_token)
        .send_json(&calendar)
        .await
}

/// `POST /api/units`: a new handling unit.
pub async fn unit_create(body: NewUnit, csrf_token: String) -> Result<HandlingUnit, ClientError> {
    ApiRequest::post("/api/units")
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `PUT /api/units/{id}`: renames a unit or (de)activates it.
pub async fn unit_update(
    id: String,
    change: UnitChange,
    csrf_token: String,
) -> Result<HandlingUnit, ClientError> {
    ApiRequest::put(format!("/api/units/{}", encode_component(&id)))
        .csrf(csrf_token)
        .send_json(&change)
        .await
}
