//! The homes' HTTP calls: the register's list and one home.

use crate::kit::http::{ApiRequest, ClientError};
use deputy_homes_api::homes::maplinks::encode_component;
use deputy_homes_api::homes::query::HomeFilter;
use deputy_homes_api::{Home, HomesResponse};

/// `GET /api/homes` with the filter's parameters.
pub async fn homes_list(filter: HomeFilter) -> Result<HomesResponse, ClientError> {
    ApiRequest::get("/api/homes")
        .queries(filter.to_query().pairs())
        .send_unless_carried()
        .await
}

/// `GET /api/homes/{id}`.
pub async fn home_get(id: String) -> Result<Home, ClientError> {
    ApiRequest::get(format!("/api/homes/{}", encode_component(&id)))
        .send_unless_carried()
        .await
}
