//! Every HTTP call the app makes, and the one error type they return.

use deputy_homes_api::query::HomeFilter;
use deputy_homes_api::{ApiError, ErrorCode, Home, HomesResponse};
use gloo_net::http::{Request, Response};
use serde::de::DeserializeOwned;

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

/// `GET /api/homes/{id}`.
pub async fn home_get(id: String) -> Result<Home, ClientError> {
    let path = format!(
        "/api/homes/{}",
        deputy_homes_api::maplinks::encode_component(&id)
    );
    let response = Request::get(&path)
        .send()
        .await
        .map_err(|_| ClientError::Network)?;
    read_json(response).await
}
