//! The meetings' HTTP calls: activities (listing, publishing, editing, cancelling), bookings
//! (booking, moving, cancelling, with the verified phone's session), and the reception at the home.

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::homes::maplinks::encode_component;
use deputy_homes_api::meetings::activity::{Activity, CancelActivity, EditActivity, NewActivities};
use deputy_homes_api::meetings::activity_query::ActivitiesQuery;
use deputy_homes_api::meetings::booking::{Booking, MoveBooking, NewBooking};
use deputy_homes_api::meetings::reception::{
    CheckIn, ReceptionRecord, RecordInput, Roster, RosterEntry, YearSummary,
};

/// The API path of one home's activities, with its id encoded.
fn home_activities_path(id: &str) -> String {
    format!("/api/homes/{}/activities", encode_component(id))
}

/// `GET /api/homes/{id}/activities`: the home's activities that have not ended.
/// The page of `/homes/{id}` the server drew carries it.
pub async fn home_activities(id: String) -> Result<Vec<Activity>, ClientError> {
    ApiRequest::get(home_activities_path(&id))
        .send_unless_carried()
        .await
}

/// `POST /api/homes/{id}/activities`: publishes an activity or a weekly series.
pub async fn activities_create(
    home_id: String,
    body: NewActivities,
    csrf_token: String,
) -> Result<Vec<Activity>, ClientError> {
    ApiRequest::post(home_activities_path(&home_id))
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

fn activity_path(id: &str) -> String {
    format!("/api/activities/{}", encode_component(id))
}

fn booking_path(code: &str) -> String {
    format!("/api/bookings/{}", encode_component(code))
}

/// `GET /api/activities/{id}`.
pub async fn activity_get(id: String) -> Result<Activity, ClientError> {
    ApiRequest::get(activity_path(&id)).send().await
}

/// `POST /api/activities/{id}/bookings`: books a seat or a place on the waitlist, for the
/// verified phone of this browser.
pub async fn booking_create(
    activity_id: String,
    body: NewBooking,
    idempotency_key: String,
    csrf_token: String,
) -> Result<Booking, ClientError> {
    ApiRequest::post(format!("{}/bookings", activity_path(&activity_id)))
        .header("Idempotency-Key", idempotency_key)
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `POST /api/activities/{id}/walk-in-bookings`: staff book for a citizen who came in person.
pub async fn walk_in_booking_create(
    activity_id: String,
    body: NewBooking,
    idempotency_key: String,
    csrf_token: String,
) -> Result<Booking, ClientError> {
    ApiRequest::post(format!("{}/walk-in-bookings", activity_path(&activity_id)))
        .header("Idempotency-Key", idempotency_key)
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `POST /api/bookings/{code}/cancel`: cancels a booking of the verified phone.
pub async fn booking_cancel(code: String, csrf_token: String) -> Result<Booking, ClientError> {
    ApiRequest::post(format!("{}/cancel", booking_path(&code)))
        .csrf(csrf_token)
        .send()
        .await
}

/// Where the QR code image of a booking code is drawn.
pub fn booking_qr_src(code: &str) -> String {
    format!("{}/qr.svg", booking_path(code))
}

/// Where an activity's calendar file is, with the booking code in its description.
pub fn calendar_href(activity_id: &str, code: &str) -> String {
    format!(
        "{}/calendar.ics?code={}",
        activity_path(activity_id),
        encode_component(code)
    )
}

/// `GET /api/activities/{id}/bookings`: the roster, for the home's delegates and staff.
pub async fn roster_get(activity_id: String) -> Result<Roster, ClientError> {
    ApiRequest::get(format!("{}/bookings", activity_path(&activity_id)))
        .send()
        .await
}

/// `POST /api/activities/{id}/check-in`.
pub async fn check_in(
    activity_id: String,
    code: String,
    csrf_token: String,
) -> Result<RosterEntry, ClientError> {
    ApiRequest::post(format!("{}/check-in", activity_path(&activity_id)))
        .csrf(csrf_token)
        .send_json(&CheckIn { code })
        .await
}

/// `GET /api/activities/{id}/record`; `None` when none was written yet.
pub async fn record_get(activity_id: String) -> Result<Option<ReceptionRecord>, ClientError> {
    let path = format!("{}/record", activity_path(&activity_id));
    match ApiRequest::get(path).send().await {
        Ok(record) => Ok(Some(record)),
        Err(e) if e.is_not_found() => Ok(None),
        Err(e) => Err(e),
    }
}

/// `PUT /api/activities/{id}/record`.
pub async fn record_put(
    activity_id: String,
    body: RecordInput,
    csrf_token: String,
) -> Result<ReceptionRecord, ClientError> {
    ApiRequest::put(format!("{}/record", activity_path(&activity_id)))
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `GET /api/delegates/{id}/summary`: this year's figures.
pub async fn year_summary(account_id: String) -> Result<YearSummary, ClientError> {
    let path = format!("/api/delegates/{}/summary", encode_component(&account_id));
    ApiRequest::get(path).send().await
}

/// `POST /api/bookings/{code}/move`: the same code, now at another activity.
pub async fn booking_move(
    code: String,
    activity_id: String,
    csrf_token: String,
) -> Result<Booking, ClientError> {
    ApiRequest::post(format!("{}/move", booking_path(&code)))
        .csrf(csrf_token)
        .send_json(&MoveBooking { activity_id })
        .await
}

/// `GET /api/activities`: upcoming activities of every home, filtered (empty strings: no filter).
pub async fn activities_list(
    district: String,
    kind: String,
    date: String,
) -> Result<Vec<Activity>, ClientError> {
    let query = ActivitiesQuery {
        district: Some(district),
        kind: Some(kind),
        date: Some(date),
        home: None,
    };
    ApiRequest::get("/api/activities")
        .queries(query.pairs())
        .send_unless_carried()
        .await
}

/// `PUT /api/activities/{id}`: new time, size or topic.
pub async fn activity_edit(
    id: String,
    body: EditActivity,
    csrf_token: String,
) -> Result<Activity, ClientError> {
    ApiRequest::put(activity_path(&id))
        .csrf(csrf_token)
        .send_json(&body)
        .await
}

/// `POST /api/activities/{id}/cancel`: cancels with a reason told to everyone booked.
pub async fn activity_cancel(
    id: String,
    reason: String,
    csrf_token: String,
) -> Result<Activity, ClientError> {
    ApiRequest::post(format!("{}/cancel", activity_path(&id)))
        .csrf(csrf_token)
        .send_json(&CancelActivity { reason })
        .await
}
