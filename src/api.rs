//! Every HTTP call the app makes, and the one error type they return.

pub mod moderation;

use deputy_homes_api::accounts::{Account, AccountHomes, NewAccount, Session, SignIn};
use deputy_homes_api::homes::maplinks::encode_component;
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::meetings::activity::{Activity, CancelActivity, EditActivity, NewActivities};
use deputy_homes_api::meetings::booking::{Booking, CancelBooking, MoveBooking, NewBooking};
use deputy_homes_api::meetings::reception::{
    CheckIn, ReceptionRecord, RecordInput, Roster, RosterEntry, YearSummary,
};
use deputy_homes_api::opinions::{NewOpinion, OpinionPhoto, OpinionReceipt, OpinionView};
use deputy_homes_api::platform::outbox::Notification;
use deputy_homes_api::{ApiError, ErrorCode, Home, HomesResponse};
use gloo_net::http::{Request, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use serde::Serialize;

/// Why a request failed, in terms the app can explain to a person.
#[derive(Debug, Clone, PartialEq)]
pub enum ClientError {
    /// The server could not be reached at all.
    Network,
    /// The server answered with an error.
    Api { status: u16, error: ApiError },
    /// The server answered with something that is not what the app expects.
    BadResponse,
}

impl ClientError {
    /// The server's error code, when it answered with one.
    pub fn code(&self) -> Option<ErrorCode> {
        match self {
            ClientError::Api { error, .. } => Some(error.code),
            _ => None,
        }
    }

    /// Whether the thing asked for does not exist.
    pub fn is_not_found(&self) -> bool {
        matches!(self, ClientError::Api { error, .. } if error.code == ErrorCode::NotFound)
    }
}

async fn read_json<T: DeserializeOwned>(response: Response) -> Result<T, ClientError> {
    if response.ok() {
        return response
            .json::<T>()
            .await
            .map_err(|_| ClientError::BadResponse);
    }
    let status = response.status();
    match response.json::<ApiError>().await {
        Ok(error) => Err(ClientError::Api { status, error }),
        Err(_) if status >= 500 => Err(ClientError::Api {
            status,
            error: ApiError {
                code: ErrorCode::Internal,
                message: String::new(),
                field: None,
            },
        }),
        Err(_) => Err(ClientError::BadResponse),
    }
}

/// `GET /api/homes` with the filter's parameters.
pub async fn homes_list(filter: HomeFilter) -> Result<HomesResponse, ClientError> {
    let query = filter.to_query();
    let params = [
        ("q", query.q),
        ("district", query.district),
        ("type", query.home_type),
        ("lat", query.lat),
        ("lon", query.lon),
    ];
    let present: Vec<(&str, String)> = params
        .into_iter()
        .filter_map(|(k, v)| v.map(|v| (k, v)))
        .collect();
    let response = Request::get("/api/homes")
        .query(present.iter().map(|(k, v)| (*k, v.as_str())))
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// `GET` of a path, read as JSON.
async fn get_json<T: DeserializeOwned>(path: &str) -> Result<T, ClientError> {
    let response = Request::get(path)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// The API path of one home, with its id encoded.
fn home_path(id: &str) -> String {
    format!(
        "/api/homes/{}",
        deputy_homes_api::homes::maplinks::encode_component(id)
    )
}

/// `GET /api/homes/{id}`.
pub async fn home_get(id: String) -> Result<Home, ClientError> {
    get_json(&home_path(&id)).await
}

/// `GET /api/session`: the signed-in account, or `None` when nobody is signed in.
pub async fn session_get() -> Result<Option<Session>, ClientError> {
    let response = Request::get("/api/session")
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    if response.status() == 401 {
        return Ok(None);
    }
    read_json(response).await.map(Some)
}

/// `POST /api/session`: signs in; the server sets the session cookie.
pub async fn session_create(login: String, password: String) -> Result<Session, ClientError> {
    let request = Request::post("/api/session")
        .json(&SignIn { login, password })
        .map_err(|_| ClientError::BadResponse)?;
    let response = request.send().await.map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// `DELETE /api/session`: signs out on the server.
pub async fn session_delete(csrf_token: String) -> Result<(), ClientError> {
    let response = Request::delete("/api/session")
        .header(CSRF_HEADER, &csrf_token)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    if response.ok() {
        Ok(())
    } else {
        read_json::<()>(response).await
    }
}

/// The header that carries the session's anti-forgery token on state-changing requests.
const CSRF_HEADER: &str = "X-CSRF-Token";

/// `GET /api/homes/{id}/activities`: the home's activities that have not ended.
pub async fn home_activities(id: String) -> Result<Vec<Activity>, ClientError> {
    get_json(&format!("{}/activities", home_path(&id))).await
}

/// `POST /api/homes/{id}/activities`: publishes an activity or a weekly series.
pub async fn activities_create(
    home_id: String,
    body: NewActivities,
    csrf_token: String,
) -> Result<Vec<Activity>, ClientError> {
    let path = format!("{}/activities", home_path(&home_id));
    send_json(Request::post(&path), &body, Some(&csrf_token)).await
}

/// `GET /api/accounts`: every account (staff only).
pub async fn accounts_list() -> Result<Vec<Account>, ClientError> {
    get_json("/api/accounts").await
}

/// `POST /api/accounts`: creates an account (staff only).
pub async fn accounts_create(body: NewAccount, csrf_token: String) -> Result<Account, ClientError> {
    send_json(Request::post("/api/accounts"), &body, Some(&csrf_token)).await
}

/// `PUT /api/accounts/{id}/homes`: sets the homes a delegate belongs to (staff only).
pub async fn account_homes_set(
    id: String,
    home_ids: Vec<String>,
    csrf_token: String,
) -> Result<Account, ClientError> {
    let path = format!(
        "/api/accounts/{}/homes",
        deputy_homes_api::homes::maplinks::encode_component(&id)
    );
    send_json(
        Request::put(&path),
        &AccountHomes { home_ids },
        Some(&csrf_token),
    )
    .await
}

/// Sends a JSON body with `method` (and the anti-forgery token when signed in); reads JSON back.
async fn send_json<B: Serialize, T: DeserializeOwned>(
    request: RequestBuilder,
    body: &B,
    csrf_token: Option<&str>,
) -> Result<T, ClientError> {
    let request = match csrf_token {
        Some(token) => request.header(CSRF_HEADER, token),
        None => request,
    };
    let request = request.json(body).map_err(|_| ClientError::BadResponse)?;
    let response = request.send().await.map_err(|_| ClientError::Network)?;
    read_json(response).await
}

fn activity_path(id: &str) -> String {
    format!("/api/activities/{}", encode_component(id))
}

fn booking_path(code: &str) -> String {
    format!("/api/bookings/{}", encode_component(code))
}

/// `GET /api/activities/{id}`.
pub async fn activity_get(id: String) -> Result<Activity, ClientError> {
    get_json(&activity_path(&id)).await
}

/// `POST /api/activities/{id}/bookings`: books a seat or a place on the waitlist.
pub async fn booking_create(activity_id: String, body: NewBooking) -> Result<Booking, ClientError> {
    let path = format!("{}/bookings", activity_path(&activity_id));
    send_json(Request::post(&path), &body, None).await
}

/// `GET /api/bookings/{code}?phone=`.
pub async fn booking_get(code: String, phone: String) -> Result<Booking, ClientError> {
    let response = Request::get(&booking_path(&code))
        .query([("phone", phone.as_str())])
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// `POST /api/bookings/{code}/cancel`.
pub async fn booking_cancel(code: String, phone: String) -> Result<Booking, ClientError> {
    let path = format!("{}/cancel", booking_path(&code));
    send_json(Request::post(&path), &CancelBooking { phone }, None).await
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
    get_json(&format!("{}/bookings", activity_path(&activity_id))).await
}

/// `POST /api/activities/{id}/check-in`.
pub async fn check_in(
    activity_id: String,
    code: String,
    csrf_token: String,
) -> Result<RosterEntry, ClientError> {
    let path = format!("{}/check-in", activity_path(&activity_id));
    send_json(Request::post(&path), &CheckIn { code }, Some(&csrf_token)).await
}

/// `GET /api/activities/{id}/record`; `None` when none was written yet.
pub async fn record_get(activity_id: String) -> Result<Option<ReceptionRecord>, ClientError> {
    match get_json(&format!("{}/record", activity_path(&activity_id))).await {
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
    let path = format!("{}/record", activity_path(&activity_id));
    send_json(Request::put(&path), &body, Some(&csrf_token)).await
}

/// `GET /api/delegates/{id}/summary`: this year's figures.
pub async fn year_summary(account_id: String) -> Result<YearSummary, ClientError> {
    get_json(&format!(
        "/api/delegates/{}/summary",
        encode_component(&account_id)
    ))
    .await
}

/// `POST /api/bookings/{code}/move`: the same code, now at another activity.
pub async fn booking_move(
    code: String,
    phone: String,
    activity_id: String,
) -> Result<Booking, ClientError> {
    let path = format!("{}/move", booking_path(&code));
    send_json(
        Request::post(&path),
        &MoveBooking { phone, activity_id },
        None,
    )
    .await
}

/// `GET /api/activities`: upcoming activities of every home, filtered (empty strings: no filter).
pub async fn activities_list(
    district: String,
    kind: String,
    date: String,
) -> Result<Vec<Activity>, ClientError> {
    let params = [("district", district), ("kind", kind), ("date", date)];
    let present: Vec<&(&str, String)> = params.iter().filter(|(_, v)| !v.is_empty()).collect();
    let response = Request::get("/api/activities")
        .query(present.iter().map(|(k, v)| (*k, v.as_str())))
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// `PUT /api/activities/{id}`: new time, size or topic.
pub async fn activity_edit(
    id: String,
    body: EditActivity,
    csrf_token: String,
) -> Result<Activity, ClientError> {
    send_json(Request::put(&activity_path(&id)), &body, Some(&csrf_token)).await
}

/// `POST /api/activities/{id}/cancel`: cancels with a reason told to everyone booked.
pub async fn activity_cancel(
    id: String,
    reason: String,
    csrf_token: String,
) -> Result<Activity, ClientError> {
    let path = format!("{}/cancel", activity_path(&id));
    send_json(
        Request::post(&path),
        &CancelActivity { reason },
        Some(&csrf_token),
    )
    .await
}

/// `GET /api/notifications`: the message outbox, newest first (staff only).
pub async fn notifications_list() -> Result<Vec<Notification>, ClientError> {
    get_json("/api/notifications").await
}

/// `POST /api/opinion-photos`: uploads one photo (the server strips its metadata).
pub async fn opinion_photo_upload(file: web_sys::File) -> Result<OpinionPhoto, ClientError> {
    let form = web_sys::FormData::new().map_err(|_| ClientError::BadResponse)?;
    form.append_with_blob_and_filename("photo", &file, &file.name())
        .map_err(|_| ClientError::BadResponse)?;
    let request = Request::post("/api/opinion-photos")
        .body(form)
        .map_err(|_| ClientError::BadResponse)?;
    let response = request.send().await.map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// `POST /api/opinions`: sends an opinion; the same key never creates a second one.
pub async fn opinion_create(
    body: NewOpinion,
    idempotency_key: String,
) -> Result<OpinionReceipt, ClientError> {
    send_json(
        Request::post("/api/opinions").header("Idempotency-Key", &idempotency_key),
        &body,
        None,
    )
    .await
}

/// `GET /api/opinions/{tracking}?phone_last4=`.
pub async fn opinion_by_tracking(
    tracking_number: String,
    phone_last4: String,
) -> Result<OpinionView, ClientError> {
    let path = format!("/api/opinions/{}", encode_component(&tracking_number));
    let response = Request::get(&path)
        .query([("phone_last4", phone_last4.as_str())])
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}

/// `GET /api/opinions/by-token/{token}`: the private link.
pub async fn opinion_by_token(token: String) -> Result<OpinionView, ClientError> {
    get_json(&format!(
        "/api/opinions/by-token/{}",
        encode_component(&token)
    ))
    .await
}
