//! The homes' HTTP calls: the register's list and one home.

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::homes::maplinks::encode_component;
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::{Home, HomesResponse};

/// `GET /api/homes` with the filter's parameters.
pub async fn homes_list(filter: HomeFilter) -> Result<HomesResponse, ClientError> {
    let query = filter.to_query();
    ApiRequest::get("/api/homes")
        .query("q", query.q)
        .query("district", query.district)
        .query("type", query.home_type)
        .query("lat", query.lat)
        .query("lon", query.lon)
        .send()
        .await
}

/// `GET /api/homes/{id}`.
pub async fn home_get(id: String) -> Result<Home, ClientError> {
    ApiRequest::get(format!("/api/homes/{}", encode_component(&id)))
        .send()
        .await
}
